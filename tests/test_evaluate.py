"""Tests of discourse.evaluate: the gold format, the matching rules, scores and agreement."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

import discourse as dc
from discourse.evaluate import (
    AUTHOR,
    Gold,
    Ratio,
    Report,
    Scores,
    Tally,
    agreement,
    evaluate,
    evaluate_files,
    load_gold,
    parse_gold,
)

TEXT = (
    "Ann Lee, chair of the Reds, said Bob Day must go. "
    '"He is finished," Cy Ng warned on Monday. '
    "The Reds backed Ann Lee. Bob Day resigned. "
    "A leadership election follows."
)


def span(words: str, nth: int = 0, text: str = TEXT) -> list[int]:
    """The [start, end] of the nth occurrence of ``words`` in ``text``."""
    start = -1
    for _ in range(nth + 1):
        start = text.index(words, start + 1)
    return [start, start + len(words)]


def sp(words: str, nth: int = 0, text: str = TEXT) -> dc.Span:
    """A Span over the nth occurrence of ``words``."""
    s, e = span(words, nth, text)
    return dc.Span(source="doc", start=s, end=e)


def claim(claimant: str, cue: str, **kw: Any) -> dict[str, Any]:
    """A gold claim dict with the cue's span computed from the text."""
    out: dict[str, Any] = {
        "claimant": claimant,
        "cue": cue,
        "cue_span": span(cue, kw.pop("nth", 0)),
        "form": kw.pop("form", "statement"),
        "quote": None,
        "quote_span": None,
        "target": None,
        "stance": None,
        "required": True,
    }
    if "quote" in kw:
        q = kw.pop("quote")
        out["quote"], out["quote_span"] = q, span(q)
    out.update(kw)
    return out


def event(kind: str, trigger: str, **kw: Any) -> dict[str, Any]:
    """A gold event dict with the trigger's span computed from the text."""
    return {"kind": kind, "trigger_span": span(trigger), "required": True, **kw}


ACTORS = [
    {"name": "Ann Lee", "kind": "person", "aliases": ["Lee"]},
    {"name": "Bob Day", "kind": "person", "aliases": []},
    {"name": "Cy Ng", "kind": "person"},
]
FACTIONS = [{"name": "Reds", "kind": "group", "party": None, "aliases": ["the Reds"]}]


def gold(**kw: Any) -> Gold:
    """A gold document over TEXT; keys given replace the defaults."""
    data: dict[str, Any] = {
        "format": "discourse-gold/1",
        "document": "doc.txt",
        "actors": ACTORS,
        "factions": FACTIONS,
        "memberships": [],
        "claims": [],
        "events": [],
    }
    data.update(kw)
    return parse_gold(data, text=TEXT)


def corpus(*records: dc.Record) -> dc.Corpus:
    """A predicted corpus holding the three actors and the faction plus ``records``."""
    base: list[dc.Record] = [
        dc.Actor(id="ann", name="Ann Lee"),
        dc.Actor(id="bob", name="Bob Day"),
        dc.Actor(id="cy", name="Cy Ng"),
        dc.Faction(id="reds", name="Reds"),
    ]
    return dc.Corpus([*base, *records])


def pclaim(cid: str, claimant: str, *spans: dc.Span, **kw: Any) -> dc.Claim:
    """A predicted claim."""
    return dc.Claim(id=cid, claimant=claimant, evidence=spans, **kw)


def bad(data: Any, text: str = TEXT) -> dc.FormatError:
    """The FormatError that parse_gold raises on ``data``."""
    with pytest.raises(dc.FormatError) as info:
        parse_gold(data, text=text)
    return info.value


def base_data(**kw: Any) -> dict[str, Any]:
    """A valid gold document as a dict, with keys replaced by ``kw``."""
    data: dict[str, Any] = {
        "format": "discourse-gold/1",
        "document": "doc.txt",
        "actors": ACTORS,
        "factions": FACTIONS,
        "claims": [claim("Ann Lee", "said")],
    }
    data.update(kw)
    return data


# --- names and entities ----------------------------------------------------------------------


def test_entity_matches_after_casefold_the_and_possessive() -> None:
    """'The  REDS’s' matches the gold faction 'Reds'."""
    s = evaluate(gold(actors=[]), dc.Corpus([dc.Faction(id="r", name="The  REDS’s")]))
    assert (s.entities.correct, s.entities.found) == (1, 1)


