"""The ``aif`` format: the Argument Interchange Format as JSON (AIFdb, OVA, xAIF).

AIF describes arguments as a graph. *I-nodes* hold propositions; *L-nodes*
hold locutions (who said what, ``"Speaker : words"``), linked to the
propositions they assert by *YA* (illocution) nodes such as ``Asserting``;
*RA* nodes are inferences (premises → RA → conclusion), *CA* nodes conflicts
(attacker → CA → attacked), *TA* nodes transitions between locutions.
``locutions`` link L-nodes to people (``personID``), ``participants`` name
them. The reader accepts AIFdb JSON (``nodes``/``edges``/``locutions``) and
xAIF (the same under an ``"AIF"`` key).

Mapping:

* Each :class:`~discourse.Claim` is an I-node (``nodeID`` = claim id,
  ``text`` = claim text) asserted by an L-node (``text`` = ``"<claimant
  name> : <quote or text>"``) through a YA ``Asserting`` node, with a
  locution whose ``personID`` is the claimant.
* ``Claim.supports`` → RA nodes, ``Claim.attacks`` → CA nodes.
* Each :class:`~discourse.Actor` is a participant (``participantID``,
  ``firstname``/``surname`` split at the first space).

Reading does the reverse. Nodes, edges and locutions that do not map to
claims (transitions, questions without propositions, undercutters...) are
kept verbatim in a :class:`~discourse.Source` with id ``"aif-map"``, and
AIF details of mapped nodes (node ids, timestamps, illocution schemes) in the
claim's ``attributes["aif"]``, so that reading an AIF map and writing it again
gives back as many nodes, edges and locutions. Without participants, people
are named after the speaker prefix of their locutions (``"CL : ..."``).

Writing drops what AIF cannot carry — claim form, target, stance,
addressee, issue, date, evidence; actor details; factions, memberships,
events, sources — and reports it with a :class:`~discourse.LossWarning`.
"""

from __future__ import annotations

import warnings
from collections import Counter, defaultdict
from collections.abc import Mapping
from pathlib import Path
from typing import Any, Final

from discourse.convert import decode_json, encode_json
from discourse.convert import show_value as _show
from discourse.convert import summarize_errors as _summary
from discourse.corpus import Corpus
from discourse.errors import DiscourseError, FormatError, LossWarning, ValidationError
from discourse.io._atomic import atomic_write
from discourse.io._registry import Format
from discourse.model import Actor, Claim, ClaimForm, Event, Faction, Membership, Record, Source

__all__ = ["FORMAT", "MAP_SOURCE_ID", "UNKNOWN_SPEAKER_ID", "from_aif", "read", "to_aif", "write"]

MAP_SOURCE_ID: Final = "aif-map"
"""Id of the :class:`~discourse.Source` that keeps the parts of an AIF map that are not claims."""
UNKNOWN_SPEAKER_ID: Final = "aif-unknown-speaker"
"""Claimant of propositions that no locution asserts."""

_KEY: Final = "aif"
_SEP: Final = " : "
_ARGUMENT_TYPES: Final = {
    "RA": ("supports", "Default Inference"),
    "CA": ("attacks", "Default Conflict"),
}


# --- writing --------------------------------------------------------------------------------


def _split_name(name: str) -> tuple[str, str]:
    first, sep, last = name.partition(" ")
    if sep and last:
        return first, last
    return name, ""


def _join_name(first: str, last: str) -> str:
    return f"{first} {last}" if last else first


def _speaker(ref: str, corpus: Corpus) -> str:
    r = corpus.get(ref)
    return r.name if isinstance(r, (Actor, Faction)) else ref


def _default_l_text(speaker: str, c_text: str | None, quote: str | None) -> str:
    return f"{speaker}{_SEP}{quote if quote is not None else (c_text or '')}"


def _aif_attrs(c: Claim) -> Mapping[str, Any]:
    v = c.attributes.get(_KEY)
    return v if isinstance(v, Mapping) else {}


