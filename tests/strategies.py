"""Hypothesis strategies that generate valid records of every type and whole corpora.

Round-trip and invariant tests across the suite draw from here (the attrs habit
of one ``tests/strategies.py``).
"""

from __future__ import annotations

import calendar
from typing import Any

from hypothesis import strategies as st

import discourse as dc

ids = st.text(
    alphabet=st.characters(codec="utf-8", exclude_categories=("Cs",)), min_size=1, max_size=12
)
"""Non-empty ids, including odd Unicode."""

simple_ids = st.from_regex(r"[a-z][a-z0-9\-]{0,10}", fullmatch=True)

texts = st.text(alphabet=st.characters(codec="utf-8", exclude_categories=("Cs",)), max_size=40)
names = texts.filter(lambda s: s.strip() != "")
opt_texts = st.none() | texts

json_scalars = (
    st.none()
    | st.booleans()
    | st.integers(-(2**53), 2**53)
    | texts
    | st.floats(allow_nan=False, allow_infinity=False, width=64)
)
json_values = st.recursive(
    json_scalars,
    lambda children: st.lists(children, max_size=3) | st.dictionaries(texts, children, max_size=3),
    max_leaves=6,
)
attributes = st.dictionaries(texts, json_values, max_size=3)
identifiers = st.dictionaries(texts, texts, max_size=2)
confidences = st.none() | st.floats(0, 1, allow_nan=False)


@st.composite
def partial_dates(draw: st.DrawFn) -> dc.PartialDate:
    """Dates of year, month or day precision."""
    year = draw(st.integers(1800, 2100))
    precision = draw(st.sampled_from(["year", "month", "day"]))
    if precision == "year":
        return dc.PartialDate(year)
    month = draw(st.integers(1, 12))
    if precision == "month":
        return dc.PartialDate(year, month)
    return dc.PartialDate(year, month, draw(st.integers(1, calendar.monthrange(year, month)[1])))


opt_dates = st.none() | partial_dates()


@st.composite
def spans(draw: st.DrawFn, source: Any = None) -> dc.Span:
    """A valid span (start < end)."""
    start = draw(st.integers(0, 10_000))
    end = draw(st.integers(start + 1, start + 500))
    return dc.Span(
        source=draw(source if source is not None else ids),
        start=start,
        end=end,
        text=draw(opt_texts),
    )


def evidence(source: Any = None) -> st.SearchStrategy[tuple[dc.Span, ...]]:
    """Zero to two spans."""
    return st.lists(spans(source), max_size=2).map(tuple)


actor_kinds = st.sampled_from(list(dc.ActorKind))
faction_kinds = st.sampled_from(list(dc.FactionKind))
forms = st.sampled_from(list(dc.ClaimForm))
stances = st.none() | st.sampled_from(list(dc.Stance))
event_kinds = st.sampled_from(list(dc.EventKind))


def actors(id: Any = None) -> st.SearchStrategy[dc.Actor]:
    """Any valid actor."""
    return st.builds(
        dc.Actor,
        id=id if id is not None else ids,
        name=names,
        kind=actor_kinds,
        aliases=st.lists(texts, max_size=3).map(tuple),
        description=opt_texts,
        identifiers=identifiers,
        evidence=evidence(),
        confidence=confidences,
        attributes=attributes,
    )


@st.composite
def factions(draw: st.DrawFn, id: Any = None, parent: Any = None) -> dc.Faction:
    """Any valid faction."""
    fid = draw(id if id is not None else ids)
    par = draw(parent if parent is not None else (st.none() | ids))
    if par == fid:
        par = None
    return dc.Faction(
        id=fid,
        name=draw(names),
        kind=draw(faction_kinds),
        parent=par,
        aliases=tuple(draw(st.lists(texts, max_size=3))),
        description=draw(opt_texts),
        identifiers=draw(identifiers),
        evidence=draw(evidence()),
        confidence=draw(confidences),
        attributes=draw(attributes),
    )


@st.composite
def memberships(draw: st.DrawFn, member: Any = None, faction: Any = None) -> dc.Membership:
    """Any valid membership (end not before start)."""
    a, b = draw(opt_dates), draw(opt_dates)
    if a is not None and b is not None and b.last < a.first:
        a, b = b, a
    if a is not None and b is not None and b.last < a.first:
        b = None
    return dc.Membership(
        member=draw(member if member is not None else ids),
        faction=draw(faction if faction is not None else ids),
        role=draw(opt_texts),
        start=a,
        end=b,
        sources=tuple(draw(st.lists(ids, max_size=2))),
        evidence=draw(evidence()),
        confidence=draw(confidences),
        attributes=draw(attributes),
    )


