"""Tests for discourse.parse.tag: the shipped tagger, its loading and its speed path."""

from __future__ import annotations

import gzip
import hashlib
import json
import os
import random
import shutil
import subprocess
import sys
from pathlib import Path

import nltk
import pytest
from hypothesis import given
from hypothesis import strategies as st

from discourse.errors import FormatError
from discourse.parse import tag as tag_module
from discourse.parse.tag import (
    DATA_DIR,
    MANIFEST_FILE,
    TAGGER_FILE,
    Tagger,
    _best,
    load_tagger,
    normalize_word,
    tag,
    tag_sentence,
    tag_sentences,
)
from discourse.parse.tokenize import sentences

NEWS = (
    "The Labour Party said on Tuesday that Jeremy Corbyn would not resign. "
    "Unite’s general secretary, Len McCluskey, warned MPs against a “soft coup”. "
    "Critics have accused the leadership of ignoring the party's members."
)


@pytest.fixture
def fresh(monkeypatch: pytest.MonkeyPatch) -> None:
    """Forget the cached tagger and let NLTK see no data directory at all."""
    monkeypatch.setattr(tag_module, "_TAGGER", None)
    monkeypatch.setattr(nltk.data, "path", [])
    monkeypatch.delenv("NLTK_DATA", raising=False)


def copy_data(tmp_path: Path) -> Path:
    target = tmp_path / "data"
    shutil.copytree(DATA_DIR, target)
    return target


# --- loading ----------------------------------------------------------------------------


def test_loads_with_no_nltk_data(fresh: None) -> None:
    """With nltk.data.path empty, the shipped tagger loads and its dir is allowed."""
    tagger = load_tagger()
    assert tagger.tag(["Labour", "said", "no", "."])[1] == ("said", "VBD")
    assert str(DATA_DIR) in [str(p) for p in nltk.data.path]


def test_loads_once(fresh: None) -> None:
    """The tagger is read once and shared."""
    assert load_tagger() is load_tagger()


def test_fresh_process_without_nltk_data(tmp_path: Path) -> None:
    """A new interpreter with an empty HOME and no NLTK_DATA tags text."""
    env = {k: v for k, v in os.environ.items() if k != "NLTK_DATA"}
    env["HOME"] = str(tmp_path)
    env["PYTHONPATH"] = os.pathsep.join(p for p in sys.path if p)
    code = (
        "from discourse.parse.tag import tag\n"
        "from discourse.parse.tokenize import sentences\n"
        "s = sentences('Mr. Corbyn said it was a coup.')[0]\n"
        "print(tag([t.text for t in s.tokens]))\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", code], env=env, capture_output=True, text=True, check=False
    )
    assert done.returncode == 0, done.stderr
    assert "('said', 'VBD')" in done.stdout


def test_manifest_matches_shipped_file() -> None:
    """manifest.json lists the size and SHA-256 of the shipped weights."""
    manifest = json.loads((DATA_DIR / MANIFEST_FILE).read_text(encoding="utf-8"))
    data = (DATA_DIR / TAGGER_FILE).read_bytes()
    entry = manifest["files"][TAGGER_FILE]
    assert entry == {"size": len(data), "sha256": hashlib.sha256(data).hexdigest()}


