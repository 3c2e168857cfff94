"""The tokenized, tagged document every extraction stage reads.

:func:`prepare` runs the first two stages (``tokenize`` → ``tag``) and lays the
result out as parallel lists per sentence (words, lower-case words, tags,
offsets), which the later stages scan without allocating per token. It also
finds the quotations of the text (straight and curly double quotes).

Examples:
    >>> doc = prepare("Corbyn said “no”.", source="s1")
    >>> doc.sents[0].words
    ['Corbyn', 'said', '“', 'no', '”', '.']
    >>> [doc.text[a:b] for a, b in doc.quotes]
    ['no']
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Sequence
from typing import Final

import attrs

from discourse.parse.tag import load_tagger, normalize_word
from discourse.parse.tokenize import sentence_spans, token_spans

__all__ = ["Doc", "Sent", "find_quotes", "prepare"]

#: Quotations longer than this are taken for unbalanced quotation marks.
MAX_QUOTE: Final = 1500
#: Sentences longer than this many tokens are tagged in windows of this size.
_TAG_WINDOW: Final = 400


@attrs.define(slots=True, eq=False)
class Sent:
    """One sentence as parallel per-token lists.

    Attributes:
        index: Position of the sentence in the document.
        start: Offset of its first character.
        end: Offset one past its last character.
        words: Token texts, curly apostrophes written ``'``.
        lower: The words in lower case.
        tags: Penn Treebank tags.
        starts: Offset of each token.
        ends: Offset one past each token.
    """

    index: int
    start: int
    end: int
    words: list[str]
    lower: list[str]
    tags: list[str]
    starts: list[int]
    ends: list[int]

    def __len__(self) -> int:
        return len(self.words)


@attrs.define(slots=True, eq=False)
class Doc:
    """A document ready for extraction.

    Attributes:
        text: The original string.
        source: Id of the source the offsets point into.
        sents: The sentences.
        quotes: ``(start, end)`` of the text inside each pair of quotation
            marks, in order (the marks excluded).
    """

    text: str
    source: str
    sents: list[Sent]
    quotes: list[tuple[int, int]]

    def quote_at(self, start: int, end: int) -> tuple[int, int] | None:
        """The quotation that contains ``[start, end)``, if any."""
        quotes = self.quotes
        i = bisect_left(quotes, (start + 1, -1)) - 1
        if 0 <= i < len(quotes):
            a, b = quotes[i]
            if a <= start and end <= b:
                return quotes[i]
        return None

    def quotes_in(self, start: int, end: int) -> list[tuple[int, int]]:
        """The quotations that overlap ``[start, end)``."""
        quotes = self.quotes
        i = max(0, bisect_left(quotes, (start, -1)) - 1)
        out = []
        while i < len(quotes) and quotes[i][0] < end:
            if quotes[i][1] > start:
                out.append(quotes[i])
            i += 1
        return out


_OPEN_CURLY: Final = "\u201c"
_CLOSE_CURLY: Final = "\u201d"


def find_quotes(text: str) -> list[tuple[int, int]]:
    """Find quotations in straight (``"``) and curly (``“ ”``) double quotes.

    Marks are paired left to right; a paragraph break (a blank line) resets
    the pairing, and a "quotation" longer than ``MAX_QUOTE`` characters is
    taken for a stray mark and dropped. Runs in one pass over the text.

    Returns:
        ``(start, end)`` of each quoted stretch without its marks, in order.

    Examples:
        >>> t = 'He said "go" and “stay”.'
        >>> [t[a:b] for a, b in find_quotes(t)]
        ['go', 'stay']
    """
    out: list[tuple[int, int]] = []
    straight = -1
    curly = -1
    find = text.find
    pos = 0
    n = len(text)
    while pos < n:
        # jump to the next interesting character
        nxt = n
        for ch in ('"', _OPEN_CURLY, _CLOSE_CURLY, "\n\n"):
            k = find(ch, pos, nxt)
            if k >= 0:
                nxt = k
        if nxt >= n:
            break
        ch = text[nxt]
        if ch == "\n":
            straight = curly = -1
            pos = nxt + 2
            continue
        if ch == '"':
            if straight < 0:
                straight = nxt + 1
            else:
                if 0 < nxt - straight <= MAX_QUOTE:
                    out.append((straight, nxt))
                straight = -1
        elif ch == _OPEN_CURLY:
            curly = nxt + 1
        elif curly >= 0:
            if 0 < nxt - curly <= MAX_QUOTE:
                out.append((curly, nxt))
            curly = -1
        pos = nxt + 1
    out.sort()
    return out


def _tag_all(words: Sequence[str]) -> list[str]:
    tagger = load_tagger()
    forms = [normalize_word(w) for w in words]
    if len(forms) <= _TAG_WINDOW:
        return tagger.tag_forms(forms)
    tags: list[str] = []
    for i in range(0, len(forms), _TAG_WINDOW):
        tags.extend(tagger.tag_forms(forms[i : i + _TAG_WINDOW]))
    return tags


def prepare(text: str, *, source: str) -> Doc:
    """Tokenize and tag ``text`` (stages 1 and 2) and find its quotations.

    Args:
        text: The document.
        source: The id of the source the offsets point into.

    Returns:
        The :class:`Doc`.

    Raises:
        ParseError: ``text`` is not a string.
    """
    sents: list[Sent] = []
    for start, end in sentence_spans(text):
        spans = token_spans(text, start, end)
        if not spans:
            continue
        starts = [a for a, _ in spans]
        ends = [b for _, b in spans]
        raw = [text[a:b] for a, b in spans]
        words = [w.replace("\u2019", "'") if "\u2019" in w else w for w in raw]
        tags = _tag_all(raw)
        lower = [w.lower() for w in words]
        sents.append(Sent(len(sents), start, end, words, lower, tags, starts, ends))
    return Doc(text, source, sents, find_quotes(text))
