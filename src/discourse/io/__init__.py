"""Reading and writing corpora in many formats, behind one dispatch.

:func:`load` and :func:`dump` choose the format from ``format=`` or from the
file name (see :func:`formats`). Each format lives in its own module here.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING

from discourse.errors import FormatError
from discourse.io._registry import Format, format_for, formats, get_format
from discourse.io.csv import dump_tables, load_tables

if TYPE_CHECKING:
    from discourse.corpus import Corpus
    from discourse.model import Record

__all__ = [
    "Format",
    "dump",
    "dump_tables",
    "formats",
    "get_format",
    "iter_load",
    "load",
    "load_tables",
]

PathLike = str | os.PathLike[str]


def load(path: PathLike, format: str | None = None) -> Corpus:
    """Read a corpus from ``path``.

    Args:
        path: The file to read.
        format: A format name (see :func:`formats`); by default it is
            guessed from the file name (``.json``, ``.jsonl``, ``.dna``...).

    Raises:
        FormatError: The file is missing, unreadable or malformed; the
            message says where (e.g. ``claims[3].stance: ...``).
        UnknownFormatError: The format cannot be told or is not available.
    """
    fmt = format_for(path, format)
    if fmt.read is None:
        raise FormatError(f"the {fmt.name} format can be written but not read")
    p = Path(path)
    if not p.is_file():
        raise FormatError("no such file" if not p.exists() else "not a regular file", path=str(p))
    return fmt.read(p)


def iter_load(path: PathLike, format: str | None = None) -> Iterator[Record]:
    """Yield the records of a file one by one, in constant memory where the format allows.

    JSONL streams; other formats are read whole and then iterated.

    Raises:
        FormatError: As :func:`load`, raised when the bad part is reached.
    """
    fmt = format_for(path, format)
    p = Path(path)
    if not p.is_file():
        raise FormatError("no such file" if not p.exists() else "not a regular file", path=str(p))
    if fmt.iter_read is not None:
        return fmt.iter_read(p)
    if fmt.read is None:
        raise FormatError(f"the {fmt.name} format can be written but not read")
    return iter(fmt.read(p))


def dump(corpus: Corpus, path: PathLike, format: str | None = None) -> None:
    """Write ``corpus`` to ``path`` atomically.

    The data goes to a temporary file that replaces ``path`` only when
    complete, so a failure never leaves a half-written file. Formats that
    cannot carry everything issue a :class:`~discourse.LossWarning`.

    Raises:
        FormatError: The corpus cannot be written in that format.
        UnknownFormatError: The format cannot be told or is not available.
    """
    fmt = format_for(path, format)
    if fmt.write is None:
        raise FormatError(f"the {fmt.name} format can be read but not written")
    fmt.write(corpus, Path(path))
