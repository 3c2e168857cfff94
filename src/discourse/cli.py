"""The ``discourse`` command line: a thin shell over the library.

Commands: ``parse``, ``convert``, ``validate``, ``query``, ``network``,
``stats``, ``evaluate`` and ``plot``; ``discourse COMMAND --help`` shows each
one's options and examples. Every command reads standard input when a file
is given as ``-`` and writes standard output when ``-o -``.

Exit codes: 0 success, 1 bad input (an unreadable or invalid file, an
unknown name), 2 bad usage (an unknown option or value). Errors are printed
as one line, ``discourse: error: ...``; ``discourse --debug COMMAND`` shows
the full traceback instead.

The command line needs typer and rich: ``pip install 'discourse-model[cli]'``.
"""

from __future__ import annotations

import contextlib
import json
import os
import shutil
import sys
import tempfile
import warnings
from collections import Counter
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from discourse.errors import DiscourseError

if TYPE_CHECKING:
    from discourse.corpus import Corpus

__all__ = ["main"]

INSTALL_HINT = (
    "discourse: the command line needs typer and rich: pip install 'discourse-model[cli]'"
)


class _BadInputError(Exception):
    """Bad input found by the command line itself (exit code 1)."""


_Cmd = Callable[..., None]


class _State:
    debug = False


# --- input and output ---------------------------------------------------------------------------


@contextlib.contextmanager
def _input_path(path: str, fmt: str | None, default_ext: str) -> Iterator[Path]:
    """The path to read; ``-`` is copied from stdin to a temporary file first."""
    if path != "-":
        yield Path(path)
        return
    ext = "." + fmt if fmt else default_ext
    with tempfile.TemporaryDirectory(prefix="discourse-") as d:
        p = Path(d) / ("stdin" + ext)
        p.write_bytes(sys.stdin.buffer.read())
        yield p


@contextlib.contextmanager
def _output_path(path: str, default_ext: str) -> Iterator[Path]:
    """The path to write; for ``-`` a temporary file whose bytes then go to stdout."""
    if path != "-":
        _check_output(path)
        yield Path(path)
        return
    with tempfile.TemporaryDirectory(prefix="discourse-") as d:
        p = Path(d) / ("stdout" + default_ext)
        yield p
        sys.stdout.flush()
        with open(p, "rb") as f:
            shutil.copyfileobj(f, sys.stdout.buffer)
        sys.stdout.buffer.flush()


def _check_output(path: str) -> None:
    """Fail early, before any work, when the output's folder does not exist."""
    if path == "-":
        return
    parent = Path(path).parent
    if not parent.is_dir():
        raise _BadInputError(f"{path}: no such folder {str(parent)!r}")


def _format_usage(e: Exception, option: str) -> Exception:
    return _usage(str(e).replace("pass format=", f"pass {option}"), option)


def _load(path: str, fmt: str | None = None, option: str = "--format") -> Corpus:
    from discourse.errors import FormatError, UnknownFormatError
    from discourse.io import load

    with _input_path(path, fmt, ".json") as p:
        try:
            return load(p, format=fmt)
        except UnknownFormatError as e:
            raise _format_usage(e, option) from None
        except FormatError as e:
            if path == "-":
                raise FormatError(str(e).replace(str(p), "<stdin>"), errors=e.errors) from None
            raise


def _check_target(path: str, fmt: str | None, option: str = "--to") -> None:
    """Fail early when the output's folder is missing or its format cannot be told."""
    from discourse.errors import UnknownFormatError
    from discourse.io._registry import format_for

    _check_output(path)
    try:
        format_for(path if path != "-" else "stdout." + (fmt or "json"), fmt)
    except UnknownFormatError as e:
        raise _format_usage(e, option) from None


def _dump(corpus: Corpus, path: str, fmt: str | None = None, option: str = "--to") -> None:
    from discourse.io import dump

    _check_target(path, fmt, option)
    with _output_path(path, "." + (fmt or "json")) as p:
        with warnings.catch_warnings(record=True) as caught:
            warnings.simplefilter("always")
            dump(corpus, p, format=fmt)
        for w in caught:
            _warn(str(w.message))


