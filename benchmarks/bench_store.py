"""Store at scale: batched insert rate and query latency, against the in-memory Corpus.

Baseline (measured in the same run, over the same records): the in-memory
:class:`discourse.Corpus` -- ``Corpus.extend`` for inserts and the same
queries on the corpus. A store trades speed for persistence and a small
resident footprint; the ratios say how much.

Usage::

    python benchmarks/bench_store.py            # 1,000,000 claims
    python benchmarks/bench_store.py --n 100000 # a quick run
"""

from __future__ import annotations

import argparse
import gc
import random
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

import synthetic
from bench_query import CLOCK, median_us, week

import discourse as dc
from discourse.store import Store


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--n", type=int, default=1_000_000, help="number of claims (default 1,000,000)")
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--batch", type=int, default=10_000, help="records per Store.extend() call")
    ap.add_argument("--queries", type=int, default=300, help="queries per kind")
    ap.add_argument("--wall", action="store_true", help="time by wall clock, not CPU time")
    args = ap.parse_args(argv)
    if args.wall:
        CLOCK["ns"] = time.perf_counter_ns
    now = time.perf_counter if args.wall else time.process_time

    print(f"machine: {synthetic.machine()}")
    print(f"load average: {synthetic.loadavg()}; times are {'wall' if args.wall else 'CPU'} time")
    print(
        f"discourse {dc.__version__}, n={args.n:,} claims, seed={args.seed}, batch={args.batch:,}"
    )
    records = list(synthetic.records(args.n, seed=args.seed))
    print(f"{len(records):,} records generated")

    gc.collect()
    t, w = now(), time.perf_counter()
    corpus = dc.Corpus()
    corpus.extend(records)
    t_corpus, w_corpus = now() - t, time.perf_counter() - w

    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "synthetic.db"
        with Store(path) as store:
            t, w = now(), time.perf_counter()
            for i in range(0, len(records), args.batch):
                store.extend(records[i : i + args.batch])
            t_store, w_store = now() - t, time.perf_counter() - w
            size = path.stat().st_size + (
                Path(f"{path}-wal").stat().st_size if Path(f"{path}-wal").exists() else 0
            )
            print(
                f"\ninsert: Store.extend {len(records) / t_store:,.0f} records/s ({t_store:.1f} s; "
                f"wall {w_store:.1f} s; {size / 1e6:.0f} MB on disk); baseline Corpus.extend "
                f"{len(records) / t_corpus:,.0f} records/s ({t_corpus:.1f} s; wall {w_corpus:.1f} s); "
                f"ratio {t_store / t_corpus:.1f}x slower (wall {w_store / w_corpus:.1f}x)"
            )
            del records
            gc.collect()

            rng = random.Random(args.seed)
            entities = [e.id for e in corpus.actors] + [f.id for f in corpus.factions]
            factions = [f.id for f in corpus.factions]
            claim_ids = [c.id for c in rng.sample(corpus.claims(), k=args.queries)]
            keys = rng.choices(entities, k=args.queries)
            names = [corpus[e].name for e in keys]  # type: ignore[union-attr]
            facs = [
                (f, f"{rng.choice(synthetic.YEARS)}-{rng.randint(1, 12):02d}")
                for f in rng.choices(factions, k=args.queries)
            ]
            weeks = [week(rng) for _ in range(args.queries)]
            corpus.claims(
                since="2000", until="2000"
            )  # build the corpus date index outside the timings

            queries: list[tuple[str, Any, list[Any]]] = [
                ("get(id)", lambda db, x: db.get(x), claim_ids),
                ("claims(claimant=x)", lambda db, x: db.claims(claimant=x), keys),
                (
                    "claims(target=x, stance='oppose')",
                    lambda db, x: db.claims(target=x, stance="oppose"),
                    keys,
                ),
                ("members(f, at=month)", lambda db, fa: db.members(fa[0], at=fa[1]), facs),
                (
                    "claims(since=day, until=day+6)",
                    lambda db, w: db.claims(since=w[0], until=w[1]),
                    weeks,
                ),
                ("find_all(name)", lambda db, x: db.find_all(x), names),
                ("opponents(x)", lambda db, x: db.opponents(x), keys[:50]),
            ]
            print(f"\n{'query':36} {'Store':>10} {'Corpus':>10} {'ratio':>8}")
            for name, q, qargs in queries:
                for a in qargs[:20]:  # the same answers, or the comparison means nothing
                    assert q(store, a) == q(corpus, a), name
                t_s = median_us(lambda a, q=q: q(store, a), qargs)
                t_c = median_us(lambda a, q=q: q(corpus, a), qargs)
                print(f"{name:36} {t_s:8.1f}us {t_c:8.1f}us {t_s / t_c:7.1f}x")

            gc.collect()
            t = now()
            n_iter = sum(1 for _ in store)
            t_iter = now() - t
            jsonl = Path(tmp) / "synthetic.jsonl"
            dc.dump(corpus, jsonl)
            gc.collect()
            t = now()
            n_load = sum(1 for _ in dc.iter_load(jsonl))
            t_load = now() - t
            print(
                f"\nstream all records: Store iteration {n_iter / t_iter:,.0f} records/s; baseline "
                f"iter_load(jsonl) {n_load / t_load:,.0f} records/s; ratio {t_iter / t_load:.2f}x"
            )
    return 0


if __name__ == "__main__":
    sys.exit(main())
