"""Discourse Network Analyzer 3 (``.dna``): the SQLite database DNA 3.x reads and writes.

DNA (Leifeld, https://github.com/leifeld/dna) codes *statements*: a stretch
of a document's text with values for the variables of a statement type. The
default type "DNA Statement" has the variables ``person``, ``organization``,
``concept`` (short texts, which point to *entities*) and ``agreement`` (a
boolean).

Reading (:func:`read_dna`):

* each row of ``DOCUMENTS`` becomes a :class:`~discourse.Source` with id
  ``document-<ID>``: ``Title`` → ``title``, ``Text`` → ``text``, ``Author`` →
  ``author``, ``Source`` → ``publisher``, ``Type`` → ``kind``, ``Date`` (Unix
  seconds, UTC) → ``published`` at day precision (0 means unknown);
  ``Section``, ``Notes``, the coder's name and the DNA id go to
  ``attributes`` (``section``, ``notes``, ``coder``, ``dna_id``);
* each "DNA Statement" becomes a :class:`~discourse.Claim` with id
  ``statement-<ID>``: the claimant is the person, or the organization when
  there is no person; ``concept`` → ``issue``; ``agreement`` 1/0 → stance
  ``support``/``oppose`` **toward the issue** (DNA statements have no target
  actor: ``target`` comes from an added ``target`` variable if there is one,
  as ``form`` from a ``form`` variable); ``Start``/``Stop`` → one evidence
  :class:`~discourse.Span` (DNA counts UTF-16 code units, spans count code
  points; the reader converts); the document date → ``date``; coder and DNA id
  → ``attributes``;
* person entities become :class:`~discourse.Actor` records and organization
  entities :class:`~discourse.Faction` records (ids are slugs of their names);
  a person coded with an organization gives a :class:`~discourse.Membership`
  whose ``sources`` are the documents where the pair was coded; the entity
  attribute ``Alias`` → ``aliases``, ``Notes`` → ``description``, other
  attributes (e.g. ``Type``) → ``attributes`` under their DNA name, the colour
  → ``attributes["dna_color"]``, ``ChildOf`` → ``parent`` (organizations);
* statements of other types (e.g. "Annotation", "NPF Story Element") and
  "DNA Statement"s with neither person nor organization have no claimant: they
  are kept, with their variables, in their document's
  ``attributes["dna_statements"]`` and written back on export.

Writing (:func:`write_dna`) creates the tables, columns and defaults DNA 3.1
creates for a new database (``SETTINGS`` version and date, the ``Admin``
coder, the statement types "DNA Statement", "NPF Story Element" and
"Annotation", the entity attributes ``Type``, ``Alias`` and ``Notes``) and
adds the corpus. Claim targets and forms, which DNA has no default variable
for, go into short-text variables ``target`` and ``form`` added to "DNA
Statement" when some claim needs them. The Admin password is ``admin`` unless given. Claims need an
evidence span in a source that has text (DNA statements are text
selections); what DNA cannot carry is listed in a
:class:`~discourse.LossWarning`.

The input file is opened read-only and immutable: reading never modifies it.
"""

from __future__ import annotations

import base64
import datetime as _dt
import hashlib
import re
import secrets
import sqlite3
import warnings
from bisect import bisect_left, bisect_right
from collections.abc import Iterable, Mapping, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any, Final
from urllib.request import pathname2url

from discourse.errors import DiscourseError, FormatError, LossWarning
from discourse.io._atomic import atomic_path
from discourse.io._registry import Format
from discourse.model import (
    Actor,
    ActorKind,
    Claim,
    ClaimForm,
    Faction,
    FactionKind,
    Membership,
    PartialDate,
    Record,
    Source,
    Span,
    Stance,
)

if TYPE_CHECKING:
    from discourse.corpus import Corpus

__all__ = ["DNA_DATE", "DNA_VERSION", "FORMAT", "read_dna", "write_dna"]

DNA_VERSION: Final = "3.1.1"
"""The ``SETTINGS.version`` written: the DNA release whose schema the writer follows."""
DNA_DATE: Final = "2026-06-27"
"""The ``SETTINGS.date`` written (the release date of :data:`DNA_VERSION`)."""
DEFAULT_PASSWORD: Final = "admin"  # noqa: S105 - documented; DNA asks users to change it
"""The password of the Admin coder in written files, unless another is given."""

_SQLITE_MAGIC: Final = b"SQLite format 3\x00"
_MAX: Final = 190  # DNA's limit for short texts: CHECK (LENGTH(x) < 191)
_DNA_STATEMENT: Final = "DNA Statement"
_ENTITY_ATTRIBUTES: Final = ("Type", "Alias", "Notes")