def _warn(message: str) -> None:
    print(f"discourse: warning: {message}", file=sys.stderr)


def _note(message: str) -> None:
    print(message, file=sys.stderr)


def _resolve(corpus: Corpus, name: str | None, what: str) -> str | None:
    """An id from an id or a name/alias."""
    if name is None or name in corpus:
        return name
    found = corpus.find(name)  # AmbiguousNameError is a DiscourseError: one line, exit 1
    if found is None:
        raise _BadInputError(f"{what}: no actor or faction with id or name {name!r}")
    return found.id


def _usage(message: str, option: str) -> Exception:
    import typer

    return typer.BadParameter(message, param_hint=option)


def _check_options(**given: Any) -> None:
    """Reject bad option values as usage errors (exit code 2)."""
    from discourse.errors import ValidationError
    from discourse.model import ClaimForm, Stance, to_partial_date

    for key, value in given.items():
        if value is None:
            continue
        if key in ("since", "until"):
            try:
                to_partial_date(value)
            except ValidationError as e:
                raise _usage(str(e), f"--{key}") from None
        elif key == "stance" and value not in Stance._value2member_map_:
            raise _usage(f"{value!r} is not one of support, oppose, neutral", "--stance")
        elif key == "form" and value not in ClaimForm._value2member_map_:
            forms = ", ".join(str(f.value) for f in ClaimForm)
            raise _usage(f"{value!r} is not one of {forms}", "--form")


def _filters(corpus: Corpus, **given: Any) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for key, value in given.items():
        if value is None:
            continue
        if key in ("claimant", "target", "faction"):
            value = _resolve(corpus, value, f"--{key}")
        out[key] = value
    return out


def _name(corpus: Corpus, ref: str | None) -> str:
    if ref is None:
        return ""
    r = corpus.get(ref)
    return str(getattr(r, "name", None) or ref)


# --- the app --------------------------------------------------------------------------------------

_EXAMPLES = {
    "parse": """
Examples:

\b
    discourse parse article.txt -o corpus.json
    discourse parse texts/*.txt --lexicon labour.yaml --jobs 4 -o corpus.jsonl
    cat article.txt | discourse parse - -o -
""",
    "convert": """
Examples:

\b
    discourse convert corpus.json corpus.yaml
    discourse convert coding.dna corpus.jsonl
    discourse convert corpus.json - --to jsonl | head
""",
    "validate": """
Examples:

\b
    discourse validate corpus.json
    discourse validate corpus.dna && echo ok
""",
    "query": """
Examples:

\b
    discourse query corpus.json --target "Jeremy Corbyn" --stance oppose
    discourse query corpus.json --faction unite --since 2017-01 --json
""",
    "network": """
Examples:

\b
    discourse network corpus.json --kind signed --level faction -o factions.graphml
    discourse network corpus.json --kind congruence --mode target --normalization average -o g.gexf
    discourse network corpus.json -o - | head
""",
    "stats": """
Examples:

\b
    discourse stats corpus.json
    discourse stats corpus.json --json
""",
    "evaluate": """
Examples:

\b
    discourse evaluate corpus/labour-2017-unite.gold.json
    discourse evaluate gold/*.gold.json
""",
    "plot": """
Examples:

\b
    discourse plot corpus.json --kind timeline -o timeline.png
    discourse plot corpus.json --kind network --level faction -o factions.svg
    discourse plot corpus.json --kind polarization --size 3m -o polarization.png
""",
}


