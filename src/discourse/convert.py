"""The one configured cattrs converter, shared by every JSON-like format.

Records are turned into plain dicts (``unstructure``) and back (``structure``)
by a single :class:`cattrs.Converter` configured with hooks, never by
hand-written ``to_dict`` methods. The JSON, JSONL, YAML, Store and other
formats all go through the functions here, so they accept and reject the same
documents with the same messages.

Structuring has two paths. The fast path uses a converter without detailed
validation and with the cyclic garbage collector paused during bulk loads.
Only if a record fails is it structured again by the detailed converter, whose
errors :func:`cattrs.transform_error` turns into readable lines with paths
such as ``claims[3].stance: 'opose' is not one of support, oppose, neutral``.
Every problem of a document is reported, not just the first.

JSON text (:func:`dumps`, :func:`loads`, the ``json`` and ``jsonl`` formats)
has a faster path still when msgspec is installed (``pip install
'discourse-model[fast]'``): documents are decoded in C into msgspec Structs
that mirror the records (same fields, same constraints, unknown fields
forbidden), converted in C into the record classes, and encoded the same way.
Anything that path rejects is decoded again by the cattrs path above, so the
error messages are the same with and without msgspec. See
``docs/performance-serialization.md``.
"""

from __future__ import annotations

import functools
import itertools
import json as _stdjson
import operator
import re
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from enum import Enum
from types import GenericAlias, MappingProxyType
from typing import Annotated, Any, Final, Optional, TypeVar, Union

import attrs
import cattrs
from cattrs.errors import ClassValidationError, ForbiddenExtraKeysError, IterableValidationError
from cattrs.gen import make_dict_structure_fn, make_dict_unstructure_fn
from cattrs.v import format_exception as _cattrs_format_exception

from discourse._gc import gc_paused
from discourse.corpus import Corpus
from discourse.errors import DiscourseError, DuplicateIdError, FormatError, ValidationError
from discourse.model import (
    Actor,
    ActorKind,
    Claim,
    ClaimForm,
    Event,
    EventKind,
    Faction,
    FactionKind,
    Membership,
    PartialDate,
    Participant,
    Record,
    Source,
    Span,
    Stance,
)

_orjson: Any
try:  # optional accelerator: pip install 'discourse-model[fast]'
    import orjson as _orjson
except ImportError:  # pragma: no cover - exercised when orjson is absent
    _orjson = None

_msgspec: Any
try:  # optional accelerator: pip install 'discourse-model[fast]'
    import msgspec as _msgspec
except ImportError:  # pragma: no cover - exercised when msgspec is absent
    _msgspec = None

__all__ = [
    "FORMAT_NAME",
    "RECORD_TYPES",
    "SCHEMA_VERSION",
    "SECTIONS",
    "converter",
    "decode_json",
    "dumps",
    "encode_corpus",
    "encode_json",
    "iter_structure_records",
    "json_schema",
    "load_json_document",
    "loads",
    "make_converter",
    "show_value",
    "summarize_errors",
    "structure_document",
    "structure_record",
    "type_name",
    "unstructure_corpus",
    "unstructure_record",
]

FORMAT_NAME: Final = "discourse"
"""The value of the ``format`` key of a document."""
SCHEMA_VERSION: Final = 1
"""The version of the document format this release reads and writes."""

SECTIONS: Final[dict[str, type]] = {
    "sources": Source,
    "actors": Actor,
    "factions": Faction,
    "memberships": Membership,
    "events": Event,
    "claims": Claim,
}
"""Document sections, in the order they are written, with their record type."""
_SECTION_OF: Final[dict[type, str]] = {cls: name for name, cls in SECTIONS.items()}

RECORD_TYPES: Final[dict[str, type]] = {
    "source": Source,
    "actor": Actor,
    "faction": Faction,
    "membership": Membership,
    "event": Event,
    "claim": Claim,
}
"""The ``type`` tag of each record in line-oriented formats (JSONL)."""

