"""The record types: actors, factions, memberships, claims, events and sources.

Records are immutable (``frozen``), compact (``slots``) and keyword-only.
Every field is checked on construction: enum fields accept their string
values, ids must be non-empty strings, and a bad value raises
:class:`~discourse.ValidationError` naming the field. Ids are interned, so a
large corpus stores each distinct id once.
"""

from __future__ import annotations

import math
import sys
from collections.abc import Iterable, Mapping
from enum import Enum
from types import MappingProxyType
from typing import Any, TypeVar, Union

from attrs import Attribute, Converter, define, field

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


# --- converters (each names the field in its error) -------------------------------------


def _id(value: object, fld: Attribute[Any]) -> str:
    if type(value) is str and value:
        return _intern(value)
    if isinstance(value, str) and value:
        return _intern(str(value))
    raise ValidationError(f"{fld.name}: ids must be non-empty strings, got {value!r}", field=fld.name, value=value)


def _opt_id(value: object, fld: Attribute[Any]) -> str | None:
    return None if value is None else _id(value, fld)


def _opt_text(value: object, fld: Attribute[Any]) -> str | None:
    if value is None or isinstance(value, str):
        return value
    raise ValidationError(f"{fld.name}: expected a string or None, got {value!r}", field=fld.name, value=value)


def _text(value: object, fld: Attribute[Any]) -> str:
    if isinstance(value, str) and value.strip():
        return value
    raise ValidationError(f"{fld.name}: expected a non-empty string, got {value!r}", field=fld.name, value=value)


def _strings(value: object, fld: Attribute[Any], *, ids: bool) -> tuple[str, ...]:
    if value is None or value == ():
        return ()
    if isinstance(value, (str, bytes)) or not isinstance(value, Iterable):
        raise ValidationError(
            f"{fld.name}: expected a tuple or list of strings, got {value!r}",
            field=fld.name,
            value=value,
        )
    out = tuple(value)
    for i, item in enumerate(out):
        if not isinstance(item, str) or (ids and not item):
            what = "non-empty string ids" if ids else "strings"
            raise ValidationError(
                f"{fld.name}[{i}]: expected {what}, got {item!r}", field=f"{fld.name}[{i}]", value=item
            )
    return tuple(_intern(s) for s in out) if ids else out


def _id_tuple(value: object, fld: Attribute[Any]) -> tuple[str, ...]:
    return _strings(value, fld, ids=True)


def _str_tuple(value: object, fld: Attribute[Any]) -> tuple[str, ...]:
    return _strings(value, fld, ids=False)


def _typed_tuple(cls: type[_T]) -> Converter:
    def convert(value: object, fld: Attribute[Any]) -> tuple[_T, ...]:
        if value is None or value == ():
            return ()
        if isinstance(value, cls):
            return (value,)
        if isinstance(value, (str, bytes, Mapping)) or not isinstance(value, Iterable):
            raise ValidationError(
                f"{fld.name}: expected a tuple of {cls.__name__}, got {value!r}", field=fld.name, value=value
            )
        out = tuple(value)
        for i, item in enumerate(out):
            if not isinstance(item, cls):
                raise ValidationError(
                    f"{fld.name}[{i}]: expected {cls.__name__}, got {item!r}",
                    field=f"{fld.name}[{i}]",
                    value=item,
                )
        return out

    return Converter(convert, takes_field=True)  # type: ignore[misc,call-overload]


def _enum(enum: type[_E], *, optional: bool) -> Converter:
    allowed = ", ".join(str(m.value) for m in enum)  # type: ignore[attr-defined]

    def convert(value: object, fld: Attribute[Any]) -> _E | None:
        if value is None and optional:
            return None
        if isinstance(value, enum):
            return value
        try:
            return enum(value)
        except ValueError:
            raise ValidationError(
                f"{fld.name}: {value!r} is not one of {allowed}", field=fld.name, value=value
            ) from None

    return Converter(convert, takes_field=True)  # type: ignore[misc,call-overload]


def _opt_date(value: object, fld: Attribute[Any]) -> PartialDate | None:
    if value is None or type(value) is PartialDate:
        return value
    try:
        return to_partial_date(value)  # type: ignore[arg-type]
    except ValidationError as e:
        raise ValidationError(f"{fld.name}: {e}", field=fld.name, value=value) from None