def to_aif(corpus: Corpus) -> dict[str, Any]:
    """The corpus as an AIF JSON document (``nodes``, ``edges``, ``locutions``, ``participants``).

    Does not warn; :func:`write` warns about what AIF cannot carry.

    Examples:
        >>> import discourse as dc
        >>> from discourse.io.aif import to_aif
        >>> doc = to_aif(dc.Corpus([dc.Actor(id="len", name="Len McCluskey"),
        ...     dc.Claim(id="c1", claimant="len", text="Corbyn should stay")]))
        >>> [(n["nodeID"], n["type"], n["text"]) for n in doc["nodes"]]
        [('c1', 'I', 'Corbyn should stay'), ('c1.L', 'L', 'Len McCluskey : Corbyn should stay'), ('c1.YA', 'YA', 'Asserting')]
    """
    nodes: list[dict[str, Any]] = []
    edges: list[tuple[str, str]] = []
    locutions: list[dict[str, Any]] = []
    arguments: dict[str, dict[str, Any]] = {}  # RA/CA node id -> node, premises, conclusion
    for c in corpus.of_type(Claim):
        aif = _aif_attrs(c)
        nodes.append({**_extras(aif.get("I")), "nodeID": c.id, "text": c.text or "", "type": "I"})
        if aif.get("L", True) is not None:
            lo = _extras(aif.get("L"))
            ya = _extras(aif.get("YA"))
            lid = lo.get("nodeID", f"{c.id}.L")
            yid = ya.get("nodeID", f"{c.id}.YA")
            ltext = lo.get("text", _default_l_text(_speaker(c.claimant, corpus), c.text, c.quote))
            nodes.append({**_extras(lo.get("node")), "nodeID": lid, "text": ltext, "type": "L"})
            nodes.append(
                {
                    **_extras(ya.get("node")),
                    "nodeID": yid,
                    "text": ya.get("text", "Asserting"),
                    "type": "YA",
                }
            )
            edges += [(lid, yid), (yid, c.id)]
            entries = aif.get("locutions") or [{}]
            for extra in entries:
                locutions.append({**_extras(extra), "nodeID": lid, "personID": c.claimant})
        for ntype, (field, default_text) in _ARGUMENT_TYPES.items():
            stored = aif.get(field) or []
            for i, other in enumerate(getattr(c, field)):
                info = stored[i] if i < len(stored) and isinstance(stored[i], Mapping) else {}
                nid = info.get("nodeID", f"{c.id}.{ntype}{i}")
                arg = arguments.get(nid)
                if arg is None:
                    node = {
                        **_extras(info.get("node")),
                        "nodeID": nid,
                        "text": info.get("text", default_text),
                    }
                    node["type"] = ntype
                    arguments[nid] = arg = {"node": node, "premises": [], "conclusion": other}
                    nodes.append(node)
                arg["premises"].append(c.id)
    for arg in arguments.values():
        nid = arg["node"]["nodeID"]
        edges += [(p, nid) for p in arg["premises"]]
        edges.append((nid, arg["conclusion"]))
    for s in corpus.sources:
        rest = s.attributes.get(_KEY)
        if isinstance(rest, Mapping):
            nodes += [dict(n) for n in rest.get("nodes", [])]
            locutions += [dict(lo) for lo in rest.get("locutions", [])]
            edges += [
                (str(e["fromID"]), str(e["toID"]))
                for e in rest.get("edges", [])
                if isinstance(e, Mapping)
            ]
    return {
        "nodes": nodes,
        "edges": [
            {"edgeID": str(i), "fromID": a, "toID": b} for i, (a, b) in enumerate(edges, start=1)
        ],
        "locutions": locutions,
        "participants": [
            {
                "participantID": a.id,
                "firstname": _split_name(a.name)[0],
                "surname": _split_name(a.name)[1],
            }
            for a in corpus.actors
        ],
    }


def _extras(value: object) -> dict[str, Any]:
    return dict(value) if isinstance(value, Mapping) else {}


def _dropped(corpus: Corpus) -> dict[str, int]:
    n: Counter[str] = Counter()
    for r in corpus:
        t = type(r).__name__.lower() + "s"
        if isinstance(r, (Faction, Membership, Event)):
            n[t] += 1
        elif isinstance(r, Source):
            if set(r.attributes) != {_KEY} or any(
                getattr(r, f) is not None
                for f in ("title", "author", "publisher", "url", "published", "kind", "text")
            ):
                n[t] += 1
        elif isinstance(r, Claim):
            if r.form is not ClaimForm.STATEMENT:
                n["claims.form"] += 1
            for f in ("target", "stance", "addressee", "issue", "date", "confidence"):
                n[f"claims.{f}"] += getattr(r, f) is not None
            n["claims.evidence"] += bool(r.evidence)
            n["claims.attributes"] += bool(set(r.attributes) - {_KEY})
        elif isinstance(r, Actor):
            n["actors.kind"] += r.kind != "person"
            for f in ("aliases", "identifiers", "evidence", "attributes"):
                n[f"actors.{f}"] += bool(getattr(r, f))
            for f in ("description", "confidence"):
                n[f"actors.{f}"] += getattr(r, f) is not None
    return {k: v for k, v in n.items() if v}


