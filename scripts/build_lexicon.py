"""Refresh the ``first_names`` list of the shipped lexicon from Universal NER English-EWT.

The list is every given name that starts a multi-word person name (``B-PER``
followed by ``I-PER``) in the UNER English-EWT development and test splits
(CC BY-SA 4.0, see ``src/discourse/parse/data/README.md``), keeping capitalized
alphabetic words seen more often starting a person's name than inside an
organization or location name. Every other key of
``src/discourse/parse/data/lexicon_en.json`` is written by hand and left as is.

Usage::

    python scripts/build_lexicon.py [--uner ../shared/data/uner-english-ewt]

The UNER names are merged with the hand-curated
``src/discourse/parse/data/first_names_supplement.txt``. The output is deterministic (sorted, no timestamps): running it twice gives
the same file.
"""

from __future__ import annotations

import argparse
import gzip
import json
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
LEXICON = ROOT / "src" / "discourse" / "parse" / "data" / "lexicon_en.json"
UNER = ROOT.parent / "shared" / "data" / "uner-english-ewt"
SPLITS = ("en_ewt-ud-dev.iob2.gz", "en_ewt-ud-test.iob2.gz")
#: Hand-curated given names merged into the UNER list (see the data README).
SUPPLEMENT = LEXICON.parent / "first_names_supplement.txt"
#: Words UNER tags as starting a person's name that are not given names.
NOT_NAMES = frozenset(
    {"Bin", "Prophet", "Visit", "Davis", "McGilloway", "Townsend", "Webb", "Cossor"}
)


def read_sentences(path: Path) -> list[list[tuple[str, str]]]:
    """Read an IOB2 file into sentences of ``(token, tag)`` pairs."""
    sentences: list[list[tuple[str, str]]] = []
    current: list[tuple[str, str]] = []
    with gzip.open(path, "rt", encoding="utf-8") as f:
        for line in f:
            line = line.rstrip("\n")
            if not line:
                if current:
                    sentences.append(current)
                    current = []
                continue
            if line.startswith("#"):
                continue
            cols = line.split("\t")
            if len(cols) >= 3:
                current.append((cols[1], cols[2]))
    if current:
        sentences.append(current)
    return sentences


def first_names(sentences: list[list[tuple[str, str]]]) -> list[str]:
    """Given names: first words of multi-word person names, not mostly other entities."""
    person: Counter[str] = Counter()
    other: Counter[str] = Counter()
    for sent in sentences:
        for i, (token, tag) in enumerate(sent):
            nxt = sent[i + 1][1] if i + 1 < len(sent) else "O"
            if tag == "B-PER" and nxt == "I-PER":
                person[token] += 1
            elif tag != "O" and not tag.endswith("PER"):
                other[token] += 1
    names = [
        w
        for w, n in person.items()
        if w.isalpha()
        and w[0].isupper()
        and len(w) > 1
        and not w.isupper()
        and n > other[w]
        and w not in NOT_NAMES
    ]
    return sorted(names)


def supplement(path: Path = SUPPLEMENT) -> list[str]:
    """The hand-curated given names of ``path``: whitespace-separated, ``#`` comments skipped."""
    names: list[str] = []
    for line in path.read_text(encoding="utf-8").splitlines():
        line = line.strip()
        if line and not line.startswith("#"):
            names.extend(line.split())
    return names


def main() -> None:
    """Rewrite the ``first_names`` key of the shipped lexicon."""
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--uner", type=Path, default=UNER, help="the uner-english-ewt directory")
    args = ap.parse_args()
    sentences: list[list[tuple[str, str]]] = []
    for split in SPLITS:
        sentences.extend(read_sentences(args.uner / split))
    names = sorted(set(first_names(sentences)) | set(supplement()))
    doc = json.loads(LEXICON.read_text(encoding="utf-8"))
    doc["first_names"] = names
    LEXICON.write_text(json.dumps(doc, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    print(
        f"{len(names)} first names from {len(sentences)} sentences -> {LEXICON.relative_to(ROOT)}"
    )


if __name__ == "__main__":
    main()
