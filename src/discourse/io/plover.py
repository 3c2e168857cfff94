"""The ``plover`` format: PLOVER event data, one JSON record per line.

`PLOVER <https://github.com/openeventdata/PLOVER>`_ (Political Language
Ontology for Verifiable Event Records) is the successor of CAMEO for coding
political events as *who did what to whom*: an event category (``ACCUSE``,
``SANCTION``...), an optional ``mode`` (how) and ``context`` (why). The writer
turns events and the claims that are acts (accusations, demands, sanctions...)
into PLOVER records; the reader turns PLOVER records back into events and
claims, and the actors they name into actors and factions.

A record looks like this::

    {"id": "expel-2017-1", "date": "2017-03", "actor": [{"actor_text": "Labour Party",
     "identifier_id": "labour", "type": "faction"}], "recipient": [...],
     "event": "SANCTION", "mode": "expel", "context": ["political_institutions"],
     "event_text": "Labour expels ...", "discourse": {"type": "event", "kind": "expulsion"}}

``actor`` and ``recipient`` are lists of PLOVER actor objects whose
``identifier_id`` is the record id; ``context`` always includes
``political_institutions`` (PLOVER's context for party and institutional
politics). PLOVER allows named fields beyond its own: ``discourse`` keeps the
exact event kind, claim form and stance, and an actor object's ``type`` says
whether it is a person, an organization or a faction, so a corpus written here
reads back the same. Records from other coders are mapped with
:data:`EVENT_MAPPING` and :data:`CLAIM_MAPPING` read backwards.

Dates are written at their precision (``2017``, ``2017-03`` or
``2017-03-02``); PLOVER asks for ``YYYY-MM-DD``, so coarser dates are a
documented departure.

What PLOVER cannot carry — claims that are not acts (statements,
predictions, decisions, actions without a stance), events with no PLOVER
category (elections, policy votes), memberships, sources, evidence, issues,
supports/attacks... — is reported by a :class:`~discourse.LossWarning` with
counts.
"""

from __future__ import annotations

import warnings
from collections import Counter
from collections.abc import Iterator, Mapping
from pathlib import Path
from typing import Any, Final, Literal

from attrs import fields as attrs_fields

from discourse.convert import decode_json, encode_json
from discourse.convert import show_value as _show
from discourse.corpus import Corpus
from discourse.errors import DiscourseError, FormatError, LossWarning, ValidationError
from discourse.io._atomic import atomic_write
from discourse.io._registry import Format
from discourse.model import (
    Actor,
    ActorKind,
    Claim,
    ClaimForm,
    Event,
    EventKind,
    Faction,
    Participant,
    Record,
    Stance,
)

__all__ = [
    "CLAIM_MAPPING",
    "EVENT_MAPPING",
    "FORMAT",
    "from_records",
    "read",
    "to_records",
    "write",
]

Side = Literal["participants", "organization"]

EVENT_MAPPING: Final[dict[EventKind, tuple[str, str | None, Side]]] = {
    EventKind.RESIGNATION: ("RETREAT", "resign", "participants"),
    EventKind.EXPULSION: ("SANCTION", "expel", "organization"),
    EventKind.DISMISSAL: ("SANCTION", "expel", "organization"),
    EventKind.SUSPENSION: ("COERCE", "ban", "organization"),
    EventKind.DESELECTION: ("SANCTION", "withdraw", "organization"),
    EventKind.DEFECTION: ("SANCTION", "withdraw", "participants"),
    EventKind.SPLIT: ("SANCTION", "sever", "participants"),
    EventKind.LEADERSHIP_CHALLENGE: ("DEMAND", "change", "participants"),
    EventKind.NO_CONFIDENCE_VOTE: ("ACCUSE", None, "participants"),
    EventKind.COUP: ("COERCE", None, "participants"),
    EventKind.PROTEST: ("PROTEST", "demo", "participants"),
    EventKind.CONFERENCE: ("CONSULT", "multilateral", "participants"),
    EventKind.MERGER: ("COOPERATE", None, "participants"),
}
"""Event kind → (PLOVER event category, mode, who is the PLOVER ``actor``).

With ``"participants"`` the participants act and the organization is the
recipient (a resignation *from* the party); with ``"organization"`` the
organization acts on the participants (the party expels them). Kinds not
listed (elections, primaries, policy votes) have no PLOVER category.
"""

