"""Train the part-of-speech tagger shipped in ``src/discourse/parse/data/``.

Reproducible: the same data, seed and options give byte-identical output files.

Usage (from the repository root)::

    python scripts/train_tagger.py            # train, evaluate, write the files
    python scripts/train_tagger.py --dry-run  # train and evaluate only

The training data is the Universal Dependencies English Web Treebank (UD English
EWT, CC BY-SA 4.0), read from ``../shared/data/ud-english-ewt/`` by default. Each
word's Penn Treebank tag (XPOS, CoNLL-U column 5) is the label; multiword-token
lines (``3-4``) and empty nodes (``3.1``) are skipped.

The treebank's tokenization differs from the one the package uses at run time
(it splits ``by-election`` into three words, for instance), so by default each
training sentence is re-tokenized with :func:`discourse.parse.tokenize.token_spans`
and every resulting token takes the tag of the treebank word(s) under it (the
last non-punctuation word when it spans several: ``by-election`` is ``NN``). The
tagger then learns from the tokens it will see. Evaluation is on the treebank's
own tokens (the usual measure) and on re-tokenized sentences.

The model is NLTK's :class:`~nltk.tag.perceptron.PerceptronTagger`, trained with
:func:`random` seeded (training shuffles the sentences), then pruned: weights are
rounded (to one decimal by default; this costs no accuracy), stored as whole
numbers of tenths, and those below ``--min-weight`` in magnitude are dropped, which
cuts the file by a third without losing accuracy on the development set. It is written as gzip-compressed JSON (no pickle) together with
``manifest.json``, which records its size and SHA-256 for the loader to check.
"""

from __future__ import annotations

import argparse
import gzip
import hashlib
import json
import logging
import random
import sys
import time
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO / "src"))

from nltk.tag.perceptron import PerceptronTagger  # noqa: E402

from discourse.parse.tag import (  # noqa: E402
    FORMAT,
    MANIFEST_FILE,
    TAGGER_FILE,
    Tagger,
    normalize_word,
)
from discourse.parse.tokenize import token_spans  # noqa: E402

DEFAULT_DATA = REPO.parent / "shared" / "data" / "ud-english-ewt"
DEFAULT_OUT = REPO / "src" / "discourse" / "parse" / "data"
CORPUS = "UD English EWT"
PUNCT_TAGS = frozenset({".", ",", ":", "``", "''", "-LRB-", "-RRB-", "HYPH", "NFP", "$", "#"})
#: Tags for punctuation split off a treebank word by the run-time tokenizer.
PUNCT_FOR = {".": ".", "?": ".", "!": ".", ",": ",", ";": ":", ":": ":", "-": "HYPH",
             "--": ":", "(": "-LRB-", ")": "-RRB-", '"': "''", "'": "''"}  # fmt: skip

TaggedSentence = list[tuple[str, str]]


@dataclass
class Word:
    """One syntactic word of the treebank."""

    form: str
    xpos: str
    start: int = -1
    end: int = -1


@dataclass
class GoldSentence:
    """A treebank sentence: its text and its words with offsets (if they align)."""

    text: str
    words: list[Word]
    aligned: bool


def read_conllu(path: Path) -> Iterator[GoldSentence]:
    """Read the sentences of a (gzipped) CoNLL-U file, aligning words to the text."""
    opener = gzip.open if path.suffix == ".gz" else open
    text = ""
    words: list[Word] = []
    ranges: dict[int, tuple[int, str]] = {}  # first word id -> (last id, surface form)
    with opener(path, "rt", encoding="utf-8") as lines:
        for line in lines:
            line = line.rstrip("\n")
            if not line:
                if words:
                    yield GoldSentence(text, words, _align(text, words, ranges))
                text, words, ranges = "", [], {}
            elif line.startswith("# text = "):
                text = line[len("# text = ") :]
            elif line.startswith("#"):
                continue
            else:
                cols = line.split("\t")
                wid = cols[0]
                if "-" in wid:  # multiword token: keep its surface form for alignment only
                    first, last = wid.split("-")
                    ranges[len(words)] = (len(words) + int(last) - int(first), cols[1])
                elif "." in wid:  # empty node
                    continue
                else:
                    words.append(Word(cols[1], cols[4]))
    if words:
        yield GoldSentence(text, words, _align(text, words, ranges))


