"""Tests for the ``discourse`` command line, run in subprocesses as users run it."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

import discourse as dc

pytest.importorskip("typer")
pytest.importorskip("rich")
nx = pytest.importorskip("networkx")


def run(
    *args: str, stdin: bytes | None = None, cwd: Path | None = None
) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run(
        [sys.executable, "-m", "discourse", *args],
        input=stdin,
        capture_output=True,
        cwd=cwd,
        timeout=300,
        check=False,
    )


def out(p: subprocess.CompletedProcess[bytes]) -> str:
    return p.stdout.decode("utf-8")


def err(p: subprocess.CompletedProcess[bytes]) -> str:
    return p.stderr.decode("utf-8")


@pytest.fixture
def corpus_file(tmp_path: Path) -> Path:
    corpus = dc.Corpus(
        [
            dc.Actor(id="ann", name="Ann Smith", aliases=("Smith",)),
            dc.Actor(id="bob", name="Bob Jones"),
            dc.Actor(id="xi", name="Xi Lee"),
            dc.Faction(id="left", name="Left"),
            dc.Faction(id="right", name="Right"),
            dc.Membership(member="ann", faction="left"),
            dc.Membership(member="bob", faction="right"),
            dc.Membership(member="xi", faction="right"),
            dc.Event(id="e1", kind="by_election", name="Copeland", start="2017-02-23"),
            dc.Claim(
                id="c1",
                claimant="ann",
                target="xi",
                stance="oppose",
                date="2017-01-05",
                text="Ann attacks Xi",
            ),
            dc.Claim(id="c2", claimant="bob", target="xi", stance="support", date="2017-02-05"),
            dc.Claim(id="c3", claimant="bob", target="ann", stance="oppose", date="2017-02-06"),
        ]
    )
    path = tmp_path / "corpus.json"
    dc.dump(corpus, path)
    return path


# --- usage and errors ------------------------------------------------------------------------------


def test_help_lists_every_command() -> None:
    """--help names all eight commands."""
    p = run("--help")
    assert p.returncode == 0
    for name in ("parse", "convert", "validate", "query", "network", "stats", "evaluate", "plot"):
        assert name in out(p)


@pytest.mark.parametrize(
    "command", ["parse", "convert", "validate", "query", "network", "stats", "evaluate", "plot"]
)
def test_every_command_help_shows_examples(command: str) -> None:
    """Each command's --help ends with examples of its use."""
    p = run(command, "--help")
    assert p.returncode == 0
    assert "Examples:" in out(p)
    assert f"discourse {command} " in out(p)


def test_unknown_command_is_a_usage_error() -> None:
    """An unknown command exits 2."""
    assert run("frobnicate").returncode == 2


def test_bad_option_value_is_a_usage_error(corpus_file: Path) -> None:
    """A stance that does not exist exits 2 and names the option."""
    p = run("query", str(corpus_file), "--stance", "opose")
    assert p.returncode == 2
    assert "--stance" in err(p)


def test_missing_file_is_one_line_and_exit_1(tmp_path: Path) -> None:
    """A missing input file is one error line, no traceback, exit 1."""
    p = run("stats", str(tmp_path / "nope.json"))
    assert p.returncode == 1
    assert err(p).strip().splitlines() == [
        f"discourse: error: {tmp_path / 'nope.json'}: no such file"
    ]


def test_debug_shows_the_traceback(tmp_path: Path) -> None:
    """--debug lets the traceback through."""
    p = run("--debug", "stats", str(tmp_path / "nope.json"))
    assert p.returncode != 0
    assert "Traceback" in err(p)


# --- validate -----------------------------------------------------------------------------------------


def test_validate_ok_exits_0(corpus_file: Path) -> None:
    """A valid corpus is reported ok with its counts."""
    p = run("validate", str(corpus_file))
    assert p.returncode == 0
    assert "ok" in out(p)
    assert "3 claims" in out(p)


def test_validate_reports_locations_and_exits_1(tmp_path: Path) -> None:
    """A bad value is reported with its path in the document."""
    bad = tmp_path / "bad.json"
    bad.write_text(
        json.dumps(
            {
                "format": "discourse",
                "version": 1,
                "claims": [{"id": "c1", "claimant": "a", "stance": "opose"}],
            }
        ),
        encoding="utf-8",
    )
    p = run("validate", str(bad))
    assert p.returncode == 1
    assert "claims[0].stance" in out(p)


def test_validate_reports_dangling_references(tmp_path: Path) -> None:
    """A claim naming an unknown claimant is reported with its location."""
    path = tmp_path / "dangling.json"
    dc.dump(dc.Corpus([dc.Claim(id="c1", claimant="ghost")]), path)
    p = run("validate", str(path))
    assert p.returncode == 1
    assert "claims['c1'].claimant" in out(p)


def test_validate_reads_stdin() -> None:
    """'-' reads the corpus from standard input (JSON by default)."""
    p = run("validate", "-", stdin=dc.dumps(dc.Corpus([dc.Actor(id="a", name="A")])).encode())
    assert p.returncode == 0
    assert "1 actors" in out(p)


