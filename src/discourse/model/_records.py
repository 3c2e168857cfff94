"""The record types: actors, factions, memberships, claims, events and sources.

Records are immutable (``frozen``), compact (``slots``) and keyword-only.
Every field is checked on construction: enum fields accept their string
values, ids must be non-empty strings, and a bad value raises
:class:`~discourse.ValidationError` naming the field. Ids that records refer
to (claimants, targets, sources, parties...) are interned, so a large corpus
stores each distinct id once; a claim's own id, named only once, is not.
"""

from __future__ import annotations

import functools
import math
import operator
import sys
from collections import deque
from collections.abc import Callable, Iterable, Mapping
from enum import Enum
from itertools import repeat
from types import MappingProxyType
from typing import Any, TypeVar

import attrs
from attrs import define, field

from discourse.errors import ValidationError
from discourse.model._dates import DateLike, PartialDate, to_partial_date
from discourse.model._enums import ActorKind, ClaimForm, EventKind, FactionKind, Stance

__all__ = [
    "Actor",
    "Claim",
    "Event",
    "Faction",
    "Membership",
    "Participant",
    "Record",
    "Source",
    "Span",
]

_E = TypeVar("_E", bound=Enum)
_T = TypeVar("_T")

_EMPTY: Mapping[str, Any] = MappingProxyType({})
_intern = sys.intern
_set = object.__setattr__


# --- normalisation after construction -----------------------------------------------------------
# Records are also built without their converters: the msgspec fast path of
# discourse.convert decodes JSON straight into these classes (it checks types and
# constraints in C, then calls __attrs_post_init__). There, ids arrive un-interned and
# mappings as plain dicts. A plain dict in ``attributes`` therefore marks a record
# built that way (the converter always makes a MappingProxyType), and the
# __attrs_post_init__ methods below finish such records; for records built by the
# constructor they cost one type check.


def _frozen_map(value: dict[str, Any]) -> Mapping[str, Any]:
    return MappingProxyType(value) if value else _EMPTY


def _interned(values: tuple[str, ...]) -> tuple[str, ...]:
    return tuple([_intern(v) for v in values]) if values else values


# --- converters ---------------------------------------------------------------------------
# Plain named functions (so type checkers see each field's accepted input types). They
# raise _BadValueError without the field name; _named_fields() below adds it.


class _BadValueError(ValidationError):
    """A converter rejected a value; ``sub`` is an index suffix such as ``"[0]"``."""

    def __init__(self, message: str, value: object, sub: str = "") -> None:
        super().__init__(message, value=value)
        self.sub = sub


def _own_id(value: str) -> str:
    # A claim's own id: checked as every id, but not interned. Interning pays for
    # ids that other records repeat (claimants, targets, sources); a claim id is
    # usually named once, and interning it would only add an entry (40-90 bytes) to
    # the interpreter's table of interned strings for every claim.
    if isinstance(value, str) and value:
        return value if type(value) is str else str(value)
    raise _BadValueError(f"ids must be non-empty strings, got {value!r}", value)


def _id(value: str) -> str:
    return _intern(_own_id(value))


def _opt_id(value: str | None) -> str | None:
    return None if value is None else _id(value)


def _opt_text(value: str | None) -> str | None:
    if value is None or isinstance(value, str):
        return value
    raise _BadValueError(f"expected a string or None, got {value!r}", value)


def _text(value: str) -> str:
    if isinstance(value, str) and value.strip():
        return value
    raise _BadValueError(f"expected a non-empty string, got {value!r}", value)


def _strings(value: object, *, ids: bool) -> tuple[str, ...]:
    if value is None or value == ():
        return ()
    if isinstance(value, (str, bytes)) or not isinstance(value, Iterable):
        raise _BadValueError(f"expected a tuple or list of strings, got {value!r}", value)
    out = tuple(value)
    for i, item in enumerate(out):
        if not isinstance(item, str) or (ids and not item):
            what = "non-empty string ids" if ids else "strings"
            raise _BadValueError(f"expected {what}, got {item!r}", item, f"[{i}]")
    return tuple(_intern(s) for s in out) if ids else out


