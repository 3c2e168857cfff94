"""Part-of-speech tagging with the tagger that ships inside the package.

The tagger is NLTK's greedy averaged perceptron (:class:`nltk.tag.PerceptronTagger`:
the same features, the same weights, the same tags), trained on the Universal
Dependencies English Web Treebank and tagging with the Penn Treebank tag set
(``NN``, ``NNP``, ``VBD``... as :class:`nltk.chunk.RegexpParser` grammars expect).
See ``discourse/parse/data/README.md`` for its provenance and licence (CC BY-SA 4.0),
and ``scripts/train_tagger.py`` for how it was built.

The weights are read once, on first use, from ``discourse/parse/data/tagger.json.gz``
through NLTK's own resource loader: the package's data directory is added to
``nltk.data.path`` (NLTK 3.9+ reads data only under the directories listed there),
the file is found with :func:`nltk.data.find` and opened through NLTK's checked
path pointer. Its size and SHA-256 are compared with ``manifest.json`` before it
is decoded. Nothing is downloaded, no ``nltk_data`` directory is needed and
nothing is unpickled.

Scoring is done here rather than by ``PerceptronTagger.tag``, about four times
faster and with an identical result (the test suite checks it against NLTK's
tagger loaded with the same weights; :meth:`Tagger.to_nltk` gives that tagger).
The shipped weights are whole numbers (tenths), so each feature's weights for
all tags can be packed into one Python integer, a 32-bit field per tag, and a
token's 14 features scored with 13 integer additions instead of a few hundred
dictionary updates; integer sums are exact, so the best tag is NLTK's, ties
included. Weights that are not whole numbers are scored feature by feature, in
NLTK's order.

Examples:
    >>> from discourse.parse.tag import tag
    >>> tag(["Corbyn", "said", "no", "."])
    [('Corbyn', 'NNP'), ('said', 'VBD'), ('no', 'UH'), ('.', '.')]
"""

from __future__ import annotations

import gzip
import hashlib
import json
import os
import sys
import threading
from array import array
from collections.abc import Iterable, Mapping, Sequence
from pathlib import Path
from typing import Any, Final

import attrs
import nltk.data

from discourse.errors import FormatError
from discourse.parse.tokenize import Sentence, Token

__all__ = [
    "DATA_DIR",
    "FORMAT",
    "MANIFEST_FILE",
    "TAGGER_FILE",
    "Tagger",
    "load_tagger",
    "normalize_word",
    "tag",
    "tag_sentence",
    "tag_sentences",
]

#: The directory holding the shipped model files.
DATA_DIR: Final = Path(__file__).resolve().parent / "data"
#: The weights, tag dictionary and tag set, as gzip-compressed JSON.
TAGGER_FILE: Final = "tagger.json.gz"
#: Size and SHA-256 of each shipped model file.
MANIFEST_FILE: Final = "manifest.json"
#: The ``format`` value of the tagger file this module reads.
FORMAT: Final = "discourse-perceptron-tagger/1"

_START: Final = ("-START-", "-START2-")
_END: Final = ("-END-", "-END2-")
#: Curly quotes as the tagger sees them: apostrophes as ``'``, double quotes as
#: the Penn Treebank's opening and closing quote tokens.
_WORD_FORMS: Final[Mapping[str, str]] = {"\u201c": "``", "\u201d": "''"}


def normalize_word(word: str) -> str:
    """Return the form of ``word`` the tagger sees (used in training too).

    Curly apostrophes become ``'`` (``Labour’s`` and ``Labour's`` are tagged
    alike) and curly double quotes become the Penn Treebank quote tokens.

    Args:
        word: A token as written.

    Returns:
        The token as the tagger's features and tag dictionary expect it.
    """
    if "\u2019" in word or "\u2018" in word:
        word = word.replace("\u2019", "'").replace("\u2018", "'")
    return _WORD_FORMS.get(word, word)


