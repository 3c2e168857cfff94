"""Tests for discourse.analysis on small corpora whose answers are worked out by hand."""

from __future__ import annotations

import math
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

import discourse as dc
from discourse import analysis

nx = pytest.importorskip("networkx")


def _signed_graph(edges: list[tuple[str, str, int]]) -> Any:
    g = nx.DiGraph()
    for u, v, w in edges:
        g.add_edge(u, v, weight=w)
    return g


def _two_camps() -> dc.Corpus:
    """L = {a, b}, R = {x, y}; support inside, opposition across, one L-internal attack."""
    people = [dc.Actor(id=i, name=i.upper()) for i in "abxy"]
    return dc.Corpus(
        [
            *people,
            dc.Faction(id="L", name="Left"),
            dc.Faction(id="R", name="Right"),
            dc.Membership(member="a", faction="L"),
            dc.Membership(member="b", faction="L"),
            dc.Membership(member="x", faction="R"),
            dc.Membership(member="y", faction="R"),
            dc.Event(id="e1", kind="by_election", name="Copeland", start="2017-02-23"),
            dc.Claim(id="c1", claimant="a", target="b", stance="support", date="2017-01-03"),
            dc.Claim(id="c2", claimant="b", target="a", stance="oppose", date="2017-01-04"),
            dc.Claim(id="c3", claimant="a", target="b", stance="support", date="2017-02-01"),
            dc.Claim(id="c4", claimant="x", target="y", stance="support", date="2017-02-02"),
            dc.Claim(id="c5", claimant="a", target="x", stance="oppose", date="2017-02-05"),
            dc.Claim(id="c6", claimant="y", target="b", stance="oppose", date="2017-04-01"),
            dc.Claim(id="c7", claimant="y", target="b", stance="oppose", date="2017"),
        ]
    )


# --- periods -------------------------------------------------------------------------------------


def test_period_label_is_none_for_too_vague_dates() -> None:
    """A year-only date has no month label."""
    assert analysis.period_label(dc.PartialDate.parse("2017"), "month") is None


def test_period_label_uses_iso_weeks() -> None:
    """Weeks are ISO weeks, labelled YYYY-Www."""
    assert analysis.period_label(dc.PartialDate.parse("2017-01-01"), "week") == "2016-W52"


def test_period_range_fills_gaps_across_years() -> None:
    """period_range lists every month between two labels."""
    assert analysis.period_range("2016-12", "2017-02", "month") == ["2016-12", "2017-01", "2017-02"]


# --- cohesion ------------------------------------------------------------------------------------


def test_cohesion_within_faction_share() -> None:
    """L's cohesion is S_LL / (S_LL + O_LL) = 2 / 3."""
    ties = {(t.claimant, t.target): t for t in analysis.cohesion(_two_camps())}
    assert ties["L", "L"].within
    assert (ties["L", "L"].support, ties["L", "L"].oppose) == (2, 1)
    assert ties["L", "L"].share == pytest.approx(2 / 3)
    assert ties["L", "L"].net == pytest.approx(1 / 3)


def test_cohesion_between_factions() -> None:
    """R's claims about L are all opposing (2 claims: one dated 2017 counts overall)."""
    ties = {(t.claimant, t.target): t for t in analysis.cohesion(_two_camps())}
    assert (ties["R", "L"].support, ties["R", "L"].oppose) == (0, 2)
    assert ties["R", "L"].share == 0.0


def test_cohesion_by_period_drops_too_vague_dates() -> None:
    """Per month, the claim dated only '2017' cannot be placed and is left out."""
    ties = analysis.cohesion(_two_camps(), period="month")
    assert sum(t.total for t in ties) == 6
    jan = [t for t in ties if t.period == "2017-01"]
    assert [(t.claimant, t.target, t.support, t.oppose) for t in jan] == [("L", "L", 1, 1)]


def test_tie_share_is_nan_without_claims() -> None:
    """An empty tie has an undefined share."""
    assert math.isnan(analysis.Tie(claimant="a", target="b").share)


# --- polarization ----------------------------------------------------------------------------------


