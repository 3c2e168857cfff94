"""Reliability under faults and load: writers killed with SIGKILL, two processes writing at once.

Each test runs the writer in a child process (``sys.executable -c ...``) and
kills it with SIGKILL, which gives the writer no chance to clean up: what is
on disk afterwards is what a crash would leave.
"""

from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest

import discourse as dc
from discourse.store import Store

pytestmark = pytest.mark.skipif(not hasattr(signal, "SIGKILL"), reason="needs POSIX SIGKILL")

SRC = Path(dc.__file__).resolve().parent.parent


def spawn(code: str, *args: str) -> subprocess.Popen[str]:
    """Start ``code`` in a fresh interpreter that imports this checkout of discourse."""
    env = {
        **os.environ,
        "PYTHONPATH": os.pathsep.join([str(SRC), os.environ.get("PYTHONPATH", "")]),
    }
    return subprocess.Popen(
        [sys.executable, "-c", textwrap.dedent(code), *args],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=env,
    )


def wait_for_line(proc: subprocess.Popen[str], expected: str) -> None:
    """Block until the child prints ``expected`` (fail with its stderr if it dies first)."""
    assert proc.stdout is not None
    line = proc.stdout.readline().strip()
    if line != expected:
        proc.kill()
        _, err = proc.communicate(timeout=30)
        pytest.fail(f"child printed {line!r} instead of {expected!r}; stderr:\n{err}")


def kill(proc: subprocess.Popen[str]) -> None:
    """SIGKILL the child and reap it."""
    os.kill(proc.pid, signal.SIGKILL)
    proc.communicate(timeout=30)
    assert proc.returncode == -signal.SIGKILL


def actors(prefix: str, n: int) -> list[dc.Actor]:
    """``n`` actors with ids ``{prefix}-0`` ...."""
    return [dc.Actor(id=f"{prefix}-{i}", name=f"Actor {prefix} {i}") for i in range(n)]


# --- Store.extend killed ------------------------------------------------------------------------

_KILLED_MID_EXTEND = """
    import sys, time
    import discourse as dc
    from discourse.store import Store

    store = Store(sys.argv[1])
    # A tiny page cache makes SQLite spill the open transaction into the WAL file,
    # so the kill below really leaves uncommitted pages on disk.
    store._conn.execute("PRAGMA cache_size=20")

    def batch():
        for i in range(20000):
            if i == 10000:
                print("half", flush=True)
                time.sleep(120)
            yield dc.Claim(id=f"new-{i}", claimant="old-0", text="x" * 200)

    store.extend(batch())
"""


def test_store_killed_mid_extend_keeps_the_old_state(tmp_path: Path) -> None:
    """SIGKILL in the middle of extend(): the store opens and holds exactly what was committed."""
    p = tmp_path / "s.db"
    old = actors("old", 100)
    with Store(p) as s:
        s.extend(old)
    proc = spawn(_KILLED_MID_EXTEND, str(p))
    wait_for_line(proc, "half")
    wal = Path(f"{p}-wal")
    assert wal.exists()
    assert wal.stat().st_size > 100_000  # uncommitted pages of the batch reached the disk
    kill(proc)
    with Store(p) as s:
        assert s.count() == {**dc.Corpus(old).count()}
        assert list(s) == old
        assert s.claims() == []


_KILLED_BETWEEN_BATCHES = """
    import sys
    import discourse as dc
    from discourse.store import Store

    store = Store(sys.argv[1])
    print("ready", flush=True)
    b = 0
    while True:
        store.extend(dc.Actor(id=f"b{b}-{j}", name=f"Actor {b} {j}") for j in range(100))
        b += 1
"""


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_store_killed_at_a_random_moment_holds_only_whole_batches(
    tmp_path: Path, seed: int
) -> None:
    """SIGKILL at any moment of a run of extend() calls leaves whole batches, all readable."""
    p = tmp_path / "s.db"
    proc = spawn(_KILLED_BETWEEN_BATCHES, str(p))
    wait_for_line(proc, "ready")
    time.sleep(random.Random(seed).uniform(0.3, 1.0))
    kill(proc)
    with Store(p) as s:
        got = [r.id for r in s]
        assert s.problems() == []
    assert got, "the writer committed nothing before the kill; make the delay longer"
    batches: dict[str, int] = {}
    for rid in got:
        b = rid.split("-")[0]
        batches[b] = batches.get(b, 0) + 1
    assert set(batches.values()) == {100}
    assert sorted(batches) == sorted(f"b{i}" for i in range(len(batches)))


# --- dump killed --------------------------------------------------------------------------------