def _context_form(word: str) -> str:
    """``PerceptronTagger.normalize``: the form used for word features."""
    if "-" in word and word[0] != "-":
        return "!HYPHEN"
    if word.isdigit() and len(word) == 4:
        return "!YEAR"
    if word and word[0].isdigit():
        return "!DIGITS"
    return word.lower()


@attrs.define(eq=False)
class Tagger:
    """A greedy averaged-perceptron part-of-speech tagger.

    Uses the features and decision rule of :class:`nltk.tag.PerceptronTagger`,
    so with the same weights it gives the same tags, several times faster.
    Most code wants :func:`load_tagger` or :func:`tag` rather than building one.

    Attributes:
        weights: For each feature, the weight of each tag.
        tagdict: Words that always get the same tag (skipping the model).
        classes: The tag set.
    """

    weights: Mapping[str, Mapping[str, float]]
    tagdict: Mapping[str, str]
    classes: frozenset[str] = attrs.field(converter=frozenset)
    _descending: tuple[str, ...] = attrs.field(init=False, repr=False)
    _packed: dict[str, int] | None = attrs.field(init=False, repr=False)
    _zero: int = attrs.field(init=False, repr=False)

    def __attrs_post_init__(self) -> None:
        if not self.classes:
            raise ValueError("a tagger needs at least one tag")
        self._descending = tuple(sorted(self.classes, reverse=True))
        packed = _pack(self.weights, self._descending)
        self._packed, self._zero = packed if packed is not None else (None, 0)

    # -- building --------------------------------------------------------------------

    @classmethod
    def from_json(cls, document: Mapping[str, Any]) -> Tagger:
        """Build a tagger from a decoded tagger file.

        Args:
            document: The JSON object of a ``tagger.json.gz`` file.

        Returns:
            The tagger.

        Raises:
            FormatError: The document is not a tagger file this version reads.
        """
        if document.get("format") != FORMAT:
            raise FormatError(
                f"not a tagger file: format is {document.get('format')!r}, expected {FORMAT!r}"
            )
        try:
            weights = document["weights"]
            tagdict = document["tagdict"]
            classes = document["classes"]
        except KeyError as exc:
            raise FormatError(f"tagger file has no {exc.args[0]!r}") from None
        return cls(weights, tagdict, classes)

    @classmethod
    def load(cls, directory: str | os.PathLike[str] | None = None) -> Tagger:
        """Read a tagger from a data directory, checking it against its manifest.

        Args:
            directory: A directory holding ``tagger.json.gz`` and
                ``manifest.json``. Default: the one shipped in the package,
                which is added to ``nltk.data.path`` if it is not there. Any
                other directory must already be allowed by NLTK (listed in
                ``nltk.data.path``); it is never added here.

        Returns:
            A new tagger (use :func:`load_tagger` for the shared, cached one).

        Raises:
            FormatError: A file is missing, or does not match the manifest
                (damaged or replaced), or is not a tagger file.
            PermissionError: NLTK refuses to read the files: ``directory`` is
                not in ``nltk.data.path``, or the files or their directory can
                be written by another account.
        """
        if directory is None:
            root = str(DATA_DIR)
            _allow(root)
        else:
            root = os.path.realpath(os.fspath(directory))
        manifest = _decode_json(_read(root, MANIFEST_FILE), root, MANIFEST_FILE)
        data = _read(root, TAGGER_FILE)
        _verify(manifest, TAGGER_FILE, data, root)
        try:
            text = gzip.decompress(data)
        except (OSError, EOFError) as exc:
            raise FormatError(f"cannot decompress: {exc}", path=_where(root, TAGGER_FILE)) from None
        return cls.from_json(_decode_json(text, root, TAGGER_FILE))

    def to_json(self) -> dict[str, Any]:
        """Return the tagger as the JSON object of a tagger file."""
        return {
            "format": FORMAT,
            "classes": sorted(self.classes),
            "tagdict": dict(self.tagdict),
            "weights": {feat: dict(ws) for feat, ws in self.weights.items()},
        }

    def to_nltk(self) -> Any:
        """Return an :class:`nltk.tag.PerceptronTagger` with the same weights.

        Returns:
            The NLTK tagger (for NLTK code that wants one, and for checking that
            both give the same tags).
        """
        from nltk.tag.perceptron import PerceptronTagger

        tagger = PerceptronTagger(load=False)
        tagger.decode_json_params(
            ({f: dict(ws) for f, ws in self.weights.items()}, dict(self.tagdict), self.classes)
        )
        return tagger

    # -- tagging ---------------------------------------------------------------------

    def tag(self, words: Sequence[str]) -> list[tuple[str, str]]:
        """Tag one sentence.

        Args:
            words: The tokens of the sentence, as written.

        Returns:
            ``(word, tag)`` for each token, the word as given.
        """
        forms = [normalize_word(w) for w in words]
        tags = self.tag_forms(forms)
        return list(zip(words, tags, strict=True))

    def tag_forms(self, forms: Sequence[str]) -> list[str]:
        """Tag one sentence of words already in the tagger's form.

        This is ``PerceptronTagger.tag`` without :func:`normalize_word`.

        Args:
            forms: The tokens, as :func:`normalize_word` returns them.

        Returns:
            One tag per token.
        """
        if self._packed is None:
            return self._tag_forms_sparse(forms)
        packed = self._packed.get
        zero = self._zero
        bias = packed("bias", zero)
        n_bytes = len(self._descending) * _FIELD_BYTES
        labels = self._descending
        tagdict = self.tagdict.get
        context = [*_START, *(_context_form(w) for w in forms), *_END]
        prev, prev2 = _START
        tags: list[str] = []
        append = tags.append
        for i, word in enumerate(forms):
            guess = tagdict(word)
            if not guess:
                here = context[i + 2]
                before = context[i + 1]
                after = context[i + 3]
                total = (
                    bias
                    + packed("i suffix " + word[-3:], zero)
                    + packed("i pref1 " + word[:1], zero)
                    + packed("i-1 tag " + prev, zero)
                    + packed("i-2 tag " + prev2, zero)
                    + packed("i tag+i-2 tag " + prev + " " + prev2, zero)
                    + packed("i word " + here, zero)
                    + packed("i-1 tag+i word " + prev + " " + here, zero)
                    + packed("i-1 word " + before, zero)
                    + packed("i-1 suffix " + before[-3:], zero)
                    + packed("i-2 word " + context[i], zero)
                    + packed("i+1 word " + after, zero)
                    + packed("i+1 suffix " + after[-3:], zero)
                    + packed("i+2 word " + context[i + 4], zero)
                )
                scores = array(_FIELD_TYPE, total.to_bytes(n_bytes, _BYTE_ORDER))
                guess = labels[scores.index(max(scores))]
            append(guess)
            prev2 = prev
            prev = guess
        return tags

    def _tag_forms_sparse(self, forms: Sequence[str]) -> list[str]:
        """``tag_forms`` for weights that cannot be packed (not whole numbers)."""
        weights = self.weights
        tagdict = self.tagdict
        descending = self._descending
        n_classes = len(descending)
        context = [*_START, *(_context_form(w) for w in forms), *_END]
        prev, prev2 = _START
        tags: list[str] = []
        append = tags.append
        for i, word in enumerate(forms):
            guess = tagdict.get(word)
            if not guess:
                here = context[i + 2]
                before = context[i + 1]
                after = context[i + 3]
                features = (
                    "bias",
                    "i suffix " + word[-3:],
                    "i pref1 " + word[:1],
                    "i-1 tag " + prev,
                    "i-2 tag " + prev2,
                    "i tag+i-2 tag " + prev + " " + prev2,
                    "i word " + here,
                    "i-1 tag+i word " + prev + " " + here,
                    "i-1 word " + before,
                    "i-1 suffix " + before[-3:],
                    "i-2 word " + context[i],
                    "i+1 word " + after,
                    "i+1 suffix " + after[-3:],
                    "i+2 word " + context[i + 4],
                )
                # Summed in NLTK's order, so float rounding is the same too.
                scores: dict[str, float] = {}
                get = scores.get
                for feature in features:
                    feature_weights = weights.get(feature)
                    if feature_weights:
                        for label, weight in feature_weights.items():
                            scores[label] = get(label, 0.0) + weight
                guess = _best(scores, descending, n_classes)
            append(guess)
            prev2 = prev
            prev = guess
        return tags

    def tag_sentence(self, sentence: Sentence) -> Sentence:
        """Return ``sentence`` with the ``tag`` of each token set."""
        tags = self.tag_forms([normalize_word(t.text) for t in sentence.tokens])
        tokens = tuple(
            Token(t.text, t.start, t.end, g) for t, g in zip(sentence.tokens, tags, strict=True)
        )
        return Sentence(sentence.text, sentence.start, sentence.end, tokens)


