r"""The ``graphml`` and ``gexf`` formats: the corpus as a typed, directed multigraph.

Actors, factions, claims, events and sources are nodes (node attribute
``record`` says which); references are typed edges (edge attribute
``relation``):

=============  =====================  ==========================================
relation       direction              carries
=============  =====================  ==========================================
claimant       claimant → claim
target         claim → target
addressee      claim → addressee
supports       claim → claim          ``index`` (order in ``Claim.supports``)
attacks        claim → claim          ``index`` (order in ``Claim.attacks``)
participant    participant → event    ``index``, ``role``
organization   event → organization
parent         faction → parent
membership     member → faction       every other field of the :class:`Membership`
=============  =====================  ==========================================

Node and edge attributes are scalars, as GraphML and GEXF require: strings,
numbers, and nested values (aliases, identifiers, evidence, attributes) as
JSON strings. Both formats carry the whole model: ``load(dump(c)) == c``.

Strings that XML 1.0 cannot hold (control characters) and strings that
begin with a double quote are written JSON-encoded (``"\u0000..."``), so
that every string survives; every other string is written as it is, for
tools such as Gephi and yEd. Both readers refuse DTDs and entity
declarations (parsed with :mod:`defusedxml` before networkx sees the file),
so "billion laughs" and external-entity files raise
:class:`~discourse.FormatError`.

Needs the ``graph`` extra: ``pip install 'discourse-model[graph]'``.
"""

from __future__ import annotations

import io
import json
import math
import re
from collections import defaultdict
from collections.abc import Mapping
from pathlib import Path
from typing import Any, Literal

import defusedxml
import networkx as nx
from attrs import fields as attrs_fields
from defusedxml.ElementTree import ParseError as _XMLParseError
from defusedxml.ElementTree import fromstring as _defused_fromstring

from discourse.convert import structure_record, unstructure_record
from discourse.convert import summarize_errors as _summary
from discourse.corpus import Corpus
from discourse.errors import DiscourseError, FormatError
from discourse.io._atomic import atomic_write
from discourse.io._registry import Format
from discourse.model import Actor, Claim, Event, Faction, Membership, Source

__all__ = [
    "FORMATS",
    "from_graph",
    "read_gexf",
    "read_graphml",
    "to_graph",
    "write_gexf",
    "write_graphml",
]

_NODE_TYPES: dict[str, type] = {
    "actor": Actor,
    "faction": Faction,
    "claim": Claim,
    "event": Event,
    "source": Source,
}
_TYPE_NAMES: dict[type, str] = {v: k for k, v in _NODE_TYPES.items()}

# Fields that become edges rather than node attributes.
_REFERENCE_FIELDS: dict[type, frozenset[str]] = {
    Faction: frozenset({"parent"}),
    Claim: frozenset({"claimant", "target", "addressee", "supports", "attacks"}),
    Event: frozenset({"organization", "participants"}),
}
# Fields holding nested values, written as JSON strings.
_JSON_FIELDS = frozenset({"aliases", "identifiers", "evidence", "attributes", "sources"})
_MEMBERSHIP_EDGE_FIELDS = (
    "role",
    "start",
    "end",
    "sources",
    "evidence",
    "confidence",
    "attributes",
)

# Characters XML 1.0 allows (https://www.w3.org/TR/xml/#charsets); anything else must be escaped.
_XML_UNSAFE = re.compile("[^\t\n\r\x20-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")


# --- scalars --------------------------------------------------------------------------------


def _enc_str(s: str) -> str:
    """A string as written: JSON-encoded when XML cannot hold it or it could be mistaken for JSON."""
    if s.startswith('"') or _XML_UNSAFE.search(s):
        return json.dumps(s, ensure_ascii=True)
    return s


def _dec_str(s: str) -> str:
    """Undo :func:`_enc_str`; a quoted string that is not JSON is kept as written."""
    if s.startswith('"'):
        try:
            out = json.loads(s)
        except ValueError:
            return s
        if isinstance(out, str):
            return out
    return s


def _enc_json(value: object, where: str) -> str:
    try:
        text = json.dumps(value, ensure_ascii=False, allow_nan=False)
        if _XML_UNSAFE.search(text):
            text = json.dumps(value, ensure_ascii=True, allow_nan=False)
    except (TypeError, ValueError) as e:
        raise FormatError(f"{where}: cannot encode as JSON: {e}") from None
    return text


def _enc_value(key: str, value: object, where: str) -> object:
    if key in _JSON_FIELDS or isinstance(value, (list, dict)):
        return _enc_json(value, f"{where}.{key}")
    if isinstance(value, str):
        return _enc_str(value)
    return value