_TYPE_NAMES: Final[dict[type, str]] = {v: k for k, v in RECORD_TYPES.items()}

_R = TypeVar("_R")


def type_name(record: Record) -> str:
    """The ``type`` tag of a record, e.g. ``"claim"``."""
    return _TYPE_NAMES[type(record)]


class _InvalidError(ValueError):
    """A value rejected by one of our hooks; its message is already readable."""


# --- hooks ----------------------------------------------------------------------------------


def _str(value: object, _: object) -> str:
    if isinstance(value, str):
        return value
    raise _InvalidError(f"expected a string, got {_show(value)}")


def _int(value: object, _: object) -> int:
    if type(value) is int:
        return value
    raise _InvalidError(f"expected an integer, got {_show(value)}")


def _float(value: object, _: object) -> float:
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return float(value)
    raise _InvalidError(f"expected a number, got {_show(value)}")


def _date(value: object, _: object) -> PartialDate:
    if type(value) is int:  # YAML reads `2017` as an integer year
        value = str(value)
    try:
        return PartialDate.parse(value)  # type: ignore[arg-type]
    except ValidationError as e:
        raise _InvalidError(str(e)) from None


def _enum_hook(enum: type[Enum]) -> Callable[[object, object], Enum]:
    allowed = ", ".join(str(m.value) for m in enum)
    lookup = {m.value: m for m in enum}

    def structure(value: object, _: object) -> Enum:
        try:
            return lookup[value]
        except (KeyError, TypeError):
            raise _InvalidError(f"{_show(value)} is not one of {allowed}") from None

    return structure


def _mapping(value: object, _: object) -> Mapping[str, Any]:
    if not isinstance(value, Mapping):
        raise _InvalidError(f"expected an object (mapping), got {_show(value)}")
    for k in value:
        if not isinstance(k, str):
            raise _InvalidError(f"keys must be strings, got {_show(k)}")
    return value


def show_value(value: object) -> str:
    """``repr(value)``, cut to 60 characters, for error messages."""
    r = repr(value)
    return r if len(r) <= 60 else r[:57] + "..."


_show = show_value


def _format_exception(exc: BaseException, type_: type | None) -> str:
    if isinstance(exc, (_InvalidError, ValidationError)):
        return str(exc)
    if isinstance(exc, ForbiddenExtraKeysError):
        return f"unknown field(s) {', '.join(sorted(map(str, exc.extra_fields)))}"
    if isinstance(exc, KeyError):
        return "required field missing"
    if isinstance(exc, (TypeError, AttributeError)) and type_ is not None:
        return f"expected {getattr(type_, '__name__', type_)!s}, got something else"
    return _cattrs_format_exception(exc, type_)


def make_converter(*, detailed_validation: bool = True) -> cattrs.Converter:
    """Build a converter configured for every record type.

    Most code should use the module-level :data:`converter`. Unknown keys in
    a record are rejected (a typo like ``"stnace"`` is an error, not silently
    dropped); defaults are omitted when unstructuring, so documents stay small.
    """
    conv = cattrs.Converter(detailed_validation=detailed_validation, forbid_extra_keys=True)
    conv.register_structure_hook(str, _str)
    conv.register_structure_hook(int, _int)
    conv.register_structure_hook(float, _float)
    conv.register_structure_hook(PartialDate, _date)
    conv.register_unstructure_hook(PartialDate, str)
    for enum in (ActorKind, FactionKind, ClaimForm, Stance, EventKind):
        conv.register_structure_hook(enum, _enum_hook(enum))
        conv.register_unstructure_hook(enum, lambda e: e.value)
    conv.register_structure_hook_func(_is_str_mapping, _mapping)
    conv.register_unstructure_hook_func(_is_str_mapping, dict)
    conv.register_unstructure_hook(MappingProxyType, dict)

    def seq_factory(t: Any, c: cattrs.Converter) -> Callable[[object, object], tuple[Any, ...]]:
        inner = cattrs.cols.homogenous_tuple_structure_factory(t, c)

        def structure(value: object, tt: object) -> tuple[Any, ...]:
            if not isinstance(value, (list, tuple)):
                raise _InvalidError(f"expected a list, got {_show(value)}")
            return inner(value, tt)  # type: ignore[no-any-return]

        return structure

    conv.register_structure_hook_factory(_is_homogeneous_tuple, seq_factory)

    for cls in (Span, Participant, *SECTIONS.values()):
        conv.register_structure_hook(
            cls,
            make_dict_structure_fn(
                cls,
                conv,
                _cattrs_forbid_extra_keys=True,
                _cattrs_detailed_validation=detailed_validation,
            ),
        )
        conv.register_unstructure_hook(
            cls,
            make_dict_unstructure_fn(
                cls,
                conv,
                _cattrs_omit_if_default=True,
            ),
        )
    return conv