def _mapping(value: object, fld: Attribute[Any]) -> Mapping[str, Any]:
    if value is None or (isinstance(value, Mapping) and not value):
        return _EMPTY
    if not isinstance(value, Mapping):
        raise ValidationError(f"{fld.name}: expected a mapping, got {value!r}", field=fld.name, value=value)
    for k in value:
        if not isinstance(k, str):
            raise ValidationError(f"{fld.name}: keys must be strings, got {k!r}", field=fld.name, value=k)
    return MappingProxyType(dict(value))


def _str_mapping(value: object, fld: Attribute[Any]) -> Mapping[str, str]:
    out = _mapping(value, fld)
    for k, v in out.items():
        if not isinstance(v, str):
            raise ValidationError(
                f"{fld.name}[{k!r}]: identifiers must be strings, got {v!r}", field=fld.name, value=v
            )
    return out


def _confidence(value: object, fld: Attribute[Any]) -> float | None:
    if value is None:
        return None
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        f = float(value)
        if not math.isnan(f) and 0.0 <= f <= 1.0:
            return f
    raise ValidationError(f"{fld.name}: expected a number from 0 to 1, got {value!r}", field=fld.name, value=value)


def _offset(value: object, fld: Attribute[Any]) -> int:
    if type(value) is int and value >= 0:
        return value
    raise ValidationError(
        f"{fld.name}: expected a non-negative integer offset, got {value!r}", field=fld.name, value=value
    )


def _c(fn: Any) -> Any:
    return Converter(fn, takes_field=True)


_ID = _c(_id)
_OPT_ID = _c(_opt_id)
_TEXT = _c(_text)
_OPT_TEXT = _c(_opt_text)
_IDS = _c(_id_tuple)
_STRS = _c(_str_tuple)
_DATE = _c(_opt_date)
_MAP = _c(_mapping)
_STRMAP = _c(_str_mapping)
_CONF = _c(_confidence)
_OFFSET = _c(_offset)


# --- records --------------------------------------------------------------------------------


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

    source: str = field(converter=_ID)
    start: int = field(converter=_OFFSET)
    end: int = field(converter=_OFFSET)
    text: str | None = field(default=None, converter=_OPT_TEXT)

    def __attrs_post_init__(self) -> None:
        if self.end <= self.start:
            raise ValidationError(
                f"end: must be greater than start ({self.start}), got {self.end}", field="end", value=self.end
            )


@define(frozen=True, slots=True, kw_only=True)
class Participant:
    """An actor or faction taking part in an :class:`Event`.

    Attributes:
        ref: Id of the actor or faction.
        role: Its role in the event, e.g. ``"candidate"``, ``"winner"``.
    """

    ref: str = field(converter=_ID)
    role: str | None = field(default=None, converter=_OPT_TEXT)


@define(frozen=True, slots=True, kw_only=True)
class Actor:
    """An individual political actor: a person or a single organization.

    Example:
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

    id: str = field(converter=_ID)
    name: str = field(converter=_TEXT)
    kind: ActorKind = field(default=ActorKind.PERSON, converter=_enum(ActorKind, optional=False))
    aliases: tuple[str, ...] = field(default=(), converter=_STRS)
    description: str | None = field(default=None, converter=_OPT_TEXT)
    identifiers: Mapping[str, str] = field(default=_EMPTY, converter=_STRMAP, hash=False)
    evidence: tuple[Span, ...] = field(default=(), converter=_typed_tuple(Span))
    confidence: float | None = field(default=None, converter=_CONF)
    attributes: Mapping[str, Any] = field(default=_EMPTY, converter=_MAP, hash=False)

    @property
    def names(self) -> tuple[str, ...]:
        """The name followed by the aliases."""
        return (self.name, *self.aliases)


@define(frozen=True, slots=True, kw_only=True)
class Faction:
    """A collective political actor: a party, a wing, a tendency, a union...

    Example:
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

    id: str = field(converter=_ID)
    name: str = field(converter=_TEXT)
    kind: FactionKind = field(default=FactionKind.GROUP, converter=_enum(FactionKind, optional=False))
    parent: str | None = field(default=None, converter=_OPT_ID)
    aliases: tuple[str, ...] = field(default=(), converter=_STRS)
    description: str | None = field(default=None, converter=_OPT_TEXT)
    identifiers: Mapping[str, str] = field(default=_EMPTY, converter=_STRMAP, hash=False)
    evidence: tuple[Span, ...] = field(default=(), converter=_typed_tuple(Span))
    confidence: float | None = field(default=None, converter=_CONF)
    attributes: Mapping[str, Any] = field(default=_EMPTY, converter=_MAP, hash=False)

    def __attrs_post_init__(self) -> None:
        if self.parent == self.id:
            raise ValidationError(f"parent: a faction cannot be its own parent ({self.id!r})", field="parent")

    @property
    def names(self) -> tuple[str, ...]:
        """The name followed by the aliases."""
        return (self.name, *self.aliases)


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

    member: str = field(converter=_ID)
    faction: str = field(converter=_ID)
    role: str | None = field(default=None, converter=_OPT_TEXT)
    start: PartialDate | None = field(default=None, converter=_DATE)
    end: PartialDate | None = field(default=None, converter=_DATE)
    sources: tuple[str, ...] = field(default=(), converter=_IDS)
    evidence: tuple[Span, ...] = field(default=(), converter=_typed_tuple(Span))
    confidence: float | None = field(default=None, converter=_CONF)
    attributes: Mapping[str, Any] = field(default=_EMPTY, converter=_MAP, hash=False)

    def __attrs_post_init__(self) -> None:
        if self.start is not None and self.end is not None and self.end.last < self.start.first:
            raise ValidationError(f"end: {self.end} is before start {self.start}", field="end")

    def valid_at(self, at: DateLike) -> bool:
        """Whether the membership may hold at ``at`` (its interval overlaps the date)."""
        d = to_partial_date(at)
        return (self.start is None or self.start.first <= d.last) and (
            self.end is None or d.first <= self.end.last
        )


