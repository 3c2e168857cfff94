"""Records in columns: the compact form in which batches of records cross processes.

:meth:`discourse.Parser.parse_many` on a process pool sends each batch of
documents' records from the worker back to the consuming process. Pickled one
by one, every record costs a Python-level ``__reduce__`` in the worker and a
Python-level rebuild in the consumer. Here a batch travels as one column of
plain values per field of each record class (spans, the most numerous objects,
as one table of their own), which the executor pickles as a few long lists, and
both sides run as C loops over whole columns:
``attrgetter`` reads a column, and a slot descriptor's ``__set__`` writes it
into objects made by ``object.__new__``.

Like :func:`discourse.model._records._rebuild`, :func:`unpack` trusts its input:
it sets the values without running the converters, which is right only for
values read from valid records by :func:`pack` (in this package, the columns
come from our own worker; user files never go through here).
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from itertools import chain, islice, repeat
from operator import attrgetter
from types import MappingProxyType
from typing import Any

from discourse.model._records import (
    _EMPTY,
    _FIELD_NAMES,
    _MAPPING_FIELDS,
    Actor,
    Claim,
    Event,
    Faction,
    Membership,
    Participant,
    Record,
    Source,
    Span,
    _drain,
)

__all__ = ["Packed", "pack", "unpack"]

#: A packed batch: per document its record count, then the classes in order of
#: first appearance, each record's class index (in input order), the columns of
#: each class, and the columns of all the spans.
Packed = tuple[list[int], tuple[type, ...], bytes, list[list[list[Any]]], list[list[Any]]]

_new = object.__new__


class _Layout:
    """How one record class is read into columns and written back."""

    __slots__ = ("cls", "evidence", "getters", "mappings", "setters")

    def __init__(self, cls: type) -> None:
        names = _FIELD_NAMES[cls]
        self.cls = cls
        self.getters = tuple(attrgetter(n) for n in names)
        # the slot descriptors: their __set__ writes a frozen slot directly
        self.setters = tuple(_descriptor(cls, n).__set__ for n in names)
        self.mappings = frozenset(_MAPPING_FIELDS[cls])
        self.evidence = names.index("evidence") if "evidence" in names else -1


def _descriptor(cls: type, name: str) -> Any:
    for klass in cls.__mro__:
        if name in vars(klass):
            return vars(klass)[name]
    raise AttributeError(name)  # pragma: no cover - every field is a slot


_LAYOUTS: dict[type, _Layout] = {
    cls: _Layout(cls) for cls in (Source, Actor, Faction, Membership, Claim, Event, Participant)
}
_SPAN = _Layout(Span)


def pack(documents: Sequence[Sequence[Record]]) -> Packed:
    """The records of several documents, in columns (see the module docstring)."""
    records = list(chain.from_iterable(documents))
    classes: list[type] = []
    index: dict[type, int] = {}
    groups: list[list[Record]] = []
    kinds = bytearray()
    for r in records:
        cls = type(r)
        k = index.get(cls)
        if k is None:
            k = index[cls] = len(classes)
            classes.append(cls)
            groups.append([])
        groups[k].append(r)
        kinds.append(k)
    spans: list[Span] = []
    tables: list[list[list[Any]]] = []
    for cls, group in zip(classes, groups, strict=True):
        layout = _LAYOUTS[cls]
        columns: list[list[Any]] = []
        for i, get in enumerate(layout.getters):
            column = list(map(get, group))
            if i == layout.evidence:
                spans.extend(chain.from_iterable(column))
                column = list(map(len, column))
            elif i in layout.mappings:
                # read-only mappings cannot be pickled: dicts, or None when empty
                column = [dict(m) if m else None for m in column]
            columns.append(column)
        tables.append(columns)
    span_columns = [list(map(get, spans)) for get in _SPAN.getters]
    return [len(d) for d in documents], tuple(classes), bytes(kinds), tables, span_columns


def unpack(packed: Packed) -> list[list[Record]]:
    """The records :func:`pack` packed, per document, in their order."""
    counts, classes, kinds, tables, span_columns = packed
    spans = iter(_build(_SPAN, len(span_columns[0]), span_columns))
    groups: list[Iterator[Any]] = []
    for cls, columns in zip(classes, tables, strict=True):
        layout = _LAYOUTS[cls]
        fixed = list(columns)
        if layout.evidence >= 0:
            # each record's span count takes that many spans, in order
            fixed[layout.evidence] = list(
                map(tuple, map(islice, repeat(spans), columns[layout.evidence]))
            )
        for i in layout.mappings:
            fixed[i] = [_EMPTY if v is None else MappingProxyType(v) for v in columns[i]]
        groups.append(iter(_build(layout, len(columns[0]), fixed)))
    records = iter(list(map(next, map(groups.__getitem__, kinds))))
    return [list(islice(records, n)) for n in counts]


def _build(layout: _Layout, n: int, columns: Sequence[list[Any]]) -> list[Any]:
    objects: list[Any] = list(map(_new, repeat(layout.cls, n)))
    for set_, column in zip(layout.setters, columns, strict=True):
        _drain(map(set_, objects, column))
    return objects