# The sqlite branch of sql.Sql.createTables() in DNA 3.1 (leifeld/dna), table by table.
_SCHEMA: Final[tuple[str, ...]] = (
    "CREATE TABLE SETTINGS(Property TEXT PRIMARY KEY, Value TEXT NOT NULL)",
    "CREATE TABLE CODERS(ID INTEGER NOT NULL PRIMARY KEY, Name TEXT NOT NULL CHECK "
    "(LENGTH(Name) < 191), Red INTEGER NOT NULL DEFAULT 0 CHECK (Red BETWEEN 0 AND 255), "
    "Green INTEGER NOT NULL DEFAULT 0 CHECK (Green BETWEEN 0 AND 255), Blue INTEGER NOT NULL "
    "DEFAULT 0 CHECK (Blue BETWEEN 0 AND 255), Refresh INTEGER NOT NULL CHECK (Refresh BETWEEN "
    "0 AND 9999) DEFAULT 0, FontSize INTEGER NOT NULL CHECK (FontSize BETWEEN 1 AND 99) DEFAULT "
    "14, Password TEXT NOT NULL CHECK (LENGTH(Password) < 191), PopupWidth INTEGER CHECK "
    "(PopupWidth BETWEEN 100 AND 9999) DEFAULT 300, ColorByCoder INTEGER NOT NULL CHECK "
    "(ColorByCoder BETWEEN 0 AND 1) DEFAULT 0, PopupDecoration INTEGER NOT NULL CHECK "
    "(PopupDecoration BETWEEN 0 AND 1) DEFAULT 0, PopupAutoComplete INTEGER NOT NULL CHECK "
    "(PopupAutoComplete BETWEEN 0 AND 1) DEFAULT 1, PermissionAddDocuments INTEGER NOT NULL "
    "CHECK (PermissionAddDocuments BETWEEN 0 AND 1) DEFAULT 1, PermissionEditDocuments INTEGER "
    "NOT NULL CHECK (PermissionEditDocuments BETWEEN 0 AND 1) DEFAULT 1, "
    "PermissionDeleteDocuments INTEGER NOT NULL CHECK (PermissionDeleteDocuments BETWEEN 0 AND "
    "1) DEFAULT 1, PermissionImportDocuments INTEGER NOT NULL CHECK (PermissionImportDocuments "
    "BETWEEN 0 AND 1) DEFAULT 1, PermissionAddStatements INTEGER NOT NULL CHECK "
    "(PermissionAddStatements BETWEEN 0 AND 1) DEFAULT 1, PermissionEditStatements INTEGER NOT "
    "NULL CHECK (PermissionEditStatements BETWEEN 0 AND 1) DEFAULT 1, "
    "PermissionDeleteStatements INTEGER NOT NULL CHECK (PermissionDeleteStatements BETWEEN 0 "
    "AND 1) DEFAULT 1, PermissionEditAttributes INTEGER NOT NULL CHECK "
    "(PermissionEditAttributes BETWEEN 0 AND 1) DEFAULT 1, PermissionEditRegex INTEGER NOT NULL "
    "CHECK (PermissionEditRegex BETWEEN 0 AND 1) DEFAULT 1, PermissionEditStatementTypes "
    "INTEGER NOT NULL CHECK (PermissionEditStatementTypes BETWEEN 0 AND 1) DEFAULT 1, "
    "PermissionEditCoders INTEGER NOT NULL CHECK (PermissionEditCoders BETWEEN 0 AND 1) DEFAULT "
    "1, PermissionEditCoderRelations INTEGER NOT NULL CHECK (PermissionEditCoderRelations "
    "BETWEEN 0 AND 1) DEFAULT 1, PermissionViewOthersDocuments INTEGER NOT NULL CHECK "
    "(PermissionViewOthersDocuments BETWEEN 0 AND 1) DEFAULT 1, PermissionEditOthersDocuments "
    "INTEGER NOT NULL CHECK (PermissionEditOthersDocuments BETWEEN 0 AND 1) DEFAULT 1, "
    "PermissionViewOthersStatements INTEGER NOT NULL CHECK (PermissionViewOthersStatements "
    "BETWEEN 0 AND 1) DEFAULT 1, PermissionEditOthersStatements INTEGER NOT NULL CHECK "
    "(PermissionEditOthersStatements BETWEEN 0 AND 1) DEFAULT 1)",
    "CREATE TABLE DOCUMENTS(ID INTEGER NOT NULL PRIMARY KEY, Title TEXT NOT NULL CHECK "
    "(LENGTH(Title) < 191), Text TEXT NOT NULL, Coder INTEGER, Author TEXT NOT NULL DEFAULT '' "
    "CHECK (LENGTH(Author) < 191), Source TEXT NOT NULL DEFAULT '' CHECK (LENGTH(Source) < 191), "
    "Section TEXT NOT NULL DEFAULT '' CHECK (LENGTH(Section) < 191), Notes TEXT NOT NULL DEFAULT "
    "'', Type TEXT NOT NULL DEFAULT '' CHECK (LENGTH(Type) < 191), Date INTEGER NOT NULL, "
    "FOREIGN KEY(Coder) REFERENCES CODERS(ID) ON DELETE CASCADE)",
    "CREATE TABLE STATEMENTTYPES(ID INTEGER NOT NULL PRIMARY KEY, Label TEXT NOT NULL CHECK "
    "(LENGTH(Label) < 191), Red INTEGER NOT NULL DEFAULT 0 CHECK (Red BETWEEN 0 AND 255), Green "
    "INTEGER NOT NULL DEFAULT 0 CHECK (Green BETWEEN 0 AND 255), Blue INTEGER NOT NULL DEFAULT 0 "
    "CHECK (Blue BETWEEN 0 AND 255))",
    "CREATE TABLE VARIABLES(ID INTEGER NOT NULL PRIMARY KEY, Variable TEXT NOT NULL CHECK "
    "(LENGTH(Variable) < 191), DataType TEXT NOT NULL CHECK (DataType = 'boolean' OR DataType = "
    "'integer' OR DataType = 'long text' OR DataType = 'short text') DEFAULT 'short text', "
    "StatementTypeId INTEGER, FOREIGN KEY(StatementTypeId) REFERENCES STATEMENTTYPES(ID) ON "
    "DELETE CASCADE, UNIQUE (Variable, StatementTypeId))",
    "CREATE TABLE VARIABLELINKS(ID INTEGER NOT NULL PRIMARY KEY, SourceVariableId INTEGER, "
    "TargetVariableId INTEGER, CHECK (TargetVariableId != SourceVariableId), FOREIGN "
    "KEY(SourceVariableId) REFERENCES VARIABLES(ID) ON DELETE CASCADE, FOREIGN "
    "KEY(TargetVariableId) REFERENCES VARIABLES(ID) ON DELETE CASCADE)",
    "CREATE TABLE REGEXES(Label TEXT PRIMARY KEY CHECK (LENGTH(Label) < 191), Red INTEGER NOT "
    "NULL DEFAULT 0 CHECK (Red BETWEEN 0 AND 255), Green INTEGER NOT NULL DEFAULT 0 CHECK (Green "
    "BETWEEN 0 AND 255), Blue INTEGER NOT NULL DEFAULT 0 CHECK (Blue BETWEEN 0 AND 255))",
    "CREATE TABLE CODERRELATIONS(ID INTEGER NOT NULL PRIMARY KEY, Coder INTEGER CHECK(Coder > "
    "0), OtherCoder INTEGER CHECK(OtherCoder > 0), viewStatements INTEGER NOT NULL DEFAULT 1 "
    "CHECK(viewStatements BETWEEN 0 AND 1), editStatements INTEGER NOT NULL DEFAULT 1 "
    "CHECK(editStatements BETWEEN 0 AND 1), viewDocuments INTEGER NOT NULL DEFAULT 1 "
    "CHECK(viewDocuments BETWEEN 0 AND 1), editDocuments INTEGER NOT NULL DEFAULT 1 "
    "CHECK(editDocuments BETWEEN 0 AND 1), CHECK (Coder != OtherCoder), FOREIGN KEY(Coder) "
    "REFERENCES CODERS(ID) ON DELETE CASCADE, FOREIGN KEY(OtherCoder) REFERENCES CODERS(ID) ON "
    "DELETE CASCADE)",
    "CREATE TABLE STATEMENTS(ID INTEGER NOT NULL PRIMARY KEY, StatementTypeId INTEGER, "
    "DocumentId INTEGER, Start INTEGER NOT NULL CHECK(Start >= 0), Stop INTEGER NOT NULL "
    "CHECK(Stop >= 0), Coder INTEGER, CHECK (Start < Stop), FOREIGN KEY(StatementTypeId) "
    "REFERENCES STATEMENTTYPES(ID) ON DELETE CASCADE, FOREIGN KEY(Coder) REFERENCES CODERS(ID) "
    "ON DELETE CASCADE, FOREIGN KEY(DocumentId) REFERENCES DOCUMENTS(ID) ON DELETE CASCADE)",
    "CREATE TABLE DATABOOLEAN(ID INTEGER PRIMARY KEY NOT NULL, StatementId INTEGER NOT NULL, "
    "VariableId INTEGER NOT NULL, Value INTEGER NOT NULL DEFAULT 1, FOREIGN KEY(StatementId) "
    "REFERENCES STATEMENTS(ID) ON DELETE CASCADE, FOREIGN KEY(VariableId) REFERENCES "
    "VARIABLES(ID) ON DELETE CASCADE, UNIQUE (StatementId, VariableId))",
    "CREATE TABLE DATAINTEGER(ID INTEGER PRIMARY KEY NOT NULL, StatementId INTEGER NOT NULL, "
    "VariableId INTEGER NOT NULL, Value INTEGER NOT NULL DEFAULT 0, FOREIGN KEY(StatementId) "
    "REFERENCES STATEMENTS(ID) ON DELETE CASCADE, FOREIGN KEY(VariableId) REFERENCES "
    "VARIABLES(ID) ON DELETE CASCADE, UNIQUE (StatementId, VariableId))",
    "CREATE TABLE ENTITIES(ID INTEGER PRIMARY KEY NOT NULL, VariableId INTEGER NOT NULL, Value "
    "TEXT NOT NULL DEFAULT '' CHECK (LENGTH(Value) < 191), Red INTEGER CHECK (Red BETWEEN 0 AND "
    "255), Green INTEGER CHECK (Green BETWEEN 0 AND 255), Blue INTEGER CHECK (Blue BETWEEN 0 AND "
    "255), ChildOf INTEGER CHECK(ChildOf > 0), UNIQUE (VariableId, Value), FOREIGN "
    "KEY(ChildOf) REFERENCES ENTITIES(ID) ON DELETE CASCADE, FOREIGN KEY(VariableId) REFERENCES "
    "VARIABLES(ID) ON DELETE CASCADE)",
    "CREATE TABLE DATASHORTTEXT(ID INTEGER PRIMARY KEY NOT NULL, StatementId INTEGER NOT NULL, "
    "VariableId INTEGER NOT NULL, Entity INTEGER NOT NULL, FOREIGN KEY(StatementId) REFERENCES "
    "STATEMENTS(ID) ON DELETE CASCADE, FOREIGN KEY(VariableId) REFERENCES VARIABLES(ID) ON "
    "DELETE CASCADE, FOREIGN KEY(Entity) REFERENCES ENTITIES(ID) ON DELETE CASCADE, UNIQUE "
    "(StatementId, VariableId))",
    "CREATE TABLE DATALONGTEXT(ID INTEGER PRIMARY KEY NOT NULL, StatementId INTEGER NOT NULL, "
    "VariableId INTEGER NOT NULL, Value TEXT DEFAULT '', FOREIGN KEY(StatementId) REFERENCES "
    "STATEMENTS(ID) ON DELETE CASCADE, FOREIGN KEY(VariableId) REFERENCES VARIABLES(ID) ON "
    "DELETE CASCADE, UNIQUE (StatementId, VariableId))",
    "CREATE TABLE ATTRIBUTEVARIABLES(ID INTEGER PRIMARY KEY NOT NULL, VariableId INTEGER NOT "
    "NULL, AttributeVariable TEXT NOT NULL CHECK (LENGTH(AttributeVariable) < 191), "
    "UNIQUE(VariableId, AttributeVariable), FOREIGN KEY(VariableId) REFERENCES VARIABLES(ID) ON "
    "DELETE CASCADE)",
    "CREATE TABLE ATTRIBUTEVALUES(ID INTEGER PRIMARY KEY NOT NULL, EntityId INTEGER NOT NULL, "
    "AttributeVariableId INTEGER NOT NULL, AttributeValue TEXT NOT NULL DEFAULT '' CHECK "
    "(LENGTH(AttributeValue) < 191), UNIQUE (EntityId, AttributeVariableId), FOREIGN "
    "KEY(EntityId) REFERENCES ENTITIES(ID) ON DELETE CASCADE, FOREIGN KEY(AttributeVariableId) "
    "REFERENCES ATTRIBUTEVARIABLES(ID) ON DELETE CASCADE)",
)

