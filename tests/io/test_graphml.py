"""The graphml and gexf formats (discourse.io.graphml)."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings

import discourse as dc
from tests.strategies import corpora

nx = pytest.importorskip("networkx")
pytest.importorskip("defusedxml")

from discourse.io.graphml import from_graph, to_graph  # noqa: E402

FORMATS = ["graphml", "gexf"]


def _sample() -> dc.Corpus:
    return dc.Corpus(
        [
            dc.Source(id="s", title="Unite letter", text="McCluskey said Corbyn must stay."),
            dc.Actor(
                id="len",
                name="Len McCluskey",
                aliases=("McCluskey",),
                identifiers={"wikidata": "Q1"},
            ),
            dc.Actor(id="corbyn", name="Jeremy Corbyn"),
            dc.Faction(id="labour", name="Labour", kind="party"),
            dc.Faction(id="momentum", name="Momentum", kind="group", parent="labour"),
            dc.Membership(member="corbyn", faction="labour", role="Leader", start="2015-09"),
            dc.Claim(
                id="c1",
                claimant="len",
                form="endorsement",
                target="corbyn",
                stance="support",
                quote="Corbyn must stay",
                evidence=(dc.Span(source="s", start=15, end=31),),
                date="2017-03",
            ),
            dc.Claim(
                id="c2", claimant="momentum", form="demand", supports=("c1",), attacks=("c1",)
            ),
            dc.Event(
                id="e1",
                kind="by_election",
                name="Copeland by-election",
                organization="labour",
                participants=(
                    dc.Participant(ref="corbyn", role="leader"),
                    dc.Participant(ref="len"),
                ),
            ),
        ]
    )


@pytest.mark.parametrize("fmt", FORMATS)
@settings(suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(corpus=corpora())
def test_round_trip_is_lossless(tmp_path: Path, fmt: str, corpus: dc.Corpus) -> None:
    """load(dump(c)) == c for any corpus, odd Unicode and control characters included."""
    path = tmp_path / f"c.{fmt}"
    dc.dump(corpus, path)
    assert dc.load(path) == corpus


@pytest.mark.parametrize("fmt", FORMATS)
def test_format_is_chosen_by_extension(tmp_path: Path, fmt: str) -> None:
    """A .graphml / .gexf file name selects the format."""
    path = tmp_path / f"c.{fmt}"
    dc.dump(_sample(), path)
    assert dc.load(path, format=fmt) == _sample()


def test_records_are_typed_nodes() -> None:
    """Every actor, faction, claim, event and source is a node whose `record` names its type."""
    g = to_graph(_sample())
    assert {n: d["record"] for n, d in g.nodes(data=True)} == {
        "s": "source",
        "len": "actor",
        "corbyn": "actor",
        "labour": "faction",
        "momentum": "faction",
        "c1": "claim",
        "c2": "claim",
        "e1": "event",
    }


def test_references_are_typed_edges() -> None:
    """Claimant, target, membership, participation, parent and argument links are edges."""
    g = to_graph(_sample())
    edges = {(u, v, d["relation"]) for u, v, d in g.edges(data=True)}
    assert edges == {
        ("len", "c1", "claimant"),
        ("c1", "corbyn", "target"),
        ("momentum", "c2", "claimant"),
        ("c2", "c1", "supports"),
        ("c2", "c1", "attacks"),
        ("corbyn", "labour", "membership"),
        ("momentum", "labour", "parent"),
        ("e1", "labour", "organization"),
        ("corbyn", "e1", "participant"),
        ("len", "e1", "participant"),
    }


def test_attributes_are_scalars_with_nested_values_as_json() -> None:
    """GraphML needs scalar attributes: tuples and mappings become JSON strings."""
    g = to_graph(_sample())
    for _, d in g.nodes(data=True):
        assert all(isinstance(v, (str, int, float)) for v in d.values())
    assert json.loads(g.nodes["len"]["aliases"]) == ["McCluskey"]
    assert json.loads(g.nodes["len"]["identifiers"]) == {"wikidata": "Q1"}
    assert json.loads(g.nodes["c1"]["evidence"]) == [{"source": "s", "start": 15, "end": 31}]


def test_membership_edge_carries_role_and_dates() -> None:
    """A membership edge holds the role and the partial start date."""
    g = to_graph(_sample())
    (d,) = [d for _, _, d in g.edges(data=True) if d["relation"] == "membership"]
    assert (d["role"], d["start"]) == ("Leader", "2015-09")


def test_graph_round_trips_in_memory() -> None:
    """from_graph(to_graph(c)) == c without a file."""
    assert from_graph(to_graph(_sample())) == _sample()


def test_reference_to_missing_record_survives(tmp_path: Path) -> None:
    """A dangling target is an edge to a bare node and comes back as the same dangling id."""
    corpus = dc.Corpus([dc.Claim(id="c", claimant="nobody", target="ghost")])
    path = tmp_path / "c.graphml"
    dc.dump(corpus, path)
    assert dc.load(path) == corpus


def test_carriage_returns_survive_graphml(tmp_path: Path) -> None:
    """A \\r in a text (which XML parsers would turn into \\n) is escaped and read back."""
    corpus = dc.Corpus([dc.Actor(id="a", name="A\r\nB", description='"quoted"\x00')])
    path = tmp_path / "c.graphml"
    dc.dump(corpus, path)
    assert dc.load(path) == corpus


def test_gephi_style_extra_attributes_are_ignored(tmp_path: Path) -> None:
    """Attributes that are not fields (labels, layout) do not break reading."""
    g = to_graph(_sample())
    for n in g.nodes:
        g.nodes[n]["x"] = 1.5
    path = tmp_path / "c.graphml"
    nx.write_graphml(g, path)
    assert dc.load(path) == _sample()


BILLION_LAUGHS = """<?xml version="1.0"?>
<!DOCTYPE lolz [
 <!ENTITY lol "lol">
 <!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
 <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
]>
<graphml xmlns="http://graphml.graphdrawing.org/xmlns">
 <graph edgedefault="directed"><node id="&lol3;"/></graph>
