"""Measures of intra-party conflict: cohesion, polarization, balance, timelines, key actors.

Each measure reads claims with a target and a ``support`` or ``oppose``
stance (the signed ties of :func:`discourse.networks.signed`), states its
formula in its docstring and cites where it comes from. Results are small
frozen records, so they print readably and compare by value.

Periods are labelled ``"2017"`` (year), ``"2017-03"`` (month),
``"2017-W09"`` (ISO week) or ``"2017-03-02"`` (day); a claim whose date is
vaguer than the period (a claim dated ``"2017"`` when counting by month)
cannot be placed and is left out of per-period counts.
"""

from __future__ import annotations

import datetime as _dt
import math
from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping
from itertools import product
from typing import TYPE_CHECKING, Any, Literal

from attrs import define, field

from discourse.errors import ValidationError
from discourse.model import Claim, Event, PartialDate, Stance
from discourse.networks import ClaimFilter, Level, resolve_factions, signed, windows

if TYPE_CHECKING:
    from typing_extensions import Unpack

    from discourse.corpus import Corpus

__all__ = [
    "EXACT_LIMIT",
    "Balance",
    "ConflictTimeline",
    "KeyActors",
    "Period",
    "Polarization",
    "Tie",
    "balance",
    "cohesion",
    "conflict_timeline",
    "key_actors",
    "period_label",
    "period_range",
    "polarization",
    "polarization_series",
]

Period = Literal["year", "month", "week", "day"]
"""The length of the periods counts are grouped by."""
_PERIODS = ("year", "month", "week", "day")
_SUPPORT = Stance.SUPPORT
_OPPOSE = Stance.OPPOSE


# --- periods ------------------------------------------------------------------------------------


def _check_period(period: str) -> None:
    if period not in _PERIODS:
        raise ValidationError(
            f"period: {period!r} is not one of {', '.join(_PERIODS)}", field="period", value=period
        )


def period_label(date: PartialDate | None, period: Period) -> str | None:
    """The label of the period ``date`` falls in, or ``None`` if it is too vague to tell.

    Examples:
        >>> from discourse import PartialDate
        >>> period_label(PartialDate.parse("2017-03-02"), "week")
        '2017-W09'
        >>> period_label(PartialDate.parse("2017"), "month") is None
        True
    """
    _check_period(period)
    if date is None:
        return None
    if period == "year":
        return f"{date.year:04d}"
    if period == "month":
        return None if date.month is None else f"{date.year:04d}-{date.month:02d}"
    if date.day is None:
        return None
    if period == "day":
        return str(date)
    y, w, _ = date.first.isocalendar()
    return f"{y:04d}-W{w:02d}"


def _label_start(label: str, period: str) -> _dt.date:
    if period == "year":
        return _dt.date(int(label), 1, 1)
    if period == "month":
        return _dt.date(int(label[:4]), int(label[5:7]), 1)
    if period == "week":
        return _dt.date.fromisocalendar(int(label[:4]), int(label[6:8]), 1)
    return _dt.date.fromisoformat(label)