def _dec_value(key: str, value: object, where: str) -> object:
    if key in _JSON_FIELDS:
        if not isinstance(value, str):
            raise FormatError(f"{where}.{key}: expected a JSON string, got {value!r}")
        try:
            return json.loads(value)
        except (ValueError, RecursionError) as e:  # RecursionError: nested too deeply
            raise FormatError(f"{where}.{key}: invalid JSON: {e}") from None
    if isinstance(value, str):
        return _dec_str(value)
    return value


def _label(record: object) -> str:
    for attr in ("name", "title", "text"):
        v = getattr(record, attr, None)
        if isinstance(v, str) and v:
            return _XML_UNSAFE.sub("\ufffd", v[:120])
    return _XML_UNSAFE.sub("\ufffd", str(getattr(record, "id", "")))


# --- corpus <-> graph -----------------------------------------------------------------------


def to_graph(corpus: Corpus) -> nx.MultiDiGraph:
    """The corpus as a typed :class:`networkx.MultiDiGraph` (the graph both formats write).

    Node ids are record ids (JSON-encoded when XML cannot hold them, see the
    module docstring); each node has ``record`` (its type), ``label`` (a name
    for display) and its fields; references are edges with ``relation``.
    A reference to an id that is not in the corpus becomes an edge to a node
    without attributes.

    Examples:
        >>> import discourse as dc
        >>> from discourse.io.graphml import to_graph
        >>> g = to_graph(dc.Corpus([dc.Actor(id="a", name="Ann"),
        ...                         dc.Claim(id="c", claimant="a", form="demand")]))
        >>> g.nodes["c"]["record"], [(u, v, d["relation"]) for u, v, d in g.edges(data=True)]
        ('claim', [('a', 'c', 'claimant')])
    """
    g = nx.MultiDiGraph()
    for cls in (Source, Actor, Faction, Event, Claim):
        for r in corpus.of_type(cls):
            data = unstructure_record(r)
            node = _enc_str(data.pop("id"))
            skip = _REFERENCE_FIELDS.get(cls, frozenset())
            attrs: dict[str, object] = {"record": _TYPE_NAMES[cls], "label": _label(r)}
            for k, v in data.items():
                if k not in skip:
                    attrs[k] = _enc_value(k, v, f"{_TYPE_NAMES[cls]}s[{r.id!r}]")
            if node in g:  # created earlier as the end of a reference edge
                g.nodes[node].update(attrs)
            else:
                g.add_node(node, **attrs)
    for f in corpus.factions:
        if f.parent is not None:
            g.add_edge(_enc_str(f.id), _enc_str(f.parent), relation="parent")
    for c in corpus.of_type(Claim):
        cid = _enc_str(c.id)
        g.add_edge(_enc_str(c.claimant), cid, relation="claimant")
        if c.target is not None:
            g.add_edge(cid, _enc_str(c.target), relation="target")
        if c.addressee is not None:
            g.add_edge(cid, _enc_str(c.addressee), relation="addressee")
        for rel, refs in (("supports", c.supports), ("attacks", c.attacks)):
            for i, ref in enumerate(refs):
                g.add_edge(cid, _enc_str(ref), relation=rel, index=i)
    for e in corpus.events:
        eid = _enc_str(e.id)
        if e.organization is not None:
            g.add_edge(eid, _enc_str(e.organization), relation="organization")
        for i, p in enumerate(e.participants):
            attrs = {"relation": "participant", "index": i}
            if p.role is not None:
                attrs["role"] = _enc_str(p.role)
            g.add_edge(_enc_str(p.ref), eid, **attrs)
    for i, m in enumerate(corpus.memberships):
        data = unstructure_record(m)
        attrs = {"relation": "membership"}
        for k in _MEMBERSHIP_EDGE_FIELDS:
            if k in data:
                attrs[k] = _enc_value(k, data[k], f"memberships[{i}]")
        g.add_edge(_enc_str(m.member), _enc_str(m.faction), **attrs)
    return g


_EDGE_ENDS: dict[str, tuple[str | None, str | None]] = {
    # relation: (type the source node must have, type the target node must have); None = any
    "claimant": (None, "claim"),
    "target": ("claim", None),
    "addressee": ("claim", None),
    "supports": ("claim", None),
    "attacks": ("claim", None),
    "participant": (None, "event"),
    "organization": ("event", None),
    "parent": ("faction", None),
    "membership": (None, None),
}


