"""The seed article, modelled by hand: actors, factions, memberships, claims and events.

The article (``examples/data/labour-2017-unite.txt``, an opinion piece on the
2017 conflict between the Labour leadership and its critics around the Unite
union's leadership election) is coded the way a researcher would code it in a
tool like the Discourse Network Analyzer: each claim and event carries an
evidence span with exact character offsets into the text.

Run it::

    python examples/labour_2017.py
"""

from __future__ import annotations

from pathlib import Path

import discourse as dc

TEXT_PATH = Path(__file__).parent / "data" / "labour-2017-unite.txt"
SOURCE_ID = "labour-2017-unite"


def build_corpus(text: str | None = None) -> dc.Corpus:
    """Code the seed article by hand and return the corpus."""
    if text is None:
        text = TEXT_PATH.read_text(encoding="utf-8")

    def span(phrase: str, after: str = "") -> dc.Span:
        """The evidence span of ``phrase`` (its first occurrence after ``after``)."""
        offset = text.index(after) if after else 0
        start = text.index(phrase, offset)
        return dc.Span(source=SOURCE_ID, start=start, end=start + len(phrase), text=phrase)

    source = dc.Source(
        id=SOURCE_ID,
        title="Jeremy Corbyn",
        published="2017-03",
        kind="opinion",
        text=text,
    )
    actors = [
        dc.Actor(id="jeremy-corbyn", name="Jeremy Corbyn", aliases=("Corbyn",),
                 identifiers={"wikidata": "Q291169"}),
        dc.Actor(id="len-mccluskey", name="Len McCluskey", aliases=("McCluskey",)),
        dc.Actor(id="john-mcdonnell", name="John McDonnell", aliases=("McDonnell",)),
        dc.Actor(id="owen-jones", name="Owen Jones", aliases=("Jones",)),
    ]
    factions = [
        dc.Faction(id="labour", name="Labour Party", kind="party", aliases=("Labour",)),
        dc.Faction(id="unite", name="Unite", kind="union", aliases=("Britain’s biggest union",)),
        dc.Faction(id="blairites", name="Blairites", kind="wing", parent="labour",
                   aliases=("Blairite wing", "Blairite camp")),
        dc.Faction(id="labour-left", name="Labour Left", kind="tendency", parent="labour",
                   aliases=("the Left",)),
        dc.Faction(id="corbyn-movement", name="Corbyn movement", kind="tendency", parent="labour"),
        dc.Faction(id="momentum", name="Momentum", kind="group", parent="labour"),
        dc.Faction(id="establishment", name="Establishment", kind="bloc"),
    ]
    memberships = [
        dc.Membership(member="john-mcdonnell", faction="labour", role="Shadow Chancellor",
                      sources=(SOURCE_ID,), evidence=(span("Shadow Chancellor"),)),
        dc.Membership(member="john-mcdonnell", faction="labour-left", role="veteran",
                      sources=(SOURCE_ID,), evidence=(span("veteran of the Labour Left"),)),
        dc.Membership(member="len-mccluskey", faction="unite", role="general secretary",
                      sources=(SOURCE_ID,), evidence=(span("the incumbent, Len McCluskey"),)),
        dc.Membership(member="jeremy-corbyn", faction="corbyn-movement", role="leader"),
    ]
    claims = [
        dc.Claim(id="c1", claimant="john-mcdonnell", form="warning", quote="soft coup",
                 issue="Corbyn's leadership", target="jeremy-corbyn", stance="support",
                 text="A soft coup is being orchestrated to undermine Corbyn's leadership",
                 date="2017-03", evidence=(span("has warned"), span("soft coup"))),
        dc.Claim(id="c2", claimant="owen-jones", form="demand", target="jeremy-corbyn",
                 stance="oppose", addressee="jeremy-corbyn", quote="do a deal",
                 text="Corbyn should stand down and do a deal with the Blairites",
                 date="2017-03", evidence=(span("has called on"), span("do a deal"))),
        dc.Claim(id="c3", claimant="blairites", form="action", target="len-mccluskey",
                 stance="oppose", issue="Unite leadership",
                 text="The Blairites try to remove McCluskey as Unite's leader",
                 date="2017-03", evidence=(span("attempts to kick out the incumbent"),)),
        dc.Claim(id="c4", claimant="blairites", form="criticism", target="jeremy-corbyn",
                 stance="oppose", quote="unelectable",
                 text="Corbyn is unelectable", evidence=(span("“unelectable”"),)),
        dc.Claim(id="c5", claimant="establishment", form="endorsement", target="blairites",
                 stance="support", text="The Establishment backs the Blairites",
                 evidence=(span("backed by the entire Establishment"),)),
        dc.Claim(id="c6", claimant="owen-jones", form="proposal", target="labour-left",
                 stance="support", text="Pass the baton to a left successor",
                 supports=("c2",), evidence=(span("pass on the baton to a left successor"),)),
    ]
    events = [
        dc.Event(id="unite-election-2017", kind="leadership_election",
                 name="Unite leadership election", start="2017-03", organization="unite",
                 participants=(dc.Participant(ref="len-mccluskey", role="incumbent"),
                               dc.Participant(ref="blairites", role="opponent")),
                 evidence=(span("Unite leadership election"),)),
        dc.Event(id="copeland-2017", kind="by_election", name="Copeland by-election",
                 start="2017-02-23", location="Copeland", organization="labour",
                 participants=(dc.Participant(ref="labour", role="loser"),),
                 outcome="Labour defeated", evidence=(span("Copeland by-election"),)),
        dc.Event(id="stoke-2017", kind="by_election", name="Stoke-on-Trent Central by-election",
                 start="2017-02-23", location="Stoke-on-Trent Central", organization="labour",
                 participants=(dc.Participant(ref="labour", role="winner"),),
                 outcome="Labour won", evidence=(span("Stoke-on-Trent Central by-election"),)),
        dc.Event(id="momentum-coup", kind="coup", name="Momentum restructuring",
                 organization="momentum", start="2017",
                 participants=(dc.Participant(ref="momentum", role="target"),),
                 outcome="Momentum's democratic structures abolished",
                 evidence=(span("Momentum’s democratic structures have been abolished"),)),
    ]
    corpus = dc.Corpus([source, *actors, *factions, *memberships, *claims, *events])
    corpus.validate()
    return corpus


def main() -> None:
    """Answer the questions the article raises."""
    corpus = build_corpus()
    print(corpus)

    print("\nWho opposes Corbyn?")
    for claim in corpus.claims(target="jeremy-corbyn", stance="oppose"):
        print(f"  {corpus[claim.claimant].name}: {claim.text}")  # type: ignore[union-attr]

    print("\nWhat did the Blairites do?")
    for claim in corpus.claims(claimant="blairites"):
        evidence = claim.evidence[0]
        print(f"  [{claim.form}] {claim.text}  (chars {evidence.start}-{evidence.end}: {evidence.text!r})")

    print("\nWhich events involve Labour?")
    for event in corpus.events_of("labour"):
        print(f"  {event.start}  {event.name}: {event.outcome}")

    print("\nClaims by the Labour Party and its wings (faction='labour'):")
    for claim in corpus.claims(faction="labour"):
        print(f"  {claim.id} {claim.claimant} -> {claim.target} ({claim.stance})")


if __name__ == "__main__":
    main()
