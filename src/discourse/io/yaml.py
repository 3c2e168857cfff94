"""The ``yaml`` format: the JSON document written as YAML, for authoring small corpora by hand.

The schema is the one of the ``json`` format (an envelope ``format:
discourse`` / ``version: 1`` and one list per record type), read through the
same converter, so a YAML file is accepted or refused exactly as the same
document in JSON would be, with the same messages, plus the line number::

    format: discourse
    version: 1
    actors:
      - id: jeremy-corbyn
        name: Jeremy Corbyn
    claims:
      - id: c1
        claimant: jeremy-corbyn
        form: demand
        date: 2017-03      # dates stay text: 2017, 2017-03 and 2017-03-02 all work

Reading is safe: only plain data (PyYAML's safe loader, no Python tags),
aliases (``*name``, the "billion laughs" vector) are refused, dates are not
turned into ``datetime`` objects, and a key given twice in one mapping is an
error rather than silently overwritten. Lossless: ``load(dump(c)) == c``.

Needs the ``yaml`` extra: ``pip install 'discourse-model[yaml]'``.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import yaml

from discourse.convert import structure_document, unstructure_corpus
from discourse.convert import summarize_errors as _summary
from discourse.corpus import Corpus
from discourse.errors import FormatError
from discourse.io._atomic import atomic_write
from discourse.io._registry import Format

__all__ = ["FORMAT", "read", "write"]


class _Loader(yaml.SafeLoader):
    """The safe loader without aliases and without timestamp conversion."""

    def compose_node(self, parent: yaml.Node | None, index: int) -> yaml.Node | None:
        if self.check_event(yaml.AliasEvent):
            event = self.peek_event()  # type: ignore[no-untyped-call]
            raise yaml.composer.ComposerError(
                None,
                None,
                f"aliases (*{event.anchor}) are not allowed in discourse YAML; write the value out",
                event.start_mark,
            )
        return super().compose_node(parent, index)


# Keep dates as the text written (PartialDate parses them); drop the timestamp resolver.
_Loader.yaml_implicit_resolvers = {
    first: [(tag, rx) for tag, rx in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}


class _Dumper(yaml.SafeDumper):
    """The safe dumper; never writes anchors and aliases, which the reader refuses."""

    def ignore_aliases(self, data: Any) -> bool:
        return True


# Line-break characters other than \n (NEL, LS, PS) and the BOM are mangled in plain or
# single-quoted scalars; write strings holding them double-quoted, where they are escaped.
_NEEDS_ESCAPE = re.compile("[\x85\u2028\u2029\ufeff]")


def _represent_str(dumper: yaml.SafeDumper, data: str) -> yaml.ScalarNode:
    if _NEEDS_ESCAPE.search(data):
        return dumper.represent_scalar("tag:yaml.org,2002:str", data, style='"')
    return dumper.represent_str(data)


_Dumper.add_representer(str, _represent_str)


def _lines(node: yaml.Node, path: str, out: dict[str, int], dups: list[tuple[str, int]]) -> None:
    """Map each JSON-style path (``claims[3].stance``) to its 1-based line; collect duplicate keys."""
    out.setdefault(path, node.start_mark.line + 1)
    if isinstance(node, yaml.MappingNode):
        seen: set[str] = set()
        for key_node, value_node in node.value:
            key = str(key_node.value) if isinstance(key_node, yaml.ScalarNode) else "?"
            if key in seen:
                where = f"{path}.{key}" if path else key
                line = key_node.start_mark.line + 1
                dups.append((f"{where}: key given twice (line {line})", line))
            seen.add(key)
            _lines(value_node, f"{path}.{key}" if path else key, out, dups)
    elif isinstance(node, yaml.SequenceNode):
        for i, item in enumerate(node.value):
            _lines(item, f"{path}[{i}]", out, dups)


_PATH_TAIL = re.compile(r"(\.[^.\[]+|\[\d+\])$")


def _line_of(where: str, lines: dict[str, int]) -> int | None:
    while where:
        if where in lines:
            return lines[where]
        shorter = _PATH_TAIL.sub("", where)
        if shorter == where:
            break
        where = shorter
    return None


def _with_lines(errors: tuple[str, ...], lines: dict[str, int]) -> list[str]:
    out = []
    for err in errors:
        where, sep, _ = err.partition(": ")
        line = _line_of(where, lines) if sep else None
        out.append(f"{err} (line {line})" if line is not None else err)
    return out


def loads(text: str | bytes, *, path: str | None = None) -> Corpus:
    """A corpus from YAML text.

    Raises:
        FormatError: The text is not YAML, uses aliases, or is not a valid
            document; every problem is listed with its path and line, e.g.
            ``claims[0].stance: 'opose' is not one of support, oppose, neutral (line 9)``.
    """
    try:
        loader = _Loader(text)
    except yaml.YAMLError as e:  # ReaderError: bytes that are not text
        raise FormatError(f"invalid YAML: {e}", path=path) from None
    try:
        node = loader.get_single_node()
        data = loader.construct_document(node) if node is not None else None
    except yaml.MarkedYAMLError as e:
        mark = e.problem_mark or e.context_mark
        line = mark.line + 1 if mark is not None else None
        problem = e.problem or e.context or "invalid YAML"
        where = f"line {line}, column {mark.column + 1}: " if mark is not None else ""
        raise FormatError(f"{where}invalid YAML: {problem}", path=path, line=line) from None
    except yaml.YAMLError as e:  # ReaderError: text with characters YAML forbids
        raise FormatError(f"invalid YAML: {e}", path=path) from None
    except RecursionError:
        raise FormatError("YAML nested too deeply", path=path) from None
    except (ValueError, OverflowError) as e:  # PyYAML's scanner: "\U7fffffff", "\Uffffffff"
        mark = loader.get_mark()
        raise FormatError(
            f"line {mark.line + 1}: invalid YAML: {e}", path=path, line=mark.line + 1
        ) from None
    finally:
        loader.dispose()
    lines: dict[str, int] = {}
    dups: list[tuple[str, int]] = []
    if node is not None:
        _lines(node, "", lines, dups)
    if dups:
        msgs = [m for m, _ in dups]
        raise FormatError(_summary(msgs), path=path, line=dups[0][1], errors=msgs)
    try:
        return structure_document(data, path=path)
    except FormatError as e:
        errors = _with_lines(e.errors, lines)
        first = _line_of(e.errors[0].partition(": ")[0], lines) if e.errors else None
        raise FormatError(_summary(errors), path=path, line=first, errors=errors) from None


def dumps(corpus: Corpus) -> str:
    """The corpus as YAML text (the JSON document's structure, in block style)."""
    return yaml.dump(
        unstructure_corpus(corpus),
        Dumper=_Dumper,
        sort_keys=False,
        allow_unicode=True,
        default_flow_style=False,
        width=100,
    )


def read(path: Path) -> Corpus:
    """Read a discourse YAML document.

    Raises:
        FormatError: As :func:`loads`, with the file name.
    """
    try:
        data = path.read_bytes()
    except OSError as e:
        raise FormatError(f"cannot read: {e.strerror}", path=str(path)) from None
    return loads(data, path=str(path))


def write(corpus: Corpus, path: Path) -> None:
    """Write ``corpus`` as YAML, atomically.

    Raises:
        FormatError: A value in ``attributes`` is not plain data.
    """
    try:
        text = dumps(corpus)
    except yaml.YAMLError as e:
        raise FormatError(f"cannot write as YAML: {e}", path=str(path)) from None
    with atomic_write(path, "w") as f:
        f.write(text)


FORMAT = Format(
    name="yaml",
    extensions=(".yaml", ".yml"),
    description="The discourse document as YAML, for writing small corpora by hand.",
    lossless=True,
    carries="everything (same schema as the json format)",
    read=read,
    write=write,
    extra="yaml",
)