def from_graph(graph: nx.Graph, *, path: str | None = None) -> Corpus:
    """Rebuild a corpus from a graph made by :func:`to_graph` (or read from GraphML/GEXF).

    Nodes without a ``record`` attribute (references to records that were not
    in the corpus) are not records; attributes that are not fields of the
    record (e.g. ``label``, layout attributes added by Gephi) are ignored.

    Raises:
        FormatError: Listing every problem with the node or edge it is in,
            e.g. ``node 'c1'.stance: 'opose' is not one of support, oppose, neutral``.
    """
    if not graph.is_directed():
        raise FormatError(
            "the graph must be directed (claimant, target... edges have a direction)", path=path
        )
    if (
        graph.number_of_nodes()
        and all("record" not in d for _, d in graph.nodes(data=True))
        and all("relation" not in d for *_, d in graph.edges(data=True))
    ):  # a corpus of memberships alone has only reference nodes, but typed edges
        raise FormatError(
            "no node has a 'record' attribute (actor, faction, claim, event or source); "
            "was this graph written by discourse?",
            path=path,
        )
    errors: list[str] = []
    data: dict[str, dict[str, Any]] = {}
    types: dict[str, str] = {}
    for node, attrs in graph.nodes(data=True):
        rec = attrs.get("record")
        if rec is None:
            continue
        where = f"node {node!r}"
        cls = _NODE_TYPES.get(rec) if isinstance(rec, str) else None
        if cls is None:
            errors.append(f"{where}.record: expected one of {', '.join(_NODE_TYPES)}, got {rec!r}")
            continue
        names = (
            {a.name for a in attrs_fields(cls)} - _REFERENCE_FIELDS.get(cls, frozenset()) - {"id"}
        )
        d: dict[str, Any] = {"id": _dec_str(str(node))}
        try:
            for k, v in attrs.items():
                if k in names:
                    d[k] = _dec_value(k, v, where)
        except FormatError as e:
            errors.append(str(e))
            continue
        data[str(node)] = d
        types[str(node)] = rec
    seq: dict[tuple[str, str], list[tuple[float, Any]]] = defaultdict(list)
    memberships: list[tuple[str, dict[str, Any]]] = []
    edges = graph.edges(keys=True, data=True) if graph.is_multigraph() else graph.edges(data=True)
    for n, edge in enumerate(edges):
        u, v, attrs = str(edge[0]), str(edge[1]), edge[-1]
        rel = attrs.get("relation")
        where = f"edge {n} ({u!r} -> {v!r})"
        ends = _EDGE_ENDS.get(rel) if isinstance(rel, str) else None
        if ends is None:
            errors.append(f"{where}.relation: expected one of {', '.join(_EDGE_ENDS)}, got {rel!r}")
            continue
        need_u, need_v = ends
        if need_u is not None and types.get(u) != need_u:
            errors.append(f"{where}: a {rel} edge must start at a {need_u} node")
            continue
        if need_v is not None and types.get(v) != need_v:
            errors.append(f"{where}: a {rel} edge must end at a {need_v} node")
            continue
        uu, vv = _dec_str(u), _dec_str(v)
        if rel == "membership":
            m: dict[str, Any] = {"member": uu, "faction": vv}
            try:
                for k in _MEMBERSHIP_EDGE_FIELDS:
                    if k in attrs:
                        m[k] = _dec_value(k, attrs[k], where)
            except FormatError as e:
                errors.append(str(e))
                continue
            memberships.append((where, m))
        elif rel in ("claimant", "participant"):
            if rel == "claimant":
                if "claimant" in data[v]:
                    errors.append(f"{where}: claim {vv!r} has more than one claimant edge")
                data[v]["claimant"] = uu
            else:
                p: dict[str, Any] = {"ref": uu}
                if "role" in attrs:
                    p["role"] = _dec_value("role", attrs["role"], where)
                seq[(v, "participants")].append((_index(attrs), p))
        elif rel in ("supports", "attacks"):
            seq[(u, rel)].append((_index(attrs), vv))
        else:  # target, addressee, organization, parent: one per record
            if rel in data[u]:
                errors.append(f"{where}: {types[u]} {uu!r} has more than one {rel} edge")
            data[u][rel] = vv
    for (node, field_name), items in seq.items():
        items.sort(key=lambda t: t[0])
        data[node][field_name] = [x for _, x in items]
    records: list[Any] = []
    for node, d in data.items():
        try:
            records.append(structure_record(d, _NODE_TYPES[types[node]], path=f"node {node!r}"))
        except FormatError as e:
            errors.extend(e.errors)
    for where, m in memberships:
        try:
            records.append(structure_record(m, Membership, path=where))
        except FormatError as e:
            errors.extend(e.errors)
    if errors:
        raise FormatError(_summary(errors), path=path, errors=errors)
    try:
        return Corpus(records)
    except DiscourseError as e:
        raise FormatError(str(e), path=path) from None