def _build_app() -> Any:
    import typer
    from rich.console import Console
    from rich.table import Table

    # a table piped to a file or another program gets room rather than the 80-column default
    out = Console(highlight=False, width=None if sys.stdout.isatty() else 160)

    app = typer.Typer(
        name="discourse",
        help="Model intra-party political conflict: parse texts, convert formats, "
        "query claims, build networks and plots.",
        no_args_is_help=True,
        add_completion=False,
        pretty_exceptions_enable=False,
        rich_markup_mode=None,
        context_settings={"help_option_names": ["-h", "--help"]},
    )

    def version_callback(value: bool) -> None:
        if value:
            from discourse._version import __version__

            print(f"discourse {__version__}")
            raise typer.Exit()

    @app.callback()
    def root(
        debug: bool = typer.Option(False, "--debug", help="Show full tracebacks on errors."),
        version: bool = typer.Option(
            False,
            "--version",
            help="Show the version and exit.",
            callback=version_callback,
            is_eager=True,
        ),
    ) -> None:
        """Model intra-party political conflict from the command line."""
        _State.debug = debug

    def command(name: str) -> Callable[[_Cmd], _Cmd]:
        decorator: Callable[[_Cmd], _Cmd] = app.command(name, epilog=_EXAMPLES[name])
        return decorator

    fmt_opt = typer.Option(
        None, "--format", "-f", help="Input format (default: from the file name; json for -)."
    )

    # -- parse -------------------------------------------------------------------------------

    @command("parse")
    def parse_cmd(
        files: list[str] = typer.Argument(..., help="Text files to parse (- for standard input)."),  # noqa: B008
        output: str = typer.Option(
            "-", "--output", "-o", help="Corpus file to write (- for standard output)."
        ),
        to: str | None = typer.Option(
            None, "--to", help="Output format (default: from the file name; json for -)."
        ),
        lexicon: str | None = typer.Option(
            None,
            "--lexicon",
            "-l",
            help="A lexicon file (.yaml or .json) to add to the default one.",
        ),
        jobs: int = typer.Option(
            1, "--jobs", "-j", min=1, help="Parse this many files in parallel."
        ),
    ) -> None:
        """Parse English political texts into a corpus of actors, factions, claims and events."""
        from discourse.corpus import Corpus

        _check_target(output, to)
        texts: list[tuple[str, str]] = []
        for f in files:
            if f == "-":
                texts.append(("stdin", sys.stdin.read()))
                continue
            try:
                texts.append((f, Path(f).read_text(encoding="utf-8")))
            except (OSError, UnicodeDecodeError) as e:
                raise _BadInputError(f"{f}: cannot read: {e}") from None
        corpus = Corpus()
        results = _parse_texts(texts, lexicon, jobs)
        for (name, _), part in zip(texts, results, strict=True):
            _merge_into(corpus, part, name)
        _dump(corpus, output, to)
        counts = ", ".join(f"{v} {k}" for k, v in corpus.count().items() if v)
        _note(f"parsed {len(texts)} file(s): {counts or 'nothing found'}")

    # -- convert -----------------------------------------------------------------------------

    @command("convert")
    def convert_cmd(
        source: str = typer.Argument(..., help="File to read (- for standard input)."),
        target: str = typer.Argument(..., help="File to write (- for standard output)."),
        from_: str | None = typer.Option(
            None, "--from", help="Input format (default: from the file name)."
        ),
        to: str | None = typer.Option(
            None, "--to", help="Output format (default: from the file name)."
        ),
    ) -> None:
        """Convert a corpus from any readable format to any writable one (json, jsonl, yaml, dna, csv...)."""
        _check_target(target, to)
        corpus = _load(source, from_, "--from")
        _dump(corpus, target, to)

    # -- validate ----------------------------------------------------------------------------

    @command("validate")
    def validate_cmd(
        file: str = typer.Argument(..., help="Corpus file to check (- for standard input)."),
        fmt: str | None = fmt_opt,
    ) -> None:
        """Check a corpus file: format errors and dangling references, each with its location."""
        from discourse.errors import FormatError

        try:
            corpus = _load(file, fmt)
        except FormatError as e:
            where = f"{e.path}: " if e.path and file != "-" else ""
            for line in e.errors:
                print(f"{where}{line}")
            raise typer.Exit(1) from None
        problems = corpus.problems()
        for p in problems:
            print(f"{file}: {p}")
        if problems:
            raise typer.Exit(1)
        counts = ", ".join(f"{v} {k}" for k, v in corpus.count().items() if v)
        print(f"{file}: ok ({counts or 'empty'})")

    # -- query -------------------------------------------------------------------------------

    @command("query")
    def query_cmd(
        file: str = typer.Argument(..., help="Corpus file (- for standard input)."),
        claimant: str | None = typer.Option(None, help="Who makes the claim (id or name)."),
        target: str | None = typer.Option(
            None, help="Whom the claim is for or against (id or name)."
        ),
        stance: str | None = typer.Option(None, help="support, oppose or neutral."),
        form: str | None = typer.Option(None, help="statement, demand, accusation, criticism..."),
        issue: str | None = typer.Option(None, help="The issue the claim is about."),
        faction: str | None = typer.Option(
            None, help="Claims by a faction, its sub-factions and members (id or name)."
        ),
        since: str | None = typer.Option(
            None, help="Claims dated on or after (2017, 2017-03, 2017-03-02)."
        ),
        until: str | None = typer.Option(None, help="Claims dated on or before."),
        source: str | None = typer.Option(None, help="Claims with evidence in this source id."),
        as_json: bool = typer.Option(False, "--json", help="Print the claims as a JSON array."),
        limit: int | None = typer.Option(None, min=0, help="Show at most this many claims."),
        fmt: str | None = fmt_opt,
    ) -> None:
        """List the claims that match every given filter, as a table or JSON."""
        _check_options(stance=stance, form=form, since=since, until=until)
        corpus = _load(file, fmt)
        filters = _filters(
            corpus, claimant=claimant, target=target, stance=stance, form=form, issue=issue,
            faction=faction, since=since, until=until, source=source,
        )  # fmt: skip
        claims = corpus.claims(**filters)
        shown = claims if limit is None else claims[:limit]
        if as_json:
            from discourse.convert import unstructure_record

            json.dump(
                [unstructure_record(c) for c in shown], sys.stdout, ensure_ascii=False, indent=1
            )
            print()
            return
        table = Table(show_lines=False, title=f"{len(claims)} claim(s)")
        for col in ("id", "date", "claimant", "form", "stance", "target", "issue", "text"):
            table.add_column(col, overflow="fold", no_wrap=col in ("id", "date", "form", "stance"))
        for c in shown:
            text = c.text or (f"“{c.quote}”" if c.quote else "")
            table.add_row(
                c.id, str(c.date or ""), _name(corpus, c.claimant), c.form.value,
                c.stance.value if c.stance else "", _name(corpus, c.target), c.issue or "",
                text if len(text) <= 80 else text[:77] + "...",
            )  # fmt: skip
        out.print(table)

    # -- network -----------------------------------------------------------------------------

    @command("network")
    def network_cmd(
        file: str = typer.Argument(..., help="Corpus file (- for standard input)."),
        output: str = typer.Option(
            "-",
            "--output",
            "-o",
            help="Graph file: .graphml, .gexf or .json (- for GraphML on standard output).",
        ),
        kind: str = typer.Option(
            "signed", help="signed, congruence, conflict, subtract or affiliation."
        ),
        level: str = typer.Option("actor", help="signed networks: actor or faction."),
        mode: str = typer.Option(
            "target", help="congruence/conflict/subtract/affiliation: target or issue."
        ),
        normalization: str = typer.Option("none", help="none, average, jaccard or cosine."),
        duplicates: str = typer.Option("include", help="include, document, week, month or year."),
        since: str | None = typer.Option(None, help="Claims dated on or after."),
        until: str | None = typer.Option(None, help="Claims dated on or before."),
        fmt: str | None = fmt_opt,
    ) -> None:
        """Build a discourse network from a corpus and write it for Gephi, visone or networkx."""
        from discourse import networks

        _check_options(since=since, until=until)
        for value, allowed, option in (
            (kind, ("signed", "congruence", "conflict", "subtract", "affiliation"), "--kind"),
            (level, ("actor", "faction"), "--level"),
            (mode, ("target", "issue"), "--mode"),
            (normalization, ("none", "average", "jaccard", "cosine"), "--normalization"),
            (duplicates, ("include", "document", "week", "month", "year"), "--duplicates"),
        ):
            if value not in allowed:
                raise _usage(f"{value!r} is not one of {', '.join(allowed)}", option)
        _graph_ext(output)
        _check_output(output)
        corpus = _load(file, fmt)
        g = _network(networks, corpus, kind, level, mode, normalization, duplicates, since, until)
        _write_graph(g, output)
        _note(f"{kind} network: {g.number_of_nodes()} nodes, {g.number_of_edges()} edges")

    # -- stats -------------------------------------------------------------------------------

    @command("stats")
    def stats_cmd(
        file: str = typer.Argument(..., help="Corpus file (- for standard input)."),
        as_json: bool = typer.Option(False, "--json", help="Print the figures as JSON."),
        top: int = typer.Option(5, min=1, help="How many key actors to list."),
        fmt: str | None = fmt_opt,
    ) -> None:
        """Summarise a corpus: record counts, stances, dates, key actors, polarization."""
        corpus = _load(file, fmt)
        figures = _stats(corpus, top)
        if as_json:
            json.dump(figures, sys.stdout, ensure_ascii=False, indent=1)
            print()
            return
        t = Table(title=f"{file}", show_header=False)
        t.add_column("", style="bold")
        t.add_column("")
        for k, v in figures.items():
            if isinstance(v, dict):
                v = ", ".join(f"{a}: {b}" for a, b in v.items()) or "-"
            elif isinstance(v, list):
                v = ", ".join(f"{a} ({b})" for a, b in v) or "-"
            elif v is None:
                v = "-"
            t.add_row(k, str(v))
        out.print(t)

    # -- evaluate ----------------------------------------------------------------------------

    @command("evaluate")
    def evaluate_cmd(
        gold: list[str] = typer.Argument(  # noqa: B008
            ..., help="Gold files (*.gold.json), each beside its text."
        ),
    ) -> None:
        """Parse the text of each gold file and score the parser against the hand coding."""
        from discourse.evaluate import evaluate_files

        report = evaluate_files(gold)
        print(report)

    # -- plot --------------------------------------------------------------------------------

    @command("plot")
    def plot_cmd(
        file: str = typer.Argument(..., help="Corpus file (- for standard input)."),
        output: str = typer.Option(
            ...,
            "--output",
            "-o",
            help="Image file: .png, .svg or .pdf (- for PNG on standard output).",
        ),
        kind: str = typer.Option("timeline", help="timeline, network or polarization."),
        level: str = typer.Option("faction", help="network/polarization: actor or faction."),
        period: str = typer.Option("month", help="timeline: year, month, week or day."),
        size: str = typer.Option("1m", help="polarization: window size (30d, 2w, 3m, 1y)."),
        step: str | None = typer.Option(
            None, help="polarization: window step (default: the size)."
        ),
        title: str | None = typer.Option(None, help="A title for the figure."),
        dpi: int = typer.Option(150, min=10, help="Resolution of raster images."),
        fmt: str | None = fmt_opt,
    ) -> None:
        """Draw a timeline of claims and events, a signed network, or polarization over time."""
        from discourse import analysis, networks, plot
        from discourse.io._atomic import atomic_path

        for value, allowed, option in (
            (kind, ("timeline", "network", "polarization"), "--kind"),
            (level, ("actor", "faction"), "--level"),
            (period, ("year", "month", "week", "day"), "--period"),
        ):
            if value not in allowed:
                raise _usage(f"{value!r} is not one of {', '.join(allowed)}", option)
        for span, option in ((size, "--size"), (step, "--step")):
            if span is not None:
                try:
                    networks._parse_span(span, option)
                except DiscourseError as e:
                    raise _usage(str(e), option) from None
        ext = ".png" if output == "-" else Path(output).suffix.lower()
        if ext not in (".png", ".svg", ".pdf"):
            raise _usage(f"{output!r}: use a .png, .svg or .pdf file name", "--output")
        _check_output(output)
        corpus = _load(file, fmt)
        if kind == "timeline":
            fig = plot.timeline(corpus, period=period, title=title)  # type: ignore[arg-type]
        elif kind == "network":
            fig = plot.network(networks.signed(corpus, level=level), title=title)  # type: ignore[arg-type]
        else:
            series = analysis.polarization_series(corpus, size=size, step=step, level=level)  # type: ignore[arg-type]
            fig = plot.polarization(series, title=title)
        with _output_path(output, ".png") as p, atomic_path(p) as tmp:
            fig.savefig(tmp, dpi=dpi, format=ext[1:])
        if output != "-":
            _note(f"wrote {output}")

    return app