def _is_str_mapping(t: Any) -> bool:
    return bool(t == Mapping[str, Any] or t == Mapping[str, str])


def _is_homogeneous_tuple(t: Any) -> bool:
    args = getattr(t, "__args__", None)
    return (
        getattr(t, "__origin__", None) is tuple
        and args is not None
        and len(args) == 2
        and args[1] is Ellipsis
    )


converter: Final = make_converter()
"""The converter with detailed validation, used for readable errors."""

_fast: Final = make_converter(detailed_validation=False)


# --- records --------------------------------------------------------------------------------


def unstructure_record(record: Record) -> dict[str, Any]:
    """A record as a JSON-compatible dict (fields at their default are omitted)."""
    return _fast.unstructure(record)  # type: ignore[no-any-return]


def structure_record(data: object, cls: type[_R], *, path: str = "$") -> _R:
    """Build a record of type ``cls`` from a dict, checking every field.

    Raises:
        FormatError: Listing every problem of the record with its path,
            e.g. ``claims[3].stance: 'opose' is not one of support, oppose, neutral``.
    """
    try:
        return _fast.structure(data, cls)
    except Exception:  # noqa: S110 - redone below with detailed validation for the message
        pass
    errors = _record_errors(data, cls, path)
    raise FormatError(_summary(errors), errors=errors)


def _record_errors(data: object, cls: type, path: str) -> list[str]:
    if not isinstance(data, Mapping):
        return [f"{path}: expected an object (mapping) for a {cls.__name__}, got {_show(data)}"]
    try:
        converter.structure(data, cls)
    except (ClassValidationError, IterableValidationError) as e:
        lines = cattrs.transform_error(e, path=path, format_exception=_format_exception)
        return [_path_first(line) for line in lines]
    except ValidationError as e:  # raised by the record's own checks (e.g. span end <= start)
        msg = str(e)
        field = e.field
        if field and msg.startswith(f"{field}: "):
            msg = msg[len(field) + 2 :]
        return [f"{path}.{field}: {msg}" if field else f"{path}: {msg}"]
    except RecursionError:
        return [f"{path}: nested too deeply"]
    except Exception as e:
        return [f"{path}: {type(e).__name__}: {e}"]
    return [f"{path}: invalid {cls.__name__}"]  # pragma: no cover - fast path failed only


def _path_first(line: str) -> str:
    # transform_error gives "message @ path"; we show "path: message".
    msg, sep, where = line.rpartition(" @ ")
    if not sep:
        return line
    where = where[2:] if where.startswith("$.") else where
    # A record's own check names its field first ("end: must be ..."): move it into the path.
    m = _FIELD_FIRST.match(msg)
    if m is not None:
        where, msg = f"{where}.{m.group(1)}", msg[m.end() :]
    return f"{where}: {msg}"


_FIELD_FIRST = re.compile(r"([a-z_]+(?:\[\d+\])?): ")


