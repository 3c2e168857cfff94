"""Dump and load 100,000 claims: discourse vs msgspec Structs and pydantic v2 models.

Each library serializes the same data (claims with a target, stance, date,
quote and one evidence span) to JSON bytes and back, in the same run. The
ratio printed is peer time / discourse time (1.0 = as fast as the peer,
0.5 = twice as slow). The ``attrs*`` row is msgspec on plain attrs classes
with the 15 fields of ``discourse.Claim`` and no validation at all: the
ceiling of any model built on attrs classes of this width.

discourse's ``loads`` returns an indexed Corpus, which the peers do not build;
the breakdown below the table shows how much of ``loads`` is decoding the
records and how much is ``Corpus(records)`` (indexing).

    python benchmarks/bench_serialize.py [--n 100000] [--repeat 5] [--pure] [--wall]

``--pure`` switches the msgspec fast path off (cattrs + orjson/json only).
Times are the best of ``--repeat`` runs of the CPU time of this process
(steadier than wall-clock time when other jobs share the machine, as in the
other benchmarks; ``--wall`` for wall-clock time), with the cyclic GC
collected before each run.
"""

from __future__ import annotations

import argparse
import gc
import platform
import random
import time
from collections.abc import Callable
from typing import Any, Literal

import attrs
import msgspec
import pydantic

import discourse as dc
from discourse import convert
from discourse.convert import decode_json, encode_json, structure_document

Stance = Literal["support", "oppose", "neutral"]
Form = Literal["statement", "warning", "demand", "accusation", "criticism", "endorsement", "action"]


class MSpan(msgspec.Struct, frozen=True, omit_defaults=True):
    source: str
    start: int
    end: int
    text: str | None = None


class MClaim(msgspec.Struct, frozen=True, omit_defaults=True):
    id: str
    claimant: str
    form: Form = "statement"
    target: str | None = None
    stance: Stance | None = None
    quote: str | None = None
    date: str | None = None
    evidence: tuple[MSpan, ...] = ()


class MDoc(msgspec.Struct, frozen=True):
    format: str
    version: int
    claims: list[MClaim]


class PSpan(pydantic.BaseModel, frozen=True):
    source: str
    start: int
    end: int
    text: str | None = None


class PClaim(pydantic.BaseModel, frozen=True):
    id: str
    claimant: str
    form: Form = "statement"
    target: str | None = None
    stance: Stance | None = None
    quote: str | None = None
    date: str | None = None
    evidence: tuple[PSpan, ...] = ()


class PDoc(pydantic.BaseModel):
    format: str
    version: int
    claims: list[PClaim]


# The ceiling for any attrs model of this width: msgspec encoding and decoding
# plain attrs classes with the 15 fields of discourse.Claim (no converters, no
# validation, no __attrs_post_init__, no Corpus), in C.
@attrs.define(frozen=True, slots=True, kw_only=True)
class ASpan:
    source: str
    start: int
    end: int
    text: str | None = None


@attrs.define(frozen=True, slots=True, kw_only=True)
class AClaim:
    id: str
    claimant: str
    form: Form = "statement"
    target: str | None = None
    stance: Stance | None = None
    addressee: str | None = None
    issue: str | None = None
    text: str | None = None
    quote: str | None = None
    date: str | None = None
    evidence: tuple[ASpan, ...] = ()
    supports: tuple[str, ...] = ()
    attacks: tuple[str, ...] = ()
    confidence: float | None = None
    attributes: dict[str, Any] | None = None


class ADoc(msgspec.Struct, frozen=True):
    format: str
    version: int
    claims: list[AClaim]