def _network(
    networks: Any, corpus: Corpus, kind: str, level: str, mode: str, normalization: str,
    duplicates: str, since: str | None, until: str | None,
) -> Any:  # fmt: skip
    import typer

    dates = {k: v for k, v in (("since", since), ("until", until)) if v is not None}
    if kind == "signed":
        return networks.signed(corpus, level=level, duplicates=duplicates, **dates)
    if kind in ("congruence", "conflict", "subtract"):
        fn = getattr(networks, kind)
        return fn(corpus, mode=mode, normalization=normalization, duplicates=duplicates, **dates)
    if kind == "affiliation":
        return networks.affiliation(corpus, mode=mode, duplicates=duplicates, **dates)
    raise typer.BadParameter(
        f"{kind!r} is not one of signed, congruence, conflict, subtract, affiliation",
        param_hint="--kind",
    )


def _graph_ext(output: str) -> str:
    ext = ".graphml" if output == "-" else Path(output).suffix.lower()
    if ext not in (".graphml", ".gexf", ".json"):
        raise _usage(f"{output!r}: use a .graphml, .gexf or .json file name", "--output")
    return ext


def _write_graph(g: Any, output: str) -> None:

    from discourse.io._atomic import atomic_path
    from discourse.networks import require_networkx

    nx = require_networkx()
    ext = _graph_ext(output)
    with _output_path(output, ext) as p, atomic_path(p) as tmp:
        if ext == ".graphml":
            nx.write_graphml(g, tmp)
        elif ext == ".gexf":
            nx.write_gexf(g, tmp)
        else:
            data = nx.node_link_data(g, edges="edges")
            tmp.write_text(json.dumps(data, ensure_ascii=False, indent=1), encoding="utf-8")


