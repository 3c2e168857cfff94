"""The documented resource limits hold: nesting depth, YAML aliases, XML entities, huge inputs.

Each limit is listed in the "Limits, as tested" table of docs/security.md.
"""

from __future__ import annotations

import os
import random
import resource
import subprocess
import sys
import textwrap
import warnings
from pathlib import Path

import pytest

import discourse as dc
from discourse.io import formats
from discourse.io._registry import format_for
from tests.fuzz.harness import check_load

SRC = Path(dc.__file__).resolve().parent.parent

JSON_LIMIT = 1024
"""Nesting levels a JSON document may have in all (orjson's limit; the envelope takes four)."""


def json_doc(depth: int) -> str:
    """A discourse JSON document whose actor attribute holds ``depth`` nested lists."""
    return (
        '{"format":"discourse","version":1,"actors":[{"id":"a","name":"A","attributes":{"x":'
        + "[" * depth
        + "]" * depth
        + "}}]}"
    )


def yaml_doc(depth: int) -> str:
    """A discourse YAML document whose actor attribute holds ``depth`` nested flow lists."""
    return (
        "format: discourse\nversion: 1\nactors:\n- id: a\n  name: A\n  attributes:\n    x: "
        + "[" * depth
        + "]" * depth
        + "\n"
    )


def write(tmp_path: Path, name: str, text: str | bytes) -> Path:
    """``text`` written to ``tmp_path / name``."""
    p = tmp_path / name
    p.write_bytes(text.encode("utf-8") if isinstance(text, str) else text)
    return p


def load_error(path: Path, fmt: str | None = None) -> dc.FormatError:
    """The FormatError that loading ``path`` raises (fails if it loads)."""
    with pytest.raises(dc.FormatError) as e:
        dc.load(path, format=fmt)
    return e.value


# --- JSON --------------------------------------------------------------------------------------


def test_json_nested_to_the_decoder_limit_loads(tmp_path: Path) -> None:
    """A document nested 1020 levels inside its envelope (1024 in all) loads."""
    c = dc.load(write(tmp_path, "ok.json", json_doc(JSON_LIMIT - 4)))
    assert len(c) == 1


@pytest.mark.parametrize("depth", [JSON_LIMIT - 3, 100_000])
def test_json_nested_past_the_limit_is_a_format_error_with_line(tmp_path: Path, depth: int) -> None:
    """One level more than the limit, or 100,000, is a FormatError giving line and column."""
    err = load_error(write(tmp_path, "deep.json", json_doc(depth)))
    assert err.line == 1
    assert "deep.json" in str(err)
    assert "column" in str(err)


@pytest.mark.parametrize(
    "name", ["deep.jsonl", "deep.aif.json", "deep.popolo.json", "deep.plover.jsonl"]
)
def test_other_json_formats_refuse_deep_nesting(tmp_path: Path, name: str) -> None:
    """Every JSON-based reader turns 100,000 nested lists into a located FormatError."""
    deep = "[" * 100_000 + "]" * 100_000
    text = '{"format":"discourse","version":1}\n' + deep + "\n" if "jsonl" in name else deep
    check_load(write(tmp_path, name, text), format_for(name).name)
    err = load_error(tmp_path / name)
    assert name in str(err)


@pytest.mark.parametrize("number", ["9" * 5000, "1e999", "-1e999"])
def test_json_numbers_past_a_double_are_format_errors(tmp_path: Path, number: str) -> None:
    """A 5000-digit integer or 1e999 is a FormatError with its line, not an OverflowError."""
    text = json_doc(0).replace('"x":', f'"x":{number},"y":', 1)
    err = load_error(write(tmp_path, "n.json", text))
    assert err.line == 1


# --- YAML --------------------------------------------------------------------------------------

BILLION_LAUGHS = """\
format: discourse
version: 1
a: &a ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]
b: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a]
c: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b]
d: &d [*c, *c, *c, *c, *c, *c, *c, *c, *c]
e: &e [*d, *d, *d, *d, *d, *d, *d, *d, *d]
f: &f [*e, *e, *e, *e, *e, *e, *e, *e, *e]
g: &g [*f, *f, *f, *f, *f, *f, *f, *f, *f]
h: &h [*g, *g, *g, *g, *g, *g, *g, *g, *g]
i: &i [*h, *h, *h, *h, *h, *h, *h, *h, *h]
"""


