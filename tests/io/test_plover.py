"""The plover format (discourse.io.plover)."""

from __future__ import annotations

import json
import warnings
from collections import Counter
from collections.abc import Mapping
from pathlib import Path
from typing import Any

import attrs
import pytest
from hypothesis import HealthCheck, given, settings

import discourse as dc
from discourse.io.plover import CLAIM_MAPPING, EVENT_MAPPING, from_records, to_records
from tests.strategies import corpora

# Event categories and their modes, from the PLOVER manual (openeventdata/PLOVER, PLOVER_MANUAL.tex).
PLOVER_MODES: dict[str, set[str]] = {
    "AGREE": set(),
    "CONSULT": {"visit", "third-party", "multilateral", "phone"},
    "SUPPORT": set(),
    "CONCEDE": set(),
    "COOPERATE": set(),
    "AID": {"economic", "military", "humanitarian", "asylum"},
    "RETREAT": {"withdraw", "release", "return", "disarm", "ceasefire", "access", "resign"},
    "DEMAND": {
        "economic",
        "military",
        "humanitarian",
        "asylum",
        "assist",
        "change",
        "yield",
        "meet",
    },
    "ACCUSE": set(),
    "REJECT": {"assist", "change", "yield", "meet"},
    "THREATEN": {"restrict", "ban", "arrest", "relations", "expel", "territory", "violence"},
    "PROTEST": {"demo", "riot", "strike-gen", "strike-lim", "strike-hun", "boycott", "obstruct"},
    "SANCTION": {"convict", "cancel", "expel", "withdraw", "sever"},
    "MOBILIZE": {"troops", "weapons", "police"},
    "COERCE": {
        "confiscate",
        "restrict",
        "ban",
        "censor",
        "curfew",
        "martial-law",
        "arrest",
        "deport",
        "withhold",
    },
    "ASSAULT": set(),
}


def _sample() -> dc.Corpus:
    return dc.Corpus(
        [
            dc.Faction(id="labour", name="Labour Party", kind="party"),
            dc.Actor(id="ken", name="Ken Livingstone"),
            dc.Actor(id="benn", name="Hilary Benn"),
            dc.Actor(id="mann", name="John Mann"),
            dc.Event(
                id="e-expel",
                kind="expulsion",
                organization="labour",
                participants=[dc.Participant(ref="ken")],
            ),
            dc.Event(
                id="e-resign",
                kind="resignation",
                start="2016-06-26",
                organization="labour",
                participants=[dc.Participant(ref="benn")],
            ),
            dc.Claim(
                id="c1",
                claimant="mann",
                form="accusation",
                target="ken",
                stance="oppose",
                text="Mann accuses Livingstone",
                quote="You are a Nazi apologist",
                date="2016-04-28",
            ),
        ]
    )


def test_mapping_table_uses_plover_categories_and_modes() -> None:
    """Every category and mode we write exists in the PLOVER manual."""
    for category, mode, _ in EVENT_MAPPING.values():
        assert category in PLOVER_MODES
        assert mode is None or mode in PLOVER_MODES[category]
    assert set(CLAIM_MAPPING.values()) <= set(PLOVER_MODES)


@pytest.mark.parametrize(
    ("kind", "event", "mode"),
    [
        ("expulsion", "SANCTION", "expel"),
        ("resignation", "RETREAT", "resign"),
        ("suspension", "COERCE", "ban"),
    ],
)
def test_event_kinds_map_to_plover_event_and_mode(kind: str, event: str, mode: str) -> None:
    """Expulsion is SANCTION/expel, resignation RETREAT/resign, suspension COERCE/ban."""
    (rec,) = to_records(dc.Corpus([dc.Event(id="e", kind=kind)]))
    assert (rec["event"], rec["mode"]) == (event, mode)


def test_accusation_claim_is_accuse_with_actor_and_recipient() -> None:
    """An accusation becomes ACCUSE from the claimant to the target, with the texts."""
    rec = next(r for r in to_records(_sample()) if r["id"] == "c1")
    assert rec["event"] == "ACCUSE"
    assert rec["actor"] == [{"actor_text": "John Mann", "identifier_id": "mann", "type": "person"}]
    assert rec["recipient"] == [
        {"actor_text": "Ken Livingstone", "identifier_id": "ken", "type": "person"}
    ]
    assert (rec["date"], rec["event_text"], rec["text"]) == (
        "2016-04-28",
        "Mann accuses Livingstone",
        "You are a Nazi apologist",
    )


def test_every_record_has_the_political_institutions_context() -> None:
    """context always includes political_institutions."""
    records = to_records(_sample())
    assert len(records) == 3
    assert all("political_institutions" in r["context"] for r in records)


def test_expulsion_has_the_party_as_actor_and_resignation_as_recipient() -> None:
    """The party expels (actor); a resigner resigns from the party (recipient)."""
    recs = {r["id"]: r for r in to_records(_sample())}
    assert [a["identifier_id"] for a in recs["e-expel"]["actor"]] == ["labour"]
    assert [a["identifier_id"] for a in recs["e-expel"]["recipient"]] == ["ken"]
    assert [a["identifier_id"] for a in recs["e-resign"]["actor"]] == ["benn"]
    assert [a["identifier_id"] for a in recs["e-resign"]["recipient"]] == ["labour"]


