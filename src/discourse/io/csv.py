r"""CSV: a DNA-style event list of claims, and one table per record type.

Two layouts:

* The ``csv`` format (``discourse.dump(corpus, "claims.csv")``) is a long
  "event list" with one row per claim and the columns :data:`EVENT_COLUMNS`:
  ``id, date, claimant, claimant_faction, form, target, stance, issue, quote,
  text, source, start, end``. ``claimant_faction`` is the id of a faction the
  claimant belonged to at the claim's date; ``source``/``start``/``end`` are
  the claim's first evidence span. It is lossy: what it cannot carry is named
  in a :class:`~discourse.LossWarning`. Reading it back gives the claims plus
  a minimal :class:`~discourse.Actor` (``name`` = id) for every claimant and
  target and a minimal :class:`~discourse.Source` for every source id.
* :func:`dump_tables` / :func:`load_tables` write and read one CSV file per
  record type (``sources.csv``, ``actors.csv``, ``factions.csv``,
  ``memberships.csv``, ``events.csv``, ``claims.csv``) into a directory or a
  ``.zip`` file. Columns are the record fields; lists, spans and mappings are
  JSON in their cell. This layout is lossless.

Cells: an empty cell is "no value" (``None``, or an empty list). A text that
is itself empty, or that starts with a backslash, is written with one extra
leading backslash (``\``), so ``None`` and ``""`` stay apart.

Examples:
    >>> import discourse as dc
    >>> from discourse.io.csv import dump_tables, load_tables
    >>> corpus = dc.Corpus([dc.Actor(id="jc", name="Jeremy Corbyn")])
    >>> dump_tables(corpus, "corpus-tables")  # doctest: +SKIP
    >>> load_tables("corpus-tables") == corpus  # doctest: +SKIP
    True
"""

from __future__ import annotations

import csv
import io
import json
import os
import sys
import warnings
import zipfile
from collections.abc import Iterable, Iterator, Mapping
from pathlib import Path
from typing import IO, TYPE_CHECKING, Any, Final

from discourse.convert import SECTIONS, structure_record
from discourse.errors import DiscourseError, FormatError, LossWarning
from discourse.io._atomic import atomic_path, atomic_write
from discourse.io._registry import Format
from discourse.io.frames import column_kinds, columns, located_errors, record_row
from discourse.model import Actor, Claim, Record, Source

if TYPE_CHECKING:
    from discourse.corpus import Corpus

__all__ = [
    "EVENT_COLUMNS",
    "FORMAT",
    "TABLE_FILES",
    "dump_tables",
    "load_tables",
    "read_csv",
    "write_csv",
]

EVENT_COLUMNS: Final[tuple[str, ...]] = (
    "id",
    "date",
    "claimant",
    "claimant_faction",
    "form",
    "target",
    "stance",
    "issue",
    "quote",
    "text",
    "source",
    "start",
    "end",
)
"""The columns of the claim event list, in order."""

TABLE_FILES: Final[dict[str, type[Record]]] = {f"{name}.csv": cls for name, cls in SECTIONS.items()}
"""The file of each record type in a table directory or zip."""

_FIELD_LIMIT: Final = min(sys.maxsize, 2**31 - 1)

PathLike = str | os.PathLike[str]


# --- cells ----------------------------------------------------------------------------------


def _enc_text(value: str | None) -> str:
    if value is None:
        return ""
    if value == "" or value.startswith("\\"):
        return "\\" + value
    return value


def _dec_text(cell: str) -> str | None:
    if cell == "":
        return None
    return cell[1:] if cell.startswith("\\") else cell


def _enc_json(value: Any) -> str:
    if value is None or value == [] or value == {}:
        return ""
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"))


def _enc_number(value: float | None) -> str:
    return "" if value is None else repr(float(value))


def _writer(f: IO[str]) -> Any:
    return csv.writer(f, lineterminator="\r\n")


def _reader(f: IO[str]) -> Any:
    if csv.field_size_limit() < _FIELD_LIMIT:  # long source texts exceed the 128 KiB default
        csv.field_size_limit(_FIELD_LIMIT)
    return csv.reader(f, strict=True)


