"""The public surface: curated, sorted, documented, versioned."""

from __future__ import annotations

import importlib.metadata
import inspect
from pathlib import Path

import discourse as dc

ROOT = Path(__file__).resolve().parent.parent


def test_all_is_sorted_and_complete() -> None:
    """__all__ is sorted and equals the public names the package defines."""
    assert list(dc.__all__) == sorted(dc.__all__)
    public = {n for n in vars(dc) if not n.startswith("_")} - {"annotations", "Any", "TYPE_CHECKING"}
    submodules = {n for n in public if inspect.ismodule(getattr(dc, n))}
    assert set(dc.__all__) - {"__version__"} == public - submodules


def test_every_public_name_has_a_docstring() -> None:
    """No public class or function without a docstring."""
    missing = [
        n
        for n in dc.__all__
        if (inspect.isclass(getattr(dc, n)) or inspect.isfunction(getattr(dc, n)))
        and not inspect.getdoc(getattr(dc, n))
    ]
    assert missing == []


def test_every_public_name_is_in_the_api_reference() -> None:
    """docs/api.md (or a page it includes) names every exported class and function."""
    text = "".join(p.read_text(encoding="utf-8") for p in (ROOT / "docs").rglob("*.md"))
    undocumented = [
        n
        for n in dc.__all__
        if (inspect.isclass(getattr(dc, n)) or inspect.isfunction(getattr(dc, n)))
        and f"::: discourse.{n}" not in text
        and not (issubclass(getattr(dc, n), BaseException) if inspect.isclass(getattr(dc, n)) else False)
    ]
    assert undocumented == []


def test_version_matches_the_package_metadata() -> None:
    """__version__ and the installed distribution agree."""
    assert dc.__version__ == importlib.metadata.version("discourse-model")


def test_py_typed_marker_ships() -> None:
    """The package is marked as typed (PEP 561)."""
    assert (Path(dc.__file__).parent / "py.typed").is_file()


def test_errors_share_one_root() -> None:
    """Every exported exception derives from DiscourseError; value errors are ValueErrors."""
    errors = [getattr(dc, n) for n in dc.__all__ if n.endswith("Error")]
    assert errors
    for e in errors:
        assert issubclass(e, dc.DiscourseError), e
    for e in (dc.ValidationError, dc.FormatError, dc.ParseError):
        assert issubclass(e, ValueError)
    assert issubclass(dc.RecordNotFoundError, KeyError)
    assert issubclass(dc.LossWarning, UserWarning)