def test_polarization_finds_perfect_two_camps() -> None:
    """Support inside {a,b} and {x,y}, opposition between: score 1, camps found."""
    g = _signed_graph([("a", "b", 2), ("x", "y", 1), ("a", "x", -1), ("b", "y", -3)])
    p = analysis.polarization(g)
    assert set(p.camps) == {frozenset("ab"), frozenset("xy")}
    assert (p.frustration, p.total, p.opposition_between) == (0, 7, 4)
    assert p.score == 1.0
    assert p.exact


def test_polarization_is_zero_without_opposition() -> None:
    """An all-supportive network does not split: score 0, one camp."""
    p = analysis.polarization(_signed_graph([("a", "b", 1), ("b", "c", 1)]))
    assert p.score == 0.0
    assert p.camps == (frozenset("abc"), frozenset())


def test_polarization_score_is_one_minus_frustration_share() -> None:
    """An unbalanced triangle (+, +, -) costs its lightest tie: P = 1 - 1/5."""
    g = _signed_graph([("a", "b", 2), ("b", "c", 2), ("a", "c", -1)])
    p = analysis.polarization(g)
    # best: {a,b,c} together, frustration 1 (the a-c opposition), but then no
    # opposition runs between camps; or split c off: frustration 2. Best is 1.
    assert p.frustration == 1
    assert p.score == 0.0


def test_polarization_sums_reciprocal_directed_ties() -> None:
    """a->b support 1 and b->a oppose 3 read as one tie of weight -2."""
    p = analysis.polarization(_signed_graph([("a", "b", 1), ("b", "a", -3)]))
    assert p.total == 2
    assert set(p.camps) == {frozenset("a"), frozenset("b")}


def test_polarization_greedy_agrees_with_exact_on_planted_camps() -> None:
    """Above EXACT_LIMIT the greedy search recovers planted camps."""
    left = [f"l{i}" for i in range(10)]
    right = [f"r{i}" for i in range(10)]
    edges = [(u, v, 1) for grp in (left, right) for u in grp for v in grp if u < v]
    edges += [(u, v, -1) for u, v in zip(left, right, strict=True)]
    p = analysis.polarization(_signed_graph(edges))
    assert not p.exact
    assert set(p.camps) == {frozenset(left), frozenset(right)}
    assert p.score == 1.0


def test_polarization_of_corpus_builds_signed_network() -> None:
    """Given a corpus, polarization reads its signed network: b's attack on a is frustration."""
    p = analysis.polarization(_two_camps())
    assert set(p.camps) == {frozenset("ab"), frozenset("xy")}
    # ties: a-b: +2 -1 = +1; x-y: +1; a-x: -1; b-y: -2. Total 5, frustration 0.
    assert (p.total, p.frustration, p.score) == (5, 0, 1.0)


def test_polarization_series_per_window() -> None:
    """One polarization per window; the claim dated '2017' stretches the range to December."""
    series = analysis.polarization_series(_two_camps(), size="2m")
    assert [str(s) for s, _, _ in series] == [f"2017-{m:02d}-01" for m in (1, 3, 5, 7, 9, 11)]
    assert set(series[0][2].camps) == {frozenset("ab"), frozenset("xy")}
    assert set(series[1][2].camps) == {frozenset("b"), frozenset("y")}
    assert series[2][2].total == 0


# --- balance --------------------------------------------------------------------------------------


def test_balance_counts_balanced_and_unbalanced_triangles() -> None:
    """(+,+,+) and (+,-,-) are balanced, (+,+,-) is not."""
    g = _signed_graph(
        [
            ("a", "b", 1), ("b", "c", 1), ("a", "c", 1),  # balanced
            ("c", "d", -1), ("b", "d", -1),  # b,c,d: (+,-,-) balanced
            ("a", "e", 1), ("c", "e", -1),  # a,c,e: (+,+,-) unbalanced
        ]
    )  # fmt: skip
    b = analysis.balance(g)
    assert (b.balanced, b.unbalanced) == (2, 1)
    assert b.ratio == pytest.approx(2 / 3)


def test_balance_ratio_is_nan_without_triangles() -> None:
    """Without triangles the degree of balance is undefined."""
    assert math.isnan(analysis.balance(_signed_graph([("a", "b", 1)])).ratio)


