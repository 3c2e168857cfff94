"""The converter: lossless round trips and readable errors for every record type."""

from __future__ import annotations

import datetime as dt
import importlib.util
import json
from collections.abc import Iterator
from contextlib import contextmanager
from decimal import Decimal
from types import MappingProxyType
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

import discourse as dc
from discourse import convert
from discourse.convert import structure_record, unstructure_record
from tests.strategies import corpora, json_values, records

HAS_MSGSPEC = importlib.util.find_spec("msgspec") is not None
BACKENDS = [
    pytest.param("msgspec", marks=pytest.mark.skipif(not HAS_MSGSPEC, reason="needs msgspec")),
    "pure",
]
needs_msgspec = pytest.mark.skipif(not HAS_MSGSPEC, reason="needs msgspec")


@contextmanager
def backend(name: str) -> Iterator[None]:
    """JSON text through msgspec ("msgspec") or through cattrs and orjson/json only ("pure")."""
    old = convert._USE_MSGSPEC
    convert._USE_MSGSPEC = name == "msgspec"
    try:
        yield
    finally:
        convert._USE_MSGSPEC = old


def fast_codec() -> Any:
    """The msgspec codec (tests that use it are marked needs_msgspec)."""
    with backend("msgspec"):
        return convert._codec()


@given(records)
def test_every_record_round_trips(record: dc.Record) -> None:
    """structure(unstructure(r)) == r for every record type."""
    assert structure_record(unstructure_record(record), type(record)) == record


@pytest.mark.parametrize("name", BACKENDS)
@given(corpora())
def test_dumps_loads_is_lossless(name: str, corpus: dc.Corpus) -> None:
    """loads(dumps(c)) == c for every corpus, with and without msgspec."""
    with backend(name):
        assert dc.loads(dc.dumps(corpus)) == corpus
        assert dc.loads(dc.dumps(corpus, indent=True)) == corpus


def test_defaults_are_omitted() -> None:
    """A minimal claim is written with only its required fields."""
    assert unstructure_record(dc.Claim(id="c", claimant="a")) == {"id": "c", "claimant": "a"}


def doc(**sections: object) -> str:
    return json.dumps({"format": "discourse", "version": 1, **sections})


@pytest.mark.parametrize("name", BACKENDS)
def test_every_problem_of_a_document_is_reported_with_its_path(name: str) -> None:
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
    with backend(name), pytest.raises(dc.FormatError) as info:
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
@pytest.mark.parametrize("name", BACKENDS)
def test_bad_documents_raise_format_error(name: str, text: str, match: str) -> None:
    """Envelope problems, wrong shapes and junk are FormatErrors with a clear message."""
    with backend(name), pytest.raises(dc.FormatError, match=match):
        dc.loads(text)


@pytest.mark.parametrize("name", BACKENDS)
def test_wrong_types_are_not_coerced(name: str) -> None:
    """A number where a string belongs is an error, not str(5)."""
    with backend(name):
        with pytest.raises(dc.FormatError, match=r"claims\[0\].claimant: expected a string, got 5"):
            dc.loads(doc(claims=[{"id": "c", "claimant": 5}]))
        with pytest.raises(dc.FormatError, match=r"actors\[0\].aliases: expected a list"):
            dc.loads(doc(actors=[{"id": "a", "name": "A", "aliases": "Ann"}]))


@pytest.mark.parametrize("name", BACKENDS)
def test_duplicate_ids_in_a_document_are_reported(name: str) -> None:
    """Two different records with one id cannot both load."""
    text = doc(
        actors=[{"id": "x", "name": "A"}, {"id": "y", "name": "Y"}],
        claims=[
            {"id": "x", "claimant": "x"},
            {"id": "c", "claimant": "x"},
            {"id": "c", "claimant": "x"},  # equal to the one before: not an error
            {"id": "y", "claimant": "x"},
        ],
    )
    with backend(name), pytest.raises(dc.FormatError) as info:
        dc.loads(text)
    assert info.value.errors == (
        "claims[0].id: 'x' is already used by the Actor at actors[0]; give one of them another id",
        "claims[3].id: 'y' is already used by the Actor at actors[1]; give one of them another id",
    )


@pytest.mark.parametrize("name", BACKENDS)
def test_unencodable_attributes_raise_format_error(name: str) -> None:
    """Attributes must be JSON-compatible; dumps says so instead of crashing."""
    corpus = dc.Corpus([dc.Actor(id="a", name="A", attributes={"x": object()})])
    with backend(name), pytest.raises(dc.FormatError, match="cannot encode"):
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


# --- the msgspec fast path against the pure path ----------------------------------------------


@needs_msgspec
@given(corpora())
def test_fast_and_pure_paths_write_the_same_document(corpus: dc.Corpus) -> None:
    """dumps() writes the same JSON with and without msgspec (numbers may be spelt differently)."""
    with backend("pure"):
        pure = dc.dumps(corpus)
    with backend("msgspec"):
        fast = dc.dumps(corpus)
    assert json.loads(fast, object_pairs_hook=list) == json.loads(pure, object_pairs_hook=list)


