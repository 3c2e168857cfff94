"""Store: persistence, the Corpus query API on SQLite, transactions, locking, schema checks."""

from __future__ import annotations

import sqlite3
import tempfile
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
from hypothesis import given, settings

import discourse as dc
from discourse.store import SCHEMA_VERSION, Store, to_store
from tests.strategies import corpora


def records() -> list[dc.Record]:
    """A small corpus in the shape of the seed article, touching every index."""
    return [
        dc.Source(id="seed", title="Jeremy Corbyn", published="2017-03"),
        dc.Source(id="other", title="Another article"),
        dc.Actor(id="jeremy-corbyn", name="Jeremy Corbyn", aliases=("Corbyn",)),
        dc.Actor(id="owen-jones", name="Owen Jones"),
        dc.Actor(id="john-mcdonnell", name="John McDonnell"),
        dc.Actor(id="tony-blair", name="Tony Blair"),
        dc.Actor(id="len-mccluskey", name="Len McCluskey", aliases=("McCluskey",)),
        dc.Faction(id="labour", name="Labour Party", kind="party", aliases=("Labour",)),
        dc.Faction(id="blairites", name="Blairites", kind="wing", parent="labour"),
        dc.Faction(id="labour-left", name="Labour Left", kind="tendency", parent="labour"),
        dc.Faction(id="momentum", name="Momentum", parent="labour-left"),
        dc.Faction(id="unite", name="Unite", kind="union", aliases=("Unite the Union",)),
        dc.Membership(
            member="john-mcdonnell", faction="labour", role="Shadow Chancellor", start="2015-09"
        ),
        dc.Membership(member="john-mcdonnell", faction="labour-left"),
        dc.Membership(member="tony-blair", faction="blairites", start="1994", end="2016"),
        dc.Membership(member="jeremy-corbyn", faction="momentum", start="2015"),
        dc.Membership(member="len-mccluskey", faction="unite", start="2010"),
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
            date="2017-03-02",
            issue="leadership",
            evidence=(
                dc.Span(source="seed", start=1, end=5),
                dc.Span(source="other", start=0, end=2),
            ),
        ),
        dc.Claim(
            id="c3", claimant="tony-blair", target="jeremy-corbyn", stance="oppose", date="2015"
        ),
        dc.Claim(
            id="c4", claimant="len-mccluskey", target="jeremy-corbyn", stance="support", date="2017"
        ),
        dc.Claim(id="c5", claimant="momentum", target="jeremy-corbyn", stance="support"),
        dc.Claim(
            id="c6",
            claimant="jeremy-corbyn",
            target="tony-blair",
            stance="oppose",
            issue="leadership",
        ),
        dc.Claim(id="c7", claimant="owen-jones", form="statement", date="2016-07"),
        dc.Event(
            id="e1",
            kind="leadership_challenge",
            start="2016-07",
            end="2016-09",
            organization="labour",
            participants=(dc.Participant(ref="jeremy-corbyn", role="incumbent"),),
        ),
        dc.Event(id="e2", kind="by_election", start="2017-02-23", organization="labour"),
    ]


@pytest.fixture
def corpus() -> dc.Corpus:
    """The small corpus in memory."""
    return dc.Corpus(records())


@pytest.fixture
def store(tmp_path: Path) -> Iterator[Store]:
    """The small corpus in a store."""
    with Store(tmp_path / "labour.db") as s:
        s.extend(records())
        yield s


def ids(rs: list[dc.Claim] | list[dc.Event] | list[dc.Claim | dc.Event]) -> list[str]:
    """The ids of records, in order."""
    return [r.id for r in rs]


# --- persistence and the container protocol -------------------------------------------------


@settings(max_examples=40)
@given(corpora(max_records=14))
def test_store_holds_the_same_records_as_the_corpus(c: dc.Corpus) -> None:
    """Any corpus put in a store comes back equal, in the same iteration order."""
    with tempfile.TemporaryDirectory() as d, Store(Path(d) / "s.db") as s:
        s.extend(c)
        assert s.to_corpus() == c
        assert list(s) == list(c)
        assert s.count() == c.count()
        assert len(s) == len(c)


