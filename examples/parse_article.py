"""Parse a news or opinion article into a corpus and print what was found.

    python examples/parse_article.py [ARTICLE.txt] [--date 2017-03-10] [--lexicon LEXICON.yaml]

Without an article it parses the seed text ``../shared/corpus/labour-2017-unite.txt``
(beside the repository) or, failing that, a short built-in paragraph.
"""

from __future__ import annotations

import argparse
from pathlib import Path

from discourse.parse import Lexicon, Parser

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT.parent / "shared" / "corpus" / "labour-2017-unite.txt"
FALLBACK = (
    "SPD leader Saskia Esken said on Monday that the party would not enter another coalition. "
    "Kevin Kühnert, the general secretary of the SPD, praised Esken’s decision, but Olaf Scholz "
    "warned of a “damaging split”."
)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("article", nargs="?", type=Path, help="a UTF-8 text file")
    ap.add_argument("--date", default="2017-03-10", help="publication date (anchors 'on Tuesday')")
    ap.add_argument("--lexicon", type=Path, help="a user lexicon (YAML or JSON)")
    args = ap.parse_args()

    if args.article is not None:
        text, source = args.article.read_text(encoding="utf-8"), args.article.stem
    elif SEED.is_file():
        text, source = SEED.read_text(encoding="utf-8"), "labour-2017-unite"
    else:
        text, source = FALLBACK, "example"
    lexicon = Lexicon.from_file(args.lexicon) if args.lexicon else None

    corpus = Parser(lexicon=lexicon).parse(text, source=source, date=args.date)

    print("Actors:")
    for a in corpus.actors:
        print(f"  {a.name:<24} {a.kind.value:<12} aliases={list(a.aliases)}")
    print("Factions:")
    for f in corpus.factions:
        print(f"  {f.name:<24} {f.kind.value:<10} parent={f.parent}")
    print("Memberships:")
    for m in corpus.memberships:
        print(f"  {m.member} in {m.faction} as {m.role}")
    print("Claims:")
    for c in corpus.claims():
        cue = c.attributes.get("cue")
        stance = c.stance.value if c.stance else "-"
        print(
            f"  {c.claimant} [{c.form.value}, {cue!r}] -> {c.target} ({stance}) quote={c.quote!r}"
        )
    print("Events:")
    for e in corpus.events:
        who = ", ".join(f"{p.ref} ({p.role})" for p in e.participants)
        print(f"  {e.kind.value:<20} {e.name or '-'}: {who} {e.outcome or ''}")
    print(corpus.count())


if __name__ == "__main__":
    main()
