#!/usr/bin/env bash
# Release check (CI step): build the wheel and sdist, check them, install the wheel into a
# fresh virtual environment, and run the quickstart and `discourse parse` on the seed text
# with the network disabled and no nltk_data anywhere: what a PyPI user gets must work offline.
set -euo pipefail
repo=$(cd "$(dirname "$0")/.." && pwd)
py=${PYTHON:-python}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

echo "-- build"
"$py" -m build --outdir "$tmp/dist" "$repo" >"$tmp/build.log" 2>&1 || { cat "$tmp/build.log"; exit 1; }
"$py" -m twine check --strict "$tmp"/dist/*
wheel=$(ls "$tmp"/dist/*.whl)
"$py" "$repo/scripts/check_wheel_contents.py" "$wheel"

echo "-- install the wheel into a fresh venv"
"$py" -m pip wheel -q -w "$tmp/wheelhouse" "${wheel}[cli]"
"$py" -m venv "$tmp/venv"
"$tmp/venv/bin/python" -m pip install -q --no-index --find-links "$tmp/wheelhouse" "discourse-model[cli]"

echo "-- run offline (no network, no nltk_data)"
mkdir -p "$tmp/home" "$tmp/run"
offline=()
if unshare -n true 2>/dev/null; then offline=(unshare -n); else
  # Fallback where network namespaces are unavailable: refuse sockets in-process.
  mkdir -p "$tmp/nonet"
  printf 'import socket\ndef _no(*a, **k):\n    raise OSError("network disabled for this check")\nsocket.socket.connect = _no\nsocket.create_connection = _no\n' >"$tmp/nonet/sitecustomize.py"
  export PYTHONPATH="$tmp/nonet"
fi
cd "$tmp/run"
env -i PATH="$tmp/venv/bin:/usr/bin:/bin" HOME="$tmp/home" NLTK_DATA="$tmp/home/none" PYTHONPATH="${PYTHONPATH:-}" \
  "${offline[@]}" "$tmp/venv/bin/python" "$repo/examples/quickstart.py" >"$tmp/quickstart.out"
grep -q "Round trip through labour.json: equal" "$tmp/quickstart.out"
grep -q "Parsed claim:" "$tmp/quickstart.out"
env -i PATH="$tmp/venv/bin:/usr/bin:/bin" HOME="$tmp/home" NLTK_DATA="$tmp/home/none" PYTHONPATH="${PYTHONPATH:-}" \
  "${offline[@]}" "$tmp/venv/bin/discourse" parse "$repo/examples/data/labour-2017-unite.txt" -o "$tmp/run/seed.json"
"$tmp/venv/bin/python" - "$tmp/run/seed.json" <<'PY'
import sys
import discourse as dc
corpus = dc.load(sys.argv[1])
names = {a.name for a in corpus.actors}
assert {"Jeremy Corbyn", "John McDonnell", "Owen Jones"} <= names, names
assert len(corpus.claims()) >= 3 and len(corpus.events) >= 3, corpus
print(f"wheel OK offline: {corpus}")
PY
