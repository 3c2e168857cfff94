"""Figures: signed networks, timelines of claims and events, polarization over time.

Each function returns a :class:`matplotlib.figure.Figure` built on the
non-interactive Agg canvas: nothing is shown on screen, and the figure is
saved with ``fig.savefig("out.png")``. Pass ``ax=`` to draw into an existing
axes instead.

matplotlib is an optional dependency: ``pip install 'discourse-model[plot]'``.

Examples:
    >>> import discourse as dc
    >>> from discourse import networks, plot
    >>> fig = plot.network(networks.signed(corpus, level="faction"))  # doctest: +SKIP
    >>> fig.savefig("factions.png", dpi=150)  # doctest: +SKIP
"""

from __future__ import annotations

import datetime as _dt
from collections import Counter
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from discourse.analysis import Period, Polarization, _check_period, period_label, period_range
from discourse.model import Event, Stance

if TYPE_CHECKING:
    from typing_extensions import Unpack

    from discourse.corpus import Corpus
    from discourse.networks import ClaimFilter

__all__ = ["NEUTRAL_COLOR", "OPPOSE_COLOR", "SUPPORT_COLOR", "network", "polarization", "timeline"]

SUPPORT_COLOR = "#2e7d32"
"""Green, for supportive ties and claims."""
OPPOSE_COLOR = "#c62828"
"""Red, for opposing ties and claims."""
NEUTRAL_COLOR = "#9e9e9e"
"""Grey, for neutral ties and claims without a stance."""


def _figure(ax: Any, size: tuple[float, float]) -> tuple[Any, Any]:
    """A new figure on an Agg canvas with one axes, or the figure of ``ax``."""
    try:
        from matplotlib.backends.backend_agg import FigureCanvasAgg
        from matplotlib.figure import Figure
    except ImportError:  # pragma: no cover - matplotlib is installed in the test environment
        raise ImportError(
            "discourse.plot needs matplotlib; install it with: pip install 'discourse-model[plot]'"
        ) from None
    if ax is not None:
        return ax.figure, ax
    fig = Figure(figsize=size, layout="constrained")
    FigureCanvasAgg(fig)
    return fig, fig.add_subplot()