def test_balance_rejects_filters_with_a_graph() -> None:
    """Claim filters need a corpus."""
    with pytest.raises(dc.ValidationError, match="filters"):
        analysis.balance(_signed_graph([("a", "b", 1)]), since="2017")


# --- conflict timeline ------------------------------------------------------------------------------


def test_conflict_timeline_counts_opposition_per_month_and_pair() -> None:
    """Opposing claims per faction pair and month, gaps filled, events overlaid."""
    t = analysis.conflict_timeline(_two_camps(), period="month")
    assert t.periods == ("2017-01", "2017-02", "2017-03", "2017-04")
    assert t.counts[("L", "L")] == (1, 0, 0, 0)
    assert t.counts[("L", "R")] == (0, 1, 0, 0)
    assert t.counts[("R", "L")] == (0, 0, 0, 1)
    assert [(p, e.id) for p, e in t.events] == [("2017-02", "e1")]
    assert t.total() == (1, 1, 0, 1)


def test_conflict_timeline_at_actor_level() -> None:
    """level='actor' counts claimant -> target pairs."""
    t = analysis.conflict_timeline(_two_camps(), period="year", level="actor")
    assert t.counts[("y", "b")] == (2,)


# --- key actors -------------------------------------------------------------------------------------


def test_key_actors_rank_attackers_and_attacked() -> None:
    """y attacks most (2), b is attacked most (2), then a and x (1 each, by id)."""
    k = analysis.key_actors(_two_camps())
    assert k.attackers[0] == ("y", 2)
    assert k.attacked == (("b", 2), ("a", 1), ("x", 1))


def test_key_actors_broker_has_support_in_both_camps() -> None:
    """m supports a (camp 1) and x (camp 2): a broker with score min(1, 2) = 1."""
    c = _two_camps()
    c.add(dc.Actor(id="m", name="M"))
    c.add(dc.Claim(id="c8", claimant="m", target="a", stance="support"))
    c.add(dc.Claim(id="c9", claimant="m", target="x", stance="support"))
    c.add(dc.Claim(id="c10", claimant="m", target="x", stance="support"))
    k = analysis.key_actors(c)
    assert ("m", 1.0) in k.brokers
    assert all(n != "y" for n, _ in k.brokers)


# --- properties of the split ------------------------------------------------------------------------

signed_edges = st.lists(
    st.tuples(st.integers(0, 9), st.integers(0, 9), st.sampled_from([-2, -1, 1, 3])),
    min_size=1,
    max_size=30,
)


def _frustration_of(g: Any, camps: tuple[frozenset[Any], frozenset[Any]]) -> float:
    w: dict[frozenset[Any], float] = {}
    for u, v, d in g.edges(data=True):
        if u != v:
            w[frozenset((u, v))] = w.get(frozenset((u, v)), 0) + d["weight"]
    side = dict.fromkeys(camps[0], 0) | dict.fromkeys(camps[1], 1)
    total = 0.0
    for pair, x in w.items():
        u, v = tuple(pair)
        if x != 0 and (side[u] == side[v]) != (x > 0):
            total += abs(x)
    return total


@pytest.mark.parametrize("limit", [analysis.EXACT_LIMIT, 0], ids=["exact", "greedy"])
@given(edges=signed_edges)
def test_polarization_split_is_locally_optimal(
    limit: int, edges: list[tuple[int, int, int]]
) -> None:
    """The reported frustration is the split's, and moving any one node does not lower it."""
    g = _signed_graph([(str(u), str(v), x) for u, v, x in edges])
    with pytest.MonkeyPatch.context() as mp:
        mp.setattr(analysis, "EXACT_LIMIT", limit)
        p = analysis.polarization(g)
    a, b = p.camps
    assert p.exact == (limit > 0) or not (a | b)
    assert p.frustration == pytest.approx(_frustration_of(g, p.camps))
    for n in a | b:
        moved = (a - {n}, b | {n}) if n in a else (a | {n}, b - {n})
        assert _frustration_of(g, moved) >= p.frustration - 1e-9
