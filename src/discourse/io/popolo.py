"""The ``popolo`` format: Popolo JSON (persons, organizations, memberships, events).

`Popolo <https://www.popoloproject.com/>`_ is the open data standard for
people in politics, used by EveryPolitician, OpenStates and many
parliamentary monitoring sites. The writer produces one document with
top-level ``persons``, ``organizations``, ``memberships`` and ``events``
arrays (the EveryPolitician layout); each object validates against the
Popolo JSON Schemas. The reader takes that layout, a JSON array of Popolo
objects, or a single Popolo object (person, organization, membership, event,
or a post, whose embedded memberships are read), including objects embedded
in others (``memberships`` of a person, ``parent``/``children`` of an
organization, ``attendees`` of an event...).

Mapping (see ``docs/formats/popolo.md`` for the full table):

* :class:`~discourse.Actor` (person) ↔ Person; (organization) ↔ Organization
  with ``classification: "organization"``.
* :class:`~discourse.Faction` ↔ Organization: ``classification`` carries the
  :class:`~discourse.FactionKind`, ``parent_id`` the parent.
* :class:`~discourse.Membership` ↔ Membership, with partial ``start_date`` /
  ``end_date``; a faction or organization member is written as
  ``member: {"@type": "Organization", "id": ...}``. A membership held
  ``on_behalf_of`` a party (EveryPolitician's seats) also gives a membership
  of that party over the same dates.
* :class:`~discourse.Event` ↔ Event: ``classification`` carries the
  :class:`~discourse.EventKind`, participants are ``attendees``.

Claims and sources have no Popolo counterpart; they, and evidence,
confidence, attributes, membership sources, event outcomes and participant
roles, are dropped with a :class:`~discourse.LossWarning` giving the counts.
Reading warns in the same way about Popolo fields it does not import
(e.g. ``persons.email``), and about events whose classification is not an
event kind.
"""

from __future__ import annotations

import re
import warnings
from collections import Counter
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from discourse.convert import decode_json, encode_json
from discourse.convert import show_value as _show
from discourse.convert import summarize_errors as _summary
from discourse.corpus import Corpus
from discourse.errors import DiscourseError, FormatError, LossWarning, ValidationError
from discourse.io._atomic import atomic_write
from discourse.io._registry import Format
from discourse.model import (
    Actor,
    ActorKind,
    Claim,
    Event,
    EventKind,
    Faction,
    FactionKind,
    Membership,
    PartialDate,
    Participant,
    Record,
    Source,
)

__all__ = ["FORMAT", "from_popolo", "read", "to_popolo", "write"]

ORGANIZATION_CLASSIFICATION = "organization"
"""The ``classification`` of a Popolo organization that is an :class:`~discourse.Actor`, not a faction."""

_FACTION_KINDS = {k.value: k for k in FactionKind}
_EVENT_KINDS = {k.value: k for k in EventKind}


# --- writing --------------------------------------------------------------------------------


def _names_and_ids(r: Actor | Faction, out: dict[str, Any]) -> None:
    if r.aliases:
        out["other_names"] = [{"name": a} for a in r.aliases]
    if r.identifiers:
        out["identifiers"] = [{"scheme": k, "identifier": v} for k, v in r.identifiers.items()]


def _person(a: Actor) -> dict[str, Any]:
    out: dict[str, Any] = {"id": a.id, "name": a.name}
    _names_and_ids(a, out)
    if a.description is not None:
        out["summary"] = a.description
    return out


def _organization(r: Actor | Faction) -> dict[str, Any]:
    out: dict[str, Any] = {"id": r.id, "name": r.name}
    if isinstance(r, Faction):
        out["classification"] = r.kind.value
        if r.parent is not None:
            out["parent_id"] = r.parent
    else:
        out["classification"] = ORGANIZATION_CLASSIFICATION
    _names_and_ids(r, out)
    if r.description is not None:
        out["description"] = r.description
    return out


def _membership(m: Membership, corpus: Corpus) -> dict[str, Any]:
    member = corpus.get(m.member)
    out: dict[str, Any] = {}
    if isinstance(member, Faction) or (
        isinstance(member, Actor) and member.kind is ActorKind.ORGANIZATION
    ):
        out["member"] = {"@type": "Organization", "id": m.member}
    else:
        out["person_id"] = m.member
    out["organization_id"] = m.faction
    if m.role is not None:
        out["role"] = m.role
    if m.start is not None:
        out["start_date"] = str(m.start)
    if m.end is not None:
        out["end_date"] = str(m.end)
    return out


