"""Corpus: container protocol, names, validation, queries, merging."""

from __future__ import annotations

import sys

import pytest
from hypothesis import given

import discourse as dc
from tests.strategies import corpora, partial_dates


def labour() -> dc.Corpus:
    """A small hand-built corpus in the shape of the seed article."""
    return dc.Corpus(
        [
            dc.Source(id="seed", title="Jeremy Corbyn", published="2017-03"),
            dc.Actor(id="jeremy-corbyn", name="Jeremy Corbyn", aliases=("Corbyn",)),
            dc.Actor(id="owen-jones", name="Owen Jones"),
            dc.Actor(id="john-mcdonnell", name="John McDonnell"),
            dc.Actor(id="tony-blair", name="Tony Blair"),
            dc.Faction(id="labour", name="Labour Party", kind="party", aliases=("Labour",)),
            dc.Faction(id="blairites", name="Blairites", kind="wing", parent="labour"),
            dc.Faction(id="labour-left", name="Labour Left", kind="tendency", parent="labour"),
            dc.Membership(
                member="john-mcdonnell", faction="labour", role="Shadow Chancellor", start="2015-09"
            ),
            dc.Membership(member="john-mcdonnell", faction="labour-left"),
            dc.Membership(member="tony-blair", faction="blairites", start="1994", end="2016"),
            dc.Claim(
                id="c1",
                claimant="owen-jones",
                form="demand",
                target="jeremy-corbyn",
                stance="oppose",
                date="2017-03",
                evidence=(dc.Span(source="seed", start=711, end=783),),
            ),
            dc.Claim(
                id="c2",
                claimant="john-mcdonnell",
                form="warning",
                target="blairites",
                stance="oppose",
                date="2017-03-01",
            ),
            dc.Claim(
                id="c3",
                claimant="blairites",
                form="action",
                target="jeremy-corbyn",
                stance="oppose",
                date="2017-02",
            ),
            dc.Claim(
                id="c4",
                claimant="tony-blair",
                form="criticism",
                target="jeremy-corbyn",
                stance="oppose",
                date="2017-02-10",
            ),
            dc.Claim(
                id="c5",
                claimant="john-mcdonnell",
                form="endorsement",
                target="jeremy-corbyn",
                stance="support",
            ),
            dc.Event(
                id="e1",
                kind="by_election",
                name="Copeland by-election",
                start="2017-02-23",
                organization="labour",
                participants=(dc.Participant(ref="labour", role="loser"),),
            ),
        ]
    )


def ids(
    records: list[dc.Claim] | list[dc.Actor | dc.Faction] | list[dc.Claim | dc.Event],
) -> list[str]:
    return [r.id for r in records]


def test_len_iteration_and_lookup() -> None:
    """len counts every record; corpus[id] and get work; missing ids raise RecordNotFoundError."""
    c = labour()
    assert len(c) == 17
    assert c["c1"].id == "c1"  # type: ignore[union-attr]
    assert c.get("nope") is None
    with pytest.raises(dc.RecordNotFoundError, match="nope"):
        c["nope"]
    with pytest.raises(KeyError):
        c["nope"]
    assert len(list(c)) == 17
    assert "c1" in c


def test_typed_views() -> None:
    """actors/factions/memberships/events/sources properties and claims() list records by type."""
    c = labour()
    assert len(c.actors) == 4
    assert len(c.factions) == 3
    assert len(c.memberships) == 3
    assert len(c.events) == 1
    assert len(c.sources) == 1
    assert len(c.claims()) == 5
    assert c.count() == {
        "sources": 1,
        "actors": 4,
        "factions": 3,
        "memberships": 3,
        "events": 1,
        "claims": 5,
    }


def test_claims_keep_insertion_order_and_count_through_removals_and_replacements() -> None:
    """Claims are listed in insertion order among the other records; counts follow every change."""
    c = dc.Corpus()
    c.add(dc.Actor(id="a", name="A"))
    c.extend([dc.Claim(id="c1", claimant="a"), dc.Claim(id="c2", claimant="a")])
    c.add(dc.Faction(id="f", name="F"))
    c.add(dc.Claim(id="c3", claimant="f"))
    assert [x.id for x in c.claims()] == ["c1", "c2", "c3"]
    assert [x.id for x in c.of_type(dc.Claim)] == ["c1", "c2", "c3"]
    c.replace(dc.Claim(id="c1", claimant="f"))  # a replaced record moves to the end
    c.remove("c2")
    assert [x.id for x in c.claims()] == ["c3", "c1"]
    assert c.count()["claims"] == 2
    assert [type(r).__name__ for r in c] == ["Actor", "Faction", "Claim", "Claim"]
    c.remove("a")
    c.remove("f")
    assert [x.id for x in c.claims()] == ["c3", "c1"]  # now only claims are left
    assert c.count() == {k: (2 if k == "claims" else 0) for k in c.count()}