</graphml>
"""

EXTERNAL_ENTITY = """<?xml version="1.0"?>
<!DOCTYPE g [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>
<gexf xmlns="http://www.gexf.net/1.2draft" version="1.2"><graph><nodes>
<node id="a" label="&xxe;"/></nodes></graph></gexf>
"""


@pytest.mark.parametrize(
    ("fmt", "content"), [("graphml", BILLION_LAUGHS), ("gexf", EXTERNAL_ENTITY)]
)
def test_entity_declarations_are_refused(tmp_path: Path, fmt: str, content: str) -> None:
    """Billion laughs and external entities raise FormatError instead of expanding."""
    path = tmp_path / f"evil.{fmt}"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(dc.FormatError, match="refused"):
        dc.load(path)


@pytest.mark.parametrize(
    ("fmt", "content", "match"),
    [
        ("graphml", "", "not well-formed XML"),
        ("graphml", "<graphml><graph>", "not well-formed XML"),
        ("gexf", "\x00\x01junk" * 100, "not well-formed XML"),
        ("graphml", "<html><body/></html>", "not a graphml file: the root element is <html>"),
        ("gexf", "<gexf/>", "not a valid GEXF"),
        (
            "graphml",
            '<graphml xmlns="http://graphml.graphdrawing.org/xmlns"><graph edgedefault="directed">'
            '<node id="a"/></graph></graphml>',
            "no node has a 'record' attribute",
        ),
    ],
)
def test_malformed_files_raise_format_error(
    tmp_path: Path, fmt: str, content: str, match: str
) -> None:
    """Broken or foreign XML gives FormatError naming the problem, and the file is untouched."""
    path = tmp_path / f"bad.{fmt}"
    path.write_text(content, encoding="utf-8")
    before = hashlib.sha256(path.read_bytes()).hexdigest()
    with pytest.raises(dc.FormatError, match=match):
        dc.load(path)
    assert hashlib.sha256(path.read_bytes()).hexdigest() == before


def test_bad_field_is_reported_with_its_node(tmp_path: Path) -> None:
    """A wrong stance on a claim node names the node and the field."""
    g = to_graph(_sample())
    g.nodes["c1"]["stance"] = "opose"
    path = tmp_path / "c.graphml"
    nx.write_graphml(g, path)
    with pytest.raises(dc.FormatError, match=r"node 'c1'.*stance: 'opose' is not one of"):
        dc.load(path)


def test_unknown_record_type_and_relation_are_reported_together() -> None:
    """Every problem of a graph is listed, not only the first."""
    g = to_graph(_sample())
    g.nodes["len"]["record"] = "person"
    g.add_edge("corbyn", "len", relation="likes")
    with pytest.raises(dc.FormatError) as info:
        from_graph(g)
    errors = "\n".join(info.value.errors)
    assert "node 'len'.record: expected one of" in errors
    assert ".relation: expected one of" in errors


def test_edge_between_wrong_node_types_is_reported() -> None:
    """A claimant edge must end at a claim."""
    g = to_graph(_sample())
    g.add_edge("len", "corbyn", relation="claimant")
    with pytest.raises(dc.FormatError, match="a claimant edge must end at a claim node"):
        from_graph(g)


def test_undirected_graph_is_refused() -> None:
    """Edges need a direction to say who claims what about whom."""
    with pytest.raises(dc.FormatError, match="directed"):
        from_graph(nx.Graph())


def test_bad_json_attribute_is_reported() -> None:
    """A nested value that is not JSON names its node and field."""
    g = to_graph(_sample())
    g.nodes["len"]["aliases"] = "[not json"
    with pytest.raises(dc.FormatError, match=r"node 'len'.aliases: invalid JSON"):
        from_graph(g)


def test_failed_write_leaves_the_old_file(tmp_path: Path) -> None:
    """A write that fails midway (unencodable attribute) keeps the previous file intact."""
    path = tmp_path / "c.graphml"
    dc.dump(_sample(), path)
    before = path.read_bytes()
    bad = dc.Corpus([dc.Actor(id="a", name="A", attributes={"x": float("nan")})])
    with pytest.raises(dc.FormatError, match=r"actors\['a'\].attributes: cannot encode as JSON"):
        dc.dump(bad, path)
    assert path.read_bytes() == before
    assert [p.name for p in tmp_path.iterdir()] == ["c.graphml"]


@pytest.mark.parametrize("size_mb", [1, pytest.param(100, marks=pytest.mark.slow)])
def test_megabytes_of_junk_are_a_format_error(tmp_path: Path, size_mb: int) -> None:
    """A large file of binary junk is rejected with FormatError and left as it was."""
    path = tmp_path / "junk.graphml"
    with path.open("wb") as f:
        for _ in range(size_mb):
            f.write(b"\xde\xad\xbe\xef" * 262_144)
    size = path.stat().st_size
    with pytest.raises(dc.FormatError):
        dc.load(path)
    assert path.stat().st_size == size
