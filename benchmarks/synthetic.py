"""Seeded generator of synthetic corpora for the benchmarks.

``records(n)`` yields a corpus shaped like a newspaper archive coded for
intra-party conflict: about ``n / 100`` actors and factions (a few parties,
their wings and groups, and persons), dated memberships, ``n`` claims with
claimants and targets drawn from a skewed distribution (a few prominent
actors get most of the attention), stances, forms, issues, partial dates of
year, month and day precision, and one evidence span each into ``n / 50``
sources. Ids look like the ids real coders use (``"jane-smith-0042"``,
``"guardian-2017-03-02-0113"``, ``"guardian-2017-03-02-0113-c3"``).

The same ``n`` and ``seed`` always give the same records, so runs are
comparable across machines and commits.

Run it to write a JSONL file::

    python benchmarks/synthetic.py --n 1000000 --out /tmp/synthetic-1m.jsonl
"""

from __future__ import annotations

import argparse
import random
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import discourse as dc

FIRST = [
    "jane",
    "john",
    "mary",
    "owen",
    "tom",
    "ann",
    "keir",
    "diane",
    "emily",
    "david",
    "sarah",
    "peter",
    "rachel",
    "angela",
    "jess",
    "clive",
    "yvette",
    "liz",
    "len",
    "jon",
    "chuka",
    "harriet",
    "ed",
    "andy",
    "lisa",
    "luke",
    "ruth",
    "paul",
    "nia",
    "hilary",
]
LAST = [
    "smith",
    "jones",
    "taylor",
    "brown",
    "williams",
    "wilson",
    "evans",
    "thomas",
    "johnson",
    "roberts",
    "walker",
    "wright",
    "robinson",
    "thompson",
    "white",
    "hughes",
    "edwards",
    "green",
    "hall",
    "wood",
    "harris",
    "lewis",
    "martin",
    "jackson",
    "clarke",
]
OUTLETS = [
    "guardian",
    "times",
    "telegraph",
    "independent",
    "mirror",
    "observer",
    "bbc",
    "new-statesman",
]
ISSUES = [
    "leadership", "brexit", "antisemitism", "deselection", "nationalisation", "trident",
    "austerity", "immigration", "nhs", "housing", "tuition-fees", "union-funding",
    "manifesto", "selection-rules", "party-democracy", "foreign-policy", "welfare",
    "climate", "taxation", "education",
]  # fmt: skip
STANCES = ("support", "oppose", "oppose", "neutral")
FORMS = ("statement", "statement", "demand", "criticism", "endorsement", "warning", "prediction")
YEARS = range(2000, 2021)
VERBS = ("attacks", "backs", "criticises", "praises", "warns", "calls on", "condemns")


def _date(rng: random.Random) -> str:
    y = rng.choice(YEARS)
    p = rng.random()
    if p < 0.1:
        return f"{y}"
    m = rng.randint(1, 12)
    if p < 0.3:
        return f"{y}-{m:02d}"
    return f"{y}-{m:02d}-{rng.randint(1, 28):02d}"


