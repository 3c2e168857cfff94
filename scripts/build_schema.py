"""Write the JSON Schema of the document format to docs/schema/v1.json.

    python scripts/build_schema.py

tests/test_schema_file.py checks that the committed file is up to date.
"""

from __future__ import annotations

import json
from pathlib import Path

import discourse as dc

OUT = Path(__file__).resolve().parent.parent / "docs" / "schema" / "v1.json"


def render() -> str:
    """The schema file's content."""
    return json.dumps(dc.json_schema(), indent=2, ensure_ascii=False) + "\n"


if __name__ == "__main__":
    OUT.parent.mkdir(parents=True, exist_ok=True)
    OUT.write_text(render(), encoding="utf-8")
    print(f"wrote {OUT}")
