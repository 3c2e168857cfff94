"""Stage 5: what happened: elections, challenges, resignations, expulsions, coups...

Events are anchored on the trigger phrases of the lexicon (*by-election*,
*leadership challenge*, *vote of no confidence*, *resigned*, *stood aside*,
*was suspended*, *expelled*, *deselected*, *defected*, *split*, *coup*...).
For each trigger:

- verbal triggers in hypothetical or negated contexts (*would step aside*,
  *called on him to stand down*, *did not resign*, questions) are not events;
  dismissal-like verbs (*sacked*, *suspended*, *expelled*) need a person as
  their subject (passive) or object (active);
- the **name** and **location** come from a place name before an election
  (*Stoke-on-Trent Central by-election*), the **organization** from a party
  or union right before the trigger (*Unite leadership election*) or after
  *of*, *from*, *in*;
- **participants**: the subject of a resignation or defection, the person
  dismissed or expelled and who did it, the party that *won* or suffered a
  *defeat* in an election (with the **outcome** in plain words), the target
  of a coup or challenge (*challenge to Corbyn's leadership*);
- a coup in quotation marks or *alleged* is flagged ``attributes["alleged"]``.

Several mentions of the same named event (*the Copeland by-election* twice)
make one event with several evidence spans.
"""

from __future__ import annotations

from typing import Final

import attrs

from discourse.model import Event, EventKind, FactionKind, PartialDate, Participant, Span
from discourse.parse.dates import DateMention, find_dates
from discourse.parse.document import Doc, Sent
from discourse.parse.lexicon import Lexicon
from discourse.parse.mentions import FACTION, PERSON, Mention, MentionList, Mentions, antecedent

__all__ = ["find_events"]

_MODAL: Final = frozenset(
    {"would", "could", "should", "might", "may", "must", "will", "to", "not", "n't", "never", "if", "whether",
     "shall", "can", "refused", "refuses", "threatened", "threatening", "considering", "urged", "pressure"}
)  # fmt: skip
_BE: Final = frozenset({"was", "were", "is", "are", "been", "being", "be", "got", "get"})
_MEMBERS: Final = frozenset(
    {"mps", "members", "councillors", "councilors", "senators", "lawmakers", "deputies", "activists",
     "rebels", "ministers", "legislators", "representatives", "delegates", "backbenchers", "meps", "msps"}
)  # fmt: skip
_PLANNABLE: Final = frozenset(
    {EventKind.LEADERSHIP_CHALLENGE, EventKind.NO_CONFIDENCE_VOTE, EventKind.SPLIT, EventKind.COUP}
)
_PLANNED: Final = frozenset(
    {"plot", "plots", "plotting", "plan", "plans", "planning", "planned", "prepare", "prepares",
     "preparing", "mull", "mulls", "mulling", "consider", "considers", "considering", "threaten",
     "threatens", "threatening", "threatened", "possible", "potential", "looming", "imminent"}
)  # fmt: skip
_WHIP_VERBS: Final = {
    **dict.fromkeys(
        ("stripped", "strips", "strip", "withdrew", "withdrawn", "withdraws", "removed", "removes"),
        EventKind.EXPULSION,
    ),
    "suspended": EventKind.SUSPENSION,
    "suspends": EventKind.SUSPENSION,
}
_CONDITIONAL: Final = frozenset({"if", "unless", "whether", "?"})
_ANNOUNCE: Final = frozenset(
    {"announced", "announces", "confirmed", "confirms", "said", "says", "revealed", "told",
     "declared", "indicated", "announcing", "saying", "telling", "confirming"}
)  # fmt: skip
_PRONOUN_SUBJECTS: Final = frozenset({"he", "she"})
_ANAPHORIC: Final = frozenset({"the", "this", "that", "his", "her", "their", "its"})
_PARTY_LEADER: Final = frozenset({"leader", "chair", "chairman", "chairwoman", "co-leader"})
_ELECTED_ROLES: Final = frozenset(
    {
        "leader",
        "chair",
        "chairman",
        "chairwoman",
        "president",
        "speaker",
        "co-leader",
        "secretary-general",
        "leaders",
        "co-leaders",
        "co-chair",
        "co-chairs",
        "general-secretary",
        "secretary",  # "was elected secretary general"
        "chairperson",  # "was elected chairperson of the federal council"
        "unopposed",  # "was elected unopposed at an extraordinary congress"
    }
)
_VERBAL: Final = frozenset(
    {EventKind.RESIGNATION, EventKind.DISMISSAL, EventKind.SUSPENSION, EventKind.EXPULSION,
     EventKind.DESELECTION, EventKind.DEFECTION}
)  # fmt: skip
_DONE_TO: Final = frozenset(
    {EventKind.DISMISSAL, EventKind.SUSPENSION, EventKind.EXPULSION, EventKind.DESELECTION}
)
_ELECTIONS: Final = frozenset(
    {
        EventKind.BY_ELECTION,
        EventKind.GENERAL_ELECTION,
        EventKind.LEADERSHIP_ELECTION,
        EventKind.PRIMARY,
    }
)
_WIN: Final = frozenset(
    {
        "won",
        "win",
        "wins",
        "winning",
        "held",
        "holds",
        "retained",
        "retains",
        "gained",
        "gains",
        "took",
        "victory",
        "triumph",
    }
)
_LOSE: Final = frozenset(
    {"lost", "lose", "loses", "losing", "defeat", "defeated", "humiliation", "drubbing", "rout"}
)
_ALLEGED: Final = frozenset(
    {
        "alleged",
        "so-called",
        "attempted",
        "failed",
        "soft",
        "slow-motion",
        "silent",
        "attempt",
        "plot",
    }
)
#: Verbs that remove their object with "out" after it: "forced X out", "voted X out".
_OUT_VERBS: Final = frozenset(
    {"forced", "pushed", "voted", "kicked", "drove", "driven", "hounded", "eased", "forces",
     "pushes", "votes", "kicks", "drives", "hounds", "eases"}
)  # fmt: skip
_PRIMARY_MODIFIERS: Final = frozenset(
    {"leadership", "presidential", "party", "democratic", "republican", "open", "closed", "state"}
)
_ELECTION_NOUNS: Final = frozenset(
    {
        "primary",
        "election",
        "race",
        "contest",
        "challenge",
        "vote",
        "ballot",
        "campaign",
        "elections",
        "season",
        "review",  # "lost a leadership review": a confidence vote in the leader
    }
)
_WINDOW: Final = 10
_SPLIT_NEXT: Final = frozenset(
    {
        "in",
        "over",
        "after",
        "on",
        ".",
        ",",
        ";",
        "from",
        "into",
        "apart",
        "again",
        "when",
        "as",
        "and",
    }
)
_WON_LOST: Final = frozenset(
    {"won", "lost", "retained", "regained", "secured", "clinched", "wins", "loses"}
)
_AGAINST: Final = frozenset(
    {"against", "undermine", "undermining", "oust", "ousting", "topple", "toppling", "remove",
     "removing", "depose", "deposing", "unseat", "unseating", "overthrow", "overthrowing"}
)  # fmt: skip
_FACED: Final = frozenset(
    {"survived", "survives", "lost", "loses", "won", "wins", "faced", "faces", "facing", "narrowly"}
)
_NOUN_ENDINGS: Final = ("ion", "ions", "al", "als", "ment", "ments", "ure")
_LEFT: Final = frozenset({"left", "leaves", "leaving", "ditched", "ditches", "deserted", "deserts"})
_CHALLENGE_VERBS: Final = frozenset({"challenged", "challenges", "challenge", "challenging"})
_QUOTE_MARKS: Final = frozenset({'"', "\u201c", "\u201d", "``", "''"})
_FUNCTION: Final = frozenset(
    {"the", "a", "an", "after", "before", "in", "at", "on", "and", "but", "since", "while", "when", "by", "of", "for", "to", "with", "from", "last", "next", "this", "that", "its", "their"}
)  # fmt: skip
_ASKED: Final = frozenset(
    {"risk", "risks", "risked", "risking", "fear", "fears", "feared", "avoid", "avert", "prevent",
     "warned", "warning", "warn", "warns", "threaten", "threatens"}
) | frozenset(
    {"for", "demanded", "demanding", "demand", "demands", "calls", "called", "call", "urged", "sought", "seeking",
     "threat", "threatened", "possible", "potential", "rumoured", "rumored", "expected", "imminent"}
)  # fmt: skip
_BETWEEN: Final = frozenset(
    {
        "'s",
        "'",
        '"',
        "\u201c",
        "\u201d",
        "``",
        "''",
        "a",
        "an",
        "the",
        "has",
        "have",
        "had",
        "actually",
        "narrowly",
    }
)
_COUP_ACTS: Final = frozenset(
    {"abolished", "dissolved", "scrapped", "seized", "purged", "overturned", "shut", "suspended", "annulled",
     "cancelled", "canceled", "disbanded", "ousted", "toppled", "deposed", "hijacked", "taken"}
)  # fmt: skip


def _triggers(lex: Lexicon) -> dict[str, list[tuple[tuple[str, ...], EventKind]]]:
    table: dict[str, list[tuple[tuple[str, ...], EventKind]]] = {}
    for phrase, kind in lex.event_triggers.items():
        ws = tuple(phrase.split())
        table.setdefault(ws[0], []).append((ws, kind))
    for entries in table.values():
        entries.sort(key=lambda e: -len(e[0]))
    return table


_TABLES: dict[int, tuple[Lexicon, dict[str, list[tuple[tuple[str, ...], EventKind]]]]] = {}


def _table(lex: Lexicon) -> dict[str, list[tuple[tuple[str, ...], EventKind]]]:
    hit = _TABLES.get(id(lex))
    if hit is not None and hit[0] is lex:
        return hit[1]
    t = _triggers(lex)
    if len(_TABLES) > 16:
        _TABLES.clear()
    _TABLES[id(lex)] = (lex, t)
    return t