def _align(text: str, words: list[Word], ranges: dict[int, tuple[int, str]]) -> bool:
    """Set each word's offsets in ``text``; ``False`` if that is not possible."""
    pos = 0
    i = 0
    while i < len(words):
        while pos < len(text) and text[pos].isspace():
            pos += 1
        if i in ranges:
            last, surface = ranges[i]
            if not text.startswith(surface, pos):
                return False
            parts = words[i : last + 1]
            if "".join(w.form for w in parts) != surface:
                return False
            for w in parts:
                w.start, w.end = pos, pos + len(w.form)
                pos = w.end
            i = last + 1
            continue
        word = words[i]
        if not text.startswith(word.form, pos):
            return False
        word.start, word.end = pos, pos + len(word.form)
        pos = word.end
        i += 1
    return True


def retokenized(sentence: GoldSentence) -> TaggedSentence:
    """The sentence as the run-time tokenizer cuts it, with tags from the treebank."""
    if not sentence.aligned:
        return gold_tokens(sentence)
    text = sentence.text
    out: TaggedSentence = []
    words = sentence.words
    j = 0
    for start, end in token_spans(text):
        while j < len(words) and words[j].end <= start:
            j += 1
        under = [w for w in words[j:] if w.start < end]
        token = text[start:end]
        if not under:
            return gold_tokens(sentence)
        if not any(c.isalnum() for c in token):
            tags = [w.xpos for w in under if w.xpos in PUNCT_TAGS]
            tag = tags[-1] if tags else PUNCT_FOR.get(token, under[-1].xpos)
        else:
            tags = [w.xpos for w in under if w.xpos not in PUNCT_TAGS]
            tag = tags[-1] if tags else under[-1].xpos
        out.append((token, tag))
    return out


def gold_tokens(sentence: GoldSentence) -> TaggedSentence:
    """The sentence as the treebank tokenizes it."""
    return [(w.form, w.xpos) for w in sentence.words]


def normalized(sentences: Sequence[TaggedSentence]) -> list[TaggedSentence]:
    """Put every word in the form the run-time tagger gives it."""
    return [[(normalize_word(w), t) for w, t in s] for s in sentences]


def accuracy(tagger: Tagger, sentences: Sequence[TaggedSentence]) -> float:
    """Share of tokens tagged as in ``sentences``."""
    right = total = 0
    for sentence in sentences:
        tags = tagger.tag_forms([w for w, _ in sentence])
        right += sum(g == t for g, (_, t) in zip(tags, sentence, strict=True))
        total += len(sentence)
    return right / total


def train(
    sentences: Sequence[TaggedSentence],
    *,
    iterations: int,
    seed: int,
    min_weight: float,
    decimals: int,
) -> Tagger:
    """Train NLTK's perceptron tagger, then scale, round and prune its weights.

    The weights are kept as integers, in units of ``10**-decimals``: scaling
    does not change which tag scores highest, and integer scores add up exactly
    in any order, which lets :class:`~discourse.parse.tag.Tagger` add them all
    at once and still pick exactly the tag NLTK picks.
    """
    random.seed(seed)
    nltk_tagger = PerceptronTagger(load=False)
    nltk_tagger.train([list(s) for s in sentences], nr_iter=iterations)
    scale = 10**decimals
    threshold = round(min_weight * scale)
    weights: dict[str, dict[str, float]] = {}
    for feature, feature_weights in nltk_tagger.model.weights.items():
        kept: dict[str, float] = {}
        for label, weight in sorted(feature_weights.items()):
            scaled = round(weight * scale)
            if scaled and abs(scaled) >= threshold:
                kept[label] = scaled
        if kept:
            weights[feature] = kept
    return Tagger(weights, dict(nltk_tagger.tagdict), nltk_tagger.classes)


