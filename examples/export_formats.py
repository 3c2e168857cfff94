"""Export the hand-coded seed article to every format, and read each file back.

Run it (the files go to a temporary folder, or to the folder you name)::

    python examples/export_formats.py [out-folder]

For each format it prints the file written, what the format could not carry
(the ``LossWarning``), and what reading the file back gives. Formats whose
optional extra is not installed are skipped with the install hint.
"""

from __future__ import annotations

import runpy
import sys
import tempfile
import warnings
from pathlib import Path

import discourse as dc

HERE = Path(__file__).resolve().parent

FILES = {
    "json": "labour-2017.json",
    "jsonl": "labour-2017.jsonl",
    "yaml": "labour-2017.yaml",
    "dna": "labour-2017.dna",
    "aif": "labour-2017.aif.json",
    "popolo": "labour-2017.popolo.json",
    "plover": "labour-2017.plover.jsonl",
    "csv": "labour-2017-claims.csv",
    "graphml": "labour-2017.graphml",
    "gexf": "labour-2017.gexf",
    "parquet": "labour-2017.parquet",
}


def export(corpus: dc.Corpus, folder: Path) -> dict[str, dc.Corpus]:
    """Write ``corpus`` in every format and read it back; return what each format gave back."""
    folder.mkdir(parents=True, exist_ok=True)
    back: dict[str, dc.Corpus] = {}
    for name, filename in FILES.items():
        path = folder / filename
        with warnings.catch_warnings(record=True) as caught:
            warnings.simplefilter("always")
            try:
                dc.dump(corpus, path)
            except dc.UnknownFormatError as e:  # the format's extra is not installed
                print(f"{name:8} skipped: {e}")
                continue
            back[name] = dc.load(path)
        lost = [w.message for w in caught if isinstance(w.message, dc.LossWarning)]
        same = "same corpus" if back[name] == corpus else f"{back[name]!r}"
        print(f"{name:8} {filename:28} {same}")
        for w in lost:
            print(f"{'':8} lost: {', '.join(f'{k} ({v})' for k, v in sorted(w.dropped.items()))}")
    return back


def main() -> None:
    """Build the seed corpus, export it to every format and summarise what came back."""
    corpus = runpy.run_path(str(HERE / "labour_2017.py"))["build_corpus"]()
    out = Path(sys.argv[1]) if len(sys.argv) > 1 else Path(tempfile.mkdtemp(prefix="discourse-"))
    print(f"The seed corpus: {corpus!r}\nFiles in {out}\n")
    back = export(corpus, out)
    lossless = sorted(name for name, c in back.items() if c == corpus)
    print(f"\nRead back unchanged: {', '.join(lossless)}")
    if "plover" in back:
        print("\nPLOVER events of the seed article:")
        for e in back["plover"].events:
            print(f"  {e.kind.value:20} {e.name or '-'}")
    if "aif" in back:
        print("\nAIF propositions and who asserted them:")
        for c in back["aif"].claims():
            who = back["aif"].get(c.claimant)
            print(f"  {getattr(who, 'name', c.claimant):20} {c.text or c.quote or '-'}")


if __name__ == "__main__":
    main()