def write(corpus: Corpus, path: Path) -> None:
    """Write ``corpus`` as AIF JSON, atomically.

    Warns:
        LossWarning: Listing the records and fields AIF cannot carry, with counts.
    """
    doc = to_aif(corpus)
    dropped = _dropped(corpus)
    if dropped:
        warnings.warn(LossWarning("aif", dropped), stacklevel=3)
    data = encode_json(doc, indent=True)
    with atomic_write(path, "wb") as f:
        f.write(data)
        f.write(b"\n")


# --- reading --------------------------------------------------------------------------------


def _id(value: object) -> str | None:
    if isinstance(value, str) and value:
        return value
    if isinstance(value, int) and not isinstance(value, bool):
        return str(value)
    return None


class _Map:
    """A checked AIF document: nodes by id, edges, locutions, participants."""

    def __init__(self, data: object) -> None:
        self.errors: list[str] = []
        if isinstance(data, Mapping) and isinstance(data.get("AIF"), Mapping):  # xAIF
            data = data["AIF"]
        if not isinstance(data, Mapping):
            self.errors.append(
                f"$: expected an AIF JSON object with nodes and edges, got {_show(data)}"
            )
            data = {}
        if "nodes" not in data:
            self.errors.append("nodes: required field missing")
        self.nodes: dict[str, dict[str, Any]] = {}
        self.order: list[str] = []
        for i, n in enumerate(self._list(data, "nodes")):
            where = f"nodes[{i}]"
            if not isinstance(n, Mapping):
                self.errors.append(f"{where}: expected an object, got {_show(n)}")
                continue
            nid = _id(n.get("nodeID"))
            if nid is None:
                self.errors.append(
                    f"{where}.nodeID: expected a non-empty string or integer, got {_show(n.get('nodeID'))}"
                )
                continue
            if not isinstance(n.get("type"), str):
                self.errors.append(
                    f"{where}.type: expected a string such as 'I', 'L', 'RA', got {_show(n.get('type'))}"
                )
                continue
            if n.get("text") is not None and not isinstance(n.get("text"), str):
                self.errors.append(f"{where}.text: expected a string, got {_show(n.get('text'))}")
                continue
            if nid in self.nodes:
                self.errors.append(f"{where}.nodeID: {nid!r} is used by another node")
                continue
            self.nodes[nid] = {**n, "nodeID": nid}
            self.order.append(nid)
        self.edges: list[dict[str, Any]] = []
        for i, e in enumerate(self._list(data, "edges")):
            where = f"edges[{i}]"
            if not isinstance(e, Mapping):
                self.errors.append(f"{where}: expected an object, got {_show(e)}")
                continue
            ends = []
            for key in ("fromID", "toID"):
                ref = _id(e.get(key))
                if ref is None:
                    self.errors.append(
                        f"{where}.{key}: expected a node id, got {_show(e.get(key))}"
                    )
                elif ref not in self.nodes:
                    self.errors.append(f"{where}.{key}: no node with id {ref!r}")
                else:
                    ends.append(ref)
            if len(ends) == 2:
                self.edges.append({**e, "fromID": ends[0], "toID": ends[1]})
        self.locutions: list[dict[str, Any]] = []
        for i, lo in enumerate(self._list(data, "locutions")):
            where = f"locutions[{i}]"
            if not isinstance(lo, Mapping):
                self.errors.append(f"{where}: expected an object, got {_show(lo)}")
                continue
            nid, pid = _id(lo.get("nodeID")), _id(lo.get("personID"))
            if nid is None:
                self.errors.append(
                    f"{where}.nodeID: expected a node id, got {_show(lo.get('nodeID'))}"
                )
            elif pid is None:
                self.errors.append(
                    f"{where}.personID: expected a person id, got {_show(lo.get('personID'))}"
                )
            else:
                self.locutions.append({**lo, "nodeID": nid, "personID": pid})
        self.participants: dict[str, str] = {}
        for i, p in enumerate(self._list(data, "participants")):
            where = f"participants[{i}]"
            pid = _id(p.get("participantID")) if isinstance(p, Mapping) else None
            if pid is None or not isinstance(p, Mapping):
                self.errors.append(f"{where}.participantID: expected a person id")
                continue
            first, last = p.get("firstname") or "", p.get("surname") or ""
            if not isinstance(first, str) or not isinstance(last, str):
                self.errors.append(f"{where}: firstname and surname must be strings")
                continue
            self.participants[pid] = _join_name(first, last)
        self.has_participants = "participants" in data

    def _list(self, data: Mapping[str, Any], key: str) -> list[Any]:
        v = data.get(key, [])
        if isinstance(v, list):
            return v
        self.errors.append(f"{key}: expected an array, got {_show(v)}")
        return []