def test_entity_matches_through_a_predicted_alias() -> None:
    """A predicted alias equal to a gold name is a match."""
    pred = dc.Corpus([dc.Actor(id="x", name="Mrs Lee-Smith", aliases=("Ann Lee",))])
    s = evaluate(gold(actors=ACTORS[:1], factions=[]), pred)
    assert s.entities.f1 == 1.0


def test_entity_matches_through_a_gold_alias() -> None:
    """A predicted name equal to a gold alias is a match."""
    s = evaluate(gold(actors=ACTORS[:1], factions=[]), dc.Corpus([dc.Actor(id="x", name="Lee's")]))
    assert s.entities.f1 == 1.0


def test_entity_with_a_different_name_does_not_match() -> None:
    """A surname that is not a gold alias does not match."""
    s = evaluate(gold(actors=ACTORS[1:2], factions=[]), dc.Corpus([dc.Actor(id="x", name="Day")]))
    assert (s.entities.correct, s.entities.found) == (0, 0)


def test_entity_precision_counts_unmatched_predictions() -> None:
    """Two of three predicted entities match the two gold ones: P=2/3, R=1, F1=0.8."""
    pred = dc.Corpus(
        [
            dc.Actor(id="a", name="Ann Lee"),
            dc.Actor(id="b", name="Bob Day"),
            dc.Actor(id="z", name="Zed"),
        ]
    )
    s = evaluate(gold(actors=ACTORS[:2], factions=[]), pred)
    assert s.entities.precision == pytest.approx(2 / 3)
    assert s.entities.recall == 1.0
    assert s.entities.f1 == pytest.approx(0.8)


def test_entity_matching_is_one_to_one() -> None:
    """Two predicted records for one gold actor: one matches, the other is spurious."""
    pred = dc.Corpus([dc.Actor(id="a", name="Ann Lee"), dc.Actor(id="b", name="Lee")])
    s = evaluate(gold(actors=ACTORS[:1], factions=[]), pred)
    assert (s.entities.predicted, s.entities.correct, s.entities.found) == (2, 1, 1)
    assert s.entities.precision == 0.5


def test_actors_and_factions_are_scored_together() -> None:
    """Entities count actors and factions in one pool."""
    s = evaluate(gold(), corpus())
    assert (s.entities.predicted, s.entities.gold, s.entities.correct) == (4, 4, 4)


def test_kind_accuracy_counts_a_person_predicted_as_a_faction_as_wrong() -> None:
    """A matched entity of the wrong kind counts as matched but not toward kind accuracy."""
    pred = dc.Corpus([dc.Faction(id="a", name="Ann Lee"), dc.Faction(id="r", name="Reds")])
    s = evaluate(gold(actors=ACTORS[:1]), pred)
    assert s.entities.correct == 2
    assert (s.kind.correct, s.kind.total) == (1, 2)
    assert s.kind_accuracy == 0.5


def test_kind_accuracy_tells_organization_actors_from_factions() -> None:
    """A gold organization actor predicted as a faction has the wrong kind."""
    g = gold(actors=[{"name": "Unite", "kind": "organization"}], factions=[])
    s = evaluate(g, dc.Corpus([dc.Faction(id="u", name="Unite", kind="union")]))
    assert s.kind_accuracy == 0.0


def test_matching_prefers_a_prediction_of_the_right_kind() -> None:
    """Of two predictions matching one gold person, the person is matched."""
    pred = dc.Corpus([dc.Faction(id="f", name="Ann Lee"), dc.Actor(id="a", name="Lee")])
    s = evaluate(gold(actors=ACTORS[:1], factions=[]), pred)
    assert s.kind_accuracy == 1.0


def test_author_actor_is_not_scored_as_an_entity() -> None:
    """An actor with attributes {'author': True} is left out of entity scores."""
    pred = corpus(dc.Actor(id="me", name="The author", attributes={"author": True}))
    s = evaluate(gold(), pred)
    assert s.entities.predicted == 4


# --- claims ------------------------------------------------------------------------------------


def test_claim_matches_on_claimant_and_cue_overlap() -> None:
    """A claim whose evidence overlaps the gold cue and whose claimant matches is correct."""
    g = gold(claims=[claim("Ann Lee", "said")])
    s = evaluate(g, corpus(pclaim("c", "ann", sp("said Bob"))))
    assert (s.claims.precision, s.claims.recall) == (1.0, 1.0)


def test_claim_matches_on_quote_overlap() -> None:
    """Evidence overlapping only the gold quote span is enough."""
    g = gold(claims=[claim("Cy Ng", "warned", quote="He is finished")])
    s = evaluate(g, corpus(pclaim("c", "cy", sp("finished"))))
    assert s.claims.found == 1