@settings(max_examples=40)
@given(corpora(max_records=14))
def test_store_queries_agree_with_corpus_queries(c: dc.Corpus) -> None:
    """Every query gives the same records on a store as on the corpus holding the same records."""
    with tempfile.TemporaryDirectory() as d, Store(Path(d) / "s.db") as s:
        s.extend(c)
        refs = {r.id for r in (*c.actors, *c.factions)} | {m.member for m in c.memberships}
        for x in sorted(refs):
            assert s.claims(claimant=x) == c.claims(claimant=x)
            for stance in ("support", "oppose", "neutral"):
                assert s.claims(target=x, stance=stance) == c.claims(target=x, stance=stance)
            assert s.members(x) == c.members(x)
            assert s.members(x, nested=True, at="2017-03") == c.members(
                x, nested=True, at="2017-03"
            )
            assert s.memberships_of(x, at="2016") == c.memberships_of(x, at="2016")
            assert s.factions_of(x) == c.factions_of(x)
            assert s.opponents(x) == c.opponents(x)
            assert s.allies(x) == c.allies(x)
            assert s.events_of(x) == c.events_of(x)
            assert s.subfactions(x) == c.subfactions(x)
            assert s.timeline(involving=x) == c.timeline(involving=x)
            # Corpus returns faction queries in index order, not insertion order.
            assert set(ids(s.claims(faction=x))) == set(ids(c.claims(faction=x)))
        assert s.timeline(since="1990", until="2020") == c.timeline(since="1990", until="2020")
        assert s.claims(since="2000") == c.claims(since="2000")
        assert s.claims(since="1990", until="2010-06") == c.claims(since="1990", until="2010-06")
        assert s.problems() == c.problems()


def test_store_persists_across_reopening(tmp_path: Path, corpus: dc.Corpus) -> None:
    """Records added and committed are there when the store is opened again."""
    with Store(tmp_path / "s.db") as s:
        s.extend(corpus)
    with Store(tmp_path / "s.db") as s:
        assert s.to_corpus() == corpus


def test_get_returns_record_or_default(store: Store, corpus: dc.Corpus) -> None:
    """get() returns the stored record by id, or the default when absent."""
    assert store.get("c1") == corpus["c1"]
    assert store.get("nobody") is None


def test_getitem_of_missing_id_raises_record_not_found(store: Store) -> None:
    """store[id] raises RecordNotFoundError (a KeyError) for an unknown id."""
    with pytest.raises(dc.RecordNotFoundError):
        store["nobody"]


def test_contains_checks_ids_records_and_memberships(store: Store, corpus: dc.Corpus) -> None:
    """`in` accepts an id, a record (compared whole) or a membership."""
    assert "c1" in store
    assert corpus["c1"] in store
    assert corpus.memberships[0] in store
    assert dc.Claim(id="c1", claimant="someone-else") not in store
    assert dc.Membership(member="owen-jones", faction="labour") not in store


def test_properties_list_records_of_each_type_in_insertion_order(
    store: Store, corpus: dc.Corpus
) -> None:
    """actors, factions, memberships, events, sources and of_type() match the corpus."""
    assert store.actors == corpus.actors
    assert store.factions == corpus.factions
    assert store.memberships == corpus.memberships
    assert store.events == corpus.events
    assert store.sources == corpus.sources
    assert store.of_type(dc.Claim) == corpus.of_type(dc.Claim)


# --- queries ------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "query",
    [
        {"claimant": "owen-jones"},
        {"target": "jeremy-corbyn", "stance": "oppose"},
        {"target": "jeremy-corbyn", "stance": dc.Stance.SUPPORT},
        {"form": "warning"},
        {"issue": "leadership"},
        {"source": "seed"},
        {"source": "other"},
        {"since": "2017", "until": "2017-03"},
        {"claimant": "owen-jones", "since": "2016"},
        {"faction": "labour", "stance": "oppose"},
        {},
    ],
)
def test_claims_filters_match_the_corpus(
    store: Store, corpus: dc.Corpus, query: dict[str, str]
) -> None:
    """claims() with each filter returns what Corpus.claims() returns, in insertion order."""
    expected = corpus.claims(**query)  # type: ignore[arg-type]
    assert store.claims(**query) == sorted(expected, key=lambda c: int(c.id[1:]))  # type: ignore[arg-type]


def test_claims_by_faction_include_members_at_the_claim_date(store: Store) -> None:
    """claims(faction=) counts sub-factions and members whose membership covers the claim's date."""
    # c3 (Blair, 2015) is inside his 1994-2016 Blairite membership; c5 is Momentum's own claim;
    # c4 (McCluskey) is Unite, not Labour; c6 (Corbyn, undated) needs an open-ended membership.
    assert ids(store.claims(faction="labour")) == ["c2", "c3", "c5"]