def summarize_errors(errors: list[str]) -> str:
    """One message for a list of problems: the problem itself, or a count and the first 20."""
    if len(errors) == 1:
        return errors[0]
    shown = "\n".join(f"  {e}" for e in errors[:20])
    more = f"\n  ... and {len(errors) - 20} more" if len(errors) > 20 else ""
    return f"{len(errors)} problems:\n{shown}{more}"


_summary = summarize_errors


# --- documents ------------------------------------------------------------------------------


def unstructure_corpus(corpus: Corpus) -> dict[str, Any]:
    """A corpus as the JSON document: ``{"format": "discourse", "version": 1, "actors": [...], ...}``.

    Empty sections are omitted.
    """
    doc: dict[str, Any] = {"format": FORMAT_NAME, "version": SCHEMA_VERSION}
    un = _fast.unstructure
    for name, cls in SECTIONS.items():
        records = corpus.of_type(cls)
        if records:
            doc[name] = [un(r) for r in records]
    return doc


def check_envelope(data: object, *, where: str = "$") -> list[str]:
    """Problems with a document's ``format``/``version`` keys (empty when fine)."""
    if not isinstance(data, Mapping):
        return [f"{where}: expected a JSON object with 'format': 'discourse', got {_show(data)}"]
    problems = []
    fmt = data.get("format")
    if fmt != FORMAT_NAME:
        problems.append(
            f"format: expected 'discourse', got {_show(fmt)}; is this a discourse document?"
        )
    version = data.get("version")
    if version != SCHEMA_VERSION:
        if type(version) is int and version > SCHEMA_VERSION:
            problems.append(
                f"version: this document is version {version}, but this release of discourse reads "
                f"version {SCHEMA_VERSION}; upgrade with: pip install -U discourse-model"
            )
        else:
            problems.append(f"version: expected {SCHEMA_VERSION}, got {_show(version)}")
    return problems


def structure_document(data: object, *, path: str | None = None) -> Corpus:
    """Build a :class:`Corpus` from a decoded document, checking everything.

    Args:
        data: The decoded JSON/YAML document.
        path: The file it came from, for error messages.

    Raises:
        FormatError: Listing every problem of the document with its location.
    """
    problems = check_envelope(data)
    if problems and not isinstance(data, Mapping):
        raise FormatError(_summary(problems), path=path, errors=problems)
    assert isinstance(data, Mapping)
    errors: list[str] = list(problems)
    for key in data:
        if key not in SECTIONS and key not in ("format", "version"):
            errors.append(f"{key}: unknown section; expected one of {', '.join(SECTIONS)}")
    records: list[Record] = []
    with gc_paused():
        for name, cls in SECTIONS.items():
            items = data.get(name, [])
            if not isinstance(items, list):
                errors.append(f"{name}: expected a list, got {_show(items)}")
                continue
            structure = _fast.structure
            for i, item in enumerate(items):
                try:
                    records.append(structure(item, cls))
                except Exception:
                    errors.extend(_record_errors(item, cls, f"{name}[{i}]"))
    if errors:
        raise FormatError(_summary(errors), path=path, errors=errors)
    return _build_corpus(records, path=path)


def _build_corpus(
    records: list[Record], *, path: str | None, locate: Callable[[int], str] | None = None
) -> Corpus:
    """A corpus of ``records``; two different records under one id raise FormatError.

    Args:
        records: The records of a document, in document order.
        path: The file, for error messages.
        locate: Where the ``k``-th record is (``"line 17"``); default: its
            place in the document's sections (``"claims[3]"``), the order in
            which documents list records.
    """
    try:
        with gc_paused():
            return Corpus(records)
    except DuplicateIdError:
        errors = duplicate_id_errors(records, locate or _section_locator(records))
        raise FormatError(_summary(errors), path=path, errors=errors) from None
    except DiscourseError as e:
        raise FormatError(str(e), path=path) from None


