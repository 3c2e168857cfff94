"""Security review as a test: the package source never uses dangerous APIs.

docs/security.md explains each rule. The check walks the AST of every module
under src/discourse, so comments and docstrings do not count and aliases do.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

SRC = Path(__file__).resolve().parent.parent / "src" / "discourse"
MODULES = sorted(SRC.rglob("*.py"))

FORBIDDEN_IMPORTS = {
    "pickle": "no unpickling of data",
    "cPickle": "no unpickling of data",
    "dill": "no unpickling of data",
    "shelve": "shelve unpickles",
    "marshal": "no marshal",
    "subprocess": "no shell calls",
    "socket": "no network access",
    "http": "no network access",
    "requests": "no network access",
    "httpx": "no network access",
    "urllib3": "no network access",
    "ftplib": "no network access",
    "xml.etree.ElementTree": "XML only through defusedxml",
    "xml.dom.minidom": "XML only through defusedxml",
    "xml.sax": "XML only through defusedxml",
    "lxml": "XML only through defusedxml",
}
FORBIDDEN_CALLS = {
    "eval": "no eval",
    "exec": "no exec",
    "compile": "no compile of code",
    "__import__": "imports are static",
    "os.system": "no shell calls",
    "os.popen": "no shell calls",
    "yaml.load": "YAML only through safe loading",
    "yaml.unsafe_load": "YAML only through safe loading",
    "yaml.full_load": "YAML only through safe loading",
    "nltk.download": "no downloads at run time",
    "urllib.request.urlopen": "no network access",
    "urlopen": "no network access",
}
SQL_METHODS = {"execute", "executemany", "executescript"}


def dotted(node: ast.AST) -> str:
    if isinstance(node, ast.Name):
        return node.id
    if isinstance(node, ast.Attribute):
        return f"{dotted(node.value)}.{node.attr}"
    return ""


def findings(path: Path) -> list[str]:
    source = path.read_text(encoding="utf-8")
    lines = source.splitlines()
    tree = ast.parse(source, filename=str(path))
    rel = path.relative_to(SRC.parent)
    out: list[str] = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names = [a.name for a in node.names]
        elif isinstance(node, ast.ImportFrom) and node.module:
            names = [node.module, *(f"{node.module}.{a.name}" for a in node.names)]
        else:
            names = []
        for name in names:
            for bad, why in FORBIDDEN_IMPORTS.items():
                if name == bad or name.startswith(bad + "."):
                    out.append(f"{rel}:{node.lineno}: import {name} ({why})")
        if isinstance(node, ast.Call):
            name = dotted(node.func)
            if name in FORBIDDEN_CALLS:
                out.append(f"{rel}:{node.lineno}: {name}() ({FORBIDDEN_CALLS[name]})")
            if isinstance(node.func, ast.Attribute) and node.func.attr in SQL_METHODS and node.args:
                sql = node.args[0]
                if isinstance(sql, ast.JoinedStr) or (
                    isinstance(sql, ast.BinOp) and isinstance(sql.op, (ast.Mod, ast.Add))
                ) or (isinstance(sql, ast.Call) and dotted(sql.func).endswith(".format")):
                    # Identifiers and PRAGMA values cannot be parameters; such lines must say
                    # why they are safe ("noqa: S608 - fixed names" or "sql-safe: ...").
                    text = "\n".join(lines[node.lineno - 1 : (node.end_lineno or node.lineno)])
                    if "S608" in text or "sql-safe" in text:
                        continue
                    out.append(f"{rel}:{node.lineno}: SQL built by string formatting (use parameters)")
    return out


@pytest.mark.parametrize("module", MODULES, ids=[str(m.relative_to(SRC)) for m in MODULES])
def test_module_uses_no_dangerous_api(module: Path) -> None:
    """No pickle, eval/exec, unsafe YAML, shell, network, raw XML parsers or formatted SQL."""
    assert findings(module) == []


def test_the_checker_catches_what_it_should(tmp_path: Path) -> None:
    """The rules fire on a module that breaks each of them (so the test above can fail)."""
    bad = tmp_path / "discourse" / "bad.py"
    bad.parent.mkdir()
    bad.write_text(
        "import pickle\nimport subprocess\nfrom xml.etree import ElementTree\nimport yaml\n"
        "yaml.load('x')\neval('1')\n"
        "def f(cur, t):\n    cur.execute(f'select * from {t}')\n    cur.execute('select ?', (t,))\n"
        "    cur.execute(f'PRAGMA user_version={t}')  # sql-safe: PRAGMA takes no parameters\n",
        encoding="utf-8",
    )
    global SRC
    saved, SRC = SRC, tmp_path / "discourse"
    try:
        found = findings(bad)
    finally:
        SRC = saved
    assert len(found) == 6, found