def test_yaml_billion_laughs_is_refused_at_the_first_alias(tmp_path: Path) -> None:
    """A 9**9-element alias bomb is refused at its first alias (line 4), before any expansion."""
    err = load_error(write(tmp_path, "lol.yaml", BILLION_LAUGHS))
    assert err.line == 4
    assert "alias" in str(err)


def test_yaml_python_tags_are_refused(tmp_path: Path) -> None:
    """``!!python/object/apply`` is a FormatError: the safe loader never builds Python objects."""
    text = "format: discourse\nversion: 1\nx: !!python/object/apply:os.system ['true']\n"
    err = load_error(write(tmp_path, "tag.yaml", text))
    assert err.line == 3


def test_yaml_nested_100_levels_loads(tmp_path: Path) -> None:
    """100 levels of nested lists (far above real documents) load."""
    assert len(dc.load(write(tmp_path, "ok.yaml", yaml_doc(100)))) == 1


@pytest.mark.parametrize("depth", [1_000, 100_000])
def test_yaml_nested_past_the_recursion_limit_is_a_format_error(tmp_path: Path, depth: int) -> None:
    """Nesting past what PyYAML's recursive composer can build is a FormatError, not RecursionError."""
    err = load_error(write(tmp_path, "deep.yaml", yaml_doc(depth)))
    assert "nested too deeply" in str(err)


# --- XML ---------------------------------------------------------------------------------------

XML_BOMB = """<?xml version="1.0"?>
<!DOCTYPE lolz [
 <!ENTITY lol "lol">
 <!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
 <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
 <!ENTITY lol4 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;">
 <!ENTITY lol5 "&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;">
 <!ENTITY lol6 "&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;">
 <!ENTITY lol7 "&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;">
 <!ENTITY lol8 "&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;">
 <!ENTITY lol9 "&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;">
]>
<ROOT><graph><node id="&lol9;"/></graph></ROOT>
"""

XXE = """<?xml version="1.0"?>
<!DOCTYPE ROOT [<!ENTITY e SYSTEM "file:///etc/passwd">]>
<ROOT><graph><node id="&e;"/></graph></ROOT>
"""


@pytest.mark.parametrize("fmt", ["graphml", "gexf"])
@pytest.mark.parametrize("doc", [XML_BOMB, XXE], ids=["entity-bomb", "external-entity"])
def test_xml_entity_declarations_are_refused(tmp_path: Path, fmt: str, doc: str) -> None:
    """Entity bombs and external entities are refused (defusedxml) before anything is expanded."""
    err = load_error(write(tmp_path, f"x.{fmt}", doc.replace("ROOT", fmt)))
    assert "refused" in str(err)
    assert "root:" not in str(err)  # /etc/passwd was not read


@pytest.mark.parametrize("fmt", ["graphml", "gexf"])
def test_xml_nested_100000_levels_is_a_format_error(tmp_path: Path, fmt: str) -> None:
    """100,000 nested elements are a FormatError naming the file, not a RecursionError."""
    doc = f'<?xml version="1.0"?><{fmt}>' + "<a>" * 100_000 + "</a>" * 100_000 + f"</{fmt}>"
    check_load(write(tmp_path, f"deep.{fmt}", doc), fmt)


# --- memory bound, in a child process -----------------------------------------------------------

_BOMBS = """
    import resource, sys, warnings
    import discourse as dc
    from discourse.io import get_format

    for name in sys.argv[2:]:
        get_format(name)  # import every reader before the limit
    limit = int(sys.argv[1])
    resource.setrlimit(resource.RLIMIT_AS, (limit, limit))
    warnings.simplefilter("ignore")
    for path in sys.stdin.read().split():
        try:
            dc.load(path)
            print("loaded", path, flush=True)
        except dc.FormatError as e:
            print("refused", path, flush=True)
"""