def test_claim_with_touching_but_not_overlapping_span_does_not_match() -> None:
    """Spans are end-exclusive: [a, b) and [b, c) do not overlap."""
    g = gold(claims=[claim("Ann Lee", "said")])
    _, e0 = span("said")
    s = evaluate(g, corpus(pclaim("c", "ann", dc.Span(source="doc", start=e0, end=e0 + 4))))
    assert s.claims.correct == 0


def test_claim_with_the_wrong_claimant_does_not_match() -> None:
    """Overlap is not enough: the claimant must match too."""
    g = gold(claims=[claim("Ann Lee", "said")])
    s = evaluate(g, corpus(pclaim("c", "bob", sp("said"))))
    assert (s.claims.correct, s.claims.found) == (0, 0)


def test_claim_claimant_resolves_through_the_predicted_record() -> None:
    """The predicted claimant id is looked up, and its aliases count."""
    g = gold(claims=[claim("Ann Lee", "said")])
    pred = dc.Corpus(
        [dc.Actor(id="p1", name="Chair", aliases=("ANN LEE",)), pclaim("c", "p1", sp("said"))]
    )
    assert evaluate(g, pred).claims.found == 1


def test_claim_claimant_resolves_through_gold_aliases() -> None:
    """A predicted claimant named by a gold alias matches the gold claimant."""
    g = gold(claims=[claim("Reds", "backed")])
    pred = dc.Corpus([dc.Faction(id="f", name="The Reds"), pclaim("c", "f", sp("backed"))])
    assert evaluate(g, pred).claims.found == 1


def test_claim_precision_counts_every_prediction() -> None:
    """One of two predicted claims matches: P=1/2, R=1/1."""
    g = gold(claims=[claim("Ann Lee", "said")])
    pred = corpus(pclaim("c1", "ann", sp("said")), pclaim("c2", "bob", sp("resigned")))
    s = evaluate(g, pred)
    assert (s.claims.precision, s.claims.recall) == (0.5, 1.0)
    assert s.claims.f1 == pytest.approx(2 / 3)


def test_claim_recall_counts_only_required_gold_claims() -> None:
    """An optional gold claim that is missed does not lower recall."""
    g = gold(claims=[claim("Ann Lee", "said"), claim("Reds", "backed", required=False)])
    s = evaluate(g, corpus(pclaim("c", "ann", sp("said"))))
    assert (s.claims.gold, s.claims.found, s.claims.recall) == (1, 1, 1.0)


def test_claim_matching_an_optional_gold_claim_is_correct() -> None:
    """A prediction matching an optional gold claim counts as correct for precision."""
    g = gold(claims=[claim("Ann Lee", "said"), claim("Reds", "backed", required=False)])
    pred = corpus(pclaim("c1", "ann", sp("said")), pclaim("c2", "reds", sp("backed")))
    s = evaluate(g, pred)
    assert (s.claims.predicted, s.claims.correct, s.claims.precision) == (2, 2, 1.0)


def test_claim_recall_two_of_three() -> None:
    """Two of three required gold claims found: R=2/3."""
    g = gold(
        claims=[
            claim("Ann Lee", "said"),
            claim("Cy Ng", "warned"),
            claim("Reds", "backed"),
        ]
    )
    s = evaluate(g, corpus(pclaim("c1", "ann", sp("said")), pclaim("c2", "cy", sp("warned"))))
    assert s.claims.recall == pytest.approx(2 / 3)
    assert s.claims.precision == 1.0


def test_duplicate_predicted_claims_count_once() -> None:
    """Claims are matched one-to-one: a duplicate is spurious."""
    g = gold(claims=[claim("Ann Lee", "said")])
    s = evaluate(g, corpus(pclaim("c1", "ann", sp("said")), pclaim("c2", "ann", sp("said"))))
    assert (s.claims.correct, s.claims.precision) == (1, 0.5)


def test_claim_matching_prefers_the_required_gold_claim() -> None:
    """A prediction overlapping a required and an optional gold claim finds the required one."""
    g = gold(
        claims=[
            claim("Ann Lee", "said", required=False),
            claim("Ann Lee", "said Bob Day must go"),
        ]
    )
    s = evaluate(g, corpus(pclaim("c", "ann", sp("said"))))
    assert (s.claims.found, s.claims.recall) == (1, 1.0)


def test_claim_matching_is_maximum() -> None:
    """An augmenting path re-routes an earlier match so both gold claims are found."""
    g = gold(claims=[claim("Ann Lee", "said Bob"), claim("Ann Lee", "Bob Day must")])
    wide = pclaim("c1", "ann", sp("said Bob Day"))  # overlaps both gold cues
    narrow = pclaim("c2", "ann", sp("said"))  # overlaps only the first
    s = evaluate(g, corpus(wide, narrow))
    assert (s.claims.found, s.claims.correct) == (2, 2)


