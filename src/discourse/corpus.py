"""The in-memory, indexed :class:`Corpus` and its queries."""

from __future__ import annotations

import contextlib
import os
import re
from array import array
from bisect import bisect_left, bisect_right
from collections import Counter, defaultdict
from collections.abc import Iterable, Iterator
from typing import TYPE_CHECKING, Any, Literal, TypeVar, overload

import attrs

from discourse._queries import Entity, SharedQueries
from discourse.errors import (
    DuplicateIdError,
    RecordNotFoundError,
    ValidationError,
)
from discourse.model import (
    Actor,
    Claim,
    ClaimForm,
    DateLike,
    Event,
    Faction,
    Membership,
    PartialDate,
    Record,
    Source,
    Stance,
    to_partial_date,
)

if TYPE_CHECKING:
    from discourse.store import Store

__all__ = ["Corpus", "normalize_name"]

_R = TypeVar("_R", Actor, Faction, Claim, Event, Source)

_SPACE = re.compile(r"\s+")
_POSSESSIVE = re.compile(r"(?:'s|’s|'|’)$")


def normalize_name(name: str) -> str:
    """Normalize a name for matching: casefold, collapse spaces, drop "the" and a possessive.

    This is the matching rule of the gold format (``../shared/corpus/README.md``)
    and of :meth:`Corpus.find`.

    Examples:
        >>> normalize_name("  The Labour  Party’s ")
        'labour party'
    """
    s = _SPACE.sub(" ", name.casefold()).strip()
    if s.startswith("the "):
        s = s[4:]
    return _POSSESSIVE.sub("", s).strip()


def _value(x: object) -> str | None:
    """Enum members and strings as their plain string value."""
    return None if x is None else str(x)


