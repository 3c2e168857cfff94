"""The closed vocabularies of the model.

Every enum is a ``str`` enum: members compare equal to their values
(``Stance.OPPOSE == "oppose"``) and record fields accept the plain strings.
"""

from __future__ import annotations

from enum import Enum

__all__ = ["ActorKind", "ClaimForm", "EventKind", "FactionKind", "Stance"]


class _StrEnum(str, Enum):
    """A ``str`` enum whose ``str()`` is its value (``enum.StrEnum`` is 3.11+)."""

    def __str__(self) -> str:
        return str(self.value)


class ActorKind(_StrEnum):
    """What kind of individual actor a record describes."""

    PERSON = "person"
    ORGANIZATION = "organization"


class FactionKind(_StrEnum):
    """What kind of collective political actor a :class:`~discourse.Faction` is."""

    PARTY = "party"
    WING = "wing"
    TENDENCY = "tendency"
    GROUP = "group"
    CAUCUS = "caucus"
    UNION = "union"
    BLOC = "bloc"


class ClaimForm(_StrEnum):
    """The form of a claim, following political claims analysis."""

    STATEMENT = "statement"
    WARNING = "warning"
    DEMAND = "demand"
    ACCUSATION = "accusation"
    CRITICISM = "criticism"
    ENDORSEMENT = "endorsement"
    PREDICTION = "prediction"
    DENIAL = "denial"
    PROPOSAL = "proposal"
    DECISION = "decision"
    ACTION = "action"


class Stance(_StrEnum):
    """The claimant's position toward the claim's target."""

    SUPPORT = "support"
    OPPOSE = "oppose"
    NEUTRAL = "neutral"


class EventKind(_StrEnum):
    """What kind of event an :class:`~discourse.Event` is."""

    LEADERSHIP_ELECTION = "leadership_election"
    LEADERSHIP_CHALLENGE = "leadership_challenge"
    BY_ELECTION = "by_election"
    GENERAL_ELECTION = "general_election"
    PRIMARY = "primary"
    NO_CONFIDENCE_VOTE = "no_confidence_vote"
    RESIGNATION = "resignation"
    DISMISSAL = "dismissal"
    SUSPENSION = "suspension"
    EXPULSION = "expulsion"
    DESELECTION = "deselection"
    DEFECTION = "defection"
    SPLIT = "split"
    MERGER = "merger"
    COUP = "coup"
    POLICY_VOTE = "policy_vote"
    CONFERENCE = "conference"
    PROTEST = "protest"