def _best(scores: Mapping[str, float], descending: Sequence[str], n_classes: int) -> str:
    """``max(classes, key=lambda c: (scores.get(c, 0.0), c))``, without the scan."""
    if scores:
        best = max(scores.values())
        if best > 0.0 or (best < 0.0 and len(scores) == n_classes):
            return max(label for label, score in scores.items() if score == best)
    # The best score is zero (or every scored tag is negative and some tag is
    # unscored): the greatest tag scoring zero wins.
    for label in descending:
        if scores.get(label, 0.0) == 0.0:
            return label
    raise AssertionError("unreachable: some class scores zero")  # pragma: no cover


#: Scores are added as vectors packed into one integer, a fixed-width field per tag.
_FIELD_TYPE: Final = "I"
_FIELD_BYTES: Final = 4
_BYTE_ORDER: Final = sys.byteorder
_N_FEATURES: Final = 14


def _pack(
    weights: Mapping[str, Mapping[str, float]], labels: Sequence[str]
) -> tuple[dict[str, int], int] | None:
    """Pack each feature's weights into one integer, for adding all tags at once.

    Field ``k`` of a feature's integer holds ``offset + weight`` of ``labels[k]``
    (``offset`` alone if the feature has no weight for it), so the sum of the 14
    features' integers holds each tag's score plus ``14 * offset``, exactly, as
    long as no field overflows. Scores being integers, their sum is the same in
    any order, and the first maximum in ``labels`` (sorted in descending order)
    is the tag NLTK picks.

    Returns:
        The packed weights and the packing of a feature without weights, or
        ``None`` when the weights are not whole numbers or are too large (the
        tagger then scores feature by feature, as NLTK does).
    """
    if array(_FIELD_TYPE).itemsize != _FIELD_BYTES:  # pragma: no cover - exotic platforms
        return None
    index = {label: i for i, label in enumerate(labels)}
    bound = 1
    whole: dict[str, dict[int, int]] = {}
    for feature, feature_weights in weights.items():
        fields: dict[int, int] = {}
        for label, weight in feature_weights.items():
            if isinstance(weight, bool) or not isinstance(weight, (int, float)):
                return None
            if isinstance(weight, float) and not weight.is_integer():
                return None
            k = index.get(label)
            if k is not None:  # NLTK ignores the scores of tags outside the tag set
                fields[k] = int(weight)
                bound = max(bound, abs(fields[k]))
        whole[feature] = fields
    if 2 * _N_FEATURES * bound >= 1 << (8 * _FIELD_BYTES):
        return None
    base = array(_FIELD_TYPE, [bound]) * len(labels)
    packed: dict[str, int] = {}
    for feature, fields in whole.items():
        vector = array(_FIELD_TYPE, base)
        for k, weight in fields.items():
            vector[k] = bound + weight
        packed[feature] = int.from_bytes(vector.tobytes(), _BYTE_ORDER)
    return packed, int.from_bytes(base.tobytes(), _BYTE_ORDER)


