"""Text to corpus: tokenization, tagging and the extraction of actors, claims and events.

The pipeline runs in visible stages, each a module that can be used alone:
:mod:`~discourse.parse.tokenize` → :mod:`~discourse.parse.tag` (together:
:func:`~discourse.parse.document.prepare`) → :mod:`~discourse.parse.mentions`
→ :mod:`~discourse.parse.claims` → :mod:`~discourse.parse.events` →
:func:`~discourse.parse.pipeline.assemble`. Most users want :func:`parse` or a
:class:`Parser`, configured with a :class:`Lexicon`.

The subpackage is itself callable, so ``discourse.parse(text)`` works whether
``discourse.parse`` names this subpackage or the :func:`parse` function.

Examples:
    >>> from discourse.parse import parse
    >>> corpus = parse("Owen Jones has called on Corbyn to stand down.", source="s")
    >>> [(c.claimant, c.form.value, c.target) for c in corpus.claims()]
    [('owen-jones', 'demand', 'corbyn')]
"""

from __future__ import annotations

import sys
import types

from discourse.corpus import Corpus
from discourse.model import DateLike, Source
from discourse.parse.dates import DateMention, find_dates
from discourse.parse.lexicon import KnownActor, KnownFaction, Lexicon, VerbSense
from discourse.parse.pipeline import Parser, assemble, parse, source_id

__all__ = [
    "DateMention",
    "KnownActor",
    "KnownFaction",
    "Lexicon",
    "Parser",
    "VerbSense",
    "assemble",
    "find_dates",
    "parse",
    "source_id",
]


class _CallableModule(types.ModuleType):
    """This subpackage, callable as :func:`parse`."""

    def __call__(
        self,
        text: str,
        *,
        source: Source | str | None = None,
        lexicon: Lexicon | None = None,
        date: DateLike | None = None,
    ) -> Corpus:
        return parse(text, source=source, lexicon=lexicon, date=date)


sys.modules[__name__].__class__ = _CallableModule