CLAIM_MAPPING: Final[dict[ClaimForm, str]] = {
    ClaimForm.ACCUSATION: "ACCUSE",
    ClaimForm.CRITICISM: "ACCUSE",
    ClaimForm.DEMAND: "DEMAND",
    ClaimForm.WARNING: "THREATEN",
    ClaimForm.ENDORSEMENT: "SUPPORT",
    ClaimForm.DENIAL: "REJECT",
    ClaimForm.PROPOSAL: "AGREE",
}
"""Claim form → PLOVER event category.

``action`` claims map by stance: ``oppose`` → ``SANCTION``, ``support`` →
``COOPERATE``. Statements, predictions and decisions are not PLOVER events
(PLOVER dropped CAMEO's "make public statement").
"""

_ACTION_BY_STANCE: Final = {Stance.OPPOSE: "SANCTION", Stance.SUPPORT: "COOPERATE"}

# Reading records from other coders: the first kind listed for a (category, mode) wins.
_EVENT_INVERSE: Final[dict[tuple[str, str], EventKind]] = {}
for _kind, (_cat, _mode, _) in EVENT_MAPPING.items():
    if _mode is not None:
        _EVENT_INVERSE.setdefault((_cat, _mode), _kind)
_CLAIM_INVERSE: Final[dict[str, ClaimForm]] = {}
for _form, _cat in CLAIM_MAPPING.items():
    _CLAIM_INVERSE.setdefault(_cat, _form)
_COOPERATIVE: Final = frozenset(
    {"AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT"}
)

CONTEXT: Final = "political_institutions"
_EXTRA_CONTEXT: Final = {
    EventKind.NO_CONFIDENCE_VOTE: "legislative",
    EventKind.CONFERENCE: "political",
}


# --- writing --------------------------------------------------------------------------------


def _actor_obj(ref: str, corpus: Corpus) -> dict[str, Any]:
    r = corpus.get(ref)
    if isinstance(r, Faction):
        return {"actor_text": r.name, "identifier_id": ref, "type": "faction"}
    if isinstance(r, Actor):
        return {"actor_text": r.name, "identifier_id": ref, "type": r.kind.value}
    return {"identifier_id": ref}  # not in the corpus: a bare reference


def _claim_category(c: Claim) -> str | None:
    if c.form is ClaimForm.ACTION:
        return _ACTION_BY_STANCE.get(c.stance) if c.stance is not None else None
    return CLAIM_MAPPING.get(c.form)


def _claim_record(c: Claim, corpus: Corpus) -> dict[str, Any] | None:
    category = _claim_category(c)
    if category is None:
        return None
    rec: dict[str, Any] = {"id": c.id}
    if c.date is not None:
        rec["date"] = str(c.date)
    rec["actor"] = [_actor_obj(c.claimant, corpus)]
    if c.target is not None:
        rec["recipient"] = [_actor_obj(c.target, corpus)]
    rec["event"] = category
    rec["context"] = [CONTEXT]
    if c.text is not None:
        rec["event_text"] = c.text
    if c.quote is not None:
        rec["text"] = c.quote
    ext: dict[str, Any] = {"type": "claim", "form": c.form.value}
    if c.stance is not None:
        ext["stance"] = c.stance.value
    rec["discourse"] = ext
    return rec