# --- convert, query, stats ------------------------------------------------------------------------------


def test_convert_between_formats_via_stdout(corpus_file: Path) -> None:
    """convert writes JSONL to stdout with --to."""
    p = run("convert", str(corpus_file), "-", "--to", "jsonl")
    assert p.returncode == 0, err(p)
    lines = out(p).splitlines()
    assert json.loads(lines[0])["format"] == "discourse"
    assert sum(json.loads(ln).get("type") == "claim" for ln in lines) == 3


def test_convert_round_trips_to_file(corpus_file: Path, tmp_path: Path) -> None:
    """convert to .jsonl and back gives the same corpus."""
    jl = tmp_path / "c.jsonl"
    assert run("convert", str(corpus_file), str(jl)).returncode == 0
    assert dc.load(jl) == dc.load(corpus_file)


def test_query_filters_by_name_and_stance(corpus_file: Path) -> None:
    """--target accepts a name; the JSON lists the matching claims."""
    p = run("query", str(corpus_file), "--target", "Xi Lee", "--stance", "oppose", "--json")
    assert p.returncode == 0, err(p)
    assert [c["id"] for c in json.loads(out(p))] == ["c1"]


def test_query_prints_a_table(corpus_file: Path) -> None:
    """Without --json, a table shows names rather than ids."""
    p = run("query", str(corpus_file), "--claimant", "bob")
    assert p.returncode == 0
    assert "2 claim(s)" in out(p)
    assert "Bob Jones" in out(p)


def test_query_unknown_name_exits_1(corpus_file: Path) -> None:
    """A name that matches nobody is bad input."""
    p = run("query", str(corpus_file), "--target", "Nobody")
    assert p.returncode == 1
    assert "Nobody" in err(p)


def test_stats_json_has_counts_and_measures(corpus_file: Path) -> None:
    """stats --json gives counts, stances and the polarization figures."""
    p = run("stats", str(corpus_file), "--json")
    assert p.returncode == 0, err(p)
    figures = json.loads(out(p))
    assert figures["claims"] == 3
    assert figures["stances"] == {"oppose": 2, "support": 1}
    assert figures["attacked"] == [["Ann Smith", 1], ["Xi Lee", 1]]
    assert "polarization (factions)" in figures


# --- network and plot -----------------------------------------------------------------------------------


def test_network_writes_graphml(corpus_file: Path, tmp_path: Path) -> None:
    """network --level faction writes a GraphML file networkx can read."""
    path = tmp_path / "g.graphml"
    p = run("network", str(corpus_file), "--kind", "signed", "--level", "faction", "-o", str(path))
    assert p.returncode == 0, err(p)
    g = nx.read_graphml(path)
    assert g["left"]["right"]["oppose"] == 1


def test_network_congruence_to_gexf(corpus_file: Path, tmp_path: Path) -> None:
    """Other network kinds and GEXF output work too."""
    path = tmp_path / "g.gexf"
    p = run(
        "network",
        str(corpus_file),
        "--kind",
        "conflict",
        "--normalization",
        "average",
        "-o",
        str(path),
    )
    assert p.returncode == 0, err(p)
    g = nx.read_gexf(path)
    assert g.has_edge("ann", "bob")


def test_network_to_stdout_is_graphml(corpus_file: Path) -> None:
    """-o - writes GraphML to standard output."""
    p = run("network", str(corpus_file), "-o", "-")
    assert p.returncode == 0
    assert out(p).startswith("<?xml")


def test_network_rejects_unknown_extension(corpus_file: Path, tmp_path: Path) -> None:
    """An output name with an unknown extension is a usage error."""
    p = run("network", str(corpus_file), "-o", str(tmp_path / "g.txt"))
    assert p.returncode == 2


@pytest.mark.parametrize("kind", ["timeline", "network", "polarization"])
def test_plot_writes_png(corpus_file: Path, tmp_path: Path, kind: str) -> None:
    """Each plot kind writes a PNG file."""
    path = tmp_path / f"{kind}.png"
    p = run("plot", str(corpus_file), "--kind", kind, "-o", str(path))
    assert p.returncode == 0, err(p)
    assert path.read_bytes()[:4] == b"\x89PNG"


# --- evaluate and parse (end to end on the seed text) ----------------------------------------------------


def test_evaluate_scores_the_gold_file(shared: Path) -> None:
    """evaluate prints the parser's scores on the seed gold annotation."""
    p = run("evaluate", str(shared / "corpus" / "labour-2017-unite.gold.json"))
    assert p.returncode == 0, err(p)
    assert "claims" in out(p).lower()


def test_evaluate_bad_gold_exits_1(tmp_path: Path) -> None:
    """A gold file that is not valid is bad input."""
    bad = tmp_path / "x.gold.json"
    bad.write_text("{}", encoding="utf-8")
    p = run("evaluate", str(bad))
    assert p.returncode == 1
    assert err(p).startswith("discourse: error:")