def duplicate_id_errors(records: Sequence[Record], locate: Callable[[int], str]) -> list[str]:
    """One message for each record whose id an earlier, different record has.

    Equal records under one id are not an error (adding one twice is a no-op).
    """
    first: dict[str, int] = {}
    errors: list[str] = []
    for k, r in enumerate(records):
        rid = getattr(r, "id", None)  # memberships have no id
        if rid is None:
            continue
        j = first.setdefault(rid, k)
        if j != k and records[j] != r:
            here, there = locate(k), locate(j)
            field = f"{here}: id" if here.startswith("line ") else f"{here}.id"
            on = "on" if there.startswith("line ") else "at"
            errors.append(
                f"{field}: {rid!r} is already used by the {type(records[j]).__name__} {on} "
                f"{there}; give one of them another id"
            )
    return errors


def _section_locator(records: Sequence[Record]) -> Callable[[int], str]:
    # Documents list records by section, so the k-th record is number i of its type.
    places: list[str] = []
    counts: dict[type, int] = {}
    for r in records:
        i = counts.get(type(r), 0)
        counts[type(r)] = i + 1
        places.append(f"{_SECTION_OF[type(r)]}[{i}]")
    return places.__getitem__


def iter_structure_records(
    lines: Iterable[tuple[int, object]], *, path: str | None = None
) -> Iterator[Record]:
    """Structure ``(line number, decoded object)`` pairs of a line-oriented document.

    Each object carries a ``type`` tag (see :data:`RECORD_TYPES`).

    Raises:
        FormatError: At the first bad line, with its number (``line 17: ...``).
    """
    for lineno, obj in lines:
        if not isinstance(obj, dict):
            raise FormatError(
                f"line {lineno}: expected a JSON object, got {_show(obj)}", path=path, line=lineno
            )
        tag = obj.get("type")
        cls = RECORD_TYPES.get(tag) if isinstance(tag, str) else None
        if cls is None:
            raise FormatError(
                f"line {lineno}: type: expected one of {', '.join(RECORD_TYPES)}, got {_show(tag)}",
                path=path,
                line=lineno,
            )
        body = {k: v for k, v in obj.items() if k != "type"}
        try:
            yield _fast.structure(body, cls)
        except Exception:
            errs = [f"line {lineno}: {e}" for e in _record_errors(body, cls, "$")]
            errs = [e.replace(": $.", ": ", 1).replace(": $: ", ": ", 1) for e in errs]
            raise FormatError(_summary(errs), path=path, line=lineno, errors=errs) from None


# --- msgspec fast path ----------------------------------------------------------------------

_USE_MSGSPEC: bool = _msgspec is not None
"""Whether JSON text goes through msgspec (tests switch it off to exercise the pure path)."""


@functools.lru_cache(maxsize=65536, typed=True)
def _date_hook(type_: type, value: object) -> object:
    # msgspec calls this for PartialDate fields; it accepts what the cattrs hook accepts.
    # The cache (a C wrapper) answers repeated dates without running Python code;
    # typed, so that 2017.0 does not hit the entry of 2017; unhashable values raise
    # TypeError, which msgspec reports as invalid.
    if type_ is PartialDate:
        return _date(value, type_)
    raise NotImplementedError


def _tuple_of(t: Any) -> Any:
    return GenericAlias(tuple, (t, ...))


def _plain_json(value: object) -> bool:
    """Whether every value is one that orjson and msgspec write alike (JSON types only).

    msgspec also writes sets, bytes, Decimals, datetimes...; such values in
    ``attributes`` are left to the cattrs path, which refuses or writes them as
    it always has.
    """
    t = type(value)
    if t is str or t is float or t is bool or value is None:
        return True
    if t is int:
        return -(2**63) <= value < 2**64  # type: ignore[operator]
    if t is list or t is tuple:
        return all(_plain_json(v) for v in value)  # type: ignore[attr-defined]
    if t is dict or t is MappingProxyType:
        return all(type(k) is str and _plain_json(v) for k, v in value.items())  # type: ignore[attr-defined]
    return False


class _NotPlainJSONError(Exception):
    """A record's attributes hold values only the cattrs path should write."""


