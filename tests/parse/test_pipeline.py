"""Tests for discourse.parse.pipeline: parse(), Parser, ids, sources, parse_many."""

from __future__ import annotations

import gc
import importlib
import pickle
from concurrent.futures import ProcessPoolExecutor, ThreadPoolExecutor

import pytest

from discourse import Corpus, ParseError, PartialDate, Source
from discourse.parse import Lexicon, Parser, parse, source_id

NEWS = (
    "SPD leader Saskia Esken said on Monday that the party would not enter another coalition. "
    "Kevin Kühnert, the general secretary of the SPD, praised Esken’s decision. "
    "Olaf Scholz warned of a “damaging split”."
)


def test_parse_returns_a_valid_corpus_with_the_source():
    """The corpus validates and holds the source with the text."""
    c = parse(NEWS, source="n1")
    c.validate()
    assert c["n1"].text == NEWS  # type: ignore[union-attr]


def test_every_span_slices_the_original_text():
    """Evidence offsets index the original string exactly."""
    c = parse(NEWS, source="n1")
    for r in [*c.actors, *c.factions, *c.claims(), *c.events]:
        for span in r.evidence:
            assert NEWS[span.start : span.end] == span.text


def test_every_extracted_record_has_evidence_and_confidence():
    """Actors, factions, claims and events carry evidence and a confidence in 0..1."""
    c = parse(NEWS, source="n1")
    records = [*c.actors, *c.factions, *c.claims(), *c.events]
    assert records
    for r in records:
        assert r.evidence
        assert r.confidence is not None
        assert 0 <= r.confidence <= 1


def test_parsing_twice_gives_identical_corpora():
    """Ids and records are stable across runs."""
    assert parse(NEWS, source="n1") == parse(NEWS, source="n1")


def test_anonymous_text_gets_a_hash_source_id():
    """Without a source the id is 'doc-' plus a hash of the text."""
    c = parse(NEWS)
    assert c.sources[0].id == source_id(NEWS)
    assert source_id(NEWS).startswith("doc-")


def test_source_record_is_kept_and_completed():
    """A given Source keeps its metadata and gains the text."""
    src = Source(id="s9", title="Esken speaks", published="2024-03-06")
    c = parse(NEWS, source=src)
    got = c["s9"]
    assert isinstance(got, Source)
    assert got.title == "Esken speaks"
    assert got.text == NEWS


def test_date_anchors_relative_dates_of_claims():
    """'on Monday' resolves against the publication date."""
    c = parse(NEWS, source="n1", date="2024-03-06")
    said = next(cl for cl in c.claims() if cl.claimant == "saskia-esken")
    assert said.date == PartialDate(2024, 3, 4)


def test_source_published_date_is_the_default_anchor():
    """A Source's publication date is used when no date is given."""
    c = parse(NEWS, source=Source(id="s", published="2024-03-06"))
    said = next(cl for cl in c.claims() if cl.claimant == "saskia-esken")
    assert said.date == PartialDate(2024, 3, 4)


def test_user_lexicon_is_merged_with_the_shipped_one():
    """A user lexicon adds factions and keeps the shipped verbs."""
    lex = Lexicon.from_dict({"factions": [{"name": "Jusos", "kind": "group", "parent": "SPD"}]})
    c = parse("The Jusos criticised Olaf Scholz.", lexicon=lex, source="s")
    jusos = c["jusos"]
    assert jusos.parent == "spd"  # type: ignore[union-attr]
    assert [cl.claimant for cl in c.claims()] == ["jusos"]


def test_author_claims_have_an_author_actor():
    """Claims by the text's author point to an 'author:<source>' actor."""
    c = parse("The only way forward for the Left is to fight.", source="op")
    author = c["author:op"]
    assert author.attributes["author"] is True  # type: ignore[union-attr]


def test_non_string_input_raises_parse_error():
    """Bytes, None and numbers are refused with ParseError."""
    for bad in (b"text", None, 3):
        with pytest.raises(ParseError):
            parse(bad)  # type: ignore[arg-type]


def test_bad_date_raises_parse_error():
    """An unreadable date is a ParseError."""
    with pytest.raises(ParseError):
        parse(NEWS, date="last Tuesday")


def test_blank_text_gives_an_empty_corpus():
    """Empty and whitespace-only texts give an empty corpus."""
    assert len(parse("")) == 0
    assert len(parse(" \n\t ")) == 0


def test_parser_pickles_and_still_parses():
    """A Parser survives pickling (as process pools do) and gives the same result."""
    parser = Parser()
    parser.parse("warm up")
    clone = pickle.loads(pickle.dumps(parser))
    assert clone.parse(NEWS, source="n") == parser.parse(NEWS, source="n")


def test_parse_many_keeps_input_order_with_threads():
    """parse_many yields one corpus per text, in input order."""
    texts = [f"Jane Roe{i} criticised John Doe{i}." for i in range(20)]
    with ThreadPoolExecutor(4) as pool:
        out = list(Parser().parse_many(texts, executor=pool))
    assert [c.sources[0].text for c in out] == texts


