"""Tests for discourse.networks: affiliation, congruence/conflict/subtract, signed, windows."""

from __future__ import annotations

import datetime as dt
import random
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

import discourse as dc
from discourse import networks

nx = pytest.importorskip("networkx")


def _corpus(*claims: dict[str, Any], extra: tuple[Any, ...] = ()) -> dc.Corpus:
    ids = {c[k] for c in claims for k in ("claimant", "target") if c.get(k)}
    records: list[Any] = [dc.Actor(id=i, name=i.upper()) for i in sorted(ids)]
    records += [dc.Claim(id=f"c{n}", **c) for n, c in enumerate(claims)]
    return dc.Corpus([*records, *extra])


# Three actors on two targets:
#   a: opposes t twice, supports u once     (n_a = 3)
#   b: opposes t once                       (n_b = 1)
#   c: supports t once, supports u once     (n_c = 2)
DNA = [
    {"claimant": "a", "target": "t", "stance": "oppose", "date": "2017-01-02"},
    {"claimant": "a", "target": "t", "stance": "oppose", "date": "2017-01-03"},
    {"claimant": "a", "target": "u", "stance": "support", "date": "2017-02-01"},
    {"claimant": "b", "target": "t", "stance": "oppose", "date": "2017-01-05"},
    {"claimant": "c", "target": "t", "stance": "support", "date": "2017-03-01"},
    {"claimant": "c", "target": "u", "stance": "support", "date": "2017-03-02"},
]


@pytest.fixture
def dna() -> dc.Corpus:
    return _corpus(*DNA)


def test_congruence_counts_same_stance_products(dna: dc.Corpus) -> None:
    """Congruence sums a_ijk * a_i'jk over shared targets and equal stances."""
    g = networks.congruence(dna)
    assert g["a"]["b"]["weight"] == 2  # t/oppose: 2 * 1
    assert g["a"]["c"]["weight"] == 1  # u/support: 1 * 1
    assert not g.has_edge("b", "c")


def test_conflict_counts_opposite_stance_products(dna: dc.Corpus) -> None:
    """Conflict sums a_ijk * a_i'jk' over shared targets and opposite stances."""
    g = networks.conflict(dna)
    assert g["a"]["c"]["weight"] == 2  # t: a oppose 2 x c support 1
    assert g["b"]["c"]["weight"] == 1
    assert not g.has_edge("a", "b")


def test_subtract_is_congruence_minus_conflict(dna: dc.Corpus) -> None:
    """Subtract weights are congruence minus conflict, zero-sum pairs included."""
    g = networks.subtract(dna)
    assert g["a"]["b"]["weight"] == 2
    assert g["a"]["c"]["weight"] == 1 - 2
    assert g["b"]["c"]["weight"] == -1


def test_average_normalization_divides_by_mean_activity(dna: dc.Corpus) -> None:
    """'average' divides by (n_i + n_i') / 2."""
    g = networks.congruence(dna, normalization="average")
    assert g["a"]["b"]["weight"] == pytest.approx(2 / ((3 + 1) / 2))


def test_cosine_normalization_divides_by_activity_product(dna: dc.Corpus) -> None:
    """'cosine' divides by n_i * n_i', as DNA's exporter does."""
    g = networks.conflict(dna, normalization="cosine")
    assert g["a"]["c"]["weight"] == pytest.approx(2 / (3 * 2))


def test_jaccard_normalization_uses_exclusive_and_joint_cells(dna: dc.Corpus) -> None:
    """'jaccard' divides by m10 + m01 + m11 over (target, stance) cells."""
    g = networks.congruence(dna, normalization="jaccard")
    # a cells: (t,opp)=2, (u,sup)=1; c cells: (t,sup)=1, (u,sup)=1
    # m10 = a on cells c lacks = 2; m01 = c on cells a lacks = 1; m11 = 1*1
    assert g["a"]["c"]["weight"] == pytest.approx(1 / (2 + 1 + 1))


def test_one_mode_nodes_carry_activity(dna: dc.Corpus) -> None:
    """Nodes carry their number of counted claims and their label."""
    g = networks.congruence(dna)
    assert g.nodes["a"]["claims"] == 3
    assert g.nodes["a"]["label"] == "A"


def test_issue_mode_ties_through_issues() -> None:
    """mode='issue' ties claimants through shared issues instead of targets."""
    c = _corpus(
        {"claimant": "a", "issue": "brexit", "stance": "oppose", "target": "x"},
        {"claimant": "b", "issue": "brexit", "stance": "oppose", "target": "y"},
    )
    assert networks.congruence(c, mode="issue").has_edge("a", "b")
    assert not networks.congruence(c, mode="target").has_edge("a", "b")