def test_author_actor_matches_the_author_claimant() -> None:
    """A claimant actor with attributes {'author': True} matches gold '<author>'."""
    g = gold(claims=[claim(AUTHOR, "A leadership election follows")])
    me = dc.Actor(id="me", name="Writer", attributes={"author": True})
    s = evaluate(g, corpus(me, pclaim("c", "me", sp("follows"))))
    assert s.claims.found == 1


def test_actor_named_author_without_the_attribute_does_not_match_by_attribute() -> None:
    """Without the attribute, an actor named 'Writer' is not the author."""
    g = gold(claims=[claim(AUTHOR, "A leadership election follows")])
    s = evaluate(g, corpus(dc.Actor(id="me", name="Writer"), pclaim("c", "me", sp("follows"))))
    assert s.claims.found == 0


def test_target_accuracy_on_matched_claims() -> None:
    """One right and one wrong target among two matched claims: 1/2."""
    g = gold(
        claims=[
            claim("Ann Lee", "said", target="Bob Day", stance="oppose"),
            claim("Reds", "backed", target="Lee", stance="support"),
        ]
    )
    pred = corpus(
        pclaim("c1", "ann", sp("said"), target="bob", stance="oppose"),
        pclaim("c2", "reds", sp("backed"), target="cy", stance="support"),
    )
    s = evaluate(g, pred)
    assert (s.target.correct, s.target.total) == (1, 2)
    assert s.target_accuracy == 0.5
    assert s.stance_accuracy == 1.0


def test_target_resolves_through_aliases() -> None:
    """A predicted target matching a gold alias is right."""
    g = gold(claims=[claim("Reds", "backed", target="Ann Lee")])
    pred = dc.Corpus(
        [
            dc.Faction(id="r", name="Reds"),
            dc.Actor(id="l", name="Lee"),
            pclaim("c", "r", sp("backed"), target="l"),
        ]
    )
    assert evaluate(g, pred).target_accuracy == 1.0


def test_missing_predicted_target_is_wrong() -> None:
    """A matched claim with no predicted target counts as a wrong target."""
    g = gold(claims=[claim("Ann Lee", "said", target="Bob Day")])
    s = evaluate(g, corpus(pclaim("c", "ann", sp("said"))))
    assert (s.target.correct, s.target.total) == (0, 1)


def test_claims_with_null_gold_target_and_stance_are_not_judged() -> None:
    """Target and stance accuracy skip matched claims whose gold value is null."""
    g = gold(claims=[claim("Ann Lee", "said")])
    s = evaluate(g, corpus(pclaim("c", "ann", sp("said"), target="bob", stance="oppose")))
    assert (s.target.total, s.stance.total) == (0, 0)
    assert s.target_accuracy is None
    assert s.stance_accuracy is None


def test_stance_accuracy_counts_a_flipped_stance_as_wrong() -> None:
    """Predicting support where the gold says oppose is wrong."""
    g = gold(claims=[claim("Ann Lee", "said", target="Bob Day", stance="oppose")])
    s = evaluate(g, corpus(pclaim("c", "ann", sp("said"), target="bob", stance="support")))
    assert (s.stance.correct, s.stance.total) == (0, 1)
    assert s.target_accuracy == 1.0


def test_unmatched_claims_are_not_judged_for_target() -> None:
    """Target accuracy only looks at matched claims."""
    g = gold(claims=[claim("Ann Lee", "said", target="Bob Day")])
    s = evaluate(g, corpus(pclaim("c", "bob", sp("said"), target="bob")))
    assert s.target.total == 0


# --- events ------------------------------------------------------------------------------------


def test_event_matches_on_kind_and_trigger_overlap() -> None:
    """Same kind and overlapping evidence: a match."""
    g = gold(events=[event("resignation", "resigned")])
    pred = corpus(dc.Event(id="e", kind="resignation", evidence=(sp("Bob Day resigned"),)))
    s = evaluate(g, pred)
    assert (s.events.precision, s.events.recall) == (1.0, 1.0)


def test_event_of_another_kind_does_not_match() -> None:
    """Overlap with the wrong kind is no match."""
    g = gold(events=[event("resignation", "resigned")])
    pred = corpus(dc.Event(id="e", kind="dismissal", evidence=(sp("resigned"),)))
    assert evaluate(g, pred).events.correct == 0


