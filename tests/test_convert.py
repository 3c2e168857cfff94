"""The converter: lossless round trips and readable errors for every record type."""

from __future__ import annotations

import json

import pytest
from hypothesis import given

import discourse as dc
from discourse.convert import structure_record, unstructure_record
from tests.strategies import corpora, records


@given(records)
def test_every_record_round_trips(record: dc.Record) -> None:
    """structure(unstructure(r)) == r for every record type."""
    assert structure_record(unstructure_record(record), type(record)) == record


@given(corpora())
def test_dumps_loads_is_lossless(corpus: dc.Corpus) -> None:
    """loads(dumps(c)) == c for every corpus."""
    assert dc.loads(dc.dumps(corpus)) == corpus


def test_defaults_are_omitted() -> None:
    """A minimal claim is written with only its required fields."""
    assert unstructure_record(dc.Claim(id="c", claimant="a")) == {"id": "c", "claimant": "a"}


def doc(**sections: object) -> str:
    return json.dumps({"format": "discourse", "version": 1, **sections})


def test_every_problem_of_a_document_is_reported_with_its_path() -> None:
    """Errors across records and sections are all listed, each with its path."""
    text = doc(
        actors=[{"id": "a", "name": ""}],
        claims=[
            {"id": "c0", "claimant": "a"},
            {"id": "c1", "claimant": "a", "stance": "opose"},
            {"id": "c2", "claimant": "a", "stnace": "oppose"},
            {"id": "c3", "claimant": "a", "evidence": [{"source": "s", "start": 5, "end": 2}]},
            {"claimant": "a"},
        ],
    )
    with pytest.raises(dc.FormatError) as info:
        dc.loads(text)
    errors = info.value.errors
    assert errors == (
        "actors[0].name: expected a non-empty string, got ''",
        "claims[1].stance: 'opose' is not one of support, oppose, neutral",
        "claims[2]: unknown field(s) stnace",
        "claims[3].evidence[0].end: must be greater than start (5), got 2",
        "claims[4].id: required field missing",
    )
    assert str(info.value).startswith("5 problems:")


def test_format_error_is_a_value_error_and_a_discourse_error() -> None:
    """Callers can catch either."""
    with pytest.raises(ValueError):  # noqa: PT011
        dc.loads("{")
    with pytest.raises(dc.DiscourseError):
        dc.loads("{")


@pytest.mark.parametrize(
    ("text", "match"),
    [
        ("[]", "expected a JSON object"),
        ('{"format": "other", "version": 1}', "format: expected 'discourse'"),
        ('{"format": "discourse", "version": 99}', "version 99.*upgrade"),
        ('{"format": "discourse"}', "version: expected 1"),
        ('{"format": "discourse", "version": 1, "claims": {}}', "claims: expected a list"),
        ('{"format": "discourse", "version": 1, "people": []}', "people: unknown section"),
        ("not json", "invalid JSON"),
        ("[" * 100_000, "JSON"),
    ],
)
def test_bad_documents_raise_format_error(text: str, match: str) -> None:
    """Envelope problems, wrong shapes and junk are FormatErrors with a clear message."""
    with pytest.raises(dc.FormatError, match=match):
        dc.loads(text)


def test_wrong_types_are_not_coerced() -> None:
    """A number where a string belongs is an error, not str(5)."""
    with pytest.raises(dc.FormatError, match=r"claims\[0\].claimant: expected a string, got 5"):
        dc.loads(doc(claims=[{"id": "c", "claimant": 5}]))
    with pytest.raises(dc.FormatError, match=r"actors\[0\].aliases: expected a list"):
        dc.loads(doc(actors=[{"id": "a", "name": "A", "aliases": "Ann"}]))


def test_duplicate_ids_in_a_document_are_reported() -> None:
    """Two different records with one id cannot both load."""
    with pytest.raises(dc.FormatError, match="id 'x' is already used"):
        dc.loads(doc(actors=[{"id": "x", "name": "A"}], claims=[{"id": "x", "claimant": "x"}]))


def test_unencodable_attributes_raise_format_error() -> None:
    """Attributes must be JSON-compatible; dumps says so instead of crashing."""
    corpus = dc.Corpus([dc.Actor(id="a", name="A", attributes={"x": object()})])
    with pytest.raises(dc.FormatError, match="cannot encode"):
        dc.dumps(corpus)


def test_loads_rejects_non_text() -> None:
    """loads(5) is a FormatError."""
    with pytest.raises(dc.FormatError, match="str or bytes"):
        dc.loads(5)  # type: ignore[arg-type]


def test_json_schema_accepts_a_dumped_document() -> None:
    """The published schema validates what dumps writes, and rejects a bad stance."""
    jsonschema = pytest.importorskip("jsonschema")
    corpus = dc.Corpus(
        [
            dc.Actor(id="a", name="A", attributes={"k": [1, "x"]}),
            dc.Faction(id="f", name="F", kind="wing"),
            dc.Membership(member="a", faction="f", start="2017"),
            dc.Claim(
                id="c",
                claimant="a",
                target="f",
                stance="oppose",
                date="2017-03-02",
                evidence=(dc.Span(source="s", start=0, end=3),),
            ),
            dc.Event(id="e", kind="coup", participants=(dc.Participant(ref="a", role="target"),)),
            dc.Source(id="s", text="abc"),
        ]
    )
    schema = dc.json_schema()
    jsonschema.validate(json.loads(dc.dumps(corpus)), schema)
    bad = json.loads(dc.dumps(corpus))
    bad["claims"][0]["stance"] = "opose"
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(bad, schema)
