"""Sentences and tokens with exact character offsets into the original text.

Sentence boundaries come from NLTK's Punkt algorithm, configured in code with
abbreviations common in political news (``Mr.``, ``Sen.``, ``U.S.``...), so no
``punkt`` data files are needed. Blank lines, and a short heading line followed
by a longer one (a headline or an author's name above the text), also end a
sentence.

Tokens follow NLTK's ``word_tokenize`` conventions (the Penn Treebank style of
:class:`nltk.tokenize.NLTKWordTokenizer`): punctuation is split off, ``don't``
becomes ``do`` + ``n't``, ``Labour's`` becomes ``Labour`` + ``'s``. Unlike
NLTK, the curly apostrophe is treated like the straight one (``Britain’s`` is
``Britain`` + ``’s``), and a token's text is always the exact slice of the
input: a ``"`` stays ``"`` instead of becoming ```` `` ```` or ``''``.

Offsets are Python string indices (code points), end exclusive, so
``text[token.start:token.end] == token.text`` holds for every token, whatever
the input holds: curly quotes, dashes, diacritics, emoji, right-to-left
scripts, control characters, even lone surrogates.

Every step runs in time linear in the length of the input. Stretches longer
than a few thousand characters without a sentence break are tokenized in
pieces cut at whitespace (or, failing that, at a fixed width), so neither an
unpunctuated 100,000-character "sentence" nor a megabyte without a space can
trigger super-linear behaviour.

Examples:
    >>> from discourse.parse.tokenize import sentences
    >>> [s.text for s in sentences("Mr. Corbyn spoke. Unite voted.")]
    ['Mr. Corbyn spoke.', 'Unite voted.']
    >>> [t.text for t in sentences("Labour’s leader said “no”.")[0].tokens]
    ['Labour', '’s', 'leader', 'said', '“', 'no', '”', '.']
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator
from typing import Final

import attrs
from nltk.tokenize.punkt import PunktParameters, PunktSentenceTokenizer

from discourse.errors import ParseError

__all__ = [
    "ABBREVIATIONS",
    "Sentence",
    "Token",
    "sentence_spans",
    "sentences",
    "token_spans",
    "tokenize",
]


@attrs.frozen
class Token:
    """One token: its exact text and where it sits in the original string.

    Attributes:
        text: The token as written, ``original[start:end]``.
        start: Offset of the first character (a code-point index).
        end: Offset one past the last character.
        tag: The part-of-speech tag (Penn Treebank), once tagged; else ``None``.
    """

    text: str
    start: int
    end: int
    tag: str | None = None


@attrs.frozen
class Sentence:
    """One sentence and its tokens.

    Attributes:
        text: The sentence as written, ``original[start:end]``.
        start: Offset of the first character in the original string.
        end: Offset one past the last character.
        tokens: The tokens, in order, with offsets into the original string.
    """

    text: str
    start: int
    end: int
    tokens: tuple[Token, ...]


#: Abbreviations that do not end a sentence when followed by a period, as
#: Punkt spells them: lower case, without the final period.
ABBREVIATIONS: Final[frozenset[str]] = frozenset(
    {
        # titles and honorifics
        "mr", "mrs", "ms", "messrs", "mme", "mlle", "dr", "prof", "rev", "revd",
        "hon", "rt", "sen", "sens", "rep", "reps", "gov", "govs", "pres", "amb",
        "atty", "cllr", "supt", "insp", "det", "sgt", "cpl", "pte", "pvt", "lt",
        "col", "gen", "maj", "capt", "cmdr", "cdr", "adm", "brig", "st", "ste",
        "jr", "sr", "esq", "fr", "sec", "secy", "treas", "dep",
        # places, organisations
        "u.s", "u.s.a", "u.k", "u.n", "e.u", "d.c", "n.y", "l.a", "n.j", "s.c",
        "n.c", "mt", "ft", "ave", "blvd", "rd", "inc", "ltd", "co", "corp",
        "plc", "bros", "dept", "assn", "govt", "univ", "natl", "intl",
        # US states, as abbreviated in news style, where not also an English word
        "ala", "ariz", "ark", "calif", "colo", "conn", "fla", "ga", "ky", "md",
        "mich", "minn", "mont", "neb", "nev", "okla", "tenn", "tex", "va", "vt",
        "wis", "wyo",
        # months and weekdays that are not also words
        "jan", "feb", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov",
        "dec", "tue", "tues", "thu", "thur", "thurs", "fri",
        # Latin and scholarly
        "e.g", "i.e", "cf", "vs", "etc", "al", "approx", "viz", "ca", "vol",
        "vols", "fig", "pp", "ed", "eds", "a.m", "p.m", "ph.d", "b.a", "m.a",
        "m.p",
    }
)  # fmt: skip

#: Stretches longer than this are tokenized in pieces cut at whitespace.
_MAX_CHUNK: Final = 4000

# --- sentence boundaries --------------------------------------------------------------

_PARAGRAPH_SEPARATORS: Final = frozenset("\f\x1c\x1d\x1e\u2029")
_LINE_BREAK: Final = re.compile(r"\r\n|[\n\r\v\f\x1c\x1d\x1e\x85\u2028\u2029]")
#: Characters that, ending a line, say the sentence goes on in the next one.
_CONTINUES: Final = frozenset(",;:-\u2010\u2013\u2014([{/&+=")
_OPENING: Final = frozenset("\"'\u2018\u201c\u00ab\u201e([")
#: A heading line is at most this long and at most this share of the next line.
_HEADING_MAX: Final = 80
_HEADING_RATIO: Final = 0.7


def _punkt() -> PunktSentenceTokenizer:
    params = PunktParameters()
    params.abbrev_types = set(ABBREVIATIONS)
    return PunktSentenceTokenizer(params)


_PUNKT: Final = _punkt()


def _is_heading_break(previous: str, following: str) -> bool:
    """Whether a single line break after ``previous`` ends a sentence."""
    if not previous or not following or len(previous) > _HEADING_MAX:
        return False
    if previous[-1] in _CONTINUES or len(previous) >= _HEADING_RATIO * len(following):
        return False
    first = following[0]
    return first.isupper() or first.isdigit() or first in _OPENING


def _blocks(text: str) -> Iterator[tuple[int, int]]:
    """Cut ``text`` at paragraph breaks and after heading lines.

    Yields:
        ``(start, end)`` of each stretch that may hold several sentences; the
        stretches are stripped of surrounding whitespace and never empty.
    """
    block_start = -1
    block_end = 0
    previous = ""
    for start, end, brk in _lines(text):
        raw = text[start:end]
        line = raw.strip()
        if not line:  # a blank line ends the paragraph
            if block_start >= 0:
                yield block_start, block_end
                block_start = -1
            previous = ""
            continue
        if block_start >= 0 and _is_heading_break(previous, line):
            yield block_start, block_end
            block_start = -1
        if block_start < 0:
            block_start = start + len(raw) - len(raw.lstrip())
        block_end = end - (len(raw) - len(raw.rstrip()))
        previous = line
        if brk in _PARAGRAPH_SEPARATORS:
            yield block_start, block_end
            block_start = -1
            previous = ""
    if block_start >= 0:
        yield block_start, block_end


def _lines(text: str) -> Iterator[tuple[int, int, str]]:
    """Yield ``(start, end, line break)`` for each line; the last break is ``""``."""
    pos = 0
    for match in _LINE_BREAK.finditer(text):
        yield pos, match.start(), match.group()
        pos = match.end()
    yield pos, len(text), ""


def _strip_span(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def sentence_spans(text: str) -> list[tuple[int, int]]:
    """Find the sentences of ``text``.

    Args:
        text: Any string.

    Returns:
        ``(start, end)`` offsets of each sentence, in order, without
        surrounding whitespace. Empty when ``text`` is blank.

    Raises:
        ParseError: ``text`` is not a string.
    """
    _check(text)
    spans: list[tuple[int, int]] = []
    for block_start, block_end in _blocks(text):
        block = text[block_start:block_end]
        for start, end in _PUNKT.span_tokenize(block):
            s, e = _strip_span(block, start, end)
            if s < e:
                spans.append((block_start + s, block_start + e))
    return spans


# --- words ----------------------------------------------------------------------------
#
# The regular expressions and their order are those of NLTKWordTokenizer.tokenize
# (nltk/tokenize/destructive.py, NLTK 3.9-3.10, Apache License 2.0), compiled with the
# standard library's ``re``: NLTK routes them through its ``redos`` wrapper, which runs
# each substitution under a timer in the ``regex`` engine and is about twice as slow.
# The one possessive group (``*+``, Python >= 3.11) is written as a look-ahead capture
# followed by a back-reference, which matches the same text without backtracking on
# any Python version. tests/parse/test_tokenize.py checks the output against NLTK's.

_OPEN_QUOTE = re.compile("([«“‘„]|[`]+)")
_BACKTICKS = re.compile(r"(``)")
_QUOTE_AFTER_OPENER = re.compile(r"([ \(\[{<])(\"|\'{2})")
_OPENING_APOSTROPHE = re.compile(r"(?i)(?<!\w)(\')(?!(?:re|ve|ll|m|t|s|d|n)\b)(?=\w)")
_FINAL_PERIOD = re.compile(r'([^\.])(\.)(?=([\]\)}>"\'»”’ ]*))\3\s*$')
_COLON_COMMA = re.compile(r"([:,])([^\d])")
_FINAL_COLON_COMMA = re.compile(r"([:,])$")
_ELLIPSIS = re.compile(r"\.{2,}")
_SYMBOLS = re.compile(r"[;@#$%&]")
_DASHES = re.compile(r"[\u2012-\u2015]")
_FINAL_PERIOD_QUOTES = re.compile(r'([^\.])(\.)([\]\)}>"\']*)\s*$')
_QUESTION_EXCLAMATION = re.compile(r"[?!]")
_CLOSING_APOSTROPHE = re.compile(r"([^'])' ")
_ASTERISK = re.compile(r"[*]")
_BRACKETS = re.compile(r"[\]\[\(\)\{\}\<\>]")
_DOUBLE_DASH = re.compile(r"--")
_CLOSE_QUOTE = re.compile("([»”’])")
_TWO_APOSTROPHES = re.compile(r"''")
_DOUBLE_QUOTE = re.compile(r'"')
_CLITIC = re.compile(r"([^' ])('[sS]|'[mM]|'[dD]|') ")
_CLITIC2 = re.compile(r"([^' ])('ll|'LL|'re|'RE|'ve|'VE|n't|N'T) ")
_CONTRACTIONS: Final[tuple[re.Pattern[str], ...]] = tuple(
    re.compile(pattern)
    for pattern in (
        r"(?i)\b(can)(?#X)(not)\b",
        r"(?i)\b(d)(?#X)('ye)\b",
        r"(?i)\b(gim)(?#X)(me)\b",
        r"(?i)\b(gon)(?#X)(na)\b",
        r"(?i)\b(got)(?#X)(ta)\b",
        r"(?i)\b(lem)(?#X)(me)\b",
        r"(?i)\b(more)(?#X)('n)\b",
        r"(?i)\b(wan)(?#X)(na)(?=\s)",
        r"(?i) ('t)(?#X)(is)\b",
        r"(?i) ('t)(?#X)(was)\b",
    )
)
#: Matches wherever one of the contraction rules might (same flags, no ``\b``).
_MAYBE_CONTRACTION = re.compile(
    r"(?i)cannot|d'ye|gimme|gonna|gotta|lemme|more'n|wanna|'t(?:is|was)"
)
_QUOTE_TOKENS: Final = frozenset({"``", "''"})
#: Used when a token cannot be found where expected (never seen; a safety net).
_FALLBACK: Final = re.compile(r"\w+(?:[-'.]\w+)*|\S")


def _word_tokenize(text: str) -> list[str]:
    """Tokenize one sentence exactly as ``NLTKWordTokenizer().tokenize`` does.

    The rules run in NLTK's order; a rule is skipped when the characters it
    needs are absent (they are tested conservatively: the rules only insert
    spaces and turn ``"`` and ``''`` into ```` `` ```` or ``''``).
    """
    double = '"' in text
    single = "'" in text
    # Starting quotes.
    if "`" in text or "«" in text or "“" in text or "‘" in text or "„" in text:
        text = _OPEN_QUOTE.sub(r" \1 ", text)
    if double and text.startswith('"'):
        text = "``" + text[1:]
    if double or "`" in text:
        text = _BACKTICKS.sub(r" \1 ", text)
    if double or single:
        text = _QUOTE_AFTER_OPENER.sub(r"\1 `` ", text)
    if single:
        text = _OPENING_APOSTROPHE.sub(r"\1 ", text)
    # Punctuation.
    period = "." in text
    if period:
        text = _FINAL_PERIOD.sub(r"\1 \2 \3 ", text)
    if ":" in text or "," in text:
        text = _COLON_COMMA.sub(r" \1 \2", text)
        text = _FINAL_COLON_COMMA.sub(r" \1 ", text)
    if period:
        text = _ELLIPSIS.sub(r" \g<0> ", text)
    text = _SYMBOLS.sub(r" \g<0> ", text)
    text = _DASHES.sub(r" \g<0> ", text)
    if period:
        text = _FINAL_PERIOD_QUOTES.sub(r"\1 \2\3 ", text)
    if "?" in text or "!" in text:
        text = _QUESTION_EXCLAMATION.sub(r" \g<0> ", text)
    if single:
        text = _CLOSING_APOSTROPHE.sub(r"\1 ' ", text)
    if "*" in text:
        text = _ASTERISK.sub(r" \g<0> ", text)
    text = _BRACKETS.sub(r" \g<0> ", text)
    if "--" in text:
        text = _DOUBLE_DASH.sub(r" -- ", text)
    # Ending quotes; ``re.sub(r"\s+", " ", ...)`` on a text padded with spaces.
    if "»" in text or "”" in text or "’" in text:
        text = _CLOSE_QUOTE.sub(r" \1 ", text)
    if single:
        text = _TWO_APOSTROPHES.sub(" '' ", text)
    if double:
        text = _DOUBLE_QUOTE.sub(" '' ", text)
    words = text.split()
    if not words or not (single or double or _MAYBE_CONTRACTION.search(text)):
        return words
    text = " " + " ".join(words) + " "
    if single or double:
        text = _CLITIC.sub(r"\1 \2 ", text)
        text = _CLITIC2.sub(r"\1 \2 ", text)
    if _MAYBE_CONTRACTION.search(text):
        for regexp in _CONTRACTIONS:
            text = regexp.sub(r" \1 \2 ", text)
    return text.split()


def _align(tokens: list[str], chunk: str, base: int, out: list[tuple[int, int]]) -> bool:
    """Append the offsets of ``tokens`` in ``chunk`` to ``out``.

    The tokenizer only inserts spaces and rewrites ``"`` as ```` `` ```` or
    ``''``, so each token starts at the next non-space character.

    Returns:
        ``False`` if a token is not where it should be (``out`` is then partly
        filled and the caller must discard the extra entries).
    """
    pos = 0
    size = len(chunk)
    startswith = chunk.startswith
    for token in tokens:
        while pos < size and chunk[pos].isspace():
            pos += 1
        if startswith(token, pos):
            end = pos + len(token)
        elif token in _QUOTE_TOKENS:
            if startswith(("''", "``"), pos):
                end = pos + 2
            elif startswith('"', pos):
                end = pos + 1
            else:
                return False
        else:
            return False
        out.append((base + pos, base + end))
        pos = end
    return True


def _chunks(text: str, start: int, end: int) -> Iterator[tuple[int, int]]:
    """Cut ``text[start:end]`` into pieces of at most ``_MAX_CHUNK`` characters."""
    while end - start > _MAX_CHUNK:
        low, high = start + _MAX_CHUNK // 2, start + _MAX_CHUNK
        cut = max(text.rfind(" ", low, high), text.rfind("\n", low, high))
        if cut < 0:
            cut = high
            # Do not separate a base character from its combining marks.
            while cut > low and unicodedata.category(text[cut]).startswith("M"):
                cut -= 1
        yield start, cut
        start = cut
    yield start, end


def token_spans(text: str, start: int = 0, end: int | None = None) -> list[tuple[int, int]]:
    """Find the tokens of one sentence.

    Args:
        text: The original string.
        start: Where the sentence starts in ``text``.
        end: Where it ends (default: the end of ``text``).

    Returns:
        ``(start, end)`` offsets into ``text`` of each token, in order.

    Raises:
        ParseError: ``text`` is not a string.
    """
    _check(text)
    stop = len(text) if end is None else end
    out: list[tuple[int, int]] = []
    for a, b in _chunks(text, start, stop):
        chunk = text[a:b]
        if "’" in chunk or "‘" in chunk:
            # Same length, so offsets are unchanged: lets the contraction and
            # possessive rules see curly apostrophes.
            chunk = chunk.replace("’", "'").replace("‘", "'")
        mark = len(out)
        if not _align(_word_tokenize(chunk), chunk, a, out):
            del out[mark:]
            out.extend((a + m.start(), a + m.end()) for m in _FALLBACK.finditer(chunk))
    return out


def sentences(text: str) -> list[Sentence]:
    """Split ``text`` into sentences and tokens.

    Args:
        text: Any string.

    Returns:
        The sentences in order; every offset indexes ``text`` itself.

    Raises:
        ParseError: ``text`` is not a string.

    Examples:
        >>> s = sentences("Unite backed McCluskey.")[0]
        >>> [(t.text, t.start, t.end) for t in s.tokens]
        [('Unite', 0, 5), ('backed', 6, 12), ('McCluskey', 13, 22), ('.', 22, 23)]
    """
    result: list[Sentence] = []
    for start, end in sentence_spans(text):
        tokens = tuple(Token(text[a:b], a, b) for a, b in token_spans(text, start, end))
        result.append(Sentence(text[start:end], start, end, tokens))
    return result


def tokenize(text: str) -> list[Token]:
    """Tokenize ``text``, sentence by sentence, into one flat list.

    Args:
        text: Any string.

    Returns:
        Every token of every sentence, in order.

    Raises:
        ParseError: ``text`` is not a string.
    """
    return [
        Token(text[a:b], a, b)
        for start, end in sentence_spans(text)
        for a, b in token_spans(text, start, end)
    ]


def _check(text: object) -> None:
    if not isinstance(text, str):
        raise ParseError(f"expected a string to tokenize, got {type(text).__name__}")