def _header(reader: Any, allowed: Iterable[str], where: str) -> list[str]:
    label = f"{where} header" if where else "header"
    try:
        header: list[str] = list(next(reader))
    except StopIteration:
        raise FormatError(f"{label}: empty file, expected a header row", line=1) from None
    except csv.Error as e:
        raise FormatError(f"{label}: {e}", line=1) from None
    known = set(allowed)
    seen: set[str] = set()
    for i, name in enumerate(header):
        col = name.lstrip("\ufeff") if i == 0 else name
        if col not in known:
            raise FormatError(
                f"{label}: unknown column {col!r}; expected some of {', '.join(allowed)}",
                line=1,
            )
        if col in seen:
            raise FormatError(f"{label}: column {col!r} appears twice", line=1)
        seen.add(col)
        header[i] = col
    return header


def _rows(reader: Any, header: list[str], where: str) -> Iterator[tuple[int, int, dict[str, str]]]:
    """Yield (row number from 1, line number, {column: cell})."""
    prefix = f"{where} " if where else ""
    n = 0
    try:
        for cells in reader:
            n += 1
            if not cells:
                continue
            if len(cells) != len(header):
                raise FormatError(
                    f"{prefix}row {n}: expected {len(header)} cells, got {len(cells)}",
                    line=reader.line_num,
                )
            yield n, reader.line_num, dict(zip(header, cells, strict=True))
    except csv.Error as e:
        raise FormatError(f"{prefix}row {n + 1}: {e}", line=reader.line_num) from None


# --- table rows -----------------------------------------------------------------------------


def _table_row(record: Record) -> list[str]:
    row = record_row(record)
    kinds = column_kinds(type(record))
    out = []
    for name, kind in kinds.items():
        v = row[name]
        if kind == "json":
            out.append(_enc_json(v))
        elif kind == "number":
            out.append(_enc_number(v))
        else:
            out.append(_enc_text(v))
    return out


def _parse_record(cls: type[Record], cells: Mapping[str, str], where: str) -> Record:
    kinds = column_kinds(cls)
    data: dict[str, Any] = {}
    for name, cell in cells.items():
        if cell == "":
            continue
        kind = kinds[name]
        if kind == "json":
            try:
                data[name] = json.loads(cell)
            except ValueError as e:
                raise FormatError(f"{where}, column {name!r}: not JSON: {e}") from None
        elif kind == "number":
            try:
                data[name] = float(cell)
            except ValueError:
                raise FormatError(
                    f"{where}, column {name!r}: expected a number, got {cell!r}"
                ) from None
        else:
            data[name] = _dec_text(cell)
    try:
        return structure_record(data, cls, path=where)
    except FormatError as e:
        errors = located_errors(e, where)
        raise FormatError("; ".join(errors), errors=errors) from None


# --- tables ---------------------------------------------------------------------------------


def _write_table(f: IO[str], records: Iterable[Record], cls: type[Record]) -> None:
    w = _writer(f)
    w.writerow(columns(cls))
    for r in records:
        w.writerow(_table_row(r))


def _records_by_file(corpus: Corpus) -> dict[str, list[Record]]:
    return {
        "sources.csv": list(corpus.sources),
        "actors.csv": list(corpus.actors),
        "factions.csv": list(corpus.factions),
        "memberships.csv": list(corpus.memberships),
        "events.csv": list(corpus.events),
        "claims.csv": list(corpus.claims()),
    }


def dump_tables(corpus: Corpus, path: PathLike) -> None:
    """Write one CSV file per record type into a directory, or a zip if ``path`` ends in ``.zip``.

    The zip is written atomically; in a directory each file is replaced
    atomically. Every table is written, even when empty, with its header row.

    Raises:
        FormatError: The directory or file cannot be written.
    """
    p = Path(path)
    tables = _records_by_file(corpus)
    try:
        if p.suffix.lower() == ".zip":
            with atomic_path(p) as tmp, zipfile.ZipFile(tmp, "w", zipfile.ZIP_DEFLATED) as zf:
                for name, cls in TABLE_FILES.items():
                    with (
                        zf.open(name, "w") as raw,
                        io.TextIOWrapper(raw, encoding="utf-8", newline="") as f,
                    ):
                        _write_table(f, tables[name], cls)
            return
        p.mkdir(parents=True, exist_ok=True)
        for name, cls in TABLE_FILES.items():
            with atomic_write(p / name) as f:
                _write_table(f, tables[name], cls)
    except UnicodeEncodeError as e:
        raise FormatError(f"cannot encode text as UTF-8: {e}", path=str(p)) from None
    except OSError as e:
        raise FormatError(f"cannot write: {e}", path=str(p)) from None


