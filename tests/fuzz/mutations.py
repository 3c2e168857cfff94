"""Mutations of valid files, shared by the fuzz tests of every reader.

Each mutator takes a Hypothesis ``DataObject`` (so every choice is drawn, and
failing cases shrink) and the bytes of a valid file, and returns damaged
bytes. Byte-level damage (truncation, flipped bytes, wrong encodings, BOMs,
huge numbers, deep nesting) applies to every format; structural damage
(fields deleted or retyped, duplicate ids, dangling references) is written per
family of formats: JSON trees, JSON lines, YAML, CSV, XML, SQLite, Parquet.
"""

from __future__ import annotations

import contextlib
import csv
import io
import json
import re
import sqlite3
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

from hypothesis import strategies as st

Mutator = Callable[[st.DataObject, bytes], bytes]

# --- values --------------------------------------------------------------------------------

HUGE_INT = "9" * 5000
HUGE_NUMBERS = [
    "1e999",
    "-1e999",
    "1e-999",
    HUGE_INT,
    "-" + HUGE_INT,
    "123456789012345678901234567890",
]

odd_texts = st.sampled_from(
    [
        "",
        " ",
        "\x00",
        "\ufeff",
        "\ud800",
        "\u202e\u200b",
        "🙂" * 10,
        "x" * 10_000,
        "2017-13-45",
        "0000-00-00",
        "-1",
        "NaN",
        "null",
        "true",
        "support",
        "oppose",
        "<![CDATA[x]]>",
        "&amp;",
        'a,b\n"c',
        "claim-0",
        "no-such-id",
    ]
) | st.text(max_size=20)

scalar_values: st.SearchStrategy[Any] = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(-(2**70), 2**70),
    st.sampled_from([0, -1, 2**63, -(2**63) - 1, 10**30, 10**400]),
    st.floats(allow_nan=False, allow_infinity=False),
    st.sampled_from([1e308, -1e308, 5e-324, 0.5]),
    odd_texts,
)


def deep(depth: int, leaf: Any = 0) -> Any:
    """``[[[...leaf...]]]`` nested ``depth`` times, built without recursion."""
    out: Any = leaf
    for _ in range(depth):
        out = [out]
    return out


json_values: st.SearchStrategy[Any] = st.one_of(
    scalar_values,
    st.lists(scalar_values, max_size=3),
    st.dictionaries(st.text(max_size=5), scalar_values, max_size=3),
    st.sampled_from([[], {}, {"id": None}, [{}], deep(50), {"a": deep(30)}]),
)

# --- bytes ---------------------------------------------------------------------------------

BOMS = [b"\xef\xbb\xbf", b"\xff\xfe", b"\xfe\xff", b"\xff\xfe\x00\x00"]


def _pos(data: st.DataObject, raw: bytes, label: str = "at") -> int:
    return data.draw(st.integers(0, max(0, len(raw))), label=label)


def truncate(data: st.DataObject, raw: bytes) -> bytes:
    """Cut the file anywhere (including to nothing)."""
    return raw[: _pos(data, raw)]


def flip_bytes(data: st.DataObject, raw: bytes) -> bytes:
    """XOR one to eight bytes with random masks."""
    if not raw:
        return raw
    out = bytearray(raw)
    for _ in range(data.draw(st.integers(1, 8), label="flips")):
        i = data.draw(st.integers(0, len(out) - 1), label="i")
        out[i] ^= data.draw(st.integers(1, 255), label="mask")
    return bytes(out)


def splice(data: st.DataObject, raw: bytes) -> bytes:
    """Delete, duplicate or insert a chunk of bytes."""
    i = _pos(data, raw, "i")
    j = data.draw(st.integers(i, min(len(raw), i + 64)), label="j")
    op = data.draw(st.sampled_from(["delete", "duplicate", "insert"]), label="op")
    if op == "delete":
        return raw[:i] + raw[j:]
    if op == "duplicate":
        return raw[:j] + raw[i:j] + raw[j:]
    junk = data.draw(
        st.binary(max_size=16)
        | st.sampled_from(
            [
                b"\x00",
                b"\xff\xfe",
                b"\xc3",
                b"\xed\xa0\x80",
                b'"',
                b"{",
                b"]",
                b"\n",
                b"\r",
                b",",
                b"<",
                b"&",
            ]
        ),
        label="junk",
    )
    return raw[:i] + junk + raw[i:]


