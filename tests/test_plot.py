"""Tests for discourse.plot: the figures' content (artists, lines, edges), not pixels."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import pytest

import discourse as dc
from discourse import analysis, networks

pytest.importorskip("matplotlib")
nx = pytest.importorskip("networkx")

from discourse import plot  # noqa: E402


def _corpus() -> dc.Corpus:
    return dc.Corpus(
        [
            dc.Faction(id="L", name="Left"),
            dc.Faction(id="R", name="Right"),
            *(dc.Actor(id=i, name=i.upper()) for i in "abx"),
            dc.Membership(member="a", faction="L"),
            dc.Membership(member="b", faction="L"),
            dc.Membership(member="x", faction="R"),
            dc.Event(id="e1", kind="by_election", name="Copeland", start="2017-02-23"),
            dc.Claim(id="c1", claimant="a", target="b", stance="support", date="2017-01-03"),
            dc.Claim(id="c2", claimant="a", target="x", stance="oppose", date="2017-01-04"),
            dc.Claim(id="c3", claimant="x", target="b", stance="oppose", date="2017-03-01"),
            dc.Claim(id="c4", claimant="x", target="a", stance="oppose", date="2017-03-02"),
            dc.Claim(id="c5", claimant="b", form="statement", date="2017-03-05"),
        ]
    )


def _by_gid(fig: Any, gid: str) -> list[Any]:
    return [a for a in fig.findobj() if getattr(a, "get_gid", lambda: None)() == gid]


def test_network_draws_one_segment_per_edge_by_sign() -> None:
    """Support edges go in the green collection, opposition in the red one."""
    fig = plot.network(networks.signed(_corpus()))
    (support,) = _by_gid(fig, "support")
    (oppose,) = _by_gid(fig, "oppose")
    assert len(support.get_segments()) == 1
    assert len(oppose.get_segments()) == 3
    assert tuple(oppose.get_colors()[0][:3]) == pytest.approx((0xC6 / 255, 0x28 / 255, 0x28 / 255))


def test_network_colours_nodes_by_faction() -> None:
    """One node group (and legend entry) per faction."""
    fig = plot.network(networks.signed(_corpus()))
    assert len(_by_gid(fig, "nodes:L")[0].get_offsets()) == 2
    assert len(_by_gid(fig, "nodes:R")[0].get_offsets()) == 1
    legend = fig.axes[0].get_legend()
    assert {t.get_text() for t in legend.get_texts()} >= {"Left", "Right"}


def test_network_labels_every_node() -> None:
    """Each node gets its label as text."""
    fig = plot.network(networks.signed(_corpus()))
    texts = {t.get_text() for t in fig.axes[0].texts}
    assert texts >= {"A", "B", "X"}


def test_network_of_empty_graph_says_so() -> None:
    """An empty network gives a figure with a note, not an error."""
    fig = plot.network(nx.DiGraph())
    assert [t.get_text() for t in fig.axes[0].texts] == ["empty network"]


def test_network_rejects_unknown_layout() -> None:
    """An unknown layout is a ValueError naming it."""
    with pytest.raises(ValueError, match="layout"):
        plot.network(networks.signed(_corpus()), layout="hairball")


def test_timeline_stacks_claims_per_month_and_marks_events() -> None:
    """Three months of bars by stance, one dashed line for the by-election."""
    fig = plot.timeline(_corpus())
    ax = fig.axes[0]
    assert [t.get_text() for t in ax.get_xticklabels()] == ["2017-01", "2017-02", "2017-03"]
    heights = {
        g: [p.get_height() for p in _by_gid(fig, g) if hasattr(p, "get_height")]
        for g in ("support", "oppose", "other")
    }
    assert heights["support"] == [1, 0, 0]
    assert heights["oppose"] == [1, 0, 2]
    assert heights["other"] == [0, 0, 1]
    assert len(_by_gid(fig, "event")) == 1
    assert "Copeland" in {t.get_text() for t in ax.texts}


def test_timeline_without_dated_claims_says_so() -> None:
    """A corpus without dates gives a figure with a note."""
    fig = plot.timeline(dc.Corpus([dc.Actor(id="a", name="A")]))
    assert [t.get_text() for t in fig.axes[0].texts] == ["no dated claims"]


def test_polarization_plots_one_point_per_window() -> None:
    """The series becomes one line with a point per window, at the window's middle."""
    series = analysis.polarization_series(_corpus(), size="1m")
    fig = plot.polarization(series)
    (line,) = _by_gid(fig, "polarization")
    xs, ys = line.get_data()
    assert len(xs) == len(series) == 3
    assert xs[0] == dt.date(2017, 1, 16)
    assert list(ys) == [p.score for _, _, p in series]


def test_figures_save_as_png(tmp_path: Path) -> None:
    """Figures render to PNG on the Agg canvas without a display."""
    out = tmp_path / "t.png"
    plot.timeline(_corpus()).savefig(out)
    assert out.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"


def test_plot_into_given_axes() -> None:
    """With ax=, the figure of that axes is returned and drawn into."""
    fig = plot.timeline(_corpus())
    again = plot.polarization([(1, 0.5), (2, 0.7)], ax=fig.axes[0])
    assert again is fig