def _stats(corpus: Corpus, top: int) -> dict[str, Any]:
    figures: dict[str, Any] = dict(corpus.count())
    claims = corpus.claims()
    figures["stances"] = dict(
        Counter(c.stance.value if c.stance else "none" for c in claims).most_common()
    )
    figures["forms"] = dict(Counter(c.form.value for c in claims).most_common())
    dated = [c.date for c in claims if c.date is not None]
    figures["first claim"] = str(min(dated)) if dated else None
    figures["last claim"] = str(max(dated)) if dated else None
    try:
        from discourse import analysis
        from discourse.networks import require_networkx

        require_networkx()
    except ImportError:
        return figures
    k = analysis.key_actors(corpus, top=top)
    figures["attackers"] = [[_name(corpus, i), n] for i, n in k.attackers]
    figures["attacked"] = [[_name(corpus, i), n] for i, n in k.attacked]
    figures["brokers"] = [[_name(corpus, i), n] for i, n in k.brokers]
    for level in ("actor", "faction"):
        p = analysis.polarization(corpus, level=level)
        b = analysis.balance(corpus, level=level)
        figures[f"polarization ({level}s)"] = round(p.score, 3)
        figures[f"balanced triangles ({level}s)"] = (
            f"{b.balanced}/{b.triangles}" if b.triangles else None
        )
    cohesion = {
        _name(corpus, t.claimant): f"{t.support}+/{t.oppose}-"
        for t in analysis.cohesion(corpus)
        if t.within
    }
    figures["cohesion (within factions)"] = cohesion
    return figures