def reencode(data: st.DataObject, raw: bytes) -> bytes:
    """The same text in UTF-16/UTF-32/Latin-1/CP1252, or with a BOM in front."""
    text = raw.decode("utf-8", errors="replace")
    enc = data.draw(
        st.sampled_from(["utf-16", "utf-16-le", "utf-16-be", "utf-32", "latin-1", "cp1252", "bom"]),
        label="encoding",
    )
    if enc == "bom":
        return data.draw(st.sampled_from(BOMS), label="bom") + raw
    return text.encode(enc, errors="replace")


_NUMBER = re.compile(rb"-?\d+(\.\d+)?([eE][-+]?\d+)?")


def huge_number(data: st.DataObject, raw: bytes) -> bytes:
    """Replace one number in the file by a huge, tiny or overlong one."""
    found = list(_NUMBER.finditer(raw))
    new = data.draw(st.sampled_from(HUGE_NUMBERS), label="number").encode()
    if not found:
        i = _pos(data, raw)
        return raw[:i] + new + raw[i:]
    m = found[data.draw(st.integers(0, len(found) - 1), label="which")]
    return raw[: m.start()] + new + raw[m.end() :]


def deep_nesting(data: st.DataObject, raw: bytes) -> bytes:
    """Insert thousands of opening (and maybe closing) brackets somewhere."""
    depth = data.draw(st.sampled_from([100, 1000, 1025, 5000, 100_000]), label="depth")
    opener, closer = data.draw(
        st.sampled_from([(b"[", b"]"), (b'{"a":', b"}"), (b"<a>", b"</a>"), (b"- ", b"\n")]),
        label="bracket",
    )
    i = _pos(data, raw)
    closed = data.draw(st.booleans(), label="closed")
    return raw[:i] + opener * depth + (b"1" + closer * depth if closed else b"") + raw[i:]


BYTE_MUTATORS: list[Mutator] = [truncate, flip_bytes, splice, reencode, huge_number, deep_nesting]


def mutate_bytes(data: st.DataObject, raw: bytes) -> bytes:
    """One byte-level mutation."""
    return data.draw(st.sampled_from(BYTE_MUTATORS), label="byte mutation")(data, raw)


def combine(
    structural: Mutator, structural_weight: int = 2, byte_mutators: list[Mutator] | None = None
) -> Mutator:
    """A mutator applying one to three steps, each structural or byte-level."""
    byte_level = st.sampled_from(byte_mutators or BYTE_MUTATORS)

    def mutate(data: st.DataObject, raw: bytes) -> bytes:
        for _ in range(data.draw(st.integers(1, 3), label="steps")):
            if data.draw(st.integers(0, structural_weight), label="kind") > 0:
                raw = structural(data, raw)
            else:
                raw = data.draw(byte_level, label="byte mutation")(data, raw)
        return raw

    return mutate


# --- JSON trees ----------------------------------------------------------------------------


