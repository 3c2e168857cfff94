"""A persistent, SQLite-backed corpus with the query methods of :class:`~discourse.Corpus`.

:class:`Store` keeps records on disk in one SQLite file (stdlib :mod:`sqlite3`,
WAL mode), so a corpus can outgrow memory or be built up over months:

- every record is stored as JSON (through :mod:`discourse.convert`, the same
  converter the JSON formats use) beside indexed columns for the query keys
  (claimant, target, stance, form, issue, evidence sources, dates,
  memberships, names);
- :meth:`Store.extend` is one transaction: a crash in the middle loses
  nothing committed before and leaves no half-written record;
- readers in other processes keep reading while one process writes; a writer
  waits for another writer (``busy_timeout`` plus a retry loop) instead of
  failing with "database is locked";
- the schema version is stored in the file and checked on opening.

Examples:
    >>> import tempfile, pathlib
    >>> import discourse as dc
    >>> from discourse.store import Store
    >>> path = pathlib.Path(tempfile.mkdtemp()) / "corpus.db"
    >>> with Store(path) as store:
    ...     store.extend([dc.Actor(id="jc", name="Jeremy Corbyn"),
    ...                   dc.Claim(id="c1", claimant="jc", target="jc", stance="support")])
    ...     [c.id for c in store.claims(claimant="jc")]
    ['c1']
"""

from __future__ import annotations

import contextlib
import json
import os
import random
import sqlite3
import time
from collections.abc import Callable, Iterable, Iterator
from itertools import islice
from pathlib import Path
from types import TracebackType
from typing import TYPE_CHECKING, Any, TypeVar, overload

from discourse._queries import Entity, SharedQueries
from discourse.convert import decode_json, encode_json, structure_record, unstructure_record
from discourse.errors import (
    DiscourseError,
    DuplicateIdError,
    FormatError,
    RecordNotFoundError,
    StoreError,
    ValidationError,
)
from discourse.io._atomic import atomic_path
from discourse.model import (
    Actor,
    Claim,
    ClaimForm,
    DateLike,
    Event,
    Faction,
    Membership,
    Record,
    Source,
    Stance,
    to_partial_date,
)

if TYPE_CHECKING:
    from discourse.corpus import Corpus

__all__ = ["SCHEMA_VERSION", "Store", "to_store"]

SCHEMA_VERSION = 1
"""The version of the on-disk layout this module reads and writes."""

# "DSCR": marks an SQLite file as a discourse store (PRAGMA application_id).
_APPLICATION_ID = 0x44534352

_R = TypeVar("_R", Actor, Faction, Claim, Event, Source)
_T = TypeVar("_T")
PathLike = str | os.PathLike[str]

# Kind codes of the records table, in the order Corpus iterates.
_SOURCE, _ACTOR, _FACTION, _EVENT, _CLAIM = 0, 1, 2, 4, 5
_KIND_OF: dict[type, int] = {
    Source: _SOURCE,
    Actor: _ACTOR,
    Faction: _FACTION,
    Event: _EVENT,
    Claim: _CLAIM,
}
_CLASS_OF: dict[int, type] = {v: k for k, v in _KIND_OF.items()}
_TABLE_NAME = {
    _SOURCE: "sources",
    _ACTOR: "actors",
    _FACTION: "factions",
    _EVENT: "events",
    _CLAIM: "claims",
}

_BATCH = 1000  # rows fetched at a time when streaming
_CHUNK = 2000  # records inserted per round of executemany()
_INSERT_CLAIM = (
    "INSERT INTO claims (seq, claimant, target, stance, form, issue, date_first, date_last, date_key)"
    " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)"
)
_TABLES_BY_SEQ = ("claims", "claim_sources", "factions", "names", "events", "event_refs", "records")

_SCHEMA = """
CREATE TABLE records (
    seq  INTEGER PRIMARY KEY,
    id   TEXT NOT NULL UNIQUE,
    kind INTEGER NOT NULL,
    data TEXT NOT NULL
);
CREATE INDEX records_kind ON records (kind, seq);
CREATE TABLE claims (
    seq        INTEGER PRIMARY KEY REFERENCES records (seq) ON DELETE CASCADE,
    claimant   TEXT NOT NULL,
    target     TEXT,
    stance     TEXT,
    form       TEXT NOT NULL,
    issue      TEXT,
    date_first TEXT,
    date_last  TEXT,
    date_key   INTEGER
);
CREATE INDEX claims_claimant ON claims (claimant);
CREATE INDEX claims_target ON claims (target, stance);
CREATE INDEX claims_issue ON claims (issue);
CREATE INDEX claims_date ON claims (date_first);
CREATE TABLE claim_sources (
    source TEXT NOT NULL,
    seq    INTEGER NOT NULL,
    PRIMARY KEY (source, seq)
) WITHOUT ROWID;
CREATE TABLE factions (
    seq    INTEGER PRIMARY KEY,
    parent TEXT
);
CREATE INDEX factions_parent ON factions (parent);
CREATE TABLE names (
    name TEXT NOT NULL,
    seq  INTEGER NOT NULL,
    PRIMARY KEY (name, seq)
) WITHOUT ROWID;
CREATE TABLE events (
    seq         INTEGER PRIMARY KEY,
    start_first TEXT,
    start_last  TEXT,
    date_key    INTEGER
);
CREATE INDEX events_date ON events (date_key) WHERE date_key IS NOT NULL;
CREATE TABLE event_refs (
    ref TEXT NOT NULL,
    seq INTEGER NOT NULL,
    PRIMARY KEY (ref, seq)
) WITHOUT ROWID;
CREATE TABLE memberships (
    seq         INTEGER PRIMARY KEY,
    member      TEXT NOT NULL,
    faction     TEXT NOT NULL,
    start_first TEXT,
    end_last    TEXT,
    data        TEXT NOT NULL UNIQUE
);
CREATE INDEX memberships_member ON memberships (member);
CREATE INDEX memberships_faction ON memberships (faction);
"""