def test_seed_text_parse_query_network_plot(shared: Path, seed_text: str, tmp_path: Path) -> None:
    """parse -> query -> network -> plot on the seed article, end to end."""
    corpus = tmp_path / "seed.json"
    p = run("parse", str(shared / "corpus" / "labour-2017-unite.txt"), "-o", str(corpus))
    assert p.returncode == 0, err(p)
    parsed = dc.load(corpus)
    assert parsed.count()["claims"] > 0

    p = run("query", str(corpus), "--json")
    assert p.returncode == 0, err(p)
    assert len(json.loads(out(p))) == parsed.count()["claims"]

    graph = tmp_path / "seed.graphml"
    p = run("network", str(corpus), "--kind", "signed", "-o", str(graph))
    assert p.returncode == 0, err(p)
    assert nx.read_graphml(graph).number_of_nodes() > 0

    png = tmp_path / "seed.png"
    p = run("plot", str(corpus), "--kind", "network", "--level", "actor", "-o", str(png))
    assert p.returncode == 0, err(p)
    assert png.read_bytes()[:4] == b"\x89PNG"


def test_parse_reads_stdin(seed_text: str) -> None:
    """parse - reads the text from standard input and writes JSON to stdout."""
    p = run("parse", "-", "-o", "-", stdin=seed_text.encode("utf-8"))
    assert p.returncode == 0, err(p)
    assert dc.loads(out(p)).count()["actors"] > 0


def test_parse_missing_file_exits_1(tmp_path: Path) -> None:
    """A text file that cannot be read is bad input."""
    p = run("parse", str(tmp_path / "missing.txt"), "-o", str(tmp_path / "c.json"))
    assert p.returncode == 1
    assert "missing.txt" in err(p)
    assert not (tmp_path / "c.json").exists()


def test_parse_many_files_in_parallel_one_source_each(seed_text: str, tmp_path: Path) -> None:
    """--jobs 2 parses two files into one corpus with a distinct source per file."""
    for folder in ("a", "b"):
        (tmp_path / folder).mkdir()
        (tmp_path / folder / "seed.txt").write_text(seed_text, encoding="utf-8")
    corpus = tmp_path / "both.jsonl"
    p = run(
        "parse",
        str(tmp_path / "a" / "seed.txt"),
        str(tmp_path / "b" / "seed.txt"),
        "--jobs",
        "2",
        "-o",
        str(corpus),
    )
    assert p.returncode == 0, err(p)
    assert sorted(s.id for s in dc.load(corpus).sources) == ["seed", "seed-2"]


def test_parse_bad_lexicon_exits_1(seed_text: str, tmp_path: Path) -> None:
    """A lexicon that cannot be read is bad input, named in one line."""
    text = tmp_path / "t.txt"
    text.write_text(seed_text, encoding="utf-8")
    lexicon = tmp_path / "lex.yaml"
    lexicon.write_text("verbs: [unclosed\n", encoding="utf-8")
    p = run("parse", str(text), "--lexicon", str(lexicon), "-o", str(tmp_path / "c.json"))
    assert p.returncode == 1
    assert "lex.yaml" in err(p)
    assert len(err(p).strip().splitlines()) == 1


def test_without_typer_prints_the_install_line_and_exits_2(tmp_path: Path) -> None:
    """With typer unimportable, one line names the cli extra and the exit code is 2."""
    (tmp_path / "typer.py").write_text(
        "raise ImportError('typer is not installed')\n", encoding="utf-8"
    )
    env = {**os.environ, "PYTHONPATH": str(tmp_path)}
    p = subprocess.run(
        [sys.executable, "-m", "discourse", "--help"],
        capture_output=True,
        env=env,
        timeout=60,
        check=False,
    )
    assert p.returncode == 2
    assert err(p).strip().splitlines() == [
        "discourse: the command line needs typer and rich: pip install 'discourse-model[cli]'"
    ]


def test_convert_to_unknown_format_is_a_usage_error(corpus_file: Path, tmp_path: Path) -> None:
    """An output name whose format cannot be told exits 2 and points at --to."""
    p = run("convert", str(corpus_file), str(tmp_path / "out.xyz"))
    assert p.returncode == 2
    assert "--to" in err(p)


def test_missing_output_folder_fails_before_any_work(corpus_file: Path, tmp_path: Path) -> None:
    """Writing into a folder that does not exist is one error line and exit 1."""
    target = tmp_path / "nope" / "g.graphml"
    p = run("network", str(corpus_file), "-o", str(target))
    assert p.returncode == 1
    assert err(p).strip().splitlines() == [
        f"discourse: error: {target}: no such folder {str(target.parent)!r}"
    ]


def test_failed_convert_leaves_existing_output_untouched(tmp_path: Path) -> None:
    """A conversion that fails on bad input does not touch the existing output file."""
    bad = tmp_path / "bad.json"
    bad.write_text("{not json", encoding="utf-8")
    target = tmp_path / "out.jsonl"
    target.write_text("precious\n", encoding="utf-8")
    p = run("convert", str(bad), str(target))
    assert p.returncode == 1
    assert target.read_text(encoding="utf-8") == "precious\n"
