"""Export the hand-coded seed article to DNA, CSV and Parquet, and read the DNA file back.

Run it (the files go to a temporary folder, or to the folder you name)::

    python examples/export_dna.py [out-folder]

Open ``labour-2017.dna`` in the Discourse Network Analyzer 3.1 (coder
``Admin``, password ``admin``) to code more statements by hand; load it back
with ``discourse.load``.
"""

from __future__ import annotations

import runpy
import sys
import tempfile
import warnings
from pathlib import Path

import discourse as dc
from discourse.io.csv import dump_tables

HERE = Path(__file__).resolve().parent


def export(corpus: dc.Corpus, folder: Path) -> dict[str, Path]:
    """Write ``corpus`` in each tabular format; print what each format could not carry."""
    folder.mkdir(parents=True, exist_ok=True)
    paths = {
        "dna": folder / "labour-2017.dna",
        "csv": folder / "labour-2017-claims.csv",
        "parquet": folder / "labour-2017.parquet",
    }
    for name, path in paths.items():
        with warnings.catch_warnings(record=True) as caught:
            warnings.simplefilter("always")
            try:
                dc.dump(corpus, path)
            except dc.UnknownFormatError as e:  # the parquet extra is not installed
                print(f"{name:8} skipped: {e}")
                continue
        lost = [w.message for w in caught if isinstance(w.message, dc.LossWarning)]
        print(f"{name:8} {path.name:28} {lost[0] if lost else 'nothing lost'}")
    dump_tables(corpus, folder / "labour-2017-tables.zip")
    print(f"{'tables':8} {'labour-2017-tables.zip':28} nothing lost")
    return paths


def main() -> None:
    """Build the seed corpus, export it and show what DNA gives back."""
    corpus = runpy.run_path(str(HERE / "labour_2017.py"))["build_corpus"]()
    out = Path(sys.argv[1]) if len(sys.argv) > 1 else Path(tempfile.mkdtemp(prefix="discourse-"))
    paths = export(corpus, out)
    back = dc.load(paths["dna"])
    print(f"\nRead back from DNA: {back}")
    for claim in back.claims():
        who = back[claim.claimant].name  # type: ignore[union-attr]
        whom = back[claim.target].name if claim.target else "-"  # type: ignore[union-attr]
        print(f"  {who:16} {claim.form!s:12} {claim.stance!s:8} {whom:16} {claim.issue or '-'}")


if __name__ == "__main__":
    main()
