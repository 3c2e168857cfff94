"""The yaml format (discourse.io.yaml)."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings

import discourse as dc
from tests.strategies import corpora

pytest.importorskip("yaml")

from discourse.io.yaml import dumps, loads

HEADER = "format: discourse\nversion: 1\n"


@settings(suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(corpus=corpora())
def test_round_trip_is_lossless(tmp_path: Path, corpus: dc.Corpus) -> None:
    """load(dump(c)) == c, odd Unicode (NEL, line separators, BOM) included."""
    path = tmp_path / "c.yaml"
    dc.dump(corpus, path)
    assert dc.load(path) == corpus


@pytest.mark.parametrize("ext", ["yaml", "yml"])
def test_both_extensions_select_yaml(tmp_path: Path, ext: str) -> None:
    """.yaml and .yml files are YAML."""
    corpus = dc.Corpus([dc.Actor(id="a", name="Ann")])
    path = tmp_path / f"c.{ext}"
    dc.dump(corpus, path)
    assert path.read_text(encoding="utf-8").startswith(HEADER)
    assert dc.load(path) == corpus


@settings(max_examples=25)
@given(corpus=corpora())
def test_yaml_holds_the_same_document_as_json(corpus: dc.Corpus) -> None:
    """The YAML text decodes to exactly the JSON document (same schema)."""
    import yaml

    assert yaml.safe_load(dumps(corpus)) == json.loads(dc.dumps(corpus))


def test_hand_written_file_with_bare_dates_loads() -> None:
    """Unquoted 2017, 2017-03 and 2017-03-02 are partial dates, not ints or datetimes."""
    corpus = loads(
        HEADER
        + "actors:\n  - {id: a, name: Ann}\n"
        + "claims:\n"
        + "  - {id: c1, claimant: a, date: 2017}\n"
        + "  - {id: c2, claimant: a, date: 2017-03}\n"
        + "  - {id: c3, claimant: a, date: 2017-03-02}\n"
    )
    assert [str(c.date) for c in corpus.claims()] == ["2017", "2017-03", "2017-03-02"]


def test_errors_match_json_and_add_the_line() -> None:
    """A bad field gives the JSON format's message followed by its line."""
    text = HEADER + "claims:\n  - id: c1\n    claimant: a\n    stance: opose\n"
    with pytest.raises(dc.FormatError) as json_info:
        dc.loads(
            json.dumps(
                {
                    "format": "discourse",
                    "version": 1,
                    "claims": [{"id": "c1", "claimant": "a", "stance": "opose"}],
                }
            )
        )
    with pytest.raises(dc.FormatError) as yaml_info:
        loads(text)
    assert yaml_info.value.errors == (f"{json_info.value.errors[0]} (line 6)",)
    assert yaml_info.value.line == 6


def test_every_problem_is_listed_with_its_line() -> None:
    """Two bad records give two lines, each with its own line number."""
    text = HEADER + "actors:\n  - id: a\n  - id: b\n    name: 3\n"
    with pytest.raises(dc.FormatError) as info:
        loads(text)
    assert info.value.errors == (
        "actors[0].name: required field missing (line 4)",
        "actors[1].name: expected a string, got 3 (line 6)",
    )


def test_aliases_are_refused() -> None:
    """A YAML alias (the billion-laughs building block) is an error with its line."""
    text = 'a: &lol ["lol", "lol"]\nb: [*lol, *lol]\n'
    with pytest.raises(
        dc.FormatError, match=r"line 2, column \d+: .*aliases \(\*lol\) are not allowed"
    ) as info:
        loads(text)
    assert info.value.line == 2


def test_billion_laughs_file_is_refused_quickly(tmp_path: Path) -> None:
    """The classic nested-alias bomb raises FormatError instead of expanding."""
    lines = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
    for i in range(1, 9):
        prev, cur = chr(ord("a") + i - 1), chr(ord("a") + i)
        lines.append(f"{cur}: &{cur} [{', '.join(['*' + prev] * 9)}]")
    path = tmp_path / "bomb.yaml"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    with pytest.raises(dc.FormatError, match="aliases"):
        dc.load(path)