@attrs.define(slots=True, eq=False)
class _Draft:
    kind: EventKind
    name: str | None
    location: str | None
    organization: str | None
    participants: list[Participant]
    outcome: str | None
    spans: list[tuple[int, int]]
    date: PartialDate | None
    alleged: bool
    confidence: float
    sentence: int = -1
    interim: bool = False  # "was chosen as interim leader": a stopgap, not the contest


def find_events(
    doc: Doc, mentions: Mentions, lexicon: Lexicon, *, date: PartialDate | None = None
) -> list[Event]:
    """Run the event stage.

    Args:
        doc: The prepared document.
        mentions: The result of the mention stage.
        lexicon: What the parser knows.
        date: The publication date (anchor of relative dates).

    Returns:
        The events, in order of first mention, with ids ``<source>:e:<offset>``.
    """
    table = _table(lexicon)
    drafts: list[_Draft] = []
    by_name: dict[tuple[EventKind, str], _Draft] = {}
    last_of_kind: dict[EventKind, _Draft] = {}
    by_subject: dict[tuple[EventKind, str], _Draft] = {}
    for s in doc.sents:
        ms = mentions.by_sent[s.index]
        matched = _match(s, table)
        starts = {f[0] for f in matched}
        # one event per word: "Labour members voted no confidence in ...", not also a policy vote
        found = matched + [f for f in _verb_events(s, ms, mentions) if f[0] not in starts]
        if EventKind.SPLIT in last_of_kind:
            found += _joined_splitters(s, ms, mentions)
        if any(f[2] is EventKind.LEADERSHIP_ELECTION for f in found):
            # "losing a vote at the party congress to X": the congress held the contest
            found = [
                f
                for f in found
                if not (f[2] is EventKind.POLICY_VOTE and "congress" in s.lower[f[0] : f[1]])
            ]
        sent_dates = find_dates(doc.text, date, s.start, s.end) if found else []
        for i, j, kind in found:
            d = _event(doc, s, ms, mentions, i, j, kind, sent_dates, lexicon.role_nouns)
            if d is None:
                continue
            kind = d.kind  # "quit the party": a defection, whatever the trigger's kind
            prior_here = last_of_kind.get(kind)
            if (
                d.name is None
                and prior_here is not None
                and prior_here.sentence == s.index
                and prior_here.name is None
                # "X resigned ... after four of his ministers quit": two resignations
                and not (
                    kind in _VERBAL
                    and _subject_of(d) != _subject_of(prior_here)
                    and (
                        s.tags[i].startswith("VB")
                        or _mass_subject(s, i)
                        # "a day after Herman Mashaba quit as mayor": a verb after a name
                        or (i > 0 and s.tags[i - 1] == "NNP" and _is_mentioned(ms, i - 1))
                    )
                )
            ):
                # "lost the Liberal leadership ... in a party-room ballot": one event
                prior_here.spans.extend(d.spans)
                prior_here.participants.extend(
                    p for p in d.participants if p not in prior_here.participants
                )
                prior_here.outcome = prior_here.outcome or d.outcome
                continue
            if (
                d.name is None
                and not d.participants
                and i > 0
                and s.lower[i - 1] in _ANAPHORIC
                and kind in last_of_kind
                # "X was chosen as interim leader. Seven candidates entered the leadership
                # race": a new contest, not the choice told before
                and not (kind is EventKind.LEADERSHIP_ELECTION and last_of_kind[kind].interim)
            ):
                # "criticised the expulsion": the expulsion already reported
                last_of_kind[kind].spans.extend(d.spans)
                continue
            prior_group = last_of_kind.get(kind)
            if (
                (kind in _DONE_TO or kind is EventKind.POLICY_VOTE)
                and d.name is None
                and prior_group is not None
                and not _has_subject(d)
                and not _has_subject(prior_group)
            ):
                # "stripped 21 MPs of the whip" ... "the MPs who lost the whip": one sanction;
                # "a membership ballot" ... "the members' vote": one vote
                prior_group.spans.extend(d.spans)
                prior_group.participants.extend(
                    p for p in d.participants if p not in prior_group.participants
                )
                prior_group.organization = prior_group.organization or d.organization
                continue
            prior_contest = last_of_kind.get(kind)
            if (
                kind in (EventKind.LEADERSHIP_ELECTION, EventKind.PRIMARY)
                and d.name is None
                and prior_contest is not None
                and prior_contest.name is None
                and _winner(d) is not None
                and _winner(prior_contest) is None
                and (d.organization is None or prior_contest.organization in (None, d.organization))
            ):
                # "must now hold a leadership election" ... "the New Democrats chose X as
                # Mulcair's successor": the result of the contest announced before
                prior_contest.spans.extend(d.spans)
                prior_contest.participants.extend(
                    p for p in d.participants if p not in prior_contest.participants
                )
                prior_contest.outcome = prior_contest.outcome or d.outcome
                prior_contest.organization = prior_contest.organization or d.organization
                prior_contest.date = prior_contest.date or d.date
                continue
            last_of_kind[kind] = d
            subject = next(
                (p.ref for p in d.participants if p.role in ("subject", "defector")), None
            )
            if d.name is None and subject is not None and d.kind in _VERBAL:
                # "Turnbull resigned ... His resignation ...": one event per person and kind
                prior = by_subject.get((d.kind, subject))
                if prior is not None and not (
                    # "stood aside on Thursday ... In 2012 he resigned from the ministry"
                    d.date is not None and d.date != prior.date and s.tags[i].startswith("VB")
                ):
                    prior.spans.extend(d.spans)
                    prior.organization = prior.organization or d.organization
                    prior.date = prior.date or d.date
                    continue
                by_subject[(d.kind, subject)] = d
            if d.name is not None:
                key = (d.kind, d.name.casefold())
                prior = by_name.get(key)
                if prior is not None:
                    prior.spans.extend(d.spans)
                    for p in d.participants:
                        if p not in prior.participants:
                            prior.participants.append(p)
                    prior.outcome = prior.outcome or d.outcome
                    prior.organization = prior.organization or d.organization
                    continue
                by_name[key] = d
            drafts.append(d)
        _results(s, ms, mentions, last_of_kind)
    out = []
    ids: set[str] = set()
    for d in drafts:
        start = d.spans[0][0]
        eid = f"{doc.source}:e:{start}"
        if eid in ids:  # two events told from the same place: both kept, with distinct ids
            eid = f"{eid}.{sum(1 for x in ids if x.startswith(eid))}"
        ids.add(eid)
        out.append(
            Event(
                id=eid,
                kind=d.kind,
                name=d.name,
                start=d.date,
                organization=d.organization,
                location=d.location,
                participants=tuple(d.participants),
                outcome=d.outcome,
                evidence=tuple(
                    Span(source=doc.source, start=a, end=b, text=doc.text[a:b]) for a, b in d.spans
                ),
                confidence=d.confidence,
                attributes={"alleged": True} if d.alleged else {},
            )
        )
    return out


def _match(
    s: Sent, table: dict[str, list[tuple[tuple[str, ...], EventKind]]]
) -> list[tuple[int, int, EventKind]]:
    out: list[tuple[int, int, EventKind]] = []
    lower = s.lower
    n = len(lower)
    i = 0
    while i < n:
        entries = table.get(lower[i])
        if entries:
            for ws, kind in entries:
                j = i + len(ws)
                if j <= n and tuple(lower[i:j]) == ws:
                    out.append((i, j, kind))
                    i = j - 1
                    break
        i += 1
    return out


def _member_group(s: Sent, ms: MentionList, ents: Mentions, j: int) -> str | None:
    """The faction whose members are the object at token ``j``: "seven Labour MPs"."""
    m = ms.after(j, 2)
    if m is None or ents.entities[m.entity].type != FACTION:
        return None
    if m.last < len(s) and s.lower[m.last] in _MEMBERS:
        return m.entity
    return None


def _covering_type(ms: MentionList, ents: Mentions, k: int) -> str | None:
    m = ms.covering(k)
    return None if m is None else ents.entities[m.entity].type