def test_iter_claims_streams_the_same_claims(store: Store) -> None:
    """iter_claims() yields exactly what claims() returns."""
    assert list(store.iter_claims(target="jeremy-corbyn")) == store.claims(target="jeremy-corbyn")


def test_claims_rejects_an_unknown_stance(store: Store) -> None:
    """A misspelt stance raises ValidationError rather than matching nothing."""
    with pytest.raises(dc.ValidationError, match="stance"):
        store.claims(stance="opose")


def test_members_at_a_date_respect_membership_intervals(store: Store) -> None:
    """members(at=) keeps only memberships whose interval overlaps the date."""
    assert [a.id for a in store.members("blairites", at="2000")] == ["tony-blair"]
    assert store.members("blairites", at="2017") == []


def test_members_nested_include_sub_factions(store: Store, corpus: dc.Corpus) -> None:
    """members(nested=True) walks sub-factions recursively."""
    assert store.members("labour", nested=True) == corpus.members("labour", nested=True)
    assert "jeremy-corbyn" in [m.id for m in store.members("labour", nested=True)]


def test_factions_of_an_actor_at_a_date(store: Store) -> None:
    """factions_of(at=) lists the factions the actor belonged to then."""
    assert [f.id for f in store.factions_of("john-mcdonnell", at="2014")] == ["labour-left"]
    assert [f.id for f in store.factions_of("john-mcdonnell", at="2016")] == [
        "labour",
        "labour-left",
    ]


def test_opponents_are_ranked_by_number_of_opposing_claims(store: Store, corpus: dc.Corpus) -> None:
    """opponents() lists both directions, most opposing claims first, as the corpus does."""
    assert [a.id for a in store.opponents("jeremy-corbyn")] == ["tony-blair", "owen-jones"]
    assert store.opponents("jeremy-corbyn") == corpus.opponents("jeremy-corbyn")


def test_timeline_orders_claims_and_events_by_date(store: Store, corpus: dc.Corpus) -> None:
    """timeline() merges dated claims and events in date order, coarser dates first."""
    assert ids(store.timeline()) == ids(corpus.timeline())
    assert ids(store.timeline(since="2017")) == ["c4", "e2", "c1", "c2"]
    assert ids(store.timeline(include=("events",))) == ["e1", "e2"]


def test_find_matches_normalized_names_and_aliases(store: Store) -> None:
    """find() casefolds, drops "the" and possessives, and matches aliases."""
    found = store.find("the Corbyn’s")
    assert found is not None
    assert found.id == "jeremy-corbyn"
    assert store.find("nobody at all") is None


def test_find_raises_when_a_name_is_ambiguous(tmp_path: Path) -> None:
    """Two entities sharing a name make find() raise AmbiguousNameError."""
    with Store(tmp_path / "s.db") as s:
        s.extend([dc.Actor(id="a1", name="Sam Smith"), dc.Actor(id="a2", name="Sam Smith")])
        with pytest.raises(dc.AmbiguousNameError):
            s.find("sam smith")
        assert [a.id for a in s.find_all("sam smith")] == ["a1", "a2"]


def test_validate_reports_dangling_references(tmp_path: Path) -> None:
    """validate() raises DanglingReferenceError naming the field and the missing id."""
    with Store(tmp_path / "s.db") as s:
        s.add(dc.Claim(id="c1", claimant="ghost"))
        assert s.problems() == ["claims['c1'].claimant: no record with id 'ghost'"]
        with pytest.raises(dc.DanglingReferenceError):
            s.validate()


# --- writing ------------------------------------------------------------------------------------


def test_adding_an_equal_record_again_does_nothing(store: Store, corpus: dc.Corpus) -> None:
    """Re-adding records already stored keeps one copy of each."""
    before = store.count()
    store.extend(corpus)
    assert store.count() == before


def test_duplicate_id_rolls_back_the_whole_extend(store: Store) -> None:
    """A clashing id in a batch raises DuplicateIdError and keeps none of the batch."""
    before = store.count()
    batch = [dc.Actor(id="new-1", name="New One"), dc.Actor(id="c1", name="Clash")]
    with pytest.raises(dc.DuplicateIdError):
        store.extend(batch)
    assert store.count() == before
    assert "new-1" not in store


def test_add_rejects_what_is_not_a_record(store: Store) -> None:
    """Adding a non-record raises ValidationError."""
    with pytest.raises(dc.ValidationError):
        store.add("not a record")  # type: ignore[arg-type]