@pytest.mark.parametrize("look_up_first", [False, True])
def test_find_follows_changes_made_before_and_after_the_first_lookup(look_up_first: bool) -> None:
    """The name index is built on the first find(); changes on either side of it are seen."""
    c = dc.Corpus([dc.Actor(id="a", name="Ann Lee", aliases=("Lee",))])
    if look_up_first:
        assert c.find("lee") == c["a"]
    c.add(dc.Faction(id="f", name="The Lee Group", aliases=("Lee",)))
    assert [r.id for r in c.find_all("Lee")] == ["a", "f"]
    c.replace(dc.Actor(id="a", name="Ann Lee-Smith"))
    assert [r.id for r in c.find_all("Lee")] == ["f"]
    assert c.find("ann lee-smith’s") == c["a"]
    c.remove("f")
    assert c.find_all("Lee") == []
    assert c.find("lee group") is None


def test_claim_ids_are_not_interned_but_references_are() -> None:
    """A claim's own id is not interned (it is named once); its claimant and target are."""
    claimant, cid = "".join(["jeremy", "-corbyn"]), "".join(["claim", "-0001"])
    claim = dc.Claim(id=cid, claimant=claimant, target=claimant)
    assert claim.claimant is sys.intern("jeremy-corbyn")
    assert claim.id is cid


def test_adding_an_equal_record_twice_is_a_no_op() -> None:
    """Idempotent add."""
    c = labour()
    c.add(dc.Actor(id="owen-jones", name="Owen Jones"))
    assert len(c.actors) == 4


def test_adding_a_different_record_under_a_used_id_is_an_error() -> None:
    """Ids are unique across types."""
    c = labour()
    with pytest.raises(dc.DuplicateIdError, match="c1"):
        c.add(dc.Actor(id="c1", name="Someone"))


def test_find_by_name_alias_possessive_and_the() -> None:
    """find() casefolds and ignores 'the' and possessives."""
    c = labour()
    assert c.find("Corbyn").id == "jeremy-corbyn"  # type: ignore[union-attr]
    assert c.find("corbyn’s").id == "jeremy-corbyn"  # type: ignore[union-attr]
    assert c.find("the  Labour party").id == "labour"  # type: ignore[union-attr]
    assert c.find("Nobody") is None


def test_find_reports_ambiguity() -> None:
    """Two records with one alias: find raises, find_all lists both."""
    c = dc.Corpus(
        [
            dc.Actor(id="a", name="Ed Miliband", aliases=("Miliband",)),
            dc.Actor(id="b", name="David Miliband", aliases=("Miliband",)),
        ]
    )
    with pytest.raises(dc.AmbiguousNameError, match="Miliband"):
        c.find("Miliband")
    assert sorted(ids(c.find_all("Miliband"))) == ["a", "b"]


def test_claims_filters_combine() -> None:
    """Filters are ANDed."""
    c = labour()
    assert ids(c.claims(target="jeremy-corbyn", stance="oppose")) == ["c1", "c3", "c4"]
    assert ids(c.claims(claimant="john-mcdonnell")) == ["c2", "c5"]
    assert ids(c.claims(form="warning")) == ["c2"]
    assert ids(c.claims(source="seed")) == ["c1"]
    assert ids(c.claims(target="jeremy-corbyn", stance=dc.Stance.SUPPORT)) == ["c5"]
    assert c.claims(target="nobody") == []


def test_claims_by_date_keeps_claims_within_the_range() -> None:
    """since/until keep claims whose whole date is inside; undated ones drop out."""
    c = labour()
    assert ids(c.claims(since="2017-03", until="2017-03")) == ["c1", "c2"]
    assert ids(c.claims(until="2017-02")) == ["c3", "c4"]
    assert ids(c.claims(target="jeremy-corbyn", since="2017-02-05")) == ["c1", "c4"]


def test_claims_by_faction_includes_members_at_the_date_and_subfactions() -> None:
    """Blairites' claims: the wing itself; Blair's 2017 claim is outside his membership (ended 2016)."""
    c = labour()
    assert ids(c.claims(faction="blairites")) == ["c3"]
    # Labour: sub-factions (blairites, labour-left) and members (McDonnell from 2015-09).
    assert sorted(ids(c.claims(faction="labour"))) == ["c2", "c3", "c5"]
    assert ids(c.claims(faction="labour", form="warning")) == ["c2"]