def _verb_events(s: Sent, ms: MentionList, ents: Mentions) -> list[tuple[int, int, EventKind]]:
    """Events told by a verb and its object rather than a trigger phrase.

    ``X challenged Y for the leadership``; ``X was elected CDU leader``;
    ``X won/lost the (Liberal) leadership``; ``X left the Democratic Party``.
    """
    out: list[tuple[int, int, EventKind]] = []
    lower = s.lower
    n = len(lower)
    for i, w in enumerate(lower):
        if (
            w in ("vote", "ballot")
            and i >= 2
            and lower[i - 1] in ("a", "the")
            and lower[i - 2] in ("losing", "lost", "loses", "winning", "won", "wins")
            and any(_covering_type(ms, ents, k) == PERSON for k in range(max(0, i - 20), i - 2))
            and any(
                lower[k] == "to" and _covering_type(ms, ents, k + 1) == PERSON
                for k in range(i + 1, min(n - 1, i + 12))
            )
        ):
            # "X was ousted ..., losing a vote at the party congress to Y": a contest for a post
            out.append((i - 2, i + 1, EventKind.LEADERSHIP_ELECTION))
            continue
        if (
            w in ("election", "elections")
            and i > 0
            and s.words[i - 1] in _MONTH_WORDS
            and not (i > 1 and lower[i - 2] in ("leadership", "party"))
        ):
            out.append((i - 1, i + 1, EventKind.GENERAL_ELECTION))  # "the September election"
            continue
        if w in _OUT_VERBS and s.tags[i].startswith("VB") and i + 1 < n:
            # "forced Turnbull out", "voted Rudd out": the object is removed
            m = ms.after(i + 1, 1)
            if (
                m is not None
                and ents.entities[m.entity].type == PERSON
                and m.last < n
                and lower[m.last] == "out"
                and (m.last + 1 >= n or lower[m.last + 1] != "of")
            ):
                out.append((i, i + 1, EventKind.DISMISSAL))
                continue
        if (w in _WON_LOST and s.tags[i].startswith("VB")) or (
            w == "win" and _won_then(s, i)  # "defeated Rebecca Long-Bailey to win the leadership"
        ):
            k = next((k for k in range(i + 1, min(n, i + 5)) if lower[k] == "leadership"), -1)
            if k > 0 and (k + 1 >= n or lower[k + 1] not in _ELECTION_NOUNS):
                out.append((i, i + 1, EventKind.LEADERSHIP_ELECTION))
            elif any(lower[x] == "nomination" for x in range(i + 1, min(n, i + 5))):
                out.append((i, i + 1, EventKind.PRIMARY))  # "won the Republican nomination"
            continue
        if (
            w in ("became", "becomes")
            and s.tags[i].startswith("VB")
            and any(lower[x] in _PARTY_LEADER for x in range(i + 1, min(n, i + 4)))
            and not any(
                lower[x] in ("first", "only", "youngest", "oldest")
                for x in range(i + 1, min(n, i + 4))
            )
        ):
            out.append((i, i + 1, EventKind.LEADERSHIP_ELECTION))  # "became SPD leader"
            continue
        if (
            w == "become"
            and _won_then(s, i)
            and any(lower[x] in _PARTY_LEADER for x in range(i + 1, min(n, i + 4)))
        ):
            out.append((i, i + 1, EventKind.LEADERSHIP_ELECTION))  # "beat X to become leader"
            continue
        if w in _LEFT and s.tags[i].startswith("VB"):
            m = ms.after(i + 1, 1)
            e = ents.entities[m.entity] if m is not None else None
            named = e is not None and e.type == FACTION and e.faction_kind is FactionKind.PARTY
            if (
                lower[i] == "left"
                and (_mass_subject(s, i) or (i > 0 and _covering_type(ms, ents, i - 1) == PERSON))
                and i + 2 < n
                and lower[i + 1] == "to"
                and lower[i + 2] in ("form", "found", "launch", "create", "set")
            ):
                out.append((i, i + 1, EventKind.DEFECTION))  # "Eleven MPs left to form X"
            elif named or _the_party(s, i + 1):
                end = m.last if named and m is not None else i + 3
                # "leaving the party 'a poisoned legacy'", "left the party a shambles": a thing left
                if not (
                    end < n
                    and (
                        s.words[end] in _QUOTE_MARKS
                        # but "left the AfD a week later"
                        or (lower[end] in ("a", "an") and not _time_after(s, end + 1))
                    )
                ):
                    out.append((i, i + 1, EventKind.DEFECTION))
            continue
        if (
            w in _WHIP_VERBS
            and s.tags[i].startswith("VB")
            and not (i + 1 < n and lower[i + 1] == "of")  # "stripped of the whip": a trigger
            and not (i > 0 and lower[i - 1] in _BE)
        ):
            k = next((k for k in range(i + 1, min(n, i + 9)) if lower[k] == "whip"), -1)
            if k > 0:
                # "suspended the whip" is a suspension; "stripped 21 MPs of the whip",
                # "withdrew the whip from X" put them out of the parliamentary party
                out.append((i, i + 1, _WHIP_VERBS[w]))
                continue
        if (
            w in _CHALLENGE_VERBS
            and s.tags[i].startswith("VB")
            and (
                any(lower[k] == "leadership" for k in range(i + 1, min(n, i + 8)))
                or _challenged_leader(s, ms, ents, i)
            )
        ):
            out.append((i, i + 1, EventKind.LEADERSHIP_CHALLENGE))
        elif (
            (
                w in ("elected", "re-elected", "crowned")
                # "was named (the new) leader", "was voted in as leader"
                or (w in ("named", "appointed") and i > 0 and lower[i - 1] in _BE)
                or (
                    w == "voted"
                    and i > 0
                    and lower[i - 1] in _BE
                    and lower[i + 1 : i + 2] == ["in"]
                )
            )
            # "is expected to be crowned leader", "hoped to be named leader": not (yet) done
            and not (w in _NEW_LEADER_VERBS and any(_modal(s, x) for x in range(max(0, i - 3), i)))
            and s.tags[i] in ("VBN", "VBD")
            # "who was elected deputy leader in her own right": a career, told in passing
            and not any(
                lower[k] == "own" and lower[k + 1] == "right"
                for k in range(i + 1, min(n - 1, i + 9))
            )
            and any(lower[k] in _ELECTED_ROLES for k in range(i + 1, min(n, i + 5)))
        ):
            out.append((i, i + 1, EventKind.LEADERSHIP_ELECTION))
        elif (
            w in _CHOSE
            and _chosen_as_leader(s, i)
            and not any(_modal(s, x) or lower[x] == "whoever" for x in range(max(0, i - 4), i))
        ):
            # "the members chose X and Y as joint leaders", "was confirmed as leader"
            out.append((i, i + 1, EventKind.LEADERSHIP_ELECTION))
        elif (
            w == "replaced"
            and s.tags[i] == "VBD"
            and _covering_type(ms, ents, i - 1) == FACTION
            and (m := ms.after(i + 1, 1)) is not None
            and ents.entities[m.entity].type == PERSON
            and lower[m.last : m.last + 1] == ["as"]
            and any(lower[x] in _CANDIDATES for x in range(m.last + 1, min(n, m.last + 5)))
        ):
            # "Taiwan's Kuomintang replaced X as its presidential candidate": X is removed
            out.append((i, i + 1, EventKind.DISMISSAL))
        elif (
            w in _REPLACED
            and s.tags[i] in ("VBD", "VBN")
            and any(
                lower[k] == "as"
                and k + 1 < n
                and any(lower[x] in _ELECTED_ROLES for x in range(k + 1, min(n, k + 4)))
                for k in range(i + 1, min(n, i + 6))
            )
        ):
            out.append((i, i + 1, EventKind.LEADERSHIP_ELECTION))  # "was replaced as leader by X"
        elif (
            w == "challenge"
            and s.tags[i].startswith("NN")
            and i > 1
            and (
                (lower[i - 1] in ("a", "the") and lower[i - 2] in _REBUFFED)
                or (
                    i + 2 < n
                    and lower[i + 1] == "from"
                    and (m := ms.after(i + 2, 1)) is not None
                    and ents.entities[m.entity].type == PERSON
                )
            )
        ):
            out.append((i, i + 1, EventKind.LEADERSHIP_CHALLENGE))  # "defeating a challenge from X"
        elif w == "voted" and _members_voted_to(s, ms, ents, i):
            # "Members of the Christian Democratic Appeal voted ... to back a minority government"
            out.append((i, i + 1, EventKind.POLICY_VOTE))
        elif w in _REMOVE_VERBS and s.tags[i].startswith("VB"):
            m = ms.after(i + 1, 1)
            if (
                m is not None
                and ents.entities[m.entity].type == PERSON
                and (
                    (m.last < n and lower[m.last] in ("from", "as"))
                    # "The MPs voted to oust Mary Jones": done, whatever follows
                    or (i > 1 and lower[i - 1] == "to" and lower[i - 2] in _DECIDED)
                )
            ):
                out.append((i, i + 1, EventKind.DISMISSAL))  # "voted to remove X from her post"
    return out


_CHOSE: Final = frozenset(
    {"chose", "chosen", "picked", "selected", "confirmed", "elected", "re-elected", "installed",
     "acclaimed"}
)  # fmt: skip
_DENIED: Final = frozenset({"denied", "denies", "deny", "denying"})
_RULED: Final = frozenset({"ruled", "rules", "ruling", "rule"})
_TRIED: Final = frozenset({"attempt", "attempts", "bid", "bids", "threat", "threats", "plot"})
_UNSEATED: Final = frozenset({"ousted", "toppled", "deposed", "unseated", "ousting"})
_POLLS: Final = frozenset(
    {"primary", "primaries", "election", "elections", "by-election", "poll", "polls"}
)
_GATHERINGS: Final = frozenset(
    {"meeting", "meetings", "conference", "talks", "room", "hall", "chamber", "session", "debate",
     "congress", "convention", "hearing", "negotiations", "studio", "interview"}
)  # fmt: skip
_CANDIDATES: Final = frozenset({"candidate", "nominee", "leader", "chairman", "chair", "president"})
_INTERIM: Final = frozenset({"interim", "acting", "caretaker"})
_GERUND_OWNERS: Final = frozenset({"'s", "'", "his", "her", "their", "the"})
_REPLACED: Final = frozenset({"replaced", "succeeded"})
_ELECTED_VERBS: Final = frozenset({"elected", "re-elected", "became", "becomes", "crowned"})
#: Verbs that tell a new leader less surely than *elected*: "was crowned/named leader".
_NEW_LEADER_VERBS: Final = frozenset({"crowned", "named", "voted", "appointed"})
#: Verbs that see off a challenge: "defeating a challenge from X".
_REBUFFED: Final = frozenset(
    {"defeating", "defeated", "survived", "surviving", "survives", "beat", "beating", "faced",
     "facing", "faces", "repelled", "repelling", "saw", "seeing", "fended", "fending", "rebuffed"}
)  # fmt: skip
_MONTH_WORDS: Final = frozenset(
    {"January", "February", "March", "April", "May", "June", "July", "August", "September",
     "October", "November", "December"}
)  # fmt: skip
#: Organs that resign together: "Its entire executive board quit".
_ORGANS: Final = frozenset(
    {"board", "executive", "committee", "leadership", "presidium", "council", "bureau"}
)


def _organ_subject(s: Sent, i: int) -> bool:
    """Whether a whole organ is the subject of the verb at ``i``: "Its entire executive board quit"."""
    lower = s.lower
    if i < 2 or lower[i - 1] not in _ORGANS:
        return False
    return any(
        lower[x] in ("entire", "whole", "its", "their", "the") for x in range(max(0, i - 4), i - 1)
    )


_SUCCESSOR: Final = frozenset({"successor", "successors", "replacement"})
_REMOVE_VERBS: Final = frozenset({"remove", "removed", "removes", "removing", "oust"})
#: Verbs after which "to <verb>" was done, not wished: "voted on Wednesday to remove".
_DECIDED: Final = frozenset({"voted", "decided", "agreed", "moved", "resolved"})