def test_replace_updates_the_indices(store: Store) -> None:
    """After replace(), queries find the new version and not the old one."""
    store.replace(dc.Claim(id="c1", claimant="tony-blair", target="owen-jones", stance="support"))
    assert "c1" not in ids(store.claims(claimant="owen-jones"))
    assert ids(store.claims(target="owen-jones", stance="support")) == ["c1"]
    assert ids(store.claims(source="seed")) == ["c2"]


def test_remove_deletes_a_record_and_its_index_entries(store: Store, corpus: dc.Corpus) -> None:
    """remove() by id or by membership takes the record out of every query."""
    store.remove("c3")
    store.remove(corpus.memberships[2])
    assert "c3" not in store
    assert store.members("blairites") == []
    assert "c3" not in ids(store.claims(target="jeremy-corbyn"))


def test_remove_of_a_missing_record_raises(store: Store) -> None:
    """Removing an id that is not stored raises RecordNotFoundError."""
    with pytest.raises(dc.RecordNotFoundError):
        store.remove("nobody")


def test_to_store_builds_a_new_store(tmp_path: Path, corpus: dc.Corpus) -> None:
    """to_store() writes every record to a new file and returns it open."""
    with to_store(corpus, tmp_path / "new.db", batch=5) as s:
        assert s.to_corpus() == corpus


def test_to_store_refuses_to_overwrite(tmp_path: Path, corpus: dc.Corpus) -> None:
    """to_store() on an existing path raises StoreError and leaves the file alone."""
    target = tmp_path / "exists.db"
    target.write_bytes(b"precious")
    with pytest.raises(dc.StoreError, match="already exists"):
        to_store(corpus, target)
    assert target.read_bytes() == b"precious"


@pytest.mark.parametrize("name", ["out.jsonl", "out.json"])
def test_dump_writes_a_file_that_loads_back(store: Store, tmp_path: Path, name: str) -> None:
    """Store.dump() writes JSONL (streamed) or any other format that loads back to the same corpus."""
    store.dump(tmp_path / name)
    assert dc.load(tmp_path / name) == store.to_corpus()


def test_dump_jsonl_matches_dumping_the_corpus(store: Store, tmp_path: Path) -> None:
    """The streamed JSONL of a store is byte for byte the JSONL of the same corpus."""
    store.dump(tmp_path / "store.jsonl")
    dc.dump(store.to_corpus(), tmp_path / "corpus.jsonl")
    assert (tmp_path / "store.jsonl").read_bytes() == (tmp_path / "corpus.jsonl").read_bytes()


# --- files that are not stores, versions, closing -----------------------------------------------


def test_a_file_that_is_not_sqlite_raises_store_error(tmp_path: Path) -> None:
    """Opening a non-SQLite file raises StoreError and leaves the file unchanged."""
    p = tmp_path / "notes.db"
    p.write_text("these are my notes\n" * 20, encoding="utf-8")
    with pytest.raises(dc.StoreError, match="not an SQLite database"):
        Store(p)
    assert p.read_text(encoding="utf-8") == "these are my notes\n" * 20


def test_another_applications_database_raises_store_error(tmp_path: Path) -> None:
    """An SQLite database that is not a discourse store is refused."""
    p = tmp_path / "other.db"
    con = sqlite3.connect(p)
    con.execute("CREATE TABLE t (x)")
    con.commit()
    con.close()
    with pytest.raises(dc.StoreError, match="another application"):
        Store(p)


def test_a_different_schema_version_raises_store_error(tmp_path: Path) -> None:
    """A store written with another schema version is refused with both versions named."""
    p = tmp_path / "s.db"
    Store(p).close()
    con = sqlite3.connect(p)
    con.execute(f"PRAGMA user_version={SCHEMA_VERSION + 1}")
    con.close()
    with pytest.raises(dc.StoreError, match=f"version {SCHEMA_VERSION + 1}.*newer"):
        Store(p)


def test_opening_a_missing_store_without_create_raises(tmp_path: Path) -> None:
    """create=False refuses to make a new store."""
    with pytest.raises(dc.StoreError, match="no such store"):
        Store(tmp_path / "missing.db", create=False)
    assert not (tmp_path / "missing.db").exists()