def _event(e: Event) -> dict[str, Any]:
    out: dict[str, Any] = {"id": e.id, "classification": e.kind.value}
    if e.name is not None:
        out["name"] = e.name
    if e.start is not None:
        out["start_date"] = str(e.start)
    if e.end is not None:
        out["end_date"] = str(e.end)
    if e.location is not None:
        out["location"] = e.location
    if e.organization is not None:
        out["organization_id"] = e.organization
    if e.participants:
        out["attendees"] = [{"id": p.ref} for p in e.participants]
    return out


def _dropped(corpus: Corpus) -> dict[str, int]:
    n: Counter[str] = Counter()
    for r in corpus:
        t = type(r).__name__.lower() + "s"
        if isinstance(r, (Claim, Source)):
            n[t] += 1
            continue
        for f in ("evidence", "attributes"):
            if getattr(r, f):
                n[f"{t}.{f}"] += 1
        if r.confidence is not None:
            n[f"{t}.confidence"] += 1
        if isinstance(r, Membership) and r.sources:
            n["memberships.sources"] += 1
        if isinstance(r, Event):
            if r.outcome is not None:
                n["events.outcome"] += 1
            n["events.participants.role"] += sum(p.role is not None for p in r.participants)
    return {k: v for k, v in n.items() if v}


def to_popolo(corpus: Corpus) -> dict[str, Any]:
    """The corpus as one Popolo document with ``persons``, ``organizations``, ``memberships``, ``events``.

    Does not warn; :func:`write` warns about what the document cannot carry.

    Examples:
        >>> import discourse as dc
        >>> from discourse.io.popolo import to_popolo
        >>> to_popolo(dc.Corpus([dc.Faction(id="momentum", name="Momentum", parent="labour")]))
        {'persons': [], 'organizations': [{'id': 'momentum', 'name': 'Momentum', 'classification': 'group', 'parent_id': 'labour'}], 'memberships': [], 'events': []}
    """
    actors = corpus.actors
    return {
        "persons": [_person(a) for a in actors if a.kind is ActorKind.PERSON],
        "organizations": [_organization(a) for a in actors if a.kind is ActorKind.ORGANIZATION]
        + [_organization(f) for f in corpus.factions],
        "memberships": [_membership(m, corpus) for m in corpus.memberships],
        "events": [_event(e) for e in corpus.events],
    }


def write(corpus: Corpus, path: Path) -> None:
    """Write ``corpus`` as a Popolo document, atomically.

    Warns:
        LossWarning: Listing the records and fields Popolo cannot carry, with counts.
    """
    doc = to_popolo(corpus)
    dropped = _dropped(corpus)
    if dropped:
        warnings.warn(LossWarning("popolo", dropped), stacklevel=3)
    data = encode_json(doc, indent=True)
    with atomic_write(path, "wb") as f:
        f.write(data)
        f.write(b"\n")


# --- reading --------------------------------------------------------------------------------

_PERSON_KEYS = frozenset(
    {
        "family_name",
        "given_name",
        "additional_name",
        "honorific_prefix",
        "honorific_suffix",
        "patronymic_name",
        "sort_name",
        "email",
        "gender",
        "pronouns",
        "birth_date",
        "death_date",
        "summary",
        "biography",
        "national_identity",
    }
)
_ORGANIZATION_KEYS = frozenset(
    {
        "classification",
        "parent_id",
        "parent",
        "founding_date",
        "dissolution_date",
        "abstract",
        "area_id",
        "posts",
    }
)
_MEMBERSHIP_KEYS = frozenset(
    {"person_id", "person", "member", "on_behalf_of_id", "on_behalf_of", "post_id", "post"}
)
_EVENT_KEYS = frozenset({"attendees", "location", "status", "start_date", "end_date"})


def _other_kind(keys: set[str]) -> str | None:
    """The Popolo class we do not model that an object with these keys belongs to, if any."""
    if keys & {"counts", "votes", "group_results", "motion", "motion_id"}:
        return "vote_event"
    if keys & {"vote_event_id", "voter_id", "voter"}:
        return "vote"
    if keys & {"audio", "video", "attribution_text", "event_id"}:
        return "speech"
    if keys & {"requirement", "vote_events", "creator_id", "legislative_session_id"}:
        return "motion"
    if "option" in keys:
        return "count"
    if {"type", "value"} <= keys or keys & {"valid_from", "valid_until"}:
        return "contact_detail"
    if keys & {"geometry", "identifier"}:
        return "area"
    if "other_label" in keys or (
        "label" in keys and "name" not in keys and not keys & {"person_id", "person", "member"}
    ):
        return "post"
    return None