# --- parsing ------------------------------------------------------------------------------------


def _parse_texts(texts: Sequence[tuple[str, str]], lexicon: str | None, jobs: int) -> list[Corpus]:
    """Parse each ``(name, text)`` with one source per file, showing progress on stderr."""
    import importlib

    from rich.console import Console
    from rich.progress import Progress

    try:
        parser_cls = importlib.import_module("discourse.parse").Parser
    except (ImportError, AttributeError):
        raise _BadInputError(
            "the parser (discourse.parse.Parser) is not available in this installation"
        ) from None
    if lexicon is not None:
        from discourse.parse.lexicon import Lexicon

        parser = parser_cls(lexicon=Lexicon.from_file(lexicon))
    else:
        parser = parser_cls()
    items = list(zip((t for _, t in texts), _source_ids([n for n, _ in texts]), strict=True))
    results: list[Corpus] = []
    with contextlib.ExitStack() as stack:
        executor = None
        if jobs > 1 and len(items) > 1:
            from concurrent.futures import ProcessPoolExecutor

            executor = stack.enter_context(ProcessPoolExecutor(max_workers=jobs))
        progress = stack.enter_context(Progress(console=Console(stderr=True), transient=True))
        task = progress.add_task("parsing", total=len(items))
        for corpus in parser.parse_many(items, executor=executor):
            results.append(corpus)
            progress.advance(task)
    return results