class _MsgspecCodec:
    """msgspec Structs mirroring the record classes, and the coders built on them.

    ``check`` mirrors carry the records' constraints (non-empty ids, offsets
    >= 0, confidence 0..1, non-blank names, enum values, unknown fields
    forbidden); converting one into its record class (in C) then runs the
    record's ``__attrs_post_init__`` (cross-field checks, interning, read-only
    mappings). ``out`` mirrors take values as they are, omit fields at their
    default and so write exactly what the cattrs path writes.
    """

    def __init__(self, ms: Any) -> None:
        from discourse.model import _records as r

        id_ = Annotated[str, ms.Meta(min_length=1)]
        text = Annotated[str, ms.Meta(pattern=r"\S")]
        confidence = Annotated[float, ms.Meta(ge=0.0, le=1.0)]
        offset = Annotated[int, ms.Meta(ge=0)]
        self.ms = ms
        self.check: dict[type, Any] = {}
        self.out: dict[type, Any] = {}
        self.tagged: dict[type, Any] = {}
        self.tagged_check: dict[type, Any] = {}
        self.record_of: dict[Any, type] = {}
        self.lists: dict[Any, Any] = {}
        for cls in (Span, Participant, *SECTIONS.values()):
            checked: dict[Callable[..., Any], Any] = {
                r._id: id_,
                r._own_id: id_,
                r._opt_id: Optional[id_],  # noqa: UP045 - a runtime type expression
                r._text: text,
                r._opt_text: Optional[str],  # noqa: UP045
                r._str_tuple: tuple[str, ...],
                r._id_tuple: _tuple_of(id_),
                r._spans: _tuple_of(self.check.get(Span)),
                r._participants: _tuple_of(self.check.get(Participant)),
                r._actor_kind: ActorKind,
                r._faction_kind: FactionKind,
                r._claim_form: ClaimForm,
                r._event_kind: EventKind,
                r._stance: Optional[Stance],  # noqa: UP045
                r._opt_date: Optional[PartialDate],  # noqa: UP045
                r._mapping: dict[str, Any],
                r._str_mapping: dict[str, str],
                r._confidence: Optional[confidence],  # noqa: UP045
                r._offset: offset,
            }
            check_fields: list[tuple[Any, ...]] = []
            out_fields: list[tuple[Any, ...]] = []
            for a in attrs.fields(cls):
                t = checked[a.converter]  # KeyError here: a new converter needs a mirror type
                nested = {r._spans: Span, r._participants: Participant}.get(a.converter)
                # Output mirrors take mappings as they are: the shared empty one is
                # omitted as the default (by identity); records() puts a dict in
                # place of the others.
                o: Any = Any if nested is None else _tuple_of(self.out[nested])
                if a.default is attrs.NOTHING:
                    check_fields.append((a.name, t))
                    out_fields.append((a.name, o))
                else:
                    default = {} if isinstance(a.default, Mapping) else a.default
                    check_fields.append((a.name, t, default))
                    out_fields.append((a.name, o, a.default))
            name = cls.__name__
            self.check[cls] = ms.defstruct(
                name, check_fields, kw_only=True, forbid_unknown_fields=True
            )
            self.out[cls] = ms.defstruct(name, out_fields, kw_only=True, omit_defaults=True)
            if cls in _TYPE_NAMES:
                tag = {"tag_field": "type", "tag": _TYPE_NAMES[cls], "kw_only": True}
                self.tagged[cls] = ms.defstruct(name, out_fields, omit_defaults=True, **tag)
                self.tagged_check[cls] = ms.defstruct(
                    name, check_fields, forbid_unknown_fields=True, **tag
                )
                self.record_of[self.tagged_check[cls]] = cls
            for t in (cls, self.out[cls], self.tagged.get(cls)):
                self.lists[t] = GenericAlias(list, (t,))
        document = ms.defstruct(
            "Document",
            [("format", Any), ("version", Any)]
            + [
                (name, GenericAlias(list, (self.check[cls],)), []) for name, cls in SECTIONS.items()
            ],
            kw_only=True,
            forbid_unknown_fields=True,
        )
        self.decoder = ms.json.Decoder(document, dec_hook=_date_hook)
        self.line_decoder = ms.json.Decoder(
            Union[tuple(self.tagged_check.values())],  # noqa: UP007 - a runtime type expression
            dec_hook=_date_hook,
        )
        # A C callable, so no Python frame per date: PartialDate keeps its ISO form.
        self.encoder = ms.json.Encoder(enc_hook=operator.attrgetter("_iso"))

    def decode_document(self, text: str | bytes) -> list[Record] | None:
        """The records of a JSON document, or None if anything is wrong with it."""
        try:
            doc = self.decoder.decode(text)
            if doc.format != FORMAT_NAME or type(doc.version) is not int:
                return None
            if doc.version != SCHEMA_VERSION:
                return None
            convert = self.ms.convert
            records: list[Record] = []
            for name, cls in SECTIONS.items():
                items = getattr(doc, name)
                if items:
                    records += convert(items, self.lists[cls], from_attributes=True)
        except Exception:  # the cattrs path finds and words the problem
            return None
        return records

    def decode_lines(self, chunks: Iterable[bytes]) -> list[Record] | None:
        """The records of a JSONL document (header line first), or None if anything is wrong.

        Args:
            chunks: The document in pieces that end at line ends (e.g. from
                ``readlines(hint)``), so that only one piece is decoded at a time.
        """
        convert, record_of, lists = self.ms.convert, self.record_of, self.lists
        records: list[Record] = []
        header = False
        try:
            for chunk in chunks:
                body = chunk
                if not header:
                    line, _, body = chunk.lstrip().partition(b"\n")
                    head = self.ms.json.decode(line)
                    if not isinstance(head, dict) or head.pop("type", None) != "header":
                        return None
                    if check_envelope(head):
                        return None
                    header = True
                items = self.line_decoder.decode_lines(body)
                # Files list records by type, so this converts a few long runs in C.
                for mirror, run in itertools.groupby(items, type):
                    records += convert(list(run), lists[record_of[mirror]], from_attributes=True)
        except Exception:  # the line-by-line path finds and words the problem
            return None
        return records if header else None

    def records(self, records: list[Any], cls: type, *, tagged: bool = False) -> list[Any]:
        """Records of type ``cls`` as their ``out`` (or ``tagged``) mirrors, ready to encode.

        Raises:
            _NotPlainJSONError: Some ``attributes`` hold a value that is not plain JSON.
        """
        has_identifiers = cls in (Actor, Faction)
        special = [
            i
            for i, record in enumerate(records)
            if record.attributes or (has_identifiers and record.identifiers)
        ]
        for i in special:
            if not _plain_json(records[i].attributes):
                raise _NotPlainJSONError
        mirror = (self.tagged if tagged else self.out)[cls]
        out: list[Any] = self.ms.convert(records, self.lists[mirror], from_attributes=True)
        for i in special:
            record, m = records[i], out[i]
            if record.attributes:
                m.attributes = dict(record.attributes)
            if has_identifiers and record.identifiers:
                m.identifiers = dict(record.identifiers)
        return out

    def encode_corpus(self, corpus: Corpus, *, indent: bool) -> bytes:
        """The JSON document of ``corpus``, as the cattrs path writes it.

        Only the spelling of numbers may differ (``1e16`` for ``1e+16``).
        """
        doc: dict[str, Any] = {"format": FORMAT_NAME, "version": SCHEMA_VERSION}
        for name, cls in SECTIONS.items():
            records = corpus.of_type(cls)
            if records:
                doc[name] = self.records(records, cls)
        out: bytes = self.encoder.encode(doc)
        return self.ms.json.format(out, indent=2) if indent else out


