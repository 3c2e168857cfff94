"""Users' type checkers see precise types for the public API (msgspec-style typing test)."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest

USAGE = Path(__file__).resolve().parent / "typing" / "usage.py"


def test_revealed_types_match_expectations() -> None:
    """mypy --strict on tests/typing/usage.py reveals exactly the expected types."""
    pytest.importorskip("mypy")
    result = subprocess.run(
        [sys.executable, "-m", "mypy", "--strict", "--no-incremental", "--hide-error-context",
         "--no-error-summary", "--config-file=", str(USAGE)],
        capture_output=True, text=True, timeout=600,
    )
    def norm(t: str) -> str:  # mypy versions differ in printing "builtins." prefixes
        return t.replace("builtins.", "")

    revealed = {
        int(m.group(1)): norm(m.group(2))
        for m in re.finditer(r"usage\.py:(\d+): note: Revealed type is \"(.*)\"", result.stdout)
    }
    errors = [line for line in result.stdout.splitlines() if ": error:" in line]
    assert errors == []
    lines = USAGE.read_text(encoding="utf-8").splitlines()
    expected = {
        i + 1: norm(line.split("# expect: ", 1)[1].strip())
        for i, line in enumerate(lines)
        if "# expect: " in line and line.startswith("reveal_type")
    }
    assert expected
    assert {k: revealed.get(k) for k in expected} == expected
