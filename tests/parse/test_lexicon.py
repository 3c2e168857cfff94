"""Tests for discourse.parse.lexicon: the shipped lexicon, user lexicons, merging, errors."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from discourse import ActorKind, ClaimForm, EventKind, FactionKind, FormatError, Stance
from discourse.parse.lexicon import Lexicon, inflections


def test_default_lexicon_loads_reporting_verbs_with_form_and_stance():
    """The shipped lexicon knows 'accused' as an opposing accusation."""
    sense = Lexicon.default().verb("accused")
    assert sense is not None
    assert sense.form is ClaimForm.ACCUSATION
    assert sense.stance is Stance.OPPOSE


def test_default_lexicon_has_no_individual_people():
    """The generic lexicon lists parties, unions and offices, but no persons."""
    actors = Lexicon.default().actors
    assert actors
    assert all(a.kind is ActorKind.ORGANIZATION for a in actors)


def test_default_lexicon_maps_event_triggers_to_event_kinds():
    """Trigger phrases map to EventKind members."""
    triggers = Lexicon.default().event_triggers
    assert triggers["by-election"] is EventKind.BY_ELECTION
    assert triggers["stood aside"] is EventKind.RESIGNATION


def test_inflections_cover_regular_and_irregular_forms():
    """Lemmas are inflected on their first word, irregular verbs included."""
    assert "called on" in inflections("call on")
    assert "criticised" in inflections("criticise")
    assert "said" in inflections("say")
    assert "slammed" in inflections("slam")
    assert "denies" in inflections("deny")


def test_from_dict_reads_actors_factions_and_verbs():
    """A user lexicon document becomes typed entries."""
    lex = Lexicon.from_dict(
        {
            "actors": [{"name": "Ada Brown", "aliases": ["Brown"], "party": "Green Party"}],
            "factions": [{"name": "Green Left", "kind": "tendency", "parent": "Green Party"}],
            "reporting_verbs": {
                "savage": {"form": "criticism", "stance": "oppose", "object": "target"}
            },
        }
    )
    assert lex.actors[0].aliases == ("Brown",)
    assert lex.factions[0].kind is FactionKind.TENDENCY
    assert lex.verb("savaged") is not None


def test_bad_entries_are_all_reported_with_their_location():
    """Every bad entry is listed with where it is."""
    with pytest.raises(FormatError) as info:
        Lexicon.from_dict(
            {
                "factions": [{"name": "X", "kind": "cabal"}],
                "reporting_verbs": {"moan": {"form": "whinge"}},
            },
            path="lex.json",
        )
    errors = info.value.errors
    assert any(e.startswith("factions[0].kind") for e in errors)
    assert any(e.startswith("reporting_verbs['moan'].form") for e in errors)
    assert info.value.path == "lex.json"


def test_unknown_top_level_key_is_an_error():
    """A misspelt section is reported, not ignored."""
    with pytest.raises(FormatError, match="factoins"):
        Lexicon.from_dict({"factoins": []})


def test_non_mapping_document_is_a_format_error():
    """A list is not a lexicon."""
    with pytest.raises(FormatError):
        Lexicon.from_dict([1, 2])


def test_from_file_reads_json(tmp_path: Path):
    """A JSON lexicon file is read."""
    p = tmp_path / "lex.json"
    p.write_text(
        json.dumps({"factions": [{"name": "Momentum", "kind": "group"}]}), encoding="utf-8"
    )
    assert Lexicon.from_file(p).factions[0].name == "Momentum"


def test_from_file_reads_yaml(tmp_path: Path):
    """A YAML lexicon file is read with safe loading."""
    pytest.importorskip("yaml")
    p = tmp_path / "lex.yaml"
    p.write_text("factions:\n  - name: Momentum\n    kind: group\n", encoding="utf-8")
    assert Lexicon.from_file(p).factions[0].kind is FactionKind.GROUP


def test_invalid_yaml_names_the_file_and_line(tmp_path: Path):
    """Broken YAML raises FormatError with the path and a line number."""
    pytest.importorskip("yaml")
    p = tmp_path / "lex.yaml"
    p.write_text("factions:\n  - name: [unclosed\n", encoding="utf-8")
    with pytest.raises(FormatError) as info:
        Lexicon.from_file(p)
    assert info.value.path == str(p)
    assert info.value.line is not None


def test_yaml_tags_are_not_executed(tmp_path: Path):
    """Python-object YAML tags are refused by safe loading."""
    pytest.importorskip("yaml")
    p = tmp_path / "lex.yaml"
    p.write_text("factions: !!python/object/apply:os.system ['true']\n", encoding="utf-8")
    with pytest.raises(FormatError):
        Lexicon.from_file(p)


def test_missing_file_is_a_format_error(tmp_path: Path):
    """A missing file raises FormatError naming it."""
    with pytest.raises(FormatError) as info:
        Lexicon.from_file(tmp_path / "nope.json")
    assert "nope.json" in str(info.value)


def test_merge_lets_the_user_entries_win():
    """Merging overrides a verb sense and keeps the shipped entries."""
    user = Lexicon.from_dict({"reporting_verbs": {"say": {"form": "warning"}}})
    merged = Lexicon.default().merge(user)
    said = merged.verb("said")
    accused = merged.verb("accused")
    assert said is not None
    assert said.form is ClaimForm.WARNING
    assert accused is not None
    assert accused.form is ClaimForm.ACCUSATION


def test_example_uk_labour_lexicon_is_valid():
    """The example lexicon in examples/lexicons reads without errors."""
    pytest.importorskip("yaml")
    path = (
        Path(__file__).resolve().parents[2] / "examples" / "lexicons" / "uk_labour_2015_2020.yaml"
    )
    lex = Lexicon.from_file(path)
    assert any(f.name == "Momentum" for f in lex.factions)
    assert any(a.name == "Jeremy Corbyn" for a in lex.actors)


def test_evaluative_words_are_read_with_their_inflections():
    """'evaluative: {oppose: [betray]}' makes 'betrayed' and 'betrays' oppose."""
    lex = Lexicon.from_dict({"evaluative": {"oppose": ["betray"], "support": ["loyal"]}})
    assert lex.evaluative["betrayed"] is Stance.OPPOSE
    assert lex.evaluative["betrays"] is Stance.OPPOSE
    assert lex.evaluative["loyal"] is Stance.SUPPORT


def test_evaluative_with_unknown_stance_is_a_format_error():
    """An evaluative key other than a stance names the entry."""
    with pytest.raises(FormatError, match=r"evaluative\['hostile'\]"):
        Lexicon.from_dict({"evaluative": {"hostile": ["betray"]}})
