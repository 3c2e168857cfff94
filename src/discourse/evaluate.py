"""Scoring a coding of a text against a hand annotation, and agreement between two coders.

A *gold* file in the ``discourse-gold/1`` format (see ``docs/evaluate.md``)
holds one careful human coding of one text: its actors and factions, the
claims made in it with the character spans of their cue and quote, and the
events it reports with the span of their trigger. :func:`load_gold` reads and
checks such a file; :func:`evaluate` scores a predicted :class:`Corpus` (by
default, the output of :func:`discourse.parse.parse` on the gold's text)
against it; :func:`evaluate_files` does so for several documents and
micro-averages; :func:`agreement` compares two codings of the same text.

The matching rules are those of the gold format:

* **Names.** Names are compared after :func:`~discourse.normalize_name`
  (casefold, collapse whitespace, drop a leading "the" and a trailing
  possessive). Two entities match when a name or alias of one equals a name
  or alias of the other.
* **Entities.** Actors and factions are scored together; matches are
  one-to-one. Kind accuracy counts matched pairs whose coarse kind agrees
  (person, organization, or faction).
* **Claims.** A predicted claim matches a gold claim when the claimants match
  and one of its evidence spans overlaps the gold cue or quote span.
  Precision counts every predicted claim (matching an optional gold claim is
  correct); recall counts only required gold claims. Target and stance
  accuracy are computed on matched pairs whose gold target (stance) is set.
* **Events.** A predicted event matches when the kinds are equal and one of
  its evidence spans overlaps the gold trigger span; precision and recall as
  for claims.

Claims and events are also matched one-to-one (a maximum matching that
first maximises the required gold items found), so a duplicated prediction
counts once as correct and once as spurious. A claimant that is an
:class:`~discourse.Actor` with ``attributes={"author": True}`` is the text's
own author and matches the gold claimant ``"<author>"``; such an actor is not
scored as an entity.

Examples:
    >>> import discourse as dc
    >>> from discourse.evaluate import agreement
    >>> a = dc.Corpus([dc.Actor(id="jc", name="Jeremy Corbyn", aliases=("Corbyn",))])
    >>> b = dc.Corpus([dc.Actor(id="corbyn", name="Corbyn")])
    >>> agreement(a, b).entities.f1
    1.0
"""

from __future__ import annotations

import importlib
import json
import os
import re
from collections import deque
from collections.abc import Callable, Iterable, Mapping, Sequence
from pathlib import Path
from typing import Any, Protocol

from attrs import define, field

from discourse.corpus import Corpus, normalize_name
from discourse.errors import FormatError
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
    Participant,
    Record,
    Source,
    Span,
    Stance,
)

__all__ = [
    "AUTHOR",
    "GOLD_FORMAT",
    "Gold",
    "GoldActor",
    "GoldClaim",
    "GoldEvent",
    "GoldFaction",
    "GoldMembership",
    "GoldParticipant",
    "Ratio",
    "Report",
    "Scores",
    "SupportsParse",
    "Tally",
    "agreement",
    "evaluate",
    "evaluate_files",
    "load_gold",
    "parse_gold",
]

GOLD_FORMAT = "discourse-gold/1"
"""The value of the ``format`` key of a gold file."""

AUTHOR = "<author>"
"""The gold claimant name that stands for the text's own author."""

_AUTHOR_KEY = normalize_name(AUTHOR)

StrPath = str | os.PathLike[str]


# --- the gold records -----------------------------------------------------------------------


@define(frozen=True, slots=True, kw_only=True)
class GoldActor:
    """A person or single organization in a gold annotation.

    Attributes:
        name: The canonical name.
        kind: ``"person"`` or ``"organization"``.
        aliases: Other surface forms in the text.
        roles: Role phrases as written.
    """

    name: str
    kind: str
    aliases: tuple[str, ...] = ()
    roles: tuple[str, ...] = ()

    @property
    def names(self) -> tuple[str, ...]:
        """The name followed by the aliases."""
        return (self.name, *self.aliases)


@define(frozen=True, slots=True, kw_only=True)
class GoldFaction:
    """A party, wing, tendency, group, union or bloc in a gold annotation.

    Attributes:
        name: The canonical name.
        kind: A :class:`~discourse.FactionKind` value.
        party: Name of the parent party, or ``None``.
        aliases: Other surface forms in the text.
    """

    name: str
    kind: str
    party: str | None = None
    aliases: tuple[str, ...] = ()

    @property
    def names(self) -> tuple[str, ...]:
        """The name followed by the aliases."""
        return (self.name, *self.aliases)


@define(frozen=True, slots=True, kw_only=True)
class GoldMembership:
    """A member (actor or faction) belonging to a faction in a gold annotation.

    Attributes:
        member: Name of the actor or faction.
        faction: Name of the faction.
        role: The role, or ``None``.
    """

    member: str
    faction: str
    role: str | None = None


@define(frozen=True, slots=True, kw_only=True)
class GoldClaim:
    """A claim in a gold annotation.

    Attributes:
        claimant: Name of an actor or faction, or ``"<author>"``.
        cue: The reporting verb or act, as written.
        cue_span: ``(start, end)`` of the cue in the text.
        form: A :class:`~discourse.ClaimForm` value.
        quote: The quoted words, or ``None``.
        quote_span: ``(start, end)`` of the quote, or ``None``.
        target: Name of the actor or faction the claim is for or against, or ``None``.
        stance: ``"support"``, ``"oppose"`` (or ``"neutral"``), or ``None``.
        required: Whether recall counts it.
        gloss: What the claim says, in plain words.
    """

    claimant: str
    cue: str
    cue_span: tuple[int, int]
    form: str
    quote: str | None = None
    quote_span: tuple[int, int] | None = None
    target: str | None = None
    stance: str | None = None
    required: bool = True
    gloss: str | None = None

    @property
    def spans(self) -> tuple[tuple[int, int], ...]:
        """The cue span, then the quote span if there is one."""
        return (self.cue_span,) if self.quote_span is None else (self.cue_span, self.quote_span)