_codec_cache: list[_MsgspecCodec] = []


def _codec() -> _MsgspecCodec | None:
    """The msgspec codec, built on first use; None when msgspec is absent or switched off."""
    if not _USE_MSGSPEC or _msgspec is None:
        return None
    if not _codec_cache:
        _codec_cache.append(_MsgspecCodec(_msgspec))
    return _codec_cache[0]


def load_json_document(text: str | bytes, *, path: str | None = None) -> Corpus:
    """A corpus from the text of a JSON document: :func:`loads` for the readers.

    Raises:
        FormatError: As :func:`loads`; every problem is listed with its path.
    """
    codec = _codec()
    if codec is not None:
        with gc_paused():
            records = codec.decode_document(text)
        if records is not None:
            return _build_corpus(records, path=path)
    return structure_document(decode_json(text, path=path), path=path)


def encode_corpus(corpus: Corpus, *, indent: bool = False) -> bytes:
    """The JSON document of ``corpus`` as UTF-8 bytes (see :func:`unstructure_corpus`).

    Raises:
        FormatError: Some ``attributes`` hold values JSON cannot carry.
    """
    codec = _codec()
    if codec is not None:
        try:
            with gc_paused():
                return codec.encode_corpus(corpus, indent=indent)
        except Exception:  # noqa: S110 - the path below words the problem
            pass
    return encode_json(unstructure_corpus(corpus), indent=indent)


