"""Stage 4: who claims what about whom.

A claim is anchored on a **cue**: a reporting verb or phrase of the lexicon
(*said*, *warned*, *called on*, *accused*, *backed*...), a reported act
(*attempts to kick out*, *campaign to oust*), or ``according to X``. For each
cue outside a quotation:

- the **claimant** is the nearest actor or faction before the cue that can be
  a subject (not after *of*, *to*, *against*..., not a possessive modifier,
  and the person rather than the faction inside an appositive such as
  *John McDonnell, veteran of the Labour Left, has warned*); after a
  quotation (*"...," said Jones*) or in the passive (*backed by X*) it is the
  actor after the cue;
- the **target** (and for demands the **addressee**) is the first actor or
  faction after the cue when the verb's object is a person or group
  (*called on Corbyn to stand down*, *accused Sánchez of*);
- the **stance** is the verb's default (*accused*: oppose, *praised*:
  support); a demand to *stand down*, *resign*, *quit*... is opposition to
  the addressee; negation (*did not back*) voids it, refusal (*refused to
  back*) flips it;
- the **quote** is the quotation of the sentence next to the cue, straight
  or curly.

Claims made by the text's own author (*the only way forward for the Left is
to...*, *Corbyn must go*) get the claimant ``author:<source id>``.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Mapping
from typing import Final

import attrs

from discourse.model import ActorKind, Claim, ClaimForm, FactionKind, PartialDate, Span, Stance
from discourse.parse.dates import find_dates
from discourse.parse.document import Doc, Sent
from discourse.parse.lexicon import Lexicon, VerbSense
from discourse.parse.mentions import FACTION, PERSON, Mention, MentionList, Mentions, antecedent

__all__ = ["author_id", "find_claims"]

_SUBJECT_BLOCKERS: Final = frozenset(
    {"of", "to", "for", "against", "on", "at", "from", "about", "by", "into", "over", "under", "than",
     "like", "toward", "towards", "behind", "between", "among"}
)  # fmt: skip
_BE: Final = frozenset(
    {"was", "were", "is", "are", "been", "being", "be", "'s", "got", "get", "gets"}
)
_NEG: Final = frozenset({"not", "n't", "never", "no", "nobody", "neither"})
_REFUSE: Final = frozenset(
    {
        "refused",
        "refuses",
        "refuse",
        "declined",
        "declines",
        "decline",
        "failed",
        "fails",
        "refusing",
        "declining",
    }
)
_REMOVAL: Final = frozenset(
    {"resign", "quit", "go", "stand", "step", "withdraw", "leave", "retire", "stop", "abandon", "drop", "end", "make"}
)  # fmt: skip
_REMOVAL_PARTICLE: Final = frozenset({"down", "aside", "away", "out", "way"})
_SUPPORT_VERBS: Final = frozenset(
    {"back", "support", "endorse", "rally", "stand", "vote", "campaign", "remain", "stay"}
)
_OPEN_Q: Final = frozenset({'"', "“", "``", "‘"})
_CLOSE_Q: Final = frozenset({'"', "”", "''", "’"})
_CLAUSE_END: Final = frozenset({";", ":", "?", "!"})
_FINITE: Final = frozenset({"VBD", "VBZ", "VBP", "MD"})
_WINDOW: Final = 30
_OBJECT_WINDOW: Final = 4
_ACTION_WINDOW: Final = 6
_AUX_CUE: Final = frozenset({"has", "have", "had", "will", "would", "'s", "did", "does", "do"})
_AUTHOR_MODALS: Final = frozenset({"must", "should"})
_CLAUSE_OPENERS: Final = frozenset({"the", "but", "and", "so", "now", "surely", "clearly", "yet"})


def author_id(source: str) -> str:
    """The id of the text's own author as a claimant: ``author:<source id>``."""
    return f"author:{source}"


@attrs.define(slots=True, eq=False)
class _Cues:
    table: dict[str, list[tuple[tuple[str, ...], VerbSense]]]
    event_nouns: frozenset[str]
    evaluative: Mapping[str, Stance]


_CUES: dict[int, tuple[Lexicon, _Cues]] = {}


def _cues(lex: Lexicon) -> _Cues:
    hit = _CUES.get(id(lex))
    if hit is not None and hit[0] is lex:
        return hit[1]
    table: dict[str, list[tuple[tuple[str, ...], VerbSense]]] = {}
    for form, sense in lex.verb_forms().items():
        ws = tuple(form.split())
        table.setdefault(ws[0], []).append((ws, sense))
    for entries in table.values():
        entries.sort(key=lambda e: -len(e[0]))
    nouns = frozenset(
        p for p in lex.event_triggers if " " not in p and p.endswith(("ion", "ions", "al", "ment"))
    )
    c = _Cues(table, nouns, lex.evaluative)
    if len(_CUES) > 16:
        _CUES.clear()
    _CUES[id(lex)] = (lex, c)
    return c


@attrs.define(slots=True, eq=False)
class _Memory:
    """What the claims so far said, for the pronouns and retorts of the next ones.

    Attributes:
        targets: Each claimant's latest person target, with its sentence index.
        speaker: The latest claimant, with its sentence index.
        opposed: The latest person a claim opposed, with its sentence index.
        group: The speakers of the latest claim if a group made it (a party,
            *X and Y*, *several MPs, including X*), whom a later *they* means.
    """

    targets: dict[str, tuple[int, Mention]] = attrs.field(factory=dict)
    speaker: tuple[int, Mention] | None = None
    opposed: tuple[int, Mention] | None = None
    group: tuple[int, tuple[Mention, ...]] | None = None

    def target_of(self, claimant: str, si: int) -> Mention | None:
        """The person ``claimant`` targeted in sentence ``si`` or the one before."""
        hit = self.targets.get(claimant)
        return hit[1] if hit is not None and hit[0] >= si - 1 else None


def find_claims(
    doc: Doc,
    mentions: Mentions,
    lexicon: Lexicon,
    *,
    date: PartialDate | None = None,
) -> list[Claim]:
    """Run the claim stage.

    Args:
        doc: The prepared document.
        mentions: The result of the mention stage.
        lexicon: What the parser knows.
        date: The publication date (default date of the claims, anchor of
            relative dates).

    Returns:
        The claims, in text order, with ids ``<source>:c:<offset of the cue>``.
    """
    cues = _cues(lexicon)
    out: list[Claim] = []
    seen: set[int] = set()
    recent: list[tuple[int, Mention]] = []
    spoke = _Memory()
    for s in doc.sents:
        ms = mentions.by_sent[s.index]
        found = _sentence_claims(doc, s, ms, mentions, cues, date, seen, recent, spoke)
        found += _criticism_from(doc, s, ms, mentions, date, seen)
        if not found and out and out[-1].quote is not None:
            found = _continued_quote(doc, s, ms, mentions, out[-1], cues, recent)
        if not found:
            found = _author_claims(doc, s, ms, mentions, date)
        out.extend(found)
    return out


#: "came under fire from X", "faced criticism from X", "won praise from X": X's claim about
#: the subject.
_FROM_NOUNS: Final = {
    **dict.fromkeys(
        ("criticism", "fire", "attack", "attacks", "rebuke", "backlash", "condemnation",
         "scorn", "pressure", "calls", "opposition", "challenge", "challenges", "anger"),
        (ClaimForm.CRITICISM, Stance.OPPOSE),
    ),
    **dict.fromkeys(
        ("praise", "support", "backing", "endorsement", "endorsements", "applause"),
        (ClaimForm.ENDORSEMENT, Stance.SUPPORT),
    ),
}  # fmt: skip


def _criticism_from(
    doc: Doc,
    s: Sent,
    ms: MentionList,
    ents: Mentions,
    date: PartialDate | None,
    seen: set[int],
) -> list[Claim]:
    """``X came under fire from Y``, ``X faced criticism from Y``: Y's claim about X.

    Also ``X won the backing of Y and Z`` (each one's endorsement of X) and
    ``X lost the support of Y`` (Y's turn against X).
    """
    out: list[Claim] = []
    lower = s.lower
    for k in range(1, len(s) - 1):
        if lower[k] == "of" and k >= 2 and lower[k - 1] in _OF_NOUNS and lower[k - 2] == "the":
            lost = any(lower[x] in _LOSE for x in range(max(0, k - 5), k - 2))
            sense = (ClaimForm.CRITICISM, Stance.OPPOSE) if lost else _FROM_NOUNS[lower[k - 1]]
        elif lower[k] != "from" or lower[k - 1] not in _FROM_NOUNS:
            continue
        else:
            sense = _FROM_NOUNS[lower[k - 1]]
        claimant = _after(s, ms, k + 1, 3)
        target = _subject(s, ms, ents, k - 1, main_clause=True)
        if claimant is None or target is None or claimant.entity == target.entity:
            continue
        a = k - 1
        while a > 0 and k - a < 4 and lower[a - 1] not in _CLAUSE_END and s.tags[a - 1] != "NNP":
            a -= 1
            if s.tags[a].startswith("VB"):
                break
        start, end = s.starts[a], s.ends[k]
        if start in seen or doc.quote_at(start, end) is not None:
            continue
        seen.add(start)
        dates = find_dates(doc.text, date, s.start, s.end)
        first = Claim(
            id=f"{doc.source}:c:{start}",
            claimant=claimant.entity,
            form=sense[0],
            target=target.entity,
            stance=sense[1],
            text=_clip(s, doc),
            date=dates[0].date if dates else date,
            evidence=[Span(source=doc.source, start=start, end=end, text=doc.text[start:end])],
            confidence=0.6,
            attributes={"cue": doc.text[start:end]},
        )
        out.append(first)
        for co in _listed_after(s, ms, ents, claimant):
            if co.entity != target.entity and co.start not in seen:
                seen.add(co.start)  # "won the backing of X and Y": Y's too
                out.append(attrs.evolve(first, id=f"{doc.source}:c:{co.start}", claimant=co.entity))
    return out


#: "won the backing of X": X's endorsement of the subject (or, after "lost", X's turn).
_OF_NOUNS: Final = frozenset({"backing", "support", "endorsement", "endorsements"})
_LOSE: Final = frozenset({"lost", "lose", "loses", "losing"})


def _continued_quote(
    doc: Doc,
    s: Sent,
    ms: MentionList,
    ents: Mentions,
    last: Claim,
    cues: _Cues,
    recent: list[tuple[int, Mention]],
) -> list[Claim]:
    """A quotation opening the sentence after an attributed one goes on with the same speaker.

    '"We cannot go on like this," Pohl said. "Dreyer has to go."': the second
    quotation is a claim by Pohl too (its cue is the quotation itself).
    """
    if not s.words or s.words[0] not in _OPEN_Q or s.index == 0:
        return []
    prev = doc.sents[s.index - 1]
    if not any(e.start >= prev.start and e.end <= prev.end for e in last.evidence):
        return []
    qs = doc.quotes_in(s.start, s.end)
    if not qs or qs[0][0] > s.starts[0] + 1:
        return []
    q = qs[0]
    lo, hi = _token_range(s, q)
    claimant = last.claimant
    t = _clause_target(doc, s, ms, ents, lo, hi, claimant)
    if t is None:
        t = next((m for si, m in reversed(recent) if si >= s.index - _LOOKBACK), None)
        if t is not None and t.entity == claimant:
            t = None
    stance = None
    if t is not None:
        stance = _evaluate(s, lo, hi, cues.evaluative) or Stance.OPPOSE
        _remember(recent, s.index, t)
    qt = doc.text[q[0] : q[1]]
    return [
        Claim(
            id=f"{doc.source}:c:{q[0]}",
            claimant=claimant,
            form=ClaimForm.STATEMENT,
            target=t.entity if t is not None else None,
            stance=stance,
            text=_clip(s, doc),
            quote=qt,
            date=last.date,
            evidence=[Span(source=doc.source, start=q[0], end=q[1], text=qt)],
            confidence=0.6,
            attributes={"cue": "(continued quotation)"},
        )
    ]


def _match_cues(s: Sent, cues: _Cues) -> list[tuple[int, int, VerbSense]]:
    out: list[tuple[int, int, VerbSense]] = []
    lower, tags = s.lower, s.tags
    n = len(lower)
    table = cues.table
    i = 0
    while i < n:
        entries = table.get(lower[i])
        hit = False
        if entries:
            for ws, sense in entries:
                j = i + len(ws)
                if len(ws) == 1 and tags[i].startswith("VB"):
                    # "forced Turnbull out" before "forced": the phrasal verb wins
                    split = _split_particle(s, i, entries)
                    if split is not None:
                        out.append(split)
                        i = split[1]
                        hit = True
                        break
                if j <= n and tuple(lower[i:j]) == ws:
                    tag = tags[i]
                    if (
                        tag.startswith("VB")
                        or (len(ws) > 1 and tag.startswith(("NN", "JJ")))
                        or (sense.action and tag.startswith("NN") and len(ws) > 1)
                        or _past_form_mistagged(s, i)
                    ):
                        out.append((i, j, sense))
                        i = j
                        hit = True
                    break
            if not hit and tags[i].startswith("VB"):
                split = _split_particle(s, i, entries)
                if split is not None:
                    out.append(split)
                    i = split[1]
                    hit = True
        if not hit:
            if lower[i] == ":" and i > 0 and i + 1 < n and s.words[i + 1] in _OPEN_Q:
                out.append((i, i + 1, _COLON))  # 'Nahles: "We will not..."'
                i += 1
                continue
            if lower[i] in _DEFENCE_VERBS and (end := _defence_end(s, i)) > 0:
                out.append((i, end, _DEFENCE))  # "came to Biden's defence"
                i = end
                continue
            if lower[i] == "according" and i + 1 < n and lower[i + 1] == "to":
                out.append((i, i + 2, _ACCORDING))
                i += 2
                continue
            i += 1
    return out


def _defence_end(s: Sent, i: int) -> int:
    """The end of "came to X's defence" starting at token ``i`` (a verb), else 0.

    Between *to* and the possessive there is a short name (at most four
    capitalized words, a title included) or *his*/*her*: "rushed to her aid"
    has no named possessor but is still a defence of the person meant.
    """
    lower = s.lower
    n = len(lower)
    if i + 3 >= n or lower[i + 1] != "to" or not s.tags[i].startswith("VB"):
        return 0
    if lower[i + 2] in ("his", "her", "their") and lower[i + 3] in _DEFENCE_NOUNS:
        return i + 4 if lower[i + 3] != "side" else 0
    for k in range(i + 2, min(n - 1, i + 7)):
        if lower[k] in ("'s", "'", "’s", "’"):
            return k + 2 if k > i + 2 and lower[k + 1] in _DEFENCE_NOUNS else 0
        if not s.words[k][:1].isupper():
            return 0
    return 0


_SPLIT_PARTICLES: Final = frozenset({"out", "down", "aside", "off"})
#: Longest object between a verb and its particle ("forced the embattled leader out").
_SPLIT_GAP: Final = 4


def _split_particle(
    s: Sent, i: int, entries: list[tuple[tuple[str, ...], VerbSense]]
) -> tuple[int, int, VerbSense] | None:
    """A phrasal verb with its object inside: "forced X out", "voted the bill down".

    The words between verb and particle must be a short noun phrase (no verb,
    punctuation, quotation mark or clause word), so "pushed for a vote, out of..."
    is not "push out".
    """
    lower, tags = s.lower, s.tags
    n = len(lower)
    for ws, sense in entries:
        if len(ws) != 2 or ws[1] not in _SPLIT_PARTICLES:
            continue
        for k in range(i + 1, min(n, i + 2 + _SPLIT_GAP)):
            if lower[k] == ws[1] and k > i + 1:
                if k + 1 < n and lower[k + 1] == "of":
                    break  # "forced the members out of the room": a place, not an object
                return (i, k + 1, sense)
            t = tags[k]
            if not (t.startswith(("NN", "DT", "PRP", "JJ", "CD")) or t == "POS") or (
                lower[k] in _CLAUSE_END or s.words[k] in _OPEN_Q or lower[k] in ("that", "who")
            ):
                break
    return None


def _is_split(s: Sent, i: int, j: int, sense: VerbSense) -> bool:
    """Whether the cue ``[i, j)`` is a phrasal verb with its object inside ("voted X out")."""
    return j - i > len(sense.lemma.split()) and s.lower[j - 1] in _SPLIT_PARTICLES


#: "called Forbes a sore loser", "called McConnell 'a disaster'": naming someone as something.
_NAMING_SENSE: Final = VerbSense("call", ClaimForm.CRITICISM, None, "target", False)
_NAMING_DETS: Final = frozenset({"the", "his", "her", "its", "their", "this", "that", "these"})
#: "called a vote", "called him a taxi": what is called, not a name for someone.
_CALLED_THINGS: Final = frozenset(
    {"vote", "ballot", "election", "meeting", "conference", "spill", "referendum", "halt",
     "press", "snap", "special", "emergency", "strike", "truce", "time", "taxi", "doctor"}
)  # fmt: skip


def _naming(doc: Doc, s: Sent, ms: MentionList, j: int) -> VerbSense | None:
    """``call`` naming its object as something: the sense of a criticism, else ``None``.

    *called Johnson a liar*, *called him "a disgrace"*, *calling McConnell
    "a disaster"*: a person or group (or *him*/*her*/*them*) right after the
    verb, then *a*/*an* or a quotation; *called the deal "a betrayal"*: a short
    noun phrase then a quotation. *Called on*, *called for*, *called a vote*
    are not naming.
    """
    lower, words = s.lower, s.words
    n = len(lower)
    if j >= n:
        return None
    k = j
    m = ms.after(j, 0)
    if m is not None and m.first == j:
        k = m.last
        if k < n and lower[k] in ("'s", "'"):
            k += 1  # "called Sánchez's plan 'a disgrace'"
            while k < n and k - j < 6 and s.tags[k].startswith(("NN", "JJ")):
                k += 1
            return _NAMING_SENSE if k < n and words[k] in _OPEN_Q else None
    elif lower[j] in ("him", "her", "them", "it") and s.tags[j] == "PRP":
        k = j + 1
    elif lower[j] in _NAMING_DETS:
        k = j + 1
        while k < n and k - j < 5 and s.tags[k].startswith(("NN", "JJ")):
            k += 1
        return _NAMING_SENSE if k > j + 1 and k < n and words[k] in _OPEN_Q else None
    else:
        return None
    if k >= n:
        return None
    if words[k] in _OPEN_Q:
        return _NAMING_SENSE
    if lower[k] in ("a", "an") and k + 1 < n and lower[k + 1] not in _CALLED_THINGS:
        return _NAMING_SENSE
    return None