class Corpus(SharedQueries):
    """A collection of records with indices for fast queries.

    A corpus holds :class:`~discourse.Actor`, :class:`~discourse.Faction`,
    :class:`~discourse.Membership`, :class:`~discourse.Claim`,
    :class:`~discourse.Event` and :class:`~discourse.Source` records. Every
    record but a membership has an id, unique across all types (a claim's
    ``claimant`` may name an actor or a faction). Indices are kept up to date
    on :meth:`add`, so queries cost time in proportion to their result, not
    to the corpus.

    References are not checked on :meth:`add` (records may arrive in any
    order); :meth:`validate` reports every dangling reference at once.

    Examples:
        >>> import discourse as dc
        >>> corpus = dc.Corpus([dc.Actor(id="a", name="Ann Smith")])
        >>> corpus.find("ann smith").id
        'a'
    """

    __slots__ = (
        "_by_claimant",
        "_by_faction",
        "_by_form",
        "_by_id",
        "_by_issue",
        "_by_member",
        "_by_name",
        "_by_source",
        "_by_stance",
        "_by_target",
        "_children",
        "_dated",
        "_dated_dirty",
        "_dated_first",
        "_dated_last",
        "_dated_order",
        "_event_refs",
        "_memberships",
        "_typed",
    )

    def __init__(self, records: Iterable[Record] = ()) -> None:
        self._by_id: dict[str, Record] = {}
        # Records by type, except claims: they are the bulk of a corpus, and a second
        # dict of them would cost ~31 bytes a claim. They are the claims of _by_id
        # (in insertion order there too); _claim_count() counts them.
        self._typed: dict[type, dict[str, Any]] = {
            Actor: {},
            Faction: {},
            Event: {},
            Source: {},
        }
        self._memberships: dict[Membership, None] = {}
        self._by_claimant: defaultdict[str, list[Claim]] = defaultdict(list)
        self._by_target: defaultdict[str, list[Claim]] = defaultdict(list)
        self._by_stance: defaultdict[str, list[Claim]] = defaultdict(list)
        self._by_form: defaultdict[str, list[Claim]] = defaultdict(list)
        self._by_issue: defaultdict[str, list[Claim]] = defaultdict(list)
        self._by_source: defaultdict[str, list[Claim]] = defaultdict(list)
        self._by_member: defaultdict[str, list[Membership]] = defaultdict(list)
        self._by_faction: defaultdict[str, list[Membership]] = defaultdict(list)
        self._children: defaultdict[str, list[str]] = defaultdict(list)
        # Names of actors and factions, built on the first name lookup (find): most
        # corpora built in bulk (loads, parse_many) are never searched by name, and
        # normalizing every name and alias is the dearest part of indexing them.
        self._by_name: defaultdict[str, list[str]] | None = None
        self._event_refs: defaultdict[str, list[Event]] = defaultdict(list)
        # Dated claims and events sorted by date (coarser first, then insertion order),
        # with each one's first and last day (as ordinals) and insertion number alongside
        # in arrays: 20 bytes a dated record.
        self._dated: list[Claim | Event] = []
        self._dated_first: array[int] = array("i")
        self._dated_last: array[int] = array("i")
        self._dated_order: array[int] = array("i")
        self._dated_dirty = False
        self.extend(records)

    # --- building ---------------------------------------------------------------------------

    def add(self, record: Record) -> None:
        """Add one record and index it.

        Adding a record equal to one already present does nothing.

        Raises:
            DuplicateIdError: A different record with the same id is present.
            ValidationError: ``record`` is not a record type.
        """
        if type(record) is Membership:
            if record not in self._memberships:
                self._memberships[record] = None
                self._by_member[record.member].append(record)
                self._by_faction[record.faction].append(record)
            return
        table = self._typed.get(type(record))
        if table is None and type(record) is not Claim:
            raise ValidationError(
                f"a Corpus holds Actor, Faction, Membership, Claim, Event and Source records, "
                f"not {type(record).__name__}",
                value=record,
            )
        rid: str = record.id  # type: ignore[union-attr]
        old = self._by_id.get(rid)
        if old is not None:
            if old == record:
                return
            raise DuplicateIdError(
                f"id {rid!r} is already used by {type(old).__name__} {old!r}; "
                "give the new record another id or use Corpus.replace()",
                id=rid,
            )
        self._by_id[rid] = record
        if table is not None:
            table[rid] = record
        self._index(record)

    def extend(self, records: Iterable[Record], *, keep_existing: bool = False) -> None:
        """Add every record of ``records`` (see :meth:`add`).

        Args:
            records: The records to add.
            keep_existing: Leave out a record whose id a different record
                already has, keeping the one already there, instead of raising
                :class:`DuplicateIdError`. This is how documents parsed one by
                one merge: the same person found in two texts has the same id
                but different evidence, and the first one seen is kept.

        Raises:
            DuplicateIdError: A different record with the same id is present
                (unless ``keep_existing``); the records before it are added.
        """
        # Claims are the bulk of a corpus: register them here and index them in one
        # batch, without two method calls and a type dispatch per claim. Other
        # records with a new id are registered here too and indexed one by one;
        # memberships, and any record whose id is taken (duplicate or error), go
        # through add().
        add, index = (self._add_or_keep if keep_existing else self.add), self._index
        by_id, typed = self._by_id, self._typed
        batch: list[Claim] = []
        try:
            for r in records:
                t = type(r)
                if t is Claim:
                    if r.id in by_id:  # type: ignore[union-attr]
                        add(r)
                    else:
                        by_id[r.id] = r  # type: ignore[union-attr]
                        batch.append(r)  # type: ignore[arg-type]
                    continue
                table = typed.get(t)
                if table is None or r.id in by_id:  # type: ignore[union-attr]
                    add(r)  # a membership, a taken id, or not a record (add() says so)
                    continue
                by_id[r.id] = table[r.id] = r  # type: ignore[union-attr]
                index(r)
        finally:  # whatever was registered is indexed, even if a later record failed
            self._index_claims(batch)

    def _add_or_keep(self, record: Record) -> None:
        # A different record with this id is there already: that one is kept.
        with contextlib.suppress(DuplicateIdError):
            self.add(record)

    def _index_claims(self, batch: Iterable[Claim]) -> None:
        by_claimant, by_target, by_stance = self._by_claimant, self._by_target, self._by_stance
        by_form, by_issue, by_source = self._by_form, self._by_issue, self._by_source
        dated = False
        for r in batch:
            by_claimant[r.claimant].append(r)
            if r.target is not None:
                by_target[r.target].append(r)
            if r.stance is not None:
                by_stance[r.stance._value_].append(r)
            by_form[r.form._value_].append(r)
            if r.issue is not None:
                by_issue[r.issue].append(r)
            ev = r.evidence
            if ev:
                if len(ev) == 1:
                    by_source[ev[0].source].append(r)
                else:
                    for s in dict.fromkeys(sp.source for sp in ev):
                        by_source[s].append(r)
            if r.date is not None:
                dated = True
        if dated:
            self._dated_dirty = True

    def replace(self, record: Record) -> None:
        """Put ``record`` in place of the record with the same id (or add it)."""
        if type(record) is not Membership:
            old = self._by_id.get(record.id)  # type: ignore[union-attr]
            if old is not None:
                self._remove(old)
        self.add(record)

    def remove(self, record_or_id: Record | str) -> None:
        """Remove a record (or the record with that id).

        Raises:
            RecordNotFoundError: It is not in the corpus.
        """
        if isinstance(record_or_id, str):
            record = self[record_or_id]
        else:
            record = record_or_id
            if type(record) is Membership:
                if record not in self._memberships:
                    raise RecordNotFoundError(repr(record))
            elif self._by_id.get(record.id) != record:  # type: ignore[union-attr]
                raise RecordNotFoundError(record.id)  # type: ignore[union-attr]
        self._remove(record)

    def _remove(self, record: Record) -> None:
        if type(record) is Membership:
            del self._memberships[record]
            self._by_member[record.member].remove(record)
            self._by_faction[record.faction].remove(record)
            return
        rid = record.id  # type: ignore[union-attr]
        del self._by_id[rid]
        if type(record) is Claim:  # claims have no by-type table
            for key, index in self._claim_keys(record):
                index[key].remove(record)
            if record.date is not None:
                self._dated_dirty = True
            return
        del self._typed[type(record)][rid]
        if type(record) is Event:
            for ref in self._event_ref_ids(record):
                self._event_refs[ref].remove(record)
            if record.start is not None:
                self._dated_dirty = True
        elif type(record) in (Actor, Faction):
            if self._by_name is not None:
                for n in {normalize_name(x) for x in record.names}:  # type: ignore[union-attr]
                    if n:
                        self._by_name[n].remove(rid)
            if type(record) is Faction and record.parent is not None:
                self._children[record.parent].remove(rid)

    def _claim_keys(self, c: Claim) -> list[tuple[str, defaultdict[str, list[Claim]]]]:
        keys: list[tuple[str, defaultdict[str, list[Claim]]]] = [(c.claimant, self._by_claimant)]
        if c.target is not None:
            keys.append((c.target, self._by_target))
        if c.stance is not None:
            keys.append((c.stance.value, self._by_stance))
        keys.append((c.form.value, self._by_form))
        if c.issue is not None:
            keys.append((c.issue, self._by_issue))
        for s in dict.fromkeys(sp.source for sp in c.evidence):
            keys.append((s, self._by_source))
        return keys

    @staticmethod
    def _event_ref_ids(e: Event) -> list[str]:
        refs = dict.fromkeys(p.ref for p in e.participants)
        if e.organization is not None:
            refs[e.organization] = None
        return list(refs)

    def _index(self, record: Record) -> None:
        t = type(record)
        if t is Claim:
            self._index_claims((record,))  # type: ignore[arg-type]
        elif t is Event:
            e: Event = record  # type: ignore[assignment]
            for ref in self._event_ref_ids(e):
                self._event_refs[ref].append(e)
            if e.start is not None:
                self._dated_dirty = True
        elif t is Actor or t is Faction:
            ent: Entity = record  # type: ignore[assignment]
            if self._by_name is not None:
                self._index_names(self._by_name, ent)
            if t is Faction and ent.parent is not None:  # type: ignore[union-attr]
                self._children[ent.parent].append(ent.id)  # type: ignore[union-attr]

    @staticmethod
    def _index_names(by_name: defaultdict[str, list[str]], ent: Entity) -> None:
        for n in {normalize_name(x) for x in ent.names}:
            if n:
                by_name[n].append(ent.id)

    def _names(self) -> defaultdict[str, list[str]]:
        """The name index, built now if this is the first name lookup."""
        by_name = self._by_name
        if by_name is None:
            by_name = defaultdict(list)
            for r in self._by_id.values():  # insertion order, as add() would have built it
                if type(r) is Actor or type(r) is Faction:
                    self._index_names(by_name, r)
            self._by_name = by_name
        return by_name

    # --- container protocol -----------------------------------------------------------------

    def __len__(self) -> int:
        return len(self._by_id) + len(self._memberships)

    def __iter__(self) -> Iterator[Record]:
        """Iterate over all records: sources, actors, factions, memberships, events, claims."""
        yield from self._typed[Source].values()
        yield from self._typed[Actor].values()
        yield from self._typed[Faction].values()
        yield from self._memberships
        yield from self._typed[Event].values()
        yield from self._all_claims()

    def __contains__(self, item: object) -> bool:
        if isinstance(item, str):
            return item in self._by_id
        if type(item) is Membership:
            return item in self._memberships
        rid = getattr(item, "id", None)
        return isinstance(rid, str) and self._by_id.get(rid) == item

    def __getitem__(self, id: str) -> Record:
        try:
            return self._by_id[id]
        except KeyError:
            raise RecordNotFoundError(id) from None

    def get(self, id: str, default: Record | None = None) -> Record | None:
        """The record with ``id``, or ``default``."""
        return self._by_id.get(id, default)

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Corpus):
            return NotImplemented
        return self._by_id == other._by_id and self._memberships.keys() == other._memberships.keys()

    __hash__ = None  # type: ignore[assignment]  # mutable

    def __repr__(self) -> str:
        counts = ", ".join(f"{n}={v}" for n, v in self.count().items())
        return f"<Corpus {counts}>"

    @property
    def actors(self) -> list[Actor]:
        """All actors, in insertion order."""
        return list(self._typed[Actor].values())

    @property
    def factions(self) -> list[Faction]:
        """All factions, in insertion order."""
        return list(self._typed[Faction].values())

    @property
    def memberships(self) -> list[Membership]:
        """All memberships, in insertion order."""
        return list(self._memberships)

    @property
    def events(self) -> list[Event]:
        """All events, in insertion order."""
        return list(self._typed[Event].values())

    @property
    def sources(self) -> list[Source]:
        """All sources, in insertion order."""
        return list(self._typed[Source].values())

    def count(self) -> dict[str, int]:
        """The number of records of each type, e.g. ``{"actors": 4, "claims": 10, ...}``."""
        return {
            "sources": len(self._typed[Source]),
            "actors": len(self._typed[Actor]),
            "factions": len(self._typed[Faction]),
            "memberships": len(self._memberships),
            "events": len(self._typed[Event]),
            "claims": self._claim_count(),
        }

    # --- names ------------------------------------------------------------------------------

    def find_all(self, name: str) -> list[Entity]:
        """Every actor and faction whose name or an alias matches ``name``.

        Matching casefolds, collapses whitespace and ignores a leading "the"
        and a trailing possessive (see :func:`normalize_name`).
        """
        return [self._by_id[i] for i in self._names().get(normalize_name(name), ())]  # type: ignore[misc]

    # --- validation -------------------------------------------------------------------------

    def problems(self) -> list[str]:
        """Every dangling reference, one readable line each (empty when valid)."""
        out: list[str] = []
        ids = self._by_id
        entity = (Actor, Faction)

        def check(where: str, ref: str | None, kinds: tuple[type, ...], what: str) -> None:
            if ref is None:
                return
            r = ids.get(ref)
            if r is None:
                out.append(f"{where}: no record with id {ref!r}")
            elif not isinstance(r, kinds):
                out.append(f"{where}: {ref!r} is a {type(r).__name__}, expected {what}")

        for f in self._typed[Faction].values():
            check(f"factions[{f.id!r}].parent", f.parent, (Faction,), "a Faction")
            self._check_spans(f"factions[{f.id!r}]", f.evidence, check)
        for a in self._typed[Actor].values():
            self._check_spans(f"actors[{a.id!r}]", a.evidence, check)
        for i, m in enumerate(self._memberships):
            check(f"memberships[{i}].member", m.member, entity, "an Actor or Faction")
            check(f"memberships[{i}].faction", m.faction, (Faction,), "a Faction")
            for j, s in enumerate(m.sources):
                check(f"memberships[{i}].sources[{j}]", s, (Source,), "a Source")
            self._check_spans(f"memberships[{i}]", m.evidence, check)
        for c in self._all_claims():
            w = f"claims[{c.id!r}]"
            check(f"{w}.claimant", c.claimant, entity, "an Actor or Faction")
            check(f"{w}.target", c.target, entity, "an Actor or Faction")
            check(f"{w}.addressee", c.addressee, entity, "an Actor or Faction")
            for j, s in enumerate(c.supports):
                check(f"{w}.supports[{j}]", s, (Claim,), "a Claim")
            for j, s in enumerate(c.attacks):
                check(f"{w}.attacks[{j}]", s, (Claim,), "a Claim")
            self._check_spans(w, c.evidence, check)
        for e in self._typed[Event].values():
            w = f"events[{e.id!r}]"
            check(f"{w}.organization", e.organization, entity, "an Actor or Faction")
            for j, p in enumerate(e.participants):
                check(f"{w}.participants[{j}].ref", p.ref, entity, "an Actor or Faction")
            self._check_spans(w, e.evidence, check)
        return out

    @staticmethod
    def _check_spans(where: str, spans: tuple[Any, ...], check: Any) -> None:
        for j, sp in enumerate(spans):
            check(f"{where}.evidence[{j}].source", sp.source, (Source,), "a Source")

    # --- queries ----------------------------------------------------------------------------

    def claims(
        self,
        *,
        claimant: str | None = None,
        target: str | None = None,
        stance: Stance | str | None = None,
        form: ClaimForm | str | None = None,
        issue: str | None = None,
        faction: str | None = None,
        since: DateLike | None = None,
        until: DateLike | None = None,
        source: str | None = None,
    ) -> list[Claim]:
        """Claims matching every given filter, in insertion order.

        (With ``faction=``, claims come grouped by who made them: the faction
        and its sub-factions first, then each member in membership order.)

        With no filter, every claim. ``claimant``, ``target`` and ``faction``
        take ids. ``faction`` selects claims made by the faction itself, by
        its sub-factions, and by actors who were members of one of them at the
        claim's date (undated claims count when the membership is open-ended).
        ``since``/``until`` keep claims whose date falls entirely within the
        range (undated claims are left out when either is given).

        Examples:
            >>> corpus.claims(target="jeremy-corbyn", stance="oppose")  # doctest: +SKIP
            [Claim(id='c1', ...)]
        """
        stance_v = _value(stance)
        form_v = _value(form)
        if stance_v is not None and stance_v not in Stance._value2member_map_:
            raise ValidationError(f"stance: {stance!r} is not one of support, oppose, neutral")
        if form_v is not None and form_v not in ClaimForm._value2member_map_:
            raise ValidationError(f"form: {form!r} is not a ClaimForm")
        lo = to_partial_date(since).first if since is not None else None
        hi = to_partial_date(until).last if until is not None else None

        # Pick the smallest index list as the candidate set.
        candidates: list[list[Claim]] = []
        if claimant is not None:
            candidates.append(self._by_claimant.get(claimant, []))
        if target is not None:
            candidates.append(self._by_target.get(target, []))
        if issue is not None:
            candidates.append(self._by_issue.get(issue, []))
        if source is not None:
            candidates.append(self._by_source.get(source, []))
        if stance_v is not None:
            candidates.append(self._by_stance.get(stance_v, []))
        if form_v is not None:
            candidates.append(self._by_form.get(form_v, []))
        fc = self._faction_claims(faction) if faction is not None else None
        if fc is not None:
            candidates.append(fc)
        dates_done = False  # the date range below is exact: no need to check dates again
        if not candidates and (lo is not None or hi is not None):
            candidates.append(self._date_range(lo, hi))
            dates_done = True
        if not candidates:
            return self._all_claims()
        base = min(candidates, key=len)
        if len(candidates) == 1 and (dates_done or (lo is None and hi is None)):
            return list(base)
        faction_set = {id(c) for c in fc} if fc is not None and base is not fc else None
        out = []
        for c in base:
            if claimant is not None and c.claimant != claimant:
                continue
            if target is not None and c.target != target:
                continue
            if stance_v is not None and (c.stance is None or c.stance.value != stance_v):
                continue
            if form_v is not None and c.form.value != form_v:
                continue
            if issue is not None and c.issue != issue:
                continue
            if source is not None and all(s.source != source for s in c.evidence):
                continue
            if not dates_done and (lo is not None or hi is not None):
                d = c.date
                if (
                    d is None
                    or (lo is not None and d.first < lo)
                    or (hi is not None and d.last > hi)
                ):
                    continue
            if faction_set is not None and id(c) not in faction_set:
                continue
            out.append(c)
        return out

    def _date_range(self, lo: Any, hi: Any) -> list[Claim]:
        """Claims dated entirely within [lo, hi], in insertion order."""
        dated, i, j = self._dated_slice(lo, hi)
        picked: Iterable[int] = range(i, j)
        if hi is not None:
            last, end = self._dated_last, hi.toordinal()
            picked = [k for k in picked if last[k] <= end]
        # claims() promises insertion order; the slice is in date order.
        picked = sorted(picked, key=self._dated_order.__getitem__)
        return [r for r in map(dated.__getitem__, picked) if type(r) is Claim]

    def _dated_slice(self, lo: Any, hi: Any) -> tuple[list[Claim | Event], int, int]:
        # The first day never decreases along the sorted records, so those whose first
        # day lies in [lo, hi] form one slice; callers still check the last day.
        dated = self._sorted_dated()
        first = self._dated_first
        i = 0 if lo is None else bisect_left(first, lo.toordinal())
        j = len(dated) if hi is None else bisect_right(first, hi.toordinal())
        return dated, i, j

    def _sorted_dated(self) -> list[Claim | Event]:
        if self._dated_dirty or not self._dated:
            items: list[tuple[tuple[int, int, int], int, Claim | Event]] = []
            n = 0
            for c in self._all_claims():
                if c.date is not None:
                    items.append((c.date._key(), n, c))
                n += 1
            for e in self._typed[Event].values():
                if e.start is not None:
                    items.append((e.start._key(), n, e))
                n += 1
            items.sort(key=lambda t: (t[0], t[1]))
            self._dated = [r for _, _, r in items]
            self._dated_order = array("i", (n for _, n, _ in items))
            del items
            dates = [r.date if type(r) is Claim else r.start for r in self._dated]  # type: ignore[union-attr]
            self._dated_first = array("i", (d.first.toordinal() for d in dates))  # type: ignore[union-attr]
            self._dated_last = array("i", (d.last.toordinal() for d in dates))  # type: ignore[union-attr]
            self._dated_dirty = False
        return self._dated

    def subfactions(self, faction: str, *, recursive: bool = True) -> list[Faction]:
        """The factions whose ``parent`` is ``faction`` (and theirs, if ``recursive``)."""
        out: list[Faction] = []
        seen = {faction}
        stack = [faction]
        while stack:
            for child in self._children.get(stack.pop(), ()):
                if child not in seen:
                    seen.add(child)
                    out.append(self._by_id[child])  # type: ignore[arg-type]
                    if recursive:
                        stack.append(child)
        return out

    def _faction_claims(self, faction: str) -> list[Claim]:
        groups = [faction, *(f.id for f in self.subfactions(faction))]
        out: dict[int, Claim] = {}
        for g in groups:
            for c in self._by_claimant.get(g, ()):
                out[id(c)] = c
            for m in self._by_faction.get(g, ()):
                for c in self._by_claimant.get(m.member, ()):
                    if id(c) in out:
                        continue
                    if c.date is None:
                        if m.start is None and m.end is None:
                            out[id(c)] = c
                    elif m.valid_at(c.date):
                        out[id(c)] = c
        return list(out.values())

    def members(
        self, faction: str, *, at: DateLike | None = None, nested: bool = False
    ) -> list[Actor | Faction]:
        """Actors and factions that belonged to ``faction`` (at date ``at``, if given).

        A membership counts at ``at`` when its interval overlaps that date
        (vague dates are given the benefit of the doubt). With ``nested``,
        members of sub-factions count too.
        """
        groups = [faction]
        if nested:
            groups += [f.id for f in self.subfactions(faction)]
        seen: dict[str, Actor | Faction] = {}
        if at is not None:
            at = to_partial_date(at)  # once, not once per membership
        for g in groups:
            for m in self._by_faction.get(g, ()):
                if at is None or m.valid_at(at):
                    r = self._by_id.get(m.member)
                    if r is not None and m.member not in seen:
                        seen[m.member] = r  # type: ignore[assignment]
        return list(seen.values())

    def memberships_of(self, member: str, *, at: DateLike | None = None) -> list[Membership]:
        """The memberships held by ``member`` (valid at ``at``, if given)."""
        return [m for m in self._by_member.get(member, ()) if at is None or m.valid_at(at)]

    def factions_of(self, actor: str, *, at: DateLike | None = None) -> list[Faction]:
        """The factions ``actor`` belonged to (at ``at``, if given)."""
        out: dict[str, Faction] = {}
        for m in self.memberships_of(actor, at=at):
            f = self._by_id.get(m.faction)
            if isinstance(f, Faction):
                out[f.id] = f
        return list(out.values())

    def _stance_partners(self, x: str, stance: str) -> list[Entity]:
        counts: Counter[str] = Counter()
        for c in self._by_claimant.get(x, ()):
            if (
                c.target is not None
                and c.target != x
                and c.stance is not None
                and c.stance.value == stance
            ):
                counts[c.target] += 1
        for c in self._by_target.get(x, ()):
            if c.claimant != x and c.stance is not None and c.stance.value == stance:
                counts[c.claimant] += 1
        return [
            self._by_id[i]  # type: ignore[misc]
            for i, _ in sorted(counts.items(), key=lambda kv: -kv[1])
            if i in self._by_id
        ]

    def events_of(self, x: str) -> list[Event]:
        """Events in which ``x`` takes part or which happen in organization ``x``."""
        return list(self._event_refs.get(x, ()))

    def timeline(
        self,
        *,
        since: DateLike | None = None,
        until: DateLike | None = None,
        involving: str | None = None,
        include: tuple[str, ...] = ("events", "claims"),
    ) -> list[Claim | Event]:
        """Dated events and claims in date order (coarser dates first on ties).

        Args:
            since: Keep records whose date falls entirely on or after this.
            until: Keep records whose date falls entirely on or before this.
            involving: Keep only records involving this id (claimant, target,
                addressee, participant or organization).
            include: Which record types, ``"events"`` and/or ``"claims"``.
        """
        lo = to_partial_date(since).first if since is not None else None
        hi = to_partial_date(until).last if until is not None else None
        want_claims = "claims" in include
        want_events = "events" in include
        involved: set[int] | None = None
        if involving is not None:
            involved = {id(e) for e in self._event_refs.get(involving, ())}
            involved |= {id(c) for c in self._by_claimant.get(involving, ())}
            involved |= {id(c) for c in self._by_target.get(involving, ())}
        out: list[Claim | Event] = []
        dated, i, j = self._dated_slice(lo, hi)
        for r in dated[i:j]:
            if type(r) is Claim:
                if not want_claims:
                    continue
                d: PartialDate = r.date  # type: ignore[assignment]
            else:
                if not want_events:
                    continue
                d = r.start  # type: ignore[union-attr,assignment]
            if lo is not None and d.first < lo:
                continue
            if hi is not None and d.last > hi:
                continue
            if involved is not None and id(r) not in involved:
                continue
            out.append(r)
        return out

    # --- combining --------------------------------------------------------------------------

    def copy(self) -> Corpus:
        """A new corpus with the same records (records are immutable and shared)."""
        return Corpus(self)

    def merge(self, other: Corpus | Iterable[Record]) -> Corpus:
        """A new corpus with the records of both.

        Raises:
            DuplicateIdError: The two hold different records under the same id.
        """
        out = self.copy()
        out.extend(other)
        return out

    def merge_entities(self, keep: str, drop: str) -> None:
        """Merge entity ``drop`` into ``keep``, rewiring every reference, in place.

        Every claimant, target, addressee, membership, faction parent, event
        participant and organization that named ``drop`` names ``keep``
        instead; ``drop``'s name and aliases become aliases of ``keep``; and
        ``drop`` is removed.

        Raises:
            RecordNotFoundError: Either id is not in the corpus.
            ValidationError: The two are not both actors/factions, or are the same.
        """
        k, d = self[keep], self[drop]
        if not isinstance(k, (Actor, Faction)) or not isinstance(d, (Actor, Faction)):
            raise ValidationError("merge_entities() merges actors and factions only")
        if keep == drop:
            raise ValidationError("merge_entities(): keep and drop are the same id")

        def sub(x: str | None) -> str | None:
            return keep if x == drop else x

        new_aliases = tuple(dict.fromkeys((*k.aliases, *d.names)).keys() - {k.name})
        ordered = tuple(a for a in dict.fromkeys((*k.aliases, *d.names)) if a in new_aliases)
        merged_attrs = {**d.attributes, **k.attributes}
        merged_ids = {**d.identifiers, **k.identifiers}
        self._remove(d)
        self._remove(k)
        self.add(
            attrs.evolve(
                k,
                aliases=ordered,
                attributes=merged_attrs,
                identifiers=merged_ids,
                evidence=tuple(dict.fromkeys((*k.evidence, *d.evidence))),
            )
        )
        for f in list(self._typed[Faction].values()):
            if f.parent == drop:
                self.replace(attrs.evolve(f, parent=sub(f.parent) if f.id != keep else None))
        for c in self._all_claims():
            if drop in (c.claimant, c.target, c.addressee):
                self.replace(
                    attrs.evolve(
                        c,
                        claimant=keep if c.claimant == drop else c.claimant,
                        target=sub(c.target),
                        addressee=sub(c.addressee),
                    )
                )
        for m in list(self._memberships):
            if drop in (m.member, m.faction):
                self._remove(m)
                member, faction = sub(m.member) or keep, sub(m.faction) or keep
                if member != faction:
                    self.add(attrs.evolve(m, member=member, faction=faction))
        for e in list(self._event_refs.get(drop, ())):
            self.replace(
                attrs.evolve(
                    e,
                    organization=sub(e.organization),
                    participants=tuple(
                        attrs.evolve(p, ref=keep) if p.ref == drop else p for p in e.participants
                    ),
                )
            )

    # --- hand-offs to other layers (imported lazily: optional dependencies) ----------------

    def to_frame(
        self, kind: str = "claims", *, library: Literal["pandas", "polars"] = "pandas"
    ) -> Any:
        """One record type as a DataFrame (pandas by default, or polars).

        Needs the ``frames`` extra (``pip install 'discourse-model[frames]'``).
        See :func:`discourse.io.frames.to_frame` for the columns.

        Args:
            kind: ``"claims"``, ``"actors"``, ``"factions"``, ``"memberships"``,
                ``"events"`` or ``"sources"``.
            library: ``"pandas"`` or ``"polars"``.
        """
        from discourse.io.frames import to_frame

        return to_frame(self, kind, library=library)

    def to_store(self, path: str | os.PathLike[str]) -> Store:
        """Write the corpus into a new or existing SQLite :class:`~discourse.Store` at ``path``."""
        from discourse.store import to_store

        return to_store(self, path)

    @overload
    def of_type(self, kind: type[_R]) -> list[_R]: ...
    @overload
    def of_type(self, kind: type[Membership]) -> list[Membership]: ...
    def of_type(self, kind: type) -> list[Any]:
        """All records of one type, e.g. ``corpus.of_type(dc.Actor)``."""
        if kind is Membership:
            return list(self._memberships)
        if kind is Claim:
            return self._all_claims()
        return list(self._typed[kind].values())

    def _all_claims(self) -> list[Claim]:
        """Every claim, in insertion order (a new list)."""
        if self._claim_count() == len(self._by_id):
            return list(self._by_id.values())  # type: ignore[arg-type]
        return [r for r in self._by_id.values() if type(r) is Claim]

    def _claim_count(self) -> int:
        # Every record with an id that is not in a by-type table is a claim.
        return len(self._by_id) - sum(map(len, self._typed.values()))