@define(frozen=True, slots=True, kw_only=True)
class Claim:
    """Something an actor says or does in the conflict: a political claim.

    A claim has a claimant (who), a form (how), and, when it is for or against
    someone, a target and a stance toward that target.

    Example:
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

    id: str = field(converter=_ID)
    claimant: str = field(converter=_ID)
    form: ClaimForm = field(default=ClaimForm.STATEMENT, converter=_enum(ClaimForm, optional=False))
    target: str | None = field(default=None, converter=_OPT_ID)
    stance: Stance | None = field(default=None, converter=_enum(Stance, optional=True))
    addressee: str | None = field(default=None, converter=_OPT_ID)
    issue: str | None = field(default=None, converter=_OPT_TEXT)
    text: str | None = field(default=None, converter=_OPT_TEXT)
    quote: str | None = field(default=None, converter=_OPT_TEXT)
    date: PartialDate | None = field(default=None, converter=_DATE)
    evidence: tuple[Span, ...] = field(default=(), converter=_typed_tuple(Span))
    supports: tuple[str, ...] = field(default=(), converter=_IDS)
    attacks: tuple[str, ...] = field(default=(), converter=_IDS)
    confidence: float | None = field(default=None, converter=_CONF)
    attributes: Mapping[str, Any] = field(default=_EMPTY, converter=_MAP, hash=False)


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

    id: str = field(converter=_ID)
    kind: EventKind = field(converter=_enum(EventKind, optional=False))
    name: str | None = field(default=None, converter=_OPT_TEXT)
    start: PartialDate | None = field(default=None, converter=_DATE)
    end: PartialDate | None = field(default=None, converter=_DATE)
    organization: str | None = field(default=None, converter=_OPT_ID)
    location: str | None = field(default=None, converter=_OPT_TEXT)
    participants: tuple[Participant, ...] = field(default=(), converter=_typed_tuple(Participant))
    outcome: str | None = field(default=None, converter=_OPT_TEXT)
    evidence: tuple[Span, ...] = field(default=(), converter=_typed_tuple(Span))
    confidence: float | None = field(default=None, converter=_CONF)
    attributes: Mapping[str, Any] = field(default=_EMPTY, converter=_MAP, hash=False)

    def __attrs_post_init__(self) -> None:
        if self.start is not None and self.end is not None and self.end.last < self.start.first:
            raise ValidationError(f"end: {self.end} is before start {self.start}", field="end")


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

    id: str = field(converter=_ID)
    title: str | None = field(default=None, converter=_OPT_TEXT)
    author: str | None = field(default=None, converter=_OPT_TEXT)
    publisher: str | None = field(default=None, converter=_OPT_TEXT)
    url: str | None = field(default=None, converter=_OPT_TEXT)
    published: PartialDate | None = field(default=None, converter=_DATE)
    kind: str | None = field(default=None, converter=_OPT_TEXT)
    text: str | None = field(default=None, converter=_OPT_TEXT)
    attributes: Mapping[str, Any] = field(default=_EMPTY, converter=_MAP, hash=False)


Record = Union[Actor, Faction, Membership, Claim, Event, Source]
"""Any record a :class:`~discourse.Corpus` holds."""
