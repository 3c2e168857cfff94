"""Derive the JSON Schema of the document format from the record classes.

The schema is generated from the attrs fields, so it cannot drift from the model.
"""

from __future__ import annotations

import types
import typing
from collections.abc import Mapping
from enum import Enum
from typing import Any, Union, get_args, get_origin

import attrs

from discourse.model import PartialDate, Participant, Span

__all__ = ["document_schema"]

_DATE_PATTERN = r"^\d{4}(-\d{2}(-\d{2})?)?$"


def _type_schema(t: Any) -> dict[str, Any]:
    origin = get_origin(t)
    if origin is Union or origin is types.UnionType:
        args = [a for a in get_args(t) if a is not type(None)]
        inner = (
            _type_schema(args[0]) if len(args) == 1 else {"anyOf": [_type_schema(a) for a in args]}
        )
        return {"anyOf": [inner, {"type": "null"}]}
    if origin is tuple:
        return {"type": "array", "items": _type_schema(get_args(t)[0])}
    if origin is Mapping or origin is dict:
        value = get_args(t)[1] if get_args(t) else Any
        if value is str:
            return {"type": "object", "additionalProperties": {"type": "string"}}
        return {"type": "object"}
    if t is str:
        return {"type": "string"}
    if t is int:
        return {"type": "integer", "minimum": 0}
    if t is float:
        return {"type": "number", "minimum": 0, "maximum": 1}
    if t is PartialDate:
        return {
            "type": "string",
            "pattern": _DATE_PATTERN,
            "description": "ISO 8601 date, reduced precision allowed",
        }
    if isinstance(t, type) and issubclass(t, Enum):
        return {"enum": [m.value for m in t]}
    if attrs.has(t):
        return {"$ref": f"#/$defs/{t.__name__}"}
    return {}


def _record_schema(cls: type) -> dict[str, Any]:
    hints = typing.get_type_hints(cls)
    props: dict[str, Any] = {}
    required: list[str] = []
    for a in attrs.fields(cls):
        props[a.name] = _type_schema(hints[a.name])
        if a.default is attrs.NOTHING:
            required.append(a.name)
    doc = (cls.__doc__ or "").strip().splitlines()[0]
    return {
        "type": "object",
        "description": doc,
        "properties": props,
        "required": required,
        "additionalProperties": False,
    }


def document_schema() -> dict[str, Any]:
    """The JSON Schema of a ``discourse`` JSON document (version 1)."""
    from discourse.convert import SCHEMA_VERSION, SECTIONS

    defs = {cls.__name__: _record_schema(cls) for cls in (Span, Participant, *SECTIONS.values())}
    props: dict[str, Any] = {
        "format": {"const": "discourse"},
        "version": {"const": SCHEMA_VERSION},
    }
    for name, cls in SECTIONS.items():
        props[name] = {"type": "array", "items": {"$ref": f"#/$defs/{cls.__name__}"}}
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": "https://discourse-model.readthedocs.io/schema/v1.json",
        "title": "discourse document",
        "description": "A corpus of actors, factions, memberships, claims, events and sources.",
        "type": "object",
        "properties": props,
        "required": ["format", "version"],
        "additionalProperties": False,
        "$defs": defs,
    }
