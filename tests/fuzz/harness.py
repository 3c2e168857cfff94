"""The fuzz harness: valid base files per format, a per-case time limit, and the oracle.

The oracle: reading a mutated file either succeeds or raises a
:class:`discourse.DiscourseError` whose message names where the problem is (at
least the file); any other exception, a hang, or a change to the input file
fails the case.
"""

from __future__ import annotations

import contextlib
import functools
import signal
import tempfile
import warnings
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

from hypothesis import HealthCheck, Phase, given, settings
from hypothesis import strategies as st

import discourse as dc
from tests import strategies as ds

SLOW = False
"""Set by ``tests/fuzz/conftest.py`` from ``--slow``: more cases, random seeds."""

CASES = 1000
"""Cases per reader in the default run (twice the issue's minimum of 500)."""

SLOW_CASES = 5000
"""Cases per reader under ``--slow``."""

TIME_LIMIT = 10.0
"""Seconds one read may take before the case counts as a hang."""


def fuzz_settings(cases: int = CASES) -> settings:
    """Settings of every fuzz test: ``cases`` derandomized cases; 5x as many, random, under --slow."""
    return settings(
        max_examples=SLOW_CASES * cases // CASES if SLOW else cases,
        derandomize=not SLOW,
        database=None,
        deadline=None,
        phases=[Phase.explicit, Phase.generate, Phase.shrink],
        suppress_health_check=[
            HealthCheck.too_slow,
            HealthCheck.data_too_large,
            HealthCheck.filter_too_much,
            HealthCheck.large_base_example,
        ],
    )


class Hang(BaseException):
    """A case ran past its time limit (a BaseException, so no ``except Exception`` eats it)."""


@contextlib.contextmanager
def time_limit(seconds: float = TIME_LIMIT) -> Iterator[None]:
    """Raise :class:`Hang` in the block after ``seconds`` of wall time (SIGALRM)."""

    def _fire(signum: int, frame: object) -> None:
        raise Hang(f"no answer after {seconds}s")

    old = signal.signal(signal.SIGALRM, _fire)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, old)


def assert_located(err: dc.DiscourseError, path: Path) -> None:
    """The error names where the problem is: the file at least (a FormatError's ``path``)."""
    msg = str(err)
    named = path.name in msg or (isinstance(err, dc.FormatError) and err.path is not None)
    assert named, f"{type(err).__name__} does not name the file: {msg[:500]}"
    assert msg.strip() != f"{path}:".strip(), f"{type(err).__name__} says nothing: {msg!r}"


def check_load(
    path: Path, fmt: str, seconds: float = TIME_LIMIT, *, stream: bool = False
) -> dc.Corpus | list[dc.Record] | None:
    """Read ``path`` as ``fmt`` under the oracle; what was read, or None after a located error.

    With ``stream=True`` the file is read with :func:`discourse.iter_load` instead, into a list.
    """
    before = path.read_bytes()
    try:
        with time_limit(seconds), warnings.catch_warnings():
            warnings.simplefilter("ignore", dc.DiscourseWarning)
            if stream:  # records one by one: duplicate ids are the caller's business here
                return list(dc.iter_load(path, format=fmt))
            return dc.load(path, format=fmt)
    except Hang:
        raise AssertionError(f"reading {fmt} hung for more than {seconds}s") from None
    except dc.DiscourseError as e:
        assert_located(e, path)
        return None
    finally:
        assert path.read_bytes() == before, "reading modified the input file"


def sample(strategy: st.SearchStrategy[Any], n: int) -> list[Any]:
    """``n`` values drawn from ``strategy``, the same on every run."""
    out: list[Any] = []

    @settings(
        max_examples=n,
        derandomize=True,
        database=None,
        deadline=None,
        phases=[Phase.generate],
        suppress_health_check=list(HealthCheck),
    )
    @given(strategy)
    def collect(x: Any) -> None:
        out.append(x)

    collect()
    return out[:n]


