"""The aif format (discourse.io.aif)."""

from __future__ import annotations

import hashlib
import json
import warnings
from collections import Counter
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import discourse as dc
from discourse.io.aif import MAP_SOURCE_ID, UNKNOWN_SPEAKER_ID, from_aif, to_aif
from tests.strategies import names, simple_ids, texts


def _aifdb(shared: Path) -> Path:
    return shared / "interop" / "aif" / "aifdb-6064.json"


def _canon(items: list[dict[str, Any]]) -> Counter[str]:
    return Counter(json.dumps(i, sort_keys=True) for i in items)


def test_aifdb_map_reads_into_claims_and_speakers(shared: Path) -> None:
    """The 9 I-nodes become claims by the 2 speakers, named after their locution prefixes."""
    corpus = dc.load(_aifdb(shared), format="aif")
    assert len(corpus.claims()) == 9
    assert {a.id: a.name for a in corpus.actors} == {"409": "CL", "437": "NL"}
    c = corpus["111833"]
    assert isinstance(c, dc.Claim)
    assert (c.claimant, c.text, c.quote) == (
        "437",
        "By the 50s, the Empire is going",
        "By the 50s, the Empire is going, everyone knows that",
    )


def test_aifdb_inferences_become_supports(shared: Path) -> None:
    """RA nodes between propositions become supports, including a premise with two conclusions."""
    corpus = dc.load(_aifdb(shared), format="aif")
    supports = {c.id: c.supports for c in corpus.claims() if c.supports}
    assert supports == {
        "29053": ("29054",),
        "111809": ("111805", "111816"),
        "111816": ("29053",),
        "111833": ("111839",),
    }


def test_aifdb_counts_survive_read_write_read(shared: Path, tmp_path: Path) -> None:
    """52 nodes, 54 edges and 13 locutions come back, the same nodes, links and locutions."""
    src = _aifdb(shared)
    before = hashlib.sha256(src.read_bytes()).hexdigest()
    original = json.loads(src.read_text(encoding="utf-8"))
    corpus = dc.load(src, format="aif")
    out = tmp_path / "map.aif.json"
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        dc.dump(corpus, out)
    written = json.loads(out.read_text(encoding="utf-8"))
    assert (len(written["nodes"]), len(written["edges"]), len(written["locutions"])) == (52, 54, 13)
    assert _canon(written["nodes"]) == _canon(original["nodes"])
    assert _canon(written["locutions"]) == _canon(original["locutions"])
    links = Counter((e["fromID"], e["toID"]) for e in written["edges"])
    assert links == Counter((e["fromID"], e["toID"]) for e in original["edges"])
    assert dc.load(out) == corpus
    assert hashlib.sha256(src.read_bytes()).hexdigest() == before


def test_unmapped_parts_are_kept_in_the_map_source(shared: Path) -> None:
    """Transitions and orphan locutions live in the 'aif-map' source, not in claims."""
    corpus = dc.load(_aifdb(shared), format="aif")
    rest = corpus[MAP_SOURCE_ID].attributes["aif"]
    assert Counter(n["type"] for n in rest["nodes"]) == Counter({"TA": 8, "L": 7, "YA": 5})


def _native() -> dc.Corpus:
    return dc.Corpus(
        [
            dc.Actor(id="len", name="Len McCluskey"),
            dc.Actor(id="tom", name="Tom Watson"),
            dc.Claim(id="c1", claimant="len", text="Corbyn should stay", quote="Jeremy must stay"),
            dc.Claim(id="c2", claimant="len", text="The members elected him", supports=("c1",)),
            dc.Claim(id="c3", claimant="tom", text="Unite is taking over Labour", attacks=("c1",)),
        ]
    )


def test_claims_are_i_nodes_asserted_by_their_claimant() -> None:
    """Each claim is I-node ← YA 'Asserting' ← L-node, and the locution names the claimant."""
    doc = to_aif(_native())
    nodes = {n["nodeID"]: n for n in doc["nodes"]}
    assert nodes["c1"] == {"nodeID": "c1", "text": "Corbyn should stay", "type": "I"}
    assert nodes["c1.L"]["text"] == "Len McCluskey : Jeremy must stay"
    assert nodes["c1.YA"]["text"] == "Asserting"
    links = {(e["fromID"], e["toID"]) for e in doc["edges"]}
    assert {("c1.L", "c1.YA"), ("c1.YA", "c1")} <= links
    assert {"nodeID": "c1.L", "personID": "len"} in doc["locutions"]