@define(frozen=True, slots=True, kw_only=True)
class GoldParticipant:
    """An actor or faction taking part in a gold event.

    Attributes:
        name: Name of the actor or faction.
        role: Its role, e.g. ``"winner"``, or ``None``.
    """

    name: str
    role: str | None = None


@define(frozen=True, slots=True, kw_only=True)
class GoldEvent:
    """An event in a gold annotation.

    Attributes:
        kind: An :class:`~discourse.EventKind` value.
        trigger_span: ``(start, end)`` of the words that report the event.
        name: A name, or ``None``.
        organization: Name of the organization it happened in, or ``None``.
        participants: Who took part, with their roles.
        outcome: The result in plain words, or ``None``.
        required: Whether recall counts it.
    """

    kind: str
    trigger_span: tuple[int, int]
    name: str | None = None
    organization: str | None = None
    participants: tuple[GoldParticipant, ...] = ()
    outcome: str | None = None
    required: bool = True


GoldEntity = GoldActor | GoldFaction


@define(frozen=True, slots=True, kw_only=True)
class Gold:
    """One hand-coded document in the ``discourse-gold/1`` format, with its text.

    Build it with :func:`load_gold` (from a file) or :func:`parse_gold` (from
    decoded JSON); both check it.

    Attributes:
        document: The file name of the text.
        text: The text the offsets point into.
        actors: The persons and organizations.
        factions: The parties, wings, groups...
        memberships: Who belongs to which faction.
        claims: The claims, with cue and quote spans.
        events: The events, with trigger spans.
        note: The annotator's note, if any.
        path: The gold file it was read from, if any.
    """

    document: str
    text: str
    actors: tuple[GoldActor, ...] = ()
    factions: tuple[GoldFaction, ...] = ()
    memberships: tuple[GoldMembership, ...] = ()
    claims: tuple[GoldClaim, ...] = ()
    events: tuple[GoldEvent, ...] = ()
    note: str | None = None
    path: Path | None = field(default=None, eq=False)

    @property
    def entities(self) -> tuple[GoldEntity, ...]:
        """The actors followed by the factions."""
        return (*self.actors, *self.factions)

    def resolve(self, name: str) -> GoldEntity | None:
        """The actor or faction that ``name`` names (by name or alias), or ``None``.

        Examples:
            >>> g = parse_gold({"format": "discourse-gold/1", "document": "t.txt",
            ...     "actors": [{"name": "Jeremy Corbyn", "kind": "person", "aliases": ["Corbyn"]}]},
            ...     text="Corbyn spoke.")
            >>> g.resolve("the Corbyn's").name
            'Jeremy Corbyn'
        """
        key = normalize_name(name)
        for e in self.entities:
            if any(normalize_name(n) == key for n in e.names):
                return e
        return None

    def to_corpus(self, *, source: str | None = None) -> Corpus:
        """This coding as a :class:`Corpus`, so it can be compared with another coding.

        Actors, factions, memberships, claims, events and one :class:`Source`
        (holding the text) are created with ids derived from the names.
        Claims carry their cue and quote spans as evidence, events their
        trigger span; ``required`` is kept in ``attributes``, and ``gloss`` in
        the claim's ``text``. The ``"<author>"`` claimant becomes an actor
        with ``attributes={"author": True}``.

        Args:
            source: The id of the source record (default: derived from ``document``).
        """
        sid = source or _slug(Path(self.document).stem) or "document"
        taken: set[str] = {sid}
        ids: dict[int, str] = {}
        records: list[Record] = [Source(id=sid, title=self.document, text=self.text)]

        def new_id(base: str) -> str:
            base = _slug(base) or "x"
            out, n = base, 2
            while out in taken:
                out, n = f"{base}-{n}", n + 1
            taken.add(out)
            return out

        for a in self.actors:
            ids[id(a)] = new_id(a.name)
        for f in self.factions:
            ids[id(f)] = new_id(f.name)
        author_id: str | None = None

        def opt(name: str | None) -> str | None:
            return None if name is None else ref(name)

        def ref(name: str) -> str:
            nonlocal author_id
            if normalize_name(name) == _AUTHOR_KEY:
                if author_id is None:
                    author_id = new_id("author")
                return author_id
            e = self.resolve(name)
            return ids[id(e)] if e is not None else new_id(name)

        for a in self.actors:
            attrs: dict[str, Any] = {"roles": list(a.roles)} if a.roles else {}
            records.append(
                Actor(id=ids[id(a)], name=a.name, kind=a.kind, aliases=a.aliases, attributes=attrs)
            )
        for f in self.factions:
            records.append(
                Faction(
                    id=ids[id(f)], name=f.name, kind=f.kind, parent=opt(f.party), aliases=f.aliases
                )
            )
        for m in self.memberships:
            records.append(
                Membership(
                    member=ref(m.member), faction=ref(m.faction), role=m.role, sources=(sid,)
                )
            )
        for i, c in enumerate(self.claims, 1):
            spans = [Span(source=sid, start=c.cue_span[0], end=c.cue_span[1], text=c.cue)]
            if c.quote_span is not None:
                spans.append(
                    Span(source=sid, start=c.quote_span[0], end=c.quote_span[1], text=c.quote)
                )
            records.append(
                Claim(
                    id=new_id(f"claim-{i}"),
                    claimant=ref(c.claimant),
                    form=c.form,
                    target=opt(c.target),
                    stance=c.stance,
                    text=c.gloss,
                    quote=c.quote,
                    evidence=tuple(spans),
                    attributes={"required": c.required, "cue": c.cue},
                )
            )
        for i, e in enumerate(self.events, 1):
            s, t = e.trigger_span
            parts = []
            for p in e.participants:
                parts.append(Participant(ref=ref(p.name), role=p.role))
            records.append(
                Event(
                    id=new_id(f"event-{i}"),
                    kind=e.kind,
                    name=e.name,
                    organization=opt(e.organization),
                    participants=tuple(parts),
                    outcome=e.outcome,
                    evidence=(Span(source=sid, start=s, end=t, text=self.text[s:t]),),
                    attributes={"required": e.required},
                )
            )
        if author_id is not None:
            records.append(Actor(id=author_id, name=AUTHOR, attributes={"author": True}))
        return Corpus(records)