def _chosen_as_leader(s: Sent, i: int) -> bool:
    """Whether the verb at ``i`` chose someone *as* leader: "chose X as (joint) leaders".

    *confirmed* must be passive (*was confirmed as leader*); *as* must follow
    within ten tokens with a leader's role or *successor* at most four tokens on.
    """
    lower, n = s.lower, len(s)
    if lower[i] == "confirmed" and not (i > 0 and lower[i - 1] in _BE):
        return False
    for k in range(i + 1, min(n, i + 16)):
        if lower[k] in (".", ";", "that", "who"):
            return False
        if lower[k] == "as":
            return any(
                lower[x] in _ELECTED_ROLES or lower[x] in _SUCCESSOR
                for x in range(k + 1, min(n, k + 5))
            )
    return False


def _ballot_end(s: Sent, i: int, end: int) -> int:
    """The end of "chose X as leader in a ballot" as evidence, through its ballot word."""
    if s.lower[i] in _CHOSE:
        for k in range(i + 1, min(len(s), i + 16)):
            if s.lower[k] in (".", ";"):
                break
            if s.lower[k] in ("ballot", "vote", "contest", "primary", "race"):
                return max(end, s.ends[k])
    return end


def _decided(s: Sent, k: int) -> bool:
    """Whether the *to* at ``k`` follows a decision taken: "voted on Wednesday to remove X"."""
    lo = max(0, k - 4)
    # "The executive voted to remove X": "voted" is past whatever its tag after a noun taken as JJ
    return any(
        s.lower[x] in _DECIDED and s.tags[x] in ("VBD", "VBN") for x in range(lo, k)
    ) and not any(s.lower[x] in ("not", "n't", "never", "would", "will") for x in range(lo, k))


def _appositive_head(s: Sent, ms: MentionList, ents: Mentions, p: int) -> Mention | None:
    """The person an appositive closed by the comma at ``p`` describes.

    Scans back (at most 30 tokens) to the comma right after a person's name:
    *Hans-Olaf Henkel, a former head of X and a member of Y, resigned*.
    """
    for c in range(p - 1, max(0, p - 30), -1):
        w = s.lower[c]
        if w in (";", ":") or w in _QUOTE_MARKS:
            return None
        if w == "," and c > 0 and s.lower[c - 1] in _MEMBERS:
            # "two of her MPs, Kennedy Graham and David Clendon, had resigned": the names
            last = _mention_before(ms, p, 0)
            if last is not None and last.last == p and ents.entities[last.entity].type == PERSON:
                return last
            return None
        if w == ",":
            head = _mention_before(ms, c, 0)
            if head is not None and head.last == c and ents.entities[head.entity].type == PERSON:
                return head
    return None


_BEAT: Final = frozenset({"beating", "defeating", "beat", "defeated", "edging", "trouncing"})
_WON_NEXT: Final = frozenset(
    {",", ".", ";", "on", "by", "with", "in", "comfortably", "easily", "narrowly", "handily",
     "outright", "convincingly", "after"}
)  # fmt: skip
_OUT_OF_RACE: Final = frozenset({"eliminated", "knocked"})


def _results(
    s: Sent, ms: MentionList, ents: Mentions, last_of_kind: dict[EventKind, _Draft]
) -> None:
    """Winners and losers told after the contest: "By December 18 Clegg had won, beating Huhne".

    The latest leadership election or primary gets the person who *won*
    (an intransitive *won*, or *won on the first ballot*) as its winner, with
    *won* as evidence; persons *beaten* or *defeated* in the same clause, or
    who *were eliminated*, are its losers.
    """
    target = max(
        (
            d
            for k in (EventKind.LEADERSHIP_ELECTION, EventKind.PRIMARY)
            if (d := last_of_kind.get(k)) is not None
        ),
        key=lambda d: d.sentence,
        default=None,
    )
    if target is None:
        return
    lower, tags, n = s.lower, s.tags, len(s)
    for i, w in enumerate(lower):
        if (
            w == "won"
            and (tags[i] in ("VBD", "VBN") or (i > 0 and lower[i - 1] in ("had", "has")))
            and i + 1 < n
            and lower[i + 1] in _WON_NEXT
        ):
            k = i - 1 if i > 0 and lower[i - 1] in ("had", "has") else i
            m = _mention_before(ms, k, 0)
            if m is None or ents.entities[m.entity].type != PERSON:
                continue
            winners = [p.ref for p in target.participants if p.role == "winner"]
            if winners and m.entity not in winners:
                return  # another contest's winner
            if not winners:
                target.participants.append(Participant(ref=m.entity, role="winner"))
            short = s.words[m.first] if m.last - m.first == 1 else ents.entities[m.entity].name
            target.outcome = target.outcome or f"{short} won"
            if target.sentence != s.index:
                target.spans.append((s.starts[i], s.ends[i]))
            _losers(s, ms, ents, i + 1, target)
            return
        if (
            w in _OUT_OF_RACE
            and i > 0
            and lower[i - 1] in ("was", "were")
            and target.sentence >= s.index - 2
        ):
            m = _subject_before(s, ms, ents, i - 1)
            if m is not None:
                _add(target, m.entity, "loser")
    if any(s.start <= a < s.end for a, _ in target.spans):
        _losers(s, ms, ents, 0, target)
        winner = next((p.ref for p in target.participants if p.role == "winner"), None)
        if winner is not None and target.outcome is None:
            target.outcome = f"{ents.entities[winner].name} won"  # "became leader after defeating"


def _subject_before(s: Sent, ms: MentionList, ents: Mentions, k: int) -> Mention | None:
    """The person right before token ``k``, or the head of an appositive closed there."""
    m = _mention_before(ms, k, 0)
    if m is not None and ents.entities[m.entity].type == PERSON:
        return m
    if k > 0 and s.lower[k - 1] == ",":
        return _appositive_head(s, ms, ents, k - 1)
    return None


def _losers(s: Sent, ms: MentionList, ents: Mentions, lo: int, d: _Draft) -> None:
    """Persons beaten after token ``lo``: "defeating Charlie Angus, Guy Caron and Ashton".

    The person right before a finite *defeated*/*beat* is the winner, if the
    contest has none yet: "Keir Starmer defeated Rebecca Long-Bailey".
    """
    lower, n = s.lower, len(s)
    for i in range(lo, n):
        if lower[i] not in _BEAT or not s.tags[i].startswith("VB"):
            continue
        if s.tags[i] == "VBD" and _winner(d) is None:
            w = _mention_before(ms, i, 0)
            if w is not None and ents.entities[w.entity].type == PERSON:
                _add(d, w.entity, "winner")
        k = i + 1
        while k < n:
            m = ms.after(k, 0)
            if m is None or ents.entities[m.entity].type != PERSON:
                break
            _add(d, m.entity, "loser")
            k = m.last
            if k < n and lower[k] in (",", "and"):
                k += 1
                if k < n and lower[k] == "and":
                    k += 1
            else:
                break
        return


def _add(d: _Draft, ref: str, role: str) -> None:
    if not any(p.ref == ref for p in d.participants):
        d.participants.append(Participant(ref=ref, role=role))


def _winner(d: _Draft) -> str | None:
    return next((p.ref for p in d.participants if p.role == "winner"), None)


_PARTY_DESCRIBERS: Final = frozenset(
    {"ruling", "governing", "opposition", "main", "conservative", "centre-right", "centre-left",
     "center-right", "center-left", "nationalist", "populist", "far-right", "far-left", "own",
     "'s", "'", "the", "its", "his", "her", "their"}
)  # fmt: skip


def _party_described(s: Sent, j: int, first: int) -> bool:
    """Whether tokens ``j..first`` only describe the party after them: "South Korea's ruling"."""
    if not 0 < first - j <= 5:
        return False
    return all(
        s.lower[k] in _PARTY_DESCRIBERS or (s.words[k][:1].isupper() and s.words[k].isalpha())
        for k in range(j, first)
    ) and any(
        s.lower[k] in ("'s", "'", "the", "its", "his", "her", "their") for k in range(j, first)
    )


def _counted_members(s: Sent, j: int) -> bool:
    """Whether counted members are the object from token ``j``: "three members", "21 MPs"."""
    lower, n = s.lower, len(s)
    k = j
    if k < n and lower[k] in ("the", "its", "their"):
        k += 1
    if not (
        k + 1 < n
        and (s.tags[k] == "CD" or any(part in _QUANTIFIERS for part in lower[k].split("-")))
    ):
        return False
    k += 1
    if k + 1 < n and lower[k] == "of" and lower[k + 1] in ("its", "their", "the", "his", "her"):
        k += 2  # "two of its best-known MPs"
    while k + 1 < n and s.tags[k] in ("JJ", "JJS", "NNP", "VBN") and lower[k] not in _MEMBERS:
        k += 1  # "three Labour members", "two rebel MPs", "its best-known MPs"
    return k < n and lower[k] in _MEMBERS


_ONE_MEMBER: Final = frozenset(m.removesuffix("s") for m in _MEMBERS) | {
    "deputy",
    "mp",
    "msp",
    "mep",
}


def _one_member(s: Sent, j: int, roles: frozenset[str]) -> bool:
    """Whether one unnamed member is the object from token ``j``: "a councillor", "an MP"."""
    lower, n = s.lower, len(s)
    if not (j + 1 < n and lower[j] in ("a", "an", "one")):
        return False
    k = j + 1
    while k + 1 < n and k < j + 3 and s.tags[k] in ("JJ", "NNP") and lower[k] not in _ONE_MEMBER:
        k += 1  # "a Labour councillor", "a local councillor"
    return lower[k] in _ONE_MEMBER or (lower[k] in roles and s.tags[k] == "NN")