def claims(id: Any = None, ref: Any = None) -> st.SearchStrategy[dc.Claim]:
    """Any valid claim."""
    r = ref if ref is not None else ids
    return st.builds(
        dc.Claim,
        id=id if id is not None else ids,
        claimant=r,
        form=forms,
        target=st.none() | r,
        stance=stances,
        addressee=st.none() | r,
        issue=opt_texts,
        text=opt_texts,
        quote=opt_texts,
        date=opt_dates,
        evidence=evidence(),
        supports=st.lists(ids, max_size=2).map(tuple),
        attacks=st.lists(ids, max_size=2).map(tuple),
        confidence=confidences,
        attributes=attributes,
    )


@st.composite
def events(draw: st.DrawFn, id: Any = None, ref: Any = None) -> dc.Event:
    """Any valid event (end not before start)."""
    r = ref if ref is not None else ids
    a, b = draw(opt_dates), draw(opt_dates)
    if a is not None and b is not None and b.last < a.first:
        a, b = b, a
    if a is not None and b is not None and b.last < a.first:
        b = None
    return dc.Event(
        id=draw(id if id is not None else ids),
        kind=draw(event_kinds),
        name=draw(opt_texts),
        start=a,
        end=b,
        organization=draw(st.none() | r),
        location=draw(opt_texts),
        participants=tuple(
            draw(st.lists(st.builds(dc.Participant, ref=r, role=opt_texts), max_size=3))
        ),
        outcome=draw(opt_texts),
        evidence=draw(evidence()),
        confidence=draw(confidences),
        attributes=draw(attributes),
    )


sources = st.builds(
    dc.Source,
    id=ids,
    title=opt_texts,
    author=opt_texts,
    publisher=opt_texts,
    url=opt_texts,
    published=opt_dates,
    kind=opt_texts,
    text=opt_texts,
    attributes=attributes,
)

records = st.one_of(actors(), factions(), memberships(), claims(), events(), sources)
"""Any single record."""


@st.composite
def corpora(draw: st.DrawFn, max_records: int = 12, valid: bool = False) -> dc.Corpus:
    """A corpus of records with distinct ids.

    With ``valid=True`` every reference points to a record of the right type,
    so ``corpus.validate()`` passes.
    """
    n_entities = draw(st.integers(0 if not valid else 1, max(1, max_records // 3)))
    entity_ids = draw(st.lists(simple_ids, min_size=n_entities, max_size=n_entities, unique=True))
    ref = st.sampled_from(entity_ids) if entity_ids else ids
    out: list[dc.Record] = []
    faction_ids: list[str] = []
    for i, eid in enumerate(entity_ids):
        if i % 2 == 0:
            out.append(draw(actors(id=st.just(eid))))
        else:
            parent = (
                st.none() | st.sampled_from(faction_ids)
                if (valid and faction_ids)
                else (st.none() if valid else None)
            )
            out.append(draw(factions(id=st.just(eid), parent=parent)))
            faction_ids.append(eid)
    source_ids = [f"src-{i}" for i in range(draw(st.integers(0, 2)))]
    for sid in source_ids:
        out.append(draw(sources.map(lambda s, sid=sid: _evolve(s, id=sid))))
    n_claims = draw(st.integers(0, max_records))
    claim_ids = [f"claim-{i}" for i in range(n_claims)]
    for cid in claim_ids:
        c = draw(claims(id=st.just(cid), ref=ref))
        if valid:
            c = _evolve(
                c,
                supports=tuple(x for x in c.supports if x in claim_ids),
                attacks=tuple(x for x in c.attacks if x in claim_ids),
                evidence=tuple(_evolve(s, source=source_ids[0]) for s in c.evidence)
                if source_ids
                else (),
            )
        out.append(c)
    for j in range(draw(st.integers(0, 3))):
        e = draw(events(id=st.just(f"event-{j}"), ref=ref))
        if valid:
            e = _evolve(
                e,
                evidence=tuple(_evolve(s, source=source_ids[0]) for s in e.evidence)
                if source_ids
                else (),
            )
        out.append(e)
    if faction_ids or not valid:
        fac = st.sampled_from(faction_ids) if faction_ids else ids
        for m in draw(st.lists(memberships(member=ref, faction=fac), max_size=3)):
            if valid:
                m = _evolve(m, sources=(), evidence=())
                if m.member == m.faction:
                    continue
            out.append(m)
    if valid:
        out = [_clean(r) for r in out]
    return dc.Corpus(out)


def _evolve(r: Any, **changes: Any) -> Any:
    import attrs

    return attrs.evolve(r, **changes)


def _clean(r: dc.Record) -> dc.Record:
    """Drop evidence from entities so that spans only point to sources that exist."""
    if isinstance(r, (dc.Actor, dc.Faction)):
        return _evolve(r, evidence=())
    return r