def _slug(name: str) -> str:
    return re.sub(r"[\W_]+", "-", name.casefold()).strip("-")


# --- reading and checking gold files ---------------------------------------------------------


class _Checker:
    """Reads decoded JSON into gold records, collecting every problem with its JSON path."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.errors: list[str] = []

    def err(self, where: str, message: str) -> None:
        self.errors.append(f"{where}: {message}")

    def obj(
        self, value: object, where: str, allowed: Iterable[str], required: Iterable[str]
    ) -> bool:
        if not isinstance(value, Mapping):
            self.err(where, f"expected an object, got {_show(value)}")
            return False
        allowed = {*allowed, "note"}
        for k in value:
            if k not in allowed:
                self.err(f"{where}.{k}" if isinstance(k, str) else where, "unknown key")
        for k in required:
            if k not in value:
                self.err(f"{where}.{k}", "missing")
        return True

    def string(
        self, m: Mapping[str, Any], key: str, where: str, *, null: bool = False
    ) -> str | None:
        v = m.get(key)
        if v is None and (null or key not in m):
            return None
        if isinstance(v, str) and v.strip():
            return v
        self.err(
            f"{where}.{key}",
            f"expected a non-empty string{' or null' if null else ''}, got {_show(v)}",
        )
        return None

    def choice(
        self,
        m: Mapping[str, Any],
        key: str,
        where: str,
        allowed: Sequence[str],
        *,
        null: bool = False,
    ) -> str | None:
        v = m.get(key)
        if v is None and (null or key not in m):
            return None
        if isinstance(v, str) and v in allowed:
            return v
        self.err(
            f"{where}.{key}",
            f"{_show(v)} is not one of {', '.join(allowed)}{' or null' if null else ''}",
        )
        return None

    def strings(self, m: Mapping[str, Any], key: str, where: str) -> tuple[str, ...]:
        v = m.get(key, [])
        if not isinstance(v, list):
            self.err(f"{where}.{key}", f"expected a list of strings, got {_show(v)}")
            return ()
        out = []
        for i, s in enumerate(v):
            if isinstance(s, str) and s.strip():
                out.append(s)
            else:
                self.err(f"{where}.{key}[{i}]", f"expected a non-empty string, got {_show(s)}")
        return tuple(out)

    def boolean(self, m: Mapping[str, Any], key: str, where: str) -> bool:
        v = m.get(key, True)
        if isinstance(v, bool):
            return v
        self.err(f"{where}.{key}", f"expected true or false, got {_show(v)}")
        return True

    def span(
        self, m: Mapping[str, Any], key: str, where: str, *, null: bool = False
    ) -> tuple[int, int] | None:
        v = m.get(key)
        if v is None and (null or key not in m):
            return None
        if not (
            isinstance(v, list)
            and len(v) == 2
            and all(type(x) is int for x in v)  # bool is not an offset
        ):
            self.err(
                f"{where}.{key}",
                f"expected [start, end]{' or null' if null else ''}, got {_show(v)}",
            )
            return None
        s, e = v
        if not 0 <= s < e:
            self.err(f"{where}.{key}", f"expected 0 <= start < end, got [{s}, {e}]")
            return None
        if e > len(self.text):
            self.err(
                f"{where}.{key}",
                f"[{s}, {e}] runs past the end of the text ({len(self.text)} characters)",
            )
            return None
        return (s, e)

    def words(self, span: tuple[int, int] | None, words: str | None, where: str, key: str) -> None:
        """Check that the text at ``span`` reads ``words``."""
        if span is None or words is None:
            return
        found = self.text[span[0] : span[1]]
        if found != words:
            self.err(
                f"{where}.{key}",
                f"{words!r} but the text at [{span[0]}, {span[1]}] reads {found!r}",
            )

    def records(self, data: Mapping[str, Any], key: str, where: str = "") -> list[tuple[str, Any]]:
        path = f"{where}.{key}" if where else key
        v = data.get(key, [])
        if not isinstance(v, list):
            self.err(path, f"expected a list, got {_show(v)}")
            return []
        return [(f"{path}[{i}]", r) for i, r in enumerate(v)]


def _show(value: object) -> str:
    if isinstance(value, Mapping):
        return "an object"
    if isinstance(value, list):
        return f"a list of {len(value)}"
    if isinstance(value, (str, int, float, bool)) or value is None:
        s = json.dumps(value, ensure_ascii=False)
    else:
        s = repr(value)
    return s if len(s) <= 60 else s[:57] + "..."


_ACTOR_KINDS = tuple(str(k) for k in ActorKind)
_FACTION_KINDS = tuple(str(k) for k in FactionKind)
_CLAIM_FORMS = tuple(str(k) for k in ClaimForm)
_STANCES = tuple(str(k) for k in Stance)
_EVENT_KINDS = tuple(str(k) for k in EventKind)


def parse_gold(data: object, *, text: str, path: StrPath | None = None) -> Gold:
    """Check decoded ``discourse-gold/1`` JSON and build a :class:`Gold` from it.

    Every problem is collected before raising, each with its JSON path
    (``claims[2].cue_span: expected [start, end], got "12-30"``). Besides the
    types, it checks that spans lie inside ``text``, that the text at each
    ``cue_span`` and ``quote_span`` reads the ``cue`` and ``quote``, that every
    name used by a claim, membership, party, organization or participant is
    an actor or faction of the document (or ``"<author>"`` for a claimant),
    and that no name or alias belongs to two entities.

    Args:
        data: The decoded JSON document.
        text: The text the offsets point into.
        path: The gold file, for error messages.

    Raises:
        FormatError: The document is not valid; ``errors`` lists every problem.
    """
    where_file = os.fspath(path) if path is not None else None
    ck = _Checker(text)
    if not ck.obj(
        data,
        "$",
        ("format", "document", "actors", "factions", "memberships", "claims", "events"),
        ("format", "document"),
    ):
        raise FormatError(ck.errors[0], path=where_file, errors=ck.errors)
    assert isinstance(data, Mapping)
    if "format" in data and data["format"] != GOLD_FORMAT:
        ck.err("format", f"expected {GOLD_FORMAT!r}, got {_show(data['format'])}")
    document = ck.string(data, "document", "$") or ""
    note = data.get("note") if isinstance(data.get("note"), str) else None

    actors: list[GoldActor] = []
    actor_records, faction_records = ck.records(data, "actors"), ck.records(data, "factions")
    for w, r in actor_records:
        if ck.obj(r, w, ("name", "kind", "aliases", "roles"), ("name", "kind")):
            name, kind = ck.string(r, "name", w), ck.choice(r, "kind", w, _ACTOR_KINDS)
            aliases, roles = ck.strings(r, "aliases", w), ck.strings(r, "roles", w)
            if name and kind:
                actors.append(GoldActor(name=name, kind=kind, aliases=aliases, roles=roles))
    factions: list[GoldFaction] = []
    faction_paths: list[tuple[str, Mapping[str, Any]]] = []
    for w, r in faction_records:
        if ck.obj(r, w, ("name", "kind", "party", "aliases"), ("name", "kind")):
            name, kind = ck.string(r, "name", w), ck.choice(r, "kind", w, _FACTION_KINDS)
            party, aliases = ck.string(r, "party", w, null=True), ck.strings(r, "aliases", w)
            if name and kind:
                factions.append(GoldFaction(name=name, kind=kind, party=party, aliases=aliases))
                faction_paths.append((w, r))

    # names: each normalized name or alias belongs to one entity
    owner: dict[str, tuple[str, str]] = {}  # normalized name -> (path, kind of record)
    for w, r in actor_records + faction_records:
        if not isinstance(r, Mapping):
            continue
        more = r.get("aliases")
        names = [r.get("name"), *(more if isinstance(more, list) else [])]
        for j, n in enumerate(names):
            if not isinstance(n, str) or not n.strip():
                continue
            key = normalize_name(n)
            prev = owner.get(key)
            if prev is not None and prev[0] != w:
                where = f"{w}.name" if j == 0 else f"{w}.aliases[{j - 1}]"
                ck.err(where, f"{n!r} is also a name of {prev[0]} ({prev[1]!r})")
            else:
                owner[key] = (w, n)
    kinds = {normalize_name(n): "actor" for a in actors for n in a.names}
    kinds.update({normalize_name(n): "faction" for f in factions for n in f.names})

    def known(name: str | None, where: str, *, faction: bool = False, author: bool = False) -> None:
        if name is None:
            return
        key = normalize_name(name)
        if author and key == _AUTHOR_KEY:
            return
        k = kinds.get(key)
        if k is None:
            what = "a faction" if faction else "an actor or faction"
            ck.err(where, f"{name!r} is not the name or alias of {what} of this document")
        elif faction and k != "faction":
            ck.err(where, f"{name!r} is an actor, expected a faction")

    for (w, _), f in zip(faction_paths, factions, strict=True):
        known(f.party, f"{w}.party", faction=True)

    memberships: list[GoldMembership] = []
    for w, r in ck.records(data, "memberships"):
        if ck.obj(r, w, ("member", "faction", "role"), ("member", "faction")):
            member, fac = ck.string(r, "member", w), ck.string(r, "faction", w)
            role = ck.string(r, "role", w, null=True)
            known(member, f"{w}.member")
            known(fac, f"{w}.faction", faction=True)
            if member and fac:
                memberships.append(GoldMembership(member=member, faction=fac, role=role))

    claims: list[GoldClaim] = []
    claim_keys = (
        "claimant",
        "cue",
        "cue_span",
        "form",
        "quote",
        "quote_span",
        "target",
        "stance",
        "required",
        "gloss",
    )
    for w, r in ck.records(data, "claims"):
        if not ck.obj(r, w, claim_keys, ("claimant", "cue", "cue_span", "form", "required")):
            continue
        claimant, cue = ck.string(r, "claimant", w), ck.string(r, "cue", w)
        cue_span, form = ck.span(r, "cue_span", w), ck.choice(r, "form", w, _CLAIM_FORMS)
        quote, quote_span = (
            ck.string(r, "quote", w, null=True),
            ck.span(r, "quote_span", w, null=True),
        )
        if (r.get("quote") is None) != (r.get("quote_span") is None):
            ck.err(f"{w}.quote_span", "quote and quote_span must both be set or both be null")
        target = ck.string(r, "target", w, null=True)
        stance = ck.choice(r, "stance", w, _STANCES, null=True)
        required, gloss = ck.boolean(r, "required", w), ck.string(r, "gloss", w, null=True)
        known(claimant, f"{w}.claimant", author=True)
        known(target, f"{w}.target", author=True)
        ck.words(cue_span, cue, w, "cue")
        ck.words(quote_span, quote, w, "quote")
        if claimant and cue and cue_span and form:
            claims.append(
                GoldClaim(
                    claimant=claimant,
                    cue=cue,
                    cue_span=cue_span,
                    form=form,
                    quote=quote,
                    quote_span=quote_span,
                    target=target,
                    stance=stance,
                    required=required,
                    gloss=gloss,
                )
            )

    events: list[GoldEvent] = []
    event_keys = (
        "kind",
        "name",
        "trigger_span",
        "organization",
        "participants",
        "outcome",
        "required",
    )
    for w, r in ck.records(data, "events"):
        if not ck.obj(r, w, event_keys, ("kind", "trigger_span", "required")):
            continue
        kind, trigger = ck.choice(r, "kind", w, _EVENT_KINDS), ck.span(r, "trigger_span", w)
        name, org = ck.string(r, "name", w, null=True), ck.string(r, "organization", w, null=True)
        outcome, required = ck.string(r, "outcome", w, null=True), ck.boolean(r, "required", w)
        known(org, f"{w}.organization")
        parts: list[GoldParticipant] = []
        for pw, p in ck.records(r, "participants", w):
            if ck.obj(p, pw, ("name", "role"), ("name",)):
                pname, role = ck.string(p, "name", pw), ck.string(p, "role", pw, null=True)
                known(pname, f"{pw}.name")
                if pname:
                    parts.append(GoldParticipant(name=pname, role=role))
        if kind and trigger:
            events.append(
                GoldEvent(
                    kind=kind,
                    trigger_span=trigger,
                    name=name,
                    organization=org,
                    participants=tuple(parts),
                    outcome=outcome,
                    required=required,
                )
            )

    if ck.errors:
        n = len(ck.errors)
        head = f"{n} problem{'s' if n != 1 else ''} in gold document:\n"
        raise FormatError(
            head + "\n".join(f"  {e}" for e in ck.errors), path=where_file, errors=ck.errors
        )
    return Gold(
        document=document,
        text=text,
        actors=tuple(actors),
        factions=tuple(factions),
        memberships=tuple(memberships),
        claims=tuple(claims),
        events=tuple(events),
        note=note,
        path=Path(path) if path is not None else None,
    )


def load_gold(path: StrPath, *, text: str | None = None) -> Gold:
    """Read and check a ``discourse-gold/1`` file and the text beside it.

    Args:
        path: The gold file (``*.gold.json``).
        text: The annotated text; by default the file named by the gold's
            ``document`` key is read (UTF-8) from the gold file's folder.

    Returns:
        The checked annotation, with its text.

    Raises:
        FormatError: The file cannot be read, is not JSON, or is not a valid
            gold document (all problems are listed in ``errors``), or the text
            file is missing.

    Examples:
        >>> gold = load_gold("../shared/corpus/labour-2017-unite.gold.json")  # doctest: +SKIP
        >>> gold.claims[0].cue  # doctest: +SKIP
        'has warned'
    """
    p = Path(path)
    try:
        raw = p.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as e:
        raise FormatError(f"cannot read the gold file: {e}", path=str(p)) from None
    try:
        data = json.loads(raw)
    except json.JSONDecodeError as e:
        raise FormatError(
            f"line {e.lineno}: not valid JSON: {e.msg}", path=str(p), line=e.lineno
        ) from None
    if text is None:
        doc = data.get("document") if isinstance(data, dict) else None
        if not isinstance(doc, str) or not doc.strip():
            raise FormatError(
                "document: expected the file name of the text; or pass text=...", path=str(p)
            )
        tp = p.parent / doc
        try:
            text = tp.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError) as e:
            raise FormatError(
                f"document: cannot read the text {doc!r} beside the gold file: {e}", path=str(p)
            ) from None
    return parse_gold(data, text=text, path=p)


# --- the scores ------------------------------------------------------------------------------


def _ratio(num: int, den: int, *, empty: float) -> float:
    return num / den if den else empty


@define(frozen=True, slots=True, kw_only=True)
class Tally:
    """The counts behind precision, recall and F1 for one category.

    When nothing is predicted and nothing is expected, precision, recall and
    F1 are 1.0; a ratio with a zero denominator is otherwise 0.0.

    Attributes:
        predicted: Number of predicted items.
        correct: Predicted items matched to a gold item (required or optional).
        gold: Gold items that recall counts (the required ones).
        found: Of those, the ones matched.
    """

    predicted: int = 0
    correct: int = 0
    gold: int = 0
    found: int = 0

    @property
    def _empty(self) -> float:
        return 1.0 if self.predicted == 0 and self.gold == 0 else 0.0

    @property
    def precision(self) -> float:
        """``correct / predicted``."""
        return _ratio(self.correct, self.predicted, empty=self._empty)

    @property
    def recall(self) -> float:
        """``found / gold``."""
        return _ratio(self.found, self.gold, empty=self._empty)

    @property
    def f1(self) -> float:
        """The harmonic mean of precision and recall."""
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def __add__(self, other: Tally) -> Tally:
        return Tally(
            predicted=self.predicted + other.predicted,
            correct=self.correct + other.correct,
            gold=self.gold + other.gold,
            found=self.found + other.found,
        )


@define(frozen=True, slots=True, kw_only=True)
class Ratio:
    """An accuracy: how many of the judged items were right.

    Attributes:
        correct: Items judged right.
        total: Items judged.
    """

    correct: int = 0
    total: int = 0

    @property
    def value(self) -> float | None:
        """``correct / total``, or ``None`` when nothing was judged."""
        return self.correct / self.total if self.total else None

    def __add__(self, other: Ratio) -> Ratio:
        return Ratio(correct=self.correct + other.correct, total=self.total + other.total)


_CATEGORIES = ("entities", "claims", "events")


def _fmt(x: float | None) -> str:
    return "    -" if x is None else f"{x:.3f}"


@define(frozen=True, slots=True, kw_only=True)
class Scores:
    """How a coding scores against a gold coding of one document (or a sum of several).

    Examples:
        >>> s = Scores(claims=Tally(predicted=3, correct=2, gold=2, found=2))
        >>> round(s.claims.precision, 3), s.claims.recall
        (0.667, 1.0)

    Attributes:
        document: The document scored, if one.
        entities: Actors and factions.
        claims: Claims.
        events: Events.
        kind: Matched entities whose coarse kind (person, organization, faction) agrees.
        target: Matched claims with a gold target whose predicted target matches it.
        stance: Matched claims with a gold stance whose predicted stance equals it.
        notes: One readable line per miss, spurious item or wrong target/stance.
    """

    document: str | None = None
    entities: Tally = field(factory=Tally)
    claims: Tally = field(factory=Tally)
    events: Tally = field(factory=Tally)
    kind: Ratio = field(factory=Ratio)
    target: Ratio = field(factory=Ratio)
    stance: Ratio = field(factory=Ratio)
    notes: tuple[str, ...] = ()

    @property
    def kind_accuracy(self) -> float | None:
        """Kind accuracy over matched entities (``None`` if none matched)."""
        return self.kind.value

    @property
    def target_accuracy(self) -> float | None:
        """Target accuracy over matched claims with a gold target (``None`` if none)."""
        return self.target.value

    @property
    def stance_accuracy(self) -> float | None:
        """Stance accuracy over matched claims with a gold stance (``None`` if none)."""
        return self.stance.value

    @property
    def counts(self) -> dict[str, dict[str, int]]:
        """Every count, by category: ``{"claims": {"predicted": 3, "correct": 2, ...}, ...}``."""
        out: dict[str, dict[str, int]] = {}
        for c in _CATEGORIES:
            t: Tally = getattr(self, c)
            out[c] = {
                "predicted": t.predicted,
                "correct": t.correct,
                "gold": t.gold,
                "found": t.found,
            }
        for c in ("kind", "target", "stance"):
            r: Ratio = getattr(self, c)
            out[c] = {"correct": r.correct, "total": r.total}
        return out

    def __add__(self, other: Scores) -> Scores:
        return Scores(
            entities=self.entities + other.entities,
            claims=self.claims + other.claims,
            events=self.events + other.events,
            kind=self.kind + other.kind,
            target=self.target + other.target,
            stance=self.stance + other.stance,
            notes=self.notes + other.notes,
        )

    def format(self, *, notes: bool = False) -> str:
        """A readable table of the figures (and, with ``notes=True``, every miss).

        Examples:
            >>> print(Scores(events=Tally(predicted=2, correct=1, gold=1, found=1)).format())
            ... # doctest: +NORMALIZE_WHITESPACE
            category  predicted correct gold found precision recall    f1
            entities          0       0    0     0     1.000  1.000 1.000
            claims            0       0    0     0     1.000  1.000 1.000
            events            2       1    1     1     0.500  1.000 0.667
            kind accuracy       -
            target accuracy     -
            stance accuracy     -
        """
        lines = [] if self.document is None else [self.document]
        lines.append(f"{'category':<9} predicted correct gold found precision recall    f1")
        for c in _CATEGORIES:
            t: Tally = getattr(self, c)
            lines.append(
                f"{c:<9} {t.predicted:>9} {t.correct:>7} {t.gold:>4} {t.found:>5}"
                f" {t.precision:>9.3f} {t.recall:>6.3f} {t.f1:>5.3f}"
            )
        for c in ("kind", "target", "stance"):
            r: Ratio = getattr(self, c)
            extra = f" ({r.correct}/{r.total})" if r.total else ""
            lines.append(f"{c + ' accuracy':<16} {_fmt(r.value)}{extra}")
        if notes and self.notes:
            lines.append("notes:")
            lines.extend(f"  {n}" for n in self.notes)
        return "\n".join(lines)

    def __str__(self) -> str:
        return self.format()


@define(frozen=True, slots=True, kw_only=True)
class Report:
    """Scores of several documents and their micro-average.

    Attributes:
        documents: The scores of each document, in the order given.
    """

    documents: tuple[Scores, ...] = ()

    @property
    def total(self) -> Scores:
        """The micro-average: every count summed over the documents."""
        out = Scores()
        for s in self.documents:
            out = out + s
        return out

    @property
    def entities(self) -> Tally:
        """Summed entity counts (``.precision``, ``.recall``, ``.f1``)."""
        return self.total.entities

    @property
    def claims(self) -> Tally:
        """Summed claim counts."""
        return self.total.claims

    @property
    def events(self) -> Tally:
        """Summed event counts."""
        return self.total.events

    @property
    def kind_accuracy(self) -> float | None:
        """Micro-averaged kind accuracy."""
        return self.total.kind_accuracy

    @property
    def target_accuracy(self) -> float | None:
        """Micro-averaged target accuracy."""
        return self.total.target_accuracy

    @property
    def stance_accuracy(self) -> float | None:
        """Micro-averaged stance accuracy."""
        return self.total.stance_accuracy

    @property
    def counts(self) -> dict[str, dict[str, int]]:
        """Summed counts by category (see :attr:`Scores.counts`)."""
        return self.total.counts

    def format(self, *, notes: bool = False) -> str:
        """One line of F1 figures per document, then the micro-averaged table."""
        width = max([8, *(len(s.document or "") for s in self.documents)])
        lines = [f"{'document':<{width}}  entities  claims  events  (F1)"]
        for s in self.documents:
            e, c, v = s.entities.f1, s.claims.f1, s.events.f1
            lines.append(f"{s.document or '':<{width}}  {e:>8.3f}  {c:>6.3f}  {v:>6.3f}")
        n = len(self.documents)
        lines.append("")
        lines.append(f"micro-average over {n} document{'s' if n != 1 else ''}")
        lines.append(self.total.format(notes=False))
        if notes:
            for s in self.documents:
                if s.notes:
                    lines.append(f"notes on {s.document}:")
                    lines.extend(f"  {x}" for x in s.notes)
        return "\n".join(lines)

    def __str__(self) -> str:
        return self.format()


# --- the comparison --------------------------------------------------------------------------


@define(frozen=True, slots=True)
class _Ref:
    """Who a claimant or target is: normalized names, and whether it is the author."""

    names: frozenset[str]
    author: bool
    label: str

    def same(self, other: _Ref) -> bool:
        return (self.author and other.author) or not self.names.isdisjoint(other.names)


@define(frozen=True, slots=True)
class _Ent:
    names: frozenset[str]
    kind: str
    label: str


@define(frozen=True, slots=True)
class _Clm:
    claimant: _Ref
    spans: tuple[tuple[int, int], ...]
    target: _Ref | None
    stance: str | None
    required: bool
    label: str


@define(frozen=True, slots=True)
class _Evt:
    kind: str
    spans: tuple[tuple[int, int], ...]
    required: bool
    label: str


@define(frozen=True, slots=True)
class _View:
    """One coding reduced to what the matching rules look at."""

    entities: tuple[_Ent, ...]
    claims: tuple[_Clm, ...]
    events: tuple[_Evt, ...]


def _names(names: Iterable[str]) -> frozenset[str]:
    return frozenset(k for k in map(normalize_name, names) if k)


def _quote_text(text: str | None, spans: Sequence[tuple[int, int]]) -> str:
    if not spans:
        return "no evidence"
    s, e = spans[0]
    words = f" {text[s:e]!r}" if text is not None and e <= len(text) else ""
    return f"[{s}:{e}]{words}"


def _view_of_gold(gold: Gold) -> _View:
    def ref(name: str) -> _Ref:
        if normalize_name(name) == _AUTHOR_KEY:
            return _Ref(frozenset({_AUTHOR_KEY}), True, AUTHOR)
        e = gold.resolve(name)
        return _Ref(_names(e.names if e is not None else (name,)), False, name)

    ents = tuple(_Ent(_names(a.names), a.kind, a.name) for a in gold.actors) + tuple(
        _Ent(_names(f.names), "faction", f.name) for f in gold.factions
    )
    claims = tuple(
        _Clm(
            ref(c.claimant),
            c.spans,
            None if c.target is None else ref(c.target),
            c.stance,
            c.required,
            f"claims[{i}] {c.claimant}: {c.cue!r} [{c.cue_span[0]}:{c.cue_span[1]}]",
        )
        for i, c in enumerate(gold.claims)
    )
    events = tuple(
        _Evt(
            e.kind,
            (e.trigger_span,),
            e.required,
            f"events[{i}] {e.kind} {_quote_text(gold.text, [e.trigger_span])}",
        )
        for i, e in enumerate(gold.events)
    )
    return _View(ents, claims, events)


def _is_author(r: object) -> bool:
    return isinstance(r, Actor) and r.attributes.get("author") is True


def _view_of_corpus(corpus: Corpus, text: str | None) -> _View:
    def ref(rid: str) -> _Ref:
        r = corpus.get(rid)
        if isinstance(r, (Actor, Faction)):
            return _Ref(_names(r.names), _is_author(r), r.name)
        return _Ref(_names((rid,)), False, rid)

    ents: list[_Ent] = [
        _Ent(_names(a.names), str(a.kind), a.name) for a in corpus.actors if not _is_author(a)
    ]
    ents += [_Ent(_names(f.names), "faction", f.name) for f in corpus.factions]
    claims = []
    for c in corpus.of_type(Claim):
        spans = tuple((s.start, s.end) for s in c.evidence)
        cl = ref(c.claimant)
        claims.append(
            _Clm(
                cl,
                spans,
                None if c.target is None else ref(c.target),
                None if c.stance is None else str(c.stance),
                c.attributes.get("required", True) is not False,
                f"{c.id!r} {cl.label}: {c.form} {_quote_text(text, spans)}",
            )
        )
    events = []
    for e in corpus.events:
        spans = tuple((s.start, s.end) for s in e.evidence)
        events.append(
            _Evt(
                str(e.kind),
                spans,
                e.attributes.get("required", True) is not False,
                f"{e.id!r} {e.kind} {_quote_text(text, spans)}",
            )
        )
    return _View(tuple(ents), tuple(claims), tuple(events))


def _overlap(a: Sequence[tuple[int, int]], b: Sequence[tuple[int, int]]) -> bool:
    return any(s < f and t < e for s, e in a for t, f in b)


def _match(
    gold: Sequence[Any],
    pred: Sequence[Any],
    compatible: Callable[[Any, Any], bool],
    prefer: Callable[[Any, Any], int],
    required: Callable[[Any], bool],
) -> dict[int, int]:
    """A maximum one-to-one matching (gold index -> predicted index).

    Gold items are taken required ones first, and augmenting paths never
    unmatch a gold item, so the number of required gold items matched is the
    largest possible, and the matching is maximum overall. Among candidates,
    predictions with a higher ``prefer`` score are tried first.
    """
    adj: list[list[int]] = []
    for g in gold:
        cands = [j for j, p in enumerate(pred) if compatible(g, p)]
        scores = {j: prefer(g, pred[j]) for j in cands}
        adj.append(sorted(cands, key=lambda j: -scores[j]))
    order = sorted(range(len(gold)), key=lambda i: not required(gold[i]))
    of_pred: list[int] = [-1] * len(pred)
    of_gold: list[int] = [-1] * len(gold)
    for root in order:
        if not adj[root]:
            continue
        prev: dict[int, int] = {}
        queue = deque([root])
        end = -1
        while queue and end < 0:
            u = queue.popleft()
            for v in adj[u]:
                if v in prev:
                    continue
                prev[v] = u
                if of_pred[v] < 0:
                    end = v
                    break
                queue.append(of_pred[v])
        v = end
        while v >= 0:  # flip the augmenting path back to the root
            u = prev[v]
            nxt = of_gold[u]
            of_gold[u], of_pred[v] = v, u
            v = -1 if u == root else nxt
    return {i: j for i, j in enumerate(of_gold) if j >= 0}


def _score(gold: _View, pred: _View, document: str | None) -> Scores:
    notes: list[str] = []

    # entities
    m = _match(
        gold.entities,
        pred.entities,
        lambda g, p: not g.names.isdisjoint(p.names),
        lambda g, p: int(g.kind == p.kind),
        lambda g: True,
    )
    kind_ok = sum(gold.entities[i].kind == pred.entities[j].kind for i, j in m.items())
    for i, j in m.items():
        ge, pe = gold.entities[i], pred.entities[j]
        if ge.kind != pe.kind:
            notes.append(
                f"entity kind: {ge.label!r} is a {ge.kind}, predicted {pe.label!r} as a {pe.kind}"
            )
    hit = set(m.values())
    notes += [
        f"entity missed: {e.label!r} ({e.kind})" for i, e in enumerate(gold.entities) if i not in m
    ]
    notes += [
        f"entity spurious: {e.label!r} ({e.kind})"
        for j, e in enumerate(pred.entities)
        if j not in hit
    ]
    entities = Tally(
        predicted=len(pred.entities), correct=len(m), gold=len(gold.entities), found=len(m)
    )
    kind = Ratio(correct=kind_ok, total=len(m))

    # claims
    def agree(g: _Clm, p: _Clm) -> tuple[bool, bool]:
        t = g.target is not None and p.target is not None and g.target.same(p.target)
        return t, g.stance is not None and g.stance == p.stance

    m = _match(
        gold.claims,
        pred.claims,
        lambda g, p: g.claimant.same(p.claimant) and _overlap(g.spans, p.spans),
        lambda g, p: sum(agree(g, p)),
        lambda g: g.required,
    )
    t_ok = t_n = s_ok = s_n = 0
    for i, j in sorted(m.items()):
        g, p = gold.claims[i], pred.claims[j]
        t, s = agree(g, p)
        if g.target is not None:
            t_n += 1
            t_ok += t
            if not t:
                got = "none" if p.target is None else repr(p.target.label)
                notes.append(
                    f"claim target: {g.label} has target {g.target.label!r}, predicted {got}"
                )
        if g.stance is not None:
            s_n += 1
            s_ok += s
            if not s:
                notes.append(
                    f"claim stance: {g.label} has stance {g.stance}, predicted {p.stance or 'none'}"
                )
    hit = set(m.values())
    notes += [
        f"claim missed: {g.label}" for i, g in enumerate(gold.claims) if g.required and i not in m
    ]
    notes += [f"claim spurious: {p.label}" for j, p in enumerate(pred.claims) if j not in hit]
    req = [i for i, g in enumerate(gold.claims) if g.required]
    claims = Tally(
        predicted=len(pred.claims), correct=len(m), gold=len(req), found=sum(i in m for i in req)
    )

    # events
    m = _match(
        gold.events,
        pred.events,
        lambda g, p: g.kind == p.kind and _overlap(g.spans, p.spans),
        lambda g, p: 0,
        lambda g: g.required,
    )
    hit = set(m.values())
    notes += [
        f"event missed: {g.label}" for i, g in enumerate(gold.events) if g.required and i not in m
    ]
    notes += [f"event spurious: {p.label}" for j, p in enumerate(pred.events) if j not in hit]
    req = [i for i, g in enumerate(gold.events) if g.required]
    events = Tally(
        predicted=len(pred.events), correct=len(m), gold=len(req), found=sum(i in m for i in req)
    )
    return Scores(
        document=document,
        entities=entities,
        claims=claims,
        events=events,
        kind=kind,
        target=Ratio(correct=t_ok, total=t_n),
        stance=Ratio(correct=s_ok, total=s_n),
        notes=tuple(notes),
    )


class SupportsParse(Protocol):
    """Anything with a ``parse(text) -> Corpus`` method, e.g. a configured ``discourse.Parser``."""

    def parse(self, text: str, /) -> Corpus:
        """Parse one text into a corpus."""
        ...


ParserLike = SupportsParse | Callable[[str], Corpus]


def _run_parser(parser: ParserLike | None, text: str) -> Corpus:
    if parser is None:
        # imported here: the parser loads its models on import, and scoring given codings needs none
        module = importlib.import_module("discourse.parse")
        parse = getattr(module, "parse", None)
        if parse is None:
            raise ImportError("discourse.parse.parse is not available; pass parser= or predicted=")
        out: Corpus = parse(text)
        return out
    if hasattr(parser, "parse"):
        return parser.parse(text)
    assert callable(parser)
    return parser(text)


def evaluate(
    gold: Gold | StrPath,
    predicted: Corpus | None = None,
    *,
    parser: ParserLike | None = None,
) -> Scores:
    """Score a predicted coding against a gold coding of one document.

    Args:
        gold: A :class:`Gold`, or the path of a gold file (read with :func:`load_gold`).
        predicted: The coding to score. By default the gold's text is parsed
            with ``parser``.
        parser: What produces the prediction when ``predicted`` is not given:
            an object with a ``parse(text)`` method (a ``discourse.Parser``) or
            a function of the text; by default :func:`discourse.parse.parse`.

    Returns:
        Precision, recall and F1 for entities, claims and events; kind,
        target and stance accuracy; and a note on every miss.

    Raises:
        FormatError: The gold file is not valid.
        TypeError: Both ``predicted`` and ``parser`` were given.

    Examples:
        >>> gold = parse_gold({"format": "discourse-gold/1", "document": "t.txt",
        ...     "actors": [{"name": "Ed Miliband", "kind": "person"}]},
        ...     text="Ed Miliband resigned.")
        >>> import discourse as dc
        >>> evaluate(gold, dc.Corpus([dc.Actor(id="em", name="Ed Miliband")])).entities.f1
        1.0
    """
    if predicted is not None and parser is not None:
        raise TypeError("evaluate() takes a predicted corpus or a parser, not both")
    g = gold if isinstance(gold, Gold) else load_gold(gold)
    if predicted is None:
        predicted = _run_parser(parser, g.text)
    return _score(_view_of_gold(g), _view_of_corpus(predicted, g.text), g.document)


def evaluate_files(paths: Iterable[StrPath], *, parser: ParserLike | None = None) -> Report:
    """Parse the text of each gold file, score it, and micro-average the figures.

    Args:
        paths: Gold files (``*.gold.json``), each beside its text.
        parser: As for :func:`evaluate`; by default :func:`discourse.parse.parse`.

    Returns:
        A :class:`Report` with each document's scores and their micro-average
        (counts summed over documents before dividing).

    Raises:
        FormatError: A gold file is not valid (nothing is scored).
    """
    golds = [load_gold(p) for p in paths]
    return Report(documents=tuple(evaluate(g, parser=parser) for g in golds))


def agreement(coding_a: Corpus, coding_b: Corpus, text: str | None = None) -> Scores:
    """Agreement between two codings of the same text: ``coding_a`` is taken as gold.

    Claims and events with ``attributes["required"] == False`` in
    ``coding_a`` are optional, as in a gold file. Swapping the codings swaps
    precision and recall (when every item is required) and leaves F1 as it
    is, so F1 is a symmetric agreement measure.

    Args:
        coding_a: The reference coding (e.g. ``Gold.to_corpus()`` of one coder).
        coding_b: The other coding.
        text: The coded text, used to quote the words of spans in the notes.

    Returns:
        The scores of ``coding_b`` against ``coding_a``.
    """
    return _score(_view_of_corpus(coding_a, text), _view_of_corpus(coding_b, text), None)