def _next_start(d: _dt.date, period: str) -> _dt.date:
    if period == "year":
        return _dt.date(d.year + 1, 1, 1)
    if period == "month":
        return _dt.date(d.year + d.month // 12, d.month % 12 + 1, 1)
    return d + _dt.timedelta(days=7 if period == "week" else 1)


def period_range(first: str, last: str, period: Period) -> list[str]:
    """Every period label from ``first`` to ``last`` inclusive, gaps filled.

    Examples:
        >>> period_range("2016-11", "2017-02", "month")
        ['2016-11', '2016-12', '2017-01', '2017-02']
    """
    _check_period(period)
    d, end = _label_start(first, period), _label_start(last, period)
    out = []
    while d <= end:
        out.append(period_label(PartialDate.parse(d), period) or "")
        d = _next_start(d, period)
    return out


def _signed_claims(corpus: Corpus, filters: ClaimFilter) -> list[Claim]:
    return [
        c
        for c in corpus.claims(**filters)
        if c.target is not None and (c.stance is _SUPPORT or c.stance is _OPPOSE)
    ]


# --- cohesion -------------------------------------------------------------------------------------


@define(frozen=True, slots=True, kw_only=True)
class Tie:
    """Supportive and opposing claims from one faction (or actor) to another, in one period.

    Attributes:
        claimant: Id of the faction the claims come from.
        target: Id of the faction they are about (equal to ``claimant``
            for claims inside a faction).
        support: Number of supportive claims.
        oppose: Number of opposing claims.
        period: The period label, or ``None`` for the whole time.
    """

    claimant: str
    target: str
    support: int = 0
    oppose: int = 0
    period: str | None = None

    @property
    def within(self) -> bool:
        """Whether the claims stay inside one faction."""
        return self.claimant == self.target

    @property
    def total(self) -> int:
        """``support + oppose``."""
        return self.support + self.oppose

    @property
    def share(self) -> float:
        """The share of supportive claims, ``support / (support + oppose)`` (NaN if none)."""
        return self.support / self.total if self.total else math.nan

    @property
    def net(self) -> float:
        """``(support - oppose) / (support + oppose)``, from -1 (all opposing) to 1 (NaN if none)."""
        return (self.support - self.oppose) / self.total if self.total else math.nan


def cohesion(
    corpus: Corpus,
    *,
    period: Period | None = None,
    factions: Iterable[str] | None = None,
    **filters: Unpack[ClaimFilter],
) -> list[Tie]:
    """Supportive versus opposing claims inside each faction and between factions.

    Every claim with a target and a ``support``/``oppose`` stance is mapped,
    at its date, to the factions of its claimant and of its target (as in
    :func:`discourse.networks.signed` with ``level="faction"``; a sub-faction
    counts for its nearest listed ancestor when ``factions`` is given).
    For each ordered pair of factions (A, B) and each period, with
    ``S_AB`` and ``O_AB`` the supportive and opposing claims from A to B:

    - cohesion of A: ``share = S_AA / (S_AA + O_AA)``, the share of
      supportive claims among A's claims about A and its members;
    - relation of A to B: ``share = S_AB / (S_AB + O_AB)``;
    - ``net = (S - O) / (S + O)`` is the signed-tie analogue of Rice's index
      of cohesion (Rice 1925), ranging from -1 to 1.

    Args:
        corpus: The claims' corpus.
        period: Group by ``"year"``, ``"month"``, ``"week"`` or ``"day"``;
            ``None`` (the default) for one count over the whole time.
        factions: The faction ids to count for; all by default.
        **filters: Claim filters, as in :meth:`Corpus.claims`.

    Returns:
        One :class:`Tie` per (period, claimant faction, target faction) with
        claims, sorted; ``[t for t in ties if t.within]`` are the cohesion figures.

    Raises:
        ValidationError: ``period`` is unknown.

    Reference:
        Rice, S. A. (1925). The behavior of legislative groups: a method of
        measurement. *Political Science Quarterly* 40(1), 60-72.

    Examples:
        >>> [(t.claimant, t.target, t.share) for t in cohesion(corpus)][:1]  # doctest: +SKIP
        [('blairites', 'corbyn-movement', 0.0)]
    """
    if period is not None:
        _check_period(period)
    resolve = resolve_factions(corpus, factions)
    counts: defaultdict[tuple[str | None, str, str], list[int]] = defaultdict(lambda: [0, 0])
    for c in _signed_claims(corpus, filters):
        label = None
        if period is not None:
            label = period_label(c.date, period)
            if label is None:
                continue
        k = 0 if c.stance is _SUPPORT else 1
        for a, b in product(resolve(c.claimant, c.date), resolve(c.target, c.date)):  # type: ignore[arg-type]
            counts[(label, a, b)][k] += 1
    return [
        Tie(period=p, claimant=a, target=b, support=s, oppose=o)
        for (p, a, b), (s, o) in sorted(counts.items(), key=lambda kv: (kv[0][0] or "", kv[0][1:]))
    ]


# --- polarization -----------------------------------------------------------------------------------


@define(frozen=True, slots=True, kw_only=True)
class Polarization:
    """How strongly a signed network splits into two opposing camps, and the split.

    Attributes:
        score: ``1 - frustration / total`` when the best split has opposition
            between its camps, else 0 (the network does not split); from 0 to 1.
        camps: The two camps (sets of node ids), the larger first; nodes
            without signed ties are in neither.
        frustration: Weight of the ties the split contradicts: support
            between the camps plus opposition inside a camp.
        total: Total absolute weight of the signed ties.
        opposition_between: Weight of opposition running between the camps.
        exact: Whether the split is proven optimal (exhaustive search) rather
            than found by the greedy search.
    """

    score: float
    camps: tuple[frozenset[str], frozenset[str]]
    frustration: float
    total: float
    opposition_between: float
    exact: bool

    @property
    def balance(self) -> float:
        """``1 - frustration / total``: the share of tie weight consistent with the split (1 if no ties)."""
        return 1.0 - self.frustration / self.total if self.total else 1.0


def _symmetric(graph: Any) -> dict[str, dict[str, float]]:
    """Undirected signed weights: w(u,v) = weight(u->v) + weight(v->u), no self-loops, no zeros."""
    w: defaultdict[str, defaultdict[str, float]] = defaultdict(lambda: defaultdict(float))
    for u, v, d in graph.edges(data=True):
        if u == v:
            continue
        # undirected: each edge is seen once; directed: u->v and v->u both add to both cells
        x = float(d.get("weight", 1.0))
        w[u][v] += x
        w[v][u] += x
    return {u: {v: x for v, x in nb.items() if x != 0} for u, nb in w.items() if any(nb.values())}


def _frustration(w: Mapping[str, Mapping[str, float]], side: Mapping[str, int]) -> float:
    f = 0.0
    for u, nb in w.items():
        for v, x in nb.items():
            if u < v and ((side[u] == side[v]) != (x > 0)):
                f += abs(x)
    return f


def _greedy_split(w: Mapping[str, Mapping[str, float]], nodes: list[str]) -> dict[str, int]:
    """Sign propagation over a maximum spanning forest, then single-node moves while they help."""
    side: dict[str, int] = {}
    edges = sorted(
        ((abs(x), u, v, x) for u, nb in w.items() for v, x in nb.items() if u < v),
        key=lambda t: (-t[0], t[1], t[2]),
    )
    parent = {n: n for n in nodes}

    def find(n: str) -> str:
        while parent[n] != n:
            parent[n] = parent[parent[n]]
            n = parent[n]
        return n

    tree: defaultdict[str, list[tuple[str, float]]] = defaultdict(list)
    for _, u, v, x in edges:
        ru, rv = find(u), find(v)
        if ru != rv:
            parent[ru] = rv
            tree[u].append((v, x))
            tree[v].append((u, x))
    for root in nodes:
        if root in side:
            continue
        side[root] = 0
        stack = [root]
        while stack:
            u = stack.pop()
            for v, x in tree[u]:
                if v not in side:
                    side[v] = side[u] if x > 0 else 1 - side[u]
                    stack.append(v)
    improved = True
    while improved:  # sweeps of single-node moves; each move lowers F, so this ends
        improved = False
        for u in nodes:
            su = side[u]
            gain = 0.0
            for v, x in w[u].items():
                gain += abs(x) if (su == side[v]) != (x > 0) else -abs(x)
            if gain > 1e-12:
                side[u] = 1 - su
                improved = True
    return side


def _exact_split(w: Mapping[str, Mapping[str, float]], nodes: list[str]) -> dict[str, int]:
    index = {u: i for i, u in enumerate(nodes)}
    edges = [
        (index[u], index[v], x > 0, abs(x)) for u, nb in w.items() for v, x in nb.items() if u < v
    ]
    best_f, best_mask = math.inf, 0
    for mask in range(0, 1 << len(nodes), 2):  # node 0 stays on side 0
        f = 0.0
        for i, j, positive, x in edges:
            if (((mask >> i) ^ (mask >> j)) & 1 == 0) != positive:
                f += x
        if f < best_f - 1e-12:
            best_f, best_mask = f, mask
    return {u: (best_mask >> i) & 1 for i, u in enumerate(nodes)}


EXACT_LIMIT = 12
"""Networks with at most this many tied nodes are split by exhaustive search."""


def polarization(
    graph_or_corpus: Any, *, level: Level = "actor", **filters: Unpack[ClaimFilter]
) -> Polarization:
    """Split a signed network into the two camps that best explain its ties, and score the split.

    The graph is read as undirected: the signed weight between ``u`` and
    ``v`` is ``w(u,v) = weight(u->v) + weight(v->u)`` (self-loops ignored).
    The split ``(A, B)`` minimises the frustration (Doreian & Mrvar 1996)::

        F = sum of |w| over positive ties between A and B
          + sum of |w| over negative ties inside A or inside B

    i.e. it maximises support within the camps and opposition between them.
    Networks of at most :data:`EXACT_LIMIT` tied nodes are searched
    exhaustively; larger ones start from sign propagation along a maximum
    spanning forest (Harary 1953) and move single nodes while that lowers F.
    With ``W = sum |w|``, the score is::

        P = 1 - F / W   if opposition runs between the camps, else 0

    so 1 is a perfect two-camp structure (all support inside camps, all
    opposition between them) and 0 a network that does not split (all
    support, or opposition that no split can put between camps).

    Args:
        graph_or_corpus: A signed networkx graph (edge attribute ``weight``,
            e.g. from :func:`discourse.networks.signed`) or a corpus, from
            which ``signed(corpus, level=level, **filters)`` is built.
        level: ``"actor"`` or ``"faction"``, when given a corpus.
        **filters: Claim filters, when given a corpus.

    Returns:
        A :class:`Polarization`.

    References:
        Doreian, P. & Mrvar, A. (1996). A partitioning approach to structural
        balance. *Social Networks* 18(2), 149-168.
        Harary, F. (1953). On the notion of balance of a signed graph.
        *Michigan Mathematical Journal* 2(2), 143-146.
    """
    graph = _as_graph(graph_or_corpus, level, filters)
    w = _symmetric(graph)
    nodes = sorted(w, key=str)
    if not nodes:
        return Polarization(
            score=0.0,
            camps=(frozenset(), frozenset()),
            frustration=0.0,
            total=0.0,
            opposition_between=0.0,
            exact=True,
        )
    exact = len(nodes) <= EXACT_LIMIT
    side = _exact_split(w, nodes) if exact else _greedy_split(w, nodes)
    f = _frustration(w, side)
    total = sum(abs(x) for u, nb in w.items() for v, x in nb.items() if u < v)
    between = sum(
        -x for u, nb in w.items() for v, x in nb.items() if u < v and x < 0 and side[u] != side[v]
    )
    a = frozenset(u for u in nodes if side[u] == 0)
    b = frozenset(u for u in nodes if side[u] == 1)
    if len(b) > len(a) or (len(b) == len(a) and sorted(b, key=str) < sorted(a, key=str)):
        a, b = b, a
    score = 1.0 - f / total if between > 0 and total > 0 else 0.0
    return Polarization(
        score=score,
        camps=(a, b),
        frustration=f,
        total=total,
        opposition_between=between,
        exact=exact,
    )


def _as_graph(graph_or_corpus: Any, level: Level, filters: ClaimFilter) -> Any:
    from discourse.corpus import Corpus

    if isinstance(graph_or_corpus, Corpus):
        return signed(graph_or_corpus, level=level, **filters)
    if filters:
        raise ValidationError("claim filters apply to a corpus, not to a graph")
    if not hasattr(graph_or_corpus, "edges"):
        raise ValidationError(
            f"expected a Corpus or a networkx graph, got {type(graph_or_corpus).__name__}"
        )
    return graph_or_corpus


def polarization_series(
    corpus: Corpus,
    *,
    size: int | str | _dt.timedelta,
    step: int | str | _dt.timedelta | None = None,
    level: Level = "actor",
    **options: Any,
) -> list[tuple[_dt.date, _dt.date, Polarization]]:
    """:func:`polarization` of the signed network in each moving time window.

    Args:
        corpus: The claims' corpus.
        size: Window length (see :func:`discourse.networks.windows`).
        step: How far windows move on; ``size`` by default.
        level: ``"actor"`` or ``"faction"``.
        **options: Passed to :func:`discourse.networks.signed` (claim
            filters, ``factions=``, ``since``/``until``...).

    Returns:
        ``(first_day, last_day, Polarization)`` per window, in time order.

    Examples:
        >>> for start, end, p in polarization_series(corpus, size="3m"):  # doctest: +SKIP
        ...     print(start, round(p.score, 2))
    """
    return [
        (start, end, polarization(g))
        for start, end, g in windows(
            corpus, size=size, step=step, kind="signed", level=level, **options
        )
    ]


# --- structural balance -----------------------------------------------------------------------------


@define(frozen=True, slots=True, kw_only=True)
class Balance:
    """The triangles of a signed network, balanced and not.

    Attributes:
        balanced: Triangles whose three signs multiply to +1.
        unbalanced: Triangles whose signs multiply to -1.
    """

    balanced: int
    unbalanced: int

    @property
    def triangles(self) -> int:
        """All signed triangles."""
        return self.balanced + self.unbalanced

    @property
    def ratio(self) -> float:
        """``balanced / triangles``, the degree of balance (NaN without triangles)."""
        return self.balanced / self.triangles if self.triangles else math.nan


def balance(
    graph_or_corpus: Any, *, level: Level = "actor", **filters: Unpack[ClaimFilter]
) -> Balance:
    """Structural balance: the share of the signed network's triangles that are balanced.

    The graph is read as undirected with ``w(u,v) = weight(u->v) +
    weight(v->u)``; ties that cancel out to 0 are dropped. A triangle is
    balanced when the product of its three signs is positive ("the friend of
    my friend is my friend, the enemy of my enemy is my friend"), and the
    degree of balance is ``balanced / triangles`` (Cartwright & Harary 1956).

    Args:
        graph_or_corpus: A signed networkx graph or a corpus (see :func:`polarization`).
        level: ``"actor"`` or ``"faction"``, when given a corpus.
        **filters: Claim filters, when given a corpus.

    Returns:
        A :class:`Balance`.

    Reference:
        Cartwright, D. & Harary, F. (1956). Structural balance: a
        generalization of Heider's theory. *Psychological Review* 63(5), 277-293.
    """
    w = _symmetric(_as_graph(graph_or_corpus, level, filters))
    order = {u: i for i, u in enumerate(sorted(w, key=str))}
    good = bad = 0
    for u, nb in w.items():
        ou = order[u]
        later = [v for v in nb if order[v] > ou]
        for i, v in enumerate(later):
            nv = w[v]
            for x in later[i + 1 :]:
                if x in nv:
                    if nb[v] * nb[x] * nv[x] > 0:
                        good += 1
                    else:
                        bad += 1
    return Balance(balanced=good, unbalanced=bad)


# --- conflict timeline ------------------------------------------------------------------------------


@define(frozen=True, slots=True, kw_only=True)
class ConflictTimeline:
    """Opposing claims per period between pairs of factions (or actors), with events.

    Attributes:
        period: The period length (``"month"``...).
        periods: Every period label from the first to the last, gaps filled.
        counts: ``(claimant, target)`` to the number of opposing claims in
            each period, aligned with ``periods``.
        events: ``(period label, event)`` for the dated events in the range.
    """

    period: str
    periods: tuple[str, ...]
    counts: Mapping[tuple[str, str], tuple[int, ...]] = field(factory=dict)
    events: tuple[tuple[str, Event], ...] = ()

    def total(self) -> tuple[int, ...]:
        """Opposing claims per period, over all pairs."""
        return (
            tuple(sum(col) for col in zip(*self.counts.values(), strict=True))
            if self.counts
            else tuple(0 for _ in self.periods)
        )


def conflict_timeline(
    corpus: Corpus,
    *,
    period: Period = "month",
    level: Level = "faction",
    factions: Iterable[str] | None = None,
    **filters: Unpack[ClaimFilter],
) -> ConflictTimeline:
    """Counts of opposing claims per period and per pair, with the events of the period overlaid.

    For each period ``t`` and ordered pair (A, B), ``counts[(A, B)][t]`` is
    the number of claims with stance ``oppose`` made by A (or a member of A
    at the claim's date, with ``level="faction"``) about B (or a member of
    B) dated within ``t``: the event-count series of protest-event and
    political-claims analysis (Koopmans & Statham 1999).

    Args:
        corpus: The claims' corpus.
        period: ``"year"``, ``"month"``, ``"week"`` or ``"day"``.
        level: ``"faction"`` or ``"actor"``.
        factions: Faction ids to aggregate to; all by default.
        **filters: Claim filters, as in :meth:`Corpus.claims` (``stance``
            is fixed to ``"oppose"``).

    Returns:
        A :class:`ConflictTimeline`; its periods run from the first to the
        last period with an opposing claim or an event.

    Reference:
        Koopmans, R. & Statham, P. (1999). Political claims analysis:
        integrating protest event and political discourse approaches.
        *Mobilization* 4(2), 203-221.
    """
    _check_period(period)
    if level not in ("actor", "faction"):
        raise ValidationError(
            f"level: {level!r} is not one of actor, faction", field="level", value=level
        )
    resolve = resolve_factions(corpus, factions)
    opposing: ClaimFilter = {**filters}
    opposing["stance"] = "oppose"
    by: defaultdict[tuple[str, str], Counter[str]] = defaultdict(Counter)
    for c in corpus.claims(**opposing):
        label = period_label(c.date, period)
        if c.target is None or label is None:
            continue
        if level == "actor":
            by[(c.claimant, c.target)][label] += 1
            continue
        for a, b in product(resolve(c.claimant, c.date), resolve(c.target, c.date)):
            by[(a, b)][label] += 1
    since, until = filters.get("since"), filters.get("until")
    events = []
    for e in corpus.timeline(since=since, until=until, include=("events",)):
        label = period_label(e.start, period)  # type: ignore[union-attr]
        if label is not None:
            events.append((label, e))
    labels = {lab for cnt in by.values() for lab in cnt} | {lab for lab, _ in events}
    periods = tuple(period_range(min(labels), max(labels), period)) if labels else ()
    counts = {pair: tuple(cnt.get(p, 0) for p in periods) for pair, cnt in sorted(by.items())}
    return ConflictTimeline(period=period, periods=periods, counts=counts, events=tuple(events))  # type: ignore[arg-type]


# --- key actors -----------------------------------------------------------------------------------


@define(frozen=True, slots=True, kw_only=True)
class KeyActors:
    """Who attacks, who is attacked, and who bridges the camps.

    Attributes:
        attackers: ``(id, opposing claims made)``, most first.
        attacked: ``(id, opposing claims received)``, most first.
        brokers: ``(id, score)``: actors with supportive ties into both
            camps of the :func:`polarization` split, scored by the smaller
            of the two support weights, most first.
        camps: The two camps the brokers are measured against.
    """

    attackers: tuple[tuple[str, int], ...]
    attacked: tuple[tuple[str, int], ...]
    brokers: tuple[tuple[str, float], ...]
    camps: tuple[frozenset[str], frozenset[str]]


def key_actors(
    corpus: Corpus, *, top: int | None = 10, level: Level = "actor", **filters: Unpack[ClaimFilter]
) -> KeyActors:
    """The most active attackers, the most attacked, and the brokers between camps.

    - attackers: out-degree in opposing claims, ``a(i) = #{claims by i with stance oppose}``;
    - attacked: in-degree in opposing claims, ``r(i) = #{claims about i with stance oppose}``;
    - brokers: with camps ``A`` and ``B`` from :func:`polarization` of the
      signed network, ``b(i) = min(s(i, A), s(i, B))`` where ``s(i, X)`` is
      the support exchanged (in either direction) between ``i`` and members
      of ``X`` other than ``i``; actors with ``b(i) > 0`` hold positive ties
      into both camps, the brokerage position of Gould & Fernandez (1989)
      read on signed ties.

    Args:
        corpus: The claims' corpus.
        top: How many of each to keep (``None`` for all).
        level: ``"actor"`` or ``"faction"`` for the signed network and counts.
        **filters: Claim filters, as in :meth:`Corpus.claims`.

    Returns:
        A :class:`KeyActors`; ties are broken by id.

    Reference:
        Gould, R. V. & Fernandez, R. M. (1989). Structures of mediation: a
        formal approach to brokerage in transaction networks.
        *Sociological Methodology* 19, 89-126.
    """
    g = signed(corpus, level=level, **filters)
    out_opp: Counter[str] = Counter()
    in_opp: Counter[str] = Counter()
    for u, v, d in g.edges(data=True):
        if d["oppose"]:
            out_opp[u] += d["oppose"]
            in_opp[v] += d["oppose"]
    split = polarization(g)
    a, b = split.camps
    sup: defaultdict[str, list[float]] = defaultdict(lambda: [0.0, 0.0])
    for u, v, d in g.edges(data=True):
        s = d["support"]
        if not s or u == v:
            continue
        for x, y in ((u, v), (v, u)):
            if y in a:
                sup[x][0] += s
            elif y in b:
                sup[x][1] += s
    brokers = [(n, min(sa, sb)) for n, (sa, sb) in sup.items() if min(sa, sb) > 0]

    def ranked(items: Iterable[tuple[str, Any]]) -> tuple[Any, ...]:
        r = sorted(items, key=lambda kv: (-kv[1], str(kv[0])))
        return tuple(r if top is None else r[:top])

    return KeyActors(
        attackers=ranked(out_opp.items()),
        attacked=ranked(in_opp.items()),
        brokers=ranked(brokers),
        camps=split.camps,
    )