def test_event_without_evidence_does_not_match() -> None:
    """An event with no evidence span cannot overlap a trigger."""
    g = gold(events=[event("resignation", "resigned")])
    assert evaluate(g, corpus(dc.Event(id="e", kind="resignation"))).events.correct == 0


def test_event_recall_counts_only_required_events() -> None:
    """Optional gold events are not in the recall denominator; matching them is correct."""
    g = gold(
        events=[
            event("resignation", "resigned"),
            event("leadership_election", "leadership election", required=False),
        ]
    )
    pred = corpus(
        dc.Event(id="e1", kind="leadership_election", evidence=(sp("leadership"),)),
        dc.Event(id="e2", kind="split", evidence=(sp("Monday"),)),
    )
    s = evaluate(g, pred)
    assert (s.events.predicted, s.events.correct, s.events.gold, s.events.found) == (2, 1, 1, 0)
    assert s.events.precision == 0.5
    assert s.events.recall == 0.0


# --- figures and formatting --------------------------------------------------------------------


def test_nothing_predicted_and_nothing_expected_scores_one() -> None:
    """An empty category on both sides is perfect."""
    t = Tally()
    assert (t.precision, t.recall, t.f1) == (1.0, 1.0, 1.0)


def test_nothing_predicted_scores_zero_precision() -> None:
    """No predictions against some gold gives P=R=F1=0."""
    t = Tally(gold=2)
    assert (t.precision, t.recall, t.f1) == (0.0, 0.0, 0.0)


def test_ratio_of_nothing_is_none() -> None:
    """An accuracy over zero items is None, not 0 or 1."""
    assert Ratio().value is None


def test_format_shows_the_figures_of_each_category() -> None:
    """The table has a line per category with P, R and F1."""
    s = Scores(claims=Tally(predicted=3, correct=2, gold=2, found=1))
    line = next(x for x in s.format().splitlines() if x.startswith("claims"))
    assert line.split()[-3:] == ["0.667", "0.500", "0.571"]


def test_str_is_format() -> None:
    """str(scores) is the table."""
    s = Scores(events=Tally(predicted=1, correct=1, gold=1, found=1))
    assert str(s) == s.format()


def test_notes_name_the_missed_gold_claim() -> None:
    """A missed required claim is listed in the notes with its cue."""
    g = gold(claims=[claim("Cy Ng", "warned")])
    s = evaluate(g, corpus())
    assert any("missed" in n and "'warned'" in n for n in s.notes)
    assert "warned" in s.format(notes=True)


def test_counts_give_every_number() -> None:
    """`counts` holds the tallies by category."""
    s = Scores(
        claims=Tally(predicted=3, correct=2, gold=4, found=1), target=Ratio(correct=1, total=2)
    )
    assert s.counts["claims"] == {"predicted": 3, "correct": 2, "gold": 4, "found": 1}
    assert s.counts["target"] == {"correct": 1, "total": 2}


# --- evaluate(), evaluate_files() and agreement() ---------------------------------------------


def test_evaluate_runs_a_parser_function_on_the_gold_text() -> None:
    """parser= may be a function of the text."""
    seen: list[str] = []

    def parser(text: str) -> dc.Corpus:
        seen.append(text)
        return corpus()

    s = evaluate(gold(), parser=parser)
    assert seen == [TEXT]
    assert s.entities.f1 == 1.0


def test_evaluate_runs_a_parser_object() -> None:
    """parser= may be an object with a parse(text) method."""

    class P:
        def parse(self, text: str) -> dc.Corpus:
            return dc.Corpus([dc.Actor(id="a", name="Ann Lee")]) if "Ann" in text else dc.Corpus()

    assert evaluate(gold(), parser=P()).entities.correct == 1


def test_evaluate_refuses_both_prediction_and_parser() -> None:
    """Giving predicted and parser is an error."""
    with pytest.raises(TypeError):
        evaluate(gold(), corpus(), parser=lambda t: corpus())


def write_doc(folder: Path, name: str, data: dict[str, Any], text: str = TEXT) -> Path:
    """Write a text and its gold file; return the gold file's path."""
    (folder / f"{name}.txt").write_text(text, encoding="utf-8")
    path = folder / f"{name}.gold.json"
    path.write_text(json.dumps({**data, "document": f"{name}.txt"}), encoding="utf-8")
    return path


def test_evaluate_accepts_a_gold_path(tmp_path: Path) -> None:
    """A path is read with load_gold."""
    path = write_doc(tmp_path, "a", base_data())
    s = evaluate(path, corpus(pclaim("c", "ann", sp("said"))))
    assert (s.document, s.claims.found) == ("a.txt", 1)


