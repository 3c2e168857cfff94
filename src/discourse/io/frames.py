"""Corpus records as tables: one row per record, one column per field.

:func:`to_frame` turns one record type of a corpus into a pandas (or polars)
DataFrame for analysis. The helpers here also define the column layout that
the CSV tables (:mod:`discourse.io.csv`) and Parquet (:mod:`discourse.io.parquet`)
formats share, so every tabular format has the same columns in the same order.

pandas is an optional dependency: ``pip install 'discourse-model[frames]'``.
polars is used only when asked for (``library="polars"``) and must be
installed separately.

Examples:
    >>> import discourse as dc
    >>> from discourse.io.frames import to_frame
    >>> corpus = dc.Corpus([dc.Actor(id="jc", name="Jeremy Corbyn"),
    ...                     dc.Claim(id="c1", claimant="jc", stance="oppose", target="jc")])
    >>> frame = to_frame(corpus, "claims")  # doctest: +SKIP
    >>> frame[["id", "claimant", "stance"]].to_dict("records")  # doctest: +SKIP
    [{'id': 'c1', 'claimant': 'jc', 'stance': 'oppose'}]
"""

from __future__ import annotations

import importlib
import json
from collections.abc import Iterable
from enum import Enum
from typing import TYPE_CHECKING, Any, Final, Literal

import attrs

from discourse.convert import SECTIONS, unstructure_record
from discourse.errors import FormatError
from discourse.model import Claim, Record

if TYPE_CHECKING:
    from discourse.corpus import Corpus

__all__ = ["KINDS", "column_kinds", "columns", "located_errors", "record_row", "to_frame"]

KINDS: Final[tuple[str, ...]] = tuple(SECTIONS)
"""The table names :func:`to_frame` accepts: ``sources``, ``actors``, ``factions``,
``memberships``, ``events``, ``claims``."""

ColumnKind = Literal["text", "number", "json"]

# Fields that hold sequences or mappings: they are JSON in a CSV cell.
_JSON_FIELDS: Final = frozenset(
    {
        "aliases",
        "identifiers",
        "evidence",
        "attributes",
        "sources",
        "supports",
        "attacks",
        "participants",
    }
)
_STRING_LIST_FIELDS: Final = frozenset({"aliases", "sources", "supports", "attacks"})
_MAPPING_FIELDS: Final = frozenset({"identifiers", "attributes"})
_NUMBER_FIELDS: Final = frozenset({"confidence"})

_INSTALL_HINT: Final = "pip install 'discourse-model[frames]'"


def columns(cls: type[Record]) -> tuple[str, ...]:
    """The column names of the table of ``cls``: its fields, in declaration order."""
    return tuple(f.name for f in attrs.fields(cls))


def column_kinds(cls: type[Record]) -> dict[str, ColumnKind]:
    """How each column of the table of ``cls`` is stored in a text cell.

    ``"text"`` columns hold a string, an enum value or an ISO partial date;
    ``"number"`` columns a float; ``"json"`` columns a JSON list or object.
    """
    out: dict[str, ColumnKind] = {}
    for name in columns(cls):
        if name in _JSON_FIELDS:
            out[name] = "json"
        else:
            out[name] = "number" if name in _NUMBER_FIELDS else "text"
    return out


def record_row(record: Record) -> dict[str, Any]:
    """Every field of ``record`` as a JSON-compatible value (``None`` when unset).

    Enums become their values, dates ISO strings, tuples lists, spans and
    participants dicts with every key (``text``/``role`` may be ``None``).
    Keys are in column order.
    """
    data = unstructure_record(record)
    row: dict[str, Any] = {}
    for name in columns(type(record)):
        if name == "evidence" and name in data:
            row[name] = [{"text": None, **span} for span in data[name]]
        elif name == "participants" and name in data:
            row[name] = [{"role": None, **p} for p in data[name]]
        elif name in data:
            row[name] = data[name]
        elif name in _MAPPING_FIELDS:
            row[name] = {}
        elif name in _JSON_FIELDS:
            row[name] = []
        else:  # omitted because at its default (None, or an enum such as kind="person")
            v = getattr(record, name)
            row[name] = v.value if isinstance(v, Enum) else v
    return row