@pytest.mark.parametrize("name", ["c.plover.jsonl", "c.plover.json"])
def test_sample_round_trips(tmp_path: Path, name: str) -> None:
    """JSON lines (or a JSON array for .plover.json) read back to the same records."""
    path = tmp_path / name
    with pytest.warns(dc.LossWarning, match=r"factions\.kind \(1\)"):
        dc.dump(_sample(), path)
    text = path.read_text(encoding="utf-8")
    assert text.startswith("[") == name.endswith(".json")
    back = dc.load(path)
    assert back == dc.Corpus(
        [r for r in _sample() if not isinstance(r, dc.Faction)]
        + [dc.Faction(id="labour", name="Labour Party")]
    )


def _set(v: object) -> bool:
    return v is not None and not (isinstance(v, (tuple, Mapping)) and not v)


def _expected(corpus: dc.Corpus) -> tuple[dc.Corpus, dict[str, int]]:
    """What PLOVER should give back and report, computed independently of the module."""
    out: list[dc.Record] = []
    dropped: Counter[str] = Counter()
    refs: set[str] = set()
    for e in corpus.events:
        if e.kind in EVENT_MAPPING:
            refs.update(p.ref for p in e.participants)
            refs.update([e.organization] if e.organization else [])
            out.append(
                attrs.evolve(
                    e,
                    outcome=None,
                    evidence=(),
                    confidence=None,
                    attributes={},
                    participants=tuple(dc.Participant(ref=p.ref) for p in e.participants),
                )
            )
            for f in ("outcome", "evidence", "confidence", "attributes"):
                dropped[f"events.{f}"] += _set(getattr(e, f))
            dropped["events.participants.role"] += sum(p.role is not None for p in e.participants)
        else:
            dropped[f"events ({e.kind.value})"] += 1
    for c in corpus.claims():
        mapped = c.form in CLAIM_MAPPING or (
            c.form == "action" and c.stance in ("support", "oppose")
        )
        if not mapped:
            dropped[
                f"claims ({c.form.value if c.form != 'action' else 'action without support/oppose'})"
            ] += 1
            continue
        refs.add(c.claimant)
        refs.update([c.target] if c.target else [])
        lost = ("addressee", "issue", "evidence", "supports", "attacks", "confidence", "attributes")
        for f in lost:
            dropped[f"claims.{f}"] += _set(getattr(c, f))
        out.append(
            attrs.evolve(
                c,
                **{
                    f: (() if f in ("evidence", "supports", "attacks") else None) for f in lost[:-1]
                },
                attributes={},
            )
        )
    for a in corpus.actors:
        if a.id not in refs:
            dropped["actors"] += 1
            continue
        for f in ("aliases", "description", "identifiers", "evidence", "confidence", "attributes"):
            dropped[f"actors.{f}"] += _set(getattr(a, f))
        out.append(dc.Actor(id=a.id, name=a.name, kind=a.kind))
    for fa in corpus.factions:
        if fa.id not in refs:
            dropped["factions"] += 1
            continue
        for f in (
            "parent",
            "aliases",
            "description",
            "identifiers",
            "evidence",
            "confidence",
            "attributes",
        ):
            dropped[f"factions.{f}"] += _set(getattr(fa, f))
        dropped["factions.kind"] += fa.kind != "group"
        out.append(dc.Faction(id=fa.id, name=fa.name))
    dropped["memberships"] += len(corpus.memberships)
    dropped["sources"] += len(corpus.sources)
    return dc.Corpus(out), {k: v for k, v in dropped.items() if v}