def test_bad_filter_values_are_reported() -> None:
    """A misspelt stance is an error, not an empty result."""
    with pytest.raises(dc.ValidationError, match="stance"):
        labour().claims(stance="opose")


def test_members_and_factions_of_at_a_date() -> None:
    """Membership intervals decide who belonged when."""
    c = labour()
    assert ids(c.members("blairites", at="2010")) == ["tony-blair"]
    assert ids(c.members("blairites", at="2017-03")) == []
    assert ids(c.members("labour", at="2017")) == ["john-mcdonnell"]
    assert sorted(ids(c.members("labour", nested=True))) == ["john-mcdonnell", "tony-blair"]
    assert sorted(ids(c.factions_of("john-mcdonnell", at="2017-03-01"))) == [
        "labour",
        "labour-left",
    ]
    assert ids(c.factions_of("john-mcdonnell", at="2014")) == ["labour-left"]


def test_opponents_and_allies() -> None:
    """Opponents come from oppose claims in both directions, most claims first."""
    c = labour()
    assert ids(c.opponents("jeremy-corbyn")) == ["owen-jones", "blairites", "tony-blair"]
    assert ids(c.allies("jeremy-corbyn")) == ["john-mcdonnell"]
    assert ids(c.opponents("blairites")) == ["jeremy-corbyn", "john-mcdonnell"]


def test_timeline_orders_events_and_claims_by_date() -> None:
    """Undated claims are left out; coarser dates come first on ties."""
    c = labour()
    assert ids(c.timeline()) == ["c3", "c4", "e1", "c1", "c2"]
    assert ids(c.timeline(include=("events",))) == ["e1"]
    assert ids(c.timeline(involving="labour")) == ["e1"]
    assert ids(c.timeline(since="2017-03")) == ["c1", "c2"]


def test_validate_reports_every_dangling_reference_at_once() -> None:
    """Unknown claimant, target, parent and membership faction are all listed."""
    c = dc.Corpus(
        [
            dc.Actor(id="a", name="A"),
            dc.Faction(id="f", name="F", parent="ghost-party"),
            dc.Claim(
                id="c",
                claimant="a",
                target="nobody",
                evidence=(dc.Span(source="s", start=0, end=1),),
            ),
            dc.Membership(member="a", faction="a"),
        ]
    )
    with pytest.raises(dc.DanglingReferenceError) as info:
        c.validate()
    problems = info.value.problems
    assert len(problems) == 4
    assert any("factions['f'].parent" in p and "ghost-party" in p for p in problems)
    assert any("claims['c'].target" in p for p in problems)
    assert any("claims['c'].evidence[0].source" in p for p in problems)
    assert any("memberships[0].faction" in p and "expected a Faction" in p for p in problems)


def test_validate_passes_on_a_consistent_corpus() -> None:
    """The labour corpus is consistent."""
    labour().validate()


def test_merge_entities_rewires_every_reference() -> None:
    """Merging 'tony-blair' into 'blairites' is odd but must rewire claims, memberships, events."""
    c = labour()
    c.add(dc.Actor(id="jc2", name="J. Corbyn", aliases=("JC",)))
    c.add(dc.Claim(id="c6", claimant="jc2", target="owen-jones", stance="oppose"))
    c.add(dc.Membership(member="jc2", faction="labour"))
    c.add(dc.Event(id="e2", kind="resignation", participants=(dc.Participant(ref="jc2"),)))
    c.merge_entities("jeremy-corbyn", "jc2")
    assert "jc2" not in c
    corbyn = c["jeremy-corbyn"]
    assert isinstance(corbyn, dc.Actor)
    assert set(corbyn.aliases) == {"Corbyn", "J. Corbyn", "JC"}
    assert c["c6"].claimant == "jeremy-corbyn"  # type: ignore[union-attr]
    assert ids(c.claims(claimant="jeremy-corbyn")) == ["c6"]
    assert ids(c.factions_of("jeremy-corbyn")) == ["labour"]
    assert ids(c.events_of("jeremy-corbyn")) == ["e2"]
    assert c.find("JC") == corbyn
    c.validate()


def test_merge_combines_and_refuses_conflicts() -> None:
    """merge() returns a new corpus; conflicting ids raise."""
    a = labour()
    b = dc.Corpus([dc.Actor(id="new", name="New Person")])
    m = a.merge(b)
    assert len(m) == len(a) + 1
    assert "new" not in a
    with pytest.raises(dc.DuplicateIdError):
        a.merge([dc.Actor(id="c1", name="x")])


