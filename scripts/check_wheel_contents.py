"""Check a built wheel: typed, ships the parser's data, carries no tests or benchmarks.

Usage: python scripts/check_wheel_contents.py dist/discourse_model-*.whl
"""

from __future__ import annotations

import sys
import zipfile


def problems(names: list[str]) -> list[str]:
    """What is wrong with a wheel holding these file names."""
    out = []
    if "discourse/py.typed" not in names:
        out.append("missing discourse/py.typed")
    if not any(n.startswith("discourse/parse/data/tagger") for n in names):
        out.append("missing the trained tagger under discourse/parse/data/")
    if not any(n.startswith("discourse/parse/data/lexicon") for n in names):
        out.append("missing the shipped lexicon under discourse/parse/data/")
    for n in names:
        top = n.split("/", 1)[0]
        if top in {"tests", "benchmarks", "scripts", "examples", "docs"}:
            out.append(f"must not ship {n}")
        if n.endswith((".pyc", ".pkl", ".pickle")):
            out.append(f"must not ship {n}")
    return out


if __name__ == "__main__":
    with zipfile.ZipFile(sys.argv[1]) as whl:
        found = problems(whl.namelist())
    for p in found:
        print(f"wheel: {p}", file=sys.stderr)
    if found:
        sys.exit(1)
    print(f"wheel contents OK: {sys.argv[1]}")
