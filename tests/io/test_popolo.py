"""The popolo format (discourse.io.popolo)."""

from __future__ import annotations

import hashlib
import json
import warnings
from collections import Counter
from pathlib import Path
from typing import Any

import attrs
import pytest
from hypothesis import HealthCheck, given, settings

import discourse as dc
from discourse.io.popolo import from_popolo, to_popolo
from tests.strategies import corpora


def _sample() -> dc.Corpus:
    return dc.Corpus(
        [
            dc.Actor(
                id="jeremy-corbyn",
                name="Jeremy Corbyn",
                aliases=("Corbyn", "Jez"),
                identifiers={"wikidata": "Q291169"},
                description="Leader of the Labour Party",
            ),
            dc.Actor(id="unite", name="Unite the Union", kind="organization"),
            dc.Faction(id="labour", name="Labour Party", kind="party"),
            dc.Faction(id="momentum", name="Momentum", kind="group", parent="labour"),
            dc.Membership(
                member="jeremy-corbyn", faction="labour", role="Leader", start="2015-09-12"
            ),
            dc.Membership(member="momentum", faction="labour", start="2015"),
            dc.Event(
                id="copeland",
                kind="by_election",
                name="Copeland by-election",
                start="2017-02-23",
                location="Copeland",
                organization="labour",
                participants=(dc.Participant(ref="jeremy-corbyn"),),
            ),
        ]
    )


def _schemas(shared: Path) -> dict[str, Any]:
    jsonschema = pytest.importorskip("jsonschema")
    referencing = pytest.importorskip("referencing")
    from referencing.jsonschema import DRAFT3

    folder = shared / "interop" / "popolo" / "schemas"
    loaded = {f.stem: json.loads(f.read_text(encoding="utf-8")) for f in folder.glob("*.json")}
    registry = referencing.Registry().with_resources(
        (s["id"].rstrip("#"), DRAFT3.create_resource(s)) for s in loaded.values()
    )
    return {
        section: jsonschema.Draft3Validator(loaded[name], registry=registry)
        for section, name in (
            ("persons", "person"),
            ("organizations", "organization"),
            ("memberships", "membership"),
            ("events", "event"),
        )
    }


def _schema_errors(validators: dict[str, Any], doc: dict[str, Any]) -> list[str]:
    return [
        f"{section}[{i}]: {e.message}"
        for section, v in validators.items()
        for i, obj in enumerate(doc[section])
        for e in v.iter_errors(obj)
    ]


def test_export_validates_against_the_popolo_schemas(shared: Path) -> None:
    """Every person, organization, membership and event written is valid Popolo (draft-03 schemas)."""
    doc = to_popolo(_sample())
    assert [len(doc[k]) for k in ("persons", "organizations", "memberships", "events")] == [
        1,
        3,
        2,
        1,
    ]
    assert _schema_errors(_schemas(shared), doc) == []