_HOPED: Final = frozenset(
    {"hope", "hoped", "hopes", "hoping", "want", "wanted", "wants", "bid", "try", "tried",
     "trying", "seek", "sought", "seeking", "aim", "aimed", "aims", "plan", "planned", "plans",
     "expected", "likely", "favourite", "favorite", "chance", "failed", "fails", "set"}
)  # fmt: skip


def _won_then(s: Sent, i: int) -> bool:
    """Whether *to win* at ``i`` tells a result: "defeated X to win", not "hoped to win"."""
    lower = s.lower
    if not (i > 0 and lower[i - 1] == "to"):
        return False
    lo = max(0, i - 8)
    return any(lower[x] in _BEAT and s.tags[x] == "VBD" for x in range(lo, i)) and not any(
        lower[x] in _HOPED or _modal(s, x) for x in range(lo, i - 1)
    )


def _subject_of(d: _Draft) -> str | None:
    return next((p.ref for p in d.participants if p.role in ("subject", "defector")), None)


_POLICY_VERBS: Final = frozenset(
    {"back", "approve", "endorse", "reject", "accept", "ratify", "join", "enter", "leave",
     "support", "oppose", "form", "end", "quit", "merge", "dissolve", "adopt", "scrap"}
)  # fmt: skip


def _members_voted_to(s: Sent, ms: MentionList, ents: Mentions, i: int) -> bool:
    """Whether a party's members *voted ... to back/reject...* at ``i``: a vote inside the party.

    The subject is a party or its members ("Members of the CDA", "SPD members",
    "delegates"); votes *to remove* or *to expel* someone are left to the sanction.
    """
    lower, n = s.lower, len(s)
    k = next((x for x in range(i + 1, min(n, i + 10)) if lower[x] == "to"), -1)
    if k < 0 or k + 1 >= n or lower[k + 1] not in _POLICY_VERBS:
        return False
    if any(lower[x] in (",", ";") for x in range(i + 1, k)):
        return False
    for x in range(i - 1, max(-1, i - 8), -1):
        if lower[x] in _MEMBERS:
            return True
        m = ms.covering(x)
        if m is not None:
            e = ents.entities[m.entity]
            if e.type == FACTION and e.faction_kind is FactionKind.PARTY:
                return any(lower[y] in _MEMBERS for y in range(max(0, m.first - 3), m.first)) or (
                    m.last == i
                )
            if e.type == PERSON:
                return False
    return False


_ROLE_DETERMINERS: Final = frozenset({"the", "its", "his", "her", "their", "'s", "'"})
_CLAUSE_OPEN: Final = frozenset(
    {",", "and", "but", "when", "after", "as", "then", "later", "meanwhile", "that", "because",
     "before", "while", "since"}
)  # fmt: skip


def _role_subject(s: Sent, i: int, roles: frozenset[str]) -> bool:
    """Whether an office holder named by role is the subject of the verb at ``i``.

    *The deputy leader stood down on Monday*, *the party's treasurer resigned*,
    *the MP was suspended*: a definite role phrase opening the clause.
    """
    lower, tags = s.lower, s.tags
    k = i - 1
    while k > 0 and (lower[k] in _BE or lower[k] in ("has", "have", "had") or tags[k] == "RB"):
        k -= 1
    if k < 1 or lower[k] not in roles or lower[k] in _MEMBERS or lower[k].endswith("s"):
        return False  # one office holder: "the members resigned" may repeat a group reported
    for d in range(k - 1, max(-1, k - 5), -1):
        if lower[d] in _ROLE_DETERMINERS:
            if lower[d] in ("'s", "'"):
                continue  # "the party's treasurer": look on for the clause's opening
            return d == 0 or lower[d - 1] in _CLAUSE_OPEN
        if not (tags[d].startswith(("JJ", "NN")) or lower[d] in roles):
            return False
    return False


def _to_found(s: Sent, j: int) -> bool:
    """Whether "to form/found/launch" a new group follows within eight tokens of ``j``."""
    lower, n = s.lower, len(s)
    for k in range(j, min(n - 1, j + 8)):
        if lower[k] in (".", ";", ",") and k > j:
            return False
        if lower[k] == "to" and lower[k + 1] in ("form", "found", "launch", "create", "set"):
            return True
    return False


def _the_party(s: Sent, j: int) -> bool:
    """Whether tokens from ``j`` read *the party* and end there: "quit the party on Monday".

    Not "the party's executive" or "the party leadership": an organ of the party.
    """
    lower, n = s.lower, len(s)
    if not (j + 1 < n and lower[j] == "the" and lower[j + 1] == "party"):
        return False
    return j + 2 >= n or not (s.tags[j + 2].startswith("NN") or lower[j + 2] in ("'s", "'"))


#: Words that make "X challenged Y" a contest for the leadership: "losing a spill motion".
_CONTEST_WORDS: Final = frozenset(
    {"spill", "ballot", "party-room", "partyroom", "leadership", "leader", "caucus", "votes"}
)


def _challenged_leader(s: Sent, ms: MentionList, ents: Mentions, i: int) -> bool:
    """Whether the challenge verb at ``i`` has a person as object and a contest in its sentence.

    *Kevin Andrews unsuccessfully challenged Turnbull, losing a spill motion*;
    not *challenged Smith to a debate* nor *challenged Smith's account*.
    """
    lower, n = s.lower, len(s)
    m = ms.after(i + 1, 1)
    if m is None or ents.entities[m.entity].type != PERSON:
        return False
    if m.last < n and lower[m.last] in ("to", "'s", "'", "over", "on", "about"):
        return False
    return any(lower[k] in _CONTEST_WORDS for k in range(m.last, min(n, m.last + 12)))


def _whip_end(s: Sent, i: int, end: int) -> int:
    """The end of "stripped 21 MPs of the whip" as evidence when the trigger is its verb."""
    if s.lower[i] in _WHIP_VERBS:
        for k in range(i + 1, min(len(s), i + 9)):
            if s.lower[k] == "whip":
                return max(end, s.ends[k])
    return end


def _has_subject(d: _Draft) -> bool:
    return any(p.role == "subject" for p in d.participants)


def _announced(s: Sent, k: int, kind: EventKind, negated: bool = False) -> bool:
    """Whether the modal at token ``k`` announces a resignation rather than imagines one.

    *X will stand down*, *X announced she would step aside*: announced; but
    not *would step aside if...*, *urged him to quit*, *will not resign*.
    """
    if kind is not EventKind.RESIGNATION or s.lower[k] not in ("will", "would", "'ll"):
        return False
    lower = s.lower
    n = len(lower)
    if any(w in _CONDITIONAL for w in lower) or (
        not negated and k + 1 < n and lower[k + 1] in ("not", "n't")
    ):
        return False
    if lower[k] == "would":
        # "told a meeting of the parliamentary party on Wednesday that he would step down"
        return any(lower[x] in _ANNOUNCE for x in range(max(0, k - 14), k))
    return True


def _latest_person(
    doc: Doc, ents: Mentions, s: Sent, k: int, other_than: str | None
) -> Mention | None:
    """The person named last before token ``k`` (this sentence or the one before), not ``other_than``."""
    for si in (s.index, s.index - 1):
        if si < 0:
            break
        pms = ents.by_sent[si]
        found = pms.backwards(k, k - 40) if si == s.index else reversed(pms)
        for m in found:
            if si == s.index and m.last > k:
                continue
            if ents.entities[m.entity].type == PERSON and m.entity != other_than:
                return m
    return None


def _opening_person(doc: Doc, s: Sent, ms: MentionList, ents: Mentions, i: int) -> Mention | None:
    """The person opening the sentence (a name or *he*/*she*), subject of a coordinated verb at ``i``."""
    k = 0
    while k < i and s.lower[k] in ("but", "and", "then", "later", "meanwhile"):
        k += 1
    if k < i and s.lower[k] in _PRONOUN_SUBJECTS:
        return antecedent(doc, ents, s.index, k)
    m = ms.after(k, 1)
    if m is not None and m.last < i and ents.entities[m.entity].type == PERSON:
        return m
    return None


def _mention_before(ms: MentionList, i: int, window: int) -> Mention | None:
    for m in ms.backwards(i, i - window - 12):
        if m.last <= i:
            return m if i - m.last <= window else None
    return None


def _mention_after(ms: MentionList, j: int, window: int) -> Mention | None:
    return ms.after(j, window)


