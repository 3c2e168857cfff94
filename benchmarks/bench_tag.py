"""Tokenizing and tagging speed: discourse.parse.tokenize/tag vs plain NLTK with the same model.

Measures, in tokens per second of CPU time (best of ``--repeat`` runs):

1. ``sentences()``: sentence and token spans with offsets (Token objects);
2. ``Tagger.tag_forms`` alone, on already tokenized sentences;
3. tokenize + tag together, as the parser runs them;
4. the NLTK peer: Punkt with the same abbreviations, ``NLTKWordTokenizer().tokenize``
   and ``PerceptronTagger.tag`` loaded with the same weights (what ``word_tokenize``
   + ``pos_tag`` do, minus the data files);
5. ``PerceptronTagger.tag`` alone.

The text is the seed article and the UD English EWT development sentences from
``../shared`` (paragraphs of 20 sentences), about 25,000 words.

Usage::

    python benchmarks/bench_tag.py [--repeat 5]
"""

from __future__ import annotations

import argparse
import gzip
import time
from collections.abc import Callable
from pathlib import Path

from nltk.tokenize import NLTKWordTokenizer
from nltk.tokenize.punkt import PunktParameters, PunktSentenceTokenizer

from discourse.parse.tag import load_tagger, normalize_word
from discourse.parse.tokenize import ABBREVIATIONS, sentence_spans, sentences, token_spans

SHARED = Path(__file__).resolve().parent.parent.parent / "shared"


def corpus() -> str:
    parts = [(SHARED / "corpus" / "labour-2017-unite.txt").read_text(encoding="utf-8")]
    with gzip.open(SHARED / "data" / "ud-english-ewt" / "en_ewt-ud-dev.conllu.gz", "rt") as f:
        lines = [line[9:].rstrip("\n") for line in f if line.startswith("# text = ")]
    parts += [" ".join(lines[i : i + 20]) for i in range(0, len(lines), 20)]
    return "\n\n".join(parts)


def best(run: Callable[[], object], repeat: int) -> float:
    times = []
    for _ in range(repeat):
        started = time.process_time()
        run()
        times.append(time.process_time() - started)
    return min(times)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()
    text = corpus()
    tagger = load_tagger()
    nltk_tagger = tagger.to_nltk()
    params = PunktParameters()
    params.abbrev_types = set(ABBREVIATIONS)
    punkt = PunktSentenceTokenizer(params)
    words = NLTKWordTokenizer()

    tokenized = [[t.text for t in s.tokens] for s in sentences(text)]
    forms = [[normalize_word(w) for w in s] for s in tokenized]
    n = sum(map(len, tokenized))

    def ours_tokenize() -> None:
        sentences(text)

    def ours_tag() -> None:
        for f in forms:
            tagger.tag_forms(f)

    def ours_both() -> None:
        for start, end in sentence_spans(text):
            tagger.tag_forms([normalize_word(text[a:b]) for a, b in token_spans(text, start, end)])

    def nltk_both() -> None:
        for sentence in punkt.tokenize(text):
            nltk_tagger.tag(words.tokenize(sentence))

    def nltk_tag() -> None:
        for f in forms:
            nltk_tagger.tag(f)

    print(f"{n:,} tokens, {len(tokenized):,} sentences, {len(text):,} characters")
    rows = [
        ("discourse sentences() (tokenize)", ours_tokenize),
        ("discourse Tagger.tag_forms (tag)", ours_tag),
        ("discourse tokenize + tag", ours_both),
        ("NLTK Punkt + word tokenizer + PerceptronTagger", nltk_both),
        ("NLTK PerceptronTagger.tag (tag)", nltk_tag),
    ]
    for name, run in rows:
        seconds = best(run, args.repeat)
        print(f"{name:<48} {n / seconds:>10,.0f} tokens/s")


if __name__ == "__main__":
    main()