def test_duplicates_document_counts_a_repeated_claim_once() -> None:
    """duplicates='document' counts a claim repeated in one source once."""
    src = (dc.Source(id="s1"),)

    def span() -> dc.Span:
        return dc.Span(source="s1", start=0, end=1)

    c = _corpus(
        {"claimant": "a", "target": "t", "stance": "oppose", "evidence": (span(),)},
        {"claimant": "a", "target": "t", "stance": "oppose", "evidence": (span(),)},
        {"claimant": "b", "target": "t", "stance": "oppose", "evidence": (span(),)},
        extra=src,
    )
    assert networks.congruence(c)["a"]["b"]["weight"] == 2
    assert networks.congruence(c, duplicates="document")["a"]["b"]["weight"] == 1


def test_duplicates_month_merges_within_a_month_only(dna: dc.Corpus) -> None:
    """duplicates='month' merges a's two January claims on t but not across months."""
    g = networks.congruence(dna, duplicates="month")
    assert g["a"]["b"]["weight"] == 1
    assert g.nodes["a"]["claims"] == 2


def test_filters_are_those_of_corpus_claims(dna: dc.Corpus) -> None:
    """since/until restrict the claims as Corpus.claims does."""
    g = networks.conflict(dna, until="2017-02")
    assert "c" not in g


def test_unknown_normalization_raises_validation_error(dna: dc.Corpus) -> None:
    """A bad option raises ValidationError naming it."""
    with pytest.raises(dc.ValidationError, match="normalization"):
        networks.congruence(dna, normalization="dice")  # type: ignore[arg-type]


def test_affiliation_is_two_mode_with_prefixed_second_mode(dna: dc.Corpus) -> None:
    """Affiliation keys the second mode 'target:<id>' and marks bipartite sides."""
    g = networks.affiliation(dna, mode="target")
    assert g.nodes["a"]["bipartite"] == 0
    assert g.nodes["target:t"]["bipartite"] == 1
    assert g.nodes["target:t"]["ref"] == "t"
    assert g["a"]["target:t"]["weight"] == 2


def test_affiliation_subtract_weights_support_minus_oppose() -> None:
    """aggregation='subtract' gives support - oppose per edge."""
    c = _corpus(
        {"claimant": "a", "issue": "nhs", "stance": "support"},
        {"claimant": "a", "issue": "nhs", "stance": "oppose"},
        {"claimant": "a", "issue": "nhs", "stance": "oppose"},
    )
    g = networks.affiliation(c, aggregation="subtract")
    assert g["a"]["issue:nhs"]["weight"] == -1


def test_affiliation_combine_marks_mixed_stances() -> None:
    """aggregation='combine' labels an edge with both stances 'mixed' and weight 0."""
    c = _corpus(
        {"claimant": "a", "issue": "nhs", "stance": "support"},
        {"claimant": "a", "issue": "nhs", "stance": "oppose"},
        {"claimant": "b", "issue": "nhs", "stance": "oppose"},
    )
    g = networks.affiliation(c, aggregation="combine")
    assert (g["a"]["issue:nhs"]["stance"], g["a"]["issue:nhs"]["weight"]) == ("mixed", 0)
    assert (g["b"]["issue:nhs"]["stance"], g["b"]["issue:nhs"]["weight"]) == ("oppose", -1)


def test_signed_actor_edges_sum_support_minus_oppose() -> None:
    """signed() gives claimant -> target edges weighted support - oppose."""
    c = _corpus(
        {"claimant": "a", "target": "b", "stance": "oppose"},
        {"claimant": "a", "target": "b", "stance": "oppose"},
        {"claimant": "a", "target": "b", "stance": "support"},
        {"claimant": "b", "target": "a", "stance": "neutral"},
    )
    g = networks.signed(c)
    assert g.is_directed()
    assert dict(g["a"]["b"]) == {"support": 1, "oppose": 2, "weight": -1, "sign": -1}
    assert not g.has_edge("b", "a")


def _factional() -> dc.Corpus:
    """Two factions; x moves from L to R on 2017-03-01."""
    return dc.Corpus(
        [
            dc.Faction(id="L", name="Left"),
            dc.Faction(id="R", name="Right"),
            dc.Actor(id="a", name="A"),
            dc.Actor(id="x", name="X"),
            dc.Membership(member="a", faction="L"),
            dc.Membership(member="x", faction="L", end="2017-02-28"),
            dc.Membership(member="x", faction="R", start="2017-03-01"),
            dc.Claim(id="c1", claimant="a", target="x", stance="support", date="2017-01-10"),
            dc.Claim(id="c2", claimant="a", target="x", stance="oppose", date="2017-04-10"),
            dc.Claim(id="c3", claimant="R", target="a", stance="oppose", date="2017-04-11"),
        ]
    )


def test_signed_faction_level_uses_membership_at_claim_date() -> None:
    """Faction aggregation uses the memberships valid at each claim's date."""
    g = networks.signed(_factional(), level="faction")
    assert g["L"]["L"]["support"] == 1  # x was still in L in January
    assert g["L"]["R"]["oppose"] == 1  # and in R by April
    assert g["R"]["L"]["oppose"] == 1  # a faction claimant counts for itself