def load_tables(path: PathLike) -> Corpus:
    """Read a directory or ``.zip`` of CSV tables written by :func:`dump_tables`.

    Missing tables count as empty; other files are ignored.

    Raises:
        FormatError: A table is malformed; the message names the file, the
            row and the column (e.g. ``claims.csv row 4, column 'stance': ...``).
    """
    from discourse.corpus import Corpus

    p = Path(path)
    records: list[Record] = []
    try:
        if p.is_dir():
            for name, cls in TABLE_FILES.items():
                f = p / name
                if f.is_file():
                    with f.open(encoding="utf-8", newline="") as fh:
                        records.extend(_read_table(fh, cls, name))
        elif p.is_file():
            try:
                zf = zipfile.ZipFile(p)
            except (zipfile.BadZipFile, OSError) as e:
                raise FormatError(f"not a directory or a zip file of CSV tables: {e}") from None
            with zf:
                members = set(zf.namelist())
                for name, cls in TABLE_FILES.items():
                    if name in members:
                        with (
                            zf.open(name) as raw,
                            io.TextIOWrapper(raw, encoding="utf-8", newline="") as fh,
                        ):
                            records.extend(_read_table(fh, cls, name))
        else:
            raise FormatError("no such directory or zip file")
        return Corpus(records)
    except FormatError as e:
        if e.path is not None:
            raise
        raise FormatError(str(e), path=str(p), line=e.line, errors=e.errors) from None
    except UnicodeDecodeError as e:
        raise FormatError(f"not UTF-8 text: {e}", path=str(p)) from None
    except (DiscourseError, OSError, zipfile.BadZipFile, EOFError) as e:
        raise FormatError(str(e), path=str(p)) from None


def _read_table(f: IO[str], cls: type[Record], name: str) -> list[Record]:
    reader = _reader(f)
    header = _header(reader, columns(cls), name)
    out = []
    for n, line, cells in _rows(reader, header, name):
        try:
            out.append(_parse_record(cls, cells, f"{name} row {n}"))
        except FormatError as e:
            raise FormatError(str(e), line=line, errors=e.errors) from None
    return out


# --- the event list -------------------------------------------------------------------------


def _claimant_faction(corpus: Corpus, claim: Claim) -> str | None:
    if claim.date is not None:
        factions = corpus.factions_of(claim.claimant, at=claim.date)
    else:
        factions = corpus.factions_of(claim.claimant)
    return factions[0].id if factions else None


def _event_losses(corpus: Corpus) -> dict[str, int]:
    dropped: dict[str, int] = {}

    def add(key: str, n: int) -> None:
        if n:
            dropped[key] = dropped.get(key, 0) + n

    for key, n in corpus.count().items():
        if key != "claims":
            add(key, n)
    for c in corpus.claims():
        add("claims.addressee", c.addressee is not None)
        add("claims.supports", len(c.supports))
        add("claims.attacks", len(c.attacks))
        add("claims.confidence", c.confidence is not None)
        add("claims.attributes", len(c.attributes) > 0)
        add("claims.evidence", max(0, len(c.evidence) - 1))
        add("claims.evidence.text", bool(c.evidence) and c.evidence[0].text is not None)
    return dropped


def write_csv(corpus: Corpus, path: Path) -> None:
    """Write the claims of ``corpus`` as a CSV event list (see :data:`EVENT_COLUMNS`).

    Warns:
        LossWarning: Naming every field and record type the list cannot carry,
            with counts (e.g. ``claims.addressee (3)``, ``actors (12)``).

    Raises:
        FormatError: The file cannot be written.
    """
    dropped = _event_losses(corpus)
    try:
        with atomic_write(Path(path)) as f:
            w = _writer(f)
            w.writerow(EVENT_COLUMNS)
            for c in corpus.claims():
                span = c.evidence[0] if c.evidence else None
                w.writerow(
                    [
                        _enc_text(c.id),
                        _enc_text(str(c.date) if c.date is not None else None),
                        _enc_text(c.claimant),
                        _enc_text(_claimant_faction(corpus, c)),
                        _enc_text(c.form.value),
                        _enc_text(c.target),
                        _enc_text(c.stance.value if c.stance is not None else None),
                        _enc_text(c.issue),
                        _enc_text(c.quote),
                        _enc_text(c.text),
                        _enc_text(span.source if span else None),
                        str(span.start) if span else "",
                        str(span.end) if span else "",
                    ]
                )
    except UnicodeEncodeError as e:
        raise FormatError(f"cannot encode text as UTF-8: {e}", path=str(path)) from None
    except OSError as e:
        raise FormatError(f"cannot write: {e}", path=str(path)) from None
    if dropped:
        warnings.warn(LossWarning("csv", dropped), stacklevel=3)