@settings(suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(corpus=corpora())
def test_round_trip_equals_original_minus_what_was_reported(
    tmp_path: Path, corpus: dc.Corpus
) -> None:
    """load(dump(c)) is c without exactly what the LossWarning counted."""
    expected, expected_dropped = _expected(corpus)
    path = tmp_path / "c.plover.jsonl"
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        dc.dump(corpus, path)
    losses = [w.message for w in caught if isinstance(w.message, dc.LossWarning)]
    assert [dict(w.dropped) for w in losses] == ([expected_dropped] if expected_dropped else [])
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        assert dc.load(path) == expected


def test_foreign_record_with_source_codes_and_two_events() -> None:
    """The manual's minimal record reads as a claim; the second category is reported."""
    rec = {
        "id": "PHOXv1-20160724-0042",
        "date": "2016-07-24",
        "source": [{"code": "USA"}],
        "recipient": [{"code": "CAN"}],
        "event": ["AGREE", "CONSULT"],
    }
    with pytest.warns(dc.LossWarning, match=r"event \(beyond the first\) \(1\)"):
        corpus = from_records([rec])
    (c,) = corpus.claims()
    assert (c.claimant, c.target, c.form, c.stance, str(c.date)) == (
        "USA",
        "CAN",
        "proposal",
        "support",
        "2016-07-24",
    )
    assert corpus["USA"] == dc.Actor(id="USA", name="USA")


@pytest.mark.parametrize(
    ("event", "mode", "kind", "org_side"),
    [
        ("SANCTION", "expel", "expulsion", "actor"),
        ("RETREAT", "resign", "resignation", "recipient"),
    ],
)
def test_foreign_records_with_a_mapped_mode_become_events(
    event: str, mode: str, kind: str, org_side: str
) -> None:
    """SANCTION/expel is an expulsion by the actor; RETREAT/resign a resignation from the recipient."""
    rec = {
        "id": "r1",
        "date": "2019-02-18",
        "actor": [{"actor_text": "Labour" if org_side == "actor" else "Chuka Umunna"}],
        "recipient": [{"actor_text": "Chuka Umunna" if org_side == "actor" else "Labour"}],
        "event": event,
        "mode": mode,
    }
    (e,) = from_records([rec]).events
    assert (e.kind, e.organization, e.participants) == (
        kind,
        "Labour",
        (dc.Participant(ref="Chuka Umunna"),),
    )


def test_foreign_conflict_category_gives_an_opposing_action() -> None:
    """An unmapped conflict category (COERCE without mode) is an action claim opposing the recipient."""
    (c,) = from_records(
        [
            {
                "id": "r",
                "actor": [{"actor_text": "A"}],
                "recipient": [{"actor_text": "B"}],
                "event": "COERCE",
            }
        ]
    ).claims()
    assert (c.form, c.stance) == ("action", "oppose")


@pytest.mark.parametrize(
    ("lines", "message", "line"),
    [
        (['{"id": "a", "event": "ACCUSE", "actor": ["X"]}', "{oops"], "line 2: .*invalid JSON", 2),
        (['{"event": "ACCUSE", "actor": ["X"]}'], "line 1: id: required field missing", 1),
        (["", '{"id": "a", "actor": ["X"]}'], "line 2: event: required field missing", 2),
        (['{"id": "a", "event": "ACCUSE"}'], "line 1: actor: a claim needs an actor", 1),
        (
            ['{"id": "a", "event": "ACCUSE", "actor": ["X"], "date": "2016-13-01"}'],
            "line 1: date: month must be 1..12",
            1,
        ),
        (
            ['{"id": "a", "event": "ACCUSE", "actor": [3]}'],
            r"line 1: actor\[0\]: expected an actor object, got 3",
            1,
        ),
        (
            ['{"id": "a", "event": "ACCUSE", "actor": [{}]}'],
            r"line 1: actor\[0\]: an actor needs",
            1,
        ),
        (["[1, 2]"], r"\[0\]: expected a JSON object, got 1", None),
        (['"just a string"'], "line 1: \\$: expected a JSON object", 1),
        (
            ['{"id": "a", "event": 5, "actor": ["X"]}'],
            "line 1: event: expected a string or a list, got 5",
            1,
        ),
    ],
)
def test_bad_records_name_line_and_field(
    tmp_path: Path, lines: list[str], message: str, line: int | None
) -> None:
    """Malformed input raises FormatError naming the line and the PLOVER field; the file is untouched."""
    path = tmp_path / "bad.plover.jsonl"
    content = "\n".join(lines) + "\n"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(dc.FormatError, match=message) as info:
        dc.load(path)
    assert info.value.line == line
    assert path.read_text(encoding="utf-8") == content


def test_duplicate_ids_are_a_format_error(tmp_path: Path) -> None:
    """Two different records with one id raise FormatError, not DuplicateIdError."""
    path = tmp_path / "dup.plover.jsonl"
    rec = {"id": "a", "event": "ACCUSE", "actor": ["X"]}
    path.write_text(
        json.dumps(rec) + "\n" + json.dumps({**rec, "event": "DEMAND"}) + "\n", encoding="utf-8"
    )
    with pytest.raises(dc.FormatError, match="id 'a' is already used"):
        dc.load(path)


def test_failed_write_leaves_the_old_file(tmp_path: Path) -> None:
    """A claim with a value JSON cannot hold does not replace the previous file."""
    path = tmp_path / "c.plover.jsonl"
    with pytest.warns(dc.LossWarning):
        dc.dump(_sample(), path)
    before = path.read_bytes()
    bad: Any = dc.Corpus(
        [dc.Actor(id="a", name="\ud800"), dc.Claim(id="c", claimant="a", form="demand")]
    )
    with pytest.raises(dc.FormatError):
        dc.dump(bad, path)
    assert path.read_bytes() == before
    assert [p.name for p in tmp_path.iterdir()] == ["c.plover.jsonl"]


@pytest.mark.parametrize("size_mb", [1, pytest.param(100, marks=pytest.mark.slow)])
def test_megabytes_of_junk_are_a_format_error(tmp_path: Path, size_mb: int) -> None:
    """A large file of binary junk is rejected with FormatError and left as it was."""
    path = tmp_path / "junk.plover.jsonl"
    with path.open("wb") as f:
        for _ in range(size_mb):
            f.write(b"\xde\xad\xbe\xef" * 262_144)
    size = path.stat().st_size
    with pytest.raises(dc.FormatError):
        dc.load(path)
    assert path.stat().st_size == size
