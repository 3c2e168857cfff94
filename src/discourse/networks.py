"""Discourse networks: from coded claims to plain :mod:`networkx` graphs.

Every function here reads the claims of a :class:`~discourse.Corpus`,
filtered by the same keywords as :meth:`Corpus.claims <discourse.Corpus.claims>`
(``claimant``, ``target``, ``stance``, ``form``, ``issue``, ``faction``,
``source``, ``since``, ``until``), and returns an ordinary networkx graph
that can be analysed, drawn or written with networkx itself.

- :func:`affiliation`: two-mode network claimant x issue (or x target).
- :func:`congruence`, :func:`conflict`, :func:`subtract`: one-mode actor
  networks from shared issues or targets, with the definitions and
  normalizations of the Discourse Network Analyzer (Leifeld 2017).
- :func:`signed`: the directed signed network *who is for or against whom*,
  between actors or between factions.
- :func:`windows`: one network per moving time window.

Counting is done in one pass over the claims with dictionaries, so building a
network costs time in proportion to the claims plus the pairs it returns.

networkx is an optional dependency: ``pip install 'discourse-model[networks]'``.

Reference:
    Leifeld, P. (2017). Discourse network analysis: policy debates as dynamic
    networks. In J. N. Victor, A. H. Montgomery & M. Lubell (eds.), *The
    Oxford Handbook of Political Networks*, 301-325. Oxford University Press.
"""

from __future__ import annotations

import calendar
import datetime as _dt
import re
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Iterator, Mapping
from itertools import combinations
from typing import TYPE_CHECKING, Any, Literal, TypedDict

from discourse.errors import ValidationError
from discourse.model import (
    Actor,
    Claim,
    ClaimForm,
    DateLike,
    Faction,
    Membership,
    PartialDate,
    Stance,
    to_partial_date,
)

if TYPE_CHECKING:
    from typing_extensions import Unpack

    from discourse.corpus import Corpus

__all__ = [
    "NUMPY_MAX_CELLS",
    "ClaimFilter",
    "Duplicates",
    "Level",
    "Mode",
    "Normalization",
    "affiliation",
    "conflict",
    "congruence",
    "require_networkx",
    "resolve_factions",
    "signed",
    "subtract",
    "windows",
]

Normalization = Literal["none", "average", "jaccard", "cosine"]
"""How one-mode edge weights are normalized (see :func:`congruence`)."""
Duplicates = Literal["include", "document", "week", "month", "year"]
"""How repeated claims are counted (see :func:`congruence`)."""
Mode = Literal["issue", "target"]
"""What ties claimants in one-mode networks, or forms the second mode of two-mode ones."""
Level = Literal["actor", "faction"]
"""Whether signed networks and measures are between actors or between factions."""

_NORMALIZATIONS = ("none", "average", "jaccard", "cosine")
_DUPLICATES = ("include", "document", "week", "month", "year")
_SUPPORT = Stance.SUPPORT
_OPPOSE = Stance.OPPOSE


class ClaimFilter(TypedDict, total=False):
    """The claim filters every network and measure accepts, as in :meth:`Corpus.claims`."""

    claimant: str
    target: str
    stance: Stance | str
    form: ClaimForm | str
    issue: str
    faction: str
    source: str
    since: DateLike
    until: DateLike


def require_networkx() -> Any:
    """Import networkx, or raise an ImportError saying which extra to install.

    Raises:
        ImportError: networkx is not installed.
    """
    try:
        import networkx as nx
    except ImportError:  # pragma: no cover - networkx is installed in the test environment
        raise ImportError(
            "discourse.networks needs networkx; install it with: "
            "pip install 'discourse-model[networks]'"
        ) from None
    return nx


def _check(name: str, value: str, allowed: tuple[str, ...]) -> None:
    if value not in allowed:
        raise ValidationError(
            f"{name}: {value!r} is not one of {', '.join(allowed)}", field=name, value=value
        )


def _claims(corpus: Corpus, filters: ClaimFilter) -> list[Claim]:
    return corpus.claims(**filters)