_ACCORDING: Final = VerbSense("according to", ClaimForm.STATEMENT)
_COLON: Final = VerbSense(":", ClaimForm.STATEMENT)
#: "came to Biden's defence", "rushed to her aid": a defence of the possessor.
_DEFENCE: Final = VerbSense(
    "come to the defence of", ClaimForm.ENDORSEMENT, Stance.SUPPORT, "target"
)
_DEFENCE_VERBS: Final = frozenset(
    {"come", "came", "comes", "coming", "rushed", "rush", "rushes", "rushing", "leapt", "leaped",
     "leap", "leaps", "leaping", "sprang", "spring", "springs", "springing", "jumped", "jump",
     "jumps", "jumping", "moved", "move", "moves", "moving", "went", "go", "goes", "going"}
)  # fmt: skip
_DEFENCE_NOUNS: Final = frozenset({"defence", "defense", "aid", "rescue", "side"})
_IRREGULAR_PAST: Final = frozenset({"said", "told", "wrote", "spoke", "hit"})


def _past_form_mistagged(s: Sent, i: int) -> bool:
    """A past-tense reporting verb the tagger took for an adjective or noun ("..., urged caucus").

    Accepted after a comma, a name or a quotation mark, not after a determiner
    or possessive ("the accused").
    """
    w = s.lower[i]
    if not (w.endswith("ed") or w in _IRREGULAR_PAST) or i == 0:
        return False
    before = s.tags[i - 1]
    return before in (",", "NNP", "NNPS", "''", "RB", "CC") and s.lower[i - 1] not in (
        "the",
        "a",
        "an",
    )


_VERB_TAGS: Final = frozenset({"VB", "VBD", "VBZ", "VBP", "VBG", "VBN"})
_PRONOUNS: Final = frozenset({"he", "she"})
_SPOKESPEOPLE: Final = frozenset(
    {"spokesperson", "spokesman", "spokeswoman", "spokespeople", "spokesmen", "aide", "aides",
     "office", "campaign", "team", "lawyer", "lawyers"}
)  # fmt: skip
_REMOVAL_NOUNS: Final = frozenset(
    {"resignation", "removal", "sacking", "dismissal", "expulsion", "suspension", "deselection", "ouster",
     "departure", "head", "scalp", "exit", "impeachment", "recall", "ousting", "resignations",
     "sackings", "dismissals", "expulsions", "suspensions", "deselections", "departures"}
)  # fmt: skip


def _after_quote(s: Sent, k: int) -> bool:
    """Whether token ``k`` follows a closing quotation mark (and perhaps a comma)."""
    if k > 0 and s.words[k - 1] in _CLOSE_Q:
        return True
    return k > 1 and s.lower[k - 1] == "," and s.words[k - 2] in _CLOSE_Q


def _demand_content(s: Sent, ms: MentionList, ents: Mentions, j: int) -> Mention | None:
    """Whom a demand is against: "demanded that X stand aside", "called for X's resignation"."""
    lower = s.lower
    n = len(lower)
    k = j
    if k < n and lower[k] == "that":
        k += 1
    m = ms.after(k, 1)
    if m is None or ents.entities[m.entity].type != PERSON:
        return None
    x = m.last
    if x < n and lower[x] in ("'s", "'") and x + 1 < n and lower[x + 1] in _REMOVAL_NOUNS:
        return m
    while x < n and lower[x] in ("should", "must", "to", "would", "immediately", "now"):
        x += 1
    if x < n:
        v = lower[x]
        nxt = lower[x + 1] if x + 1 < n else ""
        if v in ("resign", "resigns", "quit", "quits", "go", "goes") or (
            v in _REMOVAL and nxt in _REMOVAL_PARTICLE
        ):
            return m
    return None


_FLIP: Final = {Stance.SUPPORT: Stance.OPPOSE, Stance.OPPOSE: Stance.SUPPORT}


def _eligible(s: Sent, m: Mention, ents: Mentions) -> bool:
    """Whether a mention can be the subject of a verb after it."""
    k = m.first - 1
    while k >= 0 and s.lower[k] in (
        "the",
        "a",
        "an",
        "entire",
        "whole",
        "former",
        "veteran",
        "leading",
    ):
        k -= 1
    while k >= 0 and s.tags[k] in ("NNP", "NNPS", "JJ") and m.first - k <= 3:
        k -= 1  # "by House Republicans", "of moderate Democrats"
    if k >= 1 and s.lower[k] in ("for", "of", "to") and s.lower[k - 1] in _SPOKESPEOPLE:
        return True  # "a spokesperson for Starmer said": speaking for Starmer
    if k >= 1 and s.lower[k] == "of" and s.lower[k - 1] in _MEMBER_HEADS:
        return True  # "members of the Freedom Caucus backed X": the caucus acts
    if _named_member(s, k):
        return True  # "Several governors, including X, rallied behind Y": the group speaks via X
    if (
        k >= 0
        and (
            s.lower[k] in _SUBJECT_BLOCKERS
            # a capitalized first word is a title the tagger took for a verb ("Representative X")
            or (s.tags[k] in _VERB_TAGS and not (k == 0 and s.words[k][:1].isupper()))
        )
    ):
        return False  # after a preposition, or the object of a verb ("which backed Omar")
    if m.last < len(s) and s.lower[m.last] in ("'s", "'"):
        # "Kappel's spokesman said": speaking for Kappel
        return m.last + 1 < len(s) and s.lower[m.last + 1] in _SPOKESPEOPLE
    e = ents.entities.get(m.entity)
    if e is None:
        return False
    # "the Labour MP", "Labour leader": a modifier, not the subject; but "a Labour spokesman"
    # speaks for the party when no name follows
    if m.last < len(s) and s.lower[m.last] in _ROLEISH and e.type == FACTION:
        nxt = m.last + 1
        return (
            s.lower[m.last] in _SPOKESPEOPLE
            and nxt < len(s)
            and not (s.words[nxt][:1].isupper() and s.tags[nxt].startswith("NNP"))
        )
    return True


#: A group opening its sentence may speak through the members it names: "Several regional
#: governors, including X, rallied behind Y"; "Senior figures, among them X, refused to...".
_GROUP_OPENING: Final = 8


def _named_member(s: Sent, k: int) -> bool:
    """Whether token ``k`` ends *, including* or *, among them* after the group opening the sentence.

    The group (at most ``_GROUP_OPENING`` words, no verb but the participle of
    a description) must be the sentence's subject, so the named member is too.
    """
    lower = s.lower
    if k >= 2 and lower[k] == "including" and lower[k - 1] == ",":
        c = k - 1
    elif k >= 3 and lower[k] == "them" and lower[k - 1] == "among" and lower[k - 2] == ",":
        c = k - 2
    else:
        return False
    o = 0
    while o < c and lower[o] in _ROLE_OPENERS:
        o += 1
    # not after an opening phrase: "In a letter to several ministers, including X, Y said"
    return (
        c <= _GROUP_OPENING
        and o < c
        and s.tags[o] != "IN"
        and not any(s.tags[x] in _FINITE or s.tags[x] == "VBN" for x in range(c))
    )


_MEMBER_HEADS: Final = frozenset(
    {"members", "leaders", "leadership", "head", "chair", "chairman", "chairwoman", "officials",
     "executive", "majority", "most", "many", "some", "dozens", "all"}
)  # fmt: skip
_ROLEISH: Final = frozenset(
    {"mp", "leader", "leaders", "member", "senator", "chair", "spokesman", "spokeswoman", "spokesperson",
     "official", "candidate", "deputy", "minister", "source", "colleague", "politician", "lawmaker",
     "councillor", "whip", "frontbencher", "backbencher", "leadership", "government", "conference",
     "president", "secretary", "general", "staff", "aide", "mps", "msps", "meps", "senators",
     "lawmakers", "councillors", "ministers", "officials", "delegates", "backbenchers", "deputies",
     "legislators", "representatives", "members", "activists", "voters", "donors", "peers",
     "grandees", "sources", "insiders", "figures"}
)  # fmt: skip


def _subject(
    s: Sent, ms: MentionList, ents: Mentions, cue: int, floor: int = 0, *, main_clause: bool = False
) -> Mention | None:
    """The nearest mention before ``cue`` (and after ``floor``) that can be its subject (appositives skipped)."""
    lower = s.lower
    lo = max(0, cue - _WINDOW, floor)
    # do not look back across a clause end or a quotation
    for k in range(cue - 1, lo - 1, -1):
        if lower[k] in _CLAUSE_END or s.words[k] in _CLOSE_Q or s.words[k] in _OPEN_Q:
            lo = k + 1
            break
    best: Mention | None = None
    for m in ms.backwards(cue, lo):
        if m.last > cue:
            continue
        if _eligible(s, m, ents):
            best = m
            break
    if best is None:
        return None
    if (
        best.last < cue - 1
        and s.tags[cue - 1] == "NNS"
        and lower[cue - 2] not in _POSSESSIVE_MARKS
        and s.tags[cue - 2] in ("NN", "JJ", "CD")
    ):
        return None  # "after several young party members accused him": unnamed speakers
    for x in range(best.first - 1, max(lo, best.first - 12) + 1, -1):
        # "Bernie Sanders, backed by X and Y, attacked Z": the agents of a participle describe
        # the subject before them
        if lower[x] == "by" and s.tags[x - 1] == "VBN" and x >= 2 and lower[x - 2] == ",":
            p = next((m for m in ms.backwards(x - 2, lo) if m.last == x - 2), None)
            if p is not None and _eligible(s, p, ents):
                best = p
            break
        if lower[x] in _CLAUSE_END or s.tags[x] in _FINITE:
            break
    if cue >= 1 and lower[cue - 1] == "," and best.last < cue:
        # "Zeman, who has long been at odds with Sobotka, denied": the relative clause's
        # antecedent speaks, not a name inside the clause
        for x in range(best.first - 1, lo, -1):
            if lower[x] in ("who", "whose") and lower[x - 1] == ",":
                ante = next((m for m in ms.backwards(x - 1, lo) if m.last == x - 1), None)
                ae = None if ante is None else ents.entities.get(ante.entity)
                if ante is not None and ae is not None and _eligible(s, ante, ents):
                    return ante
                break
            if s.words[x] in _OPEN_Q or s.words[x] in _CLOSE_Q:
                break
    # inside an appositive of an earlier person: "John McDonnell, ... of the Labour Left, has warned"
    # (not in a list: "Kevin Rudd, Wayne Swan and Julia Gillard backed")
    coordinated = best.first > 0 and lower[best.first - 1] in ("and", "or")
    # (but "In a letter to the party president, Rajnath Singh, Advani wrote": a person right
    # before the cue, with no comma closing an appositive, is its subject)
    be = ents.entities.get(best.entity)
    adjacent = best.last == cue and be is not None and be.type == PERSON
    hops = 0
    for p in () if coordinated or adjacent else ms.backwards(best.first, lo):
        if p.last >= best.first:
            continue
        if p.last >= len(s) or lower[p.last] != ",":
            continue
        if any(s.tags[k] in _FINITE for k in range(p.last, best.first)):
            break
        e = ents.entities.get(p.entity)
        if _eligible(s, p, ents) and (e is None or e.type == PERSON or hops >= 2):
            best = p
            break
        if e is not None and e.type == FACTION and _eligible(s, p, ents):
            best = p  # "Kühnert, the head of the Jusos, the SPD's youth wing, had said":
        hops += 1  # a person further back is the head of the appositive chain
        if hops > 2:
            break
    if not main_clause and _finite_between(s, best.last, cue):
        return None  # "..., the party bosses are going into overdrive to block": not its subject
    return best


_WARN_AGAINST: Final = frozenset({"warn against", "caution against"})
#: Answers to an attack: with no object, aimed at whoever spoke last ("The party hit back").
_RETORTS: Final = frozenset({"hit back", "retort", "fire back", "strike back", "counter"})


#: What a person writes or says that can "accuse" or "say" in their place.
_WRITINGS: Final = frozenset(
    {"letter", "statement", "post", "tweet", "interview", "speech", "video", "article", "memo",
     "op-ed", "column", "message", "email", "resignation"}
)  # fmt: skip


def _opening_subject(
    doc: Doc, s: Sent, ms: MentionList, ents: Mentions, end: int
) -> Mention | None:
    """The subject opening the sentence, before token ``end``: a name or *he*/*she*."""
    k = 0
    while k < end and s.lower[k] in _ROLE_OPENERS:
        k += 1
    if k < end and s.lower[k] in _PRONOUNS:
        return antecedent(doc, ents, s.index, k)
    m = ms.after(k, 2)
    if m is not None and m.last < end and _eligible(s, m, ents):
        return m
    return None


_TOP_PARTY: dict[int, tuple[Mentions, str | None]] = {}


def _the_party(s: Sent, ents: Mentions, k: int, end: int) -> Mention | None:
    """Which party "the party" is: the party the text mentions most, placed at tokens ``k..end``.

    Computed once per document (linear time however often "the party" speaks).
    """
    hit = _TOP_PARTY.get(id(ents))
    if hit is not None and hit[0] is ents:
        best = hit[1]
    else:
        best, score = None, 0
        for e in ents.entities.values():
            if e.type == FACTION and e.faction_kind is FactionKind.PARTY and len(e.spans) > score:
                best, score = e.id, len(e.spans)
        if len(_TOP_PARTY) > 16:
            _TOP_PARTY.clear()
        _TOP_PARTY[id(ents)] = (ents, best)
    if best is None:
        return None
    return Mention(best, k, end, s.starts[k], s.ends[end - 1])


def _object_at(ms: MentionList, j: int) -> bool:
    """Whether a person or group is named right at token ``j`` (a verb's direct object)."""
    m = ms.after(j, 0)
    return m is not None and m.first == j


def _main_subject(doc: Doc, s: Sent, ms: MentionList, ents: Mentions, m: Mention) -> Mention:
    """The subject of the main clause for a participle: "he made clear that X..., calling Y".

    When the mention found before *, calling* sits in a *that*-clause, the
    participle belongs to the sentence's opening subject (a name or *he*/*she*).
    """
    lower = s.lower
    k = 0
    while k < m.first and lower[k] in _ROLE_OPENERS:
        k += 1
    if m.first - k > _REGION:
        return m  # (bounded: linear time on endless sentences)
    if not any(lower[x] in ("that", "whether") for x in range(k, m.first)):
        # "X resigned as leader of Austria's People's Party on Wednesday, saying": the
        # opening person, when the mention found is the main verb's object or in its phrase
        for x in ms.between(k, k + 2):
            e = ents.entities.get(x.entity)
            if (
                x.first <= k + 1
                and x.last <= m.first
                and x.entity != m.entity
                and e is not None
                and e.type == PERSON
                and (
                    ents.entities[m.entity].type != PERSON
                    or lower[m.first - 1] in _SUBJECT_BLOCKERS
                )
                and any(s.tags[v] in ("VBD", "VBN", "VBZ", "VBP") for v in range(x.last, m.first))
            ):
                return x
        return m
    if lower[k] in _PRONOUNS:
        return antecedent(doc, ents, s.index, k) or m
    for x in ms.between(k, k + 2):
        if x.first <= k + 1 and x.last < m.first and _eligible(s, x, ents):
            return x
    return m


def _object_subject(
    doc: Doc, s: Sent, ms: MentionList, ents: Mentions, m: Mention, floor: int
) -> Mention | None:
    """The subject of the verb whose object (or list of objects) ``m`` closes, if it is one.

    *In a post, he wished Murkomen and Kihika well and warned*: the verb
    *wished* right before the list, its subject *he* (or a name) before it.
    """
    lower, tags = s.lower, s.tags
    k = m.first - 1
    steps = 0
    while k > floor and steps < 8:  # back over the list "X, Y and"
        x = next((p for p in ms.backwards(k + 1, k - 6) if p.last == k + 1), None)
        if x is not None:
            k = x.first - 1
        elif lower[k] in ("and", ",", "the", "his", "her"):
            k -= 1
        else:
            break
        steps += 1
    if k > 1 and tags[k] == "IN" and tags[k - 1] in ("VBD", "VBZ", "VBP"):
        k -= 1  # "he stayed in the PRD but praised": the verb before the preposition
    if k < 1 or tags[k] not in ("VBD", "VBZ", "VBP") or lower[k] in _BE:
        return None
    if lower[k - 1] in ("he", "she"):
        return antecedent(doc, ents, s.index, k - 1)
    return _subject(s, ms, ents, k, floor, main_clause=True)  # (appositives skipped)


def _pronoun_subject(doc: Doc, s: Sent, ms: MentionList, ents: Mentions, a: int) -> Mention | None:
    """'He announced his candidacy and attacked X': the opening *he*/*she* of the sentence.

    Only when the pronoun opens the sentence (perhaps after *But*, *And*...)
    and no actor is named between it and the coordinated cue at ``a``.
    """
    lower = s.lower
    k = 0
    while k < a and lower[k] in _ROLE_OPENERS:
        k += 1
    if k >= a or a - k > _REGION or lower[k] not in _PRONOUNS:
        return None
    if any(m.first > k for m in ms.backwards(a, k)):
        return None
    return antecedent(doc, ents, s.index, k)


