"""The format registry behind :func:`discourse.load` and :func:`discourse.dump`.

Each format lives in its own module under :mod:`discourse.io` and exposes a
module-level ``FORMAT`` (a :class:`Format`). The registry lists the modules by
name and imports one only when it is used, so optional dependencies (PyYAML,
networkx, pyarrow) are needed only by the formats that use them.
"""

from __future__ import annotations

import importlib
import os
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import IO, TYPE_CHECKING, Any

from attrs import define, field

from discourse.errors import UnknownFormatError

if TYPE_CHECKING:
    from discourse.corpus import Corpus
    from discourse.model import Record

__all__ = ["Format", "format_for", "formats", "get_format"]

PathLike = str | os.PathLike[str]

Reader = Callable[[Path], "Corpus"]
"""Reads the file at a path into a corpus; raises FormatError on bad input."""
Writer = Callable[["Corpus", Path], None]
"""Writes a corpus to a path atomically (see ``discourse.io._atomic``)."""
StreamReader = Callable[[Path], Iterator["Record"]]
"""Yields records one by one in constant memory."""


@define(frozen=True, slots=True, kw_only=True)
class Format:
    """A file format that corpora can be read from and/or written to.

    Attributes:
        name: The name used in ``format=`` (e.g. ``"dna"``).
        extensions: File name endings, longest first matters (e.g. ``(".aif.json",)``).
        description: One line on what the format is.
        lossless: Whether ``load(dump(c)) == c`` for every corpus.
        carries: What the format can carry, in words.
        drops: What it cannot carry (reported by a ``LossWarning`` on dump).
        read: Reader function, or ``None`` for write-only formats.
        write: Writer function, or ``None`` for read-only formats.
        iter_read: Streaming reader, if the format supports one.
        extra: The pip extra its dependencies come from, if any.
    """

    name: str
    extensions: tuple[str, ...]
    description: str
    lossless: bool
    carries: str = ""
    drops: str = ""
    read: Reader | None = None
    write: Writer | None = None
    iter_read: StreamReader | None = None
    extra: str | None = None
    binary: bool = field(default=False)


# name -> module under discourse.io; extensions are listed here too so that a
# format can be chosen from a file name without importing every module.
_MODULES: dict[str, tuple[str, tuple[str, ...]]] = {
    "json": ("discourse.io.json", (".json",)),
    "jsonl": ("discourse.io.jsonl", (".jsonl", ".ndjson")),
    "yaml": ("discourse.io.yaml", (".yaml", ".yml")),
    "dna": ("discourse.io.dna", (".dna",)),
    "aif": ("discourse.io.aif", (".aif.json", ".aif")),
    "popolo": ("discourse.io.popolo", (".popolo.json",)),
    "plover": ("discourse.io.plover", (".plover.jsonl", ".plover.json")),
    "csv": ("discourse.io.csv", (".csv",)),
    "graphml": ("discourse.io.graphml", (".graphml",)),
    "gexf": ("discourse.io.graphml", (".gexf",)),
    "parquet": ("discourse.io.parquet", (".parquet",)),
}


def get_format(name: str) -> Format:
    """The :class:`Format` called ``name``.

    Raises:
        UnknownFormatError: No such format, or its module is not available.
    """
    entry = _MODULES.get(name)
    if entry is None:
        raise UnknownFormatError(
            f"unknown format {name!r}; known formats: {', '.join(sorted(_MODULES))}"
        )
    try:
        module = importlib.import_module(entry[0])
    except ModuleNotFoundError as e:
        if e.name == entry[0]:
            raise UnknownFormatError(
                f"the {name!r} format is not available in this version"
            ) from None
        raise UnknownFormatError(
            f"the {name!r} format needs the package {e.name!r}; "
            f"install it with: pip install 'discourse-model[{_extra_hint(name)}]'"
        ) from None
    fmt: Format = module.FORMATS[name] if hasattr(module, "FORMATS") else module.FORMAT
    return fmt


def _extra_hint(name: str) -> str:
    return {"yaml": "yaml", "graphml": "graph", "gexf": "graph", "parquet": "parquet"}.get(
        name, "all"
    )


def format_for(path: PathLike | IO[Any], format: str | None = None) -> Format:
    """The format named by ``format``, or else guessed from the file name's ending.

    Raises:
        UnknownFormatError: Neither gives a known format.
    """
    if format is not None:
        return get_format(format)
    name = (
        os.fspath(path).lower()
        if isinstance(path, (str, os.PathLike))
        else getattr(path, "name", "")
    )
    if not isinstance(name, str):
        name = ""
    best: tuple[int, str] | None = None
    for fname, (_, exts) in _MODULES.items():
        for ext in exts:
            if name.endswith(ext) and (best is None or len(ext) > best[0]):
                best = (len(ext), fname)
    if best is None:
        raise UnknownFormatError(
            f"cannot tell the format of {name or 'this file'!r} from its name; "
            f"pass format= (one of: {', '.join(sorted(_MODULES))})"
        )
    return get_format(best[1])


def formats() -> list[Format]:
    """Every format available in this installation, by name.

    Formats whose optional dependency is missing are left out.
    """
    out: dict[str, Format] = {}
    for name in sorted(_MODULES):
        try:
            out[name] = get_format(name)
        except UnknownFormatError:
            continue
    return list(out.values())
