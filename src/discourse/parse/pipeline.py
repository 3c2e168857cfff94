"""Stage 6 and the public entry points: :func:`parse` and :class:`Parser`.

The pipeline is ``tokenize → tag`` (:func:`~discourse.parse.document.prepare`)
``→ mentions`` (:func:`~discourse.parse.mentions.find_mentions`) ``→ claims``
(:func:`~discourse.parse.claims.find_claims`) ``→ events``
(:func:`~discourse.parse.events.find_events`) ``→ assemble`` (:func:`assemble`,
here), which turns what the stages found into records in a
:class:`~discourse.Corpus`.

Ids are stable: persons and factions get ids from their names
(``"jeremy-corbyn"``), claims and events from the source id and the offset
of their cue or trigger (``"seed:c:623"``), so parsing the same text twice
gives the same corpus.
"""

from __future__ import annotations

import hashlib
from collections import deque
from collections.abc import Iterable, Iterator
from concurrent.futures import Executor, Future, ThreadPoolExecutor
from typing import Final

import attrs

from discourse._gc import gc_paused
from discourse.corpus import Corpus
from discourse.errors import ParseError, ValidationError
from discourse.model import (
    Actor,
    ActorKind,
    Claim,
    DateLike,
    Event,
    Faction,
    FactionKind,
    Membership,
    PartialDate,
    Record,
    Source,
    Span,
    _columns,
    to_partial_date,
)
from discourse.parse.claims import author_id, find_claims
from discourse.parse.document import Doc, prepare
from discourse.parse.events import find_events
from discourse.parse.lexicon import Lexicon
from discourse.parse.mentions import FACTION, Mentions, find_mentions

__all__ = ["Parser", "assemble", "parse", "source_id"]

#: How many documents :meth:`Parser.parse_many` sends to a worker at once.
_BATCH: Final = 8
#: How many batches may be in flight per :meth:`Parser.parse_many` call.
_IN_FLIGHT: Final = 16


def source_id(text: str) -> str:
    """The stable id of an anonymous document: ``doc-`` and 10 hex digits of its SHA-1.

    Examples:
        >>> source_id("Corbyn said no.")
        'doc-a3a8c7b0c6'
    """
    data = text.encode("utf-8", "surrogatepass")
    return "doc-" + hashlib.sha1(data, usedforsecurity=False).hexdigest()[:10]


def _check_text(text: object) -> str:
    if not isinstance(text, str):
        raise ParseError(f"parse() expects a string, got {type(text).__name__}")
    return text


def _source(text: str, source: Source | str | None, date: PartialDate | None) -> Source:
    if source is None:
        return Source(id=source_id(text), text=text, published=date)
    if isinstance(source, Source):
        if source.text == text and (source.published is not None or date is None):
            return source
        return attrs.evolve(source, text=text, published=source.published or date)
    if isinstance(source, str) and source:
        return Source(id=source, text=text, published=date)
    raise ParseError(f"source must be a Source or a non-empty id string, got {source!r}")


def _date(date: DateLike | None) -> PartialDate | None:
    if date is None:
        return None
    try:
        return to_partial_date(date)
    except ValidationError as exc:
        raise ParseError(f"date: {exc}") from None


def assemble(
    doc: Doc,
    mentions: Mentions,
    claims: list[Claim],
    events: list[Event],
    source: Source,
) -> Corpus:
    """Stage 6: turn what the stages found into a :class:`~discourse.Corpus`.

    Args:
        doc: The prepared document.
        mentions: The mention stage's result.
        claims: The claim stage's result.
        events: The event stage's result.
        source: The source record (included in the corpus).

    Returns:
        The corpus: the source, actors, factions, memberships, claims, events.
    """
    return Corpus(_assemble_records(doc, mentions, claims, events, source))