class _Reader:
    """Collects records from Popolo objects, with paths for errors and counts of what is not read."""

    def __init__(self) -> None:
        self.records: list[Record] = []
        self.seen: set[str] = set()
        self.errors: list[str] = []
        self.skipped: Counter[str] = Counter()

    # -- helpers

    def _obj(self, value: object, where: str) -> Mapping[str, Any] | None:
        if isinstance(value, Mapping):
            return value
        self.errors.append(f"{where}: expected an object, got {_show(value)}")
        return None

    def _list(self, value: object, where: str) -> list[Any]:
        if isinstance(value, list):
            return value
        self.errors.append(f"{where}: expected an array, got {_show(value)}")
        return []

    def _str(
        self, obj: Mapping[str, Any], key: str, where: str, *, required: bool = False
    ) -> str | None:
        v = obj.get(key)
        if v is None:
            if required:
                self.errors.append(f"{where}.{key}: required field missing")
            return None
        if isinstance(v, str):
            return v
        self.errors.append(f"{where}.{key}: expected a string, got {_show(v)}")
        return None

    def _date(self, obj: Mapping[str, Any], key: str, where: str, kind: str) -> str | None:
        v = self._str(obj, key, where)
        if v is None or v == "":
            return None
        if len(v) > 10 and v[10] == "T":  # a date-time: keep the day
            self.skipped[f"{kind}s.{key} (time of day)"] += 1
            v = v[:10]
        try:
            return str(PartialDate.parse(v))
        except ValidationError as e:
            self.errors.append(f"{where}.{key}: {e}")
            return None

    def _skip_other(self, obj: Mapping[str, Any], kind: str, handled: frozenset[str]) -> None:
        for k, v in obj.items():
            if k not in handled and v not in (None, [], {}, ""):
                self.skipped[f"{kind}s.{k}"] += 1

    def _add(self, record: Record | None, where: str) -> None:
        if record is None:
            return
        rid = getattr(record, "id", None)
        if rid is not None:
            if rid in self.seen:
                return  # the same object embedded twice (e.g. a parent given in full)
            self.seen.add(rid)
        self.records.append(record)

    def _build(self, cls: type[Any], where: str, **kwargs: Any) -> Any:
        try:
            return cls(**{k: v for k, v in kwargs.items() if v is not None})
        except ValidationError as e:
            msg = str(e)
            if e.field and msg.startswith(f"{e.field}: "):
                msg = msg[len(e.field) + 2 :]
            self.errors.append(f"{where}.{e.field}: {msg}" if e.field else f"{where}: {msg}")
            return None
        except TypeError as e:  # a required field is missing, e.g. an event without "id"
            missing = re.findall(r"'(\w+)'", str(e))
            self.errors.append(f"{where}.{missing[0]}: required" if missing else f"{where}: {e}")
            return None

    def _names_ids(
        self, obj: Mapping[str, Any], where: str
    ) -> tuple[tuple[str, ...], dict[str, str]]:
        aliases: list[str] = []
        for i, o in enumerate(self._list(obj.get("other_names") or [], f"{where}.other_names")):
            o = self._obj(o, f"{where}.other_names[{i}]")
            if o is not None:
                name = self._str(o, "name", f"{where}.other_names[{i}]", required=True)
                if name is not None:
                    aliases.append(name)
        idents: dict[str, str] = {}
        for i, o in enumerate(self._list(obj.get("identifiers") or [], f"{where}.identifiers")):
            o = self._obj(o, f"{where}.identifiers[{i}]")
            if o is not None:
                ident = self._str(o, "identifier", f"{where}.identifiers[{i}]", required=True)
                scheme = self._str(o, "scheme", f"{where}.identifiers[{i}]") or ""
                if ident is not None:
                    idents[scheme] = ident
        return tuple(aliases), idents

    # -- Popolo classes

    def person(self, obj: Mapping[str, Any], where: str, *, ref_ok: bool = False) -> str | None:
        pid = self._str(obj, "id", where, required=True)
        name = self._str(obj, "name", where)
        if name is None:
            parts = [obj.get(k) for k in ("given_name", "family_name")]
            name = " ".join(p for p in parts if isinstance(p, str) and p) or None
        if pid is None:
            return None
        if name is None:
            if ref_ok and obj.keys() <= {"id"}:  # an embedded reference such as {"id": "x"}
                return pid
            self.errors.append(f"{where}.name: required field missing")
            return pid
        aliases, idents = self._names_ids(obj, where)
        description = self._str(obj, "summary", where)
        if description is None:
            description = self._str(obj, "biography", where)
        handled = frozenset({"id", "name", "other_names", "identifiers", "summary", "memberships"})
        handled |= {"given_name", "family_name"} if "name" not in obj else frozenset()
        if obj.get("summary") is not None:
            handled |= {"summary"}
        else:
            handled |= {"biography"}
        self._skip_other(obj, "person", handled)
        self._add(
            self._build(
                Actor,
                where,
                id=pid,
                name=name,
                aliases=aliases,
                identifiers=idents,
                description=description,
            ),
            where,
        )
        self._embedded_memberships(obj, where, person_id=pid)
        return pid

    def organization(
        self,
        obj: Mapping[str, Any],
        where: str,
        *,
        parent: str | None = None,
        ref_ok: bool = False,
    ) -> str | None:
        oid = self._str(obj, "id", where, required=True)
        if oid is None:
            return None
        name = self._str(obj, "name", where)
        if name is None:
            if ref_ok and obj.keys() <= {"id"}:
                return oid
            self.errors.append(f"{where}.name: required field missing")
            return oid
        classification = self._str(obj, "classification", where)
        parent_id = self._str(obj, "parent_id", where)
        if "parent" in obj and obj["parent"] is not None:
            p = self._obj(obj["parent"], f"{where}.parent")
            if p is not None:
                parent_id = self.organization(p, f"{where}.parent", ref_ok=True) or parent_id
        parent_id = parent_id or parent
        aliases, idents = self._names_ids(obj, where)
        description = self._str(obj, "description", where)
        if description is None:
            description = self._str(obj, "abstract", where)
        handled = {
            "id",
            "name",
            "classification",
            "parent_id",
            "parent",
            "other_names",
            "identifiers",
        }
        handled |= {"memberships", "children", "posts"}
        handled.add("description" if obj.get("description") is not None else "abstract")
        self._skip_other(obj, "organization", frozenset(handled))
        if classification == ORGANIZATION_CLASSIFICATION:
            if parent_id is not None:
                self.skipped["organizations.parent_id"] += 1
            record = self._build(
                Actor,
                where,
                id=oid,
                name=name,
                kind=ActorKind.ORGANIZATION,
                aliases=aliases,
                identifiers=idents,
                description=description,
            )
        else:
            kind = _FACTION_KINDS.get((classification or "").strip().lower())
            if kind is None:
                kind = FactionKind.GROUP
                if classification:
                    self.skipped[
                        "organizations.classification (not a faction kind, read as group)"
                    ] += 1
            record = self._build(
                Faction,
                where,
                id=oid,
                name=name,
                kind=kind,
                parent=parent_id,
                aliases=aliases,
                identifiers=idents,
                description=description,
            )
        self._add(record, where)
        self._embedded_memberships(obj, where, organization_id=oid)
        for i, child in enumerate(self._list(obj.get("children") or [], f"{where}.children")):
            c = self._obj(child, f"{where}.children[{i}]")
            if c is not None:
                self.organization(c, f"{where}.children[{i}]", parent=oid)
        for i, post in enumerate(self._list(obj.get("posts") or [], f"{where}.posts")):
            p = self._obj(post, f"{where}.posts[{i}]")
            if p is not None:
                self.other(p, f"{where}.posts[{i}]", "post", organization_id=oid)
        return oid

    def _embedded_memberships(self, obj: Mapping[str, Any], where: str, **defaults: str) -> None:
        for i, m in enumerate(self._list(obj.get("memberships") or [], f"{where}.memberships")):
            mo = self._obj(m, f"{where}.memberships[{i}]")
            if mo is not None:
                self.membership(mo, f"{where}.memberships[{i}]", **defaults)

    def membership(
        self,
        obj: Mapping[str, Any],
        where: str,
        *,
        person_id: str | None = None,
        organization_id: str | None = None,
    ) -> None:
        member = self._str(obj, "person_id", where)
        if obj.get("person") is not None:
            p = self._obj(obj["person"], f"{where}.person")
            if p is not None:
                member = self.person(p, f"{where}.person", ref_ok=True) or member
        if obj.get("member") is not None:
            mo = self._obj(obj["member"], f"{where}.member")
            if mo is not None:
                is_org = mo.get("@type") == "Organization"
                body = {k: v for k, v in mo.items() if k != "@type"}
                member = (self.organization if is_org else self.person)(
                    body, f"{where}.member", ref_ok=True
                ) or member
        faction = self._str(obj, "organization_id", where)
        if obj.get("organization") is not None:
            o = self._obj(obj["organization"], f"{where}.organization")
            if o is not None:
                faction = self.organization(o, f"{where}.organization", ref_ok=True) or faction
        if obj.get("post") is not None:
            po = self._obj(obj["post"], f"{where}.post")
            if po is not None:
                self.other(po, f"{where}.post", "post")
        party = self._str(obj, "on_behalf_of_id", where)
        if obj.get("on_behalf_of") is not None:
            ob = self._obj(obj["on_behalf_of"], f"{where}.on_behalf_of")
            if ob is not None:
                party = self.organization(ob, f"{where}.on_behalf_of", ref_ok=True) or party
        member = member or person_id
        faction = faction or organization_id
        if member is None:
            self.errors.append(f"{where}: a membership needs person_id or member")
        if faction is None:
            self.errors.append(f"{where}: a membership needs organization_id")
        role = self._str(obj, "role", where)
        if role is None:
            role = self._str(obj, "label", where)
        start = self._date(obj, "start_date", where, "membership")
        end = self._date(obj, "end_date", where, "membership")
        handled = {
            "id",
            "person_id",
            "person",
            "member",
            "organization_id",
            "organization",
            "post",
            "role",
            "on_behalf_of_id",
            "on_behalf_of",
        }
        handled |= {"start_date", "end_date", "label" if obj.get("role") is None else "role"}
        self._skip_other(obj, "membership", frozenset(handled))
        if member is not None and faction is not None:
            self._add(
                self._build(
                    Membership,
                    where,
                    member=member,
                    faction=faction,
                    role=role,
                    start=start,
                    end=end,
                ),
                where,
            )
        if member is not None and party is not None:
            # EveryPolitician: a seat in a legislature held on behalf of a party is, for us,
            # also a membership of that party over the same period.
            self._add(
                self._build(Membership, where, member=member, faction=party, start=start, end=end),
                where,
            )

    def event(self, obj: Mapping[str, Any], where: str) -> None:
        eid = self._str(obj, "id", where, required=True)
        classification = self._str(obj, "classification", where)
        key = (classification or "").strip().lower().replace("-", "_").replace(" ", "_")
        kind = _EVENT_KINDS.get(key)
        participants = []
        for i, a in enumerate(self._list(obj.get("attendees") or [], f"{where}.attendees")):
            ao = self._obj(a, f"{where}.attendees[{i}]")
            if ao is not None:
                ref = self.person(ao, f"{where}.attendees[{i}]", ref_ok=True)
                part = (
                    self._build(Participant, f"{where}.attendees[{i}]", ref=ref)
                    if ref is not None
                    else None
                )
                if part is not None:
                    participants.append(part)
        organization = self._str(obj, "organization_id", where)
        if obj.get("organization") is not None:
            o = self._obj(obj["organization"], f"{where}.organization")
            if o is not None:
                organization = (
                    self.organization(o, f"{where}.organization", ref_ok=True) or organization
                )
        for i, child in enumerate(self._list(obj.get("children") or [], f"{where}.children")):
            c = self._obj(child, f"{where}.children[{i}]")
            if c is not None:
                self.event(c, f"{where}.children[{i}]")
        if kind is None:
            self.skipped["events (classification is not an event kind)"] += 1
            return
        start = self._date(obj, "start_date", where, "event")
        end = self._date(obj, "end_date", where, "event")
        handled = {
            "id",
            "classification",
            "attendees",
            "organization_id",
            "organization",
            "children",
        }
        handled |= {"name", "start_date", "end_date", "location"}
        self._skip_other(obj, "event", frozenset(handled))
        self._add(
            self._build(
                Event,
                where,
                id=eid,
                kind=kind,
                name=self._str(obj, "name", where),
                start=start,
                end=end,
                location=self._str(obj, "location", where),
                organization=organization,
                participants=tuple(participants),
            ),
            where,
        )

    def other(self, obj: Mapping[str, Any], where: str, kind: str, **defaults: str) -> None:
        """A Popolo object we do not model: count it, read the memberships it embeds."""
        self.skipped[f"{kind}s"] += 1
        if kind == "post":
            org = self._str(obj, "organization_id", where)
            if obj.get("organization") is not None:
                o = self._obj(obj["organization"], f"{where}.organization")
                if o is not None:
                    org = self.organization(o, f"{where}.organization", ref_ok=True) or org
            if org is not None:
                defaults = {**defaults, "organization_id": org}
        self._embedded_memberships(
            obj, where, **{k: v for k, v in defaults.items() if k == "organization_id"}
        )

    def any(self, obj: Mapping[str, Any], where: str) -> None:
        """A single Popolo object of a class told from its keys."""
        keys = {str(k) for k in obj}
        other = _other_kind(keys)
        if other is not None:
            self.other(obj, where, other)
        elif keys & _MEMBERSHIP_KEYS and "name" not in keys:
            self.membership(obj, where)
        elif keys & _EVENT_KEYS and not keys & _PERSON_KEYS:
            self.event(obj, where)
        elif keys & _PERSON_KEYS:
            self.person(obj, where)
        elif keys & _ORGANIZATION_KEYS or "children" in keys:
            self.organization(obj, where)
        elif isinstance(obj.get("memberships"), list) and obj["memberships"]:
            ms = [m for m in obj["memberships"] if isinstance(m, Mapping)]
            if ms and all("organization_id" in m and "person_id" not in m for m in ms):
                self.person(obj, where)
            else:
                self.organization(obj, where)
        elif "name" in keys and "id" in keys:
            self.person(obj, where)
        else:
            self.errors.append(
                f"{where}: not a Popolo person, organization, membership or event "
                f"(keys: {', '.join(sorted(keys)) or 'none'})"
            )