# Default statement types and variables of a new DNA 3.1 database: (ID, label, RGB, variables).
_DEFAULT_TYPES: Final = (
    (
        1,
        _DNA_STATEMENT,
        (239, 208, 51),
        (
            ("person", "short text"),
            ("organization", "short text"),
            ("concept", "short text"),
            ("agreement", "boolean"),
        ),
    ),
    (
        2,
        "NPF Story Element",
        (100, 200, 190),
        (
            ("narrator", "short text"),
            ("victim", "short text"),
            ("villain", "short text"),
            ("plot", "short text"),
            ("hero", "short text"),
            ("policy solution", "short text"),
        ),
    ),
    (3, "Annotation", (211, 211, 211), (("note", "long text"),)),
)

# Tables and columns the reader needs, each checked before use.
_NEEDED: Final[dict[str, tuple[str, ...]]] = {
    "DOCUMENTS": (
        "ID",
        "Title",
        "Text",
        "Coder",
        "Author",
        "Source",
        "Section",
        "Notes",
        "Type",
        "Date",
    ),
    "STATEMENTTYPES": ("ID", "Label"),
    "VARIABLES": ("ID", "Variable", "DataType", "StatementTypeId"),
    "STATEMENTS": ("ID", "StatementTypeId", "DocumentId", "Start", "Stop", "Coder"),
    "ENTITIES": ("ID", "VariableId", "Value", "Red", "Green", "Blue", "ChildOf"),
    "DATASHORTTEXT": ("ID", "StatementId", "VariableId", "Entity"),
    "DATABOOLEAN": ("ID", "StatementId", "VariableId", "Value"),
    "DATAINTEGER": ("ID", "StatementId", "VariableId", "Value"),
    "DATALONGTEXT": ("ID", "StatementId", "VariableId", "Value"),
    "CODERS": ("ID", "Name"),
    "ATTRIBUTEVARIABLES": ("ID", "VariableId", "AttributeVariable"),
    "ATTRIBUTEVALUES": ("ID", "EntityId", "AttributeVariableId", "AttributeValue"),
}

_EPOCH: Final = _dt.datetime(1970, 1, 1)
_SLUG = re.compile(r"[^0-9a-z]+")
_COLOR = re.compile(r"#([0-9a-fA-F]{2})([0-9a-fA-F]{2})([0-9a-fA-F]{2})")


# --- offsets: Java (UTF-16 code units) <-> Python (code points) ----------------------------


class _Offsets:
    """Converts between Python string indices and Java (UTF-16) indices of one text."""

    __slots__ = ("_java", "_py")

    def __init__(self, text: str) -> None:
        self._py = [] if text.isascii() else [i for i, ch in enumerate(text) if ord(ch) > 0xFFFF]
        self._java = [p + k for k, p in enumerate(self._py)]  # Java index of each astral char

    def to_java(self, i: int) -> int:
        return i + bisect_left(self._py, i)

    def to_python(self, j: int) -> int | None:
        """The code-point index of Java index ``j``, or None inside a surrogate pair."""
        k = bisect_right(self._java, j - 2)  # astral characters wholly before j
        if k < len(self._java) and self._java[k] == j - 1:
            return None
        return j - k


def _java_len(text: str) -> int:
    return len(text) if text.isascii() else len(text.encode("utf-16-le")) // 2


# --- reading --------------------------------------------------------------------------------


def _slug(name: str) -> str:
    return _SLUG.sub("-", name.casefold()).strip("-")


class _Ids:
    """Hands out unique record ids."""

    def __init__(self) -> None:
        self.used: set[str] = set()

    def take(self, wanted: str) -> str:
        rid, n = wanted, 2
        while rid in self.used:
            rid = f"{wanted}-{n}"
            n += 1
        self.used.add(rid)
        return rid


def _where(table: str, n: int, rid: object) -> str:
    return f"{table} row {n} (ID {rid!r})"


def _want_int(value: object, where: str, column: str, *, nullable: bool = False) -> Any:
    if value is None and nullable:
        return None
    if type(value) is not int:
        raise FormatError(f"{where}, column {column!r}: expected an integer, got {value!r}")
    return value


def _want_text(value: object, where: str, column: str, *, nullable: bool = False) -> Any:
    if value is None and nullable:
        return None
    if not isinstance(value, str):
        raise FormatError(f"{where}, column {column!r}: expected text, got {value!r}")
    return value


def _select(con: sqlite3.Connection, table: str) -> list[tuple[int, Sequence[Any]]]:
    """Every row of ``table`` (its needed columns), numbered from 1 in ID order."""
    cols = _NEEDED[table]
    # Table and column names come from the constant _NEEDED, never from input.
    sql = f"SELECT {', '.join(cols)} FROM {table} ORDER BY ID"  # noqa: S608
    return [(n, row) for n, row in enumerate(con.execute(sql), start=1)]


def _check_schema(con: sqlite3.Connection) -> None:
    tables = {
        name.upper()
        for (name,) in con.execute("SELECT name FROM sqlite_master WHERE type = 'table'")
        if isinstance(name, str)
    }
    missing = [t for t in _NEEDED if t not in tables]
    if missing:
        raise FormatError(
            f"missing table{'s' if len(missing) > 1 else ''} {', '.join(missing)}: "
            "not a DNA 3 database",
            errors=[f"missing table {t}" for t in missing],
        )
    if "SETTINGS" in tables:
        for prop, value in con.execute("SELECT Property, Value FROM SETTINGS"):
            if prop == "version" and isinstance(value, str) and value.startswith(("1", "2")):
                raise FormatError(
                    f"a DNA {value} database; only DNA 3 databases can be read "
                    "(open it in DNA 3 to convert it)"
                )
    for table, needed in _NEEDED.items():
        have = {row[1] for row in con.execute("SELECT * FROM pragma_table_info(?)", (table,))}
        for col in needed:
            if col not in have:
                raise FormatError(f"table {table} has no column {col!r}: not a DNA 3 database")


def _check_magic(path: Path) -> None:
    try:
        with path.open("rb") as f:
            head = f.read(len(_SQLITE_MAGIC))
    except OSError as e:
        raise FormatError(f"cannot read: {e}", path=str(path)) from None
    if head != _SQLITE_MAGIC:
        raise FormatError(
            "not a DNA database: the file is not an SQLite 3 database", path=str(path)
        )