def network(
    graph: Any,
    *,
    ax: Any = None,
    layout: str = "spring",
    seed: int = 0,
    labels: bool = True,
    title: str | None = None,
) -> Any:
    """Draw a signed network: nodes coloured by faction, green support and red opposition ties.

    Nodes are coloured by their ``faction`` attribute (nodes without one in
    grey), with one legend entry per faction named by ``faction_label``.
    Edges are drawn as lines, one :class:`~matplotlib.collections.LineCollection`
    per sign (``gid`` ``"support"``, ``"oppose"``, ``"neutral"``), widths
    growing with ``abs(weight)``; self-loops are shown as a ring on the node.
    Direction is marked by an arrowhead at the target for directed graphs.

    Args:
        graph: A networkx graph whose edges have a ``weight`` (e.g. from
            :func:`discourse.networks.signed` or :func:`~discourse.networks.subtract`).
        ax: Axes to draw into; a new figure by default.
        layout: ``"spring"``, ``"circular"`` or ``"kamada_kawai"``.
        seed: Seed of the spring layout, for reproducible pictures.
        labels: Whether to write the node labels.
        title: The axes title.

    Returns:
        The matplotlib ``Figure``.

    Raises:
        ImportError: matplotlib (or networkx) is not installed.
        ValueError: ``layout`` is unknown.
    """
    fig, ax = _figure(ax, (7, 6))
    from matplotlib.collections import LineCollection

    from discourse.networks import require_networkx

    nx = require_networkx()
    if graph.number_of_nodes() == 0:
        ax.set_axis_off()
        ax.text(0.5, 0.5, "empty network", ha="center", va="center", transform=ax.transAxes)
        return fig
    if layout == "spring":
        n = graph.number_of_nodes()
        pos = nx.spring_layout(
            graph, seed=seed, weight=None, k=2.5 / max(n, 1) ** 0.5, iterations=200
        )
    elif layout == "circular":
        pos = nx.circular_layout(graph)
    elif layout == "kamada_kawai":
        pos = nx.kamada_kawai_layout(graph, weight=None)
    else:
        raise ValueError(f"layout: {layout!r} is not one of spring, circular, kamada_kawai")

    segments: dict[str, list[tuple[tuple[float, float], tuple[float, float]]]] = {
        "support": [],
        "oppose": [],
        "neutral": [],
    }
    widths: dict[str, list[float]] = {k: [] for k in segments}
    loops: list[tuple[str, str, float]] = []
    for u, v, d in graph.edges(data=True):
        w = float(d.get("weight", 1.0))
        sign = "support" if w > 0 else "oppose" if w < 0 else "neutral"
        width = 1.0 + min(abs(w), 8.0) * 0.6
        if u == v:
            loops.append((u, sign, width))
            continue
        segments[sign].append((tuple(pos[u]), tuple(pos[v])))
        widths[sign].append(width)
    colors = {"support": SUPPORT_COLOR, "oppose": OPPOSE_COLOR, "neutral": NEUTRAL_COLOR}
    for sign, segs in segments.items():
        if segs:
            lc = LineCollection(
                segs, colors=colors[sign], linewidths=widths[sign], alpha=0.8, zorder=1, label=sign
            )
            lc.set_gid(sign)
            ax.add_collection(lc)
            if graph.is_directed():
                for (x0, y0), (x1, y1) in segs:
                    ax.annotate(
                        "",
                        xy=(x0 + 0.85 * (x1 - x0), y0 + 0.85 * (y1 - y0)),
                        xytext=(x0 + 0.8 * (x1 - x0), y0 + 0.8 * (y1 - y0)),
                        arrowprops={"arrowstyle": "-|>", "color": colors[sign], "lw": 1.0},
                        zorder=2,
                    )
    for u, sign, width in loops:
        x, y = pos[u]
        ax.scatter(
            [x], [y], s=900, facecolors="none", edgecolors=colors[sign], linewidths=width, zorder=2
        )

    groups: dict[str, list[Any]] = {}
    for n, d in graph.nodes(data=True):
        groups.setdefault(str(d.get("faction", "")), []).append(n)
    cmap = _colormap(len([g for g in groups if g]))
    i = 0
    for faction in sorted(groups, key=lambda f: (f == "", f)):
        nodes = groups[faction]
        if faction:
            color = cmap[i % len(cmap)]
            i += 1
            first = graph.nodes[nodes[0]]
            label = str(first.get("faction_label", faction))
        else:
            color, label = "#bdbdbd", "no faction"
        ax.scatter(
            [pos[n][0] for n in nodes],
            [pos[n][1] for n in nodes],
            s=300,
            c=[color],
            edgecolors="white",
            linewidths=1.5,
            zorder=3,
            label=label,
            gid=f"nodes:{faction}",
        )
    if labels:
        for n, d in graph.nodes(data=True):
            x, y = pos[n]
            ax.annotate(
                str(d.get("label", n)),
                (x, y),
                xytext=(0, 12),
                textcoords="offset points",
                ha="center",
                fontsize=8,
                zorder=4,
            )
    ax.legend(loc="best", fontsize=8, frameon=False)
    ax.set_axis_off()
    ax.margins(0.15)
    ax.autoscale_view()
    if title:
        ax.set_title(title)
    return fig


def _colormap(n: int) -> list[Any]:
    from matplotlib import colormaps

    name = "tab10" if n <= 10 else "tab20"
    cmap = colormaps[name]
    return [cmap(i) for i in range(cmap.N)]