# --- JSON text ------------------------------------------------------------------------------


def encode_json(data: Any, *, indent: bool = False) -> bytes:
    """Encode JSON-compatible data to UTF-8 bytes (orjson when installed).

    Raises:
        FormatError: The data holds values JSON cannot carry (e.g. in ``attributes``).
    """
    try:
        if _orjson is not None:
            out: bytes = _orjson.dumps(data, option=_orjson.OPT_INDENT_2 if indent else 0)
            return out
        return _stdjson.dumps(
            data,
            ensure_ascii=False,
            allow_nan=False,
            indent=2 if indent else None,
            separators=None if indent else (",", ":"),
        ).encode("utf-8")
    except (TypeError, ValueError) as e:
        raise FormatError(f"cannot encode as JSON: {e}") from None


def decode_json(text: str | bytes, *, path: str | None = None) -> Any:
    """Decode JSON text, turning any failure into :class:`FormatError` with line and column."""
    try:
        if _orjson is not None:
            return _orjson.loads(text)
        return _stdjson.loads(text)
    except RecursionError:
        raise FormatError("JSON nested too deeply", path=path) from None
    except _stdjson.JSONDecodeError as e:
        raise FormatError(
            f"line {e.lineno}, column {e.colno}: invalid JSON: {e.msg}", path=path, line=e.lineno
        ) from None
    except ValueError as e:  # orjson.JSONDecodeError subclasses ValueError
        line = getattr(e, "lineno", None)
        raise FormatError(f"invalid JSON: {e}", path=path, line=line) from None


def dumps(corpus: Corpus, *, indent: bool = False) -> str:
    """The corpus as a JSON document string (see :func:`unstructure_corpus`).

    Examples:
        >>> import discourse as dc
        >>> dc.dumps(dc.Corpus([dc.Actor(id="a", name="Ann")]))
        '{"format":"discourse","version":1,"actors":[{"id":"a","name":"Ann"}]}'
    """
    return encode_corpus(corpus, indent=indent).decode("utf-8")


def loads(text: str | bytes) -> Corpus:
    """A corpus from a JSON document string.

    Raises:
        FormatError: The text is not valid JSON or not a valid document; every
            problem is listed with its path.
    """
    if not isinstance(text, (str, bytes, bytearray)):
        raise FormatError(f"loads() takes str or bytes, got {type(text).__name__}")
    return load_json_document(text)


# --- JSON Schema ----------------------------------------------------------------------------


def json_schema() -> dict[str, Any]:
    """A JSON Schema (draft 2020-12) of the document format.

    Examples:
        >>> import discourse as dc
        >>> dc.json_schema()["properties"]["version"]
        {'const': 1}
    """
    from discourse._schema import document_schema

    return document_schema()