def read_dna(path: Path) -> Corpus:
    """Read a DNA 3.x ``.dna`` database into a corpus (see the module docs for the mapping).

    The file is opened read-only and immutable, so it is never modified.

    Raises:
        FormatError: The file is not an SQLite database, lacks a DNA table or
            column, or a row holds a wrong value; the message names the table,
            the row and the column (e.g. ``DOCUMENTS row 3 (ID 3), column 'Date'``).
    """
    p = Path(path)
    _check_magic(p)
    uri = f"file:{pathname2url(str(p.resolve()))}?mode=ro&immutable=1"
    try:
        con = sqlite3.connect(uri, uri=True)
    except (sqlite3.Error, UnicodeDecodeError) as e:
        raise FormatError(f"cannot open the DNA database: {e}", path=str(p)) from None
    try:
        return _Reader(con).corpus()
    except FormatError as e:
        raise FormatError(str(e), path=str(p), errors=e.errors) from None
    except sqlite3.Error as e:
        raise FormatError(f"cannot read the DNA database: {e}", path=str(p)) from None
    except UnicodeDecodeError as e:  # sqlite3 decoding text (even its own error messages)
        raise FormatError(f"cannot read the DNA database: bad text: {e}", path=str(p)) from None
    except DiscourseError as e:
        raise FormatError(str(e), path=str(p)) from None
    finally:
        con.close()


