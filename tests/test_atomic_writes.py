"""Atomic dump() for every writable format: a writer killed with SIGKILL leaves the old or the new file.

``tests/test_reliability.py`` covers JSON and JSONL (and the Store); this file
covers every other format that :func:`discourse.dump` can write. The writer runs
in a child process that stalls at a controlled point of the atomic write (just
before or just after the rename into place, by replacing ``os.replace``) or at a
random moment of a dump loop, and is then killed with SIGKILL; the target file
must be byte for byte the old file or a complete new dump.
"""

from __future__ import annotations

import contextlib
import random
import signal
import sqlite3
import time
import warnings
from pathlib import Path

import pytest

import discourse as dc
from discourse.io import formats
from tests.test_reliability import kill, spawn, wait_for_line

pytestmark = pytest.mark.skipif(not hasattr(signal, "SIGKILL"), reason="needs POSIX SIGKILL")

COVERED_ELSEWHERE = {"json", "jsonl"}  # tests/test_reliability.py
NOT_BYTE_STABLE = {"dna"}  # DNA databases record when they were written

WRITABLE = sorted(f.name for f in formats() if f.write is not None and f.read is not None)
FORMATS = [name for name in WRITABLE if name not in COVERED_ELSEWHERE]


def old_corpus() -> dc.Corpus:
    """The corpus already on disk before the killed dump."""
    return dc.Corpus(
        [
            dc.Actor(id="ann", name="Ann Roe"),
            dc.Actor(id="bob", name="Bob Doe"),
            dc.Faction(id="left", name="The Left"),
            dc.Membership(member="ann", faction="left", start="2015"),
            dc.Claim(id="c0", claimant="ann", target="bob", stance=dc.Stance.OPPOSE),
            dc.Event(id="e0", kind=dc.EventKind.PROTEST, start="2016", organization="left"),
        ]
    )


def new_corpus(n: int = 300) -> dc.Corpus:
    """A larger, different corpus that the killed dump is writing."""
    records: list[dc.Record] = [dc.Faction(id="right", name="The Right")]
    records += [dc.Actor(id=f"p{i}", name=f"Person {i}") for i in range(n)]
    records += [dc.Membership(member=f"p{i}", faction="right", start="2016") for i in range(n)]
    records += [
        dc.Claim(
            id=f"k{i}",
            claimant=f"p{i}",
            target=f"p{(i + 1) % n}",
            stance=dc.Stance.SUPPORT,
            issue="budget",
            date="2017-03-02",
        )
        for i in range(n)
    ]
    records += [
        dc.Event(
            id=f"e{i}",
            kind=dc.EventKind.RESIGNATION,
            start="2017-06",
            organization="right",
            participants=(dc.Participant(ref=f"p{i}"),),
        )
        for i in range(n // 10)
    ]
    return dc.Corpus(records)


def dump_quietly(corpus: dc.Corpus, path: Path, fmt: str) -> bytes:
    """Dump ``corpus`` as ``fmt`` to ``path`` (ignoring LossWarnings) and return the bytes."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", dc.DiscourseWarning)
        dc.dump(corpus, path, format=fmt)
    return path.read_bytes()


def setup(tmp_path: Path, fmt: str) -> tuple[Path, Path, bytes, Path]:
    """The target holding the old dump, the new corpus as JSON for the child, the old bytes, a reference new dump."""
    ext = dc.io.get_format(fmt).extensions[0]
    target = tmp_path / f"corpus{ext}"
    old = dump_quietly(old_corpus(), target, fmt)
    ref_dir = tmp_path / "reference"
    ref_dir.mkdir()
    reference = ref_dir / target.name
    new = dump_quietly(new_corpus(), reference, fmt)
    assert new != old
    if fmt not in NOT_BYTE_STABLE:
        again = dump_quietly(new_corpus(), ref_dir / f"again{ext}", fmt)
        assert again == new, f"{fmt} dumps are not deterministic; add it to NOT_BYTE_STABLE"
    source = tmp_path / "new.json"
    dc.dump(new_corpus(), source)
    return target, source, old, reference


def is_new_dump(path: Path, reference: Path, fmt: str) -> bool:
    """``path`` is a complete new dump: the reference's bytes, or (DNA) its content, whole."""
    if path.read_bytes() == reference.read_bytes():
        return True
    if fmt not in NOT_BYTE_STABLE:
        return False
    with contextlib.closing(sqlite3.connect(f"file:{path}?mode=ro", uri=True)) as con:
        if con.execute("PRAGMA integrity_check").fetchone() != ("ok",):
            return False
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", dc.DiscourseWarning)
        return dc.load(path, format=fmt) == dc.load(reference, format=fmt)


_STALL = """
    import os, sys, time, warnings
    import discourse as dc

    real_replace = os.replace
    when = sys.argv[4]

    def stalled_replace(src, dst):
        if when == "after":
            real_replace(src, dst)
        print("stalled", flush=True)
        time.sleep(120)

    warnings.simplefilter("ignore")
    corpus = dc.load(sys.argv[2])
    os.replace = stalled_replace
    dc.dump(corpus, sys.argv[1], format=sys.argv[3])
"""


@pytest.mark.parametrize("fmt", FORMATS)
def test_dump_killed_before_the_rename_leaves_the_old_file(tmp_path: Path, fmt: str) -> None:
    """SIGKILL when the new file is complete beside the target but not yet renamed: the old bytes stay."""
    target, source, old, reference = setup(tmp_path, fmt)
    proc = spawn(_STALL, str(target), str(source), fmt, "before")
    wait_for_line(proc, "stalled")
    temps = [f for f in tmp_path.iterdir() if f.name.startswith(f".{target.name}.")]
    assert len(temps) == 1, "dump() should write a temporary file beside the target"
    assert is_new_dump(temps[0], reference, fmt)  # the writer is done: only the rename is left
    kill(proc)
    assert target.read_bytes() == old


@pytest.mark.parametrize("fmt", FORMATS)
def test_dump_killed_after_the_rename_leaves_the_whole_new_file(tmp_path: Path, fmt: str) -> None:
    """SIGKILL right after the rename: the target is the complete new dump, nothing else."""
    target, source, _old, reference = setup(tmp_path, fmt)
    proc = spawn(_STALL, str(target), str(source), fmt, "after")
    wait_for_line(proc, "stalled")
    kill(proc)
    assert is_new_dump(target, reference, fmt)
    assert not [f for f in tmp_path.iterdir() if f.name.startswith(f".{target.name}.")]


_DUMP_LOOP = """
    import sys, warnings
    import discourse as dc

    warnings.simplefilter("ignore")
    corpus = dc.load(sys.argv[2])
    print("ready", flush=True)
    while True:
        dc.dump(corpus, sys.argv[1], format=sys.argv[3])
"""


@pytest.mark.parametrize("fmt", FORMATS)
def test_dump_killed_at_a_random_moment_leaves_the_old_or_the_new_file(
    tmp_path: Path, fmt: str
) -> None:
    """SIGKILL at a random moment of repeated dumps: the target is the old or the new bytes, never a mix."""
    target, source, old, reference = setup(tmp_path, fmt)
    proc = spawn(_DUMP_LOOP, str(target), str(source), fmt)
    wait_for_line(proc, "ready")
    time.sleep(random.Random(fmt).uniform(0.05, 0.5))
    kill(proc)
    assert target.read_bytes() == old or is_new_dump(target, reference, fmt)