def _assemble_records(
    doc: Doc,
    mentions: Mentions,
    claims: list[Claim],
    events: list[Event],
    source: Source,
) -> list[Record]:
    sid = source.id
    text = doc.text
    records: list[Record] = [source]
    main_party = mentions.main_party()
    ents = mentions.entities
    parents = {e.parent for e in ents.values() if e.spans and e.parent}
    parties = [
        e
        for e in ents.values()
        if e.type == FACTION
        and e.faction_kind is FactionKind.PARTY
        and (e.spans or e.id in parents)
    ]
    # the party a wing without a stated parent sits in: its namesake's party, or the only party named
    sole_party = parties[0].id if len(parties) == 1 else None
    main_party = main_party or sole_party
    party_of: dict[str, str] = {}
    for md in mentions.memberships:
        f = ents.get(md.faction) if md.faction else None
        if f is not None and f.faction_kind is FactionKind.PARTY:
            party_of.setdefault(md.member, f.id)
    wanted: set[str] = set()
    for c in claims:
        wanted.update(x for x in (c.claimant, c.target, c.addressee) if x)
    for ev in events:
        wanted.update(p.ref for p in ev.participants)
        if ev.organization:
            wanted.add(ev.organization)
    for e in ents.values():
        spans = tuple(
            Span(source=sid, start=a, end=b, text=text[a:b])
            for a, b in sorted(set(e.spans))
            if b > a
        )
        if not spans and e.id not in wanted and not any(x.parent == e.id for x in ents.values()):
            continue  # known only as a parent, never mentioned
        if e.weak and e.id not in wanted:
            continue  # "the rebels" who neither claim nor are targeted
        aliases = tuple(a for a in e.aliases if a != e.name)
        if e.type == FACTION:
            parent = e.parent
            if parent is None and e.anchor is not None:
                parent = party_of.get(e.anchor)
            if (
                parent is None
                and sole_party is not None
                and sole_party != e.id
                and e.faction_kind
                in (FactionKind.WING, FactionKind.TENDENCY, FactionKind.CAUCUS, FactionKind.GROUP)
            ):
                parent = sole_party
            if parent is not None and ents.get(parent) is not None and ents[parent].parent == e.id:
                parent = None
            attributes = {"anchor": e.anchor} if e.anchor else {}
            records.append(
                Faction(
                    id=e.id,
                    name=e.name,
                    kind=e.faction_kind,
                    parent=parent,
                    aliases=aliases,
                    evidence=spans,
                    confidence=round(e.confidence, 2),
                    attributes=attributes,
                )
            )
        else:
            attributes2: dict[str, object] = {}
            if e.roles:
                attributes2["roles"] = list(dict.fromkeys(e.roles))
            records.append(
                Actor(
                    id=e.id,
                    name=e.name,
                    kind=e.actor_kind,
                    aliases=aliases,
                    evidence=spans,
                    confidence=round(e.confidence, 2),
                    attributes=attributes2,
                )
            )
    seen: set[tuple[str, str, str | None]] = set()
    for md in mentions.memberships:
        faction = md.faction or main_party
        if faction is None or faction == md.member or faction not in ents or md.member not in ents:
            continue
        key = (md.member, faction, md.role)
        if key in seen:
            continue
        seen.add(key)
        records.append(
            Membership(
                member=md.member,
                faction=faction,
                role=md.role,
                sources=(sid,),
                evidence=(
                    Span(source=sid, start=md.start, end=md.end, text=text[md.start : md.end]),
                ),
                confidence=md.confidence if md.faction else min(md.confidence, 0.5),
            )
        )
    if any(c.claimant == author_id(sid) for c in claims):
        records.append(
            Actor(
                id=author_id(sid),
                name="the author",
                kind=ActorKind.PERSON,
                description=f"the author of {sid}",
                attributes={"author": True},
            )
        )
    records.extend(claims)
    records.extend(events)
    return records