_CLAIM_TEXT: Final = (
    "id",
    "date",
    "claimant",
    "form",
    "target",
    "stance",
    "issue",
    "quote",
    "text",
)


def _event_claim(cells: Mapping[str, str], where: str) -> Claim:
    data: dict[str, Any] = {}
    for name in _CLAIM_TEXT:
        v = _dec_text(cells.get(name, ""))
        if v is not None:
            data[name] = v
    source = _dec_text(cells.get("source", ""))
    start, end = cells.get("start", ""), cells.get("end", "")
    if source is not None or start or end:
        span: dict[str, Any] = {"source": source}
        for col, cell in (("start", start), ("end", end)):
            try:
                span[col] = int(cell)
            except ValueError:
                raise FormatError(
                    f"{where}, column {col!r}: expected a character offset, got {cell!r}"
                ) from None
        if source is None:
            raise FormatError(f"{where}, column 'source': a span needs a source id")
        data["evidence"] = [span]
    try:
        return structure_record(data, Claim, path=where)
    except FormatError as e:
        errors = located_errors(e, where)
        raise FormatError("; ".join(errors), errors=errors) from None


def read_csv(path: Path) -> Corpus:
    """Read a CSV event list of claims (as written by :func:`write_csv`).

    Only ``id`` and ``claimant`` columns are required; ``claimant_faction`` is
    ignored (it is derived). Every claimant and target gets a minimal actor
    (``name`` = id) and every source id a minimal source.

    Raises:
        FormatError: A row is malformed (e.g. ``row 4, column 'stance': ...``),
            or two claims share an id.
    """
    from discourse.corpus import Corpus

    p = str(path)
    claims: list[Claim] = []
    try:
        with open(path, encoding="utf-8", newline="") as f:
            reader = _reader(f)
            header = _header(reader, EVENT_COLUMNS, "")
            for col in ("id", "claimant"):
                if col not in header:
                    raise FormatError(f"header: missing column {col!r}", line=1)
            for n, line, cells in _rows(reader, header, ""):
                try:
                    claims.append(_event_claim(cells, f"row {n}"))
                except FormatError as e:
                    raise FormatError(str(e), line=line, errors=e.errors) from None
    except FormatError as e:
        raise FormatError(str(e), path=p, line=e.line, errors=e.errors) from None
    except UnicodeDecodeError as e:
        raise FormatError(f"not UTF-8 text: {e}", path=p) from None
    except OSError as e:
        raise FormatError(f"cannot read: {e}", path=p) from None
    refs: dict[str, None] = {}
    sources: dict[str, None] = {}
    for c in claims:
        refs[c.claimant] = None
        if c.target is not None:
            refs[c.target] = None
        for s in c.evidence:
            sources[s.source] = None
    records: list[Record] = [Source(id=s) for s in sources]
    records += [Actor(id=r, name=r) if r.strip() else Actor(id=r, name=repr(r)) for r in refs]
    records += claims
    try:
        return Corpus(records)
    except DiscourseError as e:
        raise FormatError(str(e), path=p) from None


FORMAT = Format(
    name="csv",
    extensions=(".csv",),
    description="CSV event list of claims, one row per claim (DNA-style long format)",
    lossless=False,
    carries="claims: id, date, claimant, form, target, stance, issue, quote, text, first evidence span",
    drops=(
        "claim addressee, supports, attacks, confidence, attributes, extra evidence spans and "
        "span texts; every other record type (claimants, targets and sources come back as "
        "minimal records); use dump_tables() for a lossless CSV export"
    ),
    read=read_csv,
    write=write_csv,
)