def test_signed_faction_level_counts_unassigned_claims() -> None:
    """Claims with an end in no faction are left out and counted."""
    c = _factional()
    c.add(dc.Actor(id="loner", name="Loner"))
    c.add(dc.Claim(id="c9", claimant="loner", target="a", stance="oppose"))
    g = networks.signed(c, level="faction")
    assert g.graph["unassigned"] == 1


def test_signed_factions_lifts_subfactions_to_listed_ancestor() -> None:
    """With factions=, a sub-faction counts for its nearest listed ancestor."""
    c = dc.Corpus(
        [
            dc.Faction(id="left", name="Left"),
            dc.Faction(id="momentum", name="Momentum", parent="left"),
            dc.Faction(id="right", name="Right"),
            dc.Claim(id="c1", claimant="momentum", target="right", stance="oppose"),
        ]
    )
    g = networks.signed(c, level="faction", factions=["left", "right"])
    assert list(g.edges()) == [("left", "right")]


def test_signed_actor_nodes_carry_their_faction() -> None:
    """Actor nodes carry the faction they belonged to at most of their claims."""
    g = networks.signed(_factional())
    assert g.nodes["a"]["faction"] == "L"
    assert g.nodes["a"]["type"] == "actor"


def test_signed_graph_writes_as_graphml(tmp_path: Any) -> None:
    """The attributes are GraphML-compatible (no None or list values)."""
    g = networks.signed(_factional())
    nx.write_graphml(g, tmp_path / "g.graphml")
    assert nx.read_graphml(tmp_path / "g.graphml").number_of_edges() == g.number_of_edges()


def test_windows_yield_one_graph_per_calendar_month(dna: dc.Corpus) -> None:
    """size='1m' yields calendar-month windows from the first claim's month."""
    out = list(networks.windows(dna, size="1m", kind="congruence"))
    assert [(s, e) for s, e, _ in out] == [
        (dt.date(2017, 1, 1), dt.date(2017, 1, 31)),
        (dt.date(2017, 2, 1), dt.date(2017, 2, 28)),
        (dt.date(2017, 3, 1), dt.date(2017, 3, 31)),
    ]
    assert [g.number_of_edges() for _, _, g in out] == [1, 0, 0]  # a and b in January


def test_windows_overlap_with_smaller_step(dna: dc.Corpus) -> None:
    """A step smaller than the size gives overlapping windows."""
    out = list(networks.windows(dna, size=60, step=30, kind="conflict"))
    starts = [s for s, _, _ in out]
    assert starts[:2] == [dt.date(2017, 1, 2), dt.date(2017, 2, 1)]
    assert all(e - s == dt.timedelta(days=59) for s, e, _ in out)
    assert any(g.has_edge("a", "c") for _, _, g in out)


def test_windows_reject_bad_size(dna: dc.Corpus) -> None:
    """A size that is not a span raises ValidationError naming it."""
    with pytest.raises(dc.ValidationError, match="size"):
        list(networks.windows(dna, size="fortnight"))


# --- the numpy path gives the pure-Python answer -----------------------------------------------------

cells_strategy = st.dictionaries(
    st.sampled_from([f"t{i}" for i in range(6)]),
    st.dictionaries(
        st.sampled_from([f"a{i:02d}" for i in range(12)]),
        st.lists(st.integers(0, 3), min_size=2, max_size=2).filter(any),
        min_size=1,
    ),
)


@given(cells=cells_strategy, jaccard=st.booleans())
def test_numpy_pairs_equal_python_pairs(
    cells: dict[str, dict[str, list[int]]], jaccard: bool
) -> None:
    """The matrix-product path counts exactly what the pairwise loop counts."""
    pytest.importorskip("numpy")
    activity = {a: 0 for row in cells.values() for a in row}
    for row in cells.values():
        for a, (s, o) in row.items():
            activity[a] += s + o
    assert networks._pairs_numpy(cells, activity, jaccard) == networks._pairs_python(cells, jaccard)


@pytest.mark.parametrize("normalization", ["none", "average", "jaccard", "cosine"])
@pytest.mark.parametrize("kind", ["congruence", "conflict", "subtract"])
def test_large_network_same_with_and_without_numpy(
    kind: str, normalization: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A network big enough for the numpy path equals the pure-Python one."""
    pytest.importorskip("numpy")
    rng = random.Random(7)
    claims = [
        {
            "claimant": f"a{rng.randrange(80):02d}",
            "target": f"t{rng.randrange(10)}",
            "stance": rng.choice(["support", "oppose"]),
        }
        for _ in range(600)
    ]
    corpus = _corpus(*claims)
    fn = getattr(networks, kind)
    fast = fn(corpus, normalization=normalization)
    monkeypatch.setattr(networks, "_use_numpy", lambda cells, activity: False)
    slow = fn(corpus, normalization=normalization)
    assert fast.number_of_edges() > 100
    assert sorted(fast.edges(data=True)) == sorted(slow.edges(data=True))