def test_evaluate_files_micro_averages(tmp_path: Path) -> None:
    """Counts are summed over documents before dividing: 1 of 4 predictions right gives P=1/4."""
    p1 = write_doc(tmp_path, "one", base_data())
    p2 = write_doc(tmp_path, "two", base_data(claims=[claim("Cy Ng", "warned")]))

    outputs = iter(
        [
            corpus(pclaim("c", "ann", sp("said"))),
            corpus(*(pclaim(f"c{i}", "bob", sp("resigned")) for i in range(3))),
        ]
    )
    report = evaluate_files([p1, p2], parser=lambda text: next(outputs))
    assert isinstance(report, Report)
    assert [s.document for s in report.documents] == ["one.txt", "two.txt"]
    assert report.claims.precision == pytest.approx(1 / 4)
    assert report.claims.recall == pytest.approx(1 / 2)


def test_report_format_lists_each_document() -> None:
    """The report has a line per document and a micro-average."""
    r = Report(documents=(Scores(document="a.txt"), Scores(document="b.txt")))
    out = r.format()
    assert "a.txt" in out
    assert "b.txt" in out
    assert "micro-average over 2 documents" in out


def test_agreement_of_identical_codings_is_perfect() -> None:
    """A coding agrees fully with itself."""
    c = gold(claims=[claim("Ann Lee", "said", target="Bob Day", stance="oppose")]).to_corpus()
    s = agreement(c, c, TEXT)
    assert (s.entities.f1, s.claims.f1, s.target_accuracy, s.stance_accuracy) == (1, 1, 1, 1)


def test_agreement_is_symmetric_in_f1() -> None:
    """Swapping the coders swaps precision and recall and keeps F1."""
    a = gold(claims=[claim("Ann Lee", "said"), claim("Cy Ng", "warned")]).to_corpus()
    b = gold(actors=ACTORS[:2], factions=[], claims=[claim("Ann Lee", "said")]).to_corpus()
    ab, ba = agreement(a, b), agreement(b, a)
    assert (ab.claims.precision, ab.claims.recall) == (ba.claims.recall, ba.claims.precision)
    assert (ab.entities.precision, ab.entities.recall) == (1.0, 0.5)
    assert ab.entities.f1 == ba.entities.f1 == pytest.approx(2 / 3)
    assert ab.claims.f1 == ba.claims.f1 == pytest.approx(2 / 3)


def test_agreement_honours_optional_claims_of_the_reference() -> None:
    """A claim marked required=False in coding_a is optional."""
    a = gold(claims=[claim("Ann Lee", "said", required=False)]).to_corpus()
    s = agreement(a, corpus())
    assert (s.claims.gold, s.claims.recall) == (0, 1.0)


# --- Gold and to_corpus() ----------------------------------------------------------------------


def test_to_corpus_has_no_dangling_references() -> None:
    """The corpus built from a gold coding validates."""
    g = gold(
        memberships=[{"member": "Ann Lee", "faction": "Reds", "role": "chair"}],
        claims=[claim(AUTHOR, "follows", target="Reds")],
        events=[event("resignation", "resigned", participants=[{"name": "Bob Day", "role": None}])],
    )
    c = g.to_corpus()
    c.validate()
    assert c.count()["claims"] == 1


def test_gold_scores_perfectly_against_its_own_corpus() -> None:
    """evaluate(gold, gold.to_corpus()) is 1.0 everywhere."""
    g = gold(
        claims=[
            claim("Cy Ng", "warned", quote="He is finished", target="Bob Day", stance="oppose")
        ],
        events=[event("resignation", "resigned")],
    )
    s = evaluate(g, g.to_corpus())
    assert (s.entities.f1, s.claims.f1, s.events.f1) == (1.0, 1.0, 1.0)
    assert (s.kind_accuracy, s.target_accuracy, s.stance_accuracy) == (1.0, 1.0, 1.0)


def test_resolve_finds_entities_by_normalized_alias() -> None:
    """Gold.resolve applies the name rule."""
    found = gold().resolve("THE REDS’s")
    assert found is not None
    assert found.name == "Reds"


def test_seed_gold_loads_with_its_text(shared: Path) -> None:
    """The dev gold file loads, and each cue reads as written at its span."""
    g = load_gold(shared / "corpus" / "labour-2017-unite.gold.json")
    raw = json.loads((shared / "corpus" / "labour-2017-unite.gold.json").read_text("utf-8"))
    assert len(g.claims) == len(raw["claims"])
    assert all(g.text[c.cue_span[0] : c.cue_span[1]] == c.cue for c in g.claims)