def _id_tuple(value: Iterable[str] | None) -> tuple[str, ...]:
    return _strings(value, ids=True)


def _str_tuple(value: Iterable[str] | None) -> tuple[str, ...]:
    return _strings(value, ids=False)


def _instances(value: object, cls: type[_T]) -> tuple[_T, ...]:
    if value is None or value == ():
        return ()
    if isinstance(value, cls):
        return (value,)
    if isinstance(value, (str, bytes, Mapping)) or not isinstance(value, Iterable):
        raise _BadValueError(f"expected a tuple of {cls.__name__}, got {value!r}", value)
    out = tuple(value)
    for i, item in enumerate(out):
        if not isinstance(item, cls):
            raise _BadValueError(f"expected {cls.__name__}, got {item!r}", item, f"[{i}]")
    return out


def _spans(value: Span | Iterable[Span] | None) -> tuple[Span, ...]:
    return _instances(value, Span)


def _participants(value: Participant | Iterable[Participant] | None) -> tuple[Participant, ...]:
    return _instances(value, Participant)


def _enum_value(enum: type[_E], value: object) -> _E:
    if isinstance(value, enum):
        return value
    try:
        return enum(value)
    except ValueError:
        allowed = ", ".join(str(m.value) for m in enum)
        raise _BadValueError(f"{value!r} is not one of {allowed}", value) from None


def _actor_kind(value: ActorKind | str) -> ActorKind:
    return _enum_value(ActorKind, value)


def _faction_kind(value: FactionKind | str) -> FactionKind:
    return _enum_value(FactionKind, value)


def _claim_form(value: ClaimForm | str) -> ClaimForm:
    return _enum_value(ClaimForm, value)


def _event_kind(value: EventKind | str) -> EventKind:
    return _enum_value(EventKind, value)


def _stance(value: Stance | str | None) -> Stance | None:
    return None if value is None else _enum_value(Stance, value)


def _opt_date(value: DateLike | None) -> PartialDate | None:
    if value is None or type(value) is PartialDate:
        return value
    try:
        return to_partial_date(value)
    except ValidationError as e:
        raise _BadValueError(str(e), value) from None


def _mapping(value: Mapping[str, Any] | None) -> Mapping[str, Any]:
    if value is None or (isinstance(value, Mapping) and not value):
        return _EMPTY
    if not isinstance(value, Mapping):
        raise _BadValueError(f"expected a mapping, got {value!r}", value)
    for k in value:
        if not isinstance(k, str):
            raise _BadValueError(f"keys must be strings, got {k!r}", k)
    return MappingProxyType(dict(value))


def _str_mapping(value: Mapping[str, str] | None) -> Mapping[str, str]:
    out = _mapping(value)
    for k, v in out.items():
        if not isinstance(v, str):
            raise _BadValueError(f"values must be strings, got {v!r}", v, f"[{k!r}]")
    return out


def _confidence(value: float | None) -> float | None:
    if value is None:
        return None
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        f = float(value)
        if not math.isnan(f) and 0.0 <= f <= 1.0:
            return f
    raise _BadValueError(f"expected a number from 0 to 1, got {value!r}", value)


_OFFSETS: dict[int, int] = {}
_OFFSET_CAP = 1 << 16


def _offset(value: int) -> int:
    # (Span.__attrs_post_init__ shares the offset objects, for spans built with
    # and without the converters alike.)
    if type(value) is int and value >= 0:
        return value
    raise _BadValueError(f"expected a non-negative integer offset, got {value!r}", value)


_C = TypeVar("_C", bound=type)


