"""Robustness of the parser: odd Unicode, pathological inputs, linear time."""

from __future__ import annotations

import random
import time

import pytest
from hypothesis import given
from hypothesis import strategies as st

from discourse import Corpus
from discourse.parse import parse

SENTENCE = "Jane Roe accused John Doe of betrayal, and Labour lost the Copeland by-election. "


def spans_ok(c: Corpus, text: str) -> bool:
    return all(text[s.start : s.end] == s.text for r in c for s in getattr(r, "evidence", ()))


@pytest.mark.parametrize(
    "text",
    [
        "🙂 Jane Roe 🙂 said “🙂” to John Doe. 👍🏽",
        "مرحبا Jane Roe قالت שלום to John Doe.",
        "Jane\x00Roe\x07 said\x1b[31m no\u202e to John Doe.\x0c",
        "Jane Roe said \ud800 to John Doe \udfff.",
        "\u200b\u200d\ufeff Jane Roe said no.",
        "“" * 50 + "Jane Roe said" + "”" * 50,
        "Ms. Roe said ... ,,,, ;;;; ---- '''' \"\"\"\" !!! ??? .",
    ],
)
def test_odd_unicode_never_crashes_and_keeps_exact_offsets(text: str):
    """Emoji, RTL, control characters and lone surrogates parse with exact offsets."""
    c = parse(text, source="x")
    assert spans_ok(c, text)


def test_ten_thousand_quotation_marks_parse():
    """A text of 10,000 quotation marks is handled."""
    text = '"' * 5000 + "Jane Roe said no." + "“”" * 2500
    assert isinstance(parse(text), Corpus)


def test_text_without_spaces_parses():
    """A long run without any space is handled."""
    text = "JaneRoeaccusedJohnDoe," * 5000
    assert isinstance(parse(text), Corpus)


def test_one_very_long_sentence_parses():
    """A 100,000-character sentence without a full stop is handled."""
    text = ("Jane Roe criticised John Doe and " * 3100)[:100_000]
    c = parse(text, source="long")
    assert spans_ok(c, text)


def test_random_text_never_crashes():
    """Random mixtures of letters, quotes and punctuation never raise."""
    rng = random.Random(4)
    alphabet = "aAbB Jj“”\"'’.,;:-—?!\n\tÜé🙂" + "Roe Doe said accused by-election coup "
    for _ in range(30):
        text = "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 400)))
        assert spans_ok(parse(text), text)


def _best_time(text: str, runs: int = 2) -> float:
    best = float("inf")
    for _ in range(runs):
        t0 = time.process_time()
        parse(text)
        best = min(best, time.process_time() - t0)
    return best


@pytest.mark.parametrize(
    "unit",
    [
        SENTENCE,
        "Jane Roe criticised John Doe and ",  # one sentence that never ends
        # office words, organs named with their party, defences, campaigns, long org names
        "Sammy Wilson said the leader had failed. The ANC Youth League backed the recall of "
        "Jacob Zuma. Jean-Marie Le Pen came to Marine Le Pen's defence. The Biden campaign "
        "and the Party of European Socialists and the camp of Cyril Ramaphosa hit back. ",
        "the ANC Youth League, the Party for Justice and Renewal, the Jewish Home leader, "
        "the camp of Cyril Ramaphosa and the Biden campaign said the leader had failed and ",
    ],
    ids=["sentences", "one-sentence", "new-rules-sentences", "new-rules-one-sentence"],
)
def test_time_grows_linearly_with_input(unit: str):
    """Ten times the text takes well under a hundred times as long (generous bound: 15x)."""
    parse(unit * 10)  # warm up: lexicon and tagger loading
    small = _best_time(unit * 300)
    large = _best_time(unit * 3000)
    assert large <= 15 * max(small, 1e-3)


@pytest.mark.slow
def test_five_megabyte_text_parses():
    """A 5 MB news-like text parses without error."""
    text = SENTENCE * (5_000_000 // len(SENTENCE))
    c = parse(text, source="big")
    assert len(c.claims()) > 1000


NEWS_WORDS = [
    *[
        "he",
        "she",
        "said",
        "told",
        "warned",
        "accused",
        "praised",
        "backed",
        "by",
        "of",
        "the",
        "a",
        "Labour",
        "SPD",
        "Jeremy",
        "Corbyn",
        "Corbyn’s",
        "Saskia",
        "Esken",
        "O'Brien",
        "al-Assad",
        "de",
        "Villepin",
        ",",
        ".",
        ";",
        ":",
        "“",
        "”",
        '"',
        "’s",
        "'s",
        "-",
        "—",
        "and",
        "but",
        "that",
        "who",
        "resigned",
        "quit",
        "stood",
        "down",
        "aside",
        "by-election",
        "leadership",
        "election",
        "challenge",
        "coup",
        "split",
        "suspended",
        "expelled",
        "defected",
        "to",
        "from",
        "as",
        "leader",
        "MP",
        "Senator",
        "supporters",
        "allies",
        "wing",
        "Blairite",
        "Blairites",
        "Left",
        "on",
        "Tuesday",
        "in",
        "March",
        "2017",
        "called",
        "on",
        "urged",
        "demanded",
        "must",
        "only",
        "way",
        "forward",
        "for",
        "according",
        "was",
        "has",
        "not",
        "refused",
        "criticised",
        "won",
        "lost",
        "defeat",
        "Momentum",
        "Unite",
        "caucus",
        "elected",
        "forced",
        "out",
        "spokesperson",
        "?",
        "(",
    ],
    "\n",
    "\n\n",
]


@given(st.lists(st.sampled_from(NEWS_WORDS), max_size=80))
def test_news_like_word_salad_parses_to_a_valid_corpus(words: list[str]):
    """Random sequences of news words, names, cues, triggers and punctuation parse to a valid corpus."""
    text = " ".join(words)
    c = parse(text, source="f", date="2017-03-10")
    c.validate()
    assert spans_ok(c, text)