def _event(
    doc: Doc,
    s: Sent,
    ms: MentionList,
    ents: Mentions,
    i: int,
    j: int,
    kind: EventKind,
    sent_dates: list[DateMention],
    roles: frozenset[str] = frozenset(),
) -> _Draft | None:
    lower, tags, words = s.lower, s.tags, s.words
    n = len(lower)
    start, end = s.starts[i], s.ends[j - 1]
    in_quote = doc.quote_at(start, end) is not None
    # "Errejón quit Podemos": a trigger right after a name is a verb whatever its tag
    after_name = (
        i > 0
        and ms.covering(i - 1) is not None
        and lower[i - 1] not in ("'s", "'")  # "John Smith's sacking": a noun
        and not lower[i].endswith(("ion", "ions", "al", "als"))
    )
    # "Twenty-nine lawmakers quit": a verb after counted members whatever its tag
    after_members = i > 0 and lower[i - 1] in _MEMBERS and not lower[i].endswith(_NOUN_ENDINGS)
    # "Their co-leader, Metiria Turei, quit on August 9": a verb after an appositive name
    after_appositive = (
        i > 1
        and lower[i - 1] == ","
        and ms.covering(i - 2) is not None
        and not lower[i].endswith(_NOUN_ENDINGS)
        and (i + 1 >= n or not tags[i + 1].startswith(("NN", "VB")))
    )
    # "X was ousted as leader": a participle after *was* whatever its tag
    after_be = i > 0 and lower[i - 1] in _BE and lower[i].endswith("ed")
    verbal = kind in _VERBAL and (
        tags[i].startswith("VB") or after_name or after_members or after_appositive or after_be
    )
    # "John Smith's sacking", "the sacking of X": a noun
    gerund = tags[i] == "VBG" and i > 0 and lower[i - 1] in _GERUND_OWNERS
    if gerund:
        verbal = False
    if (
        kind is EventKind.RESIGNATION
        and lower[i] == "resigned"
        and i > 0
        and lower[i - 1] in _BE
        and j < n
        and lower[j] == "to"
    ):
        return None  # "was resigned to defeat": accepted, not resigned
    if kind in _VERBAL and lower[i] == "not":
        # "announced that he would not seek re-election": an exit announced, not a negation
        if not (i > 0 and lower[i - 1] in ("would", "will") and _announced(s, i - 1, kind, True)):
            return None
        verbal = True
    elif kind in _VERBAL and not verbal and not tags[i].startswith("NN") and not gerund:
        return None
    if verbal:
        if in_quote or (words and words[-1] == "?"):
            return None
        if any(
            lower[k] in _DENIED or (lower[k] == "out" and lower[k - 1] in _RULED)
            for k in range(max(1, i - 3), i)
        ):
            return None  # "ruled out defecting", "denied quitting": no event
        for k in range(max(0, i - 3), i if lower[i] != "not" else 0):
            if (
                _modal(s, k)
                and not _announced(s, k, kind)
                and not (lower[k] == "to" and _decided(s, k))
            ):
                return None
    elif kind in _VERBAL:
        if kind in _DONE_TO and j < n and lower[j] in _TRIED:
            return None  # "survived a deselection attempt": tried, not done
        # "calls for his resignation", "demanded her expulsion": asked for, not done
        for k in range(max(0, i - 4), i):
            if _modal(s, k) or lower[k] in _ASKED:
                return None
    if kind in _PLANNABLE and any(
        lower[k] in _PLANNED
        or (
            lower[k] in _ASKED
            and kind is not EventKind.COUP
            # "called a leadership spill": held, not asked for (but "called for a spill")
            and not (lower[k] == "called" and lower[k + 1] in ("a", "an"))
        )
        for k in range(max(0, i - 4), i)
    ):  # a coup one warns of is still reported (as alleged)
        return None  # "preparing a leadership challenge", "plot a coup": not (yet) an event
    if kind is EventKind.SPLIT and any(
        lower[k] in _ASKED or _modal(s, k) for k in range(max(0, i - 4), i)
    ):
        return None  # "risked a split", "warned of a possible split"
    if kind is EventKind.SPLIT and not (
        (tags[i].startswith("NN") and i > 0 and tags[i - 1] in ("DT", "JJ", "PRP$", "POS"))
        or (lower[i] == "broke" and j - i == 2 and lower[i + 1] == "away")  # "MPs who broke away"
        or (  # "the party split in two over Brexit", "the PDP-Laban party split into two camps"
            i >= 2
            and lower[i - 1] == "party"
            and (lower[i - 2] == "the" or _covering_type(ms, ents, i - 2) == FACTION)
            and (j >= n or lower[j] in _SPLIT_NEXT)
        )
        or (
            after_name
            and _covering_type(ms, ents, i - 1) == FACTION
            and (j >= n or lower[j] in _SPLIT_NEXT)
        )
        or (  # "Angelino Alfano split from Silvio Berlusconi": a person leads a split
            after_name
            and tags[i].startswith("VB")
            and j + 1 < n
            and lower[j] == "from"
            and _covering_type(ms, ents, i - 1) == PERSON
            and _covering_type(ms, ents, j + 1) is not None
        )
    ):
        return None  # "split the vote" is not a split; "Die Linke split" is
    if (
        kind is EventKind.PRIMARY
        and j < n
        and tags[j].startswith("NN")
        and lower[j] not in _ELECTION_NOUNS
    ):
        return None
    if (
        kind is EventKind.LEADERSHIP_ELECTION
        and lower[j - 1] == "leadership"
        and j < n
        and tags[j] in ("VBD", "VBZ", "VBP", "MD")
    ):
        return None  # "the party leadership had tried": the leaders, not an election
    if (
        kind is EventKind.PRIMARY
        and lower[i].startswith("primar")
        and tags[i] not in ("NN", "NNS", "NNP")
        # "the leadership primary", "the presidential primary": a noun whatever its tag
        and not (i > 0 and lower[i - 1] in _PRIMARY_MODIFIERS)
        # "launched his primary challenge", "a primary contest": the phrase names the contest
        and not (j - i >= 2 and lower[j - 1] in _ELECTION_NOUNS)
    ):
        return None
    if kind is EventKind.DISMISSAL and lower[i] in _UNSEATED:
        poll = next(
            (
                w
                for x in range(j, min(n - 1, j + 5))
                if lower[x - 1] == "in" and lower[x] in ("a", "the")
                # "in a primary", "in the general election", "in the Republican primary"
                for w in lower[x + 1 : x + 3]
                if w in _POLLS
            ),
            None,
        )
        if poll in ("primary", "primaries"):
            kind = EventKind.PRIMARY  # "was ousted in a primary": beaten at the polls
        elif poll is not None:
            return None  # "was ousted in the election": the election's result
    if (
        lower[i] == "walked"
        and j < n
        and lower[j] == "of"
        and any(lower[x] in _GATHERINGS for x in range(j + 1, min(n, j + 4)))
    ):
        return None  # "walked out of the party meeting": left the room, not the party
    if lower[i] == "departure" and not (
        any(lower[x].startswith(("announc", "confirm")) for x in range(max(0, i - 4), i))
        or (j + 1 < n and lower[j] == "from")
    ):
        return None  # "said his departure was long overdue": a mention, not a report
    participants: list[Participant] = []
    organization: str | None = None
    name: str | None = None
    location: str | None = None
    outcome: str | None = None
    first = i
    alleged = False
    extra: list[tuple[int, int]] = []
    conf = 0.75

    def ent(m: Mention | None) -> str | None:
        return None if m is None else m.entity

    def etype(m: Mention | None) -> str | None:
        return None if m is None else ents.entities[m.entity].type

    if kind in _ELECTIONS or kind in (EventKind.LEADERSHIP_CHALLENGE, EventKind.NO_CONFIDENCE_VOTE):
        # a place name right before: "the Stoke-on-Trent Central by-election"
        k = i
        while k > 0 and i - k < 6:
            if (
                _capital(words[k - 1])
                and lower[k - 1] not in _FUNCTION
                and not _is_mentioned(ms, k - 1)
            ):
                k -= 1
            elif (
                kind is EventKind.BY_ELECTION
                and k < i
                and lower[k - 1] == "and"
                and k >= 2
                and _capital(words[k - 2])
                and not _is_mentioned(ms, k - 2)
            ):
                k -= 1  # "the Batley and Spen by-election"
            else:
                break
        if k < i and kind in (EventKind.BY_ELECTION, EventKind.GENERAL_ELECTION, EventKind.PRIMARY):
            location = doc.text[s.starts[k] : s.ends[i - 1]]
            first = k
            name = f"{location} {doc.text[start:end]}"
        elif k == i and i > 0 and kind in _ELECTIONS and _is_year(words[i - 1]):
            first = i - 1  # "the 2019 general election"
            name = doc.text[s.starts[i - 1] : end]
        # an organization right before: "the Unite leadership election", "Labour's leadership contest"
        m = _mention_before(ms, first, 1)
        if m is not None and m.last < first and lower[m.last] not in ("'s", "'"):
            m = None
        if m is not None and etype(m) == FACTION:
            organization = _party_of(ents, m.entity)
            if kind in (
                EventKind.LEADERSHIP_ELECTION,
                EventKind.LEADERSHIP_CHALLENGE,
                EventKind.PRIMARY,
            ) and not tags[i].startswith("VB"):  # "the New Democrats chose X": no name
                name = f"{ents.entities[m.entity].name} {doc.text[start:end]}"
        elif (
            m is not None
            and etype(m) == PERSON
            and kind is EventKind.LEADERSHIP_CHALLENGE
            and lower[i] not in _CHALLENGE_VERBS
        ):
            participants.append(Participant(ref=m.entity, role="target"))
        if organization is None and j + 1 < n and lower[j] in ("of", "in", "for"):
            m2 = _mention_after(ms, j + 1, 2)
            if m2 is not None and etype(m2) == FACTION:
                organization = _party_of(ents, m2.entity)
        if lower[i] in _REPLACED:
            # "Nigel Farage was replaced as leader by Paul Nuttall", "X succeeded Y as leader"
            passive = i > 0 and lower[i - 1] in _BE
            before = _mention_before(ms, i - 1 if passive else i, 1)
            after = None
            for k in range(j, min(n, j + 8)):
                if lower[k] == "by" and passive:
                    after = _mention_after(ms, k + 1, 1)
                    break
            if not passive:
                after = _mention_after(ms, j, 1)
            new, old_ = (after, before) if passive else (before, after)
            if new is not None and etype(new) == PERSON:
                participants.append(Participant(ref=new.entity, role="winner"))
            if old_ is not None and etype(old_) == PERSON:
                participants.append(Participant(ref=old_.entity, role="predecessor"))
        elif (
            lower[i] in _ELECTED_VERBS
            or lower[i] in _CHOSE
            or (kind is EventKind.LEADERSHIP_ELECTION and lower[i] in _NEW_LEADER_VERBS)
        ):
            # "Friedrich Merz was elected CDU leader", "X, who was chosen as interim leader"
            passive = i > 0 and lower[i - 1] in _BE
            k = i - 1 if passive else i
            if passive and k >= 2 and lower[k - 1] == "who" and lower[k - 2] == ",":
                k -= 2
            winner = _mention_before(ms, k, 1)
            if winner is None and passive and k > 1 and lower[k - 1] == ",":
                # "Louise Harel, the party's house leader, was chosen as interim leader"
                winner = _appositive_head(s, ms, ents, k - 1)
            if lower[i] in _CHOSE and not passive and lower[i] not in ("elected", "re-elected"):
                winner = ms.after(i + 1, 1)  # "the members chose X as leader"
            if winner is not None and etype(winner) == PERSON:
                participants.append(Participant(ref=winner.entity, role="winner"))
            elif lower[i] in ("became", "becomes") or lower[i] in _NEW_LEADER_VERBS:
                # "A hall was named after the former leader": no one named leader
                return None  # "since he became leader": background, and no one named
            m6 = ms.after(j, 3)
            if m6 is not None and etype(m6) == FACTION:
                organization = _party_of(ents, m6.entity)
        if lower[i] == "challenge" and j + 1 < n and lower[j] == "from":
            m8 = _mention_after(ms, j + 1, 1)
            if m8 is not None and etype(m8) == PERSON:
                participants.append(Participant(ref=m8.entity, role="challenger"))
        if lower[i] in _CHALLENGE_VERBS and lower[i] != "challenge":
            # "Kevin Rudd challenged Julia Gillard for the Labor leadership"
            challenger = _mention_before(ms, i, 2)
            if challenger is not None and etype(challenger) == PERSON:
                participants.append(Participant(ref=challenger.entity, role="challenger"))
            target = _mention_after(ms, j, 1)
            if target is not None and etype(target) == PERSON:
                participants.append(Participant(ref=target.entity, role="target"))
            for k in range(j, min(n, j + 8)):
                if lower[k] == "leadership":
                    m4 = _mention_before(ms, k, 1)
                    if m4 is not None and m4.first >= j and etype(m4) == FACTION:
                        organization = _party_of(ents, m4.entity)
                    break
        if kind in (
            EventKind.BY_ELECTION,
            EventKind.GENERAL_ELECTION,
            EventKind.PRIMARY,
            EventKind.LEADERSHIP_ELECTION,
            EventKind.LEADERSHIP_CHALLENGE,
        ):
            outcome = _outcome(s, ms, ents, first, j, participants)
        if kind is EventKind.NO_CONFIDENCE_VOTE:
            # "Theresa May survived a vote of no confidence"
            k = i - 1
            while k > 0 and lower[k] in ("a", "the", "an", "second", "first"):
                k -= 1
            if k > 0 and lower[k] in _FACED:
                m7 = _mention_before(ms, k, 1)
                if m7 is not None and etype(m7) == PERSON:
                    participants.append(Participant(ref=m7.entity, role="target"))
        if (
            kind in (EventKind.LEADERSHIP_CHALLENGE, EventKind.NO_CONFIDENCE_VOTE)
            and j < n
            and lower[j] in ("against", "to", "in", "of", "on")
        ):
            # "a challenge to Corbyn's leadership", "a vote of no confidence in May"
            m3 = _mention_after(ms, j + 1, 2)
            if m3 is not None and etype(m3) == PERSON:
                participants.append(Participant(ref=m3.entity, role="target"))
        conf = 0.85
    elif kind is EventKind.COUP:
        alleged = in_quote or any(lower[k] in _ALLEGED for k in range(max(0, i - 2), i))
        m = _mention_after(ms, j, _WINDOW)
        if m is not None and etype(m) == PERSON:
            # "a coup to undermine Corbyn's leadership"; "orchestrated by the barons around X"
            cue = {lower[k] for k in range(max(j, m.first - 5), m.first)}
            if cue & _AGAINST:
                participants.append(Participant(ref=m.entity, role="target"))
            elif "by" in cue:
                participants.append(Participant(ref=m.entity, role="instigator"))
        k = i - 1
        while k > 0 and lower[k] in (
            "soft",
            "alleged",
            "so-called",
            "attempted",
            "failed",
            "a",
            "the",
        ):
            k -= 1
        conf = 0.6 if alleged else 0.7
        if not alleged:
            act = _coup_act(doc, s, i, mentions_of=ents)
            if act is not None:
                extra.append(act[:2])
                organization = act[2]
    elif kind in _VERBAL:
        passive = (
            verbal
            and i > 0
            and (lower[i - 1] in _BE or (i > 1 and lower[i - 2] in _BE and tags[i - 1] == "RB"))
        ) or (  # "had the whip removed", "stripped of the whip": done to the subject
            lower[i] in ("had", "lost")
            or (lower[i] == "stripped" and i + 1 < n and lower[i + 1] == "of")
        )
        if (
            kind in _DONE_TO
            and verbal
            and not passive
            and lower[i].endswith("ed")
            and j < n
            and lower[j] in ("as", "from")
            and _covering_type(ms, ents, i - 1) == PERSON
        ):
            passive = True  # a headline's "X sacked as shadow chancellor": done to X
        subj = _mention_before(ms, i, 6)
        if subj is None and i > 0 and lower[i - 1] == ",":
            # "Toni Roldán, the party's economic spokesman, quit": skip the appositive
            for c in range(i - 2, max(0, i - 12), -1):
                if lower[c] == "," and lower[c + 1] in ("the", "a", "an", "his", "her", "its"):
                    subj = _mention_before(ms, c, 0)
                    break
        p = i - 1
        while p > 0 and (
            lower[p] in _BE
            or lower[p]
            in ("has", "have", "had", "would", "will", "'ll", "'d")  # "he would step down"
            or tags[p] == "RB"
        ):
            p -= 1
        if p >= 0 and lower[p] in _PRONOUN_SUBJECTS:
            subj = antecedent(doc, ents, s.index, p)  # "after he was forced to resign"
        elif p > 0 and lower[p] == ",":
            # "Éric Ciotti, the leader of Les Républicains, was expelled", "Ghulam Nabi Azad,
            # one of the party's most senior leaders, quit": the appositive's head
            head = _appositive_head(s, ms, ents, p)
            if head is not None:
                subj = head
        obj = _mention_after(ms, j, 3)
        if (
            kind is EventKind.DISMISSAL
            and lower[i].startswith("dismiss")
            and any(lower[x] == "as" for x in range(j, min(n, j + 6)))
        ):
            return None  # "dismissed Anderson as a showman": a criticism, not a sacking
        if (
            kind in _DONE_TO
            and verbal
            and not passive
            and obj is None
            and j < n
            and lower[j] in ("him", "her")
            and tags[j] == "PRP"
        ):
            # "the Conservatives suspended him": the latest person named before
            obj = _latest_person(doc, ents, s, j, ent(subj))
        if kind in _DONE_TO and verbal and not passive and obj is None:
            w_ = next((x for x in range(i - 1, max(-1, i - 6), -1) if lower[x] == "whom"), -1)
            if w_ > 1 and lower[w_ - 1] == ",":
                obj = _mention_before(ms, w_ - 1, 0)  # "X, whom Gething had sacked in May"
                subj = _mention_before(ms, i, 3)
        if kind in _DONE_TO and verbal:
            if passive:
                if subj is None or etype(subj) != PERSON:
                    if not (subj is None and _role_subject(s, i, roles)):
                        return None  # but "the MP was suspended for two weeks"
                else:
                    participants.append(Participant(ref=subj.entity, role="subject"))
                agent = None
                for k in range(j, min(n, j + 8)):
                    if lower[k] == "by":  # "sacked from the shadow cabinet by Keir Starmer"
                        agent = _mention_after(ms, k + 1, 2)
                        break
                if agent is not None:
                    participants.append(Participant(ref=agent.entity, role="agent"))
            elif obj is not None and etype(obj) == PERSON:
                participants.append(Participant(ref=obj.entity, role="subject"))
                if subj is not None:
                    participants.append(Participant(ref=subj.entity, role="agent"))
            elif _member_group(s, ms, ents, j) is not None:
                # "Starmer has suspended seven Labour MPs": members of a group
                organization = _member_group(s, ms, ents, j)
                if subj is not None:
                    participants.append(Participant(ref=subj.entity, role="agent"))
            elif _counted_members(s, j) or _one_member(s, j, roles):
                # "the National Executive Committee expelled three members", "expelled a councillor"
                if subj is not None:
                    participants.append(Participant(ref=subj.entity, role="agent"))
                    if etype(subj) == FACTION:
                        organization = _party_of(ents, subj.entity)
            else:
                return None
        elif kind in _DONE_TO:
            # nouns: "the suspension of X", "X's expulsion"
            m = _mention_after(ms, j, 2) if j < n and lower[j] == "of" else None
            if m is None and i >= 2 and lower[i - 1] in ("'s", "'"):
                m = _mention_before(ms, i - 1, 0)
            if m is None and i >= 1 and lower[i - 1] in ("his", "her"):
                m = antecedent(doc, ents, s.index, i - 1)  # "announced her suspension"
            if m is not None and etype(m) == PERSON:
                participants.append(Participant(ref=m.entity, role="subject"))
            elif kind is not EventKind.DESELECTION and kind is not EventKind.EXPULSION:
                return None
        else:
            # resignation, defection: the subject acts
            who = subj if verbal else None
            if verbal and (who is None or etype(who) != PERSON) and i > 0 and lower[i - 1] == "and":
                who = _opening_person(doc, s, ms, ents, i) or who  # "X led Labor ... and resigned"

            if obj is None or etype(obj) != FACTION:
                far = _mention_after(ms, j, 5)  # "quit South Korea's ruling Saenuri Party"
                if far is not None and etype(far) == FACTION and _party_described(s, j, far.first):
                    obj = far
            left_party = (
                obj is not None
                and etype(obj) == FACTION
                and ents.entities[obj.entity].faction_kind is FactionKind.PARTY
                and (
                    obj.first == j
                    or (obj.first == j + 1 and lower[j] in ("the", "of"))  # "walked out of X"
                    or (obj.first == j + 2 and lower[j] == "of" and lower[j + 1] == "the")
                    or _party_described(s, j, obj.first)  # "quit South Korea's ruling X"
                )
                # "quit the Labour frontbench", "step down as Republican leader": not the party
                and not (obj.last < n and s.tags[obj.last].startswith("NN"))
            )
            if kind in (EventKind.RESIGNATION, EventKind.DEFECTION) and verbal and left_party:
                kind = EventKind.DEFECTION  # "quit the Democrats", "left the Democratic Party"
                organization = obj.entity if obj is not None else None
            elif (
                kind is EventKind.RESIGNATION
                and verbal
                and lower[i] in ("quit", "quits", "walked", "resigned", "left")
                and _to_found(s, j)
            ):
                kind = EventKind.DEFECTION  # "walked out with sixty lawmakers to form a new group"
            elif (
                kind in (EventKind.RESIGNATION, EventKind.DEFECTION)
                and verbal
                # "quit the party", "walked out of the party"
                and (_the_party(s, j) or (j < n and lower[j] == "of" and _the_party(s, j + 1)))
                and not _organ_subject(s, i)  # "Its entire executive board quit the party"
            ):
                kind = EventKind.DEFECTION  # "quit the party together with nine other MPs"
                organization = ents.main_party()
            if not verbal:
                if j < n and lower[j] == "of":
                    who = _mention_after(ms, j + 1, 1)
                elif i >= 2 and lower[i - 1] in ("'s", "'"):
                    who = _mention_before(ms, i - 1, 0)
                elif i >= 1 and lower[i - 1] in ("his", "her"):
                    who = antecedent(doc, ents, s.index, i - 1)  # "announced his resignation"
            if who is None and not verbal and in_quote:
                return None  # "accused X of 'a reshuffle by resignation'": a word quoted
            if who is None and not verbal and not lower[i].endswith(_NOUN_ENDINGS):
                return None  # "quit" mistagged as a noun, with no one who quit
            if (
                who is not None
                and etype(who) == FACTION
                and who.last < n
                and lower[who.last] in _MEMBERS
            ):
                organization = who.entity  # "several Podemos deputies defected"
            elif who is None or etype(who) != PERSON:
                if verbal and not (
                    kind in (EventKind.RESIGNATION, EventKind.DEFECTION)
                    and (
                        _mass_subject(s, i)
                        or _organ_subject(s, i)
                        or (who is None and _role_subject(s, i, roles))
                    )
                ):
                    return None  # but "more than 20 members of his shadow cabinet resigned"
            else:
                participants.append(
                    Participant(
                        ref=who.entity,
                        role="defector" if kind is EventKind.DEFECTION else "subject",
                    )
                )
        # the organization left, suspended from, expelled from
        for k in range(j, min(n, j + 8) if organization is None else j):
            if lower[k] in ("from", "of", "as"):
                m = _mention_after(ms, k + 1, 2)
                if m is None and lower[k] == "as":
                    continue  # "forced out as leader of the Partido Popular"
                if m is not None and etype(m) == FACTION:
                    organization = m.entity
                break
        if kind is EventKind.DEFECTION:
            for k in range(j, min(n, j + 10)):
                if lower[k] in ("to", "joined", "joining"):
                    m = _mention_after(ms, k + 1, 2)
                    if m is not None and etype(m) == FACTION:
                        participants.append(Participant(ref=m.entity, role="destination"))
                    break
        conf = 0.75
    if organization is None and kind is EventKind.SPLIT and after_name:
        m5 = ms.covering(i - 1)
        if m5 is not None and etype(m5) == FACTION:
            organization = m5.entity
    if organization is None and kind in (EventKind.SPLIT,):
        m = _mention_after(ms, j, 4)
        if m is not None and etype(m) == FACTION:
            organization = m.entity
    dates = sent_dates
    return _Draft(
        kind=kind,
        name=name,
        location=location,
        organization=organization,
        participants=participants,
        outcome=outcome,
        spans=[(s.starts[first], _ballot_end(s, i, _whip_end(s, i, end))), *extra],
        date=dates[0].date if dates else None,
        alleged=alleged,
        confidence=conf,
        sentence=s.index,
        interim=kind is EventKind.LEADERSHIP_ELECTION
        and any(lower[x] in _INTERIM for x in range(j, min(n, j + 4))),
    )