def _named_fields(cls: _C) -> _C:
    """Make converter errors name their field (``stance: 'opose' is not one of ...``).

    Converters are plain functions so that type checkers understand them; they
    do not know which field they convert. This wraps the generated
    ``__init__``: when a converter fails, the error is raised again with the
    field's name, so the failing field is found without any cost on success.
    """
    init = cls.__init__  # type: ignore[misc]
    converters = {a.name: a.converter for a in attrs.fields(cls) if a.converter is not None}

    @functools.wraps(init)
    def __init__(self: Any, **kwargs: Any) -> None:  # noqa: N807 - replaces __init__
        try:
            init(self, **kwargs)
        except _BadValueError as e:
            for name, value in kwargs.items():
                conv = converters.get(name)
                if conv is None:
                    continue
                try:
                    conv(value)
                except _BadValueError as inner:
                    field_name = f"{name}{inner.sub}"
                    raise ValidationError(
                        f"{field_name}: {inner}", field=field_name, value=inner.value
                    ) from None
            raise ValidationError(str(e), value=e.value) from None

    cls.__init__ = __init__  # type: ignore[misc]
    cls.__reduce__ = _reduce  # type: ignore[method-assign,assignment]
    _FIELD_NAMES[cls] = tuple(a.name for a in attrs.fields(cls))
    _FIELD_GETTERS[cls] = operator.attrgetter(*_FIELD_NAMES[cls])
    _MAPPING_FIELDS[cls] = tuple(
        i for i, a in enumerate(attrs.fields(cls)) if a.converter in (_mapping, _str_mapping)
    )
    return cls


def _reduce(self: Any) -> tuple[Any, tuple[type, tuple[Any, ...]]]:
    # Records travel to worker processes and back (concurrent.futures, Dask) as
    # their field values. Read-only mappings cannot be pickled: they travel as
    # dicts, or as None when empty.
    cls = type(self)
    values: tuple[Any, ...] = _FIELD_GETTERS[cls](self)
    positions = _MAPPING_FIELDS[cls]
    if positions:
        fixed = list(values)
        for i in positions:
            fixed[i] = dict(fixed[i]) if fixed[i] else None
        values = tuple(fixed)
    return (_rebuild, (cls, values))


_FIELD_NAMES: dict[type, tuple[str, ...]] = {}
_FIELD_GETTERS: dict[type, Callable[[Any], tuple[Any, ...]]] = {}
_MAPPING_FIELDS: dict[type, tuple[int, ...]] = {}
_drain: Callable[[Iterable[object]], None] = deque[object](maxlen=0).extend


def _rebuild(cls: type, values: tuple[Any, ...]) -> Any:
    # The values are those of a record that was valid when pickled (unpickling is
    # trusted: pickles are never read from users' files), so they are set as they
    # are, without running the converters again: this is the cost of every record
    # that comes back from a worker process, so the fields are set by C loops.
    obj: Any = object.__new__(cls)
    _drain(map(_set, repeat(obj), _FIELD_NAMES[cls], values))
    for i in _MAPPING_FIELDS[cls]:
        v = values[i]
        _set(obj, _FIELD_NAMES[cls][i], _EMPTY if v is None else MappingProxyType(v))
    return obj


# --- records --------------------------------------------------------------------------------


@_named_fields
@define(frozen=True, slots=True, kw_only=True)
class Span:
    """A stretch of characters in a :class:`Source`: the evidence for a record.

    Offsets are Python string indices (code points) into the source text, end
    exclusive, as ``text[start:end]``.

    Attributes:
        source: Id of the :class:`Source` the offsets point into.
        start: First character offset.
        end: One past the last character; must be greater than ``start``.
        text: The covered text, if recorded.
    """

    source: str = field(converter=_id)
    start: int = field(converter=_offset)
    end: int = field(converter=_offset)
    text: str | None = field(default=None, converter=_opt_text)

    def __attrs_post_init__(self) -> None:
        if self.end <= self.start:
            raise ValidationError(
                f"end: must be greater than start ({self.start}), got {self.end}",
                field="end",
                value=self.end,
            )
        _set(self, "source", _intern(self.source))
        if self.end < _OFFSET_CAP:
            # One shared int object per distinct offset (CPython caches only up to
            # 256): two 28-byte objects less per span in a large corpus. Capped at
            # 2**16 entries. Here rather than in the converter, so that spans
            # decoded without the converters (the msgspec fast path) share them too.
            _set(self, "start", _OFFSETS.setdefault(self.start, self.start))
            _set(self, "end", _OFFSETS.setdefault(self.end, self.end))