_CLAIM_FIELDS = "r.seq, r.data"


def _dumps(data: Any, *, canonical: bool = False) -> str:
    if canonical:  # one text per distinct membership: the UNIQUE key of its row
        try:
            return json.dumps(
                data, ensure_ascii=False, allow_nan=False, separators=(",", ":"), sort_keys=True
            )
        except (TypeError, ValueError) as e:
            raise FormatError(f"cannot encode as JSON: {e}") from None
    return encode_json(data).decode("utf-8")


def _is_busy(e: sqlite3.OperationalError) -> bool:
    msg = str(e).lower()
    return "locked" in msg or "busy" in msg


def _date_key(d: Any) -> int:
    y, m, dd = d._key()
    return int(y) * 10000 + int(m) * 100 + int(dd)


def _value(x: object) -> str | None:
    return None if x is None else str(x)


class Store(SharedQueries):
    """A corpus kept in an SQLite file, with the query methods of :class:`~discourse.Corpus`.

    Opening a path that does not exist creates an empty store there. Queries
    return the same records, in the same order, as the same queries on a
    :class:`~discourse.Corpus` holding the same records (see the notes on
    ordering in ``docs/store.md``); iterating a store streams its records in
    constant memory.

    Each :meth:`add`, :meth:`extend`, :meth:`replace` and :meth:`remove` is
    one transaction. Several processes may open the same store: readers are
    never blocked; a writer waits up to ``timeout`` seconds for another
    writer's transaction to finish. Use one ``Store`` object per thread (any
    number may be open on one file); one object may be handed from thread to
    thread but not used by two at once.

    Args:
        path: The store file (conventionally ``*.db``).
        create: Create the store when ``path`` does not exist (else raise).
        timeout: Seconds a writer waits for another writer before giving up.
        durable: Also survive power loss and OS crashes (``synchronous=FULL``:
            one fsync per transaction). Without it, a process crash (even
            ``kill -9``) loses nothing committed, but an OS crash may roll back
            the last transactions.

    Raises:
        StoreError: ``path`` is not a discourse store (another SQLite
            database, or not SQLite at all), was written by a newer schema
            version, or cannot be opened.

    Examples:
        >>> import discourse as dc  # doctest: +SKIP
        >>> with Store("labour.db") as store:  # doctest: +SKIP
        ...     store.extend(dc.load("labour.jsonl"))
        ...     store.claims(target="jeremy-corbyn", stance="oppose")
    """

    __slots__ = ("_conn", "_path", "_timeout")

    def __init__(
        self, path: PathLike, *, create: bool = True, timeout: float = 60.0, durable: bool = False
    ) -> None:
        self._path = Path(path)
        self._timeout = float(timeout)
        p = self._path
        if p.is_dir():
            raise StoreError(f"{p}: is a directory, not a store file")
        if not p.exists() and not create:
            raise StoreError(f"{p}: no such store (pass create=True to make one)")
        try:
            self._conn = sqlite3.connect(
                str(p),
                timeout=min(self._timeout, 5.0),
                isolation_level=None,
                check_same_thread=False,
            )
        except sqlite3.Error as e:
            raise StoreError(f"{p}: cannot open the store: {e}") from None
        try:
            self._open(durable=durable)
        except BaseException:
            self._conn.close()
            raise

    # --- opening ----------------------------------------------------------------------------

    def _open(self, *, durable: bool) -> None:
        p = self._path
        try:
            app_id, version, ntables = self._retry(self._header)
        except sqlite3.DatabaseError as e:
            raise StoreError(f"{p}: not a discourse store (not an SQLite database: {e})") from None
        if app_id == 0 and version == 0 and ntables == 0:
            self._create()
        elif app_id != _APPLICATION_ID:
            raise StoreError(
                f"{p}: not a discourse store (an SQLite database of another application, "
                f"application_id {app_id:#x})"
            )
        elif version != SCHEMA_VERSION:
            newer = "a newer" if version > SCHEMA_VERSION else "an older"
            raise StoreError(
                f"{p}: store schema version {version} was written by {newer} version of discourse; "
                f"this version reads schema version {SCHEMA_VERSION}"
            )
        c = self._conn
        try:
            self._retry(lambda: c.execute("PRAGMA journal_mode=WAL").fetchone())
            c.execute(
                f"PRAGMA synchronous={'FULL' if durable else 'NORMAL'}"
            )  # sql-safe: PRAGMA takes no parameters
            c.execute(
                f"PRAGMA busy_timeout={int(min(self._timeout, 5.0) * 1000)}"
            )  # sql-safe: an int
            c.execute("PRAGMA cache_size=-65536")
            c.execute("PRAGMA temp_store=MEMORY")
        except sqlite3.Error as e:
            raise StoreError(f"{p}: cannot open the store: {e}") from None

    def _header(self) -> tuple[int, int, int]:
        c = self._conn
        app_id = c.execute("PRAGMA application_id").fetchone()[0]
        version = c.execute("PRAGMA user_version").fetchone()[0]
        ntables = c.execute("SELECT count(*) FROM sqlite_master").fetchone()[0]
        return int(app_id), int(version), int(ntables)

    def _create(self) -> None:
        with self._write():
            c = self._conn
            # Another process may have created it while we waited for the lock.
            if c.execute("SELECT count(*) FROM sqlite_master").fetchone()[0]:
                return
            for stmt in _SCHEMA.split(";"):
                if stmt.strip():
                    c.execute(stmt)
            c.execute(f"PRAGMA application_id={_APPLICATION_ID}")  # sql-safe: a constant
            c.execute(f"PRAGMA user_version={SCHEMA_VERSION}")  # sql-safe: a constant

    # --- transactions and retries -----------------------------------------------------------

    def _retry(self, fn: Callable[[], _T]) -> _T:
        """Run ``fn``, retrying with backoff while the database is busy, up to the timeout."""
        deadline = time.monotonic() + self._timeout
        delay = 0.005
        while True:
            try:
                return fn()
            except sqlite3.OperationalError as e:
                if not _is_busy(e) or time.monotonic() >= deadline:
                    if _is_busy(e):
                        raise StoreError(
                            f"{self._path}: the store stayed locked by another process for "
                            f"{self._timeout:g} s: {e}"
                        ) from None
                    raise
                time.sleep(delay * (1 + random.random()))  # noqa: S311 - jitter, not crypto
                delay = min(delay * 2, 0.25)

    @contextlib.contextmanager
    def _write(self) -> Iterator[None]:
        """One write transaction (BEGIN IMMEDIATE, so the write lock is taken up front)."""
        self._check_open()
        c = self._conn
        if c.in_transaction:
            raise StoreError("a write is already in progress on this Store (writes do not nest)")
        self._retry(lambda: c.execute("BEGIN IMMEDIATE"))
        try:
            yield
        except BaseException:
            with contextlib.suppress(sqlite3.Error):
                c.execute("ROLLBACK")
            raise
        try:
            self._retry(lambda: c.execute("COMMIT"))
        except BaseException:
            with contextlib.suppress(sqlite3.Error):
                c.execute("ROLLBACK")
            raise

    def _check_open(self) -> None:
        try:
            self._conn.total_changes  # noqa: B018 - raises ProgrammingError once closed
        except sqlite3.ProgrammingError:
            raise StoreError(f"{self._path}: the store is closed") from None

    def _query(self, sql: str, params: Iterable[Any] = ()) -> list[Any]:
        self._check_open()
        args = tuple(params)
        try:
            return self._retry(lambda: self._conn.execute(sql, args).fetchall())
        except sqlite3.DatabaseError as e:
            raise StoreError(f"{self._path}: {e}") from None

    def _stream(self, sql: str, params: Iterable[Any] = ()) -> Iterator[Any]:
        self._check_open()
        args = tuple(params)
        try:
            cur = self._retry(lambda: self._conn.execute(sql, args))
            while True:
                rows = cur.fetchmany(_BATCH)
                if not rows:
                    return
                yield from rows
        except sqlite3.DatabaseError as e:
            raise StoreError(f"{self._path}: {e}") from None

    # --- life cycle -------------------------------------------------------------------------

    @property
    def path(self) -> Path:
        """The store file."""
        return self._path

    def close(self) -> None:
        """Close the store (safe to call twice). Any further use raises :class:`StoreError`."""
        with contextlib.suppress(sqlite3.Error):
            self._conn.close()

    def __enter__(self) -> Store:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()

    def __repr__(self) -> str:
        try:
            counts = ", ".join(f"{n}={v}" for n, v in self.count().items())
        except StoreError:
            counts = "closed"
        return f"<Store {str(self._path)!r} {counts}>"

    # --- encoding ---------------------------------------------------------------------------

    def _decode(self, data: str, cls: type[_T], where: str) -> _T:
        try:
            record: _T = structure_record(decode_json(data), cls, path=where)
        except DiscourseError as e:
            raise StoreError(f"{self._path}: {where}: stored record is invalid: {e}") from None
        return record

    def _row(self, seq: int, kind: int, data: str) -> Record:
        cls = _CLASS_OF.get(kind)
        if cls is None:
            raise StoreError(f"{self._path}: records row {seq}: unknown record kind {kind}")
        record: Record = self._decode(data, cls, f"{_TABLE_NAME[kind]} row {seq}")
        return record

    def _membership(self, seq: int, data: str) -> Membership:
        m: Membership = self._decode(data, Membership, f"memberships row {seq}")
        return m

    # --- building ---------------------------------------------------------------------------

    def add(self, record: Record) -> None:
        """Add one record (one transaction); adding an equal record again does nothing.

        Raises:
            DuplicateIdError: A different record with the same id is stored.
            ValidationError: ``record`` is not a record type.
        """
        self.extend((record,))

    def extend(self, records: Iterable[Record], *, keep_existing: bool = False) -> None:
        """Add every record of ``records`` in one transaction: all of them, or none on an error.

        ``records`` may be a generator over millions of records; it is
        consumed once, and memory stays flat.

        Args:
            records: The records to add.
            keep_existing: Leave out a record whose id a different record
                already has (stored, or earlier in ``records``), keeping the
                first, instead of raising :class:`DuplicateIdError` (see
                :meth:`Corpus.extend`).

        Raises:
            DuplicateIdError: A record's id is taken by a different record
                (unless ``keep_existing``; nothing of this call is kept).
            ValidationError: An item is not a record (nothing is kept).
            StoreError: The store stayed locked by another writer beyond the timeout.
        """
        with self._write():
            cur = self._conn.cursor()
            it = iter(records)
            while True:
                chunk = list(islice(it, _CHUNK))
                if not chunk:
                    break
                self._insert(cur, chunk, keep_existing=keep_existing)

    def _insert(
        self, cur: sqlite3.Cursor, chunk: list[Record], *, keep_existing: bool = False
    ) -> None:
        """Insert a chunk of records inside the open transaction, a few executemany() calls."""
        from discourse.corpus import normalize_name

        new: dict[str, Record] = {}
        members: list[tuple[Any, ...]] = []
        for r in chunk:
            t = type(r)
            if t is Membership:
                m: Membership = r  # type: ignore[assignment]
                members.append(
                    (
                        m.member,
                        m.faction,
                        None if m.start is None else m.start.first.isoformat(),
                        None if m.end is None else m.end.last.isoformat(),
                        _dumps(unstructure_record(m), canonical=True),
                    )
                )
                continue
            if t not in _KIND_OF:
                raise ValidationError(
                    f"a Store holds Actor, Faction, Membership, Claim, Event and Source records, "
                    f"not {t.__name__}",
                    value=r,
                )
            rid: str = r.id  # type: ignore[union-attr]
            if rid in new:
                if not keep_existing:
                    self._check_same(rid, new[rid], r)
                continue
            new[rid] = r
        if members:
            cur.executemany(
                "INSERT INTO memberships (member, faction, start_first, end_last, data) "
                "VALUES (?, ?, ?, ?, ?) ON CONFLICT (data) DO NOTHING",
                members,
            )
        if not new:
            return
        # Ids already stored: equal records are skipped, different ones are an error.
        ids = list(new)
        for i in range(0, len(ids), 500):
            part = ids[i : i + 500]
            marks = ", ".join("?" * len(part))
            for seq, kind, data in cur.execute(
                f"SELECT seq, kind, data FROM records WHERE id IN ({marks})",  # noqa: S608
                part,
            ).fetchall():
                old = self._row(seq, kind, data)
                rid = old.id  # type: ignore[union-attr]
                record = new.pop(rid)
                if not keep_existing:
                    self._check_same(rid, old, record)
        if not new:
            return
        # We hold the write lock, so the next sequence numbers are ours to give.
        seq = cur.execute("SELECT coalesce(max(seq), 0) FROM records").fetchone()[0]
        rows: list[tuple[Any, ...]] = []
        claims: list[tuple[Any, ...]] = []
        sources: list[tuple[str, int]] = []
        events: list[tuple[Any, ...]] = []
        refs: list[tuple[str, int]] = []
        names: list[tuple[str, int]] = []
        factions: list[tuple[int, str | None]] = []
        for rid, r in new.items():
            seq += 1
            kind = _KIND_OF[type(r)]
            rows.append((seq, rid, kind, _dumps(unstructure_record(r))))
            if kind == _CLAIM:
                c: Claim = r  # type: ignore[assignment]
                d = c.date
                claims.append(
                    (
                        seq,
                        c.claimant,
                        c.target,
                        None if c.stance is None else c.stance.value,
                        c.form.value,
                        c.issue,
                        None if d is None else d.first.isoformat(),
                        None if d is None else d.last.isoformat(),
                        None if d is None else _date_key(d),
                    )
                )
                if c.evidence:
                    sources.extend(
                        (src, seq) for src in dict.fromkeys(sp.source for sp in c.evidence)
                    )
            elif kind == _EVENT:
                e: Event = r  # type: ignore[assignment]
                st = e.start
                events.append(
                    (
                        seq,
                        None if st is None else st.first.isoformat(),
                        None if st is None else st.last.isoformat(),
                        None if st is None else _date_key(st),
                    )
                )
                er = dict.fromkeys(p.ref for p in e.participants)
                if e.organization is not None:
                    er[e.organization] = None
                refs.extend((x, seq) for x in er)
            elif kind in (_ACTOR, _FACTION):
                ent: Entity = r  # type: ignore[assignment]
                names.extend((n, seq) for n in {normalize_name(x) for x in ent.names} if n)
                if kind == _FACTION:
                    factions.append((seq, ent.parent))  # type: ignore[union-attr]
        cur.executemany("INSERT INTO records (seq, id, kind, data) VALUES (?, ?, ?, ?)", rows)
        for sql, values in (
            (_INSERT_CLAIM, claims),
            ("INSERT OR IGNORE INTO claim_sources (source, seq) VALUES (?, ?)", sources),
            (
                "INSERT INTO events (seq, start_first, start_last, date_key) VALUES (?, ?, ?, ?)",
                events,
            ),
            ("INSERT OR IGNORE INTO event_refs (ref, seq) VALUES (?, ?)", refs),
            ("INSERT OR IGNORE INTO names (name, seq) VALUES (?, ?)", names),
            ("INSERT INTO factions (seq, parent) VALUES (?, ?)", factions),
        ):
            if values:
                cur.executemany(sql, values)

    @staticmethod
    def _check_same(rid: str, old: Record, record: Record) -> None:
        if old != record:
            raise DuplicateIdError(
                f"id {rid!r} is already used by {type(old).__name__} {old!r}; "
                "give the new record another id or use Store.replace()",
                id=rid,
            )

    def _get_in(self, cur: sqlite3.Cursor, rid: str) -> Record | None:
        row = cur.execute("SELECT seq, kind, data FROM records WHERE id = ?", (rid,)).fetchone()
        return None if row is None else self._row(*row)

    def replace(self, record: Record) -> None:
        """Put ``record`` in place of the stored record with the same id (or add it)."""
        with self._write():
            cur = self._conn.cursor()
            if type(record) is not Membership:
                self._delete_id(cur, record.id)  # type: ignore[union-attr]
            self._insert(cur, [record])

    def remove(self, record_or_id: Record | str) -> None:
        """Remove a record (or the record with that id).

        Raises:
            RecordNotFoundError: It is not in the store.
        """
        with self._write():
            cur = self._conn.cursor()
            if type(record_or_id) is Membership:
                cur.execute(
                    "DELETE FROM memberships WHERE data = ?",
                    (_dumps(unstructure_record(record_or_id), canonical=True),),
                )
                if cur.rowcount == 0:
                    raise RecordNotFoundError(repr(record_or_id))
                return
            if isinstance(record_or_id, str):
                rid = record_or_id
            else:
                rid = record_or_id.id  # type: ignore[union-attr]
                if self._get_in(cur, rid) != record_or_id:
                    raise RecordNotFoundError(rid)
            if not self._delete_id(cur, rid):
                raise RecordNotFoundError(rid)

    def _delete_id(self, cur: sqlite3.Cursor, rid: str) -> bool:
        row = cur.execute("SELECT seq FROM records WHERE id = ?", (rid,)).fetchone()
        if row is None:
            return False
        seq = row[0]
        for table in _TABLES_BY_SEQ:
            cur.execute(f"DELETE FROM {table} WHERE seq = ?", (seq,))  # noqa: S608 - fixed names
        return True

    # --- container protocol -----------------------------------------------------------------

    def __len__(self) -> int:
        return sum(self.count().values())

    def __iter__(self) -> Iterator[Record]:
        """Stream all records: sources, actors, factions, memberships, events, claims."""
        for kind in (_SOURCE, _ACTOR, _FACTION):
            yield from self._iter_kind(kind)
        yield from self._iter_memberships()
        for kind in (_EVENT, _CLAIM):
            yield from self._iter_kind(kind)

    def _iter_kind(self, kind: int) -> Iterator[Any]:
        row = self._row
        for seq, data in self._stream(
            "SELECT seq, data FROM records WHERE kind = ? ORDER BY seq", (kind,)
        ):
            yield row(seq, kind, data)

    def _iter_memberships(self, sql: str = "", params: Iterable[Any] = ()) -> Iterator[Membership]:
        q = f"SELECT seq, data FROM memberships {sql} ORDER BY seq"  # noqa: S608 - fixed clauses
        for seq, data in self._stream(q, params):
            yield self._membership(seq, data)

    def __contains__(self, item: object) -> bool:
        if isinstance(item, str):
            return bool(self._query("SELECT 1 FROM records WHERE id = ?", (item,)))
        if type(item) is Membership:
            key = _dumps(unstructure_record(item), canonical=True)
            return bool(self._query("SELECT 1 FROM memberships WHERE data = ?", (key,)))
        rid = getattr(item, "id", None)
        return isinstance(rid, str) and self.get(rid) == item

    def __getitem__(self, id: str) -> Record:
        r = self.get(id)
        if r is None:
            raise RecordNotFoundError(id)
        return r

    def get(self, id: str, default: Record | None = None) -> Record | None:
        """The record with ``id``, or ``default``."""
        rows = self._query("SELECT seq, kind, data FROM records WHERE id = ?", (id,))
        return self._row(*rows[0]) if rows else default

    def _get_many(self, ids: Iterable[str]) -> dict[str, Record]:
        out: dict[str, Record] = {}
        wanted = list(dict.fromkeys(ids))
        for i in range(0, len(wanted), 500):
            chunk = wanted[i : i + 500]
            marks = ", ".join("?" * len(chunk))
            for seq, kind, data in self._query(
                f"SELECT seq, kind, data FROM records WHERE id IN ({marks})",  # noqa: S608 - placeholders
                chunk,
            ):
                r = self._row(seq, kind, data)
                out[r.id] = r  # type: ignore[union-attr]
        return out

    @property
    def actors(self) -> list[Actor]:
        """All actors, in insertion order."""
        return list(self._iter_kind(_ACTOR))

    @property
    def factions(self) -> list[Faction]:
        """All factions, in insertion order."""
        return list(self._iter_kind(_FACTION))

    @property
    def memberships(self) -> list[Membership]:
        """All memberships, in insertion order."""
        return list(self._iter_memberships())

    @property
    def events(self) -> list[Event]:
        """All events, in insertion order."""
        return list(self._iter_kind(_EVENT))

    @property
    def sources(self) -> list[Source]:
        """All sources, in insertion order."""
        return list(self._iter_kind(_SOURCE))

    @overload
    def of_type(self, kind: type[_R]) -> list[_R]: ...
    @overload
    def of_type(self, kind: type[Membership]) -> list[Membership]: ...
    def of_type(self, kind: type) -> list[Any]:
        """All records of one type, e.g. ``store.of_type(dc.Actor)``."""
        if kind is Membership:
            return self.memberships
        code = _KIND_OF.get(kind)
        if code is None:
            raise ValidationError(f"of_type(): {kind!r} is not a record type")
        return list(self._iter_kind(code))

    def count(self) -> dict[str, int]:
        """The number of records of each type, e.g. ``{"actors": 4, "claims": 10, ...}``."""
        by_kind = dict(self._query("SELECT kind, count(*) FROM records GROUP BY kind"))
        nm = self._query("SELECT count(*) FROM memberships")[0][0]
        return {
            "sources": by_kind.get(_SOURCE, 0),
            "actors": by_kind.get(_ACTOR, 0),
            "factions": by_kind.get(_FACTION, 0),
            "memberships": nm,
            "events": by_kind.get(_EVENT, 0),
            "claims": by_kind.get(_CLAIM, 0),
        }

    # --- names ------------------------------------------------------------------------------

    def find_all(self, name: str) -> list[Entity]:
        """Every actor and faction whose name or an alias matches ``name``.

        Matching is that of :meth:`Corpus.find_all` (:func:`~discourse.normalize_name`).
        """
        from discourse.corpus import normalize_name

        rows = self._query(
            "SELECT r.seq, r.kind, r.data FROM names n JOIN records r ON r.seq = n.seq "
            "WHERE n.name = ? ORDER BY n.seq",
            (normalize_name(name),),
        )
        return [self._row(*row) for row in rows]  # type: ignore[misc]

    # --- validation -------------------------------------------------------------------------

    def problems(self) -> list[str]:
        """Every dangling reference, one readable line each (empty when valid).

        The lines are those :meth:`Corpus.problems` gives for the same records.
        """
        out: list[str] = []
        cache: dict[str, int | None] = {}
        entity = (_ACTOR, _FACTION)

        def kind_of(ref: str) -> int | None:
            if ref not in cache:
                if len(cache) > 100_000:
                    cache.clear()
                rows = self._query("SELECT kind FROM records WHERE id = ?", (ref,))
                cache[ref] = rows[0][0] if rows else None
            return cache[ref]

        def check(where: str, ref: str | None, kinds: tuple[int, ...], what: str) -> None:
            if ref is None:
                return
            k = kind_of(ref)
            if k is None:
                out.append(f"{where}: no record with id {ref!r}")
            elif k not in kinds:
                out.append(f"{where}: {ref!r} is a {_CLASS_OF[k].__name__}, expected {what}")

        def spans(where: str, evidence: tuple[Any, ...]) -> None:
            for j, sp in enumerate(evidence):
                check(f"{where}.evidence[{j}].source", sp.source, (_SOURCE,), "a Source")

        for f in self._iter_kind(_FACTION):
            check(f"factions[{f.id!r}].parent", f.parent, (_FACTION,), "a Faction")
            spans(f"factions[{f.id!r}]", f.evidence)
        for a in self._iter_kind(_ACTOR):
            spans(f"actors[{a.id!r}]", a.evidence)
        for i, m in enumerate(self._iter_memberships()):
            check(f"memberships[{i}].member", m.member, entity, "an Actor or Faction")
            check(f"memberships[{i}].faction", m.faction, (_FACTION,), "a Faction")
            for j, s in enumerate(m.sources):
                check(f"memberships[{i}].sources[{j}]", s, (_SOURCE,), "a Source")
            spans(f"memberships[{i}]", m.evidence)
        for c in self._iter_kind(_CLAIM):
            w = f"claims[{c.id!r}]"
            check(f"{w}.claimant", c.claimant, entity, "an Actor or Faction")
            check(f"{w}.target", c.target, entity, "an Actor or Faction")
            check(f"{w}.addressee", c.addressee, entity, "an Actor or Faction")
            for j, s in enumerate(c.supports):
                check(f"{w}.supports[{j}]", s, (_CLAIM,), "a Claim")
            for j, s in enumerate(c.attacks):
                check(f"{w}.attacks[{j}]", s, (_CLAIM,), "a Claim")
            spans(w, c.evidence)
        for e in self._iter_kind(_EVENT):
            w = f"events[{e.id!r}]"
            check(f"{w}.organization", e.organization, entity, "an Actor or Faction")
            for j, p in enumerate(e.participants):
                check(f"{w}.participants[{j}].ref", p.ref, entity, "an Actor or Faction")
            spans(w, e.evidence)
        return out

    # --- queries ----------------------------------------------------------------------------

    def claims(
        self,
        *,
        claimant: str | None = None,
        target: str | None = None,
        stance: Stance | str | None = None,
        form: ClaimForm | str | None = None,
        issue: str | None = None,
        faction: str | None = None,
        since: DateLike | None = None,
        until: DateLike | None = None,
        source: str | None = None,
    ) -> list[Claim]:
        """Claims matching every given filter, in insertion order (see ``Corpus.claims``).

        With no filter, every claim (use :meth:`iter_claims` to stream them).
        """
        return list(
            self.iter_claims(
                claimant=claimant,
                target=target,
                stance=stance,
                form=form,
                issue=issue,
                faction=faction,
                since=since,
                until=until,
                source=source,
            )
        )

    def iter_claims(
        self,
        *,
        claimant: str | None = None,
        target: str | None = None,
        stance: Stance | str | None = None,
        form: ClaimForm | str | None = None,
        issue: str | None = None,
        faction: str | None = None,
        since: DateLike | None = None,
        until: DateLike | None = None,
        source: str | None = None,
    ) -> Iterator[Claim]:
        """Stream the claims :meth:`claims` would return, in constant memory.

        Raises:
            ValidationError: ``stance``, ``form``, ``since`` or ``until`` is not valid
                (raised on the first ``next()``).
        """
        stance_v = _value(stance)
        form_v = _value(form)
        if stance_v is not None and stance_v not in Stance._value2member_map_:
            raise ValidationError(f"stance: {stance!r} is not one of support, oppose, neutral")
        if form_v is not None and form_v not in ClaimForm._value2member_map_:
            raise ValidationError(f"form: {form!r} is not a ClaimForm")
        lo = to_partial_date(since).first.isoformat() if since is not None else None
        hi = to_partial_date(until).last.isoformat() if until is not None else None

        where: list[str] = []
        params: list[Any] = []
        prefix = ""
        for col, val in (
            ("claimant", claimant),
            ("target", target),
            ("stance", stance_v),
            ("form", form_v),
            ("issue", issue),
        ):
            if val is not None:
                where.append(f"c.{col} = ?")
                params.append(val)
        if source is not None:
            where.append("c.seq IN (SELECT seq FROM claim_sources WHERE source = ?)")
            params.append(source)
        if lo is not None:
            where.append("c.date_first >= ?")
            params.append(lo)
        if hi is not None:
            # first <= last <= hi: the redundant bound lets the date index serve both ends.
            where.append("c.date_last <= ? AND c.date_first <= ?")
            params += [hi, hi]
        if faction is not None:
            prefix = _GROUP_CTE
            where.append(f"c.seq IN ({_FACTION_CLAIMS})")
            params = [faction, *params]
        # Only fixed column names and placeholders go into the text; values are parameters.
        sql = (
            f"{prefix}SELECT r.seq, r.data FROM claims c JOIN records r ON r.seq = c.seq "  # noqa: S608
            f"{'WHERE ' + ' AND '.join(where) if where else ''} ORDER BY c.seq"
        )
        for seq, data in self._stream(sql, params):
            yield self._decode(data, Claim, f"claims row {seq}")

    def subfactions(self, faction: str, *, recursive: bool = True) -> list[Faction]:
        """The factions whose ``parent`` is ``faction`` (and theirs, if ``recursive``)."""
        out: list[Faction] = []
        seen = {faction}
        stack = [faction]
        while stack:
            for seq, data in self._query(
                "SELECT r.seq, r.data FROM factions f JOIN records r ON r.seq = f.seq "
                "WHERE f.parent = ? ORDER BY f.seq",
                (stack.pop(),),
            ):
                child: Faction = self._decode(data, Faction, f"factions row {seq}")
                if child.id not in seen:
                    seen.add(child.id)
                    out.append(child)
                    if recursive:
                        stack.append(child.id)
        return out

    def members(
        self, faction: str, *, at: DateLike | None = None, nested: bool = False
    ) -> list[Actor | Faction]:
        """Actors and factions that belonged to ``faction`` (at date ``at``, if given).

        Same semantics as :meth:`Corpus.members`.
        """
        groups = [faction]
        if nested:
            groups += [f.id for f in self.subfactions(faction)]
        order: list[str] = []
        for g in groups:
            for m in self._iter_memberships("WHERE faction = ?", (g,)):
                if at is None or m.valid_at(at):
                    order.append(m.member)
        found = self._get_many(order)
        return [found[i] for i in dict.fromkeys(order) if i in found]  # type: ignore[misc]

    def memberships_of(self, member: str, *, at: DateLike | None = None) -> list[Membership]:
        """The memberships held by ``member`` (valid at ``at``, if given)."""
        return [
            m
            for m in self._iter_memberships("WHERE member = ?", (member,))
            if at is None or m.valid_at(at)
        ]

    def factions_of(self, actor: str, *, at: DateLike | None = None) -> list[Faction]:
        """The factions ``actor`` belonged to (at ``at``, if given)."""
        ids = [m.faction for m in self.memberships_of(actor, at=at)]
        found = self._get_many(ids)
        return [f for i in dict.fromkeys(ids) if isinstance(f := found.get(i), Faction)]

    def _stance_partners(self, x: str, stance: str) -> list[Entity]:
        # Most claims first; ties in the order Corpus meets them: x's own claims
        # (side 0) in insertion order, then claims about x (side 1).
        rows = self._query(
            "SELECT other, count(*) AS n, min(side * 4611686018427387904 + seq) AS first FROM ("
            " SELECT target AS other, seq, 0 AS side FROM claims"
            "  WHERE claimant = ? AND target IS NOT NULL AND target != ? AND stance = ?"
            " UNION ALL"
            " SELECT claimant AS other, seq, 1 AS side FROM claims"
            "  WHERE target = ? AND claimant != ? AND stance = ?"
            ") GROUP BY other ORDER BY n DESC, first",
            (x, x, stance, x, x, stance),
        )
        ids = [r[0] for r in rows]
        found = self._get_many(ids)
        return [found[i] for i in ids if i in found]  # type: ignore[misc]

    def events_of(self, x: str) -> list[Event]:
        """Events in which ``x`` takes part or which happen in organization ``x``."""
        return [
            self._decode(data, Event, f"events row {seq}")
            for seq, data in self._query(
                "SELECT r.seq, r.data FROM event_refs e JOIN records r ON r.seq = e.seq "
                "WHERE e.ref = ? ORDER BY e.seq",
                (x,),
            )
        ]

    def timeline(
        self,
        *,
        since: DateLike | None = None,
        until: DateLike | None = None,
        involving: str | None = None,
        include: tuple[str, ...] = ("events", "claims"),
    ) -> list[Claim | Event]:
        """Dated events and claims in date order (coarser dates first on ties).

        Same arguments and semantics as :meth:`Corpus.timeline`.
        """
        lo = to_partial_date(since).first.isoformat() if since is not None else None
        hi = to_partial_date(until).last.isoformat() if until is not None else None
        parts: list[str] = []
        params: list[Any] = []

        def bounds(first: str, last: str) -> str:
            cond = ""
            if lo is not None:
                cond += f" AND {first} >= ?"
                params.append(lo)
            if hi is not None:
                cond += f" AND {last} <= ?"
                params.append(hi)
            return cond

        if "claims" in include:
            sql = (
                "SELECT c.date_key AS k, 0 AS o, c.seq AS s FROM claims c"
                " WHERE c.date_key IS NOT NULL"
            )
            sql += bounds("c.date_first", "c.date_last")
            if involving is not None:
                sql += " AND (c.claimant = ? OR c.target = ?)"
                params += [involving, involving]
            parts.append(sql)
        if "events" in include:
            sql = (
                "SELECT e.date_key AS k, 1 AS o, e.seq AS s FROM events e"
                " WHERE e.date_key IS NOT NULL"
            )
            sql += bounds("e.start_first", "e.start_last")
            if involving is not None:
                sql += " AND e.seq IN (SELECT seq FROM event_refs WHERE ref = ?)"
                params.append(involving)
            parts.append(sql)
        if not parts:
            return []
        rows = self._query(
            f"SELECT t.s, r.kind, r.data FROM ({' UNION ALL '.join(parts)}) t "  # noqa: S608
            "JOIN records r ON r.seq = t.s ORDER BY t.k, t.o, t.s",
            params,
        )
        return [self._row(*row) for row in rows]  # type: ignore[misc]

    # --- conversion -------------------------------------------------------------------------

    def to_corpus(self) -> Corpus:
        """An in-memory :class:`~discourse.Corpus` with every record of the store."""
        from discourse.corpus import Corpus

        return Corpus(self)

    def dump(self, path: PathLike, format: str | None = None) -> None:
        """Write the store's records to a file, as :func:`discourse.dump` writes a corpus.

        JSONL is written record by record, in constant memory, whatever the
        size of the store; other formats go through :func:`discourse.dump`
        (which may hold the whole corpus). The file is replaced atomically.

        Raises:
            FormatError: A record cannot be written in that format.
            UnknownFormatError: The format cannot be told or is not available.
        """
        from discourse.io import dump
        from discourse.io._registry import format_for

        if format_for(path, format).name != "jsonl":
            dump(self, path, format)  # type: ignore[arg-type]
            return
        from discourse.convert import FORMAT_NAME, type_name
        from discourse.convert import SCHEMA_VERSION as DOC_VERSION
        from discourse.io._atomic import atomic_write

        header = {"type": "header", "format": FORMAT_NAME, "version": DOC_VERSION}
        with atomic_write(Path(path), "wb") as f:
            f.write(encode_json(header) + b"\n")
            for r in self:
                f.write(encode_json({"type": type_name(r), **unstructure_record(r)}) + b"\n")


