"""Tests for discourse.parse.tokenize: sentence and token offsets."""

from __future__ import annotations

import gzip
import time
from collections.abc import Callable
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st
from nltk.tokenize import NLTKWordTokenizer

from discourse.errors import ParseError
from discourse.parse import tokenize as tk
from discourse.parse.tokenize import Sentence, Token, sentence_spans, sentences, token_spans

NEWS = (
    "Mr. McCluskey told the BBC: “We won’t be bullied.” Len McCluskey — "
    "Unite’s general secretary — said Labour’s deputy leader, Tom Watson, "
    "was “out of order”. Sen. Warren (D-Mass.) met Gov. Cuomo in the U.S. "
    "capital on Jan. 5. The Rt. Hon. member for Islington North didn't "
    "comment; François Hollande's Parti socialiste couldn't either.\n\n"
    "Momentum’s founder, Jon Lansman, said: ‘It's a coup.’ Critics disagreed!"
)


def check_invariants(text: str, result: list[Sentence]) -> None:
    """Offsets index ``text`` exactly, in order, and cover every non-space character."""
    last = 0
    covered: list[str] = []
    for sentence in result:
        assert last <= sentence.start < sentence.end <= len(text)
        assert text[sentence.start : sentence.end] == sentence.text
        inner = sentence.start
        for token in sentence.tokens:
            assert sentence.start <= inner <= token.start < token.end <= sentence.end
            assert text[token.start : token.end] == token.text
            assert not token.text.isspace()
            inner = token.end
            covered.append(token.text)
        last = sentence.end
    assert "".join(covered) == "".join(text.split())


def texts(result: list[Sentence]) -> list[list[str]]:
    return [[t.text for t in s.tokens] for s in result]


# --- offsets ----------------------------------------------------------------------------


def test_offsets_exact_on_news_with_curly_quotes_dashes_and_diacritics() -> None:
    """Every offset slices the original text, curly quotes and em dashes included."""
    check_invariants(NEWS, sentences(NEWS))


def test_offsets_exact_on_seed_text(seed_text: str) -> None:
    """The seed article is covered exactly, token by token."""
    result = sentences(seed_text)
    check_invariants(seed_text, result)
    assert len(result) > 10


def test_tokens_of_curly_quoted_sentence() -> None:
    """Curly quotes are separate tokens; a curly apostrophe splits like a straight one."""
    (sentence,) = sentences("After, Labour’s “humiliating” defeat, they don’t care.")
    assert [t.text for t in sentence.tokens] == [
        "After", ",", "Labour", "’s", "“", "humiliating", "”", "defeat", ",",
        "they", "do", "n’t", "care", ".",
    ]  # fmt: skip


def test_straight_double_quotes_keep_their_text() -> None:
    """A ``"`` token is the original character, not NLTK's ``` `` ``` or ``''``."""
    text = 'He warned of a "soft coup" and said "no".'
    tokens = [(t.text, t.start) for s in sentences(text) for t in s.tokens]
    quotes = [(tok, start) for tok, start in tokens if tok == '"']
    assert [start for _, start in quotes] == [i for i, c in enumerate(text) if c == '"']


def test_token_fields() -> None:
    """Tokens carry text, start, end and an empty tag."""
    assert tk.tokenize("Unite voted.") == [
        Token("Unite", 0, 5),
        Token("voted", 6, 11),
        Token(".", 11, 12),
    ]


def test_token_spans_of_a_region() -> None:
    """token_spans can work on a slice of a longer text, giving absolute offsets."""
    text = "xx Labour won. yy"
    assert token_spans(text, 3, 14) == [(3, 9), (10, 13), (13, 14)]


# --- sentence boundaries ----------------------------------------------------------------


def test_political_abbreviations_do_not_end_sentences() -> None:
    """Titles and ``U.S.`` followed by a period do not end a sentence."""
    text = (
        "Mr. Smith met Sen. Jones and Gov. Brown. Rep. Ocasio-Cortez and Dr. Fox "
        "spoke in the U.S. Senate. Lt. Col. Vindman testified."
    )
    assert [s.text for s in sentences(text)] == [
        "Mr. Smith met Sen. Jones and Gov. Brown.",
        "Rep. Ocasio-Cortez and Dr. Fox spoke in the U.S. Senate.",
        "Lt. Col. Vindman testified.",
    ]