@_named_fields
@define(frozen=True, slots=True, kw_only=True)
class Participant:
    """An actor or faction taking part in an :class:`Event`.

    Attributes:
        ref: Id of the actor or faction.
        role: Its role in the event, e.g. ``"candidate"``, ``"winner"``.
    """

    ref: str = field(converter=_id)
    role: str | None = field(default=None, converter=_opt_text)

    def __attrs_post_init__(self) -> None:
        _set(self, "ref", _intern(self.ref))


@_named_fields
@define(frozen=True, slots=True, kw_only=True)
class Actor:
    """An individual political actor: a person or a single organization.

    Examples:
        >>> Actor(id="jeremy-corbyn", name="Jeremy Corbyn", aliases=("Corbyn",)).kind
        <ActorKind.PERSON: 'person'>

    Attributes:
        id: Unique id in the corpus (shared namespace with factions, claims...).
        name: The canonical name.
        kind: :class:`ActorKind` (``"person"`` or ``"organization"``).
        aliases: Other names the actor goes by in texts.
        description: Free text.
        identifiers: External ids, e.g. ``{"wikidata": "Q291169"}``.
        evidence: Spans where the actor is mentioned.
        confidence: How sure an automatic coder was, 0 to 1.
        attributes: Free JSON-compatible mapping for extensions.
    """

    id: str = field(converter=_id)
    name: str = field(converter=_text)
    kind: ActorKind = field(default=ActorKind.PERSON, converter=_actor_kind)
    aliases: tuple[str, ...] = field(default=(), converter=_str_tuple)
    description: str | None = field(default=None, converter=_opt_text)
    identifiers: Mapping[str, str] = field(default=_EMPTY, converter=_str_mapping, hash=False)
    evidence: tuple[Span, ...] = field(default=(), converter=_spans)
    confidence: float | None = field(default=None, converter=_confidence)
    attributes: Mapping[str, Any] = field(default=_EMPTY, converter=_mapping, hash=False)

    def __attrs_post_init__(self) -> None:
        if type(self.attributes) is dict:  # built without converters (see above)
            _set(self, "id", _intern(self.id))
            _set(self, "identifiers", _frozen_map(self.identifiers))  # type: ignore[arg-type]
            _set(self, "attributes", _frozen_map(self.attributes))

    @property
    def names(self) -> tuple[str, ...]:
        """The name followed by the aliases."""
        return (self.name, *self.aliases)


@_named_fields
@define(frozen=True, slots=True, kw_only=True)
class Faction:
    """A collective political actor: a party, a wing, a tendency, a union...

    Examples:
        >>> Faction(id="blairites", name="Blairites", kind="wing", parent="labour").parent
        'labour'

    Attributes:
        id: Unique id in the corpus.
        name: The canonical name.
        kind: :class:`FactionKind`.
        parent: Id of the party or faction it sits in, if any.
        aliases: Other names.
        description: Free text.
        identifiers: External ids.
        evidence: Spans where the faction is mentioned.
        confidence: How sure an automatic coder was, 0 to 1.
        attributes: Free JSON-compatible mapping for extensions.
    """

    id: str = field(converter=_id)
    name: str = field(converter=_text)
    kind: FactionKind = field(default=FactionKind.GROUP, converter=_faction_kind)
    parent: str | None = field(default=None, converter=_opt_id)
    aliases: tuple[str, ...] = field(default=(), converter=_str_tuple)
    description: str | None = field(default=None, converter=_opt_text)
    identifiers: Mapping[str, str] = field(default=_EMPTY, converter=_str_mapping, hash=False)
    evidence: tuple[Span, ...] = field(default=(), converter=_spans)
    confidence: float | None = field(default=None, converter=_confidence)
    attributes: Mapping[str, Any] = field(default=_EMPTY, converter=_mapping, hash=False)

    def __attrs_post_init__(self) -> None:
        if self.parent == self.id:
            raise ValidationError(
                f"parent: a faction cannot be its own parent ({self.id!r})", field="parent"
            )
        if type(self.attributes) is dict:  # built without converters (see above)
            _set(self, "id", _intern(self.id))
            if self.parent is not None:
                _set(self, "parent", _intern(self.parent))
            _set(self, "identifiers", _frozen_map(self.identifiers))  # type: ignore[arg-type]
            _set(self, "attributes", _frozen_map(self.attributes))

    @property
    def names(self) -> tuple[str, ...]:
        """The name followed by the aliases."""
        return (self.name, *self.aliases)