def _node_attrs(corpus: Corpus, node: str) -> dict[str, Any]:
    r = corpus.get(node)
    if isinstance(r, Actor):
        return {"label": r.name, "type": "actor", "kind": r.kind.value}
    if isinstance(r, Faction):
        return {"label": r.name, "type": "faction", "kind": r.kind.value, "faction": r.id}
    return {"label": node, "type": "unknown"}


def _duplicate_key(c: Claim, duplicates: str) -> object:
    """The period within which a repeated claim counts once (a unique key = never merged)."""
    if duplicates == "document":
        return c.evidence[0].source if c.evidence else ("claim", c.id)
    d = c.date
    if d is None:
        return ("claim", c.id)
    if duplicates == "year":
        return d.year
    if duplicates == "month":
        return (d.year, d.month) if d.month is not None else ("claim", c.id)
    # week: needs a day
    if d.day is None:
        return ("claim", c.id)
    iso = d.first.isocalendar()
    return (iso[0], iso[1])


def _deduplicated(
    claims: Iterable[Claim], duplicates: str, concept: Callable[[Claim], Any]
) -> Iterator[Claim]:
    if duplicates == "include":
        yield from claims
        return
    seen: set[tuple[Any, ...]] = set()
    for c in claims:
        key = (c.claimant, concept(c), c.stance, _duplicate_key(c, duplicates))
        if key in seen:
            continue
        seen.add(key)
        yield c


def _concept_of(mode: str) -> Callable[[Claim], str | None]:
    _check("mode", mode, ("issue", "target"))
    if mode == "issue":
        return lambda c: c.issue
    return lambda c: c.target


# --- two-mode ---------------------------------------------------------------------------------


def affiliation(
    corpus: Corpus,
    *,
    mode: Mode = "issue",
    aggregation: Literal["ignore", "subtract", "combine"] = "ignore",
    duplicates: Duplicates = "include",
    **filters: Unpack[ClaimFilter],
) -> Any:
    """The two-mode network of claimants and the issues (or targets) they speak about.

    Claimant nodes are keyed by their id and have ``bipartite=0``; the other
    mode is keyed ``"issue:<issue>"`` or ``"target:<id>"`` (so an actor can be
    both a claimant and a target) and has ``bipartite=1``. Claims without an
    issue (or target) are left out.

    Node attributes: ``label`` (name, or the issue text), ``type``
    (``"actor"``, ``"faction"``, ``"issue"``, ``"target"``), ``bipartite``;
    targets also carry ``ref`` (the target id).

    Edge attributes: ``support``, ``oppose``, ``neutral`` (claims without a
    stance count as neutral) and ``weight``, which depends on ``aggregation``
    (DNA's qualifier aggregation):

    - ``"ignore"``: every claim counts, ``weight = support + oppose + neutral``;
    - ``"subtract"``: ``weight = support - oppose``;
    - ``"combine"``: ``weight`` is ``1`` (only support), ``-1`` (only
      opposition), ``0`` (both, or neither), and ``stance`` says
      ``"support"``, ``"oppose"``, ``"mixed"`` or ``"neutral"``.

    Args:
        corpus: The claims' corpus.
        mode: ``"issue"`` or ``"target"``: what the second mode is.
        aggregation: How stances make the edge weight (see above).
        duplicates: Count a repeated claim once per ``"document"``,
            ``"week"``, ``"month"`` or ``"year"`` (see :func:`congruence`).
        **filters: Claim filters, as in :meth:`Corpus.claims`.

    Returns:
        A ``networkx.Graph`` with ``graph["kind"] == "affiliation"``.

    Raises:
        ValidationError: An option has an unknown value.

    Examples:
        >>> g = affiliation(corpus, mode="target", aggregation="subtract")  # doctest: +SKIP
        >>> g["blairites"]["target:jeremy-corbyn"]["weight"]  # doctest: +SKIP
        -1
    """
    nx = require_networkx()
    concept = _concept_of(mode)
    _check("aggregation", aggregation, ("ignore", "subtract", "combine"))
    _check("duplicates", duplicates, _DUPLICATES)
    counts: defaultdict[tuple[str, str], list[int]] = defaultdict(lambda: [0, 0, 0])
    for c in _deduplicated(_claims(corpus, filters), duplicates, concept):
        x = concept(c)
        if x is None:
            continue
        cell = counts[(c.claimant, x)]
        cell[0 if c.stance is _SUPPORT else 1 if c.stance is _OPPOSE else 2] += 1
    g = nx.Graph(kind="affiliation", mode=mode, aggregation=aggregation)
    for (a, x), (s, o, n) in counts.items():
        if a not in g:
            g.add_node(a, bipartite=0, **_node_attrs(corpus, a))
        key = f"{mode}:{x}"
        if key not in g:
            attrs: dict[str, Any] = {"bipartite": 1, "type": mode}
            if mode == "target":
                attrs["label"] = _node_attrs(corpus, x)["label"]
                attrs["ref"] = x
            else:
                attrs["label"] = x
            g.add_node(key, **attrs)
        edge: dict[str, Any] = {"support": s, "oppose": o, "neutral": n}
        if aggregation == "ignore":
            edge["weight"] = s + o + n
        elif aggregation == "subtract":
            edge["weight"] = s - o
        else:
            stance = "mixed" if s and o else "support" if s else "oppose" if o else "neutral"
            edge["stance"] = stance
            edge["weight"] = 1 if stance == "support" else -1 if stance == "oppose" else 0
        g.add_edge(a, key, **edge)
    return g