_KILLED_MID_DUMP = """
    import os, sys, time
    import discourse as dc

    def stall(fd):
        # The new file is written and flushed, not yet fsynced nor moved into place.
        print("half", flush=True)
        time.sleep(120)

    os.fsync = stall
    big = dc.Corpus(dc.Actor(id=f"new-{i}", name=f"New {i}") for i in range(10000))
    dc.dump(big, sys.argv[1])
"""


@pytest.mark.parametrize("fmt", ["jsonl", "json"])
def test_dump_killed_before_the_new_file_is_in_place_leaves_the_old_file(
    tmp_path: Path, fmt: str
) -> None:
    """SIGKILL after dump() wrote the new data but before it replaced the file: the old file stays."""
    p = tmp_path / f"corpus.{fmt}"
    old = dc.Corpus(actors("old", 10))
    dc.dump(old, p)
    before = p.read_bytes()
    proc = spawn(_KILLED_MID_DUMP, str(p))
    wait_for_line(proc, "half")
    partial = [f for f in tmp_path.iterdir() if f.name.startswith(f".corpus.{fmt}.")]
    assert len(partial) == 1, "dump() should be writing to a temporary file beside the target"
    assert partial[0].stat().st_size > 10 * len(before)  # the new corpus, not the old one
    kill(proc)
    assert p.read_bytes() == before
    assert dc.load(p) == old


_DUMP_BIG = """
    import sys
    import discourse as dc

    big = dc.Corpus(
        dc.Claim(id=f"c{i}", claimant=f"a{i % 97}", target=f"a{i % 89}", stance="oppose",
                 text="words " * 20)
        for i in range(int(sys.argv[2]))
    )
    print("ready", flush=True)
    while True:
        dc.dump(big, sys.argv[1])
"""


@pytest.mark.parametrize(("fmt", "seed"), [("jsonl", 1), ("jsonl", 2), ("json", 1), ("json", 2)])
def test_dump_killed_at_a_random_moment_leaves_a_whole_file(
    tmp_path: Path, fmt: str, seed: int
) -> None:
    """SIGKILL at any moment of repeated dumps leaves the old or the new file, never a mix."""
    p = tmp_path / f"corpus.{fmt}"
    old = dc.Corpus(actors("old", 10))
    dc.dump(old, p)
    n = 30_000
    proc = spawn(_DUMP_BIG, str(p), str(n))
    wait_for_line(proc, "ready")
    time.sleep(random.Random(seed).uniform(0.1, 1.5))
    kill(proc)
    loaded = dc.load(p)
    assert loaded == old or (len(loaded) == n and len(loaded.claims()) == n)


# --- two writers ------------------------------------------------------------------------------

_WRITER = """
    import sys
    import discourse as dc
    from discourse.store import Store

    name = sys.argv[2]
    with Store(sys.argv[1]) as store:
        for b in range(40):
            store.extend(dc.Actor(id=f"{name}-{b}-{j}", name=f"{name} {b} {j}") for j in range(25))
            store.add(dc.Claim(id=f"{name}-claim-{b}", claimant=f"{name}-{b}-0"))
    print("done", flush=True)
"""


def test_two_processes_writing_one_store_lose_nothing(tmp_path: Path) -> None:
    """Two processes creating and filling one store at once both finish and keep every record."""
    p = tmp_path / "shared.db"
    procs = [spawn(_WRITER, str(p), name) for name in ("left", "right")]
    outs = [proc.communicate(timeout=300) for proc in procs]
    for proc, (out, err) in zip(procs, outs, strict=True):
        assert proc.returncode == 0, err
        assert out.strip() == "done"
        assert "locked" not in err
    with Store(p) as s:
        assert s.count()["actors"] == 2 * 40 * 25
        assert s.count()["claims"] == 2 * 40
        assert s.problems() == []


def test_a_reader_process_sees_only_whole_batches_while_another_writes(tmp_path: Path) -> None:
    """While a process commits batch after batch, reads from another never wait, fail or see half a batch."""
    p = tmp_path / "s.db"
    Store(p).close()
    proc = spawn(_KILLED_BETWEEN_BATCHES, str(p))
    wait_for_line(proc, "ready")
    seen: list[int] = []
    try:
        with Store(p, timeout=1) as reader:
            deadline = time.monotonic() + 3
            while time.monotonic() < deadline:
                seen.append(len(reader))
                assert reader.problems() == []  # a full read of every record, mid-write
    finally:
        kill(proc)
    assert seen[-1] > 0, "the writer committed nothing while we read"
    assert all(n % 100 == 0 for n in seen)
    assert seen == sorted(seen)