# --- reading the shipped files ----------------------------------------------------------


def _where(root: str, name: str) -> str:
    return os.path.join(root, name)


def _allow(root: str) -> None:
    """Add ``root`` to ``nltk.data.path`` unless it is already there."""
    for entry in nltk.data.path:
        if os.path.realpath(str(entry)) == root:
            return
    nltk.data.path.append(root)


def _read(root: str, name: str) -> bytes:
    """Read a file of ``root`` through NLTK's resource lookup and checked open."""
    where = _where(root, name)
    try:
        pointer = nltk.data.find(name, paths=[root])
    except LookupError:
        if os.path.exists(where):
            raise PermissionError(
                f"NLTK will not read {where}: it refuses data that another account "
                "owns or can write to (make the file and its directory private, "
                "e.g. chmod go-w)"
            ) from None
        raise FormatError("missing model file; reinstall discourse-model", path=where) from None
    # find() wraps a .gz file in a decompressing pointer; the manifest is about
    # the bytes on disk, so read through a plain pointer to the same path.
    with nltk.data.FileSystemPathPointer(pointer.path).open() as stream:
        data: bytes = stream.read()
    return data


def _decode_json(data: bytes, root: str, name: str) -> dict[str, Any]:
    try:
        document = json.loads(data)
    except ValueError as exc:
        raise FormatError(f"not valid JSON: {exc}", path=_where(root, name)) from None
    if not isinstance(document, dict):
        raise FormatError("expected a JSON object", path=_where(root, name))
    return document