_QUANTIFIERS: Final = frozenset(
    {"several", "dozens", "dozen", "many", "more", "scores", "hundreds", "some", "two", "three",
     "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve", "twenty",
     "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety", "hundred"}
)  # fmt: skip


_TIME_NOUNS: Final = frozenset(
    {"day", "week", "month", "year", "fortnight", "decade", "few", "couple", "short", "little"}
)


def _time_after(s: Sent, k: int) -> bool:
    """Whether token ``k`` names a time ("a week later", "a few days after", "a year ago")."""
    return k < len(s) and s.lower[k] in _TIME_NOUNS


def _joined_splitters(s: Sent, ms: MentionList, ents: Mentions) -> list[tuple[int, int, EventKind]]:
    """After a split: "X joined Alfano" (a person, not a party or a cabinet) is a defection."""
    out = []
    for i, w in enumerate(s.lower):
        if (
            w in ("joined", "joins")
            and s.tags[i].startswith("VB")
            and i > 0
            and (
                _covering_type(ms, ents, i - 1) == PERSON
                # "Renato Schifani, the leader of the party's senators, joined Alfano"
                or (s.lower[i - 1] == "," and _appositive_head(s, ms, ents, i - 1) is not None)
            )
            and _covering_type(ms, ents, i + 1) == PERSON
        ):
            out.append((i, i + 1, EventKind.DEFECTION))
    return out