def test_replace_and_remove_keep_indices_right() -> None:
    """After replace/remove, queries see the new state."""
    c = labour()
    old = c["c1"]
    assert isinstance(old, dc.Claim)
    import attrs

    c.replace(attrs.evolve(old, stance="support"))
    assert "c1" not in ids(c.claims(stance="oppose"))
    assert "c1" in ids(c.claims(stance="support"))
    c.remove("c1")
    assert "c1" not in ids(c.claims())
    assert "c1" not in ids(c.timeline())


@given(corpora(valid=True))
def test_generated_valid_corpora_validate(corpus: dc.Corpus) -> None:
    """The strategies make consistent corpora (guards the strategies themselves)."""
    corpus.validate()


@given(corpora())
def test_indexed_queries_agree_with_a_scan(corpus: dc.Corpus) -> None:
    """claims(target=, stance=) equals a list-comprehension filter."""
    all_claims = corpus.claims()
    for t in {c.target for c in all_claims if c.target is not None}:
        for s in (None, "oppose", "support"):
            expected = [c for c in all_claims if c.target == t and (s is None or c.stance == s)]
            assert corpus.claims(target=t, stance=s) == expected
    for cl in {c.claimant for c in all_claims}:
        assert corpus.claims(claimant=cl) == [c for c in all_claims if c.claimant == cl]


def test_to_frame_gives_one_row_per_claim() -> None:
    """Corpus.to_frame('claims') hands off to discourse.io.frames (pandas extra)."""
    pytest.importorskip("pandas")
    frame = labour().to_frame("claims")
    assert list(frame["id"]) == ["c1", "c2", "c3", "c4", "c5"]
    assert list(frame["stance"])[:2] == ["oppose", "oppose"]


def test_to_store_round_trips(tmp_path: object) -> None:
    """Corpus.to_store(path) writes a Store that reads back equal."""
    from pathlib import Path

    corpus = labour()
    store = corpus.to_store(Path(str(tmp_path)) / "c.db")
    try:
        assert store.to_corpus() == corpus
    finally:
        store.close()


@given(corpora(max_records=20), partial_dates(), partial_dates())
def test_date_range_queries_agree_with_a_scan(
    corpus: dc.Corpus, a: dc.PartialDate, b: dc.PartialDate
) -> None:
    """claims(since=, until=) keeps exactly the claims whose whole date lies in the range."""
    lo, hi = min(a, b), max(a, b)
    all_claims = corpus.claims()
    expected = [
        c
        for c in all_claims
        if c.date is not None and lo.first <= c.date.first and c.date.last <= hi.last
    ]
    assert corpus.claims(since=lo, until=hi) == expected
    assert corpus.claims(since=lo) == [
        c for c in all_claims if c.date is not None and lo.first <= c.date.first
    ]
    assert corpus.claims(until=hi) == [
        c for c in all_claims if c.date is not None and c.date.last <= hi.last
    ]


def test_failed_extend_leaves_indices_consistent() -> None:
    """Claims added before a DuplicateIdError are both stored and queryable."""
    c = dc.Corpus([dc.Actor(id="a", name="A")])
    with pytest.raises(dc.DuplicateIdError):
        c.extend([dc.Claim(id="c1", claimant="a"), dc.Actor(id="c1", name="Clash")])
    assert "c1" in c
    assert [x.id for x in c.claims(claimant="a")] == ["c1"]


def test_extend_can_keep_the_records_already_there() -> None:
    """keep_existing leaves out records whose id is taken, in place of DuplicateIdError."""
    first = dc.Actor(id="a", name="Ann Lee", evidence=(dc.Span(source="d1", start=0, end=7),))
    second = dc.Actor(id="a", name="Ann Lee", evidence=(dc.Span(source="d2", start=5, end=12),))
    claim = dc.Claim(id="d2:c:5", claimant="a")
    c = dc.Corpus([first])
    with pytest.raises(dc.DuplicateIdError):
        c.extend([second])
    c.extend([second, claim, dc.Claim(id="d2:c:5", claimant="b")], keep_existing=True)
    assert c["a"] is first
    assert c["d2:c:5"] == claim
    assert c.count()["claims"] == 1
    assert c.claims(claimant="a") == [claim]
    with pytest.raises(dc.ValidationError):  # still only records
        c.extend(["not a record"], keep_existing=True)  # type: ignore[list-item]