def test_blank_line_ends_a_sentence() -> None:
    """A blank line ends a sentence even without punctuation."""
    assert [s.text for s in sentences("Jeremy Corbyn\n\nIt is ironic")] == [
        "Jeremy Corbyn",
        "It is ironic",
    ]


def test_heading_line_ends_a_sentence() -> None:
    """A short line above a longer one (a headline) is a sentence of its own."""
    text = "Corbyn under fire\nThe Labour leader faced renewed criticism from his MPs on Monday."
    assert len(sentences(text)) == 2


def test_wrapped_lines_do_not_end_a_sentence() -> None:
    """Line breaks inside hard-wrapped prose are not boundaries."""
    text = (
        "The general secretary of Unite said on Monday that the union would\n"
        "Continue to back the leader of the Labour Party in the coming months,\n"
        "whatever his critics said.\n"
    )
    assert len(sentences(text)) == 1


@pytest.mark.parametrize("text", ["", "   ", "\n\n\t", "\u2029"])
def test_blank_text_has_no_sentences(text: str) -> None:
    """Blank input gives no sentences and no tokens."""
    assert sentences(text) == []
    assert sentence_spans(text) == []


def test_non_string_is_a_parse_error() -> None:
    """Passing bytes (or anything not a str) raises ParseError."""
    with pytest.raises(ParseError):
        sentences(b"Labour")  # type: ignore[arg-type]


# --- agreement with NLTK ----------------------------------------------------------------


def _ewt_sentences(shared: Path, limit: int) -> list[str]:
    path = shared / "data" / "ud-english-ewt" / "en_ewt-ud-dev.conllu.gz"
    if not path.exists():
        pytest.skip(f"{path} is absent")
    with gzip.open(path, "rt", encoding="utf-8") as lines:
        found = [line[9:].rstrip("\n") for line in lines if line.startswith("# text = ")]
    return found[:limit]


INLINE = [
    'He said, "I can\'t believe it." Then he left...',
    "Good muffins cost $3.88\nin New (York).  Please (buy) me\ntwo of them.\n(Thanks).",
    "``Hello'' -- she said -- 'what's that?' I'm gonna go; you'd better not!",
    "They'll say 'tis the season: 50% off, #deal @shop & more*.",
    "The U.S. economy grew 2.5% in Q3 [sic] {ok} <b>.",
    "''Quoted'' and \"\"\"triple\"\"\" and ``back''.",
]


@pytest.mark.parametrize("text", INLINE)
def test_tokens_and_spans_match_nltk_inline(text: str) -> None:
    """Tokens equal NLTKWordTokenizer's, spans equal its span_tokenize."""
    assert tk._word_tokenize(text) == NLTKWordTokenizer().tokenize(text)
    if "``" not in text:  # NLTK's own span_tokenize fails on literal `` in the input
        assert token_spans(text) == list(NLTKWordTokenizer().span_tokenize(text))


def test_tokens_and_spans_match_nltk_on_treebank_text(shared: Path) -> None:
    """On 2,000 web sentences, tokens and spans are exactly NLTK's."""
    nltk_tokenizer = NLTKWordTokenizer()
    for text in _ewt_sentences(shared, 2000):
        straight = text.replace("’", "'").replace("‘", "'")
        assert tk._word_tokenize(straight) == nltk_tokenizer.tokenize(straight)
        if "``" not in straight:
            assert token_spans(text) == list(nltk_tokenizer.span_tokenize(straight)), text


def test_unalignable_tokens_fall_back_to_a_simple_split(monkeypatch: pytest.MonkeyPatch) -> None:
    """Should a token ever not be found in the text, offsets stay exact (safety net)."""
    monkeypatch.setattr(tk, "_word_tokenize", lambda text: ["<not in text>"])
    text = "Labour’s “soft coup” — 1.4 million members."
    check_invariants(text, sentences(text))
    assert [t.text for t in tk.tokenize(text)][:3] == ["Labour’s", "“", "soft"]