class _Reader:
    def __init__(self, con: sqlite3.Connection) -> None:
        self.con = con
        self.ids = _Ids()

    def corpus(self) -> Corpus:
        from discourse.corpus import Corpus

        _check_schema(self.con)
        coders = self._coders()
        types = self._types()
        variables = self._variables(types)
        entities = self._entities(variables)
        attributes = self._attributes(variables)
        docs = self._documents(coders)
        values = self._values(variables, entities)
        statements = self._statements(types, docs, coders)

        dna_type = next((t for t, label in types.items() if label == _DNA_STATEMENT), None)
        var_of = {
            name: vid
            for vid, (name, dtype, tid) in variables.items()
            if tid == dna_type
            and (
                name in ("person", "organization", "concept", "agreement")
                or (name in ("target", "form") and dtype == "short text")
            )
        }
        person_var, org_var = var_of.get("person"), var_of.get("organization")

        # Entities: persons -> actors, organizations -> factions.
        for doc in docs.values():
            self.ids.used.add(doc["id"])
        entity_ids: dict[int, str] = {}
        records: list[Record] = []
        for var, make in ((person_var, self._actor), (org_var, self._faction)):
            if var is None:
                continue
            for eid, ent in entities.items():
                if ent["variable"] == var and ent["value"] != "":
                    entity_ids[eid] = self.ids.take(_slug(ent["value"]) or f"entity-{eid}")
            for eid, ent in entities.items():
                if ent["variable"] == var and eid in entity_ids:
                    records.append(
                        make(entity_ids[eid], ent, attributes.get(eid, {}), entities, entity_ids)
                    )

        # Target names resolve to the person, else the organization, of that name.
        self.by_name: dict[str, str] = {}
        for var in (org_var, person_var):
            for eid, ent in entities.items():
                if ent["variable"] == var and eid in entity_ids:
                    self.by_name[ent["value"]] = entity_ids[eid]
        self.new_targets: list[Actor] = []

        # Statements: DNA Statements with a claimant -> claims; the rest -> source attributes.
        claims: list[Claim] = []
        kept: dict[int, list[dict[str, Any]]] = {}
        pairs: dict[tuple[str, str], dict[str, None]] = {}
        for st in statements:
            vals = values.get(st["id"], {})
            doc = docs[st["document"]]
            person = self._entity_value(vals.get(person_var) if person_var else None)
            org = self._entity_value(vals.get(org_var) if org_var else None)
            if st["type"] == dna_type and (person or org):
                p_id = self._coded(vals, person_var, entity_ids, st) if person else None
                o_id = self._coded(vals, org_var, entity_ids, st) if org else None
                claimant = p_id or o_id
                if claimant is None:  # pragma: no cover - _coded raises instead
                    raise FormatError(f"{st['where']}: no claimant")
                if p_id and o_id:
                    pairs.setdefault((p_id, o_id), {})[doc["id"]] = None
                claims.append(self._claim(st, doc, claimant, vals, variables, var_of))
            else:
                kept.setdefault(st["document"], []).append(
                    self._kept_statement(st, types, vals, variables)
                )

        sources = []
        for did, doc in docs.items():
            attrs = dict(doc["attributes"])
            if did in kept:
                attrs["dna_statements"] = kept[did]
            sources.append(
                Source(
                    id=doc["id"],
                    title=doc["title"],
                    author=doc["author"],
                    publisher=doc["publisher"],
                    published=doc["published"],
                    kind=doc["kind"],
                    text=doc["text"],
                    attributes=attrs,
                )
            )
        memberships = [
            Membership(member=m, faction=f, sources=tuple(srcs)) for (m, f), srcs in pairs.items()
        ]
        return Corpus([*sources, *records, *self.new_targets, *memberships, *claims])

    # -- tables --

    def _coders(self) -> dict[int, str]:
        out = {}
        for n, (cid, name) in _select(self.con, "CODERS"):
            w = _where("CODERS", n, cid)
            out[_want_int(cid, w, "ID")] = _want_text(name, w, "Name")
        return out

    def _types(self) -> dict[int, str]:
        out = {}
        for n, (tid, label) in _select(self.con, "STATEMENTTYPES"):
            w = _where("STATEMENTTYPES", n, tid)
            out[_want_int(tid, w, "ID")] = _want_text(label, w, "Label")
        return out

    def _variables(self, types: Mapping[int, str]) -> dict[int, tuple[str, str, int | None]]:
        out = {}
        for n, (vid, name, dtype, tid) in _select(self.con, "VARIABLES"):
            w = _where("VARIABLES", n, vid)
            _want_int(vid, w, "ID")
            _want_text(name, w, "Variable")
            if dtype not in ("short text", "long text", "boolean", "integer"):
                raise FormatError(f"{w}, column 'DataType': unknown data type {dtype!r}")
            _want_int(tid, w, "StatementTypeId", nullable=True)
            out[vid] = (name, dtype, tid)
        return out

    def _entities(self, variables: Mapping[int, Any]) -> dict[int, dict[str, Any]]:
        out = {}
        for n, (eid, var, value, r, g, b, child) in _select(self.con, "ENTITIES"):
            w = _where("ENTITIES", n, eid)
            _want_int(eid, w, "ID")
            _want_int(var, w, "VariableId")
            _want_text(value, w, "Value")
            for col, c in (("Red", r), ("Green", g), ("Blue", b)):
                _want_int(c, w, col, nullable=True)
            _want_int(child, w, "ChildOf", nullable=True)
            out[eid] = {"variable": var, "value": value, "rgb": (r, g, b), "child_of": child}
        return out

    def _attributes(self, variables: Mapping[int, Any]) -> dict[int, dict[str, str]]:
        names = {}
        for n, (aid, var, name) in _select(self.con, "ATTRIBUTEVARIABLES"):
            w = _where("ATTRIBUTEVARIABLES", n, aid)
            _want_int(aid, w, "ID")
            _want_int(var, w, "VariableId")
            names[aid] = _want_text(name, w, "AttributeVariable")
        out: dict[int, dict[str, str]] = {}
        for n, (rid, eid, aid, value) in _select(self.con, "ATTRIBUTEVALUES"):
            w = _where("ATTRIBUTEVALUES", n, rid)
            _want_int(eid, w, "EntityId")
            _want_int(aid, w, "AttributeVariableId")
            _want_text(value, w, "AttributeValue")
            if aid not in names:
                raise FormatError(f"{w}, column 'AttributeVariableId': no attribute variable {aid}")
            if value != "":
                out.setdefault(eid, {})[names[aid]] = value
        return out

    def _documents(self, coders: Mapping[int, str]) -> dict[int, dict[str, Any]]:
        out = {}
        for n, row in _select(self.con, "DOCUMENTS"):
            did, title, text, coder, author, source, section, notes, dtype, date = row
            w = _where("DOCUMENTS", n, did)
            _want_int(did, w, "ID")
            for col, v in (
                ("Title", title),
                ("Text", text),
                ("Author", author),
                ("Source", source),
                ("Section", section),
                ("Notes", notes),
                ("Type", dtype),
            ):
                _want_text(v, w, col, nullable=col != "Text")
            _want_int(coder, w, "Coder", nullable=True)
            _want_int(date, w, "Date")
            published = None
            attrs: dict[str, Any] = {"dna_id": did}
            if date != 0:
                try:
                    moment = _EPOCH + _dt.timedelta(seconds=date)
                    published = PartialDate.parse(moment.date())
                except (OverflowError, ValueError, DiscourseError):
                    raise FormatError(f"{w}, column 'Date': {date} is not a valid time") from None
                if date % 86400:
                    attrs["dna_date"] = date
            if section:
                attrs["section"] = section
            if notes:
                attrs["notes"] = notes
            if coder is not None:
                if coder not in coders:
                    raise FormatError(f"{w}, column 'Coder': no coder with ID {coder}")
                attrs["coder"] = coders[coder]
            out[did] = {
                "id": f"document-{did}",
                "title": title or None,
                "text": text or None,
                "java_len": _java_len(text),
                "offsets": _Offsets(text),
                "author": author or None,
                "publisher": source or None,
                "kind": dtype or None,
                "published": published,
                "attributes": attrs,
            }
        return out

    def _values(
        self, variables: Mapping[int, Any], entities: Mapping[int, Any]
    ) -> dict[int, dict[int, tuple[str, Any]]]:
        """Map statement ID -> variable ID -> (data type, value); short texts are entity IDs."""
        out: dict[int, dict[int, tuple[str, Any]]] = {}
        for table, dtype in (
            ("DATASHORTTEXT", "short text"),
            ("DATALONGTEXT", "long text"),
            ("DATABOOLEAN", "boolean"),
            ("DATAINTEGER", "integer"),
        ):
            for n, (rid, sid, vid, value) in _select(self.con, table):
                w = _where(table, n, rid)
                _want_int(sid, w, "StatementId")
                _want_int(vid, w, "VariableId")
                if vid not in variables:
                    raise FormatError(f"{w}, column 'VariableId': no variable with ID {vid}")
                if dtype == "short text":
                    _want_int(value, w, "Entity")
                    if value not in entities:
                        raise FormatError(f"{w}, column 'Entity': no entity with ID {value}")
                elif dtype == "long text":
                    value = _want_text(value, w, "Value", nullable=True) or ""
                else:
                    _want_int(value, w, "Value")
                out.setdefault(sid, {})[vid] = (dtype, value)
        self._entity_values = {eid: e["value"] for eid, e in entities.items()}
        return out

    @staticmethod
    def _coded(
        vals: Mapping[int, tuple[str, Any]],
        var: int | None,
        entity_ids: Mapping[int, str],
        st: Mapping[str, Any],
    ) -> str:
        """The record id of the entity a statement codes for ``var``."""
        assert var is not None
        eid = vals[var][1]
        if eid not in entity_ids:
            raise FormatError(
                f"{st['where']}: entity {eid} is not an entity of the variable it is coded for"
            )
        return entity_ids[eid]

    def _entity_value(self, cell: tuple[str, Any] | None) -> str:
        if cell is None or cell[0] != "short text":
            return ""
        return str(self._entity_values.get(cell[1], ""))

    def _statements(
        self, types: Mapping[int, str], docs: Mapping[int, Any], coders: Mapping[int, str]
    ) -> list[dict[str, Any]]:
        out = []
        for n, (sid, tid, did, start, stop, coder) in _select(self.con, "STATEMENTS"):
            w = _where("STATEMENTS", n, sid)
            _want_int(sid, w, "ID")
            _want_int(tid, w, "StatementTypeId")
            _want_int(did, w, "DocumentId")
            _want_int(start, w, "Start")
            _want_int(stop, w, "Stop")
            _want_int(coder, w, "Coder", nullable=True)
            if tid not in types:
                raise FormatError(f"{w}, column 'StatementTypeId': no statement type {tid}")
            if did not in docs:
                raise FormatError(f"{w}, column 'DocumentId': no document with ID {did}")
            if coder is not None and coder not in coders:
                raise FormatError(f"{w}, column 'Coder': no coder with ID {coder}")
            doc = docs[did]
            if not 0 <= start < stop <= doc["java_len"]:
                raise FormatError(
                    f"{w}, columns 'Start'/'Stop': {start}..{stop} is not a stretch of document "
                    f"{did} ({doc['java_len']} characters)"
                )
            out.append(
                {
                    "id": sid,
                    "type": tid,
                    "document": did,
                    "start": start,
                    "stop": stop,
                    "coder": coders.get(coder) if coder is not None else None,
                    "where": w,
                }
            )
        return out

    # -- records --

    def _entity_fields(
        self, ent: Mapping[str, Any], attrs: Mapping[str, str]
    ) -> tuple[tuple[str, ...], str | None, dict[str, Any]]:
        extra: dict[str, Any] = {k: v for k, v in attrs.items() if k not in ("Alias", "Notes")}
        r, g, b = ent["rgb"]
        if r is not None and g is not None and b is not None:
            extra["dna_color"] = f"#{r:02x}{g:02x}{b:02x}"
        aliases = (attrs["Alias"],) if attrs.get("Alias") else ()
        return aliases, attrs.get("Notes") or None, extra

    def _actor(
        self,
        rid: str,
        ent: Mapping[str, Any],
        attrs: Mapping[str, str],
        entities: Mapping[int, Any],
        entity_ids: Mapping[int, str],
    ) -> Actor:
        aliases, description, extra = self._entity_fields(ent, attrs)
        if ent["child_of"] in entities:
            extra["dna_child_of"] = entities[ent["child_of"]]["value"]
        return Actor(
            id=rid, name=ent["value"], aliases=aliases, description=description, attributes=extra
        )

    def _faction(
        self,
        rid: str,
        ent: Mapping[str, Any],
        attrs: Mapping[str, str],
        entities: Mapping[int, Any],
        entity_ids: Mapping[int, str],
    ) -> Faction:
        aliases, description, extra = self._entity_fields(ent, attrs)
        parent = None
        child_of = ent["child_of"]
        if child_of in entities:
            parent_ent = entities[child_of]
            if parent_ent["variable"] == ent["variable"] and child_of in entity_ids:
                parent = entity_ids[child_of]
            else:
                extra["dna_child_of"] = parent_ent["value"]
        if parent == rid:
            parent = None
        return Faction(
            id=rid,
            name=ent["value"],
            parent=parent,
            aliases=aliases,
            description=description,
            attributes=extra,
        )

    def _claim(
        self,
        st: Mapping[str, Any],
        doc: Mapping[str, Any],
        claimant: str,
        vals: Mapping[int, tuple[str, Any]],
        variables: Mapping[int, tuple[str, str, int | None]],
        var_of: Mapping[str, int],
    ) -> Claim:
        offsets: _Offsets = doc["offsets"]
        start, end = offsets.to_python(st["start"]), offsets.to_python(st["stop"])
        if start is None or end is None:
            raise FormatError(
                f"{st['where']}, columns 'Start'/'Stop': the offsets split a character in two"
            )
        text = doc["text"] or ""
        concept = self._entity_value(vals.get(var_of["concept"])) if "concept" in var_of else ""
        stance = None
        attrs: dict[str, Any] = {"dna_id": st["id"]}
        agreement = vals.get(var_of["agreement"]) if "agreement" in var_of else None
        if agreement is not None:
            if agreement[1] == 1:
                stance = Stance.SUPPORT
            elif agreement[1] == 0:
                stance = Stance.OPPOSE
            else:
                attrs["agreement"] = agreement[1]
        if st["coder"] is not None:
            attrs["coder"] = st["coder"]
        target = self._entity_value(vals.get(var_of["target"])) if "target" in var_of else ""
        target = target if target.strip() else ""
        form = self._entity_value(vals.get(var_of["form"])) if "form" in var_of else ""
        if form and form not in ClaimForm._value2member_map_:
            attrs["form"] = form
            form = ""
        known = set(var_of.values())
        for vid, (dtype, value) in vals.items():
            if vid not in known:
                name = variables[vid][0]
                attrs[name] = self._entity_value((dtype, value)) if dtype == "short text" else value
        published: PartialDate | None = doc["published"]
        return Claim(
            id=self.ids.take(f"statement-{st['id']}"),
            claimant=claimant,
            form=form or ClaimForm.STATEMENT,
            target=self._target(target) if target else None,
            issue=concept or None,
            stance=stance,
            date=published,
            evidence=(Span(source=doc["id"], start=start, end=end, text=text[start:end]),),
            attributes=attrs,
        )

    def _target(self, name: str) -> str:
        """The id of the person or organization called ``name``; a new actor if none is."""
        if name not in self.by_name:
            actor = Actor(id=self.ids.take(_slug(name) or "target"), name=name)
            self.new_targets.append(actor)
            self.by_name[name] = actor.id
        return self.by_name[name]

    def _kept_statement(
        self,
        st: Mapping[str, Any],
        types: Mapping[int, str],
        vals: Mapping[int, tuple[str, Any]],
        variables: Mapping[int, tuple[str, str, int | None]],
    ) -> dict[str, Any]:
        out: dict[str, Any] = {
            "dna_id": st["id"],
            "type": types[st["type"]],
            "start": st["start"],
            "stop": st["stop"],
        }
        if st["coder"] is not None:
            out["coder"] = st["coder"]
        out["variables"] = {variables[v][0]: variables[v][1] for v in sorted(vals)}
        out["values"] = {
            variables[v][0]: self._entity_value((d, x)) if d == "short text" else x
            for v, (d, x) in sorted(vals.items())
        }
        return out


