"""The ``json`` format: one document with the envelope ``{"format": "discourse", "version": 1}``.

Lossless: ``load(dump(c)) == c`` for every corpus.
"""

from __future__ import annotations

from pathlib import Path

from discourse.convert import encode_corpus, load_json_document
from discourse.corpus import Corpus
from discourse.errors import FormatError
from discourse.io._atomic import atomic_write
from discourse.io._registry import Format

__all__ = ["FORMAT", "read", "write"]


def read(path: Path) -> Corpus:
    """Read a discourse JSON document.

    Raises:
        FormatError: The file cannot be read, is not JSON, or is not a valid
            document (every problem listed with its path).
    """
    try:
        data = path.read_bytes()
    except OSError as e:
        raise FormatError(f"cannot read: {e.strerror}", path=str(path)) from None
    try:
        return load_json_document(data, path=str(path))
    except FormatError as e:
        if e.path is None:
            raise FormatError(str(e), path=str(path), errors=e.errors) from None
        raise


def write(corpus: Corpus, path: Path) -> None:
    """Write ``corpus`` as an indented JSON document, atomically."""
    data = encode_corpus(corpus, indent=True)
    with atomic_write(path, "wb") as f:
        f.write(data)
        f.write(b"\n")


FORMAT = Format(
    name="json",
    extensions=(".json",),
    description="The discourse JSON document (envelope with format and version).",
    lossless=True,
    carries="everything",
    read=read,
    write=write,
)