def timeline(
    corpus: Corpus,
    *,
    period: Period = "month",
    ax: Any = None,
    events: bool = True,
    title: str | None = None,
    **filters: Unpack[ClaimFilter],
) -> Any:
    """Claims per period as stacked bars (support, opposition, other), with events as lines.

    Each period gets up to three stacked bars (``gid`` ``"support"``,
    ``"oppose"``, ``"other"``: neutral or no stance); each dated event in
    the range is a dashed vertical line (``gid`` ``"event"``) at its period,
    labelled with its name (or kind); events of one period share a label. Claims whose date is vaguer than ``period`` are left out.

    Args:
        corpus: The claims' corpus.
        period: ``"year"``, ``"month"``, ``"week"`` or ``"day"``.
        ax: Axes to draw into; a new figure by default.
        events: Whether to overlay the corpus' events.
        title: The axes title.
        **filters: Claim filters, as in :meth:`Corpus.claims`.

    Returns:
        The matplotlib ``Figure``.

    Raises:
        ImportError: matplotlib is not installed.
        ValidationError: ``period`` is unknown.
    """
    _check_period(period)
    fig, ax = _figure(ax, (9, 4))
    counts: dict[str, Counter[str]] = {
        "support": Counter(),
        "oppose": Counter(),
        "other": Counter(),
    }
    for c in corpus.claims(**filters):
        label = period_label(c.date, period)
        if label is None:
            continue
        key = (
            "support"
            if c.stance is Stance.SUPPORT
            else "oppose"
            if c.stance is Stance.OPPOSE
            else "other"
        )
        counts[key][label] += 1
    marks: list[tuple[str, str]] = []
    if events:
        for e in corpus.timeline(
            since=filters.get("since"), until=filters.get("until"), include=("events",)
        ):
            label = period_label(e.start, period) if isinstance(e, Event) else None
            if label is not None and isinstance(e, Event):
                marks.append((label, e.name or e.kind.value.replace("_", " ")))
    labels = {lab for cnt in counts.values() for lab in cnt} | {lab for lab, _ in marks}
    if not labels:
        ax.text(0.5, 0.5, "no dated claims", ha="center", va="center", transform=ax.transAxes)
        ax.set_axis_off()
        return fig
    periods = period_range(min(labels), max(labels), period)
    index = {p: i for i, p in enumerate(periods)}
    xs = list(range(len(periods)))
    bottom = [0] * len(periods)
    colors = {"support": SUPPORT_COLOR, "oppose": OPPOSE_COLOR, "other": NEUTRAL_COLOR}
    for key in ("support", "oppose", "other"):
        heights = [counts[key].get(p, 0) for p in periods]
        if any(heights):
            bars = ax.bar(xs, heights, bottom=bottom, color=colors[key], label=key, width=0.8)
            for patch in bars:
                patch.set_gid(key)
            bottom = [b + h for b, h in zip(bottom, heights, strict=True)]
    top = max(bottom) if any(bottom) else 1
    from matplotlib.transforms import blended_transform_factory

    names_at: dict[str, list[str]] = {}
    for label, name in marks:
        names_at.setdefault(label, []).append(name)
        ax.axvline(index[label], color="#455a64", linestyle="--", linewidth=1, gid="event")
    where = blended_transform_factory(ax.transData, ax.transAxes)
    for label, names in names_at.items():
        ax.text(
            index[label] + 0.03,
            0.97,
            "\n".join(dict.fromkeys(names)),
            rotation=90,
            va="top",
            ha="left",
            fontsize=7,
            transform=where,
            color="#263238",
        )
    step = max(1, len(periods) // 12)
    ax.set_xticks(xs[::step], periods[::step], rotation=45, ha="right", fontsize=8)
    ax.set_ylabel("claims")
    ax.set_ylim(0, top * 1.8 if marks else top * 1.1)
    ax.legend(loc="upper left", fontsize=8, frameon=False)
    if title:
        ax.set_title(title)
    return fig


def polarization(
    series: Sequence[tuple[_dt.date, _dt.date, Polarization]] | Sequence[tuple[Any, float]],
    *,
    ax: Any = None,
    title: str | None = None,
) -> Any:
    """Plot polarization over time: one line of scores, a marker per window.

    Args:
        series: The output of :func:`discourse.analysis.polarization_series`
            (``(first_day, last_day, Polarization)`` triples, plotted at the
            middle of each window), or ``(x, score)`` pairs.
        ax: Axes to draw into; a new figure by default.
        title: The axes title.

    Returns:
        The matplotlib ``Figure`` (one ``Line2D`` with ``gid`` ``"polarization"``).

    Raises:
        ImportError: matplotlib is not installed.
    """
    fig, ax = _figure(ax, (8, 3.5))
    xs: list[Any] = []
    ys: list[float] = []
    for item in series:
        if len(item) == 3:
            start, end, p = item
            xs.append(start + (end - start) / 2)
            ys.append(p.score)
        else:
            x, y = item
            xs.append(x)
            ys.append(float(y))
    (line,) = ax.plot(xs, ys, marker="o", color="#6a1b9a", gid="polarization")
    line.set_label("polarization")
    ax.set_ylim(-0.05, 1.05)
    ax.set_ylabel("polarization")
    ax.grid(alpha=0.3)
    if xs and isinstance(xs[0], _dt.date):
        fig.autofmt_xdate()
    if title:
        ax.set_title(title)
    return fig