@needs_msgspec
@given(corpora())
def test_fast_path_decodes_valid_documents_itself(corpus: dc.Corpus) -> None:
    """A valid document is read by msgspec, not handed to the cattrs fallback."""
    records = fast_codec().decode_document(dc.dumps(corpus))
    assert records is not None
    assert dc.Corpus(records) == corpus


@st.composite
def mutated_documents(draw: st.DrawFn) -> str:
    """A valid document with one field of one record set to an arbitrary JSON value."""
    corpus = draw(corpora(max_records=4))
    data = json.loads(dc.dumps(corpus))
    sections = [k for k in convert.SECTIONS if data.get(k)]
    if sections:
        items = data[draw(st.sampled_from(sections))]
        item = items[draw(st.integers(0, len(items) - 1))]
        if draw(st.booleans()) and item.get("evidence"):
            item = item["evidence"][0]
        fields = [*sorted(item), "id", "kind", "stance", "date", "start", "end", "confidence"]
        key = draw(st.sampled_from(fields) | st.text(max_size=6))
        item[key] = draw(json_values | st.integers(-5, 5) | st.sampled_from(["", " ", "2017"]))
    return json.dumps(data)


@needs_msgspec
@given(mutated_documents())
def test_fast_path_accepts_only_what_the_pure_path_accepts(text: str) -> None:
    """Whatever msgspec decodes, cattrs decodes to the same records; the rest falls back."""
    fast = fast_codec().decode_document(text)
    if fast is None:
        return
    try:
        pure = convert.structure_document(json.loads(text))
    except dc.FormatError as e:
        msg = f"the fast path accepted a document the pure path refuses: {e}"
        raise AssertionError(msg) from None
    assert dc.Corpus(fast) == pure


@needs_msgspec
def test_fast_path_records_are_normalised() -> None:
    """Records decoded by msgspec have read-only mappings and interned ids, as if constructed."""
    text = doc(
        actors=[{"id": "a", "name": "A", "identifiers": {"w": "Q1"}, "attributes": {"k": 1}}],
        claims=[{"id": "c", "claimant": "".join(["jeremy", "-corbyn"]), "date": 2017}],
    )
    records = fast_codec().decode_document(text)
    assert records is not None
    actor, claim = records
    assert isinstance(actor.attributes, MappingProxyType)
    assert isinstance(actor.identifiers, MappingProxyType)
    assert claim.claimant is dc.Claim(id="x", claimant="jeremy-corbyn").claimant
    assert claim.date == dc.PartialDate(2017)
    assert claim == dc.Claim(id="c", claimant="jeremy-corbyn", date="2017")


@needs_msgspec
@pytest.mark.parametrize(
    ("record", "path"),
    [
        ({"id": "", "claimant": "a"}, "claims[0].id"),
        ({"id": "c", "claimant": "a", "confidence": 1.5}, "claims[0].confidence"),
        ({"id": "c", "claimant": "a", "date": "2017-02-30"}, "claims[0].date"),
        (
            {"id": "c", "claimant": "a", "evidence": [{"source": "s", "start": -1, "end": 2}]},
            "claims[0].evidence[0].start",
        ),
        ({"id": "c", "claimant": "a", "supports": [""]}, "claims[0].supports[0]"),
    ],
)
def test_constraints_checked_in_c_fall_back_to_the_full_message(
    record: dict[str, object], path: str
) -> None:
    """msgspec refuses what the constructors refuse; the message comes from the cattrs path."""
    text = doc(claims=[record])
    assert fast_codec().decode_document(text) is None
    with backend("msgspec"), pytest.raises(dc.FormatError, match=rf"^{re_escape(path)}: "):
        dc.loads(text)


def re_escape(text: str) -> str:
    """re.escape, named for the test above."""
    import re

    return re.escape(text)


def _dumps_or_error(corpus: dc.Corpus) -> str:
    try:
        return dc.dumps(corpus)
    except dc.FormatError as e:
        return f"FormatError: {e}"


@needs_msgspec
@pytest.mark.parametrize(
    "value",
    [{1, 2}, b"raw", Decimal("1.5"), 2**70, dt.date(2017, 3, 2), MappingProxyType({"k": 1})],
    ids=["set", "bytes", "decimal", "bigint", "date", "mappingproxy"],
)
def test_non_json_attribute_values_are_handled_as_without_msgspec(value: object) -> None:
    """Values outside JSON in attributes are written or refused exactly as by the pure path."""
    corpus = dc.Corpus([dc.Actor(id="a", name="A", attributes={"x": value})])
    with backend("pure"):
        pure = _dumps_or_error(corpus)
    with backend("msgspec"):
        assert _dumps_or_error(corpus) == pure