# --- writing --------------------------------------------------------------------------------


def _hash_password(password: str) -> str:
    """Jasypt's StrongPasswordEncryptor digest, as DNA stores it (salt + SHA-256 x 100000)."""
    salt = secrets.token_bytes(16)
    digest = hashlib.sha256(salt + password.encode("utf-8")).digest()
    for _ in range(100_000 - 1):
        digest = hashlib.sha256(digest).digest()
    return base64.b64encode(salt + digest).decode("ascii")


def _seconds(day: PartialDate) -> int:
    d = day.first
    return int(_dt.datetime(d.year, d.month, d.day, tzinfo=_dt.timezone.utc).timestamp())


def _read_date(published: PartialDate | None) -> PartialDate | None:
    """The date a document gets when read back (day precision)."""
    if published is None:
        return None
    return published if published.precision == "day" else PartialDate.parse(published.first)


class _Losses:
    def __init__(self) -> None:
        self.counts: dict[str, int] = {}

    def add(self, key: str, n: int | bool = 1) -> None:
        if n:
            self.counts[key] = self.counts.get(key, 0) + int(n)


def _fit(value: str | None, key: str, losses: _Losses) -> str:
    """A short text DNA accepts (at most 190 characters); longer ones are cut."""
    if value is None:
        return ""
    if len(value) > _MAX:
        losses.add(key)
        return value[:_MAX]
    return value


def _rgb(value: object) -> tuple[int, int, int]:
    m = _COLOR.fullmatch(value) if isinstance(value, str) else None
    if m is None:
        return (0, 0, 0)
    return (int(m.group(1), 16), int(m.group(2), 16), int(m.group(3), 16))