_SECTIONS = ("persons", "organizations", "memberships", "events")


def from_popolo(data: object, *, path: str | None = None) -> Corpus:
    """Build a corpus from decoded Popolo JSON (a document, an array or a single object).

    Raises:
        FormatError: Listing every problem with its JSON path, e.g.
            ``memberships[2].start_date: expected a date string like '2017'...``.

    Warns:
        LossWarning: Listing the Popolo fields and objects that were not read.
    """
    r = _Reader()
    if isinstance(data, Mapping) and any(k in data for k in _SECTIONS) and "id" not in data:
        for section in _SECTIONS:
            items = r._list(data.get(section) or [], section)
            for i, item in enumerate(items):
                obj = r._obj(item, f"{section}[{i}]")
                if obj is None:
                    continue
                where = f"{section}[{i}]"
                if section == "persons":
                    r.person(obj, where)
                elif section == "organizations":
                    r.organization(obj, where)
                elif section == "memberships":
                    r.membership(obj, where)
                else:
                    r.event(obj, where)
        for k, v in data.items():
            if k not in _SECTIONS and isinstance(v, list) and v:
                r.skipped[k] += len(v)
    elif isinstance(data, Mapping):
        r.any(data, "$")
    elif isinstance(data, list):
        for i, item in enumerate(data):
            obj = r._obj(item, f"[{i}]")
            if obj is not None:
                r.any(obj, f"[{i}]")
    else:
        r.errors.append(f"$: expected a Popolo object or document, got {_show(data)}")
    if r.errors:
        raise FormatError(_summary(r.errors), path=path, errors=r.errors)
    if r.skipped:
        warnings.warn(LossWarning("popolo", dict(r.skipped)), stacklevel=3)
    try:
        return Corpus(r.records)
    except DiscourseError as e:
        raise FormatError(str(e), path=path) from None


def read(path: Path) -> Corpus:
    """Read Popolo JSON: a document with ``persons``/``organizations``/``memberships``/``events``, or objects.

    Raises:
        FormatError: The file is not JSON or not Popolo; every problem is listed with its JSON path.

    Warns:
        LossWarning: Listing the Popolo fields and objects that were not read.
    """
    try:
        raw = path.read_bytes()
    except OSError as e:
        raise FormatError(f"cannot read: {e.strerror}", path=str(path)) from None
    return from_popolo(decode_json(raw, path=str(path)), path=str(path))


FORMAT = Format(
    name="popolo",
    extensions=(".popolo.json",),
    description="Popolo JSON (EveryPolitician layout): persons, organizations, memberships, events.",
    lossless=False,
    carries=(
        "actors (persons and organizations), factions (classification = kind, parent_id), "
        "memberships with partial dates, events (classification = kind, attendees)"
    ),
    drops=(
        "claims, sources, evidence, confidence, attributes, membership sources, "
        "event outcomes, participant roles"
    ),
    read=read,
    write=write,
)