def test_seed_gold_scores_perfectly_against_itself(shared: Path) -> None:
    """The dev gold agrees with its own corpus form."""
    g = load_gold(shared / "corpus" / "labour-2017-unite.gold.json")
    s = evaluate(g, g.to_corpus())
    assert (s.entities.f1, s.claims.f1, s.events.f1) == (1.0, 1.0, 1.0)


# --- bad gold files ----------------------------------------------------------------------------


def test_bad_span_names_its_json_path() -> None:
    """A cue_span that is not [start, end] is reported at claims[i].cue_span."""
    c = claim("Ann Lee", "said")
    c["cue_span"] = "12-16"
    e = bad(base_data(claims=[claim("Cy Ng", "warned"), c]))
    assert e.errors == ('claims[1].cue_span: expected [start, end], got "12-16"',)


def test_every_problem_is_listed() -> None:
    """Two problems in two records give two lines."""
    c0 = claim("Ann Lee", "said", stance="opose")
    c1 = claim("Ann Lee", "said", form="shouting")
    e = bad(base_data(claims=[c0, c1]))
    assert len(e.errors) == 2
    assert e.errors[0].startswith("claims[0].stance:")
    assert e.errors[1].startswith("claims[1].form:")


def test_span_past_the_end_of_the_text_is_rejected() -> None:
    """A span must lie inside the text."""
    c = claim("Ann Lee", "said")
    c["cue_span"] = [len(TEXT) - 2, len(TEXT) + 5]
    assert "runs past the end" in bad(base_data(claims=[c])).errors[0]


def test_reversed_span_is_rejected() -> None:
    """start must be less than end."""
    c = claim("Ann Lee", "said")
    c["cue_span"] = [10, 10]
    assert bad(base_data(claims=[c])).errors[0].startswith("claims[0].cue_span:")


def test_cue_that_does_not_read_as_written_is_rejected() -> None:
    """The text at cue_span must equal cue."""
    c = claim("Ann Lee", "said")
    c["cue_span"][0] += 1
    assert bad(base_data(claims=[c])).errors[0].startswith("claims[0].cue: 'said' but the text")


def test_quote_without_quote_span_is_rejected() -> None:
    """quote and quote_span go together."""
    c = claim("Ann Lee", "said", quote="He is finished")
    c["quote_span"] = None
    assert bad(base_data(claims=[c])).errors == (
        "claims[0].quote_span: quote and quote_span must both be set or both be null",
    )


def test_unknown_claimant_is_rejected() -> None:
    """A claimant must be an actor or faction of the document, or <author>."""
    e = bad(base_data(claims=[claim("Dee Fox", "said")]))
    assert e.errors[0].startswith("claims[0].claimant: 'Dee Fox' is not the name")


def test_party_must_be_a_faction() -> None:
    """A faction's party must name a faction, not an actor."""
    f = [*FACTIONS, {"name": "Blues", "kind": "wing", "party": "Ann Lee", "aliases": []}]
    assert bad(base_data(factions=f)).errors == (
        "factions[1].party: 'Ann Lee' is an actor, expected a faction",
    )


def test_name_shared_by_two_entities_is_rejected() -> None:
    """A normalized name may belong to one entity only."""
    actors = [*ACTORS, {"name": "Len Lee", "kind": "person", "aliases": ["the Lee’s"]}]
    e = bad(base_data(actors=actors))
    assert e.errors[0].startswith("actors[3].aliases[0]: 'the Lee’s' is also a name of actors[0]")


def test_unknown_key_is_rejected() -> None:
    """A misspelt key is reported, not ignored."""
    c = claim("Ann Lee", "said")
    c["qoute"] = "x"
    assert bad(base_data(claims=[c])).errors == ("claims[0].qoute: unknown key",)


def test_missing_key_is_rejected() -> None:
    """Required keys must be present."""
    c = claim("Ann Lee", "said")
    del c["required"]
    assert bad(base_data(claims=[c])).errors == ("claims[0].required: missing",)


def test_wrong_format_name_is_rejected() -> None:
    """The format key must be discourse-gold/1."""
    assert bad(base_data(format="discourse-gold/2")).errors[0].startswith("format: expected")


def test_non_object_document_is_rejected() -> None:
    """The document must be a JSON object."""
    assert bad([1, 2]).errors == ("$: expected an object, got a list of 2",)


def test_non_boolean_required_is_rejected() -> None:
    """required must be true or false."""
    e = bad(base_data(events=[event("resignation", "resigned", required="yes")]))
    assert e.errors == ('events[0].required: expected true or false, got "yes"',)