def _fronted_pronoun(doc: Doc, s: Sent, ents: Mentions, k: int) -> Mention | None:
    """'In a letter to the party president, Sonia Gandhi, he wrote': *he* is not the name fronted.

    When a prepositional phrase opens the sentence and the pronoun at ``k``
    is the first subject after it, the pronoun refers back as if it opened
    the sentence (the subject of the sentence before), not to the names
    inside the phrase.
    """
    lower = s.lower
    if (
        k < 3
        or k > _REGION
        or lower[k - 1] != ","
        or s.tags[0] != "IN"
        or lower[0] in ("that", "as")
    ):
        return None
    if any(s.tags[x] in _FINITE for x in range(1, k)):
        return None
    found = antecedent(doc, ents, s.index, 0)
    if found is None:
        return None
    return Mention(found.entity, k, k + 1, s.starts[k], s.ends[k])


def _speaks_for_group(s: Sent, m: Mention) -> bool:
    """Whether ``m`` is named for a group: *..., including X,*, *among them X*, *led by X*."""
    k = m.first
    return k >= 2 and (
        s.lower[k - 1] == "including" or s.lower[k - 2 : k] in (["among", "them"], ["led", "by"])
    )


def _group_before(doc: Doc, ents: Mentions, si: int) -> tuple[Mention, ...]:
    """Whom a *they* opening sentence ``si`` means: the group the sentence before opens with.

    A party or group (*Members of the Freedom Caucus voted...*), the people
    named for a group (*The rebels, led by X, quit...*), or coordinated
    people (*X and Y attacked...*), within the first eight words of the
    previous sentence of the same paragraph.
    """
    if si == 0 or "\n\n" in doc.text[doc.sents[si - 1].end : doc.sents[si].start]:
        return ()
    prev = doc.sents[si - 1]
    pms = ents.by_sent[si - 1]
    for m in pms.between(0, _GROUP_OPENING):
        e = ents.entities.get(m.entity)
        if e is None or not _eligible(prev, m, ents):
            continue
        if e.type == FACTION or _speaks_for_group(prev, m):
            return (m,)
        nxt = pms.after(m.last + 1, 1)
        if (
            nxt is not None
            and m.last < len(prev)
            and prev.lower[m.last] == "and"
            and (ne := ents.entities.get(nxt.entity)) is not None
            and ne.type == PERSON
        ):
            return (m, nxt)
        return ()
    return ()


def _relative_antecedent(s: Sent, ms: MentionList, ents: Mentions, comma: int) -> Mention | None:
    """Who ``, who said`` refers to: the name before the comma, or the head of an appositive.

    *Matt Canavan, a long-time ally of Joyce, who said*, *Olivier Marleix,
    the head of the party's deputies, who accused*: the person followed by
    *, a/an/the* and no finite verb up to the comma; else the
    person or group ending at the comma (*led by Bob Benzen, who had accused*).
    """
    lower = s.lower
    at_comma: Mention | None = None
    for m in ms.backwards(comma, comma - _WINDOW):
        if m.last > comma:
            continue
        if m.last == comma:
            if at_comma is None:
                at_comma = m
            continue
        if lower[m.first : m.last + 1][-1:] == [","] or (
            m.last + 1 < len(s) and lower[m.last] == "," and lower[m.last + 1] in ("a", "an", "the")
        ):
            e = ents.entities.get(m.entity)
            if (
                e is not None
                and e.type == PERSON
                and not any(s.tags[x] in _FINITE for x in range(m.last, comma))
            ):
                return m  # also when the appositive names nobody: "X, the head of the group,"
        break
    if at_comma is not None and not _finite_between(s, at_comma.last, comma):
        return at_comma
    return None


def _finite_between(s: Sent, a: int, b: int) -> bool:
    """Whether a finite verb stands between tokens ``a`` and ``b``, outside relative clauses.

    A finite verb there has a subject of its own ("the Sanders wing gaining
    ground, the party bosses are..."), so the mention before it is not the
    subject of the cue at ``b``. Relative clauses (", who sat as...,") are skipped.
    """
    k = a
    while k < b:
        w = s.lower[k]
        if w in ("who", "which", "whose", "whom"):
            while k < b and s.lower[k] != ",":
                k += 1
        elif (
            s.tags[k] in _FINITE
            and w not in _AUX_CUE
            and not (k + 1 < len(s) and s.lower[k + 1] == "to")  # "refused to back": one subject
            and k - 1 > a
            and s.tags[k - 1]
            in ("NN", "NNS", "PRP")  # a subject of its own: "the party bosses are"
            # not a participle of an appositive: "X, a piquetero leader allied with Y, called"
            and not (
                s.tags[k] == "VBD"
                and s.lower[a] == ","
                and k + 1 < len(s)
                and s.tags[k + 1] in ("IN", "TO")
            )
        ):
            return True
        k += 1
    return False


def _after(s: Sent, ms: MentionList, start: int, window: int = _OBJECT_WINDOW) -> Mention | None:
    """The first mention starting at or after token ``start``, within ``window`` tokens."""
    m = ms.after(start, window)
    if m is not None:
        # no clause boundary in between
        for k in range(start, m.first):
            if (
                s.lower[k] in _CLAUSE_END
                or s.words[k] in _OPEN_Q
                or s.lower[k] in ("that", "who", "which", "while", "whereas")
            ):
                return None
        return m
    return None


def _agent_by(s: Sent, i: int, j: int) -> int:
    """The *by* of a passive cue ``[i, j)``, else 0.

    Right after the cue (*backed by X*), or after a short time phrase when a
    form of *be* comes before the cue (*was endorsed the same day by X*, *was
    criticised on Tuesday by X*).
    """
    lower, tags = s.lower, s.tags
    n = len(lower)
    if tags[i] not in ("VBN", "VBD"):
        return 0
    if j < n and lower[j] == "by":
        return j
    if i == 0 or lower[i - 1] not in _BE:
        return 0
    for k in range(j, min(n, j + 5)):
        if lower[k] == "by":
            return k if k > j else 0
        if lower[k] not in _TIME_WORDS and not tags[k].startswith(("DT", "CD")):
            return 0
    return 0


_TIME_WORDS: Final = frozenset(
    {"same", "day", "week", "month", "year", "night", "morning", "evening", "afternoon", "on",
     "later", "earlier", "also", "again", "quickly", "swiftly", "publicly", "openly", "yesterday",
     "today", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
     "last", "next", "that", "this"}
)  # fmt: skip


def _negation(s: Sent, subject_end: int, cue: int) -> str | None:
    lower = s.lower
    lo = max(subject_end, cue - 4)
    for c in range(cue - 1, lo - 1, -1):
        if lower[c] in (",", "and", "but", "or"):
            # "X would not be welcome, calling him...", "said she would not stand and backed
            # Y": another verb's negation
            lo = c + 1
            break
    for k in range(lo, cue):
        if lower[k] in _REFUSE:
            return "refuse"
        if lower[k] in _NEG:
            return "not"
    return None


#: "urged X to stay on", "urged X to run": demands that X go on, or go for the job.
_STAY_VERBS: Final = frozenset(
    {"back", "support", "endorse", "stay", "remain", "unite", "rally", "run", "lead", "continue",
     "fight", "carry", "persevere", "contest", "challenge"}
)  # fmt: skip


def _demand_stance(s: Sent, after: int) -> Stance | None:
    """``... to stand down`` → oppose; ``... to back him`` → support."""
    lower = s.lower
    n = len(lower)
    k = after
    if k < n and lower[k] == "to":
        k += 1
        while k < n and (s.tags[k] == "RB" or s.words[k] in _OPEN_Q):
            k += 1
        if k < n:
            v = lower[k]
            nxt = lower[k + 1] if k + 1 < n else ""
            if v in ("resign", "quit", "go", "retire", "withdraw") or (
                v in _REMOVAL and nxt in _REMOVAL_PARTICLE
            ):
                return Stance.OPPOSE
            if v in _STOP_VERBS and _stopped_act(lower, k, n) > 0:
                return Stance.OPPOSE  # "urged Johnson to stop attacking Sunak": against Johnson
            if v in _STAY_VERBS or (v == "stand" and nxt in ("by", "behind", "for", "again")):
                return Stance.SUPPORT  # "urged Yousaf to stay on", 'to "stay united"'
    return None


#: Plain reporting verbs: "said the suspension was..." reports speech, not an announced event.
_SAY: Final = frozenset(
    {"say", "tell", "add", "argue", "insist", "claim", "write", "stress", "note", "explain",
     "suggest", "contend", "maintain", "reply", "respond"}
)  # fmt: skip
_ANNOUNCE: Final = frozenset({"announce", "confirm", "declare", "reveal"})
#: "announced his candidacy": an act, not a claim about anyone.
_ANNOUNCED_ACTS: Final = frozenset(
    {"candidacy", "candidature", "bid", "retirement", "departure", "intention", "engagement"}
)


def _announced_exit(s: Sent, j: int) -> bool:
    """``announced [that] he would step down``, ``confirmed she will resign``: an announced exit.

    Also an announced candidacy (*announced he would run*): an act, not a statement.
    """
    lower = s.lower
    n = len(lower)
    k = j
    while k < n and k - j < 4 and lower[k] not in ("that", "he", "she", "they"):
        k += 1  # "announced on Sunday that..."
    if k < n and lower[k] == "that":
        k += 1
    if not (k + 2 < n and lower[k] in ("he", "she", "they") and lower[k + 1] in ("would", "will")):
        return False
    v, nxt = lower[k + 2], lower[k + 3] if k + 3 < n else ""
    if v == "not" and nxt in ("contest", "run", "stand", "seek", "recontest"):
        return True  # "announced that she would not contest the next election"
    if v in ("run", "contest", "seek") or (v == "stand" and nxt not in _REMOVAL_PARTICLE):
        return True  # "announced he would run in the Madrid election": a candidacy, an act
    return (
        v in ("resign", "quit", "retire", "withdraw")
        or (v in ("step", "stand", "drop", "bow") and nxt in _REMOVAL_PARTICLE)
        or (v in ("end", "suspend", "abandon") and nxt in ("his", "her", "their"))
    )


_LOOKBACK: Final = 5
_RECENT: Final = 8
_ROLE_OPENERS: Final = frozenset({",", "but", "and", "yet", "meanwhile"})
#: "Eight Republicans", "several Tories", "dozens of Democrats": counted members.
_COUNTED: Final = frozenset(
    {"several", "some", "many", "few", "dozens", "scores", "hundreds", "two", "three", "four",
     "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve", "twenty", "of", "other",
     "more", "most", "rebel", "moderate"}
)  # fmt: skip
#: A party's organs speaking for it: "the party's executive said".
_ORGANS: Final = frozenset(
    {"executive", "leadership", "board", "headquarters", "committee", "council", "secretariat",
     "presidium", "directorate", "management"}
)  # fmt: skip
_ORGAN_MODS: Final = frozenset({"national", "federal", "ruling", "governing", "central", "general"})
_ROLE_HEADS: Final = frozenset(
    {"minister", "chancellor", "president", "speaker", "leader", "secretary", "premier",
     "treasurer", "chairman", "chairwoman", "chair", "senator", "governor", "mayor", "whip",
     "spokesman", "spokeswoman", "candidate", "challenger", "incumbent", "deputy"}
)  # fmt: skip
#: At most this many tokens of a reported clause are read (linear time on endless sentences).
_REGION: Final = 40
#: Words between a pronoun subject and its cue ("he has also said"); not modals: "said she
#: would back X" is one claim, not two.
_PRE_CUE: Final = frozenset({"has", "have", "had", "also", "then", "later", "once"})
_TELL: Final = frozenset({"tell", "brief", "assure", "inform", "remind", "write to"})
_MEDIUM_PREPS: Final = frozenset({"to", "told", "on", "with", "in", "via"})
_SUBJ_PRONOUNS: Final = frozenset({"he", "she"})
_OBJ_PRONOUNS: Final = frozenset({"him", "her"})
_NEG_BEFORE: Final = frozenset({"not", "n't", "never", "no", "nobody", "neither", "nor", "without"})
_CLAUSE_STOP: Final = frozenset({";"})


def _clause_end(s: Sent, j: int, nxt: int) -> int:
    """Where the clause after token ``j`` ends: the next cue, a semicolon, or the sentence end."""
    hi = min(nxt, len(s), j + _REGION)
    for k in range(j, hi):
        w = s.lower[k]
        if w in _CLAUSE_STOP or (w in ("while", "whereas") and k > j and s.lower[k - 1] == ","):
            return k
    return hi


def _token_range(s: Sent, q: tuple[int, int]) -> tuple[int, int]:
    """The tokens of sentence ``s`` inside the character range ``q``."""
    lo = bisect_left(s.starts, q[0])
    hi = lo
    while hi < len(s) and hi - lo < _REGION and s.ends[hi] <= q[1]:
        hi += 1
    return (lo, hi) if lo < hi else (0, 0)


#: Who stands with a person named before it: "another Ruto ally", "a Johnson loyalist".
_ALLEGIANCE: Final = frozenset(
    {"ally", "loyalist", "aide", "supporter", "confidant", "protege", "protégé", "critic"}
)


def _modifier(s: Sent, ms: MentionList, m: Mention, ents: Mentions) -> bool:
    """A name that only qualifies the next words: a modifier, not a participant.

    A faction before a role word and a name (*Labour leader Keir Starmer*);
    a person before a word of allegiance (*Susan Kihika, another Ruto ally,*).
    """
    e = ents.entities.get(m.entity)
    if (
        e is not None
        and e.type == PERSON
        and m.last < len(s)
        and s.lower[m.last] in _ALLEGIANCE
        and m.first > 0
        and s.lower[m.first - 1] in ("a", "an", "another", "one", "the")
    ):
        return True
    if e is None or e.type != FACTION or m.last >= len(s):
        return False
    nxt = ms.after(m.last, 3)
    if nxt is None:
        return False
    return nxt.first == m.last or s.lower[m.last] in _ROLEISH


#: What a party is said to need, which asks for a change at its head: "needed a fighter".
_CHANGE_NEEDED: Final = frozenset(
    {"needed", "needs", "need", "must", "should", "risked", "risks", "required", "requires"}
)


#: A party's rank and file, addressed as a group: "urged Jubilee members to...".
_RANKS: Final = frozenset(
    {"members", "mps", "senators", "lawmakers", "legislators", "deputies", "activists",
     "supporters", "councillors", "councilors", "delegates", "colleagues", "voters"}
)  # fmt: skip


#: Those who broke away, once the text has told what they formed: "the defectors".
_SPLINTERS: Final = frozenset(
    {"defectors", "walkout", "breakaway", "splinter", "rebels", "deserters"}
)
#: "the walkout showed that X...": evidence about X, not a word on the walkout.
_SHOWED: Final = frozenset({"showed", "shows", "proved", "proves", "meant", "means", "revealed"})
_NEW_BODY: Final = (
    ["new", "party"], ["new", "group"], ["new", "movement"], ["new", "faction"],
    ["new", "grouping"],
)  # fmt: skip
#: Words that found a body: "formed a new parliamentary group, New Alternative".
_FOUND: Final = frozenset(
    {"form", "formed", "forming", "found", "founded", "launch", "launched", "create", "created"}
)
_SPLINTER_HIT: dict[int, tuple[Mentions, tuple[str, int] | None]] = {}


def _splinter(doc: Doc, ents: Mentions, s: Sent, k: int) -> Mention | None:
    """The body a split formed, named after *formed a new ...* (*New Alternative*), placed at ``k``.

    The first faction named within eight tokens after *formed/form/launched a
    new*, found once per document; only when named before this sentence.
    """
    hit = _SPLINTER_HIT.get(id(ents))
    if hit is None or hit[0] is not ents:
        found: tuple[str, int] | None = None
        for si, sent in enumerate(doc.sents):
            lower = sent.lower
            for x in range(len(sent) - 2):
                if (
                    lower[x] not in _FOUND
                    or lower[x + 1] not in ("a", "an")
                    or lower[x + 2] != "new"
                ):
                    continue
                m = ents.by_sent[si].after(x + 3, 8)
                e = None if m is None else ents.entities.get(m.entity)
                if m is not None and e is not None and e.type == FACTION:
                    found = (m.entity, m.start)
                    break
            if found is not None:
                break
        if len(_SPLINTER_HIT) > 16:
            _SPLINTER_HIT.clear()
        _SPLINTER_HIT[id(ents)] = hit = (ents, found)
    if hit[1] is None or hit[1][1] >= s.start:
        return None
    end = min(len(s), k + 2)
    return Mention(hit[1][0], k, end, s.starts[k], s.ends[end - 1])