def test_a_corrupt_stored_record_raises_store_error_naming_the_row(tmp_path: Path) -> None:
    """A record row edited into invalid data raises StoreError saying which row."""
    p = tmp_path / "s.db"
    with Store(p) as s:
        s.add(dc.Claim(id="c1", claimant="a", stance="oppose"))
    con = sqlite3.connect(p)
    con.execute("UPDATE records SET data = ? WHERE id = 'c1'", ('{"id": "c1", "claimant": 5}',))
    con.commit()
    con.close()
    with Store(p) as s, pytest.raises(dc.StoreError, match="claims row 1"):
        s.get("c1")


def test_a_closed_store_raises_store_error(tmp_path: Path) -> None:
    """Using a store after close() (or after its with-block) raises StoreError."""
    with Store(tmp_path / "s.db") as s:
        pass
    with pytest.raises(dc.StoreError, match="closed"):
        s.add(dc.Actor(id="a", name="A"))
    with pytest.raises(dc.StoreError, match="closed"):
        s.count()


# --- concurrency --------------------------------------------------------------------------------


def test_a_reader_sees_only_committed_records_during_a_write(
    tmp_path: Path, corpus: dc.Corpus
) -> None:
    """While a batch is being written, another connection reads the old state without waiting."""
    p = tmp_path / "s.db"
    seen: list[int] = []
    with Store(p) as writer, Store(p, timeout=0.5) as reader:
        writer.extend(corpus)
        before = len(reader)

        def batch() -> Iterator[dc.Record]:
            for i in range(100):
                if i == 50:
                    seen.append(len(reader))
                yield dc.Actor(id=f"new-{i}", name=f"New {i}")

        writer.extend(batch())
        assert seen == [before]
        assert len(reader) == before + 100


def test_a_second_writer_waits_for_the_first(tmp_path: Path) -> None:
    """A writer blocked by another writer's transaction succeeds once it commits."""
    p = tmp_path / "s.db"
    started, release = threading.Event(), threading.Event()
    errors: list[BaseException] = []

    def slow_batch() -> Iterator[dc.Record]:
        yield dc.Actor(id="first", name="First")
        started.set()
        release.wait(10)

    def second() -> None:
        try:
            with Store(p, timeout=10) as other:
                other.add(dc.Actor(id="second", name="Second"))
        except BaseException as e:  # reported below
            errors.append(e)

    with Store(p) as s:
        t1 = threading.Thread(target=lambda: s.extend(slow_batch()))
        t1.start()
        started.wait(10)
        t2 = threading.Thread(target=second)
        t2.start()
        t2.join(0.3)
        assert t2.is_alive()  # waiting for the lock, not failed
        release.set()
        t1.join(10)
        t2.join(10)
        assert errors == []
        assert "first" in s
        assert "second" in s


def test_a_writer_gives_up_with_store_error_after_its_timeout(tmp_path: Path) -> None:
    """A writer that cannot get the lock within its timeout raises StoreError, not sqlite3's."""
    p = tmp_path / "s.db"
    started, release = threading.Event(), threading.Event()

    def slow_batch() -> Iterator[dc.Record]:
        yield dc.Actor(id="first", name="First")
        started.set()
        release.wait(10)

    with Store(p) as s:
        t1 = threading.Thread(target=lambda: s.extend(slow_batch()))
        t1.start()
        started.wait(10)
        try:
            with Store(p, timeout=0.2) as other, pytest.raises(dc.StoreError, match="locked"):
                other.add(dc.Actor(id="second", name="Second"))
        finally:
            release.set()
            t1.join(10)
        assert "second" not in s


def test_extend_can_keep_the_records_already_stored(tmp_path: Path) -> None:
    """keep_existing leaves out records whose id is taken (stored or earlier in the call)."""
    first = dc.Actor(id="a", name="Ann Lee", evidence=(dc.Span(source="d1", start=0, end=7),))
    second = dc.Actor(id="a", name="Ann Lee", evidence=(dc.Span(source="d2", start=5, end=12),))
    claim = dc.Claim(id="d2:c:5", claimant="a")
    with Store(tmp_path / "s.db") as store:
        store.add(first)
        with pytest.raises(dc.DuplicateIdError):
            store.extend([second, claim])
        assert "d2:c:5" not in store  # nothing of the failed call was kept
        store.extend([second, claim, dc.Claim(id="d2:c:5", claimant="b")], keep_existing=True)
        assert store["a"] == first
        assert store["d2:c:5"] == claim
        assert store.claims(claimant="a") == [claim]
        assert store.to_corpus() == dc.Corpus([first, claim])
