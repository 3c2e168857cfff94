"""Streaming: peak RSS of ``iter_load`` over a large JSONL file, against ``load``.

Baseline (measured in the same run, on the same file): ``discourse.load``,
which builds the whole corpus in memory. Each variant runs in a fresh
subprocess that reports its peak resident set size (``ru_maxrss``) and its
RSS at each quarter of the way, so a flat line shows constant memory. The
Store variants show that filling a store from ``iter_load`` and iterating a
store are flat too.

Usage::

    python benchmarks/bench_stream.py            # 1,000,000 claims
    python benchmarks/bench_stream.py --n 100000 # a quick run
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

import synthetic

import discourse as dc

_CHILD = r"""
import json, os, resource, sys, time
import discourse as dc
from discourse.store import Store

mode, path, total = sys.argv[1], sys.argv[2], int(sys.argv[3])
page = os.sysconf("SC_PAGE_SIZE")

def rss_mb():
    with open("/proc/self/statm") as f:
        return int(f.read().split()[1]) * page / 1e6

marks = {total * q // 4 for q in (1, 2, 3)}
samples = []
t = time.perf_counter()
n = 0
if mode == "baseline":
    pass
elif mode == "load":
    corpus = dc.load(path)
    n = len(corpus)
elif mode == "iter_load":
    for r in dc.iter_load(path):
        n += 1
        if n in marks:
            samples.append(rss_mb())
elif mode == "store_extend":
    def counted():
        global n
        for r in dc.iter_load(path):
            n += 1
            if n in marks:
                samples.append(rss_mb())
            yield r
    with Store(sys.argv[4]) as store:
        store.extend(counted())
elif mode == "store_dump":
    with Store(sys.argv[4]) as store:
        store.dump(sys.argv[4] + ".jsonl")
        n = len(store)
elif mode == "store_iter":
    with Store(sys.argv[4]) as store:
        for r in store:
            n += 1
            if n in marks:
                samples.append(rss_mb())
samples.append(rss_mb())
hwm = None
with open("/proc/self/status") as f:
    for line in f:
        if line.startswith("VmHWM:"):
            hwm = int(line.split()[1]) / 1024
print(json.dumps({
    "records": n,
    "seconds": time.perf_counter() - t,
    "maxrss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
    "peak_mb": hwm,
    "samples": samples,
}))
"""


def run(mode: str, path: Path, total: int, store: Path) -> dict[str, Any]:
    """Run one variant in a fresh interpreter and return its report."""
    out = subprocess.run(
        [sys.executable, "-c", _CHILD, mode, str(path), str(total), str(store)],
        capture_output=True,
        text=True,
        check=True,
    )
    result: dict[str, Any] = json.loads(out.stdout)
    return result


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--n", type=int, default=1_000_000, help="number of claims (default 1,000,000)")
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--no-store", action="store_true", help="skip the Store variants")
    args = ap.parse_args(argv)

    print(f"machine: {synthetic.machine()}")
    print(f"discourse {dc.__version__}, n={args.n:,} claims, seed={args.seed}")
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "synthetic.jsonl"
        store = Path(tmp) / "synthetic.db"
        t = time.perf_counter()
        # In a subprocess: this process must stay small, since a child's ru_maxrss
        # starts from its parent's resident size at fork time on Linux.
        subprocess.run(
            [
                sys.executable,
                synthetic.__file__,
                "--n",
                str(args.n),
                "--seed",
                str(args.seed),
                "--out",
                str(path),
            ],
            check=True,
            capture_output=True,
        )
        sizes = synthetic.sizes(args.n)
        total = sum(sizes.values())
        print(
            f"generated {path.stat().st_size / 1e6:.0f} MB of JSONL in {time.perf_counter() - t:.1f} s"
        )

        modes = ["baseline", "load", "iter_load"]
        if not args.no_store:
            modes += ["store_extend", "store_iter", "store_dump"]
        results = {m: run(m, path, total, store) for m in modes}
        base = results["baseline"]["peak_mb"]
        load = results["load"]["peak_mb"] - base
        print(
            f"\ninterpreter with discourse imported: {base:.0f} MB peak RSS (subtracted below); "
            "peak RSS is VmHWM, ru_maxrss in parentheses"
        )
        print(
            f"{'variant':32} {'records':>10} {'time':>8} {'peak RSS':>10} {'vs load':>8}  RSS at 1/4 .. end"
        )
        labels = {
            "load": "discourse.load (baseline)",
            "iter_load": "discourse.iter_load",
            "store_extend": "Store.extend(iter_load(...))",
            "store_iter": "iterate a Store",
            "store_dump": "Store.dump(path.jsonl)",
        }
        for m in modes[1:]:
            r = results[m]
            peak = r["peak_mb"] - base
            samples = " ".join(f"{s:.0f}" for s in r["samples"])
            print(
                f"{labels[m]:32} {r['records']:10,} {r['seconds']:7.1f}s {peak:8.0f}MB "
                f"{load / peak if peak > 0 else float('inf'):7.1f}x  [{samples}] MB"
                f"  ({r['maxrss_mb']:.0f} MB)"
            )
    return 0


if __name__ == "__main__":
    sys.exit(main())