def located_errors(error: FormatError, where: str) -> list[str]:
    """The lines of ``error`` with field paths turned into column names.

    :func:`discourse.convert.structure_record` called with ``path=where``
    reports ``row 4.stance: ...``; tables read better as
    ``row 4, column 'stance': ...``.
    """
    prefix = where + "."
    out = []
    for line in error.errors:
        if not line.startswith(prefix):
            out.append(line)
            continue
        rest = line[len(prefix) :]
        cut = len(rest)
        for stop in ".[:":
            i = rest.find(stop)
            if i != -1:
                cut = min(cut, i)
        out.append(f"{where}, column {rest[:cut]!r}{rest[cut:]}")
    return out


def _records_of(corpus: Corpus, kind: str) -> Iterable[Record]:
    if kind == "sources":
        return corpus.sources
    if kind == "actors":
        return corpus.actors
    if kind == "factions":
        return corpus.factions
    if kind == "memberships":
        return corpus.memberships
    if kind == "events":
        return corpus.events
    return corpus.claims()


def _claimant_faction(corpus: Corpus, claim: Claim) -> str | None:
    if claim.date is not None:
        factions = corpus.factions_of(claim.claimant, at=claim.date)
    else:
        factions = corpus.factions_of(claim.claimant)
    return factions[0].id if factions else None


def to_frame(corpus: Corpus, kind: str, *, library: Literal["pandas", "polars"] = "pandas") -> Any:
    """One record type of ``corpus`` as a DataFrame, one row per record.

    Columns are the record's fields in declaration order (see :func:`columns`).
    Enums are their string values, dates ISO strings (partial dates cannot be
    timestamps), tuples lists, spans and participants dicts. ``identifiers``
    and ``attributes`` are dicts in pandas and JSON strings in polars (whose
    columns must have one type). The ``claims`` table has one more column,
    ``claimant_faction``: the id of a faction the claimant belonged to at the
    claim's date (see :meth:`~discourse.Corpus.factions_of`), or ``None``.

    Args:
        corpus: The corpus.
        kind: ``"claims"``, ``"actors"``, ``"factions"``, ``"memberships"``,
            ``"events"`` or ``"sources"``.
        library: ``"pandas"`` (the ``frames`` extra) or ``"polars"``.

    Returns:
        A ``pandas.DataFrame`` or ``polars.DataFrame``.

    Raises:
        ValueError: ``kind`` or ``library`` is not one of those.
        ImportError: The library is not installed; the message says what to install.
    """
    if kind not in SECTIONS:
        raise ValueError(f"kind must be one of {', '.join(KINDS)}, got {kind!r}")
    if library not in ("pandas", "polars"):
        raise ValueError(f"library must be 'pandas' or 'polars', got {library!r}")
    module = _import(library)
    cls = SECTIONS[kind]
    cols = list(columns(cls))
    if cls is Claim:
        cols.append("claimant_faction")
    data: dict[str, list[Any]] = {c: [] for c in cols}
    as_json = library == "polars"
    for r in _records_of(corpus, kind):
        row = record_row(r)
        if cls is Claim:
            row["claimant_faction"] = _claimant_faction(corpus, r)  # type: ignore[arg-type]
        for c in cols:
            v = row[c]
            if as_json and c in _MAPPING_FIELDS:
                v = json.dumps(v, ensure_ascii=False, sort_keys=True)
            data[c].append(v)
    if library == "pandas":
        return module.DataFrame(data, columns=cols)
    return module.DataFrame(data, schema={c: _polars_type(module, c) for c in cols})


def _polars_type(pl: Any, name: str) -> Any:
    if name in _STRING_LIST_FIELDS:
        return pl.List(pl.String)
    if name == "evidence":
        return pl.List(
            pl.Struct({"source": pl.String, "start": pl.Int64, "end": pl.Int64, "text": pl.String})
        )
    if name == "participants":
        return pl.List(pl.Struct({"ref": pl.String, "role": pl.String}))
    if name in _NUMBER_FIELDS:
        return pl.Float64
    return pl.String


def _import(library: str) -> Any:
    try:
        return importlib.import_module(library)
    except ModuleNotFoundError:
        hint = _INSTALL_HINT if library == "pandas" else "pip install polars"
        raise ImportError(
            f"to_frame(library={library!r}) needs {library}; install it with: {hint}"
        ) from None
