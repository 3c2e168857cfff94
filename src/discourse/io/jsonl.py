"""The ``jsonl`` format: a header line, then one record per line with a ``type`` tag.

Streamable in constant memory with :func:`discourse.iter_load`. Lossless.

Example file::

    {"type": "header", "format": "discourse", "version": 1}
    {"type": "actor", "id": "jeremy-corbyn", "name": "Jeremy Corbyn"}
    {"type": "claim", "id": "c1", "claimant": "owen-jones", "form": "demand"}
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path
from typing import BinaryIO

from discourse._gc import gc_paused
from discourse.convert import (
    FORMAT_NAME,
    SCHEMA_VERSION,
    SECTIONS,
    _build_corpus,
    _codec,
    check_envelope,
    decode_json,
    encode_json,
    iter_structure_records,
    type_name,
    unstructure_record,
)
from discourse.corpus import Corpus
from discourse.errors import DuplicateIdError, FormatError
from discourse.io._atomic import atomic_write
from discourse.io._registry import Format
from discourse.model import Record

__all__ = ["FORMAT", "iter_read", "read", "write"]

_HEADER = {"type": "header", "format": FORMAT_NAME, "version": SCHEMA_VERSION}


def _decoded_lines(path: Path) -> Iterator[tuple[int, object]]:
    where = str(path)
    try:
        f = path.open("rb")
    except OSError as e:
        raise FormatError(f"cannot read: {e.strerror}", path=where) from None
    with f:
        first = True
        for lineno, raw in enumerate(f, start=1):
            if not raw.strip():
                continue
            try:
                obj = decode_json(raw)
            except FormatError as e:
                raise FormatError(f"line {lineno}: {e}", path=where, line=lineno) from None
            if first:
                first = False
                if isinstance(obj, dict) and obj.get("type") == "header":
                    problems = check_envelope({k: v for k, v in obj.items() if k != "type"})
                    if problems:
                        raise FormatError(
                            f"line {lineno}: " + "; ".join(problems),
                            path=where,
                            line=lineno,
                            errors=problems,
                        )
                    continue
                raise FormatError(
                    f"line {lineno}: expected the header "
                    '{"type": "header", "format": "discourse", "version": 1}',
                    path=where,
                    line=lineno,
                )
            yield lineno, obj
        if first:
            raise FormatError("empty file: expected a header line", path=where)


def iter_read(path: Path) -> Iterator[Record]:
    """Yield the records of a JSONL file one by one, in constant memory."""
    return iter_structure_records(_decoded_lines(path), path=str(path))


def read(path: Path) -> Corpus:
    """Read a JSONL file into a corpus.

    With msgspec installed the whole file is decoded in C first; if anything
    is wrong with it, it is read again line by line to name the bad line.

    Raises:
        FormatError: At the first bad line, with its number.
    """
    codec = _codec()
    if codec is not None:
        try:
            with path.open("rb") as f, gc_paused():
                fast = codec.decode_lines(b"".join(lines) for lines in iter(_chunk(f), []))
        except OSError as e:
            raise FormatError(f"cannot read: {e.strerror}", path=str(path)) from None
        if fast is not None:
            try:
                with gc_paused():
                    return Corpus(fast)
            except DuplicateIdError:
                pass  # read again below, to name the lines
    # Line by line, keeping each record's line number for the error messages.
    where = str(path)
    lines: list[int] = []

    def numbered() -> Iterator[tuple[int, object]]:
        for lineno, obj in _decoded_lines(path):
            lines.append(lineno)
            yield lineno, obj

    with gc_paused():
        records = list(iter_structure_records(numbered(), path=where))
    return _build_corpus(records, path=where, locate=lambda k: f"line {lines[k]}")


def _chunk(f: BinaryIO) -> Callable[[], list[bytes]]:
    # Whole lines, about 8 MB at a time: the fast path decodes one chunk at a time.
    return lambda: f.readlines(1 << 23)


def _encoded_lines(corpus: Corpus) -> Iterator[bytes]:
    codec = _codec()
    if codec is not None:
        try:
            with gc_paused():
                # Corpus iteration order: sources, actors, factions, memberships, events, claims.
                return iter(
                    [
                        codec.encoder.encode_lines(
                            codec.records(corpus.of_type(cls), cls, tagged=True)
                        )
                        for cls in SECTIONS.values()
                    ]
                )
        except Exception:  # noqa: S110 - the path below words the problem
            pass
    return (
        encode_json({"type": type_name(record), **unstructure_record(record)}) + b"\n"
        for record in corpus
    )


def write(corpus: Corpus, path: Path) -> None:
    """Write ``corpus`` as JSONL (header first, then records by type), atomically."""
    with atomic_write(path, "wb") as f:
        f.write(encode_json(_HEADER))
        f.write(b"\n")
        for chunk in _encoded_lines(corpus):
            f.write(chunk)


FORMAT = Format(
    name="jsonl",
    extensions=(".jsonl", ".ndjson"),
    description="One record per line with a type tag; streams in constant memory.",
    lossless=True,
    carries="everything",
    read=read,
    write=write,
    iter_read=iter_read,
)