def _clause_target(
    doc: Doc,
    s: Sent,
    ms: MentionList,
    ents: Mentions,
    lo: int,
    hi: int,
    claimant: str,
    *,
    tell: bool = False,
    spoke: _Memory | None = None,
    backing: bool = False,
) -> Mention | None:
    """The most salient actor or faction in tokens ``[lo, hi)`` other than the claimant.

    The subject of a reported clause or the object of its verb: the first
    mention there, skipping the addressee of *told* (*told the BBC that*),
    media after *on*/*with*/*to* before the clause proper, faction words that
    only modify a person (*Labour leader Keir Starmer*), and pronouns that
    refer to the claimant; *him*/*her* is the person the claimant spoke of
    just before (*X defended the taoiseach. She said the party owed him...*),
    else the latest other person named, unless that person has just spoken
    about someone else, who is then meant (*Dean accused him of... Bloggers
    called on him to...*: not Dean).
    """
    prior = spoke.target_of(claimant, s.index) if spoke is not None else None
    lower = s.lower
    that = hi
    for k in range(lo, hi):
        if lower[k] == "that" or s.words[k] in _OPEN_Q or lower[k] == ":":
            that = k
            break
    starts: dict[int, Mention] = {}
    for x in ms.between(lo, hi):
        if x.last <= hi:
            starts.setdefault(x.first, x)
    k = lo
    while k < hi:
        m = starts.get(k)
        if m is None:
            w = lower[k]
            if (
                w in ("his", "her")
                and k + 1 < hi
                and lower[k + 1] in _RIVALS
                and (r := _rival(ents, s, k, claimant)) is not None
            ):
                return r  # "Huhne congratulated his rival": the one he ran against
            if (
                w in _OBJ_PRONOUNS
                and s.tags[k] == "PRP"
                # "said her removal proved that X...": a possessive, as "his" would be
                and not (
                    w == "her"
                    and k + 2 < hi
                    and lower[k + 1] in _REMOVAL_NOUNS
                    and s.tags[k + 2] in _FINITE
                )
                # "told her that": the addressee; "told her to go": the one pressed, the target
                and not (tell and k == lo and not (k + 1 < hi and lower[k + 1] == "to"))
            ):
                if prior is not None and prior.entity != claimant:
                    return Mention(prior.entity, k, k + 1, s.starts[k], s.ends[k])
                other = _other_person(doc, ents, s, k, claimant)
                if (
                    backing
                    and other is not None
                    and spoke is not None
                    and spoke.opposed is not None
                    and spoke.speaker is not None
                    and spoke.opposed[0] >= s.index - 1
                    and spoke.speaker[0] >= s.index - 1
                    and other.entity == spoke.opposed[1].entity
                    and spoke.speaker[1].entity not in (claimant, other.entity)
                    and (pe := ents.entities.get(spoke.speaker[1].entity)) is not None
                    and pe.type == PERSON
                ):
                    # "Sipilä said he could not work with X. Orpo backed him": one backs the
                    # attacker, not the one attacked
                    return Mention(spoke.speaker[1].entity, k, k + 1, s.starts[k], s.ends[k])
                if (
                    other is not None
                    and spoke is not None
                    and (theirs := spoke.target_of(other.entity, s.index)) is not None
                    and theirs.entity != claimant
                    and other.start < s.start
                    # (not when the last speaker is the one the story opens with: "Mayeur
                    # resigned... Mayeur accused the leadership... Onkelinx thanked him")
                    and other.entity != _opener(ents)
                    # (nor when backing him follows their attack: "Sipilä said he could not
                    # work with X. Orpo backed him": Sipilä)
                    and not (
                        backing
                        and spoke.opposed is not None
                        and spoke.opposed[0] >= s.index - 1
                        and spoke.opposed[1].entity == theirs.entity
                    )
                ):
                    return Mention(theirs.entity, k, k + 1, s.starts[k], s.ends[k])
                if other is not None and _in_claimant_phrase(s, ms, other, claimant, lo):
                    # "X, an ally of Y, said he would vote against her": not Y
                    other = _other_person(doc, ents, s, 0, claimant)
                if other is not None:
                    return other
            elif (
                w == "the"
                and (r := _role_after(s, ents, k)) is not None
                and r.entity != claimant
                and _named_before(ents, r.entity, s.start)
            ):
                return r  # "said the prime minister had...": the person with that role
            elif (
                w == "the"
                and k + 2 < hi
                and lower[k + 1] in _OUTGOING
                and (_office(s, k + 2) is not None or s.tags[k + 2].startswith("NN"))
                and (r := _exit_before(doc, ents, s, k, claimant)) is not None
            ):
                return r  # "praised the outgoing prime minister": the one who is leaving
            elif (
                w == "the"
                and k + 2 < hi
                and lower[k + 1] == "opposition"
                and (s.tags[k + 2] in _FINITE or lower[k + 2] in ("was", "is", "had", "has"))
                and (r := _story_party(ents, s, k, claimant)) is not None
            ):
                return r  # "Rudd said the opposition was run by sceptics": the story's party
            elif (
                w == "the"
                and k + 2 < hi
                and lower[k + 1] == "new"
                and lower[k + 2] in ("leader", "leadership", "chairman", "chair")
                and (r := _newcomer(doc, ents, s, k, claimant)) is not None
            ):
                return r  # "unite behind the new leadership": the one who came in
            elif (
                w in ("the", "its", "their")
                and (r := _office_holder(doc, s, ents, k, claimant)) is not None
            ):
                return r  # "said the leader had failed", "in its leadership": the story's leader
            elif (
                (
                    (
                        w == "the"
                        and k + 1 < hi
                        and lower[k + 1] in _SPLINTERS
                        and not (k + 2 < hi and lower[k + 2] in _SHOWED)
                    )
                    or (w == "the" and k + 2 < hi and lower[k + 1 : k + 3] in _NEW_BODY)
                    or (w == "those" and lower[k + 1 : k + 3] in (["who", "left"], ["who", "quit"]))
                )
                and (r := _splinter(doc, ents, s, k)) is not None
                and r.entity != claimant
            ):
                return r  # "called the walkout 'a betrayal'": the group the walkout formed
            elif w in _SUBJ_PRONOUNS and (k == lo or lower[k - 1] in ("that", ",")):
                ante = antecedent(doc, ents, s.index, k)
                if (
                    ante is not None
                    and ante.entity != claimant
                    and not _in_claimant_phrase(s, ms, ante, claimant, lo)
                ):
                    return ante
            k += 1
            continue
        k = m.last
        if m.entity == claimant:
            continue
        if m.first < that:
            if tell and m.first - lo <= 3:
                continue  # "told the BBC that": the addressee
            p = m.first - 1
            while p >= lo and lower[p] in ("the", "a", "an"):
                p -= 1
            e = ents.entities.get(m.entity)
            if p >= lo and lower[p] in _MEDIUM_PREPS and (e is None or e.type != PERSON):
                continue  # "in an interview with The Times", "on Sky News"
        if _modifier(s, ms, m, ents):
            continue
        if (
            m.first - lo <= 1
            and m.last < hi
            and lower[m.last] in _RANKS
            and (re := ents.entities.get(m.entity)) is not None
            and re.type == FACTION
        ):
            continue  # "urged Jubilee members to...": the rank and file addressed, not the party
        if (
            m.last + 1 < hi
            and lower[m.last] in _POSSESSIVE_MARKS
            and (head := starts.get(m.last + 1)) is not None
            and head.entity != claimant
            and (he := ents.entities.get(head.entity)) is not None
            and he.type == FACTION
        ):
            return head  # "an alliance with Marine Le Pen's National Rally": the party
        if m.first > lo and lower[m.first - 1] in ("like", "unlike"):
            # "like Theresa May before him, Johnson had...": a comparison, up to its comma
            c = k
            while c < min(hi, k + 6) and lower[c] != ",":
                c += 1
            if c < hi and lower[c] == ",":
                k = c
            continue
        e = ents.entities.get(m.entity)
        if (
            e is not None
            and e.type == PERSON
            and e.actor_kind is ActorKind.ORGANIZATION
            and not (m.last < len(s) and s.tags[m.last] in _FINITE)
        ):
            continue  # "risked losing the White House": an institution as a place or prize
        if (
            e is not None
            and e.type == FACTION
            and (led := _led_under(doc, s, ms, ents, k, hi, claimant))
        ):
            return led  # "said Likud could not win under a leader facing charges": the leader
        return m
    return None


def _story_party(ents: Mentions, s: Sent, k: int, claimant: str) -> Mention | None:
    """*the opposition* at token ``k``: the party named most before this sentence, placed at ``k``.

    Never the claimant (a party does not call itself *the opposition*).
    """
    for p in _parties(ents):
        if p != claimant and _named_before(ents, p, s.start):
            return Mention(p, k, k + 2, s.starts[k], s.ends[k + 1])
    return None


_PARTIES: dict[int, tuple[Mentions, list[str]]] = {}


def _parties(ents: Mentions) -> list[str]:
    """The parties of a document, the most mentioned first (built once per document)."""
    hit = _PARTIES.get(id(ents))
    if hit is not None and hit[0] is ents:
        return hit[1]
    ranked = sorted(
        (
            e
            for e in ents.entities.values()
            if e.type == FACTION and e.faction_kind is FactionKind.PARTY and e.spans
        ),
        key=lambda e: -len(e.spans),
    )
    out = [e.id for e in ranked]
    if len(_PARTIES) > 16:
        _PARTIES.clear()
    _PARTIES[id(ents)] = (ents, out)
    return out


#: The person one ran against: "congratulated his rival", "wished his successor well".
_RIVALS: Final = frozenset({"rival", "opponent", "challenger", "successor", "conqueror"})


def _rival(ents: Mentions, s: Sent, k: int, claimant: str) -> Mention | None:
    """*his rival* at token ``k``: the other person named with the claimant last, placed at ``k``.

    The person named nearest before ``k`` in the latest of the ``_LOOKBACK``
    sentences that also names the claimant (*Clegg had won, beating Huhne.
    Huhne congratulated his rival*: Clegg).
    """
    for si in range(s.index, max(-1, s.index - 1 - _LOOKBACK), -1):
        pms = ents.by_sent[si]
        found = list(pms.backwards(k, k - _REGION) if si == s.index else reversed(pms))
        if si != s.index and not any(m.entity == claimant for m in found):
            continue
        for m in found:
            e = ents.entities.get(m.entity)
            if m.entity != claimant and e is not None and e.type == PERSON:
                return Mention(m.entity, k, k + 2, s.starts[k], s.ends[k + 1])
        if si != s.index:
            return None
    return None


#: A person's pronoun: the clause is about someone ('"He has lost control," X said').
_GENDERED: Final = frozenset({"he", "she", "him", "her", "his", "hers"})


def _outsider_of(ents: Mentions, claimant: str) -> str | None:
    """The story's party, when the claimant belongs to another party (*the Greens leader, X*).

    ``None`` when the claimant is a member of the story's party (the most
    mentioned one) or of no party the text names.
    """
    home = ents.main_party()
    if home is None or claimant == home:
        return None
    other = False
    for d in ents.memberships:
        if d.member != claimant:
            continue
        if d.faction is None or d.faction == home:
            return None
        e = ents.entities.get(d.faction)
        if e is not None and e.type == FACTION and e.faction_kind is FactionKind.PARTY:
            other = True
    return home if other else None


def _led_under(
    doc: Doc, s: Sent, ms: MentionList, ents: Mentions, k: int, hi: int, claimant: str
) -> Mention | None:
    """The leader a party's fortunes are judged *under* in tokens ``[k, hi)`` (at most 12 read).

    *could not win under Corbyn*, *would lose under a leader facing criminal
    charges*, *under the prime minister*: the person named, or the office's holder.
    """
    lower = s.lower
    for x in range(k, min(hi, k + 12) - 1):
        if lower[x] in _CLAUSE_END or lower[x] in ("that", "who", "which") or s.words[x] in _OPEN_Q:
            return None
        if lower[x] != "under":
            continue
        m = ms.after(x + 1, 1)
        if m is not None and m.entity != claimant:
            e = ents.entities.get(m.entity)
            return m if e is not None and e.type == PERSON else None
        d = x + 1
        if lower[d] in ("a", "an", "the", "its", "their", "this", "his", "her"):
            d += 1
        if d < len(s) and lower[d] in ("current", "present", "new", "same"):
            d += 1
        if d < len(s) and _office(s, d) is not None:
            return _office_holder(doc, s, ents, d - 1, claimant)
        return None
    return None


def _in_claimant_phrase(s: Sent, ms: MentionList, m: Mention, claimant: str, lo: int) -> bool:
    """Whether ``m`` sits in the claimant's own phrase before the cue.

    *Steve Baker, an ally of Boris Johnson, said he...*: Johnson only
    describes the speaker (no finite verb between the claimant and him), so
    *he* is not Johnson.
    """
    if m.last > lo or m.start < s.start:
        return False
    for x in ms.backwards(m.first, m.first - _WINDOW):
        if x.entity == claimant and x.last <= m.first:
            return not any(
                s.tags[v].startswith("VB") and s.tags[v] != "VBG" for v in range(x.last, m.first)
            )
    return False


def _opener(ents: Mentions) -> str | None:
    """The person the text's first sentence opens with, if one (*Yvan Mayeur resigned...*)."""
    if not ents.by_sent or not ents.by_sent[0]:
        return None
    m = ents.by_sent[0][0]
    e = ents.entities.get(m.entity)
    return m.entity if m.first <= 1 and e is not None and e.type == PERSON else None


def _other_person(doc: Doc, ents: Mentions, s: Sent, k: int, claimant: str) -> Mention | None:
    """Whom "him" or "her" at token ``k`` refers to: the latest person named other than the claimant.

    Not a person the text refers to with the other gender's pronouns (*her*
    is not Anas Sarwar when the text says *he* of him).
    """
    gender = _PRONOUN_GENDER.get(s.lower[k]) if k < len(s) else None
    known = _genders(doc, ents) if gender is not None else {}
    for si in range(s.index, max(-1, s.index - 1 - _LOOKBACK), -1):
        pms = ents.by_sent[si]
        found = pms.backwards(k, k - _REGION) if si == s.index else reversed(pms)
        for m in found:
            if si == s.index and m.last > k:
                continue
            e = ents.entities.get(m.entity)
            if (
                e is not None
                and e.type == PERSON
                and m.entity != claimant
                and known.get(m.entity, gender) == gender
            ):
                return m
    return None


_PRONOUN_GENDER: Final = {
    "he": "m", "him": "m", "his": "m", "himself": "m",
    "she": "f", "her": "f", "hers": "f", "herself": "f",
}  # fmt: skip
_GENDERS: dict[int, tuple[Mentions, dict[str, str]]] = {}


def _genders(doc: Doc, ents: Mentions) -> dict[str, str]:
    """The gender of persons, from the pronouns the text uses of them (built once per document).

    A person named as a subject takes *he* or *she* right after the verb that
    follows the name (*Anas Sarwar, her deputy, said he was...*), else the
    *he* or *she* subject of the next sentence of the paragraph when the
    person is the only one named (*He said*, *In an interview, she said*).
    A person with votes for both is left unknown.
    """
    hit = _GENDERS.get(id(ents))
    if hit is not None and hit[0] is ents:
        return hit[1]
    votes: dict[str, set[str]] = {}
    sents = doc.sents
    for sent in sents:
        ms = ents.by_sent[sent.index]
        lower = sent.lower
        people = [
            m for m in ms if (e := ents.entities.get(m.entity)) is not None and e.type == PERSON
        ]
        for x, m in enumerate(people):
            stop = min(len(sent), m.last + _GENDER_WINDOW)
            if x + 1 < len(people):
                stop = min(stop, people[x + 1].first)
            for k in range(m.last + 1, stop):
                w = lower[k]
                if w in ("he", "she") and (
                    sent.tags[k - 1] in ("VBD", "VBZ") or lower[k - 1] == "that"
                ):
                    votes.setdefault(m.entity, set()).add(_PRONOUN_GENDER[w])
                    break
                if w in _CLAUSE_END or sent.words[k] in _OPEN_Q:
                    break
        nxt = sent.index + 1
        if (
            len(people) == 1
            and nxt < len(sents)
            and "\n\n" not in doc.text[sent.end : sents[nxt].start]
            and not any(m.first < _GENDER_WINDOW for m in ents.by_sent[nxt])
        ):
            following = sents[nxt].lower
            for k in range(min(len(following), _GENDER_WINDOW)):
                w = following[k]
                if w in ("he", "she") and (k == 0 or following[k - 1] == ","):
                    votes.setdefault(people[0].entity, set()).add(_PRONOUN_GENDER[w])
                    break
    out = {eid: next(iter(gs)) for eid, gs in votes.items() if len(gs) == 1}
    if len(_GENDERS) > 16:
        _GENDERS.clear()
    _GENDERS[id(ents)] = (ents, out)
    return out


#: Tokens read after a name or at a sentence's start for the pronoun of a person's gender.
_GENDER_WINDOW: Final = 12


#: What someone makes and others back or fight: its maker is named where the text told of it.
_DEAL_NOUNS: Final = frozenset(
    {"deal", "agreement", "pact", "plan", "proposal", "reshuffle", "strategy", "compromise",
     "bill", "reform", "reforms", "budget", "manifesto", "programme", "program"}
)  # fmt: skip


def _maker_of(
    doc: Doc, ents: Mentions, s: Sent, j: int, noun: str, claimant: str
) -> Mention | None:
    """Who made the *deal* (``noun``) the cue at token ``j`` acts on, placed at ``j``.

    The person named last before the same noun in one of the ``_LOOKBACK``
    sentences before (*cleared the way for the CDA's leader, Maxime
    Verhagen, to complete the deal*), never the claimant.
    """
    for si in range(s.index - 1, max(-1, s.index - 1 - _LOOKBACK), -1):
        prev = doc.sents[si]
        lower = prev.lower
        at = next((k for k in range(min(len(prev), _REGION * 2)) if lower[k] == noun), None)
        if at is None:
            continue
        for m in ents.by_sent[si].backwards(at, at - _REGION):
            e = ents.entities.get(m.entity)
            if m.last <= at and e is not None and e.type == PERSON and m.entity != claimant:
                return Mention(m.entity, j, j + 2, s.starts[j], s.ends[j + 1])
        return None
    return None


#: What a removal or resignation is called afterwards: "welcomed the announcement".
_OUTCOME_NOUNS: Final = frozenset(
    {"decision", "decisions", "move", "announcement", "news", "result", "outcome", "changes",
     "verdict", "step", "vote"}
)  # fmt: skip
#: A removal done to the person named after it: "expelled X", "removed X as chair".
_REMOVED: Final = frozenset(
    {"removed", "expelled", "sacked", "ousted", "suspended", "dismissed", "fired", "axed",
     "deposed", "toppled", "unseated", "deselected", "demoted", "remove", "expel", "oust",
     "sack", "suspend", "depose", "topple", "unseat", "deselect", "demote"}
)  # fmt: skip
#: A resignation by the person named before it: "X said he would step down", "X resigned".
_LEAVES: Final = frozenset(
    {"resign", "resigned", "resigns", "resigning", "quit", "quits", "quitting", "leaving"}
)
#: A choice made last, whose result is no one's exit: "the members chose X".
_CHOICES: Final = frozenset(
    {"chose", "elected", "won", "wins", "defeating", "defeated", "beat", "beating", "survived",
     "survives", "re-elected"}
)  # fmt: skip
#: The one leaving an office: "the outgoing prime minister".
_OUTGOING: Final = frozenset({"outgoing", "departing", "ousted", "resigning", "retiring"})
#: An exit only demanded: "said he should resign".
_DEMANDED: Final = frozenset({"should", "must", "ought"})
_DOWN_VERBS: Final = frozenset(
    {"step", "stepped", "steps", "stepping", "stand", "stood", "stands", "standing"}
)