@settings(max_examples=30, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(corpus=corpora())
def test_any_export_validates_against_the_popolo_schemas(shared: Path, corpus: dc.Corpus) -> None:
    """Generated corpora, partial dates and odd ids included, export to schema-valid Popolo."""
    assert _schema_errors(_schemas(shared), to_popolo(corpus)) == []


def test_document_has_the_everypolitician_layout(tmp_path: Path) -> None:
    """The file is one object with persons, organizations, memberships and events arrays."""
    path = tmp_path / "c.popolo.json"
    dc.dump(_sample(), path)
    doc = json.loads(path.read_text(encoding="utf-8"))
    assert list(doc) == ["persons", "organizations", "memberships", "events"]
    assert doc["organizations"][2] == {
        "id": "momentum",
        "name": "Momentum",
        "classification": "group",
        "parent_id": "labour",
    }
    assert doc["memberships"][1] == {
        "member": {"@type": "Organization", "id": "momentum"},
        "organization_id": "labour",
        "start_date": "2015",
    }


def test_sample_round_trips_without_warnings(tmp_path: Path) -> None:
    """A corpus that only uses what Popolo carries comes back equal, with no LossWarning."""
    path = tmp_path / "c.popolo.json"
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        dc.dump(_sample(), path)
        assert dc.load(path) == _sample()


def _carried(corpus: dc.Corpus) -> tuple[dc.Corpus, dict[str, int]]:
    """What Popolo should give back, and what it should report as dropped."""
    out: list[dc.Record] = []
    dropped: Counter[str] = Counter()
    for r in corpus:
        t = type(r).__name__.lower() + "s"
        if isinstance(r, (dc.Claim, dc.Source)):
            dropped[t] += 1
            continue
        changes: dict[str, Any] = {"evidence": (), "confidence": None, "attributes": {}}
        dropped[f"{t}.evidence"] += bool(r.evidence)
        dropped[f"{t}.confidence"] += r.confidence is not None
        dropped[f"{t}.attributes"] += bool(r.attributes)
        if isinstance(r, dc.Membership):
            changes["sources"] = ()
            dropped["memberships.sources"] += bool(r.sources)
        if isinstance(r, dc.Event):
            changes["outcome"] = None
            changes["participants"] = tuple(dc.Participant(ref=p.ref) for p in r.participants)
            dropped["events.outcome"] += r.outcome is not None
            dropped["events.participants.role"] += sum(p.role is not None for p in r.participants)
        out.append(attrs.evolve(r, **changes))
    return dc.Corpus(out), {k: v for k, v in dropped.items() if v}


@settings(suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(corpus=corpora())
def test_round_trip_equals_original_minus_what_was_reported(
    tmp_path: Path, corpus: dc.Corpus
) -> None:
    """load(dump(c)) is c without exactly the fields and records the LossWarning counted."""
    expected, expected_dropped = _carried(corpus)
    path = tmp_path / "c.popolo.json"
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        dc.dump(corpus, path)
    losses = [w.message for w in caught if isinstance(w.message, dc.LossWarning)]
    assert [dict(w.dropped) for w in losses] == ([expected_dropped] if expected_dropped else [])
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        assert dc.load(path) == expected


def test_loss_warning_names_fields_and_counts(tmp_path: Path) -> None:
    """Claims, sources and evidence are reported with their counts."""
    corpus = dc.Corpus(
        [
            dc.Source(id="s", title="Letter"),
            dc.Actor(id="a", name="Ann", evidence=(dc.Span(source="s", start=0, end=3),)),
            dc.Claim(id="c1", claimant="a"),
            dc.Claim(id="c2", claimant="a"),
        ]
    )
    with pytest.warns(dc.LossWarning) as record:
        dc.dump(corpus, tmp_path / "c.popolo.json")
    (w,) = record
    assert isinstance(w.message, dc.LossWarning)
    assert w.message.format == "popolo"
    assert w.message.dropped == {"claims": 2, "sources": 1, "actors.evidence": 1}


def test_reads_the_popolo_person_example(shared: Path) -> None:
    """person.json gives an actor with other names, identifiers and summary; unread fields are reported."""
    path = shared / "interop" / "popolo" / "person.json"
    with pytest.warns(dc.LossWarning, match=r"persons\.email \(1\)"):
        corpus = dc.load(path, format="popolo")
    (actor,) = corpus.actors
    assert actor.id == "john-q-public"
    assert actor.aliases == ("Mr. Ziggy Q. Public, Esq.", "Dragonsbane")
    assert dict(actor.identifiers) == {"SIN": "046454286"}
    assert actor.description == "A hypothetical member of society deemed a 'common man'"


def test_reads_the_popolo_membership_example_with_partial_dates(shared: Path) -> None:
    """membership.json keeps the month-precision start date and the role."""
    with pytest.warns(dc.LossWarning, match="memberships.post_id"):
        corpus = dc.load(shared / "interop" / "popolo" / "membership.json", format="popolo")
    assert corpus.memberships == [
        dc.Membership(
            member="john-q-public",
            faction="abc-inc",
            role="Kitchen assistant",
            start="1970-01",
            end="1971-12-31",
        )
    ]


def test_reads_the_popolo_organization_example_as_a_faction(shared: Path) -> None:
    """organization.json becomes a faction with its parent; its unknown classification is reported."""
    with pytest.warns(dc.LossWarning, match="not a faction kind"):
        corpus = dc.load(shared / "interop" / "popolo" / "organization.json", format="popolo")
    (f,) = corpus.factions
    assert (f.id, f.name, f.kind, f.parent) == (
        "abc-inc",
        "ABC, Inc.",
        dc.FactionKind.GROUP,
        "holding-company-corp",
    )
    assert f.aliases == ("Bob's Diner", "Joe's Diner", "Famous Joe's")


@pytest.mark.parametrize(
    ("name", "counts"),
    [
        ("embedding-membership.json", {"actors": 1, "factions": 1, "memberships": 1}),
        ("embedding-person.json", {"actors": 1, "memberships": 2}),
        ("embedding-organization.json", {"factions": 1, "memberships": 2}),
        ("embedding-post.json", {"factions": 1, "memberships": 1}),
    ],
)
def test_reads_embedded_objects(shared: Path, name: str, counts: dict[str, int]) -> None:
    """Memberships, persons and organizations embedded in other objects are read."""
    with pytest.warns(dc.LossWarning):
        corpus = dc.load(shared / "interop" / "popolo" / name, format="popolo")
    assert {k: v for k, v in corpus.count().items() if v} == counts


def test_every_popolo_example_reads_without_error(shared: Path) -> None:
    """All example files load; what is not modelled (votes, motions...) is reported, never an error."""
    folder = shared / "interop" / "popolo"
    files = sorted(folder.glob("*.json"))
    assert len(files) >= 17
    for f in files:
        before = hashlib.sha256(f.read_bytes()).hexdigest()
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", dc.LossWarning)
            dc.load(f, format="popolo")
        assert hashlib.sha256(f.read_bytes()).hexdigest() == before


def test_event_example_with_unknown_classification_is_reported(shared: Path) -> None:
    """A 'Legislative session' is not an event kind: it is left out and counted."""
    with pytest.warns(dc.LossWarning, match="classification is not an event kind"):
        corpus = dc.load(shared / "interop" / "popolo" / "event.json", format="popolo")
    assert corpus.events == []


def test_single_event_object_with_attendees_and_datetime() -> None:
    """An event object maps classification to kind, attendees to participants; the time of day is reported."""
    obj = {
        "id": "resign-1",
        "classification": "Resignation",
        "start_date": "2016-06-26T09:00:00Z",
        "attendees": [{"id": "hilary-benn", "name": "Hilary Benn"}],
        "organization_id": "labour",
    }
    with pytest.warns(dc.LossWarning, match="time of day"):
        corpus = from_popolo(obj)
    (e,) = corpus.events
    assert (e.kind, str(e.start), e.participants, e.organization) == (
        dc.EventKind.RESIGNATION,
        "2016-06-26",
        (dc.Participant(ref="hilary-benn"),),
        "labour",
    )
    assert corpus["hilary-benn"] == dc.Actor(id="hilary-benn", name="Hilary Benn")


def test_array_of_objects_is_read() -> None:
    """A JSON array of Popolo objects (here two persons) is accepted."""
    corpus = from_popolo(
        [{"id": "a", "name": "Ann", "gender": None}, {"id": "b", "name": "Bob", "summary": "MP"}]
    )
    assert [a.id for a in corpus.actors] == ["a", "b"]


def test_everypolitician_seat_on_behalf_of_a_party_is_also_a_party_membership() -> None:
    """A legislature membership with on_behalf_of_id gives the seat and the party membership."""
    doc = {
        "persons": [{"id": "p1", "name": "Diane Abbott"}],
        "organizations": [
            {"id": "commons", "name": "House of Commons", "classification": "legislature"},
            {"id": "party/labour", "name": "Labour", "classification": "party"},
        ],
        "memberships": [
            {
                "person_id": "p1",
                "organization_id": "commons",
                "on_behalf_of_id": "party/labour",
                "role": "member",
                "start_date": "2015-05-08",
                "end_date": "2017-05-03",
            }
        ],
    }
    with pytest.warns(dc.LossWarning, match="not a faction kind"):
        corpus = from_popolo(doc)
    assert {(m.faction, m.role) for m in corpus.memberships_of("p1")} == {
        ("commons", "member"),
        ("party/labour", None),
    }
    assert [f.id for f in corpus.factions_of("p1", at="2016")] == ["commons", "party/labour"]


def test_organization_classification_gives_an_organization_actor() -> None:
    """classification 'organization' is an organization actor; a faction kind gives that kind."""
    corpus = from_popolo(
        {
            "organizations": [
                {"id": "unite", "name": "Unite", "classification": "organization"},
                {"id": "lab", "name": "Labour", "classification": "Party"},
            ]
        }
    )
    assert corpus["unite"] == dc.Actor(id="unite", name="Unite", kind="organization")
    assert corpus["lab"] == dc.Faction(id="lab", name="Labour", kind="party")


@pytest.mark.parametrize(
    ("doc", "message"),
    [
        ({"persons": [{"name": "Ann"}]}, "persons[0].id: required field missing"),
        ({"persons": [{"id": "a", "name": 3}]}, "persons[0].name: expected a string, got 3"),
        ({"persons": ["a"]}, "persons[0]: expected an object, got 'a'"),
        ({"persons": {"id": "a"}}, "persons: expected an array"),
        (
            {"memberships": [{"person_id": "a", "organization_id": "b", "start_date": "1970-13"}]},
            "memberships[0].start_date: month must be 1..12",
        ),
        (
            {"memberships": [{"person_id": "a"}]},
            "memberships[0]: a membership needs organization_id",
        ),
        (
            {"organizations": [{"id": "o", "name": "O", "parent_id": "o"}]},
            "organizations[0].parent",
        ),
        (42, "$: expected a Popolo object or document, got 42"),
        ({"what": 1}, "$: not a Popolo person, organization, membership or event (keys: what)"),
    ],
)
def test_bad_documents_name_the_json_path(doc: object, message: str) -> None:
    """Malformed Popolo gives FormatError whose message starts at the offending path."""
    with pytest.raises(dc.FormatError) as info:
        from_popolo(doc)
    assert any(e.startswith(message) for e in info.value.errors), info.value.errors


def test_all_problems_are_listed() -> None:
    """Two bad persons give two errors."""
    with pytest.raises(dc.FormatError) as info:
        from_popolo({"persons": [{"name": "A"}, {"id": "b"}, {"id": "c", "name": "C"}]})
    assert info.value.errors == (
        "persons[0].id: required field missing",
        "persons[1].name: required field missing",
    )


@pytest.mark.parametrize("content", [b"", b"{", b"\xff\xfe junk", b"[1, 2"])
def test_invalid_json_is_a_format_error_and_file_is_untouched(
    tmp_path: Path, content: bytes
) -> None:
    """Truncated or non-JSON bytes give FormatError; the file is not modified."""
    path = tmp_path / "bad.popolo.json"
    path.write_bytes(content)
    with pytest.raises(dc.FormatError):
        dc.load(path)
    assert path.read_bytes() == content


def test_failed_write_leaves_the_old_file(tmp_path: Path) -> None:
    """If encoding fails the previous file stays as it was."""
    path = tmp_path / "c.popolo.json"
    dc.dump(_sample(), path)
    before = path.read_bytes()

    class Boom(dc.Corpus):
        @property
        def events(self) -> list[dc.Event]:
            raise RuntimeError("boom")

    with pytest.raises(RuntimeError):
        dc.dump(Boom(list(_sample())), path)
    assert path.read_bytes() == before


@pytest.mark.parametrize("size_mb", [1, pytest.param(100, marks=pytest.mark.slow)])
def test_megabytes_of_junk_are_a_format_error(tmp_path: Path, size_mb: int) -> None:
    """A large file of binary junk is rejected with FormatError and left as it was."""
    path = tmp_path / "junk.popolo.json"
    with path.open("wb") as f:
        for _ in range(size_mb):
            f.write(b"\xde\xad\xbe\xef" * 262_144)
    size = path.stat().st_size
    with pytest.raises(dc.FormatError):
        dc.load(path)
    assert path.stat().st_size == size