def _verify(manifest: Mapping[str, Any], name: str, data: bytes, root: str) -> None:
    """Check ``data`` against the size and SHA-256 that ``manifest`` lists for ``name``."""
    entry = manifest.get("files", {}).get(name)
    if not isinstance(entry, dict) or "sha256" not in entry or "size" not in entry:
        raise FormatError(
            f"{MANIFEST_FILE} lists no size and sha256 for {name}", path=_where(root, name)
        )
    digest = hashlib.sha256(data).hexdigest()
    if len(data) != entry["size"] or digest != entry["sha256"]:
        raise FormatError(
            f"model file does not match {MANIFEST_FILE} (expected {entry['size']} bytes, "
            f"sha256 {entry['sha256']}; found {len(data)} bytes, sha256 {digest}): it is "
            "damaged or was replaced; reinstall discourse-model",
            path=_where(root, name),
        )


_LOCK = threading.Lock()
_TAGGER: Tagger | None = None


def load_tagger() -> Tagger:
    """Return the shipped tagger, reading it on the first call only.

    Returns:
        The shared :class:`Tagger` (safe to use from several threads).

    Raises:
        FormatError: The shipped files are missing or damaged.
    """
    global _TAGGER
    tagger = _TAGGER
    if tagger is None:
        with _LOCK:
            if _TAGGER is None:
                _TAGGER = Tagger.load()
            tagger = _TAGGER
    return tagger


def tag(words: Sequence[str]) -> list[tuple[str, str]]:
    """Tag one sentence with the shipped tagger.

    Args:
        words: The tokens of one sentence, as written.

    Returns:
        ``(word, tag)`` for each token, with Penn Treebank tags.

    Raises:
        FormatError: The shipped model files are missing or damaged.
    """
    return load_tagger().tag(words)


def tag_sentence(sentence: Sentence) -> Sentence:
    """Return ``sentence`` with every token's ``tag`` set by the shipped tagger.

    Raises:
        FormatError: The shipped model files are missing or damaged.
    """
    return load_tagger().tag_sentence(sentence)


def tag_sentences(sentences: Iterable[Sentence]) -> list[Sentence]:
    """Tag each sentence with the shipped tagger (see :func:`tag_sentence`).

    Raises:
        FormatError: The shipped model files are missing or damaged.
    """
    tagger = load_tagger()
    return [tagger.tag_sentence(s) for s in sentences]