def _event_record(e: Event, corpus: Corpus) -> dict[str, Any] | None:
    mapped = EVENT_MAPPING.get(e.kind)
    if mapped is None:
        return None
    category, mode, side = mapped
    rec: dict[str, Any] = {"id": e.id}
    if e.start is not None:
        rec["date"] = str(e.start)
    if e.end is not None:
        rec["enddate"] = str(e.end)
    people = [_actor_obj(p.ref, corpus) for p in e.participants]
    org = [_actor_obj(e.organization, corpus)] if e.organization is not None else []
    actor, recipient = (people, org) if side == "participants" else (org, people)
    rec["actor"] = actor
    if recipient:
        rec["recipient"] = recipient
    rec["event"] = category
    if mode is not None:
        rec["mode"] = mode
    extra = _EXTRA_CONTEXT.get(e.kind)
    rec["context"] = [CONTEXT, extra] if extra else [CONTEXT]
    if e.name is not None:
        rec["event_text"] = e.name
    if e.location is not None:
        rec["event_loc"] = {"name": e.location}
    rec["discourse"] = {"type": "event", "kind": e.kind.value}
    return rec


def to_records(corpus: Corpus) -> list[dict[str, Any]]:
    """The PLOVER records of a corpus: its events, then its claims, where a mapping exists.

    Does not warn; :func:`write` warns about what the records cannot carry.

    Examples:
        >>> import discourse as dc
        >>> from discourse.io.plover import to_records
        >>> c = dc.Corpus([dc.Faction(id="lab", name="Labour", kind="party"),
        ...                dc.Actor(id="x", name="Ken Livingstone"),
        ...                dc.Event(id="e", kind="suspension", organization="lab",
        ...                         participants=[dc.Participant(ref="x")])])
        >>> r = to_records(c)[0]
        >>> r["event"], r["mode"], r["actor"][0]["identifier_id"], r["recipient"][0]["identifier_id"]
        ('COERCE', 'ban', 'lab', 'x')
    """
    out: list[dict[str, Any]] = []
    for e in corpus.events:
        rec = _event_record(e, corpus)
        if rec is not None:
            out.append(rec)
    for c in corpus.of_type(Claim):
        rec = _claim_record(c, corpus)
        if rec is not None:
            out.append(rec)
    return out


def _referenced(corpus: Corpus) -> set[str]:
    refs: set[str] = set()
    for e in corpus.events:
        if e.kind in EVENT_MAPPING:
            refs.update(p.ref for p in e.participants)
            if e.organization is not None:
                refs.add(e.organization)
    for c in corpus.of_type(Claim):
        if _claim_category(c) is not None:
            refs.add(c.claimant)
            if c.target is not None:
                refs.add(c.target)
    return refs


_CARRIED: Final[dict[type, frozenset[str]]] = {
    Claim: frozenset({"id", "claimant", "form", "target", "stance", "text", "quote", "date"}),
    Event: frozenset(
        {"id", "kind", "name", "start", "end", "organization", "location", "participants"}
    ),
    Actor: frozenset({"id", "name", "kind"}),
    Faction: frozenset({"id", "name"}),
}


def _dropped(corpus: Corpus) -> dict[str, int]:
    """Counts of what :func:`to_records` leaves out, as ``section.field`` (or the section alone)."""
    n: Counter[str] = Counter()
    refs = _referenced(corpus)
    for r in corpus:
        t = type(r).__name__.lower() + "s"
        if isinstance(r, Claim) and _claim_category(r) is None:
            what = (
                r.form.value if r.form is not ClaimForm.ACTION else "action without support/oppose"
            )
            n[f"claims ({what})"] += 1
            continue
        if isinstance(r, Event) and r.kind not in EVENT_MAPPING:
            n[f"events ({r.kind.value})"] += 1
            continue
        if isinstance(r, (Actor, Faction)) and r.id not in refs:
            n[t] += 1
            continue
        carried = _CARRIED.get(type(r))
        if carried is None:  # memberships and sources
            n[t] += 1
            continue
        for f in attrs_fields(type(r)):
            if f.name not in carried and _is_set(getattr(r, f.name), f.default):
                n[f"{t}.{f.name}"] += 1
        if isinstance(r, Event):
            n["events.participants.role"] += sum(p.role is not None for p in r.participants)
    return {k: v for k, v in n.items() if v}