class _Writer:
    def __init__(self, con: sqlite3.Connection, corpus: Corpus, password: str) -> None:
        self.con = con
        self.corpus = corpus
        self.password_hash = _hash_password(password)  # one salted digest serves every coder
        self.losses = _Losses()
        self.coders: dict[str, int] = {}
        self.types: dict[str, int] = {}
        self.variables: dict[tuple[int, str], tuple[int, str]] = {}  # (type, name) -> (id, dtype)
        self.entities: dict[tuple[int, str], int] = {}  # (variable, value) -> id
        self.attr_vars: dict[tuple[int, str], int] = {}  # (variable, name) -> id
        self.attr_values: dict[int, dict[int, str]] = {}  # entity -> attr var -> value
        self.next_statement = 1
        self.doc_len: dict[int, int] = {}
        self.entity_value: dict[str, tuple[int, str]] = {}  # record id -> (variable, value)

    # -- setup --

    def create(self) -> None:
        cur = self.con.cursor()
        for ddl in _SCHEMA:
            cur.execute(ddl)
        cur.execute(
            "INSERT INTO CODERS (ID, Name, Red, Green, Blue, Password, "
            "PermissionEditStatementTypes, PermissionEditCoders, PermissionEditOthersDocuments, "
            "PermissionEditOthersStatements) VALUES (1, 'Admin', 255, 255, 0, ?, 1, 1, 1, 1)",
            (self.password_hash,),
        )
        self.coders["Admin"] = 1
        cur.executemany(
            "INSERT INTO SETTINGS (Property, Value) VALUES (?, ?)",
            (("version", DNA_VERSION), ("date", DNA_DATE)),
        )
        vid = 0
        for tid, label, (r, g, b), variables in _DEFAULT_TYPES:
            cur.execute(
                "INSERT INTO STATEMENTTYPES (ID, Label, Red, Green, Blue) VALUES (?, ?, ?, ?, ?)",
                (tid, label, r, g, b),
            )
            self.types[label] = tid
            for name, dtype in variables:
                vid += 1
                self._insert_variable(vid, tid, name, dtype)
        for name in _ENTITY_ATTRIBUTES:
            for var in (1, 2, 3):
                self._attr_var(var, name)

    def _insert_variable(self, vid: int, tid: int, name: str, dtype: str) -> None:
        self.con.execute(
            "INSERT INTO VARIABLES (ID, Variable, DataType, StatementTypeId) VALUES (?, ?, ?, ?)",
            (vid, name, dtype, tid),
        )
        self.variables[(tid, name)] = (vid, dtype)

    def _attr_var(self, var: int, name: str) -> int:
        key = (var, name)
        if key not in self.attr_vars:
            cur = self.con.execute(
                "INSERT INTO ATTRIBUTEVARIABLES (VariableId, AttributeVariable) VALUES (?, ?)",
                (var, name),
            )
            self.attr_vars[key] = int(cur.lastrowid or 0)
        return self.attr_vars[key]

    def _coder(self, name: object) -> int:
        if not isinstance(name, str) or not name or len(name) > _MAX:
            return 1
        if name not in self.coders:
            cur = self.con.execute(
                "INSERT INTO CODERS (Name, Password) VALUES (?, ?)",
                (name, self.password_hash),
            )
            new = int(cur.lastrowid or 0)
            for other in self.coders.values():
                self.con.executemany(
                    "INSERT INTO CODERRELATIONS (Coder, OtherCoder) VALUES (?, ?)",
                    ((new, other), (other, new)),
                )
            self.coders[name] = new
        return self.coders[name]

    def _entity(
        self,
        var: int,
        value: str,
        rgb: tuple[int, int, int] = (0, 0, 0),
        child_of: int | None = None,
    ) -> int:
        key = (var, value)
        if key not in self.entities:
            cur = self.con.execute(
                "INSERT INTO ENTITIES (VariableId, Value, Red, Green, Blue, ChildOf) "
                "VALUES (?, ?, ?, ?, ?, ?)",
                (var, value, *rgb, child_of),
            )
            eid = int(cur.lastrowid or 0)
            self.entities[key] = eid
            self.attr_values[eid] = {}
        return self.entities[key]

    def _type(self, label: str, variables: Mapping[str, str]) -> int:
        if label not in self.types:
            cur = self.con.execute("INSERT INTO STATEMENTTYPES (Label) VALUES (?)", (label,))
            self.types[label] = int(cur.lastrowid or 0)
        tid = self.types[label]
        for name, dtype in variables.items():
            if (tid, name) not in self.variables:
                vid = 1 + max((v for v, _ in self.variables.values()), default=0)
                self._insert_variable(vid, tid, name, dtype)
        return tid

    # -- content --

    def write(self) -> dict[str, int]:
        self.create()
        corpus = self.corpus
        for key in ("events",):
            self.losses.add(key, corpus.count()[key])
        # Entities first: persons (variable 1) and organizations (variable 2).
        self._reserve_empty_entities()
        person_entity = self._entities_of(corpus.actors, 1, "actors")
        org_entity = self._entities_of(corpus.factions, 2, "factions")
        self._parents(org_entity)
        docs = self._documents()
        pairs = self._statements(docs, person_entity, org_entity)
        self._memberships(pairs)
        self._attribute_values()
        return self.losses.counts

    def _reserve_empty_entities(self) -> None:
        for var in (1, 2, 3):
            self._entity(var, "")

    def _entities_of(
        self, records: Iterable[Actor | Faction], var: int, table: str
    ) -> dict[str, int]:
        out: dict[str, int] = {}
        losses = self.losses
        for r in records:
            value = _fit(r.name, f"{table}.name", losses)
            n = 1
            while (var, value) in self.entities:  # DNA entity values are unique per variable
                value = _fit(r.name, f"{table}.name", _Losses())
                suffix = f" [{r.id}]" if n == 1 else f" [{r.id} {n}]"
                value = value[: _MAX - len(suffix)] + suffix
                n += 1
            if n > 1:
                losses.add(f"{table}.name")
            eid = self._entity(var, value, _rgb(r.attributes.get("dna_color")))
            out[r.id] = eid
            self.entity_value[r.id] = (var, value)
            vals = self.attr_values[eid]
            if r.aliases:
                vals[self._attr_var(var, "Alias")] = _fit(r.aliases[0], f"{table}.aliases", losses)
                losses.add(f"{table}.aliases", len(r.aliases) - 1)
            if r.description:
                vals[self._attr_var(var, "Notes")] = _fit(
                    r.description, f"{table}.description", losses
                )
            for k, v in r.attributes.items():
                if k in ("dna_color", "dna_child_of"):
                    continue
                if (
                    k in ("Alias", "Notes")
                    or not isinstance(v, str)
                    or not v
                    or not k
                    or len(k) > _MAX
                ):
                    losses.add(f"{table}.attributes")
                    continue
                vals[self._attr_var(var, k)] = _fit(v, f"{table}.attributes", losses)
            losses.add(f"{table}.identifiers", len(r.identifiers) > 0)
            losses.add(f"{table}.evidence", len(r.evidence))
            losses.add(f"{table}.confidence", r.confidence is not None)
            if isinstance(r, Actor):
                losses.add("actors.kind", r.kind is not ActorKind.PERSON)
            else:
                losses.add("factions.kind", r.kind is not FactionKind.GROUP)
        return out

    def _parents(self, org_entity: Mapping[str, int]) -> None:
        for f in self.corpus.factions:
            if f.parent is not None:
                if f.parent in org_entity:
                    self.con.execute(
                        "UPDATE ENTITIES SET ChildOf = ? WHERE ID = ?",
                        (org_entity[f.parent], org_entity[f.id]),
                    )
                else:
                    self.losses.add("factions.parent")

    def _documents(self) -> dict[str, tuple[int, Source, _Offsets]]:
        losses = self.losses
        used: set[int] = set()
        wanted: dict[str, int] = {}
        for s in self.corpus.sources:
            dna_id = s.attributes.get("dna_id")
            if type(dna_id) is int and dna_id > 0 and dna_id not in used:
                used.add(dna_id)
                wanted[s.id] = dna_id
        next_id = 1
        out: dict[str, tuple[int, Source, _Offsets]] = {}
        for s in self.corpus.sources:
            did = wanted.get(s.id)
            if did is None:
                while next_id in used:
                    next_id += 1
                did = next_id
                used.add(did)
            a = s.attributes
            date = 0
            if s.published is not None:
                date = _seconds(s.published)
                losses.add("sources.published", s.published.precision != "day")
                raw = a.get("dna_date")
                if type(raw) is int and raw // 86400 == date // 86400:
                    date = raw
            for k in a:
                if k not in ("dna_id", "dna_date", "section", "notes", "coder", "dna_statements"):
                    losses.add("sources.attributes")
            losses.add("sources.url", s.url is not None)
            text = s.text or ""
            self.con.execute(
                "INSERT INTO DOCUMENTS (ID, Title, Text, Coder, Author, Source, Section, Notes, "
                "Type, Date) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (
                    did,
                    _fit(s.title, "sources.title", losses),
                    text,
                    self._coder(a.get("coder")),
                    _fit(s.author, "sources.author", losses),
                    _fit(s.publisher, "sources.publisher", losses),
                    _fit(
                        a.get("section") if isinstance(a.get("section"), str) else None,
                        "sources.attributes",
                        losses,
                    ),
                    a.get("notes") if isinstance(a.get("notes"), str) else "",
                    _fit(s.kind, "sources.kind", losses),
                    date,
                ),
            )
            out[s.id] = (did, s, _Offsets(text))
            self.doc_len[did] = _java_len(text)
        return out

    def _statements(
        self,
        docs: Mapping[str, tuple[int, Source, _Offsets]],
        person_entity: Mapping[str, int],
        org_entity: Mapping[str, int],
    ) -> dict[tuple[str, str], dict[str, None]]:
        losses = self.losses
        corpus = self.corpus
        used = {
            c.attributes["dna_id"]
            for c in corpus.claims()
            if type(c.attributes.get("dna_id")) is int and c.attributes["dna_id"] > 0
        }
        for _, s, _ in docs.values():
            for kept in s.attributes.get("dna_statements", ()) or ():
                if isinstance(kept, Mapping) and type(kept.get("dna_id")) is int:
                    used.add(kept["dna_id"])
        taken: set[int] = set()

        def statement_id(wanted: object) -> int:
            if type(wanted) is int and wanted > 0 and wanted not in taken:
                taken.add(wanted)
                return wanted
            while self.next_statement in used or self.next_statement in taken:
                self.next_statement += 1
            taken.add(self.next_statement)
            return self.next_statement

        pairs: dict[tuple[str, str], dict[str, None]] = {}
        vid = {
            name: self.variables[(1, name)][0]
            for name in ("person", "organization", "concept", "agreement")
        }
        # Targets and forms have no DNA default variable: add short-text ones when needed.
        for name, needed in (
            ("target", any(c.target is not None for c in corpus.claims())),
            ("form", any(c.form is not ClaimForm.STATEMENT for c in corpus.claims())),
        ):
            if needed:
                self._type(_DNA_STATEMENT, {name: "short text"})
                vid[name] = self.variables[(1, name)][0]
                self._entity(vid[name], "")
        persons = {v for var, v in self.entity_value.values() if var == 1}
        for c in corpus.claims():
            span = next(
                (
                    sp
                    for sp in c.evidence
                    if sp.source in docs
                    and docs[sp.source][1].text
                    and sp.end <= len(docs[sp.source][1].text or "")
                ),
                None,
            )
            if span is None:
                losses.add("claims")
                continue
            did, source, offsets = docs[span.source]
            text = source.text or ""
            person_id: str | None = None
            org_id: str | None = None
            claimant = corpus.get(c.claimant)
            if isinstance(claimant, Actor):
                person_id = c.claimant
                fs = (
                    corpus.factions_of(c.claimant, at=c.date)
                    if c.date
                    else corpus.factions_of(c.claimant)
                )
                if fs:
                    org_id = fs[0].id
            elif isinstance(claimant, Faction):
                org_id = c.claimant
            else:
                losses.add("claims")
                continue
            sid = statement_id(c.attributes.get("dna_id"))
            self.con.execute(
                "INSERT INTO STATEMENTS (ID, StatementTypeId, DocumentId, Start, Stop, Coder) "
                "VALUES (?, 1, ?, ?, ?, ?)",
                (
                    sid,
                    did,
                    offsets.to_java(span.start),
                    offsets.to_java(span.end),
                    self._coder(c.attributes.get("coder")),
                ),
            )
            person_e = person_entity[person_id] if person_id else self.entities[(1, "")]
            org_e = org_entity[org_id] if org_id else self.entities[(2, "")]
            concept = self._entity(3, _fit(c.issue, "claims.issue", losses))
            losses.add("claims.issue", c.issue == "")  # an empty concept reads back as no issue
            self.con.executemany(
                "INSERT INTO DATASHORTTEXT (StatementId, VariableId, Entity) VALUES (?, ?, ?)",
                (
                    (sid, vid["person"], person_e),
                    (sid, vid["organization"], org_e),
                    (sid, vid["concept"], concept),
                ),
            )
            if "target" in vid:
                value = self._target_value(c, persons)
                self.con.execute(
                    "INSERT INTO DATASHORTTEXT (StatementId, VariableId, Entity) VALUES (?, ?, ?)",
                    (sid, vid["target"], self._entity(vid["target"], value)),
                )
            if "form" in vid:
                self.con.execute(
                    "INSERT INTO DATASHORTTEXT (StatementId, VariableId, Entity) VALUES (?, ?, ?)",
                    (sid, vid["form"], self._entity(vid["form"], c.form.value)),
                )
            agreement = 0 if c.stance is Stance.OPPOSE else 1
            losses.add("claims.stance", c.stance is None or c.stance is Stance.NEUTRAL)
            self.con.execute(
                "INSERT INTO DATABOOLEAN (StatementId, VariableId, Value) VALUES (?, ?, ?)",
                (sid, vid["agreement"], agreement),
            )
            if person_id and org_id:
                pairs.setdefault((person_id, org_id), {})[span.source] = None
            # What a DNA Statement cannot hold.
            losses.add("claims.evidence", len(c.evidence) - 1)
            if span.text is not None and span.text != text[span.start : span.end]:
                losses.add("claims.evidence.text")
            for name in ("addressee", "text", "quote", "confidence"):
                losses.add(f"claims.{name}", getattr(c, name) is not None)
            losses.add("claims.supports", len(c.supports))
            losses.add("claims.attacks", len(c.attacks))
            losses.add("claims.date", c.date != _read_date(source.published))
            losses.add("claims.attributes", any(k not in ("dna_id", "coder") for k in c.attributes))
        for did, source, _ in docs.values():
            for kept in source.attributes.get("dna_statements", ()) or ():
                self._kept(did, kept, statement_id)
        return pairs

    def _target_value(self, c: Claim, persons: set[str]) -> str:
        """The entity value naming the claim's target ('' when none or not writable)."""
        if c.target is None:
            return ""
        found = self.entity_value.get(c.target)
        if found is None or (found[0] == 2 and found[1] in persons):
            self.losses.add("claims.target")  # not in the corpus, or read back as a person
            return ""
        return found[1]

    def _kept(self, did: int, kept: object, statement_id: Any) -> None:
        if not isinstance(kept, Mapping):
            self.losses.add("sources.attributes")
            return
        label, start, stop = kept.get("type"), kept.get("start"), kept.get("stop")
        variables = kept.get("variables") or {}
        values = kept.get("values") or {}
        if (
            not isinstance(label, str)
            or not label
            or type(start) is not int
            or type(stop) is not int
            or not 0 <= start < stop <= self.doc_len[did]
            or not isinstance(variables, Mapping)
            or not isinstance(values, Mapping)
            or any(
                d not in ("short text", "long text", "boolean", "integer")
                for d in variables.values()
            )
        ):
            self.losses.add("sources.attributes")
            return
        tid = self._type(label, variables)
        sid = statement_id(kept.get("dna_id"))
        self.con.execute(
            "INSERT INTO STATEMENTS (ID, StatementTypeId, DocumentId, Start, Stop, Coder) "
            "VALUES (?, ?, ?, ?, ?, ?)",
            (sid, tid, did, start, stop, self._coder(kept.get("coder"))),
        )
        for name, value in values.items():
            if (tid, name) not in self.variables:
                self.losses.add("sources.attributes")
                continue
            var, dtype = self.variables[(tid, name)]
            if dtype == "short text":
                eid = self._entity(var, _fit(str(value), "sources.attributes", self.losses))
                self.con.execute(
                    "INSERT INTO DATASHORTTEXT (StatementId, VariableId, Entity) VALUES (?, ?, ?)",
                    (sid, var, eid),
                )
            elif dtype == "long text":
                self.con.execute(
                    "INSERT INTO DATALONGTEXT (StatementId, VariableId, Value) VALUES (?, ?, ?)",
                    (sid, var, str(value)),
                )
            else:
                table = "DATABOOLEAN" if dtype == "boolean" else "DATAINTEGER"
                self.con.execute(
                    f"INSERT INTO {table} (StatementId, VariableId, Value) VALUES (?, ?, ?)",  # noqa: S608
                    (sid, var, int(value) if isinstance(value, (int, float)) else 0),
                )

    def _memberships(self, pairs: Mapping[tuple[str, str], Mapping[str, None]]) -> None:
        for m in self.corpus.memberships:
            carried = pairs.get((m.member, m.faction))
            if carried is None:
                self.losses.add("memberships")
                continue
            for name in ("role", "start", "end", "confidence"):
                self.losses.add(f"memberships.{name}", getattr(m, name) is not None)
            self.losses.add("memberships.evidence", len(m.evidence))
            self.losses.add("memberships.attributes", len(m.attributes) > 0)
            self.losses.add("memberships.sources", bool(m.sources) and tuple(carried) != m.sources)

    def _attribute_values(self) -> None:
        rows = []
        for (var, _value), eid in self.entities.items():
            if var not in (1, 2, 3):
                continue
            vals = self.attr_values.get(eid, {})
            for (v, _name), aid in self.attr_vars.items():
                if v == var:
                    rows.append((eid, aid, vals.get(aid, "")))
        self.con.executemany(
            "INSERT INTO ATTRIBUTEVALUES (EntityId, AttributeVariableId, AttributeValue) "
            "VALUES (?, ?, ?)",
            rows,
        )