def _modal(s: Sent, k: int) -> bool:
    """Whether word ``k`` makes what follows hypothetical; "In May", "Theresa May" are no modal."""
    return s.lower[k] in _MODAL and s.words[k] != "May"


def _mass_subject(s: Sent, i: int) -> bool:
    """Whether counted members are the subject of the verb at token ``i``.

    *More than 20 members of his shadow cabinet resigned*, *three ministers
    quit*: a member noun (*members*, *MPs*, *ministers*...) within eight
    tokens before the verb, with a number or quantifier at most three tokens
    before it, and no finite verb in between.
    """
    lower, tags = s.lower, s.tags
    for k in range(i - 1, max(-1, i - 9), -1):
        if tags[k] in ("VBD", "VBZ", "VBP", "MD") or lower[k] in (",", ";", "that", "who"):
            return False
        if lower[k] in _MEMBERS:
            return any(
                tags[x] == "CD"
                or lower[x] in _QUANTIFIERS
                or any(part in _QUANTIFIERS for part in lower[x].split("-"))  # "twenty-nine"
                for x in range(max(0, k - 3), k)
            )
    return False


def _owner_before(s: Sent, ms: MentionList, k: int) -> Mention | None:
    """The mention that owns or is the subject of token ``k``: ``Labour's "humiliating" defeat``."""
    for m in ms.backwards(k, k - 20):
        if m.last > k:
            continue
        if k - m.last > 6:
            return None
        quoted = False
        for x in range(m.last, k):
            w = s.lower[x]
            if w in _QUOTE_MARKS:
                quoted = not quoted
            elif not (quoted or w in _BETWEEN or s.tags[x] in ("JJ", "RB", "MD", "VBG", "VBN")):
                return None
        return m
    return None


def _coup_act(
    doc: Doc, s: Sent, i: int, *, mentions_of: Mentions
) -> tuple[int, int, str | None] | None:
    """What a coup "described as a coup" consisted of: the latest act in this or the two previous sentences.

    Returns:
        ``(start, end)`` of the act's clause and the organization it was done to, if named.
    """
    for si in range(s.index, max(-1, s.index - 3), -1):
        sent = doc.sents[si]
        stop = i if si == s.index else len(sent)
        for k in range(stop - 1, -1, -1):
            if sent.lower[k] in _COUP_ACTS:
                a = max(0, k - 4)
                while a < k and sent.lower[a] in (",", ";", "'s", "'"):
                    a += 1
                org: str | None = None
                for m in mentions_of.by_sent[si].backwards(k, k - 20):
                    if (
                        m.last <= k
                        and k - m.last <= 6
                        and mentions_of.entities[m.entity].type == FACTION
                    ):
                        org = m.entity
                return sent.starts[a], sent.ends[k], org
    return None


def _party_of(ents: Mentions, eid: str) -> str:
    """A wing's or caucus's parent party, else the faction itself."""
    e = ents.entities[eid]
    if e.faction_kind not in (FactionKind.PARTY, FactionKind.UNION) and e.parent is not None:
        return e.parent
    return eid


def _is_year(w: str) -> bool:
    return len(w) == 4 and w.isdigit() and w[:2] in ("18", "19", "20")


def _capital(w: str) -> bool:
    return bool(w) and w[0].isupper() and w[0].isalpha()


def _is_mentioned(ms: MentionList, k: int) -> bool:
    return ms.covering(k) is not None


def _outcome(
    s: Sent, ms: MentionList, ents: Mentions, first: int, j: int, participants: list[Participant]
) -> str | None:
    """Who won or lost the election mentioned at ``first..j``, from the same clause."""
    lower = s.lower
    lo = max(0, first - _WINDOW)
    hi = min(len(lower), j + 6)
    for k in range(lo, hi):
        w = lower[k]
        if w not in _WIN and w not in _LOSE:
            continue
        # "Keir Starmer defeated Rebecca Long-Bailey": a win for the subject
        won = w in _WIN or (
            w == "defeated" and s.tags[k] == "VBD" and not (k > 0 and lower[k - 1] in _BE)
        )
        m = _owner_before(s, ms, k)
        if m is None and k > 1 and lower[k - 1] == "," and s.tags[k].startswith("VB"):
            m = _appositive_head(s, ms, ents, k - 1)  # "X, a former minister, won the leadership"
        if (
            m is None
            and w in ("victory", "defeat", "triumph", "humiliation")
            and k + 1 < len(lower)
            and lower[k + 1] == "for"
        ):
            m = _mention_after(ms, k + 2, 1)
        if m is None:
            continue
        e = ents.entities[m.entity]
        if e.type not in (PERSON, FACTION):
            continue
        participants.append(Participant(ref=e.id, role="winner" if won else "loser"))
        short = s.words[m.first] if m.last - m.first == 1 else e.name  # "Labour", "Republicans"
        return f"{short} won" if won else f"{short} defeated"
    return None