def _is_set(value: object, default: object) -> bool:
    if value is None or value == default:
        return False
    return not (isinstance(value, (tuple, Mapping)) and len(value) == 0)


def write(corpus: Corpus, path: Path) -> None:
    """Write the PLOVER records of ``corpus`` atomically: JSON lines, or one array for ``.json`` names.

    Warns:
        LossWarning: Listing the records and fields PLOVER cannot carry, with counts.
    """
    records = to_records(corpus)
    dropped = _dropped(corpus)
    if dropped:
        warnings.warn(LossWarning("plover", dropped), stacklevel=3)
    with atomic_write(path, "wb") as f:
        if path.name.lower().endswith(".json"):
            f.write(encode_json(records, indent=True))
            f.write(b"\n")
        else:
            for rec in records:
                f.write(encode_json(rec))
                f.write(b"\n")


# --- reading --------------------------------------------------------------------------------


class _Reader:
    def __init__(self, path: str | None) -> None:
        self.path = path
        self.records: list[Record] = []
        self.entities: dict[str, Actor | Faction] = {}
        self.skipped: Counter[str] = Counter()

    def fail(self, where: str, msg: str, line: int | None) -> FormatError:
        head = f"line {line}: " if line is not None else ""
        return FormatError(f"{head}{where}: {msg}", path=self.path, line=line)

    def _str(self, rec: Mapping[str, Any], key: str, where: str, line: int | None) -> str | None:
        v = rec.get(key)
        if v is None or isinstance(v, str):
            return v
        raise self.fail(
            f"{where}.{key}" if where else key, f"expected a string, got {_show(v)}", line
        )

    def _one(self, rec: Mapping[str, Any], key: str, where: str, line: int | None) -> str | None:
        """A category or mode: a string, or the first of a list (the rest are counted)."""
        v = rec.get(key)
        if isinstance(v, list):
            if not v:
                return None
            if len(v) > 1:
                self.skipped[f"{key} (beyond the first)"] += len(v) - 1
            v = v[0]
        if v is None or isinstance(v, str):
            return v
        raise self.fail(
            f"{where}.{key}" if where else key, f"expected a string or a list, got {_show(v)}", line
        )

    def actors(self, rec: Mapping[str, Any], key: str, where: str, line: int | None) -> list[str]:
        value = rec.get(key)
        if value is None:
            return []
        if isinstance(value, Mapping):
            value = [value]
        if not isinstance(value, list):
            raise self.fail(
                f"{where}{key}", f"expected a list of actor objects, got {_show(value)}", line
            )
        refs = []
        for i, obj in enumerate(value):
            w = f"{where}{key}[{i}]"
            if isinstance(obj, str):
                obj = {"actor_text": obj}
            if not isinstance(obj, Mapping):
                raise self.fail(w, f"expected an actor object, got {_show(obj)}", line)
            refs.append(self.entity(obj, w, line))
        return refs

    def entity(self, obj: Mapping[str, Any], where: str, line: int | None) -> str:
        ident, text = (
            self._str(obj, "identifier_id", where, line),
            self._str(obj, "actor_text", where, line),
        )
        label = self._str(obj, "identifier_text", where, line)
        code = (
            " ".join(x for x in (obj.get("code"), obj.get("sector")) if isinstance(x, str) and x)
            or None
        )
        rid = ident or text or label or code
        if not rid:
            raise self.fail(
                where, "an actor needs identifier_id, actor_text, identifier_text or code", line
            )
        if not (text or label or code):  # a bare reference to an id
            return rid
        if rid not in self.entities:
            name = text or label or rid
            kind = obj.get("type")
            try:
                if kind == "faction":
                    self.entities[rid] = Faction(id=rid, name=name)
                else:
                    actor_kind = (
                        ActorKind.ORGANIZATION if kind == "organization" else ActorKind.PERSON
                    )
                    self.entities[rid] = Actor(id=rid, name=name, kind=actor_kind)
            except ValidationError as e:
                raise self.fail(where, str(e), line) from None
        return rid

    def record(self, rec: object, where: str, line: int | None) -> None:
        if not isinstance(rec, Mapping):
            raise self.fail(where or "$", f"expected a JSON object, got {_show(rec)}", line)
        pre = f"{where}." if where else ""
        rid = self._str(rec, "id", pre.rstrip("."), line)
        if not rid:
            raise self.fail(f"{pre}id", "required field missing", line)
        category = self._one(rec, "event", pre.rstrip("."), line)
        if not category:
            raise self.fail(f"{pre}event", "required field missing", line)
        category = category.upper()
        mode = self._one(rec, "mode", pre.rstrip("."), line)
        ext = rec.get("discourse")
        ext = ext if isinstance(ext, Mapping) else {}
        actors = self.actors(rec, "actor" if "actor" in rec else "source", pre, line)
        recipients = self.actors(rec, "recipient", pre, line)
        date = rec.get("date")
        text = self._str(rec, "event_text", pre.rstrip("."), line)
        if isinstance(rec.get("event_text"), list):  # PLOVER allows a list of texts
            texts = [t for t in rec["event_text"] if isinstance(t, str)]
            text = texts[0] if texts else None
        kind_name = ext.get("kind") if ext.get("type") == "event" else None
        kind: EventKind | None = None
        if isinstance(kind_name, str):
            try:
                kind = EventKind(kind_name)
            except ValueError:
                raise self.fail(
                    f"{pre}discourse.kind", f"{kind_name!r} is not an event kind", line
                ) from None
        elif ext.get("type") != "claim" and mode is not None:
            kind = _EVENT_INVERSE.get((category, mode.lower()))
        try:
            if kind is not None:
                self.records.append(self.event(rec, rid, kind, actors, recipients, text, pre, line))
            else:
                self.records.append(
                    self.claim(rec, rid, category, ext, actors, recipients, date, text, pre, line)
                )
        except ValidationError as e:
            field = e.field or ""
            msg = str(e)
            if field and msg.startswith(f"{field}: "):
                msg = msg[len(field) + 2 :]
            raise self.fail(f"{pre}{_plover_field(field)}", msg, line) from None

    def event(
        self,
        rec: Mapping[str, Any],
        rid: str,
        kind: EventKind,
        actors: list[str],
        recipients: list[str],
        text: str | None,
        pre: str,
        line: int | None,
    ) -> Event:
        side = EVENT_MAPPING[kind][2] if kind in EVENT_MAPPING else "participants"
        orgs, people = (recipients, actors) if side == "participants" else (actors, recipients)
        if len(orgs) > 1:
            self.skipped["event organization (beyond the first)"] += len(orgs) - 1
        loc = rec.get("event_loc")
        location = loc.get("name") if isinstance(loc, Mapping) else None
        return Event(
            id=rid,
            kind=kind,
            name=text,
            start=rec.get("date") or None,
            end=rec.get("enddate") or None,
            organization=orgs[0] if orgs else None,
            location=location if isinstance(location, str) else None,
            participants=tuple(Participant(ref=p) for p in people),
        )

    def claim(
        self,
        rec: Mapping[str, Any],
        rid: str,
        category: str,
        ext: Mapping[str, Any],
        actors: list[str],
        recipients: list[str],
        date: Any,
        text: str | None,
        pre: str,
        line: int | None,
    ) -> Claim:
        if not actors:
            raise self.fail(f"{pre}actor", "a claim needs an actor (the claimant)", line)
        if len(actors) > 1:
            self.skipped["actor (beyond the first)"] += len(actors) - 1
        if len(recipients) > 1:
            self.skipped["recipient (beyond the first)"] += len(recipients) - 1
        target = recipients[0] if recipients else None
        form = ext.get("form") if ext.get("type") == "claim" else None
        stance = ext.get("stance") if ext.get("type") == "claim" else None
        if form is None:
            form = _CLAIM_INVERSE.get(category, ClaimForm.ACTION)
            if target is not None:
                stance = Stance.SUPPORT if category in _COOPERATIVE else Stance.OPPOSE
        quote = self._str(rec, "text", pre.rstrip("."), line)
        return Claim(
            id=rid,
            claimant=actors[0],
            form=form,
            target=target,
            stance=stance,
            text=text,
            quote=quote,
            date=date or None,
        )