@pytest.mark.skipif(not hasattr(resource, "RLIMIT_AS"), reason="needs RLIMIT_AS")
def test_bombs_are_refused_within_a_small_address_space(tmp_path: Path) -> None:
    """Alias and entity bombs, 100,000-deep nesting and huge numbers are refused in a child limited to 2 GiB."""
    files = [
        write(tmp_path, "lol.yaml", BILLION_LAUGHS),
        write(tmp_path, "bomb.graphml", XML_BOMB.replace("ROOT", "graphml")),
        write(tmp_path, "bomb.gexf", XML_BOMB.replace("ROOT", "gexf")),
        write(tmp_path, "deep.json", json_doc(100_000)),
        write(tmp_path, "deep.yaml", yaml_doc(100_000)),
        write(tmp_path, "huge.json", json_doc(0).replace('"x":', '"x":' + "9" * 100_000 + ',"y":')),
    ]
    env = {
        **os.environ,
        "PYTHONPATH": os.pathsep.join([str(SRC), os.environ.get("PYTHONPATH", "")]),
    }
    proc = subprocess.run(
        [
            sys.executable,
            "-c",
            textwrap.dedent(_BOMBS),
            str(2 * 1024**3),
            "yaml",
            "graphml",
            "json",
        ],
        input="\n".join(str(f) for f in files),
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
    )
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.split("\n")[:-1] == [f"refused {f}" for f in files]


# --- 100 MB of junk per reader ------------------------------------------------------------------

_JUNK = """
    import resource, sys, time, warnings
    import discourse as dc

    warnings.simplefilter("ignore")
    t = time.perf_counter()
    try:
        dc.load(sys.argv[1], format=sys.argv[2])
        outcome = "loaded"
    except dc.FormatError as e:
        outcome = "refused" if sys.argv[1].rpartition("/")[2] in str(e) and len(str(e)) < 100_000 else "unlocated"
    # VmHWM, not ru_maxrss: on Linux ru_maxrss keeps the forking parent's peak across exec.
    try:
        with open("/proc/self/status") as f:
            peak_mb = next(int(l.split()[1]) for l in f if l.startswith("VmHWM")) / 1024
    except OSError:
        peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(outcome, round(time.perf_counter() - t, 1), round(peak_mb), flush=True)
"""

READABLE = sorted(f.name for f in formats() if f.read is not None)


@pytest.mark.slow
@pytest.mark.parametrize("kind", ["random", "prefixed"])
@pytest.mark.parametrize("fmt", READABLE)
def test_100_mb_of_junk_is_refused_in_bounded_time_and_memory(
    tmp_path: Path, fmt: str, kind: str
) -> None:
    """100 MB of random bytes (or a valid file's start, then junk) is refused within 120 s and 3 GB of memory."""
    ext = dc.io.get_format(fmt).extensions[0]
    p = tmp_path / f"junk{ext}"
    rnd = random.Random(fmt + kind)
    with p.open("wb") as f:
        if kind == "prefixed":
            ref = tmp_path / f"ref{ext}"
            with warnings.catch_warnings():
                warnings.simplefilter("ignore", dc.DiscourseWarning)
                dc.dump(dc.Corpus([dc.Actor(id="a", name="A")]), ref, format=fmt)
            f.write(ref.read_bytes()[:-2])
        for _ in range(100):
            f.write(rnd.randbytes(1024 * 1024))
    env = {
        **os.environ,
        "PYTHONPATH": os.pathsep.join([str(SRC), os.environ.get("PYTHONPATH", "")]),
    }
    proc = subprocess.run(
        [sys.executable, "-c", textwrap.dedent(_JUNK), str(p), fmt],
        capture_output=True,
        text=True,
        env=env,
        timeout=300,
    )
    assert proc.returncode == 0, proc.stderr[-2000:]
    outcome, seconds, peak_mb = proc.stdout.split()
    # SQLite ignores bytes after the last page, so a valid .dna with junk appended loads.
    assert outcome == "refused" or (kind == "prefixed" and outcome == "loaded")
    assert float(seconds) < 120
    assert int(peak_mb) < 3000
