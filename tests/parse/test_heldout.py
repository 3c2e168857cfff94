"""The parser measured on the held-out passages (tests/parse/heldout/) and on the dev text.

The held-out passages are original news-style texts about intra-party conflict
in other parties and countries, hand-coded in the ``discourse-gold/1`` format.
They are not to be read while writing parser rules: they measure how the
parser generalises beyond the seed article. Run with ``pytest -s`` to see the
tables.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable
from pathlib import Path

import pytest

import discourse as dc
from discourse.evaluate import Report, Scores, evaluate, evaluate_files, load_gold

HELDOUT = Path(__file__).resolve().parent / "heldout"
GOLDS = sorted(HELDOUT.glob("*.gold.json"))

# Held-out floors: a little under the micro-averaged F1 last measured (2026-11-25,
# after the rounds on 46 blind-coded tuning passages: entities 0.872, claims 0.785,
# events 0.917; claims were 0.794 before them),
# so a regression fails while ordinary rule changes do not. Raise them as the parser improves.
HELDOUT_FLOOR = {"entities": 0.85, "claims": 0.77, "events": 0.89}
# Dev floors: the target of issue 4 (F1 >= 0.9 on the seed article; measured 1.0 each).
DEV_FLOOR = {"entities": 0.9, "claims": 0.9, "events": 0.9}


def _parser() -> Callable[[str], dc.Corpus]:
    """discourse.parse.parse, or skip when the parser is not there."""
    try:
        module = importlib.import_module("discourse.parse")
    except ImportError:
        pytest.skip("parser not available")
    fn = getattr(module, "parse", None)
    if fn is None:
        pytest.skip("parser not available")
    return fn  # type: ignore[no-any-return]


@pytest.fixture(scope="module")
def heldout_report() -> Report:
    """The parser's scores on every held-out document."""
    report = evaluate_files(GOLDS, parser=_parser())
    print("\nheld-out set:\n" + report.format())
    return report


@pytest.fixture(scope="module")
def dev_scores(shared: Path) -> Scores:
    """The parser's scores on the dev gold of ../shared/corpus."""
    scores = evaluate(shared / "corpus" / "labour-2017-unite.gold.json", parser=_parser())
    print(f"\ndev set:\n{scores}")
    return scores


@pytest.mark.parametrize("path", GOLDS, ids=[p.name.removesuffix(".gold.json") for p in GOLDS])
def test_heldout_gold_is_valid(path: Path) -> None:
    """Each held-out gold file loads, every cue and quote reads as written, and it scores 1.0 on itself."""
    gold = load_gold(path)
    assert 150 <= len(gold.text.split()) <= 400
    s = evaluate(gold, gold.to_corpus())
    assert (s.entities.f1, s.claims.f1, s.events.f1) == (1.0, 1.0, 1.0)


def test_heldout_set_covers_the_countries() -> None:
    """The set has 6 to 10 documents, covering the UK, US, Australia, Germany and Spain."""
    names = [p.name for p in GOLDS]
    assert 6 <= len(names) <= 10
    for country in ("uk-", "us-", "australia-", "germany-", "spain-"):
        assert any(n.startswith(country) for n in names), country


@pytest.mark.parametrize("category", ["entities", "claims", "events"])
def test_parser_meets_the_heldout_floor(heldout_report: Report, category: str) -> None:
    """Micro-averaged F1 on the held-out set is at least the recorded floor."""
    tally = getattr(heldout_report, category)
    assert tally.f1 >= HELDOUT_FLOOR[category], heldout_report.format(notes=True)


@pytest.mark.parametrize("category", ["entities", "claims", "events"])
def test_parser_meets_the_dev_floor(dev_scores: Scores, category: str) -> None:
    """F1 on the dev gold (../shared/corpus) is at least the recorded floor."""
    tally = getattr(dev_scores, category)
    assert tally.f1 >= DEV_FLOOR[category], dev_scores.format(notes=True)