@_named_fields
@define(frozen=True, slots=True, kw_only=True)
class Membership:
    """An actor (or a faction) belonging to a faction, possibly in a role, over time.

    ``start`` and ``end`` are partial dates; either may be open (``None``).

    Attributes:
        member: Id of the actor or faction that belongs.
        faction: Id of the faction it belongs to.
        role: The role held, e.g. ``"Shadow Chancellor"``.
        start: When the membership began, if known.
        end: When it ended, if it did.
        sources: Ids of the sources that attest it.
        evidence: Spans that attest it.
        confidence: How sure an automatic coder was, 0 to 1.
        attributes: Free JSON-compatible mapping for extensions.
    """

    member: str = field(converter=_id)
    faction: str = field(converter=_id)
    role: str | None = field(default=None, converter=_opt_text)
    start: PartialDate | None = field(default=None, converter=_opt_date)
    end: PartialDate | None = field(default=None, converter=_opt_date)
    sources: tuple[str, ...] = field(default=(), converter=_id_tuple)
    evidence: tuple[Span, ...] = field(default=(), converter=_spans)
    confidence: float | None = field(default=None, converter=_confidence)
    attributes: Mapping[str, Any] = field(default=_EMPTY, converter=_mapping, hash=False)

    def __attrs_post_init__(self) -> None:
        if self.start is not None and self.end is not None and self.end.last < self.start.first:
            raise ValidationError(f"end: {self.end} is before start {self.start}", field="end")
        if type(self.attributes) is dict:  # built without converters (see above)
            _set(self, "member", _intern(self.member))
            _set(self, "faction", _intern(self.faction))
            _set(self, "sources", _interned(self.sources))
            _set(self, "attributes", _frozen_map(self.attributes))

    def valid_at(self, at: DateLike) -> bool:
        """Whether the membership may hold at ``at`` (its interval overlaps the date)."""
        d = to_partial_date(at)
        return (self.start is None or self.start.first <= d.last) and (
            self.end is None or d.first <= self.end.last
        )


@_named_fields
@define(frozen=True, slots=True, kw_only=True)
class Claim:
    """Something an actor says or does in the conflict: a political claim.

    A claim has a claimant (who), a form (how), and, when it is for or against
    someone, a target and a stance toward that target.

    Examples:
        >>> c = Claim(id="c1", claimant="owen-jones", form="demand",
        ...           target="jeremy-corbyn", stance="oppose")
        >>> c.stance
        <Stance.OPPOSE: 'oppose'>

    Attributes:
        id: Unique id in the corpus.
        claimant: Id of the actor or faction making the claim.
        form: :class:`ClaimForm`.
        target: Id of the actor or faction the claim is for or against.
        stance: :class:`Stance` of the claimant toward the target.
        addressee: Id of who is called upon (e.g. in a demand).
        issue: The issue or concept the claim is about (free text or concept id).
        text: What is claimed, in plain words.
        quote: Verbatim words, if any.
        date: When the claim was made.
        evidence: Spans of text that show the claim.
        supports: Ids of claims this claim argues for.
        attacks: Ids of claims this claim argues against.
        confidence: How sure an automatic coder was, 0 to 1.
        attributes: Free JSON-compatible mapping for extensions.
    """

    id: str = field(converter=_own_id)
    claimant: str = field(converter=_id)
    form: ClaimForm = field(default=ClaimForm.STATEMENT, converter=_claim_form)
    target: str | None = field(default=None, converter=_opt_id)
    stance: Stance | None = field(default=None, converter=_stance)
    addressee: str | None = field(default=None, converter=_opt_id)
    issue: str | None = field(default=None, converter=_opt_text)
    text: str | None = field(default=None, converter=_opt_text)
    quote: str | None = field(default=None, converter=_opt_text)
    date: PartialDate | None = field(default=None, converter=_opt_date)
    evidence: tuple[Span, ...] = field(default=(), converter=_spans)
    supports: tuple[str, ...] = field(default=(), converter=_id_tuple)
    attacks: tuple[str, ...] = field(default=(), converter=_id_tuple)
    confidence: float | None = field(default=None, converter=_confidence)
    attributes: Mapping[str, Any] = field(default=_EMPTY, converter=_mapping, hash=False)

    def __attrs_post_init__(self) -> None:
        if type(self.attributes) is dict:  # built without converters (see above)
            _set(self, "claimant", _intern(self.claimant))
            if self.target is not None:
                _set(self, "target", _intern(self.target))
            if self.addressee is not None:
                _set(self, "addressee", _intern(self.addressee))
            if self.supports:
                _set(self, "supports", _interned(self.supports))
            if self.attacks:
                _set(self, "attacks", _interned(self.attacks))
            _set(self, "attributes", _frozen_map(self.attributes))