def test_python_tags_are_refused() -> None:
    """Only plain data: a python/object tag is an error, never executed."""
    with pytest.raises(dc.FormatError, match="could not determine a constructor"):
        loads("x: !!python/object/apply:os.system ['echo hi']\n")


def test_duplicate_keys_are_refused() -> None:
    """A key given twice in one mapping is reported rather than silently overwritten."""
    with pytest.raises(
        dc.FormatError, match=r"actors\[0\].name: key given twice \(line 6\)"
    ) as info:
        loads(HEADER + "actors:\n  - id: a\n    name: A\n    name: B\n")
    assert info.value.line == 6


@pytest.mark.parametrize(
    ("content", "match"),
    [
        (b"format: [\n", "line 2, column 1: invalid YAML: expected the node content"),
        (b"\x00\x01\x02", "invalid YAML"),
        (b"- 1\n- 2\n", "expected a JSON object"),
        (b"", "expected a JSON object"),
        (b"format: discourse\nversion: 2\n", "version 2"),
        (b"format: discourse\nversion: 1\npeople: []\n", "people: unknown section"),
        (
            b"format: discourse\nversion: 1\nactors: [[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[\n",
            "invalid YAML",
        ),
    ],
)
def test_bad_files_raise_format_error_and_are_not_modified(
    tmp_path: Path, content: bytes, match: str
) -> None:
    """Broken YAML or a wrong document gives FormatError; the file is left as it was."""
    path = tmp_path / "bad.yaml"
    path.write_bytes(content)
    before = hashlib.sha256(content).hexdigest()
    with pytest.raises(dc.FormatError, match=match):
        dc.load(path)
    assert hashlib.sha256(path.read_bytes()).hexdigest() == before


def test_deep_nesting_is_a_format_error() -> None:
    """A document nested deeper than the recursion limit raises FormatError, not RecursionError."""
    with pytest.raises(dc.FormatError):
        loads("[" * 5000 + "]" * 5000)


def test_writer_never_emits_anchors() -> None:
    """Shared values are written out in full, so the reader (which refuses aliases) can read them."""
    shared = {"k": "v"}
    corpus = dc.Corpus(
        [
            dc.Actor(id="a", name="A", attributes=shared),
            dc.Actor(id="b", name="B", attributes=shared),
        ]
    )
    text = dumps(corpus)
    assert "&" not in text
    assert "*" not in text
    assert loads(text) == corpus


def test_failed_write_leaves_the_old_file(tmp_path: Path) -> None:
    """A value YAML cannot represent raises FormatError and keeps the previous file."""
    path = tmp_path / "c.yaml"
    dc.dump(dc.Corpus([dc.Actor(id="a", name="A")]), path)
    before = path.read_bytes()
    bad = dc.Corpus([dc.Actor(id="b", name="B", attributes={"x": object()})])
    with pytest.raises(dc.FormatError, match="cannot write as YAML"):
        dc.dump(bad, path)
    assert path.read_bytes() == before
    assert [p.name for p in tmp_path.iterdir()] == ["c.yaml"]


@pytest.mark.parametrize("size_mb", [1, pytest.param(100, marks=pytest.mark.slow)])
def test_megabytes_of_junk_are_a_format_error(tmp_path: Path, size_mb: int) -> None:
    """A large file of binary junk is rejected with FormatError and left as it was."""
    path = tmp_path / "junk.yaml"
    with path.open("wb") as f:
        for _ in range(size_mb):
            f.write(b"\xde\xad\xbe\xef" * 262_144)
    size = path.stat().st_size
    with pytest.raises(dc.FormatError):
        dc.load(path)
    assert path.stat().st_size == size
