"""CSV: the claim event list (lossy, with LossWarning) and one table per record type (lossless)."""

from __future__ import annotations

import contextlib
import csv
import hashlib
import warnings
import zipfile
from pathlib import Path

import attrs
import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

import discourse as dc
from discourse.io.csv import EVENT_COLUMNS, TABLE_FILES, dump_tables, load_tables
from tests.strategies import corpora

_FIXTURE = [HealthCheck.function_scoped_fixture]


def _corpus() -> dc.Corpus:
    return dc.Corpus(
        [
            dc.Source(id="s", text="Corbyn must go, said Smith."),
            dc.Actor(id="smith", name="Owen Smith"),
            dc.Actor(id="corbyn", name="Jeremy Corbyn"),
            dc.Faction(id="plp", name="PLP"),
            dc.Membership(member="smith", faction="plp", start="2015", end="2017"),
            dc.Claim(
                id="c1",
                claimant="smith",
                form="demand",
                target="corbyn",
                stance="oppose",
                issue="leadership",
                quote="Corbyn must go",
                text="Corbyn should resign",
                date="2016-07-01",
                evidence=[dc.Span(source="s", start=0, end=14)],
            ),
            dc.Claim(id="c2", claimant="corbyn", issue=""),
        ]
    )


def _sha(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


# --- tables ---------------------------------------------------------------------------------


@settings(suppress_health_check=_FIXTURE)
@given(corpus=corpora())
def test_tables_round_trip_through_a_directory(tmp_path: Path, corpus: dc.Corpus) -> None:
    """load_tables(dump_tables(c)) == c for a directory of CSV files."""
    dump_tables(corpus, tmp_path / "tables")
    assert load_tables(tmp_path / "tables") == corpus


@settings(suppress_health_check=_FIXTURE)
@given(corpus=corpora())
def test_tables_round_trip_through_a_zip(tmp_path: Path, corpus: dc.Corpus) -> None:
    """load_tables(dump_tables(c)) == c for a zip of CSV files."""
    dump_tables(corpus, tmp_path / "tables.zip")
    assert load_tables(tmp_path / "tables.zip") == corpus


def test_tables_write_one_file_per_record_type(tmp_path: Path) -> None:
    """Every table is written, with a header of the record's fields."""
    dump_tables(_corpus(), tmp_path / "t")
    assert sorted(p.name for p in (tmp_path / "t").iterdir()) == sorted(TABLE_FILES)
    with (tmp_path / "t" / "claims.csv").open(encoding="utf-8", newline="") as f:
        header = next(csv.reader(f))
    assert header == [f.name for f in attrs.fields(dc.Claim)]


def test_empty_text_and_none_stay_apart(tmp_path: Path) -> None:
    """An empty issue and no issue are written differently and read back as written."""
    corpus = dc.Corpus(
        [dc.Claim(id="a", claimant="x", issue=""), dc.Claim(id="b", claimant="x", issue=r"\n")]
    )
    dump_tables(corpus, tmp_path / "t")
    back = load_tables(tmp_path / "t")
    assert back["a"].issue == ""  # type: ignore[union-attr]
    assert back["b"].issue == r"\n"  # type: ignore[union-attr]


def test_table_errors_name_file_row_and_column(tmp_path: Path) -> None:
    """A bad confidence in claims.csv row 1 is reported with file, row and column."""
    d = tmp_path / "t"
    d.mkdir()
    (d / "claims.csv").write_text("id,claimant,confidence\nc1,a,high\n", encoding="utf-8")
    with pytest.raises(dc.FormatError, match=r"claims\.csv row 1, column 'confidence'") as info:
        load_tables(d)
    assert info.value.line == 2


def test_table_stance_error_comes_from_the_converter(tmp_path: Path) -> None:
    """A misspelt stance lists the allowed values and the column."""
    d = tmp_path / "t"
    d.mkdir()
    (d / "claims.csv").write_text("id,claimant,stance\nc1,a,support\nc2,a,opose\n", "utf-8")
    with pytest.raises(dc.FormatError, match=r"row 2, column 'stance': 'opose' is not one of"):
        load_tables(d)


def test_table_with_unknown_column_is_rejected(tmp_path: Path) -> None:
    """A column that is not a field of the record is an error, not silently dropped."""
    d = tmp_path / "t"
    d.mkdir()
    (d / "actors.csv").write_text("id,name,stnace\na,A,x\n", encoding="utf-8")
    with pytest.raises(dc.FormatError, match="unknown column 'stnace'"):
        load_tables(d)


def test_table_with_bad_json_cell_is_rejected(tmp_path: Path) -> None:
    """A list column that is not JSON names its column."""
    d = tmp_path / "t"
    d.mkdir()
    (d / "actors.csv").write_text("id,name,aliases\na,A,[oops\n", encoding="utf-8")
    with pytest.raises(dc.FormatError, match=r"row 1, column 'aliases': not JSON"):
        load_tables(d)


def test_junk_zip_is_a_format_error_and_untouched(tmp_path: Path) -> None:
    """A file that is not a zip gives a FormatError and keeps its bytes."""
    path = tmp_path / "t.zip"
    path.write_bytes(b"\x00\xff junk" * 100)
    before = _sha(path)
    with pytest.raises(dc.FormatError, match="zip"):
        load_tables(path)
    assert _sha(path) == before


def test_zip_with_non_utf8_table_is_a_format_error(tmp_path: Path) -> None:
    """Latin-1 bytes in a table are reported, not a UnicodeDecodeError."""
    path = tmp_path / "t.zip"
    with zipfile.ZipFile(path, "w") as zf:
        zf.writestr("actors.csv", "id,name\na,Caf\xe9\n".encode("latin-1"))
    with pytest.raises(dc.FormatError, match="UTF-8"):
        load_tables(path)


def test_missing_tables_path_is_a_format_error(tmp_path: Path) -> None:
    """Loading tables from nowhere is a FormatError."""
    with pytest.raises(dc.FormatError, match="no such"):
        load_tables(tmp_path / "nothing")


# --- the event list -------------------------------------------------------------------------


def _expected_event_list(corpus: dc.Corpus) -> dc.Corpus:
    claims = [
        attrs.evolve(
            c,
            addressee=None,
            supports=(),
            attacks=(),
            confidence=None,
            attributes={},
            evidence=(attrs.evolve(c.evidence[0], text=None),) if c.evidence else (),
        )
        for c in corpus.claims()
    ]
    refs = dict.fromkeys(r for c in claims for r in (c.claimant, c.target) if r is not None)
    sources = dict.fromkeys(s.source for c in claims for s in c.evidence)
    return dc.Corpus(
        [
            *(dc.Source(id=s) for s in sources),
            *(dc.Actor(id=r, name=r) for r in refs),
            *claims,
        ]
    )


def _expected_losses(corpus: dc.Corpus) -> dict[str, int]:
    out = {k: v for k, v in corpus.count().items() if k != "claims" and v}
    cs = corpus.claims()
    counts = {
        "claims.addressee": sum(c.addressee is not None for c in cs),
        "claims.supports": sum(len(c.supports) for c in cs),
        "claims.attacks": sum(len(c.attacks) for c in cs),
        "claims.confidence": sum(c.confidence is not None for c in cs),
        "claims.attributes": sum(bool(c.attributes) for c in cs),
        "claims.evidence": sum(max(0, len(c.evidence) - 1) for c in cs),
        "claims.evidence.text": sum(
            bool(c.evidence) and c.evidence[0].text is not None for c in cs
        ),
    }
    out.update({k: v for k, v in counts.items() if v})
    return out


@settings(suppress_health_check=_FIXTURE)
@given(corpus=corpora(valid=True))
def test_event_list_round_trip_loses_exactly_what_it_warns(
    tmp_path: Path, corpus: dc.Corpus
) -> None:
    """load(dump(c)) is c minus the fields the LossWarning names, with their counts."""
    refs = {r for c in corpus.claims() for r in (c.claimant, c.target) if r is not None}
    srcs = {s.source for c in corpus.claims() for s in c.evidence}
    assume(not refs & srcs and not refs & {c.id for c in corpus.claims()})
    assume(all(r.strip() for r in refs))
    path = tmp_path / "claims.csv"
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        dc.dump(corpus, path)
    losses = [w.message for w in caught if isinstance(w.message, dc.LossWarning)]
    expected = _expected_losses(corpus)
    if expected:
        assert len(losses) == 1
        assert losses[0].dropped == expected
    else:
        assert losses == []
    assert dc.load(path) == _expected_event_list(corpus)


def test_event_list_has_the_dna_style_columns(tmp_path: Path) -> None:
    """One row per claim with the documented columns, claimant faction included."""
    path = tmp_path / "claims.csv"
    with pytest.warns(dc.LossWarning):
        dc.dump(_corpus(), path)
    with path.open(encoding="utf-8", newline="") as f:
        rows = list(csv.DictReader(f))
    assert tuple(rows[0]) == EVENT_COLUMNS
    assert rows[0] == {
        "id": "c1",
        "date": "2016-07-01",
        "claimant": "smith",
        "claimant_faction": "plp",
        "form": "demand",
        "target": "corbyn",
        "stance": "oppose",
        "issue": "leadership",
        "quote": "Corbyn must go",
        "text": "Corbyn should resign",
        "source": "s",
        "start": "0",
        "end": "14",
    }
    assert rows[1]["claimant_faction"] == ""


def test_event_list_warning_names_dropped_records(tmp_path: Path) -> None:
    """Records the event list cannot carry are counted in the LossWarning."""
    with pytest.warns(dc.LossWarning) as info:
        dc.dump(_corpus(), tmp_path / "c.csv")
    assert info[0].message.dropped == {  # type: ignore[union-attr]
        "sources": 1,
        "actors": 2,
        "factions": 1,
        "memberships": 1,
    }


def test_event_list_bad_stance_names_row_and_column(tmp_path: Path) -> None:
    """A misspelt stance on the second data row is reported there."""
    path = tmp_path / "c.csv"
    path.write_text("id,claimant,stance\nc1,a,oppose\nc2,b,opose\n", encoding="utf-8")
    with pytest.raises(dc.FormatError, match=r"row 2, column 'stance': 'opose'") as info:
        dc.load(path)
    assert info.value.line == 3


def test_event_list_bad_offset_names_the_column(tmp_path: Path) -> None:
    """A non-integer start offset is a FormatError naming 'start'."""
    path = tmp_path / "c.csv"
    path.write_text("id,claimant,source,start,end\nc1,a,s,x,4\n", encoding="utf-8")
    with pytest.raises(dc.FormatError, match=r"row 1, column 'start'"):
        dc.load(path)


def test_event_list_needs_id_and_claimant_columns(tmp_path: Path) -> None:
    """Without a claimant column the header is rejected."""
    path = tmp_path / "c.csv"
    path.write_text("id,stance\nc1,oppose\n", encoding="utf-8")
    with pytest.raises(dc.FormatError, match="missing column 'claimant'"):
        dc.load(path)


def test_event_list_missing_id_is_reported(tmp_path: Path) -> None:
    """An empty id cell is a required field missing, located by row and column."""
    path = tmp_path / "c.csv"
    path.write_text("id,claimant\n,a\n", encoding="utf-8")
    with pytest.raises(dc.FormatError, match=r"row 1, column 'id'"):
        dc.load(path)


def test_event_list_wrong_cell_count_is_reported(tmp_path: Path) -> None:
    """A row with too many cells is a FormatError naming the row."""
    path = tmp_path / "c.csv"
    path.write_text("id,claimant\nc1,a,extra\n", encoding="utf-8")
    with pytest.raises(dc.FormatError, match="row 1: expected 2 cells, got 3"):
        dc.load(path)


def test_truncated_event_list_is_a_format_error(tmp_path: Path) -> None:
    """A file cut inside a quoted cell is a FormatError, and is not modified."""
    path = tmp_path / "c.csv"
    path.write_text('id,claimant,quote\nc1,a,"unterminated', encoding="utf-8")
    before = _sha(path)
    with pytest.raises(dc.FormatError):
        dc.load(path)
    assert _sha(path) == before


def test_empty_and_junk_files_are_format_errors(tmp_path: Path) -> None:
    """Empty files and binary junk give FormatErrors, never csv or Unicode errors."""
    empty = tmp_path / "empty.csv"
    empty.write_bytes(b"")
    junk = tmp_path / "junk.csv"
    junk.write_bytes(bytes(range(256)) * 64)
    with pytest.raises(dc.FormatError, match="empty file"):
        dc.load(empty)
    with pytest.raises(dc.FormatError):
        dc.load(junk)


def test_duplicate_claim_ids_are_a_format_error(tmp_path: Path) -> None:
    """Two rows with one id but different content are reported as a FormatError."""
    path = tmp_path / "c.csv"
    path.write_text("id,claimant\nc1,a\nc1,b\n", encoding="utf-8")
    with pytest.raises(dc.FormatError, match="already used"):
        dc.load(path)


def test_failed_event_list_write_keeps_the_old_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A write that fails leaves the previous file as it was."""
    path = tmp_path / "c.csv"
    path.write_text("id,claimant\nc1,a\n", encoding="utf-8")
    before = _sha(path)
    from discourse.io import csv as dcsv

    def boom(corpus: dc.Corpus, claim: dc.Claim) -> str:
        raise OSError("disk full")

    monkeypatch.setattr(dcsv, "_claimant_faction", boom)
    with pytest.raises(dc.FormatError, match="disk full"):
        dc.dump(dc.Corpus([dc.Claim(id="x", claimant="y")]), path)
    assert _sha(path) == before


@settings(suppress_health_check=_FIXTURE)
@given(data=st.binary(max_size=400) | st.text(alphabet='ab,"\n\r\\[]{}:1 ', max_size=200))
def test_arbitrary_input_raises_only_format_errors(tmp_path: Path, data: bytes | str) -> None:
    """Any bytes as an event list or a claims table give a corpus or a FormatError."""
    raw = data if isinstance(data, bytes) else data.encode("utf-8")
    event_list = tmp_path / "c.csv"
    event_list.write_bytes(raw)
    tables = tmp_path / "t"
    tables.mkdir(exist_ok=True)
    (tables / "claims.csv").write_bytes(b"id,claimant,evidence,confidence\n" + raw)
    for load in (lambda: dc.load(event_list), lambda: load_tables(tables)):
        with contextlib.suppress(dc.FormatError):
            load()