@_named_fields
@define(frozen=True, slots=True, kw_only=True)
class Event:
    """Something that happened: an election, a resignation, an expulsion, a coup...

    Attributes:
        id: Unique id in the corpus.
        kind: :class:`EventKind`.
        name: A name, e.g. ``"Copeland by-election"``.
        start: When it happened or began.
        end: When it ended, for events that last.
        organization: Id of the party or organization it happened in.
        location: Where, as written.
        participants: Who took part, with their roles.
        outcome: The result, in plain words (e.g. ``"Labour won"``).
        evidence: Spans of text that show the event.
        confidence: How sure an automatic coder was, 0 to 1.
        attributes: Free JSON-compatible mapping for extensions.
    """

    id: str = field(converter=_id)
    kind: EventKind = field(converter=_event_kind)
    name: str | None = field(default=None, converter=_opt_text)
    start: PartialDate | None = field(default=None, converter=_opt_date)
    end: PartialDate | None = field(default=None, converter=_opt_date)
    organization: str | None = field(default=None, converter=_opt_id)
    location: str | None = field(default=None, converter=_opt_text)
    participants: tuple[Participant, ...] = field(default=(), converter=_participants)
    outcome: str | None = field(default=None, converter=_opt_text)
    evidence: tuple[Span, ...] = field(default=(), converter=_spans)
    confidence: float | None = field(default=None, converter=_confidence)
    attributes: Mapping[str, Any] = field(default=_EMPTY, converter=_mapping, hash=False)

    def __attrs_post_init__(self) -> None:
        if self.start is not None and self.end is not None and self.end.last < self.start.first:
            raise ValidationError(f"end: {self.end} is before start {self.start}", field="end")
        if type(self.attributes) is dict:  # built without converters (see above)
            _set(self, "id", _intern(self.id))
            if self.organization is not None:
                _set(self, "organization", _intern(self.organization))
            _set(self, "attributes", _frozen_map(self.attributes))


@_named_fields
@define(frozen=True, slots=True, kw_only=True)
class Source:
    """A document that evidence spans point into.

    Attributes:
        id: Unique id in the corpus.
        title: The title.
        author: The author, as written.
        publisher: The outlet.
        url: Where it was published.
        published: The publication date.
        kind: Free text, e.g. ``"opinion"``, ``"news"``, ``"statement"``.
        text: The full text, if kept (needed to resolve span texts).
        attributes: Free JSON-compatible mapping for extensions.
    """

    id: str = field(converter=_id)
    title: str | None = field(default=None, converter=_opt_text)
    author: str | None = field(default=None, converter=_opt_text)
    publisher: str | None = field(default=None, converter=_opt_text)
    url: str | None = field(default=None, converter=_opt_text)
    published: PartialDate | None = field(default=None, converter=_opt_date)
    kind: str | None = field(default=None, converter=_opt_text)
    text: str | None = field(default=None, converter=_opt_text)
    attributes: Mapping[str, Any] = field(default=_EMPTY, converter=_mapping, hash=False)

    def __attrs_post_init__(self) -> None:
        if type(self.attributes) is dict:  # built without converters (see above)
            _set(self, "id", _intern(self.id))
            _set(self, "attributes", _frozen_map(self.attributes))


Record = Actor | Faction | Membership | Claim | Event | Source
"""Any record a :class:`~discourse.Corpus` holds."""
