"""Fuzzing the YAML reader with mutated valid files."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

import discourse as dc
from tests.fuzz import mutations
from tests.fuzz.harness import fuzz_reader, fuzz_settings, valid_files

_body = fuzz_reader("yaml", mutations.mutate_yaml)


@pytest.fixture(scope="module")
def bases() -> tuple[bytes, ...]:
    """Valid YAML files: generated corpora written with dump()."""
    return valid_files("yaml")


@fuzz_settings()
@given(data=st.data())
def test_mutated_yaml_files_load_or_raise_a_located_error(
    bases: tuple[bytes, ...], data: st.DataObject
) -> None:
    """Damaged YAML files either load or raise a DiscourseError naming the file."""
    _body(data, bases)


@pytest.mark.parametrize(
    "text",
    [
        'format: discourse\nversion: 1\nactors:\n- id: "\\U7fffffff"\n',
        'format: discourse\nversion: 1\nactors:\n- id: "\\Uffffffff"\n',
        "format: discourse\nversion: 1\nactors:\n- id: a\n  name: " + "9" * 5000 + "\n",
    ],
    ids=["escape-past-unicode", "escape-past-c-int", "int-past-str-digits"],
)
def test_yaml_values_pyyaml_cannot_build_raise_format_error_with_line(
    tmp_path: Path, text: str
) -> None:
    """Escapes past U+10FFFF and 5000-digit integers are FormatErrors with a line, not ValueError."""
    p = tmp_path / "c.yaml"
    p.write_text(text, encoding="utf-8")
    with pytest.raises(dc.FormatError) as e:
        dc.load(p)
    assert e.value.line is not None
    assert "c.yaml" in str(e.value)


def test_yaml_null_and_integer_keys_are_reported_as_unknown_fields(tmp_path: Path) -> None:
    """A record with keys ``~`` and ``7`` is a FormatError listing them, not a TypeError."""
    p = tmp_path / "k.yaml"
    p.write_text("format: discourse\nversion: 1\nactors:\n- id: a\n  name: A\n  ~: 1\n  7: 2\n")
    with pytest.raises(dc.FormatError, match=r"actors\[0\]: unknown field\(s\) 7, None"):
        dc.load(p)