def test_tampered_file_is_refused(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, fresh: None
) -> None:
    """A weights file that differs from the manifest raises FormatError."""
    data_dir = copy_data(tmp_path)
    monkeypatch.setattr(nltk.data, "path", [str(tmp_path)])
    path = data_dir / TAGGER_FILE
    raw = bytearray(path.read_bytes())
    raw[len(raw) // 2] ^= 0xFF
    path.write_bytes(bytes(raw))
    with pytest.raises(FormatError, match=r"does not match manifest\.json") as info:
        Tagger.load(data_dir)
    assert info.value.path == str(path)


def test_consistent_but_foreign_file_is_refused(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, fresh: None
) -> None:
    """A replaced file whose manifest was updated too is refused unless it is a tagger file."""
    data_dir = copy_data(tmp_path)
    monkeypatch.setattr(nltk.data, "path", [str(tmp_path)])
    data = gzip.compress(b'{"format": "something else"}')
    (data_dir / TAGGER_FILE).write_bytes(data)
    manifest = {
        "files": {TAGGER_FILE: {"size": len(data), "sha256": hashlib.sha256(data).hexdigest()}}
    }
    (data_dir / MANIFEST_FILE).write_text(json.dumps(manifest), encoding="utf-8")
    with pytest.raises(FormatError, match="not a tagger file"):
        Tagger.load(data_dir)


def test_missing_file_is_a_format_error(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, fresh: None
) -> None:
    """A missing weights file raises FormatError naming it."""
    data_dir = copy_data(tmp_path)
    monkeypatch.setattr(nltk.data, "path", [str(tmp_path)])
    (data_dir / TAGGER_FILE).unlink()
    with pytest.raises(FormatError, match="missing model file"):
        Tagger.load(data_dir)


def test_copy_in_an_allowed_directory_loads(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, fresh: None
) -> None:
    """An intact copy loads from a directory the caller allowed in nltk.data.path."""
    data_dir = copy_data(tmp_path)
    monkeypatch.setattr(nltk.data, "path", [str(tmp_path)])
    assert Tagger.load(data_dir).classes == load_tagger().classes


def test_directory_not_allowed_by_nltk_is_refused(tmp_path: Path, fresh: None) -> None:
    """Another directory is not added to nltk.data.path: NLTK refuses to read it."""
    data_dir = copy_data(tmp_path)
    with pytest.raises(PermissionError):
        Tagger.load(data_dir)
    assert nltk.data.path == []


@pytest.mark.skipif(os.name != "posix", reason="NLTK checks write permissions on POSIX only")
def test_directory_writable_by_others_is_refused(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, fresh: None
) -> None:
    """NLTK refuses a group-writable data directory; the error says why, not 'missing'."""
    data_dir = copy_data(tmp_path)
    monkeypatch.setattr(nltk.data, "path", [str(tmp_path)])
    data_dir.chmod(0o775)
    with pytest.warns(RuntimeWarning), pytest.raises(PermissionError, match="chmod go-w"):
        Tagger.load(data_dir)


# --- tags -------------------------------------------------------------------------------


def test_sensible_tags_on_news() -> None:
    """Common words of political news get the expected Penn Treebank tags."""
    tagged = dict(pair for s in sentences(NEWS) for pair in tag([t.text for t in s.tokens]))
    assert tagged["said"] == "VBD"
    assert tagged["Labour"] == "NNP"
    assert tagged["Party"] == "NNP"
    assert tagged["The"] == "DT"
    assert tagged["warned"] == "VBD"
    assert tagged["members"] == "NNS"
    assert tagged["’s"] == "POS"
    assert tagged["“"] == "``"
    assert tagged["”"] == "''"


def test_tag_keeps_the_words_as_given() -> None:
    """tag() returns the original token strings, curly quotes and all."""
    words = ["“", "No", "”", ",", "Unite", "’s", "leader", "said", "."]
    assert [w for w, _ in tag(words)] == words


def test_tag_empty_sentence() -> None:
    """An empty token list gives an empty result."""
    assert tag([]) == []


def test_tag_sentence_sets_tags_and_keeps_offsets() -> None:
    """tag_sentence fills Token.tag without touching text or offsets."""
    (sentence,) = sentences("Corbyn said Labour would win.")
    tagged = tag_sentence(sentence)
    assert [(t.text, t.start, t.end) for t in tagged.tokens] == [
        (t.text, t.start, t.end) for t in sentence.tokens
    ]
    assert [t.tag for t in tagged.tokens] == ["NNP", "VBD", "NNP", "MD", "VB", "."]
    assert tag_sentences([sentence]) == [tagged]


def test_normalize_word() -> None:
    """Curly apostrophes become straight, curly double quotes become PTB quotes."""
    assert normalize_word("Labour’s") == "Labour's"
    assert normalize_word("‘") == "'"
    assert normalize_word("“") == "``"
    assert normalize_word("”") == "''"
    assert normalize_word("said") == "said"


# --- same tags as NLTK ------------------------------------------------------------------


def _nltk_tags(sentence_forms: list[list[str]]) -> list[list[str]]:
    nltk_tagger = load_tagger().to_nltk()
    return [[t for _, t in nltk_tagger.tag(forms)] for forms in sentence_forms]


def test_same_tags_as_nltk_on_news(seed_text: str) -> None:
    """The fast path gives exactly NLTK PerceptronTagger's tags, same weights."""
    tagger = load_tagger()
    forms = [[normalize_word(t.text) for t in s.tokens] for s in sentences(seed_text + NEWS)]
    assert [tagger.tag_forms(f) for f in forms] == _nltk_tags(forms)


def test_same_tags_as_nltk_on_treebank_text(shared: Path) -> None:
    """Identical tags to NLTK's on 1,000 web sentences."""
    path = shared / "data" / "ud-english-ewt" / "en_ewt-ud-test.conllu.gz"
    if not path.exists():
        pytest.skip(f"{path} is absent")
    with gzip.open(path, "rt", encoding="utf-8") as lines:
        texts = [line[9:].rstrip("\n") for line in lines if line.startswith("# text = ")]
    forms = [
        [normalize_word(t.text) for s in sentences(text) for t in s.tokens] for text in texts[:1000]
    ]
    tagger = load_tagger()
    assert [tagger.tag_forms(f) for f in forms] == _nltk_tags(forms)


def test_same_tags_as_nltk_on_odd_tokens() -> None:
    """Unknown words, digits, hyphens and empty strings are handled as NLTK does."""
    rng = random.Random(7)
    vocabulary = ["", "-", "--x", "1984", "12,000", "x-y", "ZZZ", "qwerty", "’", "“", "a"]
    forms = [[rng.choice(vocabulary) for _ in range(rng.randint(1, 12))] for _ in range(300)]
    tagger = load_tagger()
    assert [tagger.tag_forms(f) for f in forms] == _nltk_tags(forms)


def test_shipped_weights_are_packed() -> None:
    """The shipped weights are whole numbers, so the packed fast path is used."""
    assert load_tagger()._packed is not None


def test_fractional_weights_score_like_nltk(seed_text: str) -> None:
    """Weights that are not whole numbers take the feature-by-feature path, same tags as NLTK."""
    shipped = load_tagger()
    weights = {f: {c: w / 10 for c, w in ws.items()} for f, ws in shipped.weights.items()}
    tagger = Tagger(weights, shipped.tagdict, shipped.classes)
    assert tagger._packed is None
    forms = [[normalize_word(t.text) for t in s.tokens] for s in sentences(seed_text + NEWS)]
    nltk_tagger = tagger.to_nltk()
    assert [tagger.tag_forms(f) for f in forms] == [
        [t for _, t in nltk_tagger.tag(f)] for f in forms
    ]


def test_packed_and_sparse_paths_agree_on_ties() -> None:
    """With tied and negative scores, both paths pick NLTK's tag."""
    weights = {
        "bias": {"A": 1, "B": 1, "C": -3},
        "i word x": {"A": -2, "D": -1},
        "i word y": {"A": -1, "B": -1, "C": -1, "D": -1},
    }
    tagger = Tagger(weights, {}, ["A", "B", "C", "D"])
    fractional = Tagger(
        {f: {c: w + 0.5 for c, w in ws.items()} for f, ws in weights.items()}, {}, "ABCD"
    )
    forms = [["x"], ["y"], ["z"], ["x", "y", "z", "x"]]
    for t in (tagger, fractional):
        nltk_tagger = t.to_nltk()
        assert [t.tag_forms(f) for f in forms] == [
            [g for _, g in nltk_tagger.tag(f)] for f in forms
        ]


def test_empty_tag_set_is_refused() -> None:
    """A tagger needs at least one tag."""
    with pytest.raises(ValueError, match="at least one tag"):
        Tagger({}, {}, [])


CLASSES = ["A", "B", "C", "D"]


@given(
    st.dictionaries(
        st.sampled_from(CLASSES),
        st.sampled_from([-2.0, -0.5, 0.0, 0.5, 2.0]),
    )
)
def test_best_label_matches_nltk_rule(scores: dict[str, float]) -> None:
    """_best picks max(classes, key=(score, label)), as NLTK's predict does."""
    expected = max(CLASSES, key=lambda c: (scores.get(c, 0.0), c))
    assert _best(scores, sorted(CLASSES, reverse=True), len(CLASSES)) == expected