def _exit_before(doc: Doc, ents: Mentions, s: Sent, j: int, claimant: str) -> Mention | None:
    """The person whose removal or resignation was told last before token ``j``, placed at ``j``.

    *removed X*: the person named within four tokens after the verb; *X
    resigned*, *X said he would step down*: the person named last before it
    in its sentence (within ``_REGION`` tokens), as for a passive (*X was
    ousted*). The latest such exit in the ``2 * _LOOKBACK`` sentences up to
    ``s`` (at most ``2 * _REGION`` tokens read in each), never the claimant;
    none when a choice (*chose*, *won*) was told after it.
    """
    for si in range(s.index, max(-1, s.index - 1 - 2 * _LOOKBACK), -1):
        sent = doc.sents[si]
        lower = sent.lower
        hi = j if si == s.index else len(sent)
        pms = ents.by_sent[si]
        for k in range(hi - 1, max(-1, hi - 1 - 2 * _REGION), -1):
            w = lower[k]
            m: Mention | None = None
            if (w in _REMOVED or w in _LEAVES or w in _DOWN_VERBS) and any(
                lower[b] in _NEG_BEFORE or lower[b] in _DEMANDED for b in range(max(0, k - 3), k)
            ):
                continue  # "Cobos said he would not step down", "X should resign": no exit
            if w in _REMOVED and not (k > 0 and lower[k - 1] in _BE):
                m = pms.after(k + 1, 4)
            elif (
                w in _LEAVES
                or (w in _DOWN_VERBS and k + 1 < len(sent) and lower[k + 1] in ("down", "aside"))
                or w in _REMOVED  # "X was ousted as whip"
            ):
                he = next(
                    (b for b in range(k - 1, max(-1, k - 5), -1) if lower[b] in ("he", "she")), -1
                )
                if he >= 0:  # "announcing that he too would resign": whom "he" stands for
                    m = antecedent(doc, ents, si, he)
                    if m is not None:
                        e = ents.entities.get(m.entity)
                        if e is None or e.type != PERSON or m.entity == claimant:
                            return None
                        return Mention(m.entity, j, j + 2, s.starts[j], s.ends[j + 1])
                m = next(
                    (
                        x
                        for x in pms.backwards(k, k - _REGION)
                        if (xe := ents.entities.get(x.entity)) is not None
                        and xe.type == PERSON
                        and not _modifier(sent, pms, x, ents)  # "Kihika, another Ruto ally,"
                    ),
                    None,
                )
            elif w in _CHOICES and not (k > 0 and lower[k - 1] in ("who", "which")):
                # ("betrayed the people who elected him": no choice told, only its voters)
                return None  # "the members chose X... hailed the result": an election's
            else:
                continue
            e = None if m is None else ents.entities.get(m.entity)
            if m is None or e is None or e.type != PERSON or m.entity == claimant:
                return None  # the latest exit is not another person's
            return Mention(m.entity, j, j + 2, s.starts[j], s.ends[j + 1])
    return None


#: A removal someone else does: "called the expulsions a purge" is about who expelled.
_STRUCK: Final = frozenset(
    {"removal", "sacking", "dismissal", "expulsion", "suspension", "deselection", "ouster",
     "ousting", "sackings", "dismissals", "expulsions", "suspensions", "deselections",
     "removals", "purge"}
)  # fmt: skip


def _remover_before(doc: Doc, ents: Mentions, s: Sent, j: int, claimant: str) -> Mention | None:
    """The person who did the removal told last before token ``j``, placed at ``j``.

    *X, the party's leader, removed Y and Z*: X, the person named last before
    the active verb in its sentence (within ``_REGION`` tokens, not a
    modifier). The latest removal of the ``2 * _LOOKBACK`` sentences up to
    ``s`` (``2 * _REGION`` tokens read in each); none when it is passive, has
    no person as its subject, or the subject is the claimant.
    """
    for si in range(s.index, max(-1, s.index - 1 - 2 * _LOOKBACK), -1):
        sent = doc.sents[si]
        lower = sent.lower
        hi = j if si == s.index else len(sent)
        pms = ents.by_sent[si]
        for k in range(hi - 1, max(-1, hi - 1 - 2 * _REGION), -1):
            if lower[k] not in _REMOVED or sent.tags[k] not in ("VBD", "VBZ", "VBN"):
                continue
            if (k > 0 and lower[k - 1] in _BE) or any(
                lower[b] in _NEG_BEFORE or lower[b] in _DEMANDED for b in range(max(0, k - 3), k)
            ):
                return None  # "was expelled", "should be removed": no remover told
            m = next(
                (x for x in pms.backwards(k, k - _REGION) if not _modifier(sent, pms, x, ents)),
                None,
            )
            e = None if m is None else ents.entities.get(m.entity)
            if m is None or e is None or e.type != PERSON or m.entity == claimant:
                return None
            return Mention(m.entity, j, j + 2, s.starts[j], s.ends[j + 1])
    return None


def _fallback_target(
    doc: Doc,
    s: Sent,
    ms: MentionList,
    ents: Mentions,
    claimant: str,
    cue: int,
    recent: list[tuple[int, Mention]],
) -> Mention | None:
    """Whom a claim is about when its clause names nobody.

    A mention after a preposition before the claimant (*In a letter to
    May, Brady said...*); else the most salient actor or faction of the previous
    ``_LOOKBACK`` sentences: the one the whole text mentions most (the
    story's protagonist), ties going to the target of a recent claim.
    """
    opened = False  # the claimant was named: what follows is its own clause
    for m in ms.between(cue - _REGION, cue):
        if m.entity == claimant:
            if cue < 2 or s.lower[cue - 1] != "," or s.tags[cue] != "VBG":
                break
            opened = True
            continue
        if (
            opened
            and not _modifier(s, ms, m, ents)
            and not _in_claimant_phrase(s, ms, m, claimant, cue)  # "X, an ally of Y, quit"
        ):
            # "X removed Y as party chair, blaming the campaign": the main clause's object
            return m
        if not opened and not _modifier(s, ms, m, ents) and not _eligible(s, m, ents):
            return m  # "In a letter to May, X said"
    floor = s.index - _LOOKBACK
    targets = {m.entity for si, m in recent if si >= floor}
    best: Mention | None = None
    score = 0.0
    for si in range(s.index - 1, max(-1, floor - 1), -1):
        prev = doc.sents[si]
        pms = ents.by_sent[si]
        for m in pms:
            if m.entity == claimant or _modifier(prev, pms, m, ents):
                continue
            e = ents.entities.get(m.entity)
            n = (len(e.spans) if e is not None else 0) + (0.5 if m.entity in targets else 0.0)
            if e is not None and e.type == FACTION and e.faction_kind is FactionKind.PARTY:
                n *= 0.3  # the party is the stage of an intra-party fight, seldom its target
            if n > score:
                best, score = m, n
    if best is None:
        best = next((m for si, m in reversed(recent) if si >= floor and m.entity != claimant), None)
    return best


def _remember(recent: list[tuple[int, Mention]], si: int, m: Mention) -> None:
    """Keep the targets of the latest claims (a bounded list: constant work per claim)."""
    recent.append((si, m))
    if len(recent) > 2 * _RECENT:
        del recent[:_RECENT]


def _evaluate(
    s: Sent,
    lo: int,
    hi: int,
    evaluative: Mapping[str, Stance],
    verbs: list[tuple[int, int, VerbSense]] | None = None,
) -> Stance | None:
    """For or against, by the evaluative words of tokens ``[lo, hi)`` (negation flips a word).

    Reporting verbs and acts of the sentence inside the range with a stance of
    their own (*would vote for*, *will back*) count double.
    """
    score = 0
    lower = s.lower
    verbs = verbs or []
    # "a message to those who tried to topple him": what the foes did is no verdict
    foes = next((b + 1 for b in range(lo, hi - 1) if _foes_at(lower, b)), hi)
    x = bisect_left(verbs, (lo, -1, _ACCORDING))  # cues are sorted by position
    for i2, _j2, sense in verbs[x : x + _REGION]:
        if i2 >= hi:
            break
        if sense.stance in _FLIP:
            v = 2 if sense.stance is Stance.SUPPORT else -2
            if any(lower[b] in _NEG_BEFORE for b in range(max(lo, i2 - 3), i2)):
                v = -v
            if sense.stance is Stance.OPPOSE and (_suffered(s, lo, i2) or i2 > foes):
                v = -v  # "said X had been undermined": a wrong done to X
            score += v
    weight = 1
    skip = lo
    for k in range(lo, hi):
        if lower[k] in ("but", "yet", "however"):
            weight = 2  # "a good man but the wrong leader": what follows "but" counts
        if k < skip:
            continue
        if lower[k] in _STOP_VERBS and (h := _stopped_act(lower, k, hi)) > 0:
            score += 2  # '"stop plotting and start campaigning"': for the one plotted against
            skip = h
            continue
        if (
            lower[k] in ("need", "needs", "needed")
            and k + 2 < hi
            and lower[k + 1] in ("him", "her", "his")
            and lower[k + 2] != "to"
            and lower[k + 2] not in _REMOVAL_NOUNS
        ):
            score += 2  # 'the party "needs his guidance"': for him
            continue
        if (
            lower[k] in ("victim", "victims", "scapegoat")
            and k >= lo + 2
            and lower[k - 1] in ("the", "a")
            and lower[k - 2] in _BE
            and not any(lower[y] in ("i", "we") for y in range(max(lo, k - 6), k))
        ):
            score += 2  # "said he had been the victim of a campaign": in his defence
            continue
        if lower[k] == "stand" and any(
            lower[x] in ("behind", "by") for x in range(k + 1, min(hi, k + 9))
        ):
            score += 1  # 'would stand "shoulder to shoulder" behind X': not "stand down"
            continue
        if lower[k] == "under" and any(lower[x] in _SERVE for x in range(max(lo, k - 3), k)):
            if any(lower[x] in _NEG_BEFORE for x in range(max(lo, k - 6), k)):
                score -= 2  # "would not serve under X", "not stand again under X": against X
            elif any(lower[x] in ("would", "will") for x in range(max(lo, k - 4), k)):
                score += 2  # "said he would serve loyally under the new leader": for X
            continue
        if lower[k] == "too" and k + 1 < hi and lower[k + 1] == "long":
            score -= 2  # "had protected Zuma for too long": a reproach
            continue
        if lower[k] in ("need", "needs", "needed") and any(
            lower[x] in _NEW_LEADER for x in range(k + 1, min(hi, k + 4))
        ):
            score -= 2  # 'the party needed "a leader who can win"': not the one it has
            continue
        if (
            lower[k] in ("need", "needs", "deserve", "deserves")
            and k - 3 >= lo
            and lower[k - 2] in ("leader", "man", "woman", "person")
            and lower[k - 3] == "the"
            and not any(lower[b] in _NEG_BEFORE for b in range(max(lo, k - 6), k - 3))
        ):
            score += 2  # '"the leader we need"': praise ("not the leader we need": none)
            continue
        st = evaluative.get(lower[k])
        if st is None or st is Stance.NEUTRAL:
            continue
        if lower[k] in ("right", "wrong") and k + 1 < hi and lower[k + 1] == "to":
            # "had been right to act after a humiliating night": the verdict on the act
            score += 2 * weight if st is Stance.SUPPORT else -2 * weight
            continue
        if k + 1 < hi and lower[k + 1] in _VOTE_NOUNS:
            continue  # "a confidence vote", "a leadership ballot": a procedure, not praise
        if lower[k] in ("right", "left") and k > 0 and lower[k - 1] == "the":
            continue  # "drifting to the right": a direction, not a judgement
        v = weight if st is Stance.SUPPORT else -weight
        for b in range(max(lo, k - 3), k):
            if lower[b] in _NEG_BEFORE or (lower[b] == "longer" and b > 0 and lower[b - 1] == "no"):
                v = -v
                break
        if (
            v > 0
            and st is Stance.OPPOSE
            and k + 2 < hi
            and lower[k + 1] in _NAMING_DETS
            and lower[k + 2] in _POLICIES
        ):
            v = -v  # "would not abandon the reform": firm against those who fight it
        if st is Stance.OPPOSE and (_suffered(s, lo, k) or k > foes):
            v = -v  # "had been undermined", "a message to those who tried to topple him"
        score += v
    if score > 0:
        return Stance.SUPPORT
    if score < 0:
        return Stance.OPPOSE
    return None


#: A course of action one can refuse to give up: "would not abandon the reform".
_POLICIES: Final = frozenset(
    {"reform", "reforms", "policy", "policies", "plan", "plans", "bill", "tax", "agenda",
     "course", "programme", "program", "strategy", "budget", "treaty", "law", "project"}
)  # fmt: skip


#: Wrongs done to someone: "X had been undermined" is said in X's defence.
_WRONGS: Final = frozenset(
    {"undermined", "betrayed", "smeared", "hounded", "bullied", "sabotaged", "stabbed",
     "knifed", "ambushed", "humiliated", "vilified", "scapegoated", "mistreated", "insulted",
     "harassed", "persecuted", "backstabbed", "abandoned", "attacked", "targeted", "slandered"}
)  # fmt: skip
_TREATED: Final = frozenset({"treated", "handled", "served"})


def _suffered(s: Sent, lo: int, k: int) -> bool:
    """Whether the hostile word at token ``k`` is a wrong someone suffered (read back from ``lo``).

    *had been undermined*, *was "betrayed"*, *had been treated "shabbily"*:
    a form of *be* before the participle (quotation marks skipped).
    """
    lower = s.lower
    x = k - 1
    while x >= lo and (s.words[x] in _OPEN_Q or s.words[x] in _CLOSE_Q):
        x -= 1
    if lower[k] not in _WRONGS:
        if x < lo or lower[x] not in _TREATED:
            return False  # "treated shabbily": the manner of a treatment
        x -= 1
    if x < lo or lower[x] not in ("been", "being", "was", "were", "is", "are", "be", "get", "got"):
        return False
    # "I am not going to be bullied": the speaker's own grievance, against the bullies
    return not any(lower[y] in ("i", "we") for y in range(max(lo, x - 5), x))


def _foes_at(lower: list[str], b: int) -> bool:
    """``those who`` at token ``b``: the speaker's foes, whose hostility is no verdict of theirs."""
    return lower[b] in ("those", "anyone", "anybody", "people") and lower[b + 1] == "who"


#: Serving under a leader: "would not serve under X" refuses X.
_SERVE: Final = frozenset({"serve", "stand", "work", "sit", "run", "campaign", "again"})
_STOP_VERBS: Final = frozenset({"stop", "end", "cease", "quit"})
#: Hostile acts one is told to stop: "stop plotting", "end the infighting".
_HOSTILE_ACTS: Final = frozenset(
    {"plotting", "attacking", "undermining", "briefing", "sniping", "infighting", "scheming",
     "bickering", "squabbling", "knifing", "rebelling", "conspiring", "plots", "attacks",
     "plot", "attack", "revolt", "rebellion", "purge", "purges", "witch-hunt", "vendetta",
     "feuding", "feud"}
)  # fmt: skip
#: "needed a new leader", "needs a fresh start", "needed a change of leadership".
_NEW_LEADER: Final = frozenset({"leader", "leadership", "change", "start", "direction"})


def _stopped_act(lower: list[str], k: int, hi: int) -> int:
    """After *stop* at ``k``: the end of a hostile act (*plotting*, *the infighting*), else 0."""
    x = k + 1
    if x < hi and lower[x] in ("the", "their", "this", "these", "his", "her"):
        x += 1
    return x + 1 if x < hi and lower[x] in _HOSTILE_ACTS else 0


_VOTE_NOUNS: Final = frozenset(
    {"vote", "votes", "motion", "ballot", "ballots", "election", "contest"}
)

_FORM_STANCE: Final = {
    ClaimForm.ENDORSEMENT: Stance.SUPPORT,
    ClaimForm.CRITICISM: Stance.OPPOSE,
    ClaimForm.ACCUSATION: Stance.OPPOSE,
    ClaimForm.WARNING: Stance.OPPOSE,
}


#: What critics say: rejecting it defends the one they attacked.
_CRITICISM_NOUNS: Final = frozenset(
    {"criticism", "criticisms", "attacks", "accusations", "allegations", "charges", "claims",
     "complaints", "calls", "attack", "accusation", "allegation", "critics"}
)  # fmt: skip
#: What a speaker asks for, which another can dismiss: "dismissed that demand".
_DEMAND_NOUNS: Final = frozenset(
    {"demand", "demands", "proposal", "proposals", "suggestion", "suggestions", "request",
     "requests", "ultimatum", "plea", "appeal", "idea", "offer", "call"}
)  # fmt: skip
_HOSTILE_NOUNS: Final = frozenset(
    {"challenge", "motion", "removal", "ouster", "ousting", "impeachment", "censure", "vacate",
     "spill", "coup", "putsch", "resignation", "sacking", "dismissal", "expulsion", "suspension",
     "deselection", "revolt", "rebellion", "plot", "campaign", "bid", "letter", "petition",
     "no-confidence", "attack", "attacks", "criticism", "complaint", "vote", "recall"}
)  # fmt: skip
_SUPPORT_NOUNS: Final = frozenset({"support", "backing", "endorsement", "confidence", "loyalty"})
_AGAINST: Final = frozenset({"against", "in", "to", "of", "for", "from", "on"})