def _plover_field(field: str) -> str:
    return {
        "start": "date",
        "end": "enddate",
        "name": "event_text",
        "quote": "text",
        "claimant": "actor",
    }.get(field, field)


def _lines(path: Path) -> Iterator[tuple[int, object]]:
    where = str(path)
    try:
        f = path.open("rb")
    except OSError as e:
        raise FormatError(f"cannot read: {e.strerror}", path=where) from None
    with f:
        for lineno, raw in enumerate(f, start=1):
            if raw.strip():
                try:
                    yield lineno, decode_json(raw)
                except FormatError as e:
                    raise FormatError(f"line {lineno}: {e}", path=where, line=lineno) from None


def _first_byte(path: Path) -> bytes:
    try:
        with path.open("rb") as f:
            return f.read(4096).lstrip()[:1]
    except OSError as e:
        raise FormatError(f"cannot read: {e.strerror}", path=str(path)) from None


def from_records(
    records: list[Any] | Iterator[tuple[int, Any]], *, path: str | None = None
) -> Corpus:
    """Build a corpus from PLOVER records (dicts), or from ``(line number, dict)`` pairs.

    Raises:
        FormatError: At the first bad record, naming its line (or index) and field.

    Warns:
        LossWarning: When compound actors or extra categories had to be left out.
    """
    r = _Reader(path)
    if isinstance(records, list):
        for i, rec in enumerate(records):
            r.record(rec, f"[{i}]", None)
    else:
        for lineno, rec in records:
            r.record(rec, "", lineno)
    if r.skipped:
        warnings.warn(LossWarning("plover", dict(r.skipped)), stacklevel=3)
    try:
        return Corpus([*r.entities.values(), *r.records])
    except DiscourseError as e:
        raise FormatError(str(e), path=path) from None


