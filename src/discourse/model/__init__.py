"""The data model: pure, immutable records with no I/O.

Everything here is re-exported from :mod:`discourse`; import it from there.
"""

from discourse.model._dates import DateLike, PartialDate, to_partial_date
from discourse.model._enums import ActorKind, ClaimForm, EventKind, FactionKind, Stance
from discourse.model._records import (
    Actor,
    Claim,
    Event,
    Faction,
    Membership,
    Participant,
    Record,
    Source,
    Span,
)

__all__ = [
    "Actor",
    "ActorKind",
    "Claim",
    "ClaimForm",
    "DateLike",
    "Event",
    "EventKind",
    "Faction",
    "FactionKind",
    "Membership",
    "PartialDate",
    "Participant",
    "Record",
    "Source",
    "Span",
    "Stance",
    "to_partial_date",
]