def encode(tagger: Tagger, meta: dict[str, object]) -> bytes:
    """The tagger file: canonical JSON, gzip-compressed with a fixed timestamp."""
    document = tagger.to_json()
    document["meta"] = meta
    text = json.dumps(document, sort_keys=True, ensure_ascii=False, separators=(",", ":"))
    return gzip.compress(text.encode("utf-8"), compresslevel=9, mtime=0)


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA, help="UD English EWT dir")
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT, help="where to write")
    parser.add_argument("--iterations", type=int, default=10, help="training passes")
    parser.add_argument("--seed", type=int, default=1, help="seed for the shuffling")
    parser.add_argument(
        "--min-weight", type=float, default=0.2, help="drop weights below this in magnitude"
    )
    parser.add_argument(
        "--decimals", type=int, default=1, help="round weights to this many decimals"
    )
    parser.add_argument(
        "--gold-tokens",
        action="store_true",
        help="train on the treebank's tokens instead of re-tokenized sentences",
    )
    parser.add_argument("--dry-run", action="store_true", help="do not write any file")
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.INFO, format="%(message)s")

    def load(split: str) -> list[GoldSentence]:
        return list(read_conllu(args.data / f"en_ewt-ud-{split}.conllu.gz"))

    started = time.perf_counter()
    train_gold, dev_gold, test_gold = load("train"), load("dev"), load("test")
    unaligned = sum(not s.aligned for s in train_gold)
    print(f"read {len(train_gold)} training sentences ({unaligned} not aligned to their text)")
    to_tokens = gold_tokens if args.gold_tokens else retokenized
    training = normalized([to_tokens(s) for s in train_gold])
    print(f"training on {sum(map(len, training))} tokens, {args.iterations} iterations")
    tagger = train(
        training,
        iterations=args.iterations,
        seed=args.seed,
        min_weight=args.min_weight,
        decimals=args.decimals,
    )
    trained = time.perf_counter() - started
    n_weights = sum(map(len, tagger.weights.values()))
    print(f"trained in {trained:.0f} s: {len(tagger.weights)} features, {n_weights} weights")

    scores = {}
    for name, gold in (("dev", dev_gold), ("test", test_gold)):
        scores[name] = round(accuracy(tagger, normalized([gold_tokens(s) for s in gold])), 4)
        scores[f"{name}_retokenized"] = round(
            accuracy(tagger, normalized([retokenized(s) for s in gold])), 4
        )
    for name, value in scores.items():
        print(f"accuracy {name}: {value:.2%}")

    meta: dict[str, object] = {
        "corpus": CORPUS,
        "licence": "CC BY-SA 4.0",
        "tagset": "Penn Treebank (UD XPOS)",
        "iterations": args.iterations,
        "seed": args.seed,
        "min_weight": args.min_weight,
        "decimals": args.decimals,
        "weight_unit": 10**-args.decimals,
        "tokens": "treebank" if args.gold_tokens else "retokenized",
        "accuracy": scores,
    }
    data = encode(tagger, meta)
    digest = hashlib.sha256(data).hexdigest()
    print(f"{TAGGER_FILE}: {len(data)} bytes, sha256 {digest} (format {FORMAT})")
    if args.dry_run:
        return 0
    args.out.mkdir(parents=True, exist_ok=True)
    (args.out / TAGGER_FILE).write_bytes(data)
    manifest = {
        "files": {TAGGER_FILE: {"sha256": digest, "size": len(data)}},
        "tagger": meta,
    }
    (args.out / MANIFEST_FILE).write_text(
        json.dumps(manifest, indent=2, sort_keys=True) + "\n", encoding="utf-8"
    )
    print(f"wrote {args.out / TAGGER_FILE} and {args.out / MANIFEST_FILE}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