def test_parse_many_with_a_process_pool_matches_serial():
    """Process-pool results equal serial results."""
    texts = [
        NEWS,
        "Tom Watson refused to back Jeremy Corbyn.",
        "",
        "The only way forward for the Left is to fight.",
    ] * 3
    for parser in (Parser(), Parser(min_confidence=0.8)):
        serial = list(parser.parse_many(texts))
        with ProcessPoolExecutor(2) as pool:
            parallel = list(parser.parse_many(texts, executor=pool))
        assert parallel == serial
        # the rebuilt corpora answer queries as the serial ones do
        for a, b in zip(parallel, serial, strict=True):
            assert a.find_all("Corbyn") == b.find_all("Corbyn")
            for c in b.claims():
                assert a.claims(claimant=c.claimant) == b.claims(claimant=c.claimant)


def test_parse_many_sends_the_last_documents_in_smaller_batches():
    """Full batches while the input lasts, then halving ones, so workers finish together."""
    sizes: list[int] = []

    class Recording(ThreadPoolExecutor):
        def submit(self, fn, /, *args, **kwargs):  # type: ignore[no-untyped-def]
            sizes.append(len(args[1]))
            return super().submit(fn, *args, **kwargs)

    texts = [f"Jane Roe{i} criticised John Doe{i}." for i in range(40)]
    with Recording(2) as pool:
        out = list(Parser().parse_many(texts, executor=pool))
    assert [c.sources[0].text for c in out] == texts
    assert sum(sizes) == len(texts)
    assert sizes == [8, 8, 8, 8, 4, 2, 1, 1]  # the last 8 halve: 4, 2, 1, 1


@pytest.mark.parametrize("enabled", [True, False])
def test_parse_many_leaves_the_gc_as_it_found_it(enabled: bool):
    """The GC pause around rebuilding a batch restores the caller's GC state."""
    texts = ["Tom Watson refused to back Jeremy Corbyn."] * 10
    was = gc.isenabled()
    try:
        if not enabled:
            gc.disable()
        with ProcessPoolExecutor(1) as pool:
            it = Parser().parse_many(texts, executor=pool)
            next(it)
            assert gc.isenabled() is enabled  # paused only while a batch is rebuilt
            assert len(list(it)) == len(texts) - 1
        assert gc.isenabled() is enabled
    finally:
        if was:
            gc.enable()


def test_parse_many_accepts_text_source_pairs():
    """(text, source) pairs set each document's source."""
    out = list(Parser().parse_many([("Jane Roe spoke.", "a"), ("John Doe spoke.", "b")]))
    assert [c.sources[0].id for c in out] == ["a", "b"]


def test_min_confidence_drops_uncertain_records():
    """A confidence threshold removes records below it and keeps the corpus valid."""
    c = Parser(min_confidence=0.99).parse(NEWS, source="n")
    c.validate()
    assert all(
        (getattr(r, "confidence", None) or 1) >= 0.99 for r in c if not isinstance(r, Source)
    )


def test_public_names_are_exported():
    """The subpackage exports parse, Parser and Lexicon in a sorted __all__."""
    dp = importlib.import_module("discourse.parse")
    assert dp.__all__ == sorted(dp.__all__)
    assert {"parse", "Parser", "Lexicon"} <= set(dp.__all__)


def test_seed_text_parses_into_the_running_example(seed_text: str):
    """The seed article yields Corbyn, the Blairites and McDonnell's warning."""
    c: Corpus = parse(seed_text, source="seed", date="2017-03-10")
    assert c.find("Jeremy Corbyn") is not None
    assert c.find("Blairites") is not None
    warning = c.claims(claimant="john-mcdonnell")
    assert warning
    assert warning[0].quote == "soft coup"


def test_subpackage_is_callable_as_parse():
    """Calling the subpackage itself parses, like discourse.parse(text)."""
    dp = importlib.import_module("discourse.parse")
    assert dp("Jane Roe criticised John Doe.", source="s") == parse(
        "Jane Roe criticised John Doe.", source="s"
    )


def test_group_noun_nobody_refers_to_is_not_kept():
    """'rebels' who neither claim nor are targeted do not become a faction record."""
    c = parse("Tory rebels met on Tuesday night in a committee room.", source="g1")
    assert [f.id for f in c.factions] == ["conservative-party"]


def test_group_noun_that_claims_is_kept():
    """'The rebels accused X' keeps the rebels as a group faction."""
    c = parse("The rebels accused Downing Street of bullying backbenchers.", source="g2")
    assert {f.id for f in c.factions} == {"rebels"}


def test_institution_that_speaks_is_an_organization_record():
    """'The Democratic National Committee said ...' keeps the committee as an organization."""
    c = parse("The Democratic National Committee said Ron Tate was wrong.", source="g3")
    assert [(a.id, a.kind.value) for a in c.actors if a.kind.value == "organization"] == [
        ("democratic-national-committee", "organization")
    ]
