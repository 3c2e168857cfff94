"""Fuzzing discourse.parse with mutated news text."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

import discourse as dc
from discourse.parse import parse
from tests.fuzz import mutations
from tests.fuzz.harness import Bases, Hang, fuzz_settings, time_limit

SENTENCES = Bases(
    s.encode("utf-8")
    for s in [
        "Jane Roe accused John Doe of betrayal, and Labour lost the Copeland by-election.",
        "Owen Jones has called on Corbyn to stand down. Len McCluskey backed him on 3 March 2017.",
        "Mr Watson, the deputy leader, warned that Momentum was plotting a takeover of the party.",
        'Unite\'s general secretary said: "We will not be lectured by Tom Watson." The left rallied.',
        "The hard left and the Blairite wing clashed at the 2016 conference in Liverpool.",
        "Theresa May survived a no-confidence vote; critics in the European Research Group vowed to fight on.",
    ]
)


@pytest.fixture(scope="module")
def texts() -> Bases:
    """Short news sentences in the parser's domain."""
    return SENTENCES


@pytest.fixture(scope="module")
def seed_paragraphs(seed_text: str) -> Bases:
    """The seed article's paragraphs, 600 characters at most (skips when ../shared is absent)."""
    paragraphs = (p for p in re.split(r"\n\s*\n", seed_text) if p.strip())
    return Bases(p[:600].encode("utf-8") for p in paragraphs)


def _check_parse(text: str) -> None:
    try:
        with time_limit():
            corpus = parse(text, source="fuzz")
    except Hang:
        raise AssertionError("parse() hung") from None
    except dc.ParseError:
        return
    for record in corpus:
        for span in getattr(record, "evidence", ()):
            assert text[span.start : span.end] == (
                span.text if span.text is not None else text[span.start : span.end]
            )


def _body(data: st.DataObject, bases: Bases) -> None:
    raw = bases[data.draw(st.integers(0, len(bases) - 1), label="base")]
    _check_parse(mutations.mutate_text(data, raw).decode("utf-8", errors="surrogateescape"))


@fuzz_settings()
@given(data=st.data())
def test_mutated_sentences_parse_or_raise_a_parse_error(texts: Bases, data: st.DataObject) -> None:
    """Damaged sentences parse (with exact evidence offsets) or raise ParseError, within the time limit."""
    _body(data, texts)


@fuzz_settings(cases=200)
@given(data=st.data())
def test_mutated_seed_paragraphs_parse_or_raise_a_parse_error(
    seed_paragraphs: Bases, data: st.DataObject
) -> None:
    """Damaged paragraphs of the seed article parse or raise ParseError, within the time limit."""
    _body(data, seed_paragraphs)


@pytest.mark.parametrize("value", [None, b"Jane Roe said no.", 42, ["Jane Roe"], Path("x.txt")])
def test_parse_of_a_non_string_raises_parse_error(value: object) -> None:
    """Anything but a str is refused with ParseError, not a TypeError from deep inside."""
    with pytest.raises(dc.ParseError):
        parse(value)  # type: ignore[arg-type]