# Subfactions of ?1, recursively (UNION drops repeats, so cycles end).
_GROUP_CTE = (
    "WITH RECURSIVE grp(id) AS (SELECT ?1 UNION "
    "SELECT r.id FROM factions f JOIN records r ON r.seq = f.seq JOIN grp ON f.parent = grp.id) "
)
# Claims made by the group itself, or by a member at the claim's date (undated
# claims count when the membership is open-ended): Corpus._faction_claims.
_FACTION_CLAIMS = (
    "SELECT seq FROM claims WHERE claimant IN (SELECT id FROM grp) UNION "
    "SELECT c2.seq FROM memberships m JOIN claims c2 ON c2.claimant = m.member "
    "WHERE m.faction IN (SELECT id FROM grp) AND ("
    "(c2.date_first IS NULL AND m.start_first IS NULL AND m.end_last IS NULL) OR "
    "(c2.date_first IS NOT NULL AND (m.start_first IS NULL OR m.start_first <= c2.date_last) "
    "AND (m.end_last IS NULL OR c2.date_first <= m.end_last)))"
)


def to_store(corpus: Iterable[Record], path: PathLike, *, batch: int = 50_000) -> Store:
    """Write ``corpus`` (or any iterable of records) to a new store at ``path``, and open it.

    The store is built beside ``path`` and moved into place only when
    complete, so a failure leaves nothing at ``path``.

    Raises:
        StoreError: ``path`` already exists (open it with :class:`Store` and
            :meth:`Store.extend` it instead).
        DuplicateIdError: Two different records share an id.
    """
    p = Path(path)
    if p.exists():
        raise StoreError(f"{p}: already exists; open it with Store(path) and extend it instead")
    with atomic_path(p) as tmp:
        os.unlink(tmp)  # let SQLite create the file
        with Store(tmp) as store:
            it = iter(corpus)
            while True:
                chunk = [r for _, r in zip(range(batch), it, strict=False)]
                if not chunk:
                    break
                store.extend(chunk)
            store._conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        if p.exists():
            raise StoreError(f"{p}: already exists; open it with Store(path) and extend it instead")
    return Store(p)