# --- one-mode (DNA congruence / conflict) -------------------------------------------------------


def _one_mode(
    corpus: Corpus,
    kind: str,
    mode: str,
    normalization: str,
    duplicates: str,
    filters: ClaimFilter,
) -> Any:
    nx = require_networkx()
    concept = _concept_of(mode)
    _check("normalization", normalization, _NORMALIZATIONS)
    _check("duplicates", duplicates, _DUPLICATES)
    # cells[concept][actor] = [support, oppose]; activity[actor] = n_i
    cells: defaultdict[str, dict[str, list[int]]] = defaultdict(dict)
    activity: Counter[str] = Counter()
    for c in _deduplicated(_claims(corpus, filters), duplicates, concept):
        x = concept(c)
        if x is None or (c.stance is not _SUPPORT and c.stance is not _OPPOSE):
            continue
        row = cells[x].get(c.claimant)
        if row is None:
            row = cells[x][c.claimant] = [0, 0]
        row[0 if c.stance is _SUPPORT else 1] += 1
        activity[c.claimant] += 1

    want_jaccard = normalization == "jaccard"
    pairs = _pairs_numpy(cells, activity, want_jaccard) if _use_numpy(cells, activity) else None
    if pairs is None:
        pairs = _pairs_python(cells, want_jaccard)

    g = nx.Graph(kind=kind, mode=mode, normalization=normalization, duplicates=duplicates)
    for a in sorted(activity):
        g.add_node(a, claims=activity[a], **_node_attrs(corpus, a))

    def edges() -> Iterator[tuple[str, str, dict[str, Any]]]:
        for a, b, cg, cf, sha, shb in pairs:
            raw = cg if kind == "congruence" else cf if kind == "conflict" else cg - cf
            if kind != "subtract" and raw == 0:
                continue
            na, nb = activity[a], activity[b]
            if normalization == "none":
                weight: float = raw
            elif normalization == "average":
                weight = raw / ((na + nb) / 2)
            elif normalization == "cosine":
                weight = raw / (na * nb)
            else:
                weight = raw / ((na - sha) + (nb - shb) + cg)
            yield a, b, {"weight": weight, "congruence": cg, "conflict": cf}

    g.add_edges_from(edges())
    return g


_Pair = tuple[str, str, int, int, int, int]
"""``(a, b, congruence, conflict, shared_a, shared_b)`` for a pair with ``a < b``."""

NUMPY_MAX_CELLS = 20_000_000
"""Largest actors x concepts matrix the numpy path of the one-mode networks builds."""


def _use_numpy(cells: Mapping[str, Mapping[str, list[int]]], activity: Mapping[str, int]) -> bool:
    n = len(activity)
    if n < 64 or n * len(cells) > NUMPY_MAX_CELLS:
        return False
    try:
        import numpy  # noqa: F401
    except ImportError:  # pragma: no cover - numpy comes with matplotlib and networkx users
        return False
    return True