def _source_ids(names: Sequence[str]) -> list[str]:
    """One distinct source id per file: its name without extension (``-2``... on clashes)."""
    import re

    out: list[str] = []
    taken: set[str] = set()
    for name in names:
        stem = Path(name).name.split(".")[0].casefold()
        base = re.sub(r"[^\w]+", "-", stem).strip("-") or "document"
        sid, n = base, 2
        while sid in taken:
            sid, n = f"{base}-{n}", n + 1
        taken.add(sid)
        out.append(sid)
    return out


def _merge_into(corpus: Corpus, part: Corpus, name: str) -> None:
    """Add a document's records; an entity already present under the same id is kept."""
    from discourse.errors import DuplicateIdError
    from discourse.model import Actor, Faction

    for r in part:
        try:
            corpus.add(r)
        except DuplicateIdError as e:
            if isinstance(r, (Actor, Faction)):
                continue  # the same person or faction seen in another text
            raise _BadInputError(f"{name}: {e}") from None


# --- entry point ----------------------------------------------------------------------------------


def main(argv: Sequence[str] | None = None) -> int:
    """Run the ``discourse`` command line; return its exit code.

    Args:
        argv: The arguments (without the program name); ``sys.argv[1:]`` by default.

    Returns:
        0 on success, 1 on bad input, 2 on bad usage.
    """
    try:
        import rich  # noqa: F401
        import typer
    except ImportError:
        print(INSTALL_HINT, file=sys.stderr)
        return 2
    args = list(sys.argv[1:] if argv is None else argv)
    _State.debug = "--debug" in args or os.environ.get("DISCOURSE_DEBUG") == "1"
    command = typer.main.get_command(_build_app())
    try:
        rv = command.main(args=args, prog_name="discourse", standalone_mode=False)
    except typer.Exit as e:
        return int(e.exit_code)
    except typer.Abort:
        print("discourse: aborted", file=sys.stderr)
        return 1
    except _click_exception(typer) as exc:
        shown: Any = exc
        shown.show()
        return 2 if shown.exit_code == 2 else 1
    except KeyboardInterrupt:
        print("discourse: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:  # pragma: no cover - e.g. piped into head
        return 0
    except (DiscourseError, _BadInputError, OSError, ImportError, ValueError) as e:
        if _State.debug:
            raise
        print(f"discourse: error: {_one_line(e)}", file=sys.stderr)
        return 1
    return int(rv) if isinstance(rv, int) else 0


def _click_exception(typer: Any) -> type[Exception]:
    """Click's ClickException, vendored by recent typer releases and imported by older ones."""
    return next(c for c in typer.BadParameter.__mro__ if c.__name__ == "ClickException")  # type: ignore[no-any-return]


def _one_line(e: BaseException) -> str:
    text = str(e) or type(e).__name__
    lines = [ln for ln in text.splitlines() if ln.strip()]
    if len(lines) <= 1:
        return lines[0] if lines else text
    return f"{lines[0]} (+{len(lines) - 1} more)"


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