def read(path: Path) -> Corpus:
    """Read PLOVER records: JSON lines, or a JSON array.

    Raises:
        FormatError: The file is not JSON lines of objects, or a record lacks
            ``id``, ``event`` or an actor; the message names the line and field,
            e.g. ``line 4: date: expected a date string like '2017'...``.

    Warns:
        LossWarning: When compound actors or extra categories had to be left out.
    """
    where = str(path)
    if _first_byte(path) == b"[":
        try:
            data = decode_json(path.read_bytes(), path=where)
        except OSError as e:
            raise FormatError(f"cannot read: {e.strerror}", path=where) from None
        return from_records(data, path=where)
    return from_records(_lines(path), path=where)


FORMAT = Format(
    name="plover",
    extensions=(".plover.jsonl", ".plover.json"),
    description="PLOVER event data (JSON lines): events and act-like claims as who-did-what-to-whom records.",
    lossless=False,
    carries=(
        "events with a PLOVER category (resignations, expulsions, suspensions, splits...), "
        "claims that are acts (accusations, criticism, demands, warnings, endorsements, denials, "
        "proposals, actions with a stance), the actors and factions they name"
    ),
    drops=(
        "statements, predictions, decisions, elections, policy votes, memberships, sources, "
        "evidence, issues, addressees, supports/attacks, outcomes, participant roles, "
        "confidence, attributes, actor details beyond name and kind"
    ),
    read=read,
    write=write,
)