def _pairs_python(cells: Mapping[str, Mapping[str, list[int]]], want_jaccard: bool) -> list[_Pair]:
    """Per pair: congruence, conflict, and the shared counts the Jaccard norm needs."""
    acc: dict[tuple[str, str], list[int]] = {}
    for actors in cells.values():
        if len(actors) < 2:
            continue
        for (a, (sa, oa)), (b, (sb, ob)) in combinations(sorted(actors.items()), 2):
            cg = sa * sb + oa * ob
            cf = sa * ob + oa * sb
            if not (cg or cf):
                continue
            v = acc.get((a, b))
            if v is None:
                v = acc[(a, b)] = [0, 0, 0, 0]
            v[0] += cg
            v[1] += cf
            if want_jaccard:
                if sa and sb:
                    v[2] += sa
                    v[3] += sb
                if oa and ob:
                    v[2] += oa
                    v[3] += ob
    return [(a, b, *v) for (a, b), v in sorted(acc.items())]  # type: ignore[misc]


def _pairs_numpy(
    cells: Mapping[str, Mapping[str, list[int]]], activity: Mapping[str, int], want_jaccard: bool
) -> list[_Pair]:
    """As :func:`_pairs_python`, with matrix products over row blocks (same result, faster)."""
    import numpy as np

    actors = sorted(activity)
    index = {a: i for i, a in enumerate(actors)}
    n, m = len(actors), len(cells)
    if n == 0:
        return []
    sup = np.zeros((n, m))
    opp = np.zeros((n, m))
    for j, row in enumerate(cells.values()):
        for a, (ns, no) in row.items():
            sup[index[a], j] = ns
            opp[index[a], j] = no
    sup_t, opp_t = sup.T.copy(), opp.T.copy()
    if want_jaccard:
        sup_used, opp_used = (sup > 0).T.astype(float), (opp > 0).T.astype(float)
    out: list[_Pair] = []
    block = max(1, 2_000_000 // n)
    for lo in range(0, n, block):
        hi = min(n, lo + block)
        bs, bo = sup[lo:hi], opp[lo:hi]
        cong = bs @ sup_t + bo @ opp_t
        conf = bs @ opp_t + bo @ sup_t
        # keep pairs a < b that share a concept with a stance
        mask = (cong > 0) | (conf > 0)
        mask &= np.arange(n)[None, :] > np.arange(lo, hi)[:, None]
        rows, cols = np.nonzero(mask)
        cg = np.rint(cong[rows, cols]).astype(np.int64).tolist()
        cf = np.rint(conf[rows, cols]).astype(np.int64).tolist()
        if want_jaccard:
            shared = bs @ sup_used + bo @ opp_used  # i's counts on the cells i' uses
            sha = np.rint(shared[rows, cols]).astype(np.int64).tolist()
            shared_b = sup_used.T[lo:hi] @ sup_t + opp_used.T[lo:hi] @ opp_t  # i' on cells i uses
            shb = np.rint(shared_b[rows, cols]).astype(np.int64).tolist()
        else:
            sha = shb = [0] * len(rows)
        for r, c, x, y, p, q in zip(rows.tolist(), cols.tolist(), cg, cf, sha, shb, strict=True):
            out.append((actors[lo + r], actors[c], x, y, p, q))
    return out


def congruence(
    corpus: Corpus,
    *,
    mode: Mode = "target",
    normalization: Normalization = "none",
    duplicates: Duplicates = "include",
    **filters: Unpack[ClaimFilter],
) -> Any:
    """Actors tied by taking the same stance on the same targets or issues.

    Two claimants are tied through every target (``mode="target"``) or
    issue (``mode="issue"``) they both make claims about. Only claims with a
    ``support`` or ``oppose`` stance count. With ``a[i,j,k]`` the number of
    claims by actor ``i`` about concept ``j`` with stance ``k``, as in the
    Discourse Network Analyzer (Leifeld 2017):

    - congruence ``c(i,i') = sum_j sum_k a[i,j,k] * a[i',j,k]`` (same stance),
    - conflict ``d(i,i') = sum_j sum_(k != k') a[i,j,k] * a[i',j,k']``
      (opposite stances; :func:`conflict`),
    - subtract ``c(i,i') - d(i,i')`` (:func:`subtract`).

    The raw weight is divided by a norm, with ``n_i = sum_jk a[i,j,k]`` the
    actor's number of counted claims:

    - ``"none"``: 1;
    - ``"average"``: ``(n_i + n_i') / 2``;
    - ``"jaccard"``: ``m10 + m01 + m11``, where ``m10`` sums ``i``'s counts
      on the (concept, stance) cells ``i'`` never uses, ``m01`` the reverse,
      and ``m11`` the products on the cells both use;
    - ``"cosine"``: ``n_i * n_i'``, which is what DNA's exporter divides by
      under this name.

    ``duplicates`` counts a repeated claim (same claimant, concept and
    stance) once per ``"document"`` (the source of its first evidence span),
    ISO ``"week"``, ``"month"`` or ``"year"`` of its date; claims whose date
    is too vague for the period, or without evidence for ``"document"``, are
    never merged. ``"include"`` (the default) counts every claim.

    Nodes are the claimants with at least one counted claim, with attributes
    ``label``, ``type`` (``"actor"``/``"faction"``/``"unknown"``), ``kind``
    and ``claims`` (``n_i``). Edges carry ``weight`` (normalized),
    ``congruence`` and ``conflict`` (raw counts).

    Args:
        corpus: The claims' corpus.
        mode: ``"target"`` or ``"issue"``: what ties claimants.
        normalization: ``"none"``, ``"average"``, ``"jaccard"`` or ``"cosine"``.
        duplicates: ``"include"``, ``"document"``, ``"week"``, ``"month"`` or ``"year"``.
        **filters: Claim filters, as in :meth:`Corpus.claims`.

    Returns:
        An undirected ``networkx.Graph`` with ``graph["kind"] == "congruence"``.

    Raises:
        ValidationError: An option has an unknown value.

    Examples:
        >>> g = congruence(corpus, mode="target", normalization="average")  # doctest: +SKIP
        >>> g["blairites"]["owen-jones"]["weight"]  # doctest: +SKIP
        0.5
    """
    return _one_mode(corpus, "congruence", mode, normalization, duplicates, filters)


def conflict(
    corpus: Corpus,
    *,
    mode: Mode = "target",
    normalization: Normalization = "none",
    duplicates: Duplicates = "include",
    **filters: Unpack[ClaimFilter],
) -> Any:
    """Actors tied by taking opposite stances on the same targets or issues.

    The weight is DNA's conflict count ``d(i,i') = sum_j sum_(k != k')
    a[i,j,k] * a[i',j,k']``, normalized; the options, nodes and edge
    attributes are those of :func:`congruence`.

    Args:
        corpus: The claims' corpus.
        mode: ``"target"`` or ``"issue"``: what ties claimants.
        normalization: ``"none"``, ``"average"``, ``"jaccard"`` or ``"cosine"``.
        duplicates: ``"include"``, ``"document"``, ``"week"``, ``"month"`` or ``"year"``.
        **filters: Claim filters, as in :meth:`Corpus.claims`.

    Returns:
        An undirected ``networkx.Graph`` with ``graph["kind"] == "conflict"``.

    Raises:
        ValidationError: An option has an unknown value.
    """
    return _one_mode(corpus, "conflict", mode, normalization, duplicates, filters)


def subtract(
    corpus: Corpus,
    *,
    mode: Mode = "target",
    normalization: Normalization = "none",
    duplicates: Duplicates = "include",
    **filters: Unpack[ClaimFilter],
) -> Any:
    """Congruence minus conflict: positive ties for agreement, negative for disagreement.

    The weight is ``(c(i,i') - d(i,i')) / norm`` with the definitions of
    :func:`congruence`. Every pair sharing a concept gets an edge, even when
    agreement and disagreement cancel out to 0.

    Args:
        corpus: The claims' corpus.
        mode: ``"target"`` or ``"issue"``: what ties claimants.
        normalization: ``"none"``, ``"average"``, ``"jaccard"`` or ``"cosine"``.
        duplicates: ``"include"``, ``"document"``, ``"week"``, ``"month"`` or ``"year"``.
        **filters: Claim filters, as in :meth:`Corpus.claims`.

    Returns:
        An undirected ``networkx.Graph`` with ``graph["kind"] == "subtract"``.

    Raises:
        ValidationError: An option has an unknown value.
    """
    return _one_mode(corpus, "subtract", mode, normalization, duplicates, filters)


# --- signed ---------------------------------------------------------------------------------------


class _FactionResolver:
    """Maps an actor or faction, at a claim's date, to the factions it counts for."""

    def __init__(self, corpus: Corpus, factions: Iterable[str] | None) -> None:
        self.corpus = corpus
        self.allowed = None if factions is None else frozenset(factions)
        self._cache: dict[tuple[str, PartialDate], tuple[str, ...]] = {}
        self._info: dict[str, tuple[tuple[str, ...], tuple[Membership, ...]]] = {}
        self._lift_cache: dict[str, str | None] = {}

    def _lift(self, faction: str) -> str | None:
        """The faction itself, or its nearest ancestor among the allowed ones."""
        if self.allowed is None:
            return faction
        hit = self._lift_cache.get(faction, "")
        if hit != "":
            return hit
        f: str | None = faction
        seen: set[str] = set()
        out: str | None = None
        while f is not None and f not in seen:
            if f in self.allowed:
                out = f
                break
            seen.add(f)
            r = self.corpus.get(f)
            f = r.parent if isinstance(r, Faction) else None
        self._lift_cache[faction] = out
        return out

    def _prepare(self, entity: str) -> tuple[tuple[str, ...], tuple[Membership, ...]]:
        """The factions ``entity`` counts for at any date, and its time-bound memberships."""
        r = self.corpus.get(entity)
        if isinstance(r, Faction):
            f = self._lift(entity)
            return ((f,) if f is not None else ()), ()
        always: dict[str, None] = {}
        dated: list[Membership] = []
        for m in self.corpus.memberships_of(entity):
            if m.start is None and m.end is None:
                f = self._lift(m.faction)
                if f is not None:
                    always[f] = None
            else:
                dated.append(m)
        return tuple(always), tuple(dated)

    def __call__(self, entity: str, date: PartialDate | None) -> tuple[str, ...]:
        info = self._info.get(entity)
        if info is None:
            info = self._info[entity] = self._prepare(entity)
        always, dated = info
        if not dated or date is None:  # undated claims: open-ended memberships only
            return always
        key = (entity, date)
        hit = self._cache.get(key)
        if hit is not None:
            return hit
        found = dict.fromkeys(always)
        for m in dated:
            if m.valid_at(date):
                f = self._lift(m.faction)
                if f is not None:
                    found[f] = None
        out = tuple(found)
        self._cache[key] = out
        return out


def resolve_factions(
    corpus: Corpus, factions: Iterable[str] | None = None
) -> Callable[[str, PartialDate | None], tuple[str, ...]]:
    """A function mapping ``(actor_or_faction_id, date)`` to the faction ids it counts for.

    A faction counts for itself; an actor for the factions it was a member of
    at the date (an undated claim uses open-ended memberships only, as
    :meth:`Corpus.claims` does with ``faction=``). With ``factions`` given,
    only those count, and a sub-faction (or a membership in one) counts for
    its nearest listed ancestor. Results are cached.
    """
    return _FactionResolver(corpus, factions)


def signed(
    corpus: Corpus,
    *,
    level: Level = "actor",
    factions: Iterable[str] | None = None,
    duplicates: Duplicates = "include",
    **filters: Unpack[ClaimFilter],
) -> Any:
    """The directed signed network: who supports or opposes whom.

    Each claim with a target and a ``support`` or ``oppose`` stance adds to
    the edge claimant → target. With ``level="faction"`` both ends are
    replaced by the factions they belonged to at the claim's date
    (:meth:`Corpus.factions_of` with ``at=claim.date``; undated claims use
    open-ended memberships only); a claimant in two factions counts for both.
    ``factions`` restricts the faction nodes to a chosen set (e.g. the wings
    of one party); a sub-faction then counts for its nearest listed ancestor.
    Claims one of whose ends belongs to no counted faction are left out and
    counted in ``graph["unassigned"]``. Self-loops (claims inside one faction,
    or an actor on itself) are kept: they are what cohesion measures.

    Node attributes: ``label``, ``type`` (``"actor"``, ``"faction"`` or
    ``"unknown"``), ``kind``, and ``faction`` and ``faction_label`` (its name)
    when known: for an actor, the faction it belonged to at most of its
    claims; for a faction, itself.

    Edge attributes: ``support`` and ``oppose`` (claim counts), ``weight``
    (``support - oppose``) and ``sign`` (``1``, ``-1`` or ``0``).

    Args:
        corpus: The claims' corpus.
        level: ``"actor"`` or ``"faction"``.
        factions: Faction ids to aggregate to (``level="faction"``); all by default.
        duplicates: Count a repeated claim once per period (see :func:`congruence`).
        **filters: Claim filters, as in :meth:`Corpus.claims`.

    Returns:
        A ``networkx.DiGraph`` with ``graph["kind"] == "signed"``.

    Raises:
        ValidationError: An option has an unknown value.

    Examples:
        >>> g = signed(corpus, level="faction")  # doctest: +SKIP
        >>> g["blairites"]["unite"]["sign"]  # doctest: +SKIP
        -1
    """
    nx = require_networkx()
    _check("level", level, ("actor", "faction"))
    _check("duplicates", duplicates, _DUPLICATES)
    resolve = _FactionResolver(corpus, factions)
    edges: defaultdict[tuple[str, str], list[int]] = defaultdict(lambda: [0, 0])
    home: defaultdict[str, Counter[str]] = defaultdict(Counter)
    unassigned = 0
    for c in _deduplicated(_claims(corpus, filters), duplicates, lambda c: c.target):
        t = c.target
        if t is None or (c.stance is not _SUPPORT and c.stance is not _OPPOSE):
            continue
        k = 0 if c.stance is _SUPPORT else 1
        if level == "actor":
            edges[(c.claimant, t)][k] += 1
            for end in (c.claimant, t):
                for f in resolve(end, c.date):
                    home[end][f] += 1
            continue
        src, dst = resolve(c.claimant, c.date), resolve(t, c.date)
        if not src or not dst:
            unassigned += 1
            continue
        for a in src:
            for b in dst:
                edges[(a, b)][k] += 1
    g = nx.DiGraph(kind="signed", level=level, unassigned=unassigned)
    for a, b in edges:
        for n in (a, b):
            if n not in g:
                attrs = _node_attrs(corpus, n)
                if level == "actor" and attrs["type"] != "faction":
                    counts = home.get(n)
                    if counts:
                        attrs["faction"] = max(sorted(counts), key=counts.__getitem__)
                    else:
                        lifted = [x for f in corpus.factions_of(n) for x in resolve(f.id, None)]
                        if lifted:
                            attrs["faction"] = lifted[0]
                if "faction" in attrs:
                    attrs["faction_label"] = _node_attrs(corpus, attrs["faction"])["label"]
                g.add_node(n, **attrs)
    for (a, b), (s, o) in edges.items():
        w = s - o
        g.add_edge(a, b, support=s, oppose=o, weight=w, sign=(w > 0) - (w < 0))
    return g


# --- time windows ----------------------------------------------------------------------

_SPAN = re.compile(r"\s*(\d+)\s*([dwmy])\s*", re.IGNORECASE)
_KINDS: dict[str, Callable[..., Any]] = {
    "signed": signed,
    "congruence": congruence,
    "conflict": conflict,
    "subtract": subtract,
    "affiliation": affiliation,
}


def _parse_span(value: int | str | _dt.timedelta, name: str) -> tuple[int, str]:
    """``(n, "days" | "months")`` from 30, timedelta(days=30), "30d", "2w", "3m" or "1y"."""
    if isinstance(value, _dt.timedelta):
        if value.days >= 1 and value == _dt.timedelta(days=value.days):
            return value.days, "days"
    elif isinstance(value, int) and not isinstance(value, bool):
        if value >= 1:
            return value, "days"
    elif isinstance(value, str):
        m = _SPAN.fullmatch(value)
        if m is not None and int(m.group(1)) >= 1:
            n, unit = int(m.group(1)), m.group(2).lower()
            if unit == "d":
                return n, "days"
            if unit == "w":
                return 7 * n, "days"
            return (n if unit == "m" else 12 * n), "months"
    raise ValidationError(
        f"{name}: expected a positive number of days, a timedelta of whole days, "
        f"or a string like '30d', '2w', '3m', '1y'; got {value!r}",
        field=name,
        value=value,
    )


def _shift(d: _dt.date, n: int, unit: str) -> _dt.date:
    """``d`` moved on by ``n`` days or months (a month shift keeps the day, clamped)."""
    try:
        if unit == "days":
            return d + _dt.timedelta(days=n)
        y, m = divmod(d.year * 12 + (d.month - 1) + n, 12)
        return _dt.date(y, m + 1, min(d.day, calendar.monthrange(y, m + 1)[1]))
    except (OverflowError, ValueError, calendar.IllegalMonthError):
        raise ValidationError(f"a time window starting {d} runs past the calendar") from None


def windows(
    corpus: Corpus,
    *,
    size: int | str | _dt.timedelta,
    step: int | str | _dt.timedelta | None = None,
    kind: Literal["signed", "congruence", "conflict", "subtract", "affiliation"] = "signed",
    **options: Any,
) -> Iterator[tuple[_dt.date, _dt.date, Any]]:
    """One network per moving time window.

    Windows start at ``since`` (or else at the earliest dated claim: its
    first day for sizes in days, the first of its month for sizes in
    months, the first of its year for whole years), are ``size`` long and move by ``step`` (``size`` by default,
    i.e. adjacent windows) until they pass ``until`` (or the last day of the
    latest claim). A claim belongs to a window when its date lies entirely
    within it, as with ``since``/``until``; undated claims belong to none.

    Args:
        corpus: The claims' corpus.
        size: Window length: days as an ``int`` or whole-day ``timedelta``,
            or a string ``"30d"``, ``"2w"``, ``"3m"`` (months), ``"1y"``.
        step: How far each window moves on; same forms as ``size``.
        kind: Which network: ``"signed"``, ``"congruence"``, ``"conflict"``,
            ``"subtract"`` or ``"affiliation"``.
        **options: Passed to that network function (``level=``,
            ``normalization=``, claim filters, ``since``/``until``...).

    Yields:
        ``(first_day, last_day, graph)`` for each window, days inclusive.

    Raises:
        ValidationError: ``size``, ``step`` or ``kind`` is invalid.

    Examples:
        >>> for start, end, g in windows(corpus, size="1m", level="faction"):  # doctest: +SKIP
        ...     print(start, g.number_of_edges())
    """
    fn = _KINDS.get(kind)
    if fn is None:
        raise ValidationError(
            f"kind: {kind!r} is not one of {', '.join(_KINDS)}", field="kind", value=kind
        )
    n, unit = _parse_span(size, "size")
    sn, sunit = _parse_span(step, "step") if step is not None else (n, unit)
    since = options.pop("since", None)
    until = options.pop("until", None)
    lo = to_partial_date(since).first if since is not None else None
    hi = to_partial_date(until).last if until is not None else None
    if lo is None or hi is None:
        filters = {k: v for k, v in options.items() if k in ClaimFilter.__annotations__}
        dated = [c.date for c in corpus.claims(**filters) if c.date is not None]
        if not dated:
            return
        if lo is None:
            lo = min(d.first for d in dated)
        if hi is None:
            hi = max(d.last for d in dated)
    if since is None and unit == "months":  # calendar-aligned: months (or years) from the 1st
        lo = _dt.date(lo.year, 1 if n % 12 == 0 else lo.month, 1)
    i = 0
    start = lo
    while start <= hi:
        end = _shift(start, n, unit) - _dt.timedelta(days=1)
        yield start, end, fn(corpus, since=start, until=end, **options)
        i += 1
        start = _shift(lo, i * sn, sunit)