_NODE_CORE: Final = frozenset({"nodeID", "text", "type"})
_LOC_CORE: Final = frozenset({"nodeID", "personID"})


def _node_extras(node: Mapping[str, Any]) -> dict[str, Any] | None:
    extra = {k: v for k, v in node.items() if k not in _NODE_CORE}
    return extra or None


def from_aif(data: object, *, path: str | None = None) -> Corpus:
    """Build a corpus from decoded AIF JSON (AIFdb layout or xAIF).

    Raises:
        FormatError: Listing every structural problem with its JSON path,
            e.g. ``edges[3].toID: no node with id '118'``.
    """
    m = _Map(data)
    if m.errors:
        raise FormatError(_summary(m.errors), path=path, errors=m.errors)
    nodes = m.nodes
    out_edges: defaultdict[str, list[int]] = defaultdict(list)
    in_edges: defaultdict[str, list[int]] = defaultdict(list)
    for i, e in enumerate(m.edges):
        out_edges[e["fromID"]].append(i)
        in_edges[e["toID"]].append(i)
    locs_of: defaultdict[str, list[int]] = defaultdict(list)
    for i, lo in enumerate(m.locutions):
        locs_of[lo["nodeID"]].append(i)

    # People: participants when given, else everyone who speaks; ids that clash with node ids get a prefix.
    def person_id(pid: str) -> str:
        return (
            f"person-{pid}" if pid in nodes or pid in (MAP_SOURCE_ID, UNKNOWN_SPEAKER_ID) else pid
        )

    names: dict[str, str] = {person_id(p): n for p, n in m.participants.items()}
    if not m.has_participants:
        for lo in m.locutions:
            pid = person_id(lo["personID"])
            text = nodes.get(lo["nodeID"], {}).get("text") or ""
            prefix, sep, _ = text.partition(_SEP)
            if pid not in names or (names[pid].startswith("Person ") and sep and prefix.strip()):
                names[pid] = prefix if sep and prefix.strip() else f"Person {lo['personID']}"

    used_nodes: set[str] = set()
    used_edges: set[int] = set()
    used_locs: set[int] = set()
    claims: dict[str, dict[str, Any]] = {}
    need_unknown = False
    for nid in m.order:
        node = nodes[nid]
        if node["type"] != "I":
            continue
        aif: dict[str, Any] = {}
        if (extra := _node_extras(node)) is not None:
            aif["I"] = extra
        claimant: str | None = None
        l_node: dict[str, Any] | None = None
        for ei in in_edges[nid]:  # YA -> I
            ya = nodes[m.edges[ei]["fromID"]]
            if ya["type"] != "YA" or ya["nodeID"] in used_nodes:
                continue
            for ej in in_edges[ya["nodeID"]]:  # L -> YA
                cand = nodes[m.edges[ej]["fromID"]]
                if cand["type"] != "L" or not locs_of[cand["nodeID"]]:
                    continue
                if claimant is None:
                    claimant = person_id(m.locutions[locs_of[cand["nodeID"]][0]]["personID"])
                if cand["nodeID"] in used_nodes:
                    continue
                l_node = cand
                used_nodes.update((cand["nodeID"], ya["nodeID"]))
                used_edges.update((ei, ej))
                ya_info: dict[str, Any] = {}
                if ya["nodeID"] != f"{nid}.YA":
                    ya_info["nodeID"] = ya["nodeID"]
                if (ya.get("text") or "") != "Asserting":
                    ya_info["text"] = ya.get("text") or ""
                if (extra := _node_extras(ya)) is not None:
                    ya_info["node"] = extra
                if ya_info:
                    aif["YA"] = ya_info
                entries = [m.locutions[k] for k in locs_of[cand["nodeID"]]]
                used_locs.update(locs_of[cand["nodeID"]])
                extras = [{k: v for k, v in lo.items() if k not in _LOC_CORE} for lo in entries]
                if any(extras) or len(extras) != 1:
                    aif["locutions"] = extras
                break
            if l_node is not None:
                break
        if claimant is None:
            claimant = UNKNOWN_SPEAKER_ID
            need_unknown = True
        text = node.get("text") or None
        quote: str | None = None
        if l_node is not None:
            ltext = l_node.get("text") or ""
            speaker = names.get(claimant, claimant)
            body = (
                ltext[len(speaker) + len(_SEP) :] if ltext.startswith(f"{speaker}{_SEP}") else ltext
            )
            quote = None if body == (text or "") else body
            l_info: dict[str, Any] = {}
            if l_node["nodeID"] != f"{nid}.L":
                l_info["nodeID"] = l_node["nodeID"]
            if ltext != _default_l_text(speaker, text, quote):
                l_info["text"] = ltext
            if (extra := _node_extras(l_node)) is not None:
                l_info["node"] = extra
            if l_info:
                aif["L"] = l_info
        else:
            aif["L"] = None
        used_nodes.add(nid)
        claims[nid] = {"id": nid, "claimant": claimant, "text": text, "quote": quote, "aif": aif}

    # Inference (RA) and conflict (CA) nodes between propositions.
    for nid in m.order:
        node = nodes[nid]
        if node["type"] not in _ARGUMENT_TYPES or nid in used_nodes:
            continue
        field, default_text = _ARGUMENT_TYPES[node["type"]]
        outs = out_edges[nid]
        premises = [ei for ei in in_edges[nid] if m.edges[ei]["fromID"] in claims]
        if len(outs) != 1 or m.edges[outs[0]]["toID"] not in claims or not premises:
            continue
        conclusion = m.edges[outs[0]]["toID"]
        used_nodes.add(nid)
        used_edges.update([outs[0], *premises])
        for ei in premises:
            c = claims[m.edges[ei]["fromID"]]
            links = c.setdefault(field, [])
            info: dict[str, Any] = {}
            if nid != f"{c['id']}.{node['type']}{len(links)}":
                info["nodeID"] = nid
            if (node.get("text") or "") != default_text:
                info["text"] = node.get("text") or ""
            if (extra := _node_extras(node)) is not None:
                info["node"] = extra
            c["aif"].setdefault(field, []).append(info)
            links.append(conclusion)

    records: list[Record] = []
    errors: list[str] = []
    for pid, name in names.items():
        try:
            records.append(Actor(id=pid, name=name if name.strip() else f"Person {pid}"))
        except ValidationError as e:
            errors.append(f"participants[{pid!r}]: {e}")
    if need_unknown:
        records.append(Actor(id=UNKNOWN_SPEAKER_ID, name="unknown speaker"))
    for nid, c in claims.items():
        aif = c.pop("aif")
        for field in ("supports", "attacks"):
            if field in aif and not any(aif[field]):
                del aif[field]
        try:
            records.append(
                Claim(
                    id=c["id"],
                    claimant=c["claimant"],
                    text=c["text"],
                    quote=c["quote"],
                    supports=tuple(c.get("supports", ())),
                    attacks=tuple(c.get("attacks", ())),
                    attributes={_KEY: aif} if aif else None,
                )
            )
        except ValidationError as e:
            errors.append(f"nodes[{nid!r}]: {e}")
    rest = {
        "nodes": [dict(nodes[n]) for n in m.order if n not in used_nodes],
        "edges": [
            {k: v for k, v in e.items() if k in ("fromID", "toID")}
            for i, e in enumerate(m.edges)
            if i not in used_edges
        ],
        "locutions": [lo for i, lo in enumerate(m.locutions) if i not in used_locs],
    }
    if any(rest.values()):
        records.append(
            Source(id=MAP_SOURCE_ID, attributes={_KEY: {k: v for k, v in rest.items() if v}})
        )
    if errors:
        raise FormatError(_summary(errors), path=path, errors=errors)
    try:
        return Corpus(records)
    except DiscourseError as e:
        raise FormatError(str(e), path=path) from None


def read(path: Path) -> Corpus:
    """Read an AIF JSON or xAIF file.

    Raises:
        FormatError: The file is not JSON or not AIF; every problem is listed with its JSON path.
    """
    try:
        raw = path.read_bytes()
    except OSError as e:
        raise FormatError(f"cannot read: {e.strerror}", path=str(path)) from None
    return from_aif(decode_json(raw, path=str(path)), path=str(path))


FORMAT = Format(
    name="aif",
    extensions=(".aif.json", ".aif"),
    description="Argument Interchange Format JSON (AIFdb, OVA, xAIF): claims as I-nodes, supports/attacks as RA/CA.",
    lossless=False,
    carries="claims (id, claimant, text, quote, supports, attacks), actors (id, name)",
    drops=(
        "claim form, target, stance, addressee, issue, date, evidence, confidence; "
        "actor details; factions, memberships, events, sources"
    ),
    read=read,
    write=write,
)
