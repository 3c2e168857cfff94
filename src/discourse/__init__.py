"""discourse: a typed model of intra-party political conflict.

Typed, immutable records for actors, factions, memberships, claims and events;
an indexed :class:`Corpus` with queries; lossless JSON/JSONL serialization and
readers/writers for the formats the field uses; and a parser from English
political text to records with character-offset evidence.

Examples:
    >>> import discourse as dc
    >>> corbyn = dc.Actor(id="jeremy-corbyn", name="Jeremy Corbyn", aliases=("Corbyn",))
    >>> corpus = dc.Corpus([corbyn])
    >>> corpus.find("Corbyn") == corbyn
    True
"""

from __future__ import annotations

from typing import Any

from discourse._version import __version__
from discourse.convert import dumps, json_schema, loads
from discourse.corpus import Corpus, normalize_name
from discourse.errors import (
    AmbiguousNameError,
    DanglingReferenceError,
    DiscourseError,
    DiscourseWarning,
    DuplicateIdError,
    FormatError,
    LossWarning,
    ParseError,
    RecordNotFoundError,
    StoreError,
    UnknownFormatError,
    ValidationError,
)
from discourse.evaluate import (
    Gold,
    Report,
    Scores,
    agreement,
    evaluate,
    evaluate_files,
    load_gold,
)
from discourse.io import dump, formats, iter_load, load
from discourse.model import (
    Actor,
    ActorKind,
    Claim,
    ClaimForm,
    DateLike,
    Event,
    EventKind,
    Faction,
    FactionKind,
    Membership,
    PartialDate,
    Participant,
    Record,
    Source,
    Span,
    Stance,
)
from discourse.parse import Lexicon, Parser, parse
from discourse.store import Store

__all__ = [
    "Actor",
    "ActorKind",
    "AmbiguousNameError",
    "Claim",
    "ClaimForm",
    "Corpus",
    "DanglingReferenceError",
    "DateLike",
    "DiscourseError",
    "DiscourseWarning",
    "DuplicateIdError",
    "Event",
    "EventKind",
    "Faction",
    "FactionKind",
    "FormatError",
    "Gold",
    "Lexicon",
    "LossWarning",
    "Membership",
    "ParseError",
    "Parser",
    "PartialDate",
    "Participant",
    "Record",
    "RecordNotFoundError",
    "Report",
    "Scores",
    "Source",
    "Span",
    "Stance",
    "Store",
    "StoreError",
    "UnknownFormatError",
    "ValidationError",
    "__version__",
    "agreement",
    "dump",
    "dumps",
    "evaluate",
    "evaluate_files",
    "formats",
    "iter_load",
    "json_schema",
    "load",
    "load_gold",
    "loads",
    "normalize_name",
    "parse",
]


def __getattr__(name: str) -> Any:
    raise AttributeError(f"module 'discourse' has no attribute {name!r}")