def test_error_is_a_discourse_error_and_a_value_error() -> None:
    """FormatError can be caught generically."""
    e = bad(base_data(format=None))
    assert isinstance(e, dc.DiscourseError)
    assert isinstance(e, ValueError)


def test_invalid_json_names_the_line(tmp_path: Path) -> None:
    """A syntax error is a FormatError with the line number."""
    p = tmp_path / "x.gold.json"
    p.write_text('{\n  "format": "discourse-gold/1",\n  oops\n}', encoding="utf-8")
    with pytest.raises(dc.FormatError) as info:
        load_gold(p)
    assert info.value.line == 3
    assert info.value.path == str(p)


def test_missing_text_file_is_a_format_error(tmp_path: Path) -> None:
    """The text named by document must exist beside the gold file."""
    p = tmp_path / "x.gold.json"
    p.write_text(json.dumps(base_data(document="absent.txt")), encoding="utf-8")
    with pytest.raises(dc.FormatError, match=r"document: cannot read the text 'absent\.txt'"):
        load_gold(p)


def test_missing_gold_file_is_a_format_error(tmp_path: Path) -> None:
    """A gold path that does not exist is a FormatError naming the path."""
    with pytest.raises(dc.FormatError) as info:
        load_gold(tmp_path / "nothing.gold.json")
    assert info.value.path == str(tmp_path / "nothing.gold.json")


def test_text_can_be_given_instead_of_read(tmp_path: Path) -> None:
    """load_gold(text=...) does not read the document file."""
    p = tmp_path / "x.gold.json"
    p.write_text(json.dumps(base_data(document="absent.txt")), encoding="utf-8")
    assert load_gold(p, text=TEXT).text == TEXT


def test_non_list_section_is_reported_once() -> None:
    """A section that is not a list gives one line naming it."""
    assert bad(base_data(actors={"name": "Ann Lee"}, claims=[])).errors == (
        "actors: expected a list, got an object",
    )


def test_bad_participant_names_its_event() -> None:
    """A problem inside a participant names the event and the participant."""
    ev = event("resignation", "resigned", participants=[{"name": "Dee Fox", "role": None}])
    assert bad(base_data(events=[ev])).errors == (
        "events[0].participants[0].name: 'Dee Fox' is not the name or alias of an actor or "
        "faction of this document",
    )


NAMES = ["Ann Lee", "Bob Day", "Cy Ng", "Reds"]


@st.composite
def codings(draw: st.DrawFn) -> dc.Corpus:
    """A random coding of TEXT: some of four entities, claims and events over short spans."""
    records: list[dc.Record] = []
    ids = []
    for i, name in enumerate(NAMES):
        if draw(st.booleans()):
            records.append(
                dc.Actor(id=f"e{i}", name=name) if i < 3 else dc.Faction(id="e3", name=name)
            )
            ids.append(f"e{i}")
    starts = st.integers(0, len(TEXT) - 12)
    for i in range(draw(st.integers(0, 6)) if ids else 0):
        s = draw(starts)
        span_ = dc.Span(source="doc", start=s, end=s + draw(st.integers(1, 12)))
        records.append(dc.Claim(id=f"c{i}", claimant=draw(st.sampled_from(ids)), evidence=(span_,)))
    for i in range(draw(st.integers(0, 4))):
        s = draw(starts)
        kind = draw(st.sampled_from(["resignation", "split"]))
        span_ = dc.Span(source="doc", start=s, end=s + draw(st.integers(1, 12)))
        records.append(dc.Event(id=f"v{i}", kind=kind, evidence=(span_,)))
    return dc.Corpus(records)


@given(codings(), codings())
def test_agreement_f1_is_symmetric_for_any_two_codings(a: dc.Corpus, b: dc.Corpus) -> None:
    """With every item required, F1 does not depend on which coder is the reference."""
    ab, ba = agreement(a, b), agreement(b, a)
    for cat in ("entities", "claims", "events"):
        x, y = getattr(ab, cat), getattr(ba, cat)
        assert x.correct == y.correct
        assert x.f1 == pytest.approx(y.f1)
        assert (x.precision, x.recall) == pytest.approx((y.recall, y.precision))


@given(codings())
def test_a_coding_agrees_fully_with_itself(a: dc.Corpus) -> None:
    """Every item of a coding matches itself (the matching is maximum)."""
    s = agreement(a, a)
    assert (s.entities.f1, s.claims.f1, s.events.f1) == (1.0, 1.0, 1.0)
