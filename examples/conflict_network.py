"""From the seed article to a conflict network: networks, measures and figures.

Builds the hand coding of the seed article (``labour_2017.py``), then asks
who is for or against whom: the signed network between actors and between
factions, the two camps it splits into, cohesion, key actors, and the
pictures the tutorial (``docs/tutorial.md``) shows.

Run it (figures go to the folder given, by default the current one)::

    python examples/conflict_network.py docs/img
"""

from __future__ import annotations

import runpy
import sys
from pathlib import Path

import discourse as dc
from discourse import analysis, networks, plot

HERE = Path(__file__).parent


def build_corpus() -> dc.Corpus:
    """The hand coding of the seed article (see ``labour_2017.py``)."""
    corpus: dc.Corpus = runpy.run_path(str(HERE / "labour_2017.py"))["build_corpus"]()
    return corpus


def main(out: Path) -> None:
    """Print the measures and write the figures into ``out``."""
    corpus = build_corpus()
    out.mkdir(parents=True, exist_ok=True)

    actors = networks.signed(corpus)
    print(
        f"signed actor network: {actors.number_of_nodes()} nodes, {actors.number_of_edges()} ties"
    )
    for u, v, tie in sorted(actors.edges(data=True)):
        sign = "+" if tie["weight"] > 0 else "-"
        print(
            f"  {actors.nodes[u]['label']} -> {actors.nodes[v]['label']}: {sign}{abs(tie['weight'])}"
        )

    split = analysis.polarization(actors)
    print(
        f"\npolarization {split.score:.2f} (frustration {split.frustration:g} of {split.total:g})"
    )
    for i, camp in enumerate(split.camps, 1):
        print(f"  camp {i}: {', '.join(sorted(actors.nodes[n]['label'] for n in camp))}")

    wings = ["blairites", "corbyn-movement", "labour-left", "unite", "establishment"]
    factions = networks.signed(corpus, level="faction", factions=wings)
    print(
        f"\nfaction network: {factions.number_of_edges()} ties, "
        f"{factions.graph['unassigned']} claims by or about people in no listed faction"
    )

    key = analysis.key_actors(corpus)
    print("\nmost attacked:", ", ".join(f"{corpus[i].name} ({n})" for i, n in key.attacked))  # type: ignore[union-attr]

    timeline = analysis.conflict_timeline(corpus, period="month", level="actor")
    print(f"\nopposing claims by month {timeline.periods}: {timeline.total()}")

    plot.network(actors, title="Who is for or against whom").savefig(
        out / "seed-actors.png", dpi=110
    )
    plot.network(factions, title="Factions").savefig(out / "seed-factions.png", dpi=110)
    plot.timeline(corpus, title="Claims and events, seed article").savefig(
        out / "seed-timeline.png", dpi=110
    )
    print(f"\nfigures written to {out}")


if __name__ == "__main__":
    main(Path(sys.argv[1]) if len(sys.argv) > 1 else Path("."))