def _index(attrs: Mapping[str, Any]) -> float:
    i = attrs.get("index")
    if isinstance(i, int) and not isinstance(i, bool):
        return float(i) if abs(i) < 2**1000 else math.inf  # past a float: order it last
    if isinstance(i, float) and not math.isnan(i):
        return i
    return math.inf


# --- files ----------------------------------------------------------------------------------


def _read_xml(path: Path, root: str) -> bytes:
    """The file's bytes, after checking with defusedxml that they hold no DTD or entities."""
    try:
        data = path.read_bytes()
    except OSError as e:
        raise FormatError(f"cannot read: {e.strerror}", path=str(path)) from None
    try:
        tree = _defused_fromstring(
            data, forbid_dtd=True, forbid_entities=True, forbid_external=True
        )
    except defusedxml.DefusedXmlException as e:
        raise FormatError(
            f"refused: the XML declares a DTD or entities ({type(e).__name__})", path=str(path)
        ) from None
    except _XMLParseError as e:
        line = e.position[0] if getattr(e, "position", None) else None
        raise FormatError(f"not well-formed XML: {e}", path=str(path), line=line) from None
    except (LookupError, ValueError) as e:  # e.g. encoding="no-such-codec" in the declaration
        raise FormatError(f"cannot decode the XML: {e}", path=str(path)) from None
    tag = str(tree.tag).rpartition("}")[2]
    if tag != root:
        raise FormatError(f"not a {root} file: the root element is <{tag}>", path=str(path), line=1)
    return data


def _parse(path: Path, kind: Literal["graphml", "gexf"]) -> Corpus:
    data = _read_xml(path, kind)
    try:
        if kind == "graphml":
            graph = nx.parse_graphml(data, force_multigraph=True)
        else:
            graph = nx.read_gexf(io.BytesIO(data))
    except Exception as e:  # networkx raises many types on bad files
        raise FormatError(
            f"not a valid {kind.upper()} file: {type(e).__name__}: {e}", path=str(path)
        ) from None
    return from_graph(graph, path=str(path))


def read_graphml(path: Path) -> Corpus:
    """Read a corpus from a GraphML file written by :func:`write_graphml`.

    Raises:
        FormatError: The file is not well-formed XML, declares a DTD or
            entities, is not GraphML, or its nodes and edges are not a valid
            corpus (every problem listed with its node or edge).
    """
    return _parse(path, "graphml")


def read_gexf(path: Path) -> Corpus:
    """Read a corpus from a GEXF file written by :func:`write_gexf`.

    Raises:
        FormatError: As :func:`read_graphml`.
    """
    return _parse(path, "gexf")


def write_graphml(corpus: Corpus, path: Path) -> None:
    """Write ``corpus`` as GraphML (see :func:`to_graph`), atomically."""
    buf = io.BytesIO()
    nx.write_graphml(to_graph(corpus), buf, infer_numeric_types=False)
    # XML parsers turn a raw carriage return in element text into a newline; escape it.
    data = buf.getvalue().replace(b"\r", b"&#13;")
    with atomic_write(path, "wb") as f:
        f.write(data)


def write_gexf(corpus: Corpus, path: Path) -> None:
    """Write ``corpus`` as GEXF 1.2 (see :func:`to_graph`), atomically."""
    buf = io.BytesIO()
    nx.write_gexf(to_graph(corpus), buf)
    with atomic_write(path, "wb") as f:
        f.write(buf.getvalue())


_CARRIES = (
    "everything: records as typed nodes, references as typed edges, nested values as JSON strings"
)

FORMATS = {
    "graphml": Format(
        name="graphml",
        extensions=(".graphml",),
        description="GraphML graph of the corpus (typed nodes and edges) for yEd, Gephi, Cytoscape, igraph.",
        lossless=True,
        carries=_CARRIES,
        read=read_graphml,
        write=write_graphml,
        extra="graph",
        binary=True,
    ),
    "gexf": Format(
        name="gexf",
        extensions=(".gexf",),
        description="GEXF 1.2 graph of the corpus (typed nodes and edges) for Gephi.",
        lossless=True,
        carries=_CARRIES,
        read=read_gexf,
        write=write_gexf,
        extra="graph",
        binary=True,
    ),
}