def write_dna(corpus: Corpus, path: Path, *, password: str = DEFAULT_PASSWORD) -> None:
    """Write ``corpus`` as a DNA 3 database that DNA 3.1 opens, atomically.

    Args:
        corpus: The corpus.
        path: The ``.dna`` file to write (replaced only when complete).
        password: The password of the ``Admin`` coder (and of any other coder
            named in the records' ``coder`` attribute).

    Warns:
        LossWarning: Naming every field DNA cannot carry, with counts, e.g.
            ``claims.target (12)``, ``events (3)``, ``claims (2)`` (claims
            without an evidence span in a source text are left out).

    Raises:
        FormatError: The database cannot be written.
    """
    p = Path(path)
    try:
        with atomic_path(p) as tmp:
            con = sqlite3.connect(str(tmp), isolation_level=None)
            try:
                con.execute("PRAGMA foreign_keys = ON")
                con.execute("BEGIN")  # one transaction: tables and rows, one sync at the end
                losses = _Writer(con, corpus, password).write()
                con.execute("COMMIT")
            finally:
                con.close()
    except sqlite3.Error as e:
        raise FormatError(f"cannot write the DNA database: {e}", path=str(p)) from None
    except UnicodeEncodeError as e:
        raise FormatError(f"cannot encode text as UTF-8: {e}", path=str(p)) from None
    if losses:
        warnings.warn(LossWarning("dna", losses), stacklevel=3)


FORMAT = Format(
    name="dna",
    extensions=(".dna",),
    description="Discourse Network Analyzer 3 database (SQLite)",
    lossless=False,
    carries=(
        "documents as sources; 'DNA Statement's as claims (person or organization as claimant, "
        "concept as issue, agreement as stance toward the issue, text selection as evidence, "
        "target and form in added variables); "
        "persons as actors, organizations as factions, person-organization pairs as memberships; "
        "entity attributes; other statement types in source attributes"
    ),
    drops=(
        "events; claim addressees, texts, quotes, "
        "supports/attacks, confidence; claims without an evidence span in a source text; "
        "membership roles and dates; identifiers; non-text attributes"
    ),
    read=read_dna,
    write=write_dna,
    binary=True,
)
