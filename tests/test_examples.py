"""The examples run and say what they are meant to say."""

from __future__ import annotations

import os
import runpy
import subprocess
import sys
from pathlib import Path

import pytest

import discourse as dc

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = sorted((ROOT / "examples").glob("*.py"))


@pytest.mark.parametrize("example", EXAMPLES, ids=[p.name for p in EXAMPLES])
def test_example_runs(example: Path, tmp_path: Path) -> None:
    """Each example script exits 0 (run from a scratch folder so it writes nothing here)."""
    env = {**os.environ, "MPLBACKEND": "Agg"}
    result = subprocess.run(
        [sys.executable, str(example)], cwd=tmp_path, capture_output=True, text=True, env=env, timeout=600
    )
    assert result.returncode == 0, result.stderr[-3000:]


def test_seed_example_answers_the_questions() -> None:
    """labour_2017.py: Jones and the Blairites oppose Corbyn; two by-elections involve Labour."""
    corpus = runpy.run_path(str(ROOT / "examples" / "labour_2017.py"))["build_corpus"]()
    assert isinstance(corpus, dc.Corpus)
    assert [c.claimant for c in corpus.claims(target="jeremy-corbyn", stance="oppose")] == [
        "owen-jones",
        "blairites",
    ]
    assert {e.name for e in corpus.events_of("labour")} == {
        "Copeland by-election",
        "Stoke-on-Trent Central by-election",
    }


def test_seed_example_spans_point_at_their_text() -> None:
    """Every evidence span of the hand coding covers exactly the text it records."""
    corpus = runpy.run_path(str(ROOT / "examples" / "labour_2017.py"))["build_corpus"]()
    text = corpus["labour-2017-unite"].text
    spans = [s for r in corpus for s in getattr(r, "evidence", ())]
    assert len(spans) > 10
    for s in spans:
        assert text[s.start : s.end] == s.text


def test_example_text_is_the_seed_text(shared: Path) -> None:
    """examples/data holds an exact copy of ../shared/corpus/labour-2017-unite.txt."""
    ours = (ROOT / "examples" / "data" / "labour-2017-unite.txt").read_bytes()
    assert ours == (shared / "corpus" / "labour-2017-unite.txt").read_bytes()