def make_claims(n: int, seed: int = 7) -> list[dict[str, Any]]:
    rng = random.Random(seed)
    actors = [f"actor-{i}" for i in range(max(10, n // 100))]
    forms = ["statement", "warning", "demand", "accusation", "criticism", "endorsement", "action"]
    out = []
    for i in range(n):
        start = rng.randrange(0, 50_000)
        out.append(
            {
                "id": f"doc-{i // 20}:c:{i}",
                "claimant": rng.choice(actors),
                "form": rng.choice(forms),
                "target": rng.choice(actors),
                "stance": rng.choice(["support", "oppose", "neutral"]),
                "quote": "do a deal with the Blairites" if i % 3 == 0 else None,
                "date": f"20{rng.randrange(10, 24)}-{rng.randrange(1, 13):02d}-{rng.randrange(1, 29):02d}",
                "evidence": [
                    {
                        "source": f"doc-{i // 20}",
                        "start": start,
                        "end": start + rng.randrange(5, 200),
                    }
                ],
            }
        )
    # Drop None values so every library sees the same minimal document.
    return [{k: v for k, v in c.items() if v is not None} for c in out]


CLOCK = time.process_time


def best(fn: Callable[[], object], repeat: int) -> float:
    times = []
    for _ in range(repeat):
        gc.collect()
        t = CLOCK()
        fn()
        times.append(CLOCK() - t)
    return min(times)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--n", type=int, default=100_000)
    ap.add_argument("--repeat", type=int, default=5)
    ap.add_argument("--pure", action="store_true", help="switch the msgspec fast path off")
    ap.add_argument(
        "--wall", action="store_true", help="time wall-clock time instead of CPU (process) time"
    )
    args = ap.parse_args()
    global CLOCK
    if args.wall:
        CLOCK = time.perf_counter
    if args.pure:
        convert._USE_MSGSPEC = False

    raw = make_claims(args.n)
    doc = {"format": "discourse", "version": 1, "claims": raw}
    data = encode_json(doc)

    corpus = structure_document(decode_json(data))
    assert len(corpus.claims()) == args.n
    mdoc = msgspec.json.decode(data, type=MDoc)
    pdoc = PDoc.model_validate_json(data)
    menc = msgspec.json.Encoder()
    mdec = msgspec.json.Decoder(MDoc)

    adec = msgspec.json.Decoder(ADoc)
    adoc = adec.decode(data)

    results = {
        "encode": {
            "discourse": best(lambda: dc.dumps(corpus), args.repeat),
            "msgspec": best(lambda: menc.encode(mdoc), args.repeat),
            "pydantic": best(lambda: pdoc.model_dump_json(exclude_none=True), args.repeat),
            "attrs*": best(lambda: menc.encode(adoc), args.repeat),
        },
        "decode": {
            "discourse": best(lambda: dc.loads(data), args.repeat),
            "msgspec": best(lambda: mdec.decode(data), args.repeat),
            "pydantic": best(lambda: PDoc.model_validate_json(data), args.repeat),
            "attrs*": best(lambda: adec.decode(data), args.repeat),
        },
    }
    codec = convert._codec()
    if codec is not None:
        backend = f"msgspec {msgspec.__version__} (fast path)"

        def records() -> object:
            with convert._gc_paused():
                return codec.decode_document(data)
    else:
        try:
            import orjson

            backend = f"cattrs + orjson {orjson.__version__} (pure path)"
        except ImportError:
            backend = "cattrs + stdlib json (pure path)"

        def records() -> object:
            return list(structure_document(decode_json(data)))

    recs = records()
    assert isinstance(recs, list)

    def index() -> object:
        with convert._gc_paused():
            return dc.Corpus(recs)

    parts = {"records": best(records, args.repeat), "Corpus(records)": best(index, args.repeat)}

    print(
        f"# bench_serialize: {args.n:,} claims, best of {args.repeat}; "
        f"Python {platform.python_version()}, discourse JSON: {backend}; "
        f"clock: {'wall' if args.wall else 'process'}"
    )
    print(f"# peers: msgspec {msgspec.__version__} Structs, pydantic {pydantic.__version__} models")
    print(f"{'op':<8}{'library':<12}{'seconds':>10}{'claims/s':>14}{'discourse vs peer':>20}")
    for op, row in results.items():
        ours = row["discourse"]
        for lib, t in row.items():
            ratio = "" if lib == "discourse" else f"{t / ours:.2f}x"
            print(f"{op:<8}{lib:<12}{t:>10.3f}{args.n / t:>14,.0f}{ratio:>20}")
    total = sum(parts.values())
    print("# discourse loads, measured separately:")
    for name, t in parts.items():
        print(f"#   {name:<18}{t:>8.3f} s  ({t / total:.0%})")
    ratio = results["decode"]["msgspec"] / parts["records"]
    print(f"#   records alone vs msgspec decode: {ratio:.2f}x")
    print(
        "# attrs*: msgspec on plain attrs classes with Claim's 15 fields (no validation, no"
        " Corpus), the ceiling of an attrs model:"
    )
    for op, row in results.items():
        print(f"#   {op}: attrs* reaches {row['msgspec'] / row['attrs*']:.2f}x msgspec")


if __name__ == "__main__":
    main()