def _hostile_object(
    s: Sent, ms: MentionList, j: int, hi: int, claimant: str
) -> tuple[Mention, int] | None:
    """A verb's object that is an act for or against someone: (that someone, +1 for / -1 against).

    *a motion of no confidence in X*, *a leadership challenge against X*,
    *its support for X*, *calls for X's resignation*: the person after the
    preposition (or the possessor) within a few words, with the polarity of
    the noun (*support*: +1; *challenge*, *no confidence*: -1).
    """
    lower = s.lower
    polarity = 0
    end = min(hi, j + 9)
    for k in range(j, end):
        w = lower[k]
        if w in _SUPPORT_NOUNS and polarity == 0:
            polarity = -1 if k > 0 and lower[k - 1] == "no" else 1
        elif w in _HOSTILE_NOUNS and polarity == 0:
            polarity = -1
        m = ms.after(k, 0)
        if (
            m is not None
            and m.entity != claimant
            and polarity != 0
            and (lower[k - 1] in _AGAINST or _owner_of_act(s, m))
        ):
            return m, polarity
        if w in _CLAUSE_END or w == "that":
            break
    return None


def _owner_of_act(s: Sent, m: Mention) -> bool:
    """``X's resignation``, ``X's removal``: the mention owns an act against it."""
    k = m.last
    return (
        k + 1 < len(s)
        and s.lower[k] in ("'s", "'")
        and (s.lower[k + 1] in _HOSTILE_NOUNS or s.lower[k + 1] in _REMOVAL_NOUNS)
    )


#: "the decision to suspend X", "the move to oust X": an act whose object it strikes.
_ACT_NOUNS: Final = frozenset(
    {"decision", "move", "vote", "plan", "bid", "attempt", "call", "push", "effort", "efforts",
     "calls", "moves", "plans", "attempts"}
)  # fmt: skip
_REMOVAL_VERBS: Final = frozenset(
    {"suspend", "sack", "remove", "expel", "oust", "deselect", "dismiss", "fire", "axe", "drop",
     "strip", "depose", "topple", "unseat", "censure", "impeach", "discipline", "demote"}
)  # fmt: skip
_POSSESSIVE_MARKS: Final = frozenset({"'s", "'", "’s", "’"})


def _act_against(s: Sent, j: int, target: Mention | None) -> bool:
    """Whether the object after the cue at token ``j`` is an act against someone.

    *the suspension*, *his sacking* (the act's victim is the target found
    elsewhere), *Corbyn's suspension*, *the decision to suspend Corbyn*,
    *the way she had been treated*, *the treatment of X*.
    """
    lower = s.lower
    n = len(lower)
    if j + 1 >= n:
        return False
    if lower[j] in _NAMING_DETS and lower[j + 1] in _REMOVAL_NOUNS:
        return True
    if lower[j] in _NAMING_DETS and lower[j + 1] in ("treatment", "way", "manner"):
        # "condemned the treatment of X", "the way she had been treated"
        return lower[j + 1] == "treatment" or any(
            lower[x] in ("treated", "handled", "hounded", "attacked", "smeared")
            for x in range(j + 2, min(n, j + 7))
        )
    if (
        j + 3 < n
        and lower[j] in _NAMING_DETS
        and lower[j + 1] in _ACT_NOUNS
        and lower[j + 2] == "to"
        and lower[j + 3] in _REMOVAL_VERBS
    ):
        return True
    return (
        target is not None
        and target.first == j
        and target.last + 1 < n
        and lower[target.last] in _POSSESSIVE_MARKS
        and lower[target.last + 1] in _REMOVAL_NOUNS
    )


def _role_subject(doc: Doc, s: Sent, ents: Mentions, a: int) -> Mention | None:
    """``The prime minister said``: the person the text gave that role (*Prime Minister Theresa May*).

    The words between *the* and the cue (at most four, lower case, ending in
    a role noun) must end one of the role phrases recorded for a person; the
    most mentioned such person is the claimant.
    """
    lower = s.lower
    k = a - 1
    while k >= 0 and lower[k] in ("has", "have", "had", "also"):
        k -= 1
    end = k + 1
    while k >= 0 and end - k <= 4 and lower[k] != "the":
        if not s.words[k][:1].isalpha():
            return None
        k -= 1
    if k < 0 or lower[k] != "the" or k + 1 >= end:
        return None
    if lower[end - 1] not in _ROLE_HEADS and _office(s, k + 1) != end:
        return None  # not a role ("the taoiseach" is an office)
    if k > 0 and lower[k - 1] not in _ROLE_OPENERS and s.words[k - 1] not in _CLOSE_Q:
        return None  # "the leader of the party said", "of the prime minister"
    found = _person_with_role(s, ents, k, end)
    if (
        found is None
        and _office(s, k + 1) == end
        and " ".join(lower[k + 1 : end]) in _GOV_HEADS  # ("the leadership said": the party)
    ):
        # "The taoiseach said", no one named with the role: the office's holder in the story
        found = _office_holder(doc, s, ents, k, "")
    return found


def _role_after(s: Sent, ents: Mentions, j: int) -> Mention | None:
    """'"...," said the prime minister': the person with that role, after the cue."""
    lower = s.lower
    if j >= len(s) or lower[j] != "the":
        return None
    end = j + 1
    while end < len(s) and end - j <= 4 and s.words[end][:1].isalpha():
        if lower[end] in _ROLE_HEADS:
            return _person_with_role(s, ents, j, end + 1)
        end += 1
    return None


#: "the leader", "the party leader", "the leadership", "the prime minister": the office at
#: the top of the story, read as its holder when the text gives nobody that role.
_OFFICES: Final = frozenset(
    {("leader",), ("leadership",), ("party", "leader"), ("party", "leadership"),
     ("party", "'s", "leader"), ("party", "'s", "leadership"), ("prime", "minister"),
     ("president",), ("premier",), ("chancellor",), ("first", "minister"), ("taoiseach",),
     ("incumbent",), ("front-runner",), ("frontrunner",), ("nominee",), ("party", "leader"),
     ("chairman",), ("chairwoman",), ("party", "chairman"), ("party", "chairwoman")}
)  # fmt: skip


def _office(s: Sent, k: int) -> int | None:
    """The end of an office (*prime minister*, *leader*...) starting at token ``k``, if one."""
    for size in (3, 2, 1):
        if k + size <= len(s) and tuple(s.lower[k : k + size]) in _OFFICES:
            return k + size
    return None


def _office_holder(doc: Doc, s: Sent, ents: Mentions, k: int, claimant: str) -> Mention | None:
    """'said the leader had failed': the person holding the office after *the* at token ``k``.

    The holder is the person the text gave that role (*leader* for *the
    leadership*) if named before this sentence; for a head of government
    (*the prime minister*, *the president*), the owner of a cabinet or
    government (*Jean Chrétien's cabinet*); else the person the whole text
    mentions most (the story's protagonist, at least twice); never the
    claimant. Not *the leader of X*, whose holder is X's. The office may
    follow *its*, *their* or *the party's* and one word of scope (*the
    party's UK leadership*, *its national leadership*).
    """
    lower = s.lower
    start = k + 1
    p = k + 3 if lower[k + 1 : k + 3] in (["party", "'s"], ["party", "’s"]) else k + 1
    if (
        p + 1 < len(s)
        and lower[p + 1] in ("leader", "leadership")
        and (s.tags[p] == "NNP" or lower[p] in _SCOPES)
        and lower[p] not in _ROLE_MODS
    ):
        start = p + 1  # "accusing the party's UK leadership": the leader
    for size in (3, 2, 1):
        end = start + size
        if end > len(s) or tuple(lower[start:end]) not in _OFFICES:
            continue
        if (
            end < len(s)
            and lower[end] in ("of", "'s", "’s")
            # "accused the leadership of betraying...": what it is accused of, not its party
            and not (
                lower[end] == "of"
                and (v := end + 2 if end + 2 < len(s) and s.words[end + 1] in _OPEN_Q else end + 1)
                < len(s)
                and s.tags[v] == "VBG"
            )
        ):
            return None
        head = lower[end - 1]
        key = " ".join(lower[end - 2 : end]) if size > 1 and lower[end - 2] != "'s" else head
        if key == "party leader" or head == "leadership":
            key = "leader"
        elif head in ("chairman", "chairwoman"):
            key = head
        index = _role_index(ents)
        holder = index.get(key)
        if holder is None and key in ("chairman", "chairwoman"):
            # "said the chairman should step aside" with no one given that role: the party's
            # head, its leader
            holder = _party_head(ents) or index.get("leader")
        if holder is None and key == "leader":
            # "accused the party leadership" when the party's head is its president or chair
            holder = _party_head(ents)
        later = holder if holder != claimant else None  # given the role only further on
        if holder is None or holder == claimant or not _named_before(ents, holder, s.start):
            holder = None
            if key in _GOV_HEADS:
                holder = _government_owner(doc, ents, s.index)  # "Chrétien's cabinet"
            if holder is None or holder == claimant:
                holder = _lead(doc, ents, claimant, key) or _protagonist(ents, claimant) or later
        if holder is None:
            return None
        return Mention(holder, k, end, s.starts[k], s.ends[end - 1])
    return None


def _lead(doc: Doc, ents: Mentions, claimant: str, office: str) -> str | None:
    """The person a story's lead sentence opens with, as the holder of ``office``.

    *Theresa May survived a confidence vote on Wednesday*: the prime
    minister, unless the text gave her another role or a deputy's (*Vice
    President*), or goes on to mention someone else three times more
    (*Chrystia Freeland resigned... Trudeau... Trudeau...*).
    """
    if not doc.sents or len(doc.sents[0]) < _LEAD_LENGTH or not ents.by_sent[0]:
        return None
    m = ents.by_sent[0][0]
    e = ents.entities.get(m.entity)
    if m.first > 1 or e is None or e.type != PERSON or m.entity == claimant:
        return None
    roles = [r.casefold() for r in e.roles]
    if any(w in _ROLE_MODS for r in roles for w in r.split()):
        return None
    if roles and not any(r.endswith(office) for r in roles):
        return None
    top = _protagonist(ents, claimant)
    if top is not None and top != m.entity and len(e.spans) + 2 < len(ents.entities[top].spans):
        return None  # a story that opens with one person and goes on about another
    return m.entity


#: Tokens of a lead sentence at least (not a caption: "Vice President Kamala Harris spoke.").
_LEAD_LENGTH: Final = 8
#: A party's head by other titles: the holder of "the leadership" when none is "leader".
_PARTY_HEADS: Final = frozenset({"president", "chairman", "chairwoman", "chair", "chairperson"})
_HEADS: dict[int, tuple[Mentions, str | None]] = {}


def _party_head(ents: Mentions) -> str | None:
    """The most mentioned person whose role is a party's *president* or *chair* (built once).

    A role written in lower case (*the party's president*), not a title
    (*President Lula*): a head of state is no party's leadership.
    """
    hit = _HEADS.get(id(ents))
    if hit is not None and hit[0] is ents:
        return hit[1]
    best: str | None = None
    most = 0
    for e in ents.entities.values():
        if e.type != PERSON or len(e.spans) <= most:
            continue
        if any(
            r.split()[-1] in _PARTY_HEADS and not any(w in _ROLE_MODS for w in r.split())
            for r in e.roles
            if r
        ):
            best, most = e.id, len(e.spans)
    if len(_HEADS) > 16:
        _HEADS.clear()
    _HEADS[id(ents)] = (ents, best)
    return best


#: "the national leadership", "the party's federal leadership": the scope of an office.
_SCOPES: Final = frozenset({"national", "federal", "central", "current", "present", "overall"})
_GOV_HEADS: Final = frozenset(
    {"prime minister", "president", "premier", "chancellor", "first minister", "taoiseach"}
)
_GOV_NOUNS: Final = frozenset({"cabinet", "government", "administration", "ministry"})


def _government_owner(doc: Doc, ents: Mentions, si: int) -> str | None:
    """The person who owns a cabinet or government in sentences up to ``si`` (*Chrétien's cabinet*).

    The latest such owner, among the last ``_REGION`` mentions of each of at
    most ``4 * _LOOKBACK`` sentences (constant work per call).
    """
    for i in range(si, max(-1, si - 1 - 4 * _LOOKBACK), -1):
        sent = doc.sents[i]
        for m in reversed(ents.by_sent[i][-_REGION:]):  # bounded on endless sentences
            x = m.last
            if (
                x + 1 < len(sent)
                and sent.lower[x] in _POSSESSIVE_MARKS
                and sent.lower[x + 1] in _GOV_NOUNS
                and (e := ents.entities.get(m.entity)) is not None
                and e.type == PERSON
            ):
                return m.entity
    return None


def _new_leader(s: Sent, ents: Mentions, lo: int, hi: int, claimant: str) -> Mention | None:
    """'choose a new leader', 'a change of leadership': against the leader the text has.

    Not *the new leadership*, which is already in place.

    The leader is the person given the role of leader before this sentence,
    else the story's protagonist; never the claimant.
    """
    lower = s.lower
    for k in range(lo, min(hi, lo + _REGION) - 1):
        w, nxt = lower[k], lower[k + 1]
        if (
            w in ("new", "different", "fresh")
            and nxt in ("leader", "leadership")
            and k > 0
            and lower[k - 1] in ("a", "an")  # not "unite behind the new leadership"
        ) or (
            w == "change"
            and nxt == "of"
            and k + 2 < hi
            and lower[k + 2] in ("leader", "leadership")
        ):
            holder = _role_index(ents).get("leader")
            if holder is None or holder == claimant or not _named_before(ents, holder, s.start):
                holder = _protagonist(ents, claimant)
            if holder is None:
                return None
            return Mention(holder, k, k + 2, s.starts[k], s.ends[k + 1])
    return None


#: One's opponents, told what to do: "called on his critics to respect the decision".
_FOES: Final = frozenset(
    {"critics", "opponents", "rivals", "detractors", "enemies", "accusers", "challengers"}
)
#: Who comes in: "X replaced him", "X won", "X defeated Y" (X before the verb).
_CAME_IN: Final = frozenset({"replaced", "succeeded", "defeated", "beat", "won", "ousted"})


#: A party's head: "X became leader", "became chairman".
_HEAD_ROLES: Final = frozenset({"leader", "chairman", "chairwoman", "chair", "chairperson"})


def _newcomer(doc: Doc, ents: Mentions, s: Sent, k: int, claimant: str) -> Mention | None:
    """*the new leader* at token ``k``: the person the text told came in last, placed at ``k``.

    The person named before *replaced*, *succeeded*, *won* or *defeated*
    (*the camp of Cyril Ramaphosa, who replaced him*), or after an active
    *elected* or *chose*, in the ``2 * _LOOKBACK`` sentences up to ``s``
    (at most ``2 * _REGION`` tokens read in each); never the claimant.
    """
    for si in range(s.index, max(-1, s.index - 1 - 2 * _LOOKBACK), -1):
        sent = doc.sents[si]
        lower = sent.lower
        pms = ents.by_sent[si]
        hi = k if si == s.index else len(sent)
        for x in range(hi - 1, max(-1, hi - 1 - 2 * _REGION), -1):
            w = lower[x]
            m: Mention | None = None
            if w in _CAME_IN or (
                w in ("became", "becomes")
                and x + 1 < len(sent)
                and (lower[x + 1] in _HEAD_ROLES or _office(sent, x + 1) is not None)
            ):
                # the subject: the mention nearest before ("X's party won": no person came in;
                # "X became leader of the party": X)
                m = next(iter(pms.backwards(x, x - _WINDOW)), None)
            elif w in ("elected", "chose") and not (x > 0 and lower[x - 1] in _BE):
                m = pms.after(x + 1, 3)
            else:
                continue
            e = None if m is None else ents.entities.get(m.entity)
            if m is None or e is None or e.type != PERSON:
                continue
            if m.entity == claimant:
                return None
            return Mention(m.entity, k, k + 3, s.starts[k], s.ends[k + 2])
    return None


#: Groups named for fighting their leader: a demand made to them defends the leader.
_DISSIDENTS: Final = frozenset(
    {"dissidents", "rebels", "plotters", "mutineers", "malcontents", "rebel", "dissident"}
)


def _defended(
    s: Sent, ents: Mentions, at: Mention, claimant: str, spoke: _Memory
) -> Mention | None:
    """Whom a demand to the dissidents defends, placed at ``at``.

    The person the claimant spoke of in this or the previous sentence (*X
    defended Y. He urged the dissidents to...*), else the one the text gave
    the role of leader before this sentence.
    """
    prior = spoke.target_of(claimant, s.index)
    holder = prior.entity if prior is not None else None
    if holder is None:
        holder = _role_index(ents).get("leader")
        if holder is None or holder == claimant or not _named_before(ents, holder, s.start):
            return None
    return Mention(holder, at.first, at.last, at.start, at.end)


def _named_before(ents: Mentions, eid: str, start: int) -> bool:
    """Whether entity ``eid`` is mentioned before character ``start``."""
    return _people(ents)[1].get(eid, start) < start


def _protagonist(ents: Mentions, claimant: str) -> str | None:
    """The person the text mentions most (at least twice), other than the claimant."""
    return next((eid for eid in _people(ents)[0] if eid != claimant), None)


_PEOPLE: dict[int, tuple[Mentions, tuple[list[str], dict[str, int]]]] = {}


def _people(ents: Mentions) -> tuple[list[str], dict[str, int]]:
    """The two persons mentioned most (at least twice) and every entity's first offset.

    Built once per document, so office words and role holders cost constant
    time per claim.
    """
    hit = _PEOPLE.get(id(ents))
    if hit is not None and hit[0] is ents:
        return hit[1]
    ranked = sorted(
        (e for e in ents.entities.values() if e.type == PERSON and len(e.spans) > 1),
        key=lambda e: -len(e.spans),
    )
    first = {e.id: min(a for a, _ in e.spans) for e in ents.entities.values() if e.spans}
    out = ([e.id for e in ranked[:2]], first)
    if len(_PEOPLE) > 16:
        _PEOPLE.clear()
    _PEOPLE[id(ents)] = (ents, out)
    return out


