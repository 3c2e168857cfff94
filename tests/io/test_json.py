"""The json and jsonl formats through load/dump/iter_load."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings

import discourse as dc
from tests.strategies import corpora
from tests.test_convert import BACKENDS, backend, fast_codec, needs_msgspec

FORMATS = ["json", "jsonl"]


@pytest.mark.parametrize("name", BACKENDS)
@pytest.mark.parametrize("fmt", FORMATS)
@settings(suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(corpus=corpora())
def test_round_trip_is_lossless(tmp_path: Path, fmt: str, name: str, corpus: dc.Corpus) -> None:
    """load(dump(c)) == c, with and without msgspec."""
    path = tmp_path / f"c.{fmt}"
    with backend(name):
        dc.dump(corpus, path)
        assert dc.load(path) == corpus


@needs_msgspec
@pytest.mark.parametrize("fmt", FORMATS)
@settings(suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(corpus=corpora())
def test_files_are_the_same_with_and_without_msgspec(
    tmp_path: Path, fmt: str, corpus: dc.Corpus
) -> None:
    """Both backends write the same lines (numbers aside, see test_convert) and read each other."""
    path = tmp_path / f"c.{fmt}"
    with backend("pure"):
        dc.dump(corpus, path)
        pure = path.read_bytes()
    with backend("msgspec"):
        assert dc.load(path) == corpus
        dc.dump(corpus, path)
    fast = path.read_bytes()
    units = [pure] if fmt == "json" else pure.splitlines()
    fast_units = [fast] if fmt == "json" else fast.splitlines()
    assert [json.loads(x, object_pairs_hook=list) for x in fast_units] == [
        json.loads(x, object_pairs_hook=list) for x in units
    ]


@needs_msgspec
@settings(suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(corpus=corpora())
def test_jsonl_fast_path_reads_valid_files_itself(tmp_path: Path, corpus: dc.Corpus) -> None:
    """A valid JSONL file is decoded by msgspec in chunks of whole lines, in file order."""
    path = tmp_path / "c.jsonl"
    dc.dump(corpus, path)
    lines = path.read_bytes().splitlines(keepends=True)
    assert fast_codec().decode_lines([b"".join(lines)]) == list(corpus)
    chunks = [b"".join(lines[:2]), *lines[2:]]
    assert fast_codec().decode_lines(chunks) == list(corpus)


@pytest.mark.parametrize("fmt", FORMATS)
def test_format_is_chosen_by_extension_or_name(tmp_path: Path, fmt: str) -> None:
    """A .data file needs format=; then it works."""
    corpus = dc.Corpus([dc.Actor(id="a", name="Ann")])
    path = tmp_path / "c.data"
    with pytest.raises(dc.UnknownFormatError, match="format="):
        dc.dump(corpus, path)
    dc.dump(corpus, path, format=fmt)
    assert dc.load(path, format=fmt) == corpus


def test_jsonl_iter_load_streams_records_in_order(tmp_path: Path) -> None:
    """iter_load yields records lazily, one per line."""
    corpus = dc.Corpus([dc.Actor(id=f"a{i}", name=f"A {i}") for i in range(5)])
    path = tmp_path / "c.jsonl"
    dc.dump(corpus, path)
    it = dc.iter_load(path)
    first = next(it)
    assert first == dc.Actor(id="a0", name="A 0")
    assert len(list(it)) == 4


@pytest.mark.parametrize("name", BACKENDS)
def test_jsonl_errors_name_the_line(tmp_path: Path, name: str) -> None:
    """A bad record on line 3 is reported as line 3 with the field."""
    path = tmp_path / "c.jsonl"
    path.write_text(
        '{"type": "header", "format": "discourse", "version": 1}\n'
        '{"type": "actor", "id": "a", "name": "A"}\n'
        '{"type": "claim", "id": "c", "claimant": "a", "stance": "opose"}\n',
        encoding="utf-8",
    )
    with backend(name), pytest.raises(dc.FormatError) as info:
        dc.load(path)
    assert info.value.line == 3
    assert "line 3: stance: 'opose' is not one of support, oppose, neutral" in str(info.value)


@pytest.mark.parametrize("name", BACKENDS)
def test_jsonl_duplicate_ids_name_both_lines(tmp_path: Path, name: str) -> None:
    """Two different records under one id: the error names the later line and the earlier one."""
    path = tmp_path / "c.jsonl"
    lines = [
        '{"type": "header", "format": "discourse", "version": 1}',
        '{"type": "actor", "id": "a", "name": "A"}',
        "",
        '{"type": "actor", "id": "a", "name": "A"}',
        '{"type": "claim", "id": "a", "claimant": "a"}',
    ]
    path.write_text("\n".join(lines) + "\n")
    with backend(name), pytest.raises(dc.FormatError) as info:
        dc.load(path)
    assert info.value.errors == (
        "line 5: id: 'a' is already used by the Actor on line 2; give one of them another id",
    )


@pytest.mark.parametrize(
    ("content", "match"),
    [
        ("", "empty file"),
        ('{"type": "actor", "id": "a", "name": "A"}\n', "line 1: expected the header"),
        ('{"type": "header", "format": "discourse", "version": 2}\n', "version 2"),
        (
            '{"type": "header", "format": "discourse", "version": 1}\n{"type": "person"}\n',
            "line 2: type",
        ),
        (
            '{"type": "header", "format": "discourse", "version": 1}\n{oops\n',
            "line 2: .*invalid JSON",
        ),
        (
            '{"type": "header", "format": "discourse", "version": 1}\n[1]\n',
            "line 2: expected a JSON object",
        ),
    ],
)
@pytest.mark.parametrize("name", BACKENDS)
def test_bad_jsonl_files_raise_format_error(
    tmp_path: Path, content: str, match: str, name: str
) -> None:
    """Header, type tag and JSON problems are FormatErrors with the line."""
    path = tmp_path / "c.jsonl"
    path.write_text(content, encoding="utf-8")
    with backend(name), pytest.raises(dc.FormatError, match=match):
        dc.load(path)


@pytest.mark.parametrize("name", BACKENDS)
@pytest.mark.parametrize("fmt", FORMATS)
def test_missing_file_is_a_format_error(tmp_path: Path, fmt: str, name: str) -> None:
    """No traceback from open()."""
    with backend(name), pytest.raises(dc.FormatError, match="no such file"):
        dc.load(tmp_path / f"missing.{fmt}")


@pytest.mark.parametrize("name", BACKENDS)
@pytest.mark.parametrize("fmt", FORMATS)
def test_failed_load_leaves_the_file_untouched(tmp_path: Path, fmt: str, name: str) -> None:
    """Reading never writes."""
    path = tmp_path / f"c.{fmt}"
    path.write_bytes(b"\x00\xffjunk" * 1000)
    before = hashlib.sha256(path.read_bytes()).hexdigest()
    with backend(name), pytest.raises(dc.FormatError):
        dc.load(path)
    assert hashlib.sha256(path.read_bytes()).hexdigest() == before


@pytest.mark.parametrize("name", BACKENDS)
@pytest.mark.parametrize("fmt", FORMATS)
def test_failed_dump_leaves_the_old_file_and_no_temp_file(
    tmp_path: Path, fmt: str, name: str
) -> None:
    """An unencodable corpus does not clobber the previous file."""
    path = tmp_path / f"c.{fmt}"
    good = dc.Corpus([dc.Actor(id="a", name="A")])
    dc.dump(good, path)
    before = path.read_bytes()
    bad = dc.Corpus([dc.Actor(id="a", name="A", attributes={"x": object()})])
    with backend(name), pytest.raises(dc.FormatError):
        dc.dump(bad, path)
    assert path.read_bytes() == before
    assert sorted(p.name for p in tmp_path.iterdir()) == [path.name]


@pytest.mark.parametrize("name", BACKENDS)
def test_json_file_is_an_envelope_document(tmp_path: Path, name: str) -> None:
    """The file carries format and version and sections by type, defaults omitted."""
    path = tmp_path / "c.json"
    with backend(name):
        dc.dump(dc.Corpus([dc.Claim(id="c", claimant="a")]), path)
    data = json.loads(path.read_text(encoding="utf-8"))
    assert data == {"format": "discourse", "version": 1, "claims": [{"id": "c", "claimant": "a"}]}


def test_formats_lists_json_and_jsonl() -> None:
    """formats() describes the available formats."""
    names = {f.name for f in dc.formats()}
    assert {"json", "jsonl"} <= names
    assert all(f.description for f in dc.formats())
