"""The docs cannot rot: every ```python block of every page runs."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
DOCS = ROOT / "docs"
BLOCK = re.compile(r"^```python\n(.*?)^```", re.S | re.M)
# Pages whose blocks need an optional extra that may be missing get skipped with the reason.
NEEDS = {
    "networks": "networkx",
    "graphml": "networkx",
    "tutorial": "matplotlib",
    "plot": "matplotlib",
    "yaml": "yaml",
    "parquet": "pyarrow",
    "csv": "pandas",
}

pages = sorted(p for p in DOCS.rglob("*.md") if BLOCK.search(p.read_text(encoding="utf-8")))
pages.append(ROOT / "README.md")


@pytest.mark.parametrize("page", pages, ids=[str(p.relative_to(ROOT)) for p in pages])
def test_code_blocks_run(page: Path, tmp_path: Path) -> None:
    """The page's Python blocks, run in order as one script, succeed.

    They run in a scratch folder (files they write land there) in which
    ``examples/`` links to the repository's examples.
    """
    needed = NEEDS.get(page.stem)
    if needed is not None:
        pytest.importorskip(needed, reason=f"{page.name} needs the optional package {needed}")
    text = page.read_text(encoding="utf-8")
    code = "\n\n".join(m.group(1) for m in BLOCK.finditer(text))
    (tmp_path / "examples").symlink_to(ROOT / "examples", target_is_directory=True)
    script = tmp_path / "page.py"
    script.write_text(code, encoding="utf-8")
    env = {**os.environ, "MPLBACKEND": "Agg", "PYTHONWARNINGS": "error"}
    result = subprocess.run(
        [sys.executable, str(script)], cwd=tmp_path, capture_output=True, text=True, env=env, timeout=600
    )
    assert result.returncode == 0, f"{page.name} failed:\n{result.stderr[-3000:]}"