def _person_with_role(s: Sent, ents: Mentions, k: int, end: int) -> Mention | None:
    """The most mentioned person whose recorded roles end with the words ``k+1..end-1``."""
    best = _role_index(ents).get(" ".join(s.lower[k + 1 : end]))
    if best is None:
        return None
    return Mention(best, k, end, s.starts[k], s.ends[end - 1])


_ROLE_INDEX: dict[int, tuple[Mentions, dict[str, str]]] = {}
_ROLE_MODS: Final = frozenset(
    {
        "vice",
        "vice-",
        "deputy",
        "former",
        "shadow",
        "acting",
        "interim",
        "assistant",
        "junior",
        "ex",
    }
)


def _role_index(ents: Mentions) -> dict[str, str]:
    """Map role phrases to the most mentioned person holding them (built once per document).

    Each recorded role and each of its endings (*minister* of *Prime
    Minister*) is a key.
    """
    hit = _ROLE_INDEX.get(id(ents))
    if hit is not None and hit[0] is ents:
        return hit[1]
    score: dict[str, int] = {}
    index: dict[str, str] = {}
    for e in ents.entities.values():
        if e.type != PERSON:
            continue
        for r in e.roles:
            words = r.casefold().split()
            # "Vice President", "former minister": no "president", "minister" key
            mod = max((x for x, w in enumerate(words) if w in _ROLE_MODS), default=-1)
            for x in range(len(words) if mod < 0 else mod + 1):
                key = " ".join(words[x:])
                if len(e.spans) > score.get(key, 0):
                    score[key] = len(e.spans)
                    index[key] = e.id
    if len(_ROLE_INDEX) > 16:
        _ROLE_INDEX.clear()
    _ROLE_INDEX[id(ents)] = (ents, index)
    return index


def _quote_for(
    doc: Doc, s: Sent, cue_start: int, cue_end: int, inverted: bool
) -> tuple[int, int] | None:
    qs = doc.quotes_in(s.start, s.end)
    if not qs:
        return None
    if inverted:
        before = [q for q in qs if q[1] <= cue_start]
        if before:
            return before[-1]
    after = [q for q in qs if q[0] >= cue_end]
    return after[0] if after else None


def _sentence_claims(
    doc: Doc,
    s: Sent,
    ms: MentionList,
    ents: Mentions,
    cues: _Cues,
    date: PartialDate | None,
    seen: set[int],
    recent: list[tuple[int, Mention]],
    spoke: _Memory,
) -> list[Claim]:
    """The claims of sentence ``s`` (``spoke``: what the claims before said, updated)."""
    out: list[Claim] = []
    found = _match_cues(s, cues)
    if not found:
        return out
    lower = s.lower
    n = len(s)
    sent_date: PartialDate | None = None
    dates = find_dates(doc.text, date, s.start, s.end)
    sent_date = dates[0].date if dates else date
    floor = 0
    last: Claim | None = None
    last_claimant: Mention | None = None
    last_target: Mention | None = None
    last_stance: Stance | None = None
    for ci, (i, j, sense) in enumerate(found):
        nx = ci + 1
        while (
            nx < len(found)
            and nx - ci < _REGION
            and doc.quote_at(s.starts[found[nx][0]], s.ends[found[nx][1] - 1]) is not None
        ):
            nx += 1  # '"a message to those who tried to topple him"': a quoted verb goes on
        nxt = found[nx][0] if nx < len(found) else n
        cue_start, cue_end = s.starts[i], s.ends[j - 1]
        if (
            sense.form is ClaimForm.STATEMENT
            and sense.lemma not in _SAY
            and any(
                lower[x] in cues.event_nouns or lower[x] in _ANNOUNCED_ACTS
                for x in range(j, min(n, j + 3))
            )
        ):
            continue  # "announced her resignation": an event, not a statement
        if sense.lemma in _ANNOUNCE and _announced_exit(s, j):
            continue  # "announced he would step down": a resignation, not a statement
        if sense.lemma == "call" and (naming := _naming(doc, s, ms, j)) is not None:
            sense = naming  # "called Forbes a sore loser", 'called the deal "a betrayal"'
        if (
            last is not None
            and s.tags[i] == "VBG"
            and i > 0
            and lower[i - 1] == ","
            # "welcomed the result, calling Cheney '...'": a claim of its own, with its object
            # ("conceded defeat, congratulating the prime minister")
            and not (
                sense.object == "target"
                and (
                    _object_at(ms, j)
                    or (lower[j : j + 1] == ["the"] and _office(s, j + 1) is not None)
                )
            )
        ):
            # "backed Sánchez, saying ...": the same claimant goes on; attach the quote
            if last.quote is None:
                q = _quote_for(doc, s, cue_start, cue_end, False)
                if q is not None:
                    qt = doc.text[q[0] : q[1]]
                    last2 = attrs.evolve(
                        last,
                        quote=qt,
                        evidence=(
                            *last.evidence,
                            Span(source=doc.source, start=q[0], end=q[1], text=qt),
                        ),
                    )
                    out[-1] = last2
                    last = last2
            if last.target is None:
                # "hit back, saying Y had no mandate": the participle's clause names the target
                hi = _clause_end(s, j, n)
                t2 = _clause_target(doc, s, ms, ents, j, hi, last.claimant)
                if t2 is not None:
                    st2 = _evaluate(s, j, hi, cues.evaluative) or _FORM_STANCE.get(
                        last.form, Stance.OPPOSE
                    )
                    last = attrs.evolve(last, target=t2.entity, stance=st2)
                    out[-1] = last
                    _remember(recent, s.index, t2)
            floor = j
            continue
        if doc.quote_at(cue_start, cue_end) is not None:
            continue
        if (
            i > 1
            and lower[i] in ("comment", "say", "speak", "discuss", "elaborate", "respond")
            and lower[i - 1] == "to"
            and lower[i - 2] in _REFUSE
        ):
            continue  # "declined to comment": nothing said
        if i > 0 and s.tags[i].startswith("NN") and lower[i - 1] in ("his", "her", "their", "its"):
            continue  # "kept his distance from the dispute": a noun owned by someone, no act
        claimant: Mention | None = None
        aside = False
        also: tuple[Mention, ...] = ()  # the other speakers of a "they"
        target: Mention | None = None
        addressee: Mention | None = None
        inverted = False
        unquoted = -1
        # widen the cue over auxiliaries: "has warned", "have called on"
        a = i
        while a > 0 and lower[a - 1] in ("has", "have", "had", "will", "would", "'s"):
            a -= 1
        if sense is _ACCORDING:
            claimant = _after(s, ms, j, 4)
            inverted = True
        elif sense is _COLON:
            claimant = next((m for m in ms.backwards(i, i - 8) if m.last == i), None)
        elif (by := _agent_by(s, i, j)) > 0 and not sense.action:
            # passive with agent: "backed by the Establishment", "was endorsed the same day by X"
            claimant = _after(s, ms, by + 1, 4)
            aside = i > 0 and lower[i - 1] == ","  # "X, backed by Y, attacked Z": X goes on
            cue_end = s.ends[by]  # the cue is "backed by"
            if sense.object != "none":
                target = _subject(s, ms, ents, i)
                if target is None:
                    for m in reversed(ms):
                        if m.last <= i and i - m.last <= 4:
                            target = m
                            break
        elif s.tags[i] in ("VBN", "VBD") and (
            (i > 0 and lower[i - 1] in _BE)
            or (i > 1 and s.tags[i - 1] == "RB" and lower[i - 2] in _BE)
        ):
            continue  # passive without agent: no claimant ("is widely expected to")
        else:
            prev = i - 1
            while prev >= 0 and lower[prev] in _PRE_CUE:
                prev -= 1
            if prev >= 0 and (
                s.words[prev] in _CLOSE_Q
                or (lower[prev] == "," and prev > 0 and s.words[prev - 1] in _CLOSE_Q)
            ):
                # '"...," said X' or '"...," X said' (X before the cue is found first)
                claimant = _after(s, ms, j, 4)
                if claimant is not None:
                    inverted = True
            elif (
                prev > 2
                and lower[prev] == ","
                and s.tags[i] in ("VBD", "VBZ")
                # not "X, including Y, rallied behind Kurz.": the name is the verb's object
                and sense.object == "none"
                and (m_after := _after(s, ms, j, 3)) is not None
                and m_after.last >= len(s) - 2
            ):
                # "Johnson has lost control, said Grieve.": the clause before is reported
                claimant, inverted, unquoted = m_after, True, prev
            if (
                claimant is None
                and last_claimant is not None
                and a > 0
                and lower[a - 1] in ("and", "but")
            ):
                claimant = last_claimant  # "said ... and accused", "congratulated X but warned"
            if claimant is None:
                if prev >= 0 and lower[prev] in _PRONOUNS and prev >= floor:
                    claimant = _fronted_pronoun(doc, s, ents, prev) or antecedent(
                        doc, ents, s.index, prev
                    )
                elif prev >= 0 and lower[prev] == "they" and prev >= floor:
                    # "..., and they warned", "They said": the group that spoke or acted last
                    grp = spoke.group[1] if spoke.group and spoke.group[0] >= s.index - 1 else ()
                    grp = grp or _group_before(doc, ents, s.index)
                    if grp:
                        m0 = grp[0]
                        claimant = Mention(m0.entity, prev, prev + 1, s.starts[prev], s.ends[prev])
                        also = grp[1:]
                elif prev > 0 and lower[prev] in ("that", "which") and lower[prev - 1] in _WRITINGS:
                    # "X resigned ... in a letter that accused Y": the letter's author
                    claimant = _opening_subject(doc, s, ms, ents, prev - 1)
                elif prev > 0 and lower[prev] == "who" and lower[prev - 1] == ",":
                    # "..., Senator Matt Canavan, a long-time ally of Joyce, who said"
                    claimant = _relative_antecedent(s, ms, ents, prev - 1)
                if claimant is None and not (
                    prev >= 0 and (lower[prev] in _PRONOUNS or lower[prev] == "they")
                ):
                    # ", saying ...": the participle's subject is the main clause's
                    participle = s.tags[i] == "VBG" and i > 0 and lower[i - 1] == ","
                    claimant = _subject(s, ms, ents, a, floor, main_clause=participle)
                    if participle and claimant is not None:
                        claimant = _main_subject(doc, s, ms, ents, claimant)
                    elif participle and last_claimant is not None:
                        claimant = last_claimant  # "X welcomed the result, calling Y '...'"
                    if (
                        claimant is not None
                        and not participle
                        and a > 0
                        and lower[a - 1] in ("and", "but")
                    ):
                        # "he wished X and Y well and warned": X and Y are the first verb's
                        # objects, its subject speaks
                        claimant = _object_subject(doc, s, ms, ents, claimant, floor) or claimant
                    if claimant is None and a > 0 and lower[a - 1] in ("and", "but"):
                        claimant = _pronoun_subject(doc, s, ms, ents, a)
                if claimant is None and a > 3 and lower[a - 1] == ",":
                    # "His critics, led by Susana Díaz, had demanded": the named leader speaks
                    led = next((x for x in ms.backwards(a - 1, a - 8) if x.last == a - 1), None)
                    if (
                        led is not None
                        and led.first >= 2
                        and lower[led.first - 2 : led.first]
                        == [
                            "led",
                            "by",
                        ]
                    ):
                        claimant = led
                if claimant is not None and prev >= 0 and s.words[prev] in _CLOSE_Q:
                    inverted = True
                if claimant is not None and _after_quote(s, claimant.first):
                    inverted = True  # '"...," Smith told reporters
            if sense.object != "none":
                obj_from = i + 1 if _is_split(s, i, j, sense) else j
                obj = _after(s, ms, obj_from, _ACTION_WINDOW if sense.action else _OBJECT_WINDOW)
                if sense is _DEFENCE:
                    # "came to Biden's defence": the possessor; "rushed to her aid": the latest
                    # other person named
                    obj = _after(s, ms, i + 2, j - i - 2)
                    if obj is None and claimant is not None and lower[i + 2] in ("his", "her"):
                        obj = _other_person(doc, ents, s, i + 2, claimant.entity)
                if obj is not None and sense.object == "addressee" and "to" in lower[j : obj.first]:
                    obj = None  # "called on the deputies to let X govern": X is not addressed
                if (
                    obj is not None
                    and sense.object == "addressee"
                    and obj.last < n
                    and lower[obj.last] in _RANKS
                    and (oe := ents.entities.get(obj.entity)) is not None
                    and oe.type == FACTION
                ):
                    obj = None  # "urged Jubilee members to stop the purge": as "party members"
                if obj is not None and any(
                    lower[x] in _AGAINST or lower[x] == "against"
                    for x in range(obj_from, obj.first)
                ):
                    obj = None  # "backed the motion against X": X is not the one backed
                if obj is not None and (claimant is None or obj.entity != claimant.entity):
                    target = obj
                    if sense.object == "addressee":
                        addressee = obj
        if (
            claimant is None
            and not inverted
            and a >= 2
            and lower[a - 1] == "party"
            and lower[a - 2] == "the"
            and (a == 2 or lower[a - 3] in _ROLE_OPENERS)
        ):
            claimant = _the_party(s, ents, a - 2, a)  # "The party said in a statement"
        if claimant is None and not inverted and a >= 4 and lower[a - 1] in _ORGANS:
            b = a - 2 if lower[a - 2] in _ORGAN_MODS else a - 1
            if (
                b >= 3
                and lower[b - 1] in ("'s", "’s")
                and lower[b - 2] == "party"
                and lower[b - 3] == "the"
                and (b == 3 or lower[b - 4] in _ROLE_OPENERS or s.tags[b - 4] == "RB")
            ):
                claimant = _the_party(s, ents, b - 3, a)  # "The party's executive said"
        if claimant is None and not inverted and sense is not _COLON:
            claimant = _role_subject(doc, s, ents, a)  # "The prime minister said"
            if claimant is None and _after_quote(s, i):
                claimant = _role_after(s, ents, j)  # '"...," said the prime minister'
            if claimant is not None and _after_quote(
                s, claimant.first if claimant.first < i else i
            ):
                inverted = True
        if claimant is None:
            continue
        if (
            not sense.action
            and claimant.first > 0
            and claimant.last < n
            and (s.tags[claimant.first - 1] == "CD" or lower[claimant.first - 1] in _COUNTED)
            and (ce := ents.entities.get(claimant.entity)) is not None
            and ce.type == FACTION
            and ce.faction_kind is FactionKind.PARTY
            and s.words[claimant.last - 1].endswith("s")
        ):
            continue  # "Eight Republicans said...": unnamed members speak, not the party
        if target is not None and target.entity == claimant.entity:
            target = None
        stance = sense.stance
        if addressee is not None and stance is None:
            stance = _demand_stance(s, addressee.last)
            if (  # (not to step down: "urged the rebels to resign their posts" is against them)
                stance is not Stance.OPPOSE
                and target is addressee
                and any(w in _DISSIDENTS for w in lower[addressee.first : addressee.last])
                and (leader := _defended(s, ents, addressee, claimant.entity, spoke)) is not None
            ):
                # "urged the dissidents to fight inside the party": for the leader they fight
                target, stance = leader, Stance.SUPPORT
        if target is None and not sense.action:
            # "demanded that X stand aside", "said X should resign": against X
            content = _demand_content(s, ms, ents, j)
            if content is not None and content.entity != claimant.entity:
                target, stance = content, Stance.OPPOSE
        if sense is _ACCORDING:
            lo = claimant.last if i <= 1 else 0
            region = (lo, _clause_end(s, lo, nxt if i <= 1 else i))
        elif unquoted > 0:
            region = (max(0, unquoted - _REGION), unquoted)
        elif inverted and (q := _quote_for(doc, s, cue_start, cue_end, True)) is not None:
            region = _token_range(s, q)
        elif sense is _NAMING_SENSE or (nxt < n and lower[nxt - 1] in ("and", "but")):
            # 'called X "...", but said...', "said X was ... and demanded Y": the next
            # coordinated cue starts a claim of its own
            region = (j, _clause_end(s, j, nxt))
        else:
            region = (j, _clause_end(s, j, n))
        if sense.action and sense.stance is None:
            target = None  # "launched", "filed": only an act against or for someone counts
        elif (
            sense.action
            and target is None
            and j < n
            and lower[j] in _OBJ_PRONOUNS
            and s.tags[j] == "PRP"
        ):
            target = _other_person(doc, ents, s, j, claimant.entity)  # "voting to oust him"
        hostile_used = False
        guessed = False  # the target is only the story's protagonist (no pronoun follows it)
        if target is None and sense.object == "target":
            # "backed a motion of no confidence in X", "launched a challenge against X"
            hostile = _hostile_object(s, ms, j, region[1], claimant.entity)
            if hostile is not None:
                hostile_used = True
                target, polarity = hostile
                base = Stance.SUPPORT if sense.stance is None else sense.stance
                stance = base if polarity > 0 else _FLIP.get(base, base)
        if (
            target is None
            and not sense.action
            and ((nl := _new_leader(s, ents, *region, claimant.entity)) is not None)
        ):
            target, stance = nl, Stance.OPPOSE  # "demanding that Republicans choose a new leader"
        if (
            target is None
            and sense.stance is Stance.OPPOSE
            and j + 1 < n
            and lower[j] in _NAMING_DETS
            and lower[j + 1] in _CRITICISM_NOUNS
            and spoke.opposed is not None
            and spoke.opposed[0] >= s.index - 3
            and spoke.opposed[1].entity != claimant.entity
        ):
            # "dismissed the criticism as...", "rejected the accusations": for the one attacked
            target, stance = spoke.opposed[1], Stance.SUPPORT
            hostile_used = True  # (no flip: the stance is already the defence's)
        if (
            target is None
            and sense.stance is Stance.OPPOSE
            and j + 1 < n
            and lower[j] in _NAMING_DETS
            and lower[j + 1] in _DEMAND_NOUNS
            and spoke.speaker is not None
            and spoke.speaker[0] >= s.index - 2
            and spoke.speaker[1].entity != claimant.entity
        ):
            # "dismissed that demand as...", "rejected the proposal": against the one who made it
            target, stance = spoke.speaker[1], Stance.OPPOSE
            hostile_used = True
        if (
            target is None
            and sense.object == "target"
            and sense.stance in _FLIP
            and not sense.action
            and j + 1 < n
            and lower[j] in ("the", "this", "that", "these")
            and lower[j + 1] in _OUTCOME_NOUNS
            and not (j + 2 < n and lower[j + 2] in ("to", "of", "that"))
            and (victim := _exit_before(doc, ents, s, j, claimant.entity)) is not None
        ):
            # "welcomed the announcement" (that X would step down), "defended the decision"
            # (to expel X): for the act, so against the one who goes
            target, stance = victim, _FLIP[sense.stance]
            hostile_used = True
            guessed = True  # (no one named: no antecedent for a later "him")
        elif (
            target is None
            and sense.object == "target"
            and sense.stance in _FLIP
            and not sense.action
            and j + 1 < n
            and lower[j] in ("the", "this", "that")
            and lower[j + 1] in ("result", "outcome", "victory", "win", "vote", "election")
            and not (j + 2 < n and lower[j + 2] in ("to", "of", "that"))
            and (winner := _newcomer(doc, ents, s, j, claimant.entity)) is not None
        ):
            # "the members chose X... Y hailed the result": for the one chosen
            target, stance = winner, sense.stance
            hostile_used = True
            guessed = True
        if (
            sense.object == "target"
            and j + 1 < n
            and lower[j] in ("the", "this", "that")
            and lower[j + 1] in _DEAL_NOUNS
            # (a name after the deal's own phrase, as in "the deal, saying Wilders'...", is
            # not its object)
            and (target is None or "," in lower[j + 2 : target.first])
        ):
            # "refused to back the deal": the deal of "X, to complete the deal" before
            target = _maker_of(doc, ents, s, j, lower[j + 1], claimant.entity) or target
        if target is None and not sense.action:
            # the subject or object of the reported clause: "said Y should resign"
            target = _clause_target(
                doc,
                s,
                ms,
                ents,
                *region,
                claimant.entity,
                tell=sense.lemma in _TELL,
                spoke=spoke,
                backing=sense.stance is Stance.SUPPORT,
            )
            if target is not None and any(target.entity == x.entity for x in also):
                target = None  # "X and Y attacked Z. They said he...": not one of them
            if (
                target is None
                and last_target is not None
                and last_claimant is not None
                and last_claimant.entity == claimant.entity
                and a > 0
                and lower[a - 1] in ("and", "but")
            ):
                target = last_target  # "blamed X for the strategy and called on members to..."
                if (
                    j + 2 < n
                    and lower[j] == "the"
                    and lower[j + 1] == "party"
                    and s.tags[j + 2] in _FINITE
                    and lower[j + 2] not in _CHANGE_NEEDED
                    and last_stance is Stance.SUPPORT
                    and _evaluate(s, *region, cues.evaluative, found) is Stance.OPPOSE
                    and (party := _the_party(s, ents, j, j + 2)) is not None
                    and party.entity != claimant.entity
                ):
                    # "defended Cheney and said the party was going down 'a dangerous road'":
                    # no attack on the one just defended but on the party (not "said the party
                    # needed 'a bolder vision'": its leader; not "had found its voice")
                    target = party
            if target is None and sense.lemma in _RETORTS:
                # "The party hit back within hours": at the one who spoke last
                last_speaker = spoke.speaker
                if (
                    last_speaker is not None
                    and last_speaker[0] >= s.index - 2
                    and last_speaker[1].entity != claimant.entity
                ):
                    target, stance = last_speaker[1], Stance.OPPOSE
            if target is None:
                target = _fallback_target(doc, s, ms, ents, claimant.entity, i, recent)
                guessed = target is not None
                if (
                    target is not None
                    and sense is not _NAMING_SENSE  # 'called the resignation "a coup"'
                    and not any(w in _GENDERED for w in lower[region[0] : region[1]])
                    and (home := _outsider_of(ents, claimant.entity)) is not None
                ):
                    # "The Greens leader, X, warned that voters would be angry": a rival
                    # party's comment on the fight is about the party fighting, not its leader
                    target = Mention(home, target.first, target.last, target.start, target.end)
        if (
            target is not None
            and stance is None
            and (sense.object == "addressee" or sense.lemma in _TELL)
            and (
                (addressee is target and addressee.last < n and lower[addressee.last] == "to")
                or (j + 1 < n and lower[j] in _OBJ_PRONOUNS and lower[j + 1] == "to")
                or (
                    j + 2 < n
                    and lower[j] in ("his", "her", "their")
                    and lower[j + 1] in _FOES
                    and lower[j + 2] == "to"
                )
            )
        ):
            # "called on him to respect the voters", "urged X to apologise", "called on his
            # critics to respect the decision": pressure on them (what one is told to do is no
            # praise of one), unless told to stay on or to back someone
            at = j + (2 if lower[j] in ("his", "her", "their") and lower[j + 1] in _FOES else 1)
            at = at if addressee is None else addressee.last
            stance = _demand_stance(s, at)
            if (
                stance is None
                and at + 1 < n
                and lower[at] == "to"
                and lower[at + 1] == "reconsider"
                and (gone := _exit_before(doc, ents, s, j, claimant.entity)) is not None
                and gone.entity == target.entity
            ):
                stance = Stance.SUPPORT  # "urged Livingston to reconsider" his resignation
            stance = stance or Stance.OPPOSE
        if target is not None and stance is None:
            stance = _evaluate(s, *region, cues.evaluative, found) or _FORM_STANCE.get(
                sense.form, Stance.OPPOSE
            )
        if (
            sense.lemma in _WARN_AGAINST
            and target is not None
            and not (j <= target.first <= j + 1 and target.first < region[1])
        ):
            # "warned against a challenge to May", 'warned against "a circular firing
            # squad"': warning off an attack on someone defends them
            stance = Stance.SUPPORT
        purge = (
            sense is _NAMING_SENSE
            and stance is Stance.OPPOSE
            and j + 1 < n
            and lower[j] in _NAMING_DETS
            and lower[j + 1] in _STRUCK
            and (boss := _remover_before(doc, ents, s, j, claimant.entity)) is not None
        )
        if purge:
            # 'called the expulsions "a purge"': against the one who expelled, not for the
            # one expelled ('called the sacking "long overdue"' stays against the one sacked)
            target = boss
        if (
            not purge
            and sense is _NAMING_SENSE
            and stance is not None
            and j + 1 < n
            and lower[j] in _NAMING_DETS
            and (
                lower[j + 1] in _REMOVAL_NOUNS
                # 'called the letter "a script written elsewhere"': against the letter's author
                or (lower[j + 1] in _HOSTILE_NOUNS and stance is Stance.SUPPORT)
            )
            # (not when the one who went is someone else: 'called the resignation "a palace
            # coup"' with the president as target is against the president)
            and (
                target is None
                or (gone := _exit_before(doc, ents, s, j, claimant.entity)) is None
                or gone.entity == target.entity
            )
        ):
            # 'called the resignation "good news"': glad of an act against the target
            stance = _FLIP.get(stance, stance)
        elif (
            stance is not None
            and sense is not _NAMING_SENSE
            and sense.stance is not None
            and not sense.action
            and not hostile_used
            and _act_against(s, j, target)
        ):
            # "backed the suspension", "welcomed Corbyn's sacking", "defended the decision to
            # suspend Corbyn": for the act, so against the one it strikes
            stance = _FLIP.get(stance, stance)
        form = sense.form
        if sense is _NAMING_SENSE and stance is Stance.SUPPORT:
            form = ClaimForm.ENDORSEMENT  # "called him a great leader"
        neg = None if inverted else _negation(s, claimant.last if claimant.last <= i else 0, a)
        if neg == "refuse":
            stance = _FLIP.get(stance, stance) if stance is not None else None
        elif neg == "not":
            stance = None
            if sense.form is ClaimForm.STATEMENT and sense.stance is None and not sense.action:
                floor = j
                last_claimant = claimant
                continue  # "did not respond directly", "did not say whether": nothing said
        if neg is not None and j < n and lower[j] in ("anyone", "anybody", "either", "any"):
            floor = j
            last_claimant = claimant  # "... but warned that": the same speaker goes on
            continue  # "refused to endorse anyone": no claim about anybody
        if target is None:
            stance = None
            if neg is not None and not doc.quotes_in(s.start, s.end):
                floor = j
                continue
        key = cue_start
        if key in seen:
            continue
        seen.add(key)
        quote = _quote_for(doc, s, cue_start, cue_end, inverted)
        if (
            quote is not None
            and not inverted
            and nxt < n
            and quote[0] >= s.starts[nxt]
            and (
                lower[nxt - 1] in ("and", "but")
                # "did not criticise X, but he warned that '...'": the warning's quote
                or (nxt > 1 and lower[nxt - 2] in ("and", "but") and lower[nxt - 1] in _PRONOUNS)
                # "welcomed the result, calling Cheney '...'": not "said, adding '...'"
                or (lower[nxt - 1] == "," and found[ci + 1][2].object == "target")
            )
        ):
            quote = None  # 'announced his candidacy and attacked X as "gatekeepers"'
        cue_from = s.starts[a]
        evidence = [
            Span(source=doc.source, start=cue_from, end=cue_end, text=doc.text[cue_from:cue_end])
        ]
        quote_text = None
        if quote is not None:
            quote_text = doc.text[quote[0] : quote[1]]
            evidence.append(Span(source=doc.source, start=quote[0], end=quote[1], text=quote_text))
        conf = 0.8 if sense is not _ACCORDING else 0.7
        if sense.action:
            conf = 0.6
        if target is None and sense.action:
            continue  # a reported act is defined by whom it is for or against
        if target is None and sense.object != "none":
            conf -= 0.1
        out.append(
            Claim(
                id=f"{doc.source}:c:{cue_start}",
                claimant=claimant.entity,
                form=form,
                target=target.entity if target else None,
                stance=stance,
                addressee=addressee.entity if addressee else None,
                text=_clip(s, doc),
                quote=quote_text,
                date=sent_date,
                evidence=evidence,
                confidence=round(conf, 2),
                attributes={
                    "cue": doc.text[cue_from:cue_end],
                    **({"negated": True} if neg else {}),
                },
            )
        )
        last = out[-1]
        speakers = [claimant]
        if not inverted and claimant.last <= i and sense is not _COLON:
            # "Pelosi and the Congressional Black Caucus threw their support behind Harris"
            for co in _coordinated(s, ms, ents, claimant):
                if (target is not None and co.entity == target.entity) or co.start in seen:
                    continue  # (an id is used once: "X and Y, who fell out with Z, said")
                seen.add(co.start)
                speakers.append(co)
                out.append(attrs.evolve(last, id=f"{doc.source}:c:{co.start}", claimant=co.entity))
        elif claimant.first > i:
            # "was endorsed by X, Y and Z", '"...," said X and Y': every speaker named
            for co in _listed_after(s, ms, ents, claimant):
                if (target is not None and co.entity == target.entity) or co.start in seen:
                    continue
                seen.add(co.start)
                speakers.append(co)
                out.append(attrs.evolve(last, id=f"{doc.source}:c:{co.start}", claimant=co.entity))
        for x, co in enumerate(also, 1):
            # "They said": each speaker of the group (ids inside the cue's first word)
            if (target is not None and co.entity == target.entity) or cue_start + x in seen:
                continue
            seen.add(cue_start + x)
            speakers.append(co)
            out.append(attrs.evolve(last, id=f"{doc.source}:c:{cue_start + x}", claimant=co.entity))
        ce = ents.entities.get(claimant.entity)
        spoke.group = (
            (s.index, tuple(speakers))
            if len(speakers) > 1
            or (ce is not None and ce.type == FACTION)
            or _speaks_for_group(s, claimant)
            or (also and lower[claimant.first] == "they")
            else None
        )
        last_claimant = claimant
        last_target = target
        last_stance = stance
        spoke.speaker = (s.index, claimant)  # the latest speaker, whom a retort answers
        if target is not None:
            _remember(recent, s.index, target)
            if (
                not guessed
                and (te := ents.entities.get(target.entity)) is not None
                and te.type == PERSON
            ):
                spoke.targets[claimant.entity] = (s.index, target)
                if stance is Stance.OPPOSE:
                    spoke.opposed = (s.index, target)
        if not aside and not (
            claimant.last <= a
            and any(
                lower[x] in ("who", "which", "whose")
                for x in range(max(claimant.last, a - _WINDOW), a)
            )
        ):
            floor = j  # but "X, who challenged Y in 2022, called...": X is still the subject
    return out


