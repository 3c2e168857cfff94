"""The Discourse Network Analyzer 3 format (.dna, SQLite)."""

from __future__ import annotations

import base64
import contextlib
import hashlib
import shutil
import sqlite3
import warnings
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import discourse as dc
from discourse.io import dna
from discourse.io.dna import DNA_VERSION

_FIXTURE = [HealthCheck.function_scoped_fixture]


@pytest.fixture(scope="module")
def sample(shared: Path) -> Path:
    """The DNA sample database of ../shared (7 documents, 41 statements)."""
    return shared / "interop" / "dna" / "sample.dna"


@pytest.fixture
def copy(sample: Path, tmp_path: Path) -> Path:
    """A private copy of the sample, safe to damage."""
    out = tmp_path / "copy.dna"
    shutil.copyfile(sample, out)
    return out


def _sha(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _sql(path: Path, *statements: str) -> None:
    con = sqlite3.connect(path)
    try:
        for s in statements:
            con.execute(s)
        con.commit()
    finally:
        con.close()


def _rows(path: Path, query: str) -> list[tuple[object, ...]]:
    con = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        return list(con.execute(query))
    finally:
        con.close()


def _dump_quietly(corpus: dc.Corpus, path: Path) -> list[dc.LossWarning]:
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        dc.dump(corpus, path)
    return [w.message for w in caught if isinstance(w.message, dc.LossWarning)]


# --- reading the sample ---------------------------------------------------------------------


def test_sample_reads_documents_statements_and_entities(sample: Path) -> None:
    """7 documents, 40 DNA statements as claims, 7 persons, 7 organizations, 7 memberships."""
    corpus = dc.load(sample)
    assert corpus.count() == {
        "sources": 7,
        "actors": 7,
        "factions": 7,
        "memberships": 7,
        "events": 0,
        "claims": 40,
    }


def test_other_statement_types_are_kept_on_their_document(sample: Path) -> None:
    """The sample's one Annotation is kept with its variables in the document's attributes."""
    corpus = dc.load(sample)
    kept = [k for s in corpus.sources for k in s.attributes.get("dna_statements", ())]
    assert len(kept) == 1
    assert kept[0]["type"] == "Annotation"
    assert kept[0]["values"]["note"].startswith("This is a note.")
    assert (kept[0]["start"], kept[0]["stop"]) == (253, 344)


def test_documents_map_to_sources(sample: Path) -> None:
    """Title, author, date (Unix seconds) and section arrive in the documented fields."""
    source = dc.load(sample)["document-1"]
    assert isinstance(source, dc.Source)
    assert source.title == "109-876: Bluestein, Joel-BUS-Y"
    assert source.author == "Bluestein, Joel"
    assert source.publisher == "109"
    assert str(source.published) == "2005-01-26"
    assert source.attributes["section"] == "876"
    assert source.attributes["coder"] == "Coder 1"
    assert source.text is not None
    assert len(source.text) == 11705


def test_statements_map_to_claims_with_stance_toward_the_concept(sample: Path) -> None:
    """Person is the claimant, concept the issue, agreement 0/1 oppose/support."""
    corpus = dc.load(sample)
    first, fourth = corpus["statement-1"], corpus["statement-4"]
    assert isinstance(first, dc.Claim)
    assert isinstance(fourth, dc.Claim)
    assert first.claimant == "joel-bluestein"
    assert first.issue == "CO2 legislation will not hurt the economy."
    assert first.stance is dc.Stance.OPPOSE
    assert first.target is None
    assert fourth.stance is dc.Stance.SUPPORT
    assert str(first.date) == "2005-01-26"


def test_statement_offsets_become_an_evidence_span(sample: Path) -> None:
    """Start/Stop become a span whose text is the coded passage."""
    corpus = dc.load(sample)
    claim = corpus["statement-1"]
    source = corpus["document-1"]
    assert isinstance(claim, dc.Claim)
    assert isinstance(source, dc.Source)
    (span,) = claim.evidence
    assert (span.source, span.start, span.end) == ("document-1", 6351, 7213)
    assert source.text is not None
    assert span.text == source.text[6351:7213]


def test_person_organization_pairs_become_memberships(sample: Path) -> None:
    """Each person-organization pair is a membership attested by its documents."""
    corpus = dc.load(sample)
    (m,) = corpus.memberships_of("joel-bluestein")
    assert m.faction == "energy-and-environmental-analysis-inc"
    assert m.sources == ("document-1",)
    assert [f.name for f in corpus.factions_of("navin-nayak")] == [
        "U.S. Public Interest Research Group"
    ]


def test_entity_attributes_become_record_attributes(sample: Path) -> None:
    """The DNA Type attribute and the entity colour are kept on actors and factions."""
    corpus = dc.load(sample)
    actor = corpus["kateri-callahan"]
    faction = corpus["sierra-club"]
    assert isinstance(actor, dc.Actor)
    assert isinstance(faction, dc.Faction)
    assert actor.attributes["Type"] == "NGO"
    assert actor.attributes["dna_color"] == "#00cc00"
    assert faction.attributes["Type"] == "NGO"


def test_reading_never_modifies_the_file(sample: Path) -> None:
    """The sample's bytes and its folder are the same after a load."""
    before = _sha(sample)
    listing = sorted(p.name for p in sample.parent.iterdir())
    dc.load(sample)
    assert _sha(sample) == before
    assert sorted(p.name for p in sample.parent.iterdir()) == listing


# --- writing --------------------------------------------------------------------------------


def test_sample_round_trip_preserves_the_corpus(sample: Path, tmp_path: Path) -> None:
    """load(dump(load(sample))) == load(sample), with no loss to report."""
    corpus = dc.load(sample)
    out = tmp_path / "out.dna"
    dc.dump(corpus, out)  # warnings are errors: a LossWarning would fail here
    assert dc.load(out) == corpus


def test_sample_round_trip_keeps_counts_offsets_and_agreement(sample: Path, tmp_path: Path) -> None:
    """The written file has the same documents, statements, offsets and agreement values."""
    out = tmp_path / "out.dna"
    dc.dump(dc.load(sample), out)
    for query in (
        "SELECT COUNT(*) FROM DOCUMENTS",
        "SELECT ID, StatementTypeId, DocumentId, Start, Stop FROM STATEMENTS ORDER BY ID",
        "SELECT StatementId, Value FROM DATABOOLEAN ORDER BY StatementId",
        "SELECT ID, Title, Author, Source, Section, Date, length(Text) FROM DOCUMENTS ORDER BY ID",
    ):
        assert _rows(out, query) == _rows(sample, query), query
    assert _rows(out, "SELECT COUNT(*) FROM STATEMENTS") == [(41,)]


def test_written_schema_is_the_dna_schema(sample: Path, tmp_path: Path) -> None:
    """Tables, columns, constraints and defaults are those DNA 3 creates."""
    out = tmp_path / "out.dna"
    dc.dump(dc.Corpus(), out)
    query = "SELECT type, name, tbl_name, sql FROM sqlite_master ORDER BY name"
    assert _rows(out, query) == _rows(sample, query)


def test_written_file_has_dna_defaults(tmp_path: Path) -> None:
    """SETTINGS version, the Admin coder and the default statement types and variables."""
    out = tmp_path / "out.dna"
    dc.dump(dc.Corpus(), out)
    assert dict(_rows(out, "SELECT Property, Value FROM SETTINGS"))["version"] == DNA_VERSION
    assert _rows(out, "SELECT ID, Name, Red, Green, Blue FROM CODERS") == [
        (1, "Admin", 255, 255, 0)
    ]
    assert _rows(out, "SELECT ID, Label FROM STATEMENTTYPES ORDER BY ID") == [
        (1, "DNA Statement"),
        (2, "NPF Story Element"),
        (3, "Annotation"),
    ]
    assert _rows(out, "SELECT Variable, DataType FROM VARIABLES WHERE StatementTypeId = 1") == [
        ("person", "short text"),
        ("organization", "short text"),
        ("concept", "short text"),
        ("agreement", "boolean"),
    ]
    assert _rows(out, "SELECT DISTINCT AttributeVariable FROM ATTRIBUTEVARIABLES") == [
        ("Type",),
        ("Alias",),
        ("Notes",),
    ]


def test_admin_password_is_a_jasypt_digest_of_admin(tmp_path: Path) -> None:
    """DNA can check the Admin password: salt + SHA-256 iterated 100000 times, base64."""
    out = tmp_path / "out.dna"
    dc.dump(dc.Corpus(), out)
    ((stored,),) = _rows(out, "SELECT Password FROM CODERS WHERE ID = 1")
    raw = base64.b64decode(str(stored))
    salt, digest = raw[:16], raw[16:]
    d = hashlib.sha256(salt + b"admin").digest()
    for _ in range(99_999):
        d = hashlib.sha256(d).digest()
    assert d == digest


def _party_corpus(text: str = "Ann attacked Bob. Bob replied.") -> dc.Corpus:
    return dc.Corpus(
        [
            dc.Source(id="s", text=text, published="2017-03-02"),
            dc.Actor(id="ann", name="Ann Smith", aliases=("Ann",)),
            dc.Actor(id="bob", name="Bob Jones"),
            dc.Faction(id="left", name="The Left"),
            dc.Membership(member="ann", faction="left"),
            dc.Claim(
                id="c1",
                claimant="ann",
                issue="leadership",
                stance="oppose",
                date="2017-03-02",
                evidence=[dc.Span(source="s", start=0, end=16)],
            ),
        ]
    )


def test_claimant_faction_is_written_as_organization(tmp_path: Path) -> None:
    """The claimant's faction becomes the statement's organization and comes back."""
    out = tmp_path / "out.dna"
    dc.dump(_party_corpus(), out)
    back = dc.load(out)
    (claim,) = back.claims()
    assert back[claim.claimant].name == "Ann Smith"  # type: ignore[union-attr]
    assert [f.name for f in back.factions_of(claim.claimant)] == ["The Left"]
    assert (claim.issue, claim.stance) == ("leadership", dc.Stance.OPPOSE)
    assert back[claim.claimant].aliases == ("Ann",)  # type: ignore[union-attr]


def test_offsets_are_utf16_in_the_file_and_code_points_in_spans(tmp_path: Path) -> None:
    """A character outside the BMP before a span shifts DNA's offsets by one, not ours."""
    text = "\U0001f600 Ann attacked Bob."
    corpus = dc.Corpus(
        [
            dc.Source(id="s", text=text, published="2017-03-02"),
            dc.Actor(id="ann", name="Ann"),
            dc.Claim(
                id="c",
                claimant="ann",
                stance="support",
                date="2017-03-02",
                evidence=[dc.Span(source="s", start=2, end=5)],
            ),
        ]
    )
    out = tmp_path / "out.dna"
    dc.dump(corpus, out)
    assert _rows(out, "SELECT Start, Stop FROM STATEMENTS") == [(3, 6)]
    (claim,) = dc.load(out).claims()
    assert (claim.evidence[0].start, claim.evidence[0].end) == (2, 5)
    assert claim.evidence[0].text == "Ann"


def test_loss_warning_names_what_dna_cannot_carry(tmp_path: Path) -> None:
    """Targets, events and claims without evidence are reported with counts."""
    corpus = _party_corpus()
    corpus.add(dc.Event(id="e", kind="resignation"))
    corpus.add(dc.Claim(id="c2", claimant="bob", target="ann", stance="oppose"))
    corpus.add(
        dc.Claim(
            id="c3",
            claimant="bob",
            target="ann",
            form="accusation",
            date="2017-03-02",
            evidence=[dc.Span(source="s", start=18, end=29)],
        )
    )
    with pytest.warns(dc.LossWarning) as info:
        dc.dump(corpus, tmp_path / "out.dna")
    dropped = info[0].message.dropped  # type: ignore[union-attr]
    assert dropped == {"events": 1, "claims": 1, "claims.stance": 1}


def test_targets_and_forms_travel_in_extra_variables(tmp_path: Path) -> None:
    """A target and a form get short-text variables of "DNA Statement" and come back."""
    corpus = _party_corpus()
    corpus.add(
        dc.Claim(
            id="c3",
            claimant="bob",
            target="left",
            form="accusation",
            stance="oppose",
            date="2017-03-02",
            evidence=[dc.Span(source="s", start=18, end=29)],
        )
    )
    out = tmp_path / "out.dna"
    dc.dump(corpus, out)
    assert _rows(out, "SELECT Variable FROM VARIABLES WHERE StatementTypeId = 1 AND ID > 4") == [
        ("target",),
        ("form",),
    ]
    back = dc.load(out)
    first, second = back.claims()
    assert (first.target, first.form) == (None, dc.ClaimForm.STATEMENT)
    assert back[second.target].name == "The Left"  # type: ignore[union-attr,index]
    assert second.form is dc.ClaimForm.ACCUSATION


def test_a_target_dna_does_not_know_becomes_an_actor(copy: Path) -> None:
    """A target typed in DNA that names no person or organization becomes a new actor."""
    _sql(
        copy,
        "INSERT INTO VARIABLES (ID, Variable, DataType, StatementTypeId) "
        "VALUES (12, 'target', 'short text', 1)",
        "INSERT INTO ENTITIES (ID, VariableId, Value) VALUES (100, 12, 'Big Oil')",
        "INSERT INTO DATASHORTTEXT (StatementId, VariableId, Entity) VALUES (1, 12, 100)",
    )
    corpus = dc.load(copy)
    claim = corpus["statement-1"]
    assert isinstance(claim, dc.Claim)
    assert claim.target == "big-oil"
    assert corpus["big-oil"] == dc.Actor(id="big-oil", name="Big Oil")


def test_failed_write_leaves_the_old_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A write that fails half-way does not touch the existing file."""
    out = tmp_path / "out.dna"
    dc.dump(dc.Corpus(), out)
    before = _sha(out)

    def boom(self: object) -> None:
        raise sqlite3.OperationalError("disk I/O error")

    monkeypatch.setattr(dna._Writer, "_attribute_values", boom)
    with pytest.raises(dc.FormatError, match="disk I/O error"):
        dc.dump(_party_corpus(), out)
    assert _sha(out) == before
    assert [p.name for p in tmp_path.iterdir()] == ["out.dna"]


@st.composite
def dna_corpora(draw: st.DrawFn) -> dc.Corpus:
    """Corpora DNA can carry: claims by known actors with a span in a source text."""
    alphabet = st.sampled_from(["a", "b", " ", ".", "\n", "é", "\U0001f600", "\U0001d11e"])
    text = draw(st.text(alphabet=alphabet, min_size=2, max_size=40))
    names = draw(
        st.lists(
            st.from_regex(r"[A-Z][a-z]{1,6}( [A-Z][a-z]{1,6})?", fullmatch=True),
            min_size=2,
            max_size=5,
            unique_by=str.casefold,
        )
    )
    n_actors = draw(st.integers(1, len(names) - 1))
    actors = [dc.Actor(id=f"a{i}", name=n) for i, n in enumerate(names[:n_actors])]
    factions = [dc.Faction(id=f"f{i}", name=n) for i, n in enumerate(names[n_actors:])]
    refs = [r.id for r in [*actors, *factions]]
    records: list[dc.Record] = [dc.Source(id="s", text=text, published="2019-05-04")]
    records += [*actors, *factions]
    for i in range(draw(st.integers(0, 6))):
        start = draw(st.integers(0, len(text) - 1))
        end = draw(st.integers(start + 1, len(text)))
        records.append(
            dc.Claim(
                id=f"c{i}",
                claimant=draw(st.sampled_from(refs)),
                target=draw(st.none() | st.sampled_from(refs)),
                form=draw(st.sampled_from(list(dc.ClaimForm))),
                stance=draw(st.sampled_from(["support", "oppose"])),
                issue=draw(st.none() | st.sampled_from(["tax", "Brexit", "leader"])),
                date="2019-05-04",
                evidence=[dc.Span(source="s", start=start, end=end)],
            )
        )
    return dc.Corpus(records)


@settings(max_examples=25, suppress_health_check=_FIXTURE)
@given(corpus=dna_corpora())
def test_claims_survive_a_round_trip(tmp_path: Path, corpus: dc.Corpus) -> None:
    """Claimant and target names, offsets, form, stance and issue come back; nothing is lost."""
    out = tmp_path / "out.dna"
    assert _dump_quietly(corpus, out) == []
    back = dc.load(out)
    assert len(back.claims()) == len(corpus.claims())
    for before, after in zip(corpus.claims(), back.claims(), strict=True):
        assert back[after.claimant].name == corpus[before.claimant].name  # type: ignore[union-attr]
        assert (after.stance, after.issue, after.form) == (before.stance, before.issue, before.form)
        if before.target is None:
            assert after.target is None
        else:
            assert back[after.target].name == corpus[before.target].name  # type: ignore[union-attr,index]
        assert (after.evidence[0].start, after.evidence[0].end) == (
            before.evidence[0].start,
            before.evidence[0].end,
        )


@settings(max_examples=25, suppress_health_check=_FIXTURE)
@given(corpus=dna_corpora())
def test_a_written_file_reads_back_identically(tmp_path: Path, corpus: dc.Corpus) -> None:
    """Reading, writing and reading again gives the same corpus (ids included)."""
    first = tmp_path / "a.dna"
    second = tmp_path / "b.dna"
    _dump_quietly(corpus, first)
    once = dc.load(first)
    dc.dump(once, second)
    assert dc.load(second) == once


# --- bad input ------------------------------------------------------------------------------


def test_non_sqlite_file_is_a_format_error(tmp_path: Path) -> None:
    """Junk with a .dna name is rejected and left as it was."""
    path = tmp_path / "junk.dna"
    path.write_bytes(b"this is not a database\x00\xff" * 4000)
    before = _sha(path)
    with pytest.raises(dc.FormatError, match="not an SQLite 3 database"):
        dc.load(path)
    assert _sha(path) == before


def test_empty_file_is_a_format_error(tmp_path: Path) -> None:
    """A zero-byte .dna file is not a database."""
    path = tmp_path / "empty.dna"
    path.write_bytes(b"")
    with pytest.raises(dc.FormatError, match="not an SQLite"):
        dc.load(path)


@pytest.mark.slow
def test_100_mb_of_junk_is_a_format_error(tmp_path: Path) -> None:
    """A large junk file is rejected quickly with a FormatError."""
    path = tmp_path / "big.dna"
    with path.open("wb") as f:
        for _ in range(100):
            f.write(b"\xde\xad\xbe\xef" * 262_144)
    with pytest.raises(dc.FormatError):
        dc.load(path)


def test_truncated_database_is_a_format_error(copy: Path) -> None:
    """The first 8 KiB of a DNA file give a FormatError, not an sqlite3 error."""
    data = copy.read_bytes()
    copy.write_bytes(data[:8192])
    before = _sha(copy)
    with pytest.raises(dc.FormatError):
        dc.load(copy)
    assert _sha(copy) == before


def test_missing_table_is_named(copy: Path) -> None:
    """A database without STATEMENTS is not DNA, and the message says which table."""
    _sql(copy, "DROP TABLE DATABOOLEAN", "DROP TABLE DATASHORTTEXT", "DROP TABLE STATEMENTS")
    before = _sha(copy)
    with pytest.raises(dc.FormatError, match="missing tables STATEMENTS, DATASHORTTEXT"):
        dc.load(copy)
    assert _sha(copy) == before


def test_missing_column_is_named(copy: Path) -> None:
    """A DOCUMENTS table without Date is reported by table and column."""
    _sql(copy, "ALTER TABLE DOCUMENTS DROP COLUMN Date")
    with pytest.raises(dc.FormatError, match="table DOCUMENTS has no column 'Date'"):
        dc.load(copy)


def test_wrong_type_names_table_row_and_column(copy: Path) -> None:
    """A text Date in document 3 is reported with its table, row and column."""
    _sql(copy, "UPDATE DOCUMENTS SET Date = 'yesterday' WHERE ID = 3")
    before = _sha(copy)
    with pytest.raises(dc.FormatError, match=r"DOCUMENTS row 3 \(ID 3\), column 'Date'"):
        dc.load(copy)
    assert _sha(copy) == before


def test_dangling_document_reference_is_reported(copy: Path) -> None:
    """A statement pointing at a missing document names the statement and column."""
    _sql(copy, "UPDATE STATEMENTS SET DocumentId = 99 WHERE ID = 7")
    with pytest.raises(dc.FormatError, match=r"STATEMENTS row 7 \(ID 7\), column 'DocumentId'"):
        dc.load(copy)


def test_dangling_entity_reference_is_reported(copy: Path) -> None:
    """A value pointing at a missing entity names the DATASHORTTEXT row."""
    _sql(copy, "UPDATE DATASHORTTEXT SET Entity = 999 WHERE ID = 2")
    with pytest.raises(dc.FormatError, match=r"DATASHORTTEXT row 2 \(ID 2\), column 'Entity'"):
        dc.load(copy)


def test_offsets_beyond_the_text_are_reported(copy: Path) -> None:
    """A Stop past the end of its document is a FormatError naming the statement."""
    _sql(copy, "UPDATE STATEMENTS SET Stop = 999999 WHERE ID = 1")
    with pytest.raises(dc.FormatError, match=r"STATEMENTS row 1 \(ID 1\), columns 'Start'/'Stop'"):
        dc.load(copy)


def test_dna2_database_is_refused_with_advice(copy: Path) -> None:
    """A DNA 2 version setting is refused with a hint to convert it in DNA 3."""
    _sql(copy, "UPDATE SETTINGS SET Value = '2.0 beta 25' WHERE Property = 'version'")
    with pytest.raises(dc.FormatError, match="DNA 3"):
        dc.load(copy)


def test_any_sqlite_database_is_not_enough(tmp_path: Path) -> None:
    """An SQLite file of another application is rejected as not DNA."""
    path = tmp_path / "other.dna"
    _sql(path, "CREATE TABLE t(x)")
    with pytest.raises(dc.FormatError, match="not a DNA 3 database"):
        dc.load(path)


@settings(max_examples=40, suppress_health_check=_FIXTURE, deadline=None)
@given(
    cuts=st.lists(
        st.tuples(st.integers(100, 200_000), st.binary(min_size=1, max_size=64)),
        min_size=1,
        max_size=4,
    )
)
def test_corrupted_database_raises_only_format_errors(
    sample: Path, tmp_path: Path, cuts: list[tuple[int, bytes]]
) -> None:
    """Overwriting bytes of a DNA file gives a corpus or a FormatError, never another error."""
    data = bytearray(sample.read_bytes())
    for at, junk in cuts:
        at %= len(data)
        data[at : at + len(junk)] = junk
    path = tmp_path / "broken.dna"
    path.write_bytes(bytes(data))
    before = _sha(path)
    with contextlib.suppress(dc.FormatError):
        dc.load(path)
    assert _sha(path) == before
