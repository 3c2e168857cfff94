"""Apache Parquet: the whole corpus in one columnar file, for DuckDB, Spark or pandas.

One file holds every record, one row each; the ``record_type`` column
(``source``, ``actor``, ``faction``, ``membership``, ``event``, ``claim``)
says which table a row belongs to, and the other columns are the union of the
record fields (a field a type does not have is null). Lists of ids and names
are ``list<string>``, evidence ``list<struct<source, start, end, text>>``,
participants ``list<struct<ref, role>>``; ``identifiers`` and ``attributes``
are JSON text (their values are free-form). Dates are ISO partial-date strings
(``"2017"``, ``"2017-03"``, ``"2017-03-02"``). The format is lossless:
``load(dump(corpus)) == corpus``.

Needs pyarrow: ``pip install 'discourse-model[parquet]'``.

Examples:
    >>> import duckdb  # doctest: +SKIP
    >>> duckdb.sql("select claimant, count(*) from 'corpus.parquet' "
    ...            "where record_type = 'claim' group by 1")  # doctest: +SKIP
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any, Final

import pyarrow as pa
import pyarrow.parquet as pq

from discourse.convert import RECORD_TYPES, structure_record, type_name
from discourse.errors import DiscourseError, FormatError
from discourse.io._atomic import atomic_path
from discourse.io._registry import Format
from discourse.io.frames import column_kinds, columns, located_errors, record_row

if TYPE_CHECKING:
    from discourse.corpus import Corpus
    from discourse.model import Record

__all__ = ["FORMAT", "SCHEMA", "iter_read_parquet", "read_parquet", "write_parquet"]

_SPAN = pa.struct(
    [("source", pa.string()), ("start", pa.int64()), ("end", pa.int64()), ("text", pa.string())]
)
_PARTICIPANT = pa.struct([("ref", pa.string()), ("role", pa.string())])
_MAPPINGS: Final = frozenset({"identifiers", "attributes"})


def _arrow_type(name: str) -> pa.DataType:
    if name == "evidence":
        return pa.list_(_SPAN)
    if name == "participants":
        return pa.list_(_PARTICIPANT)
    if name == "confidence":
        return pa.float64()
    if name in ("aliases", "sources", "supports", "attacks"):
        return pa.list_(pa.string())
    return pa.string()


def _all_columns() -> list[str]:
    out: dict[str, None] = {"record_type": None}
    for cls in RECORD_TYPES.values():
        for name in columns(cls):
            out[name] = None
    return list(out)


SCHEMA: Final = pa.schema([(name, _arrow_type(name)) for name in _all_columns()])
"""The Arrow schema of the file: ``record_type`` then every record field."""


def write_parquet(corpus: Corpus, path: Path) -> None:
    """Write every record of ``corpus`` to one Parquet file at ``path``, atomically.

    Raises:
        FormatError: A value cannot be stored (e.g. text that is not valid
            Unicode), or the file cannot be written.
    """
    names = SCHEMA.names
    data: dict[str, list[Any]] = {n: [] for n in names}
    for record in corpus:
        row = record_row(record)
        row["record_type"] = type_name(record)
        for m in _MAPPINGS:
            if m in row:
                row[m] = json.dumps(row[m], ensure_ascii=False)
        for n in names:
            data[n].append(row.get(n))
    try:
        table = pa.table(data, schema=SCHEMA)
    except (pa.ArrowException, ValueError, TypeError) as e:
        raise FormatError(f"cannot store the corpus as Parquet: {e}", path=str(path)) from None
    try:
        with atomic_path(Path(path)) as tmp:
            pq.write_table(table, tmp)
    except (OSError, pa.ArrowException) as e:
        raise FormatError(f"cannot write: {e}", path=str(path)) from None


def iter_read_parquet(path: Path) -> Iterator[Record]:
    """Yield the records of a Parquet file batch by batch, in bounded memory.

    Raises:
        FormatError: The file is not Parquet, lacks the ``record_type`` column,
            or a row is not a valid record (the message names the row and column).
    """
    p = str(path)
    try:
        pf = pq.ParquetFile(p)
        available = set(pf.schema_arrow.names)
    except (pa.ArrowException, OSError, ValueError) as e:
        raise FormatError(f"not a readable Parquet file: {e}", path=p) from None
    if "record_type" not in available:
        raise FormatError("missing column 'record_type'", path=p)
    unknown = available - set(SCHEMA.names)
    if unknown:
        raise FormatError(f"unknown column(s) {', '.join(sorted(unknown))}", path=p)
    row_no = 0
    batches = pf.iter_batches(batch_size=10_000)
    while True:
        try:
            batch = next(batches, None)
            rows = batch.to_pylist() if batch is not None else None
        except (pa.ArrowException, OSError, UnicodeDecodeError) as e:
            raise FormatError(f"row {row_no} or after: cannot read: {e}", path=p) from None
        if rows is None:
            return
        for row in rows:
            yield _record(row, row_no, p)
            row_no += 1


def read_parquet(path: Path) -> Corpus:
    """Read a corpus written by :func:`write_parquet`.

    Raises:
        FormatError: As :func:`iter_read_parquet`, or two records share an id.
    """
    from discourse.corpus import Corpus

    corpus = Corpus()
    for record in iter_read_parquet(path):
        try:
            corpus.add(record)
        except DiscourseError as e:
            raise FormatError(str(e), path=str(path)) from None
    return corpus


def _record(row: dict[str, Any], row_no: int, path: str) -> Record:
    where = f"row {row_no}"
    rtype = row.get("record_type")
    cls = RECORD_TYPES.get(rtype) if isinstance(rtype, str) else None
    if cls is None:
        raise FormatError(
            f"{where}, column 'record_type': {rtype!r} is not one of {', '.join(RECORD_TYPES)}",
            path=path,
        )
    kinds = column_kinds(cls)
    data: dict[str, Any] = {}
    for name, value in row.items():
        if name == "record_type" or value is None:
            continue
        if name not in kinds:
            raise FormatError(f"{where}, column {name!r}: a {rtype} has no such field", path=path)
        if name in _MAPPINGS:
            try:
                value = json.loads(value)
            except (TypeError, ValueError, RecursionError) as e:
                raise FormatError(f"{where}, column {name!r}: not JSON: {e}", path=path) from None
        elif name == "evidence" or name == "participants":
            if not isinstance(value, list) or not all(isinstance(i, dict) for i in value):
                raise FormatError(
                    f"{where}, column {name!r}: expected a list of structs, "
                    f"got {type(value).__name__}",
                    path=path,
                )
            value = [{k: v for k, v in item.items() if v is not None} for item in value]
        data[name] = value
    try:
        return structure_record(data, cls, path=where)
    except FormatError as e:
        errors = located_errors(e, where)
        raise FormatError("; ".join(errors), path=path, errors=errors) from None


FORMAT = Format(
    name="parquet",
    extensions=(".parquet",),
    description="Apache Parquet: every record in one columnar file with a record_type column",
    lossless=True,
    carries="every record type and field",
    drops="nothing",
    read=read_parquet,
    write=write_parquet,
    iter_read=iter_read_parquet,
    extra="parquet",
    binary=True,
)