@attrs.define(eq=False)
class Parser:
    """A configured, reusable text parser.

    A parser holds only its lexicon and options, so it pickles cleanly and
    can be sent to worker processes (:meth:`parse_many` with a
    :class:`~concurrent.futures.ProcessPoolExecutor`, Dask or Ray executors).

    Examples:
        >>> parser = Parser()
        >>> corpus = parser.parse("Senator Jane Roe accused John Doe of betrayal.", source="s1")
        >>> [c.form.value for c in corpus.claims()]
        ['accusation']

    Attributes:
        lexicon: What the parser knows. Default: the shipped generic English
            lexicon. A user lexicon is merged into it unless ``merge=False``.
        merge: Whether to merge ``lexicon`` into the shipped one.
        min_confidence: Records below this confidence are left out.
    """

    lexicon: Lexicon | None = None
    merge: bool = True
    min_confidence: float = 0.0
    _effective: Lexicon | None = attrs.field(default=None, init=False, repr=False)

    def __getstate__(self) -> dict[str, object]:
        return {"lexicon": self.lexicon, "merge": self.merge, "min_confidence": self.min_confidence}

    def __setstate__(self, state: dict[str, object]) -> None:
        object.__setattr__(self, "lexicon", state["lexicon"])
        object.__setattr__(self, "merge", state["merge"])
        object.__setattr__(self, "min_confidence", state["min_confidence"])
        object.__setattr__(self, "_effective", None)

    @property
    def effective_lexicon(self) -> Lexicon:
        """The lexicon actually used (the shipped one merged with the user's)."""
        lex = self._effective
        if lex is None:
            if self.lexicon is None:
                lex = Lexicon.default()
            elif self.merge:
                lex = Lexicon.default().merge(self.lexicon)
            else:
                lex = self.lexicon
            self._effective = lex
        return lex

    def parse(
        self,
        text: str,
        *,
        source: Source | str | None = None,
        date: DateLike | None = None,
    ) -> Corpus:
        """Parse one document.

        Args:
            text: The document, as a string (offsets index it exactly).
            source: The :class:`~discourse.Source` (or its id) the evidence
                points to; default: a source with id ``doc-<sha1[:10]>``.
            date: The publication date: anchors relative dates and is the
                default date of claims. Default: ``source.published``.

        Returns:
            A corpus with the source, the actors, factions and memberships,
            the claims and the events found. Empty (but for the source) when
            the text is blank.

        Raises:
            ParseError: ``text`` is not a string, or ``source``/``date`` are unusable.
        """
        records = self._records(text, source, date)
        corpus = Corpus(records)
        if self.min_confidence > 0:
            corpus = _filter(corpus, self.min_confidence)
        return corpus

    def _records(
        self, text: str, source: Source | str | None, date: DateLike | None
    ) -> list[Record]:
        """The records :meth:`parse` puts in its corpus (before the confidence filter)."""
        text = _check_text(text)
        anchor = _date(date)
        if anchor is None and isinstance(source, Source):
            anchor = source.published
        src = _source(text, source, anchor)
        if not text.strip():
            return []
        lex = self.effective_lexicon
        doc = prepare(text, source=src.id)
        mentions = find_mentions(doc, lex)
        claims = find_claims(doc, mentions, lex, date=anchor)
        events = find_events(doc, mentions, lex, date=anchor)
        return _assemble_records(doc, mentions, claims, events, src)

    def parse_many(
        self,
        texts: Iterable[str | tuple[str, Source | str | None]],
        *,
        executor: Executor | None = None,
        date: DateLike | None = None,
    ) -> Iterator[Corpus]:
        """Parse many documents, yielding one corpus per document in input order.

        Args:
            texts: Strings, or ``(text, source)`` pairs.
            executor: Any :class:`concurrent.futures.Executor` (thread or
                process pool, Dask's or Ray's); ``None`` parses in this
                thread. Documents go to workers in small batches, with a
                bounded number in flight, so memory stays flat on long
                streams; the last documents go in smaller batches, so the
                workers finish together.
            date: The publication date of every document, if shared.

        Yields:
            One corpus per input, in order.

        Raises:
            ParseError: An input is not a string.
        """
        items = (_item(t) for t in texts)
        if executor is None:
            for text, source in items:
                yield self.parse(text, source=source, date=date)
            return
        # Across processes, each batch's records travel in columns of plain
        # values (discourse.model._columns), which the executor pickles as a few
        # long lists, and this process rebuilds the records only when they are
        # consumed, with the GC paused.
        packed = not isinstance(executor, ThreadPoolExecutor)
        pending: deque[Future[_Batch]] = deque()
        ahead: deque[tuple[str, Source | str | None]] = deque()

        def submit(size: int) -> None:
            batch = [ahead.popleft() for _ in range(size)]
            pending.append(executor.submit(_parse_batch, self, batch, date, packed))

        for item in items:
            ahead.append(item)
            # Reading a batch ahead tells which batches are the last ones.
            if len(ahead) >= 2 * _BATCH:
                submit(_BATCH)
                while len(pending) >= _IN_FLIGHT:
                    yield from _results(pending.popleft())
        # The last documents go in halving batches, so that no worker is left
        # with a whole batch to parse while the others wait: 15 → 7, 4, 2, 1, 1.
        while ahead:
            submit(max(1, len(ahead) // 2))
        while pending:
            yield from _results(pending.popleft())


def _item(t: object) -> tuple[str, Source | str | None]:
    if isinstance(t, tuple) and len(t) == 2:
        text, source = t
        return _check_text(text), source
    return _check_text(t), None


#: A batch's result: each document's records, or all of them in columns.
_Batch = list[list[Record]] | _columns.Packed


def _parse_batch(
    parser: Parser,
    batch: list[tuple[str, Source | str | None]],
    date: DateLike | None,
    packed: bool,
) -> _Batch:
    # Each document's records, not its Corpus: the records alone are about half
    # the pickle of a corpus with its indices, and the corpus is built once, by
    # the consuming process. ``packed``: the batch goes back in columns, read and
    # written by C loops rather than pickled and rebuilt record by record.
    if not packed:
        return [_batch_item(parser, text, source, date) for text, source in batch]
    with gc_paused():
        out = [_batch_item(parser, text, source, date) for text, source in batch]
        return _columns.pack(out)


def _batch_item(
    parser: Parser, text: str, source: Source | str | None, date: DateLike | None
) -> list[Record]:
    if parser.min_confidence > 0:
        return list(parser.parse(text, source=source, date=date))
    return parser._records(text, source, date)


def _results(future: Future[_Batch]) -> list[Corpus]:
    # Records are rebuilt from their columns without re-running their converters
    # (they were valid when packed by our own worker), which keeps this
    # process's share of the work small.
    result = future.result()
    if isinstance(result, list):
        return [Corpus(records) for records in result]
    with gc_paused():
        return [Corpus(records) for records in _columns.unpack(result)]


def _filter(corpus: Corpus, threshold: float) -> Corpus:
    keep: list[Record] = []
    dropped: set[str] = set()
    for r in corpus:
        conf = getattr(r, "confidence", None)
        if conf is not None and conf < threshold and not isinstance(r, (Membership, Source)):
            dropped.add(r.id)
            continue
        keep.append(r)
    out: list[Record] = []
    for r in keep:
        if isinstance(r, Claim) and (r.claimant in dropped):
            continue
        if isinstance(r, Claim) and (r.target in dropped or r.addressee in dropped):
            r = attrs.evolve(
                r,
                target=None if r.target in dropped else r.target,
                addressee=None if r.addressee in dropped else r.addressee,
                stance=None if r.target in dropped else r.stance,
            )
        if isinstance(r, Membership) and (
            r.member in dropped or r.faction in dropped or (r.confidence or 1) < threshold
        ):
            continue
        if isinstance(r, Event):
            r = attrs.evolve(
                r,
                participants=tuple(p for p in r.participants if p.ref not in dropped),
                organization=None if r.organization in dropped else r.organization,
            )
        if isinstance(r, Faction) and r.parent in dropped:
            r = attrs.evolve(r, parent=None)
        out.append(r)
    return Corpus(out)


_DEFAULT: Parser | None = None


def parse(
    text: str,
    *,
    source: Source | str | None = None,
    lexicon: Lexicon | None = None,
    date: DateLike | None = None,
) -> Corpus:
    """Parse one English political news or opinion text into a corpus.

    Args:
        text: The document.
        source: The :class:`~discourse.Source` (or its id) the evidence points to.
        lexicon: A user lexicon, merged into the shipped generic one.
        date: The publication date (anchors "on Tuesday"; default claim date).

    Returns:
        A :class:`~discourse.Corpus` of actors, factions, memberships, claims
        and events, each with evidence spans and a confidence.

    Raises:
        ParseError: ``text`` is not a string.

    Examples:
        >>> import discourse as dc
        >>> c = dc.parse("Labour MP Jess Phillips criticised Jeremy Corbyn.", source="s")
        >>> claim = c.claims()[0]
        >>> claim.claimant, claim.target, claim.stance.value
        ('jess-phillips', 'jeremy-corbyn', 'oppose')
    """
    global _DEFAULT
    if lexicon is not None:
        return Parser(lexicon=lexicon).parse(text, source=source, date=date)
    if _DEFAULT is None:
        _DEFAULT = Parser()
    return _DEFAULT.parse(text, source=source, date=date)