def _listed_after(s: Sent, ms: MentionList, ents: Mentions, m: Mention) -> list[Mention]:
    """Names listed after ``m``: *m and Y*, *m, Y and Z* (at most four), people or groups.

    A list joined by commas must end in *and* (*X, Joe Biden's ally* is an
    appositive); no name followed by *'s* or a role (*Labour MP*).
    """
    lower = s.lower
    n = len(s)
    out: list[Mention] = []
    cur = m
    for _ in range(4):
        k = cur.last
        if k >= n or lower[k] not in (",", "and"):
            break
        k += 1
        if lower[k - 1] == "," and k < n and lower[k] == "and":
            k += 1
        closed = lower[k - 1] == "and"
        if k < n and lower[k] == "the":
            k += 1
        nxt = ms.after(k, 0)
        if nxt is None or nxt.first != k or nxt.entity == m.entity or nxt in out:
            break
        if nxt.last < n and (lower[nxt.last] in _POSSESSIVE_MARKS or lower[nxt.last] in _ROLEISH):
            break
        if ents.entities.get(nxt.entity) is None or _modifier(s, ms, nxt, ents):
            break
        out.append(nxt)
        if closed:
            return out  # "X, Y and Z": Z ends the list
        cur = nxt
    return []  # never closed by "and": an appositive, not a list


def _coordinated(s: Sent, ms: MentionList, ents: Mentions, m: Mention) -> list[Mention]:
    """Subjects coordinated with ``m``: *X and m*, *X, Y and m* (at most four).

    The first link must be *and*; each name must end right at the link and be
    able to be a subject (not after a preposition).
    """
    lower = s.lower
    out: list[Mention] = []
    seen = {m.entity}
    cur = m
    for step in range(4):
        k = cur.first - 1
        if k >= 1 and lower[k] == "the":
            k -= 1
        if k < 1 or lower[k] not in (("and",) if step == 0 else ("and", ",")):
            break
        p = next((x for x in ms.backwards(k, k - _WINDOW) if x.last <= k), None)
        if p is None or p.last != k or p.entity in seen or not _eligible(s, p, ents):
            break
        e = ents.entities.get(p.entity)
        if e is None or _modifier(s, ms, p, ents):
            break
        out.append(p)
        seen.add(p.entity)
        cur = p
    return out


def _clip(s: Sent, doc: Doc) -> str:
    text = doc.text[s.start : s.end]
    if len(text) > 300:
        text = text[:297] + "..."
    return text


def _author_claims(
    doc: Doc, s: Sent, ms: MentionList, ents: Mentions, date: PartialDate | None
) -> list[Claim]:
    """Prescriptions by the author: "the only way forward for X is", "X must/should"."""
    if not ms or (s.words and s.words[-1] == "?"):
        return []
    lower = s.lower
    n = len(lower)
    hit: tuple[int, int, Mention] | None = None
    for i in range(n):
        w = lower[i]
        if w == "way" and i + 2 < n and lower[i + 1] == "forward" and lower[i + 2] == "for":
            m = _after(s, ms, i + 3, 2)
            if m is not None:
                first = i - 2 if i >= 2 and lower[i - 1] == "only" and lower[i - 2] == "the" else i
                hit = (first, i + 2, m)
                break
        if (
            w == "time"
            and i >= 2
            and lower[i - 1] == "is"
            and lower[i - 2] == "it"
            and i + 1 < n
            and lower[i + 1] == "for"
        ):
            m = _after(s, ms, i + 2, 2)
            if m is not None:
                hit = (i - 2, i + 1, m)
                break
        if w in _AUTHOR_MODALS:
            for m in ms:
                starts_clause = m.first == 0 or (m.first == 1 and lower[0] in _CLAUSE_OPENERS)
                if starts_clause and (
                    m.last == i or (m.last == i - 1 and lower[i - 1] in ("now", "simply", "surely"))
                ):
                    hit = (i, i + 1, m)
                    break
            if hit:
                break
    if hit is None:
        return []
    a, b, m = hit
    start, end = s.starts[a], s.ends[b - 1]
    if doc.quote_at(start, end) is not None or doc.quotes_in(s.start, s.end):
        return []
    stance = _demand_stance(s, b) if lower[b - 1] in _AUTHOR_MODALS else None
    if stance is None and lower[b - 1] in _AUTHOR_MODALS and b < n:
        v = lower[b]
        if v in ("resign", "quit", "go") or (
            v in _REMOVAL and b + 1 < n and lower[b + 1] in _REMOVAL_PARTICLE
        ):
            stance = Stance.OPPOSE
    dates = find_dates(doc.text, date, s.start, s.end)
    return [
        Claim(
            id=f"{doc.source}:c:{start}",
            claimant=author_id(doc.source),
            form=ClaimForm.DEMAND,
            target=m.entity,
            stance=stance,
            text=_clip(s, doc),
            date=dates[0].date if dates else date,
            evidence=[Span(source=doc.source, start=start, end=end, text=doc.text[start:end])],
            confidence=0.5,
            attributes={"cue": doc.text[start:end]},
        )
    ]