def test_supports_are_ra_and_attacks_are_ca_nodes() -> None:
    """supports → premise → RA → conclusion; attacks → attacker → CA → attacked."""
    doc = to_aif(_native())
    types = {n["nodeID"]: n["type"] for n in doc["nodes"]}
    links = {(e["fromID"], e["toID"]) for e in doc["edges"]}
    assert (types["c2.RA0"], types["c3.CA0"]) == ("RA", "CA")
    assert {("c2", "c2.RA0"), ("c2.RA0", "c1"), ("c3", "c3.CA0"), ("c3.CA0", "c1")} <= links


def test_participants_come_from_actors() -> None:
    """Actors are participants with first name and surname."""
    assert to_aif(_native())["participants"] == [
        {"participantID": "len", "firstname": "Len", "surname": "McCluskey"},
        {"participantID": "tom", "firstname": "Tom", "surname": "Watson"},
    ]


@st.composite
def _argument_corpora(draw: st.DrawFn) -> dc.Corpus:
    """Actors and their claims with everything AIF carries: text, quote, supports, attacks."""
    actor_ids = draw(st.lists(simple_ids, min_size=1, max_size=3, unique=True))
    actors = [dc.Actor(id=a, name=draw(names)) for a in actor_ids]
    n = draw(st.integers(0, 6))
    claim_ids = [f"claim-{i}" for i in range(n)]
    claims = []
    for cid in claim_ids:
        text = draw(names)
        quote = draw(st.none() | texts.filter(lambda q, t=text: q != t))
        claims.append(
            dc.Claim(
                id=cid,
                claimant=draw(st.sampled_from(actor_ids)),
                text=text,
                quote=quote,
                supports=tuple(draw(st.lists(st.sampled_from(claim_ids), max_size=2))),
                attacks=tuple(draw(st.lists(st.sampled_from(claim_ids), max_size=2))),
            )
        )
    return dc.Corpus([*actors, *claims])