# --- pathological input -----------------------------------------------------------------

PATHOLOGICAL: dict[str, Callable[[int], str]] = {
    "quotation marks": lambda n: '"' * n,
    "spaced quotation marks": lambda n: '" ' * (n // 2),
    "curly quotes": lambda n: "“a’" * (n // 3),
    "backticks": lambda n: "`" * n,
    "apostrophes": lambda n: "'" * n,
    "no spaces": lambda n: "a" * n,
    "no spaces, periods": lambda n: "a." * (n // 2),
    "periods": lambda n: "." * n,
    "spaced periods": lambda n: ". " * (n // 2),
    "initials": lambda n: "A. " * (n // 3),
    "one long sentence": lambda n: "word " * (n // 5),
    "punctuation": lambda n: "!?,;:-—()[]{}<>*&%$#@" * (n // 21),
    "emoji": lambda n: "😀👍🏽 " * (n // 4),
    "right to left": lambda n: "שלום עולם. مرحبا بالعالم! " * (n // 26),
    "combining marks": lambda n: "e\u0301\u0302" * (n // 3),
    "control characters": lambda n: "\x00\x01\x1b\x1c.\x7f \x85" * (n // 7),
    "lone surrogates": lambda n: "\ud800a.\udfff " * (n // 5),
    "newlines": lambda n: "A\n" * (n // 2),
    "quote after period then spaces": lambda n: ('."' + " " * 98) * (n // 100),
    "contractions": lambda n: "cannot'll'd n't " * (n // 16),
}


@pytest.mark.parametrize("make", PATHOLOGICAL.values(), ids=PATHOLOGICAL.keys())
def test_pathological_input_keeps_offsets(make: Callable[[int], str]) -> None:
    """Odd input never crashes and still gives exact, covering offsets."""
    text = make(20_000)
    check_invariants(text, sentences(text))


def _cpu_time(text: str, repeat: int = 3) -> float:
    """Best CPU time of this process (not wall time: other processes do not count)."""
    best = float("inf")
    for _ in range(repeat):
        started = time.process_time()
        sentences(text)
        best = min(best, time.process_time() - started)
    return best


@pytest.mark.parametrize("make", PATHOLOGICAL.values(), ids=PATHOLOGICAL.keys())
def test_pathological_input_takes_linear_time(make: Callable[[int], str]) -> None:
    """Ten times the input takes about ten times as long (under 30x, loosely)."""
    small, large = make(2_000), make(20_000)
    assert _cpu_time(large) < 30 * _cpu_time(small) + 0.05


@pytest.mark.slow
def test_five_megabytes_of_news(seed_text: str) -> None:
    """A 5 MB text is tokenized in seconds, with exact offsets."""
    text = (seed_text + "\n\n") * (5_000_000 // (len(seed_text) + 2))
    started = time.perf_counter()
    result = sentences(text)
    elapsed = time.perf_counter() - started
    check_invariants(text, result)
    assert elapsed < 120


@pytest.mark.slow
def test_hundred_thousand_character_sentence() -> None:
    """A single unpunctuated 100,000-character sentence is cut at whitespace."""
    text = "and the Labour Party said " * 4000
    (sentence,) = sentences(text)
    assert len(sentence.tokens) == 20_000
    check_invariants(text, [sentence])


SURROGATES = st.sampled_from(["\ud800", "\udfff", "\ud83d"])
ODD_TEXT = st.text(
    st.one_of(
        st.characters(),
        SURROGATES,
        st.sampled_from(list("\"'`“”‘’«».!?,;: \n\t-—()")),
    ),
    max_size=300,
)


@given(ODD_TEXT)
def test_any_text_gives_exact_offsets(text: str) -> None:
    """For any string, offsets are exact and every non-space character is in a token."""
    check_invariants(text, sentences(text))
