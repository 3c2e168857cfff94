"""The published JSON Schema file is up to date with the model."""

from __future__ import annotations

import runpy
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def test_published_schema_matches_json_schema() -> None:
    """docs/schema/v1.json == json_schema(); regenerate with scripts/build_schema.py."""
    render = runpy.run_path(str(ROOT / "scripts" / "build_schema.py"))["render"]
    assert (ROOT / "docs" / "schema" / "v1.json").read_text(encoding="utf-8") == render()