def sizes(n: int) -> dict[str, int]:
    """How many records of each type ``records(n)`` yields."""
    n_entities = max(10, n // 100)
    n_factions = max(3, n_entities // 10)
    return {
        "sources": max(1, n // 50),
        "actors": n_entities - n_factions,
        "factions": n_factions,
        "claims": n,
        "events": max(1, n // 1000),
    }


def records(n: int, *, seed: int = 0) -> Iterator[dc.Record]:
    """Yield a synthetic corpus with ``n`` claims (see the module docstring)."""
    rng = random.Random(seed)
    k = sizes(n)
    sources: list[str] = []
    for i in range(k["sources"]):
        outlet = rng.choice(OUTLETS)
        date = f"{rng.choice(YEARS)}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"
        sid = f"{outlet}-{date}-{i:04d}"
        sources.append(sid)
        yield dc.Source(id=sid, title=f"Article {i}", publisher=outlet, published=date)

    factions: list[str] = []
    n_parties = max(1, k["factions"] // 50)
    for i in range(k["factions"]):
        if i < n_parties:
            yield dc.Faction(id=f"party-{i:03d}", name=f"Party {i}", kind="party")
            factions.append(f"party-{i:03d}")
            continue
        parent = factions[rng.randrange(min(len(factions), n_parties + (i - n_parties) // 4))]
        fid = f"group-{i:05d}"
        factions.append(fid)
        yield dc.Faction(
            id=fid, name=f"Group {i}", kind=rng.choice(("wing", "group", "caucus")), parent=parent
        )

    actors: list[str] = []
    for i in range(k["actors"]):
        first, last = rng.choice(FIRST), rng.choice(LAST)
        aid = f"{first}-{last}-{i:05d}"
        actors.append(aid)
        yield dc.Actor(id=aid, name=f"{first.title()} {last.title()}", aliases=(last.title(),))

    # Dated memberships: each actor in one or two factions, some with an end.
    for aid in actors:
        for fid in rng.sample(factions, k=min(len(factions), rng.choice((1, 1, 2)))):
            start = rng.choice(YEARS[:-3])
            end = start + rng.randint(1, 10) if rng.random() < 0.4 else None
            yield dc.Membership(
                member=aid,
                faction=fid,
                start=f"{start}-{rng.randint(1, 12):02d}",
                end=None if end is None else f"{min(end, 2020)}",
            )

    for i in range(k["events"]):
        yield dc.Event(
            id=f"event-{i:05d}",
            kind=rng.choice(("leadership_challenge", "resignation", "deselection", "conference")),
            start=_date(rng),
            organization=factions[rng.randrange(n_parties)],
            participants=tuple(
                dc.Participant(ref=a) for a in dict.fromkeys(rng.choices(actors, k=3))
            ),
        )

    # Skewed attention: a weight per entity following a Zipf-like law.
    entities = actors + factions
    weights = [1.0 / (r + 1) ** 0.8 for r in range(len(entities))]
    rng.shuffle(weights)
    cum: list[float] = []
    total = 0.0
    for w in weights:
        total += w
        cum.append(total)
    pick = rng.choices
    per_source = max(1, n // len(sources))
    for i in range(n):
        claimant, target = pick(entities, cum_weights=cum, k=2)
        src = sources[(i // per_source) % len(sources)]
        start = rng.randrange(0, 5000)
        has_target = rng.random() < 0.85 and target != claimant
        text = None
        if rng.random() < 0.5:
            text = f"{rng.choice(VERBS)} {target if has_target else 'the party'} over {rng.choice(ISSUES)}"
        yield dc.Claim(
            id=f"{src}-c{i % per_source}",
            text=text,
            claimant=claimant,
            form=rng.choice(FORMS),
            target=target if has_target else None,
            stance=rng.choice(STANCES) if has_target else None,
            issue=rng.choice(ISSUES) if rng.random() < 0.7 else None,
            date=_date(rng) if rng.random() < 0.95 else None,
            evidence=(dc.Span(source=src, start=start, end=start + rng.randint(20, 300)),),
        )


def corpus(n: int, *, seed: int = 0) -> dc.Corpus:
    """The synthetic corpus with ``n`` claims, in memory."""
    return dc.Corpus(records(n, seed=seed))


def write_jsonl(path: Path, n: int, *, seed: int = 0) -> Path:
    """Write the synthetic corpus with ``n`` claims to a JSONL file and return its path."""
    dc.dump(corpus(n, seed=seed), path)
    return path


def machine() -> str:
    """CPU model, core count, memory and Python version of this machine, on one line."""
    import os
    import platform

    cpu = platform.processor() or "unknown CPU"
    try:
        with open("/proc/cpuinfo", encoding="utf-8") as f:
            for line in f:
                if line.startswith("model name"):
                    cpu = line.split(":", 1)[1].strip()
                    break
    except OSError:
        pass
    mem = ""
    try:
        with open("/proc/meminfo", encoding="utf-8") as f:
            kb = int(f.readline().split()[1])
            mem = f", {kb / 1024**2:.0f} GiB RAM"
    except (OSError, ValueError, IndexError):
        pass
    return (
        f"{cpu}, {os.cpu_count()} CPUs{mem}, Python {platform.python_version()} "
        f"({platform.python_implementation()}), {platform.system()} {platform.release()}"
    )


def loadavg() -> str:
    """The 1, 5 and 15 minute load averages, or "unknown"."""
    try:
        with open("/proc/loadavg", encoding="utf-8") as f:
            return " ".join(f.read().split()[:3])
    except OSError:
        return "unknown"


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--n", type=int, default=1_000_000, help="number of claims")
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--out", type=Path, required=True, help="JSONL file to write")
    args = ap.parse_args(argv)
    t = time.perf_counter()
    write_jsonl(args.out, args.n, seed=args.seed)
    print(
        f"wrote {args.out} ({args.out.stat().st_size / 1e6:.0f} MB) in {time.perf_counter() - t:.1f} s"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