@settings(suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(corpus=_argument_corpora())
def test_round_trip_of_what_aif_carries_is_exact(tmp_path: Path, corpus: dc.Corpus) -> None:
    """Claims with claimants, texts, quotes, supports and attacks survive write → read unchanged."""
    path = tmp_path / "c.aif.json"
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        dc.dump(corpus, path)
        assert dc.load(path) == corpus


def test_loss_warning_counts_what_aif_cannot_carry(tmp_path: Path) -> None:
    """Forms, targets, stances, dates, factions and events are reported with counts."""
    corpus = dc.Corpus(
        [
            *_native(),
            dc.Faction(id="labour", name="Labour"),
            dc.Event(id="e", kind="resignation"),
            dc.Claim(
                id="c4",
                claimant="tom",
                form="demand",
                target="len",
                stance="oppose",
                date="2017-03",
            ),
        ]
    )
    with pytest.warns(dc.LossWarning) as record:
        dc.dump(corpus, tmp_path / "c.aif.json")
    (w,) = record
    assert isinstance(w.message, dc.LossWarning)
    assert w.message.dropped == {
        "factions": 1,
        "events": 1,
        "claims.form": 1,
        "claims.target": 1,
        "claims.stance": 1,
        "claims.date": 1,
    }


def test_xaif_wrapper_and_integer_ids_are_read() -> None:
    """xAIF puts the map under "AIF"; OVA uses integer ids and named participants."""
    doc = {
        "AIF": {
            "nodes": [
                {"nodeID": 1, "text": "Corbyn must go", "type": "I"},
                {"nodeID": 2, "text": "Owen Jones : Corbyn must go", "type": "L"},
                {"nodeID": 3, "text": "Asserting", "type": "YA"},
            ],
            "edges": [{"edgeID": 1, "fromID": 2, "toID": 3}, {"edgeID": 2, "fromID": 3, "toID": 1}],
            "locutions": [{"nodeID": 2, "personID": 7}],
            "participants": [{"participantID": 7, "firstname": "Owen", "surname": "Jones"}],
        },
        "text": "Corbyn must go",
    }
    corpus = from_aif(doc)
    assert corpus.actors == [dc.Actor(id="7", name="Owen Jones")]
    assert corpus.claims() == [
        dc.Claim(
            id="1",
            claimant="7",
            text="Corbyn must go",
            attributes={"aif": {"L": {"nodeID": "2"}, "YA": {"nodeID": "3"}}},
        )
    ]


def test_proposition_without_locution_keeps_the_node_count(tmp_path: Path) -> None:
    """An I-node nobody asserts gets the unknown speaker and is written back without an L-node."""
    doc = {
        "nodes": [{"nodeID": "p", "text": "Taxes are too high", "type": "I"}],
        "edges": [],
        "locutions": [],
    }
    corpus = from_aif(doc)
    (c,) = corpus.claims()
    assert c.claimant == UNKNOWN_SPEAKER_ID
    assert [n["type"] for n in to_aif(corpus)["nodes"]] == ["I"]


@pytest.mark.parametrize(
    ("doc", "message"),
    [
        ([1, 2], "$: expected an AIF JSON object"),
        ({"edges": []}, "nodes: required field missing"),
        ({"nodes": {}}, "nodes: expected an array"),
        (
            {"nodes": [{"text": "x", "type": "I"}]},
            "nodes[0].nodeID: expected a non-empty string or integer",
        ),
        ({"nodes": [{"nodeID": "a", "text": "x"}]}, "nodes[0].type: expected a string"),
        (
            {"nodes": [{"nodeID": "a", "type": "I"}, {"nodeID": "a", "type": "L"}]},
            "nodes[1].nodeID: 'a' is used by another node",
        ),
        (
            {"nodes": [{"nodeID": "a", "type": "I"}], "edges": [{"fromID": "a", "toID": "b"}]},
            "edges[0].toID: no node with id 'b'",
        ),
        (
            {"nodes": [], "locutions": [{"nodeID": "a"}]},
            "locutions[0].personID: expected a person id",
        ),
    ],
)
def test_bad_maps_name_the_json_path(doc: object, message: str) -> None:
    """Structural problems are FormatErrors whose lines start with the JSON path."""
    with pytest.raises(dc.FormatError) as info:
        from_aif(doc)
    assert any(e.startswith(message) for e in info.value.errors), info.value.errors


@pytest.mark.parametrize("content", [b"", b'{"nodes": [', b"\x89PNG\r\n", b"null"])
def test_bad_files_raise_format_error_and_are_not_modified(tmp_path: Path, content: bytes) -> None:
    """Truncated or foreign files give FormatError; the file is untouched."""
    path = tmp_path / "bad.aif.json"
    path.write_bytes(content)
    with pytest.raises(dc.FormatError):
        dc.load(path)
    assert path.read_bytes() == content


def test_failed_write_leaves_the_old_file(tmp_path: Path) -> None:
    """A value JSON cannot encode leaves the previous file in place."""
    path = tmp_path / "c.aif.json"
    dc.dump(_native(), path)
    before = path.read_bytes()
    with pytest.raises(dc.FormatError):
        dc.dump(dc.Corpus([dc.Actor(id="a", name="\ud800")]), path)
    assert path.read_bytes() == before
    assert [p.name for p in tmp_path.iterdir()] == ["c.aif.json"]


@pytest.mark.parametrize("size_mb", [1, pytest.param(100, marks=pytest.mark.slow)])
def test_megabytes_of_junk_are_a_format_error(tmp_path: Path, size_mb: int) -> None:
    """A large file of binary junk is rejected with FormatError and left as it was."""
    path = tmp_path / "junk.aif.json"
    with path.open("wb") as f:
        for _ in range(size_mb):
            f.write(b"\xde\xad\xbe\xef" * 262_144)
    size = path.stat().st_size
    with pytest.raises(dc.FormatError):
        dc.load(path)
    assert path.stat().st_size == size