def _slots(value: Any, path: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    """Every path to a value inside a JSON tree (iteratively, root first)."""
    out: list[tuple[Any, ...]] = []
    todo = [(value, path)]
    while todo:
        v, p = todo.pop()
        out.append(p)
        if isinstance(v, dict):
            todo.extend((v[k], (*p, k)) for k in v)
        elif isinstance(v, list):
            todo.extend((x, (*p, i)) for i, x in enumerate(v))
    return out


def _get(value: Any, path: tuple[Any, ...]) -> Any:
    for k in path:
        value = value[k]
    return value


def _strings(value: Any) -> list[str]:
    return [s for p in _slots(value) if isinstance(s := _get(value, p), str)]


def mutate_tree(data: st.DataObject, tree: Any) -> Any:
    """Delete, retype, duplicate, dangle or rename one place in a JSON tree (in place if possible)."""
    slots = _slots(tree)
    path = slots[data.draw(st.integers(0, len(slots) - 1), label="slot")]
    op = data.draw(
        st.sampled_from(["delete", "retype", "duplicate", "dangle", "rename", "add", "copy-id"]),
        label="tree op",
    )
    if not path:
        return data.draw(json_values, label="root") if op == "retype" else tree
    parent, key = _get(tree, path[:-1]), path[-1]
    if op == "delete":
        del parent[key]
    elif op == "retype":
        parent[key] = data.draw(json_values, label="value")
    elif op == "duplicate":
        if isinstance(parent, list):
            parent.insert(key, json.loads(json.dumps(parent[key])))
        else:
            parent[key] = [parent[key], parent[key]]
    elif op == "dangle":
        parent[key] = data.draw(
            st.sampled_from(["no-such-id", "", "ann", "claim-0", "s1"]), label="ref"
        )
    elif op == "rename" and isinstance(parent, dict):
        parent[data.draw(st.text(max_size=8), label="new key")] = parent.pop(key)
    elif op == "add":
        target = _get(tree, path)
        if isinstance(target, dict):
            target[
                data.draw(
                    st.sampled_from(
                        ["id", "kind", "extra", "@context", "type", "format", "version"]
                    )
                    | st.text(max_size=5),
                    label="key",
                )
            ] = data.draw(json_values, label="value")
        elif isinstance(target, list):
            target.append(data.draw(json_values, label="value"))
    elif op == "copy-id":  # make two records share an id: copy a string over another
        strings = _strings(tree)
        if strings:
            parent[key] = strings[data.draw(st.integers(0, len(strings) - 1), label="copied")]
    return tree


def _dump_json(data: st.DataObject, tree: Any) -> bytes:
    try:
        text = json.dumps(tree, ensure_ascii=data.draw(st.booleans(), label="ascii"))
    except (ValueError, RecursionError):
        text = json.dumps(None)
    return text.encode("utf-8", errors="surrogatepass")


_DEEP = re.compile(rb"(?:(?:\[|\{\"a\":|- |<a>)\s*){200}")


def too_deep(raw: bytes) -> bool:
    """Whether ``raw`` holds a run of 200 nested openers (decoding it could hit the recursion limit).

    Decided from the bytes alone, so that the same case draws the same way however deep the
    stack is when it runs (Hypothesis replays cases from different depths while shrinking).
    """
    return _DEEP.search(raw) is not None


def json_structure(data: st.DataObject, raw: bytes) -> bytes:
    """Decode a JSON document, damage its tree, encode it again (byte damage if it does not decode)."""
    if too_deep(raw):
        return mutate_bytes(data, raw)
    try:
        tree = json.loads(raw)
    except (ValueError, RecursionError):
        return mutate_bytes(data, raw)
    return _dump_json(data, mutate_tree(data, tree))


mutate_json = combine(json_structure)
"""Mutator for JSON documents (json, aif, popolo, plover .json)."""


def lines_structure(data: st.DataObject, raw: bytes) -> bytes:
    """Damage one JSON line, or drop, duplicate, swap or blank lines."""
    lines = raw.split(b"\n")
    if not lines:
        return raw
    i = data.draw(st.integers(0, len(lines) - 1), label="line")
    op = data.draw(
        st.sampled_from(["tree", "tree", "drop", "duplicate", "swap", "blank", "crlf"]),
        label="line op",
    )
    if op == "tree":
        lines[i] = json_structure(data, lines[i])
    elif op == "drop":
        del lines[i]
    elif op == "duplicate":
        lines.insert(i, lines[i])
    elif op == "swap":
        j = data.draw(st.integers(0, len(lines) - 1), label="other")
        lines[i], lines[j] = lines[j], lines[i]
    elif op == "blank":
        lines.insert(
            i,
            data.draw(
                st.sampled_from([b"", b"   ", b"\r", b"//", b"null", b"[]", b"1"]), label="blank"
            ),
        )
    else:
        return raw.replace(b"\n", b"\r\n")
    return b"\n".join(lines)


mutate_jsonl = combine(lines_structure)
"""Mutator for JSON-lines files (jsonl, plover .jsonl)."""

# --- YAML ----------------------------------------------------------------------------------

YAML_SNIPPETS = [
    b"a: &x [1, 2]\nb: *x\n",
    b"!!python/object/apply:os.system ['true']\n",
    b"x: !!binary aGVsbG8=\n",
    b"x: 2017-03-02\n",
    b"? [a, b]\n: c\n",
    b"%YAML 1.1\n---\n",
    b"---\n...\n---\n",
    b"x: {a: 1, a: 2}\n",
    b"\t- tab\n",
    b"x: .inf\n",
    b"<<: {a: 1}\n",
]


def yaml_structure(data: st.DataObject, raw: bytes) -> bytes:
    """Damage the tree (via JSON, which YAML reads) or insert YAML-only constructs."""
    if data.draw(st.booleans(), label="snippet"):
        i = raw.rfind(b"\n", 0, _pos(data, raw)) + 1
        return raw[:i] + data.draw(st.sampled_from(YAML_SNIPPETS), label="yaml") + raw[i:]
    import yaml

    if too_deep(raw):
        return mutate_bytes(data, raw)
    try:
        tree = yaml.safe_load(raw)
    except (yaml.YAMLError, ValueError, OverflowError):  # PyYAML: huge ints, bad \U escapes
        return mutate_bytes(data, raw)
    tree = mutate_tree(data, json.loads(json.dumps(tree, default=str)))
    try:
        return yaml.safe_dump(tree, allow_unicode=True, sort_keys=False).encode(
            "utf-8", errors="surrogatepass"
        )
    except (yaml.YAMLError, RecursionError):
        return raw


mutate_yaml = combine(yaml_structure)
"""Mutator for YAML files."""

# --- CSV -----------------------------------------------------------------------------------


def csv_structure(data: st.DataObject, raw: bytes) -> bytes:
    """Delete or retype a cell, delete a column, duplicate a row, rename a header, ragged rows."""
    text = raw.decode("utf-8", errors="replace")
    rows = list(csv.reader(io.StringIO(text, newline="")))
    if not rows:
        return mutate_bytes(data, raw)
    r = data.draw(st.integers(0, len(rows) - 1), label="row")
    row = rows[r]
    op = data.draw(
        st.sampled_from(
            [
                "cell",
                "cell",
                "drop-cell",
                "add-cell",
                "drop-column",
                "duplicate-row",
                "header",
                "drop-row",
            ]
        ),
        label="csv op",
    )
    c = data.draw(st.integers(0, max(0, len(row) - 1)), label="col")
    if op == "cell" and row:
        row[c] = str(data.draw(scalar_values, label="value"))
    elif op == "drop-cell" and row:
        del row[c]
    elif op == "add-cell":
        row.append(data.draw(odd_texts, label="cell"))
    elif op == "drop-column":
        for x in rows:
            if c < len(x):
                del x[c]
    elif op == "duplicate-row":
        rows.insert(r, list(row))
    elif op == "header" and rows[0]:
        rows[0][min(c, len(rows[0]) - 1)] = data.draw(odd_texts, label="header")
    elif op == "drop-row":
        del rows[r]
    buf = io.StringIO(newline="")
    csv.writer(buf, lineterminator="\n").writerows(rows)
    return buf.getvalue().encode("utf-8", errors="surrogatepass")


mutate_csv = combine(csv_structure)
"""Mutator for CSV files."""

# --- XML -----------------------------------------------------------------------------------

_ATTR = re.compile(rb'(\s[\w:.-]+)="([^"]*)"')
_ELEMENT = re.compile(rb"<(node|edge|data|key|attvalue|attribute)\b[^>]*?(/>|>.*?</\1>)", re.S)

XML_SNIPPETS = [
    b'<!DOCTYPE x [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;">]>',
    b'<!DOCTYPE x [<!ENTITY e SYSTEM "file:///etc/passwd">]>',
    b'<!DOCTYPE x SYSTEM "http://example.com/x.dtd">',
    b"<?xml-stylesheet href='x'?>",
    b"&e;",
    b"<![CDATA[ ]]>",
    b"<!-- -->",
    b'<xi:include xmlns:xi="http://www.w3.org/2001/XInclude" href="/etc/passwd"/>',
]


def xml_structure(data: st.DataObject, raw: bytes) -> bytes:
    """Change or delete an attribute, delete or duplicate an element, insert DTDs and entities."""
    op = data.draw(
        st.sampled_from(["attr", "attr", "del-attr", "element", "snippet"]), label="xml op"
    )
    if op in ("attr", "del-attr"):
        found = list(_ATTR.finditer(raw))
        if not found:
            return mutate_bytes(data, raw)
        m = found[data.draw(st.integers(0, len(found) - 1), label="attr")]
        if op == "del-attr":
            return raw[: m.start()] + raw[m.end() :]
        value = str(data.draw(scalar_values, label="value")).encode("utf-8", errors="replace")
        value = value.replace(b'"', b"&quot;").replace(b"<", b"&lt;")
        return raw[: m.start(2)] + value + raw[m.end(2) :]
    if op == "element":
        found = list(_ELEMENT.finditer(raw))
        if not found:
            return mutate_bytes(data, raw)
        m = found[data.draw(st.integers(0, len(found) - 1), label="element")]
        if data.draw(st.booleans(), label="delete"):
            return raw[: m.start()] + raw[m.end() :]
        return raw[: m.end()] + raw[m.start() : m.end()] + raw[m.end() :]
    snippet = data.draw(st.sampled_from(XML_SNIPPETS), label="snippet")
    if snippet.startswith(b"<!DOCTYPE") and raw.startswith(b"<?xml"):
        end = raw.find(b"?>") + 2
        return raw[:end] + b"\n" + snippet + raw[end:]
    i = _pos(data, raw)
    return raw[:i] + snippet + raw[i:]


mutate_xml = combine(xml_structure)
"""Mutator for XML files (GraphML, GEXF)."""

# --- SQLite --------------------------------------------------------------------------------


def sqlite_structure(data: st.DataObject, raw: bytes) -> bytes:
    """Through SQLite: retype or null a cell, delete or duplicate rows, drop a table or column."""
    with tempfile.TemporaryDirectory() as d:
        p = Path(d) / "x.db"
        p.write_bytes(raw)
        try:
            con = sqlite3.connect(p)
            con.text_factory = lambda b: b.decode("utf-8", errors="replace")
            try:
                _mutate_db(data, con)
                con.commit()
            finally:
                con.close()
        except sqlite3.DatabaseError:
            return mutate_bytes(data, raw)
        except UnicodeDecodeError:  # SQLite's message about a damaged schema is not UTF-8
            return raw  # the reader must cope with exactly this file
        return p.read_bytes()


def _mutate_db(data: st.DataObject, con: sqlite3.Connection) -> None:
    tables = [
        r[0] for r in con.execute("SELECT name FROM sqlite_master WHERE type='table' ORDER BY name")
    ]
    if not tables:
        return
    t = tables[data.draw(st.integers(0, len(tables) - 1), label="table")]
    cols = [r[1] for r in con.execute(f'PRAGMA table_info("{t}")')]
    rowids = [r[0] for r in con.execute(f'SELECT rowid FROM "{t}" ORDER BY rowid')]
    op = data.draw(
        st.sampled_from(
            [
                "cell",
                "cell",
                "cell",
                "null",
                "delete-row",
                "duplicate-row",
                "drop-table",
                "drop-column",
            ]
        ),
        label="sql op",
    )
    col = cols[data.draw(st.integers(0, len(cols) - 1), label="column")] if cols else None
    row = rowids[data.draw(st.integers(0, len(rowids) - 1), label="row")] if rowids else None
    if op in ("cell", "null") and col is not None and row is not None:
        value = (
            None
            if op == "null"
            else data.draw(
                scalar_values.map(
                    lambda v: v if not isinstance(v, int) or abs(v) < 2**63 else str(v)
                )
                | st.binary(max_size=8),
                label="value",
            )
        )
        if isinstance(value, str):
            value = value.encode("utf-8", errors="replace").decode("utf-8")
        con.execute(f'UPDATE "{t}" SET "{col}" = ? WHERE rowid = ?', (value, row))
    elif op == "delete-row" and row is not None:
        con.execute(f'DELETE FROM "{t}" WHERE rowid = ?', (row,))
    elif op == "duplicate-row" and row is not None:
        try:
            con.execute(f'INSERT INTO "{t}" SELECT * FROM "{t}" WHERE rowid = ?', (row,))
        except sqlite3.IntegrityError:  # a unique key: copy the row under a new first column
            rest = ", ".join(f'"{c}"' for c in cols[1:])
            if rest:
                with contextlib.suppress(sqlite3.IntegrityError):
                    con.execute(
                        f'INSERT INTO "{t}" ({rest}) SELECT {rest} FROM "{t}" WHERE rowid = ?',
                        (row,),
                    )
    elif op == "drop-table":
        con.execute(f'DROP TABLE "{t}"')
    elif op == "drop-column" and col is not None and len(cols) > 1:
        with contextlib.suppress(sqlite3.OperationalError):  # keys and indexed columns stay
            con.execute(f'ALTER TABLE "{t}" DROP COLUMN "{col}"')


mutate_sqlite = combine(sqlite_structure, structural_weight=4)
"""Mutator for SQLite files (.dna)."""

# --- Parquet -------------------------------------------------------------------------------


def parquet_structure(data: st.DataObject, raw: bytes) -> bytes:
    """Through pyarrow: drop, rename, null or retype a column, duplicate rows, damage metadata."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    try:
        table = pq.read_table(io.BytesIO(raw))
    except (pa.ArrowException, OSError):
        return mutate_bytes(data, raw)
    names = table.column_names
    op = data.draw(
        st.sampled_from(
            ["drop", "rename", "null", "retype", "retype", "duplicate", "metadata", "cell"]
        ),
        label="parquet op",
    )
    i = data.draw(st.integers(0, max(0, len(names) - 1)), label="column")
    n = table.num_rows
    if names and op == "drop":
        table = table.remove_column(i)
    elif names and op == "rename":
        table = table.rename_columns(
            [*names[:i], data.draw(st.text(max_size=8), label="name"), *names[i + 1 :]]
        )
    elif names and op == "null":
        table = table.set_column(i, names[i], pa.nulls(n))
    elif names and op == "retype":
        kind = data.draw(
            st.sampled_from(["int", "float", "str", "bool", "list", "struct", "binary"]),
            label="type",
        )
        col = {
            "int": pa.array([2**62] * n, pa.int64()),
            "float": pa.array([1e308] * n, pa.float64()),
            "str": pa.array(["x"] * n, pa.string()),
            "bool": pa.array([True] * n, pa.bool_()),
            "list": pa.array([[1, 2]] * n, pa.list_(pa.int64())),
            "struct": pa.array([{"a": 1}] * n),
            "binary": pa.array([b"\xff"] * n, pa.binary()),
        }[kind]
        table = table.set_column(i, names[i], col)
    elif names and op == "cell" and n:
        col = table.column(i).to_pylist()
        r = data.draw(st.integers(0, n - 1), label="row")
        new = data.draw(
            odd_texts | st.sampled_from(["", "{", "[1]", '{"a":' * 2000, "null"]), label="cell"
        )
        new = new.encode("utf-8", errors="replace").decode("utf-8")
        if all(isinstance(v, str) or v is None for v in col):
            col[r] = new
            table = table.set_column(i, names[i], pa.array(col, pa.string()))
    elif op == "duplicate" and n:
        table = pa.concat_tables([table, table.slice(0, 1)])
    elif op == "metadata":
        meta = dict(table.schema.metadata or {})
        drop: bool = data.draw(st.booleans(), label="drop meta")
        if meta and drop:
            meta.pop(sorted(meta)[0])
        else:
            key = sorted(meta)[0] if meta else b"discourse"
            meta[key] = data.draw(
                st.sampled_from([b"", b"{", b"[]", b'{"version": 99}', b"\xff", b"null"]),
                label="meta",
            )
        table = table.replace_schema_metadata(meta)
    buf = io.BytesIO()
    pq.write_table(table, buf)
    return buf.getvalue()


mutate_parquet = combine(parquet_structure)
"""Mutator for Parquet files."""

# --- text for the parser -------------------------------------------------------------------

TEXT_SNIPPETS = [
    "\x00",
    "\ufeff",
    "\u200b\u200d",
    "\u202e",
    "\ud800",
    "\r\n",
    "\t",
    "🙂👍🏽",
    "“",
    "”",
    "'",
    '"',
    "...",
    " Mr ",
    " Ms. ",
    " St. ",
    " said ",
    " accused ",
    " of ",
    " the ",
    " in 2017",
    " on 31 February 2017",
    " 99999999999999999999",
    " Labour",
    "-",
    "(",
    ")",
    "A" * 300,
    "Jane Roe " * 20,
    "(" * 1000,
    "“" * 1000,
]


def text_structure(data: st.DataObject, raw: bytes) -> bytes:
    """Insert odd characters or words, change case, drop spaces or punctuation, repeat a piece."""
    text = raw.decode("utf-8", errors="surrogateescape")
    op = data.draw(
        st.sampled_from(["insert", "insert", "case", "squash", "depunct", "repeat"]),
        label="text op",
    )
    i = data.draw(st.integers(0, len(text)), label="at")
    if op == "insert":
        snippet = data.draw(st.sampled_from(TEXT_SNIPPETS) | st.text(max_size=10), label="snippet")
        text = text[:i] + snippet + text[i:]
    elif op == "case":
        text = data.draw(
            st.sampled_from([str.upper, str.lower, str.title, str.swapcase]), label="case"
        )(text)
    elif op == "squash":
        text = text.replace(" ", "")
    elif op == "depunct":
        text = re.sub(r"[.,;:!?\"'“”]", "", text)
    else:
        j = data.draw(st.integers(i, min(len(text), i + 40)), label="to")
        text = text[:i] + text[i:j] * data.draw(st.integers(2, 50), label="times") + text[j:]
    return text.encode("utf-8", errors="surrogatepass")


mutate_text = combine(
    text_structure, byte_mutators=[truncate, flip_bytes, splice, reencode, huge_number]
)
"""Mutator for plain text given to the parser (UTF-8 bytes; decode with surrogateescape)."""