def rich_corpus() -> dc.Corpus:
    """A small corpus using every record type and every kind of reference."""
    span = dc.Span(source="s1", start=0, end=10, text="Ann spoke.")
    return dc.Corpus(
        [
            dc.Source(id="s1", title="News", published="2017-03-02", text="Ann spoke. Bob too."),
            dc.Actor(id="ann", name="Ann Roe", aliases=("A. Roe",), evidence=(span,)),
            dc.Actor(id="bob", name="Bob Doe", kind=dc.ActorKind.PERSON),
            dc.Actor(id="unite", name="Unite", kind=dc.ActorKind.ORGANIZATION),
            dc.Faction(id="left", name="The Left", attributes={"n": 3, "x": [1.5, None]}),
            dc.Faction(id="hard-left", name="Hard Left", parent="left"),
            dc.Membership(member="ann", faction="left", start="2015", end="2017-06", role="chair"),
            dc.Membership(member="bob", faction="hard-left", start="2016-01-02"),
            dc.Claim(
                id="c1",
                claimant="ann",
                target="bob",
                stance=dc.Stance.OPPOSE,
                form=dc.ClaimForm.CRITICISM,
                issue="deal",
                text="Ann criticised Bob",
                quote="a betrayal",
                date="2017-03-02",
                evidence=(span,),
                confidence=0.75,
            ),
            dc.Claim(
                id="c2", claimant="bob", target="ann", stance=dc.Stance.SUPPORT, attacks=("c1",)
            ),
            dc.Claim(id="c3", claimant="unite", addressee="left", supports=("c2",), issue="deal"),
            dc.Event(
                id="e1",
                kind=dc.EventKind.LEADERSHIP_ELECTION,
                name="Leadership election",
                start="2016-07",
                end="2016-09-24",
                organization="left",
                participants=(
                    dc.Participant(ref="ann", role="candidate"),
                    dc.Participant(ref="bob"),
                ),
                outcome="Ann won",
            ),
        ]
    )


_WORK = Path(tempfile.mkdtemp(prefix="discourse-fuzz-"))


def _dump_bytes(corpus: dc.Corpus, fmt: str, name: str) -> bytes | None:
    ext = dc.io.get_format(fmt).extensions[0]
    p = _WORK / f"{fmt}-{name}{ext}"
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", dc.DiscourseWarning)
            dc.dump(corpus, p, format=fmt)
    except dc.DiscourseError:
        return None
    return p.read_bytes()


@functools.cache
def corpora_pool() -> tuple[dc.Corpus, ...]:
    """The generated corpora every format starts from (drawn once, deterministically)."""
    generated = sample(ds.corpora(max_records=6), 8) + sample(
        ds.corpora(max_records=6, valid=True), 8
    )
    return (rich_corpus(), *generated)


class Bases(tuple[bytes, ...]):
    """Valid files to mutate; printed short in Hypothesis' failure reports."""

    def __repr__(self) -> str:
        return f"<{len(self)} valid files>"


@functools.cache
def valid_files(fmt: str) -> Bases:
    """The pool corpora written with ``discourse.dump`` as ``fmt`` (those the format can write)."""
    out = []
    for i, corpus in enumerate(corpora_pool()):
        raw = _dump_bytes(corpus, fmt, str(i))
        if raw is not None:
            out.append(raw)
    assert out, f"no pool corpus could be written as {fmt}"
    return Bases(out)


def case_file(tmp: Path, fmt: str, raw: bytes) -> Path:
    """Write ``raw`` to a fresh file named with ``fmt``'s extension inside ``tmp``."""
    ext = dc.io.get_format(fmt).extensions[0]
    p = tmp / f"case{ext}"
    p.write_bytes(raw)
    return p


def fuzz_reader(
    fmt: str, mutate: Callable[[st.DataObject, bytes], bytes], *, stream: bool = False
) -> Callable[[st.DataObject, tuple[bytes, ...]], None]:
    """A test body: pick one of the valid ``bases``, mutate it, read it as ``fmt`` under the oracle."""

    def body(data: st.DataObject, bases: tuple[bytes, ...]) -> None:
        raw = bases[data.draw(st.integers(0, len(bases) - 1), label="base")]
        mutated = mutate(data, raw)
        with tempfile.TemporaryDirectory(dir=_WORK) as d:
            check_load(case_file(Path(d), fmt, mutated), fmt, stream=stream)

    return body
