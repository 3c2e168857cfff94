"""Stage 3: who and which groups are mentioned, and in what roles.

Finds, sentence by sentence:

- **known names** from the :class:`~discourse.parse.lexicon.Lexicon`
  (parties, unions, user-supplied people and factions, with aliases);
- **persons**: runs of capitalized words (particles such as *de*, *van*,
  *al-* allowed, diacritics and apostrophes as in *Kühnert*, *O'Brien*) that
  start with a known given name, follow a title or role (*Senator*, *SPD
  leader*), precede an appositive role or a reporting verb, or are tagged as
  proper nouns; later mentions by surname or possessive (*Corbyn's*) resolve
  to the same actor; countries, months, institutions and sentence adverbs are
  not persons;
- **factions** without a lexicon: *-ite(s)* and *-ista(s)* wings (*Blairite
  wing*), *the X wing/camp/caucus/faction/movement*, *the Left*, *supporters
  of X*, *allies of X*, *X supporters*, capitalized names ending in *Party*,
  *Union*, *Caucus*..., each with its parent party when the text gives it
  (*of the Labour Party*, *Labour Left*, *inside the SPD*);
- **roles**: titles before names (*Labour MP Jess Phillips*) and appositives
  (*John McDonnell, Shadow Chancellor and veteran of the Labour Left*),
  giving memberships with the role.

Everything runs in one left-to-right pass per sentence plus one pass for
surnames, with look-around windows of a few tokens, so time is linear in the
length of the text.
"""

from __future__ import annotations

import re
import unicodedata
from bisect import bisect_left
from collections.abc import Iterable, Iterator, Sequence
from itertools import pairwise
from typing import Final

import attrs

from discourse.model import ActorKind, FactionKind
from discourse.parse.document import Doc, Sent
from discourse.parse.lexicon import Lexicon
from discourse.parse.tokenize import token_spans

__all__ = [
    "Entity",
    "MembershipDraft",
    "Mention",
    "MentionList",
    "antecedent",
    "Mentions",
    "find_mentions",
    "slug",
]

PERSON: Final = "person"
FACTION: Final = "faction"

_SLUG: Final = re.compile(r"[\W_]+")
_ITE: Final = re.compile(r"([A-Z][\w'-]*?[a-z])(?:ites?|istas?)")
_NOT_ITE: Final = frozenset(
    {
        "elite", "elites", "favourite", "favourites", "favorite", "favorites", "opposite",
        "opposites", "website", "websites", "satellite", "satellites", "appetite", "socialite",
        "socialites", "israelite", "israelites", "shiite", "shiites", "sunnite", "luddite",
        "luddites", "termite", "termites", "marmite", "vegemite", "dynamite", "granite",
        "suite", "suites", "unite", "unites", "invite", "invites", "polite", "despite",
        "contrite", "erudite", "recondite", "requisite", "exquisite", "bauxite", "kryptonite",
        "finite", "infinite", "composite", "baptista", "vista", "vistas", "fashionista",
        "fashionistas", "barista", "baristas", "sandinista", "sandinistas", "white", "whites",
        "quite", "write", "writes", "bite", "bites", "site", "sites", "rite", "rites", "kite",
        "spite", "sprite", "mite", "mites", "lite", "cite", "cites", "ignite", "ignites",
        "expedite", "reunite", "reunites", "incite", "incites", "excite", "excites", "recite",
        "graphite", "meteorite", "meteorites", "parasite", "parasites", "campsite", "offsite",
        "onsite", "prerequisite", "oppositeites",
        # ideologies, not a person's followers: "Juventudes Socialistas"
        "socialista", "socialistas", "comunista", "comunistas", "nacionalista", "nacionalistas",
        "independentista", "independentistas", "populista", "populistas", "ecologista",
        "ecologistas", "feminista", "feministas", "marxista", "marxistas",
    }
)  # fmt: skip
_POSSESSIVE: Final = frozenset({"'s", "'", "’s", "’"})
_DETERMINERS: Final = frozenset(
    {"the", "a", "an", "its", "their", "his", "her", "our", "this", "that"}
)
_SUPPORTER_NOUNS: Final = frozenset(
    {
        "supporters",
        "allies",
        "loyalists",
        "backers",
        "followers",
        "acolytes",
        "critics",
        "opponents",
    }
)
_SUPPORTER_GROUP: Final = frozenset(
    {"supporters", "allies", "loyalists", "backers", "followers", "acolytes"}
)
_PARENT_PREPS: Final = frozenset({"of", "in", "inside", "within"})
_PLACE_NEXT: Final = frozenset(
    {
        "by-election",
        "by-elections",
        "byelection",
        "constituency",
        "seat",
        "electorate",
        "district",
        "council",
        "city",
    }
)
_PLACE_PREPS: Final = frozenset({"in", "at", "near", "outside", "inside"})
#: Offices of a place: "the premier of Bavaria", "the mayor of Ashfield".
_REGION_HEADS: Final = frozenset(
    {"premier", "governor", "mayor", "mp", "msp", "senator", "congressman", "congresswoman",
     "representative", "president", "minister", "people", "city", "state", "region",
     "province", "county", "capital"}
)  # fmt: skip
_CAP_STOP: Final = frozenset({"i", "i'm", "i'd", "ok", "okay"})
_FOUND_VERBS: Final = frozenset({"found", "form", "launch", "join", "create", "set"})
#: Endings of nationality adjectives ("Danish", "Austrian", "Portuguese", "Dutch", "Greek").
_NATIONALITY_ENDINGS: Final = ("ish", "ian", "ese", "tch", "eek", "ean", "ic", "ss")
_RENAME: Final = frozenset({"rename", "renamed", "renames", "renaming", "rebrand", "rebranded"})
#: Titles that stay part of the name when only a surname follows ("Lord Rennard").
_PEERAGE: Final = frozenset({"Lord", "Lady", "Baroness", "Baron", "Viscount", "Earl"})
_MAX_NAME: Final = 5
#: Roles of a party's head ("The Traditional Unionist Voice leader, Jim Allister").
_LEADER_ROLES: Final = frozenset(
    {"leader", "co-leader", "chairman", "chairwoman", "founder", "spokesman", "spokeswoman",
     "spokesperson"}
)  # fmt: skip
#: Roles a party gives its people ("ALBA leader", "PVV MPs").
_PARTY_ROLES: Final = frozenset(
    {"leader", "co-leader", "chairman", "chairwoman", "chair", "mp", "mps", "msp", "msps",
     "mep", "meps", "spokesman", "spokeswoman", "spokesperson", "founder", "deputy",
     "candidate", "lawmaker", "lawmakers", "senator", "members", "councillor", "whip"}
)  # fmt: skip
_WINDOW: Final = 8


def _fold(word: str) -> str:
    """Lower case without accents: ``Sánchez`` → ``sanchez``."""
    decomposed = unicodedata.normalize("NFKD", word.casefold())
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def slug(name: str) -> str:
    """A stable id from a name: casefolded words joined by hyphens.

    Examples:
        >>> slug("Jeremy Corbyn’s"), slug("Kevin Kühnert")
        ('jeremy-corbyn-s', 'kevin-kühnert')
    """
    s = _SLUG.sub("-", unicodedata.normalize("NFC", name).casefold()).strip("-")
    return s or "x"


@attrs.define(slots=True, eq=False)
class Entity:
    """An actor or faction found in the text (before it becomes a record).

    Attributes:
        id: Its record id.
        name: Canonical name.
        type: ``"person"`` or ``"faction"``.
        faction_kind: For factions, the kind.
        actor_kind: For actors, the kind.
        parent: Id of the parent faction, if known.
        aliases: Surface forms seen in the text (and known aliases).
        spans: ``(start, end)`` of each mention.
        confidence: How sure the detector is, 0 to 1.
        roles: Role phrases as written.
        anchor: For tendencies named after a person, that person's id.
        known: Whether it came from the lexicon.
        weak: A group named by a common noun (*the rebels*): kept only if a
            claim or event refers to it.
    """

    id: str
    name: str
    type: str
    faction_kind: FactionKind = FactionKind.GROUP
    actor_kind: ActorKind = ActorKind.PERSON
    parent: str | None = None
    aliases: dict[str, None] = attrs.field(factory=dict)
    spans: list[tuple[int, int]] = attrs.field(factory=list)
    confidence: float = 0.7
    roles: list[str] = attrs.field(factory=list)
    anchor: str | None = None
    known: bool = False
    weak: bool = False


@attrs.frozen
class Mention:
    """One mention of an entity in a sentence.

    Attributes:
        entity: The entity id.
        first: Index of its first token in the sentence.
        last: Index one past its last token.
        start: Character offset of the mention.
        end: Character offset one past it.
        head: Index of the token that carries the name (for attaching
            possessives and verbs).
    """

    entity: str
    first: int
    last: int
    start: int
    end: int


class MentionList(list[Mention]):
    """The mentions of one sentence, sorted by position, with bounded-time look-ups."""

    __slots__ = ("firsts",)

    def __init__(self, items: Iterable[Mention] = ()) -> None:
        super().__init__(sorted(items, key=lambda m: (m.first, -m.last)))
        self.firsts = [m.first for m in self]

    def after(self, start: int, window: int) -> Mention | None:
        """The first mention starting at token ``start`` or later, at most ``window`` tokens on."""
        k = bisect_left(self.firsts, start)
        if k < len(self) and self[k].first - start <= window:
            return self[k]
        return None

    def between(self, lo: int, hi: int) -> Iterator[Mention]:
        """Mentions starting at tokens ``lo`` to ``hi - 1``, in order."""
        k = bisect_left(self.firsts, lo)
        while k < len(self) and self[k].first < hi:
            yield self[k]
            k += 1

    def backwards(self, i: int, lo: int) -> Iterator[Mention]:
        """Mentions starting before token ``i`` and at or after ``lo``, nearest first."""
        k = bisect_left(self.firsts, i) - 1
        while k >= 0 and self[k].first >= lo:
            yield self[k]
            k -= 1

    def covering(self, k: int) -> Mention | None:
        """The mention that covers token ``k``, if any."""
        for m in self.backwards(k + 1, k - 12):
            if m.first <= k < m.last:
                return m
        return None


@attrs.frozen
class MembershipDraft:
    """A membership found in the text.

    Attributes:
        member: Actor id.
        faction: Faction id, or ``None`` to attach to the document's main party.
        role: The role as written.
        start: Offset of the evidence.
        end: End of the evidence.
        confidence: How sure the detector is.
    """

    member: str
    faction: str | None
    role: str | None
    start: int
    end: int
    confidence: float


@attrs.define(slots=True, eq=False)
class Mentions:
    """The result of the mention stage.

    Attributes:
        entities: Every entity, by id, in order of first mention.
        by_sent: The mentions of each sentence, sorted by position.
        memberships: Memberships found (roles, possessives, known parties).
        places: ``(sentence, first, last)`` token ranges read as place names.
        genders: ``"m"`` or ``"f"`` for the persons a gendered title names ("Mrs May",
            "Lord Falconer", "Congresswoman X"), by entity id; persons given both or
            none are absent.
    """

    entities: dict[str, Entity]
    by_sent: list[MentionList]
    memberships: list[MembershipDraft]
    places: list[tuple[int, int, int]]
    genders: dict[str, str] = attrs.field(factory=dict)

    def main_party(self) -> str | None:
        """The most mentioned party of the document, if any."""
        best: tuple[int, int, str] | None = None
        for order, e in enumerate(self.entities.values()):
            if e.type == FACTION and e.faction_kind is FactionKind.PARTY:
                key = (len(e.spans), -order, e.id)
                if best is None or key > best:
                    best = key
        return best[2] if best else None


# --- the matcher for known names -------------------------------------------------------


@attrs.define(slots=True, eq=False)
class _Known:
    name: str
    type: str
    faction_kind: FactionKind
    actor_kind: ActorKind
    parent: str | None
    id: str | None
    aliases: tuple[str, ...]
    party: str | None = None
    role: str | None = None


def _words(phrase: str) -> tuple[str, ...]:
    return tuple(phrase[a:b].replace("\u2019", "'") for a, b in token_spans(phrase))


@attrs.define(slots=True, eq=False)
class _Tables:
    lexicon: Lexicon
    known: dict[str, list[tuple[tuple[str, ...], _Known]]]
    surnames: dict[str, _Known]
    roles: frozenset[str]
    not_names: frozenset[str]
    first_names: frozenset[str]
    titles: frozenset[str]
    particles: frozenset[str]
    heads: dict[str, FactionKind]
    blocs: dict[str, FactionKind]
    org_heads: dict[str, FactionKind | None]
    verbs: frozenset[str]


_TABLES: dict[int, tuple[Lexicon, _Tables]] = {}


def _tables(lex: Lexicon) -> _Tables:
    hit = _TABLES.get(id(lex))
    if hit is not None and hit[0] is lex:
        return hit[1]
    known: dict[str, list[tuple[tuple[str, ...], _Known]]] = {}
    surnames: dict[str, _Known] = {}

    def add(k: _Known) -> None:
        for phrase in (k.name, *k.aliases):
            ws = _words(phrase)
            if ws and ws[0].lower() == "the" and len(ws) > 1:
                ws = ws[1:]
            if ws:
                known.setdefault(ws[0], []).append((ws, k))

    for f in lex.factions:
        add(_Known(f.name, FACTION, f.kind, ActorKind.ORGANIZATION, f.parent, f.id, f.aliases))
    for a in lex.actors:
        k = _Known(
            a.name, PERSON, FactionKind.GROUP, a.kind, None, a.id, a.aliases, a.party, a.role
        )
        add(k)
        parts = _words(a.name)
        if a.kind is ActorKind.PERSON and len(parts) > 1:
            surnames.setdefault(parts[-1], k)
    for entries in known.values():
        entries.sort(key=lambda e: -len(e[0]))
    verbs = frozenset(form.split(" ")[0] for form in lex.verb_forms()) | frozenset(
        phrase.split(" ")[0]
        for phrase in lex.event_triggers
        if phrase.endswith("ed") or phrase.split(" ")[0] in ("quit", "quits", "resigns")
    )
    tables = _Tables(
        lexicon=lex,
        known=known,
        surnames=surnames,
        roles=lex.role_nouns,
        not_names=lex.not_names,
        first_names=lex.first_names,
        titles=frozenset(t.rstrip(".") for t in lex.titles),
        particles=lex.name_particles,
        heads=dict(lex.faction_heads),
        blocs=dict(lex.bloc_words),
        org_heads=dict(lex.org_heads),
        verbs=verbs,
    )
    if len(_TABLES) > 16:
        _TABLES.clear()
    _TABLES[id(lex)] = (lex, tables)
    return tables


# --- the stage -------------------------------------------------------------------------


#: Quantifiers before "of his supporters": "several of her supporters".
_SOME: Final = frozenset({"several", "some", "many", "most", "two", "three", "four", "dozens"})
#: Words for *party* that come first in a party's name: "Parti Québécois", "Partido Popular".
_HEAD_FIRST: Final = frozenset({"Parti", "Partido", "Partito", "Partidul", "Partit", "Partia"})
#: Particles inside a head-first name: "Partido dos Trabalhadores", "Parti de la Gauche".
_NAME_LINKS: Final = frozenset(
    {"de", "du", "des", "la", "le", "les", "do", "dos", "da", "das", "del", "della", "dei", "degli", "y", "e", "et"}
)  # fmt: skip


def _is_cap(w: str) -> bool:
    return bool(w) and w[0].isupper() and (len(w) == 1 or not w.isupper() or len(w) <= 5)


def _given(w: str, first_names: frozenset[str]) -> bool:
    """A known given name, also hyphenated from two (*Jean-Marie*, *Anne-Marie*)."""
    if w in first_names:
        return True
    a, dash, b = w.partition("-")
    return bool(dash) and a in first_names and b in first_names


def _name_run_start(words: Sequence[str], used: bytearray, end: int, most: int) -> int:
    """Where the run of at most ``most`` unclaimed name words ending before ``end`` starts."""
    first = end
    while (
        first > 0 and end - first < most and _name_token(words[first - 1]) and not used[first - 1]
    ):
        first -= 1
    return first


def _next_possessive(lower: Sequence[str], j: int) -> bool:
    return j < len(lower) and lower[j] in _POSSESSIVE


def _family_first(ws: Sequence[str]) -> bool:
    """Whether a two-word name is written family name first: "Park Geun-hye", "Yoo Seong-min".

    The given name is one hyphenated word whose second half is lower case,
    as Korean given names are romanized.
    """
    if len(ws) != 2 or ws[1].count("-") != 1:
        return False
    a, b = ws[1].split("-")
    return len(a) >= 2 and a[0].isupper() and len(b) >= 2 and b.isalpha() and b.islower()


def _in_place_list(words: Sequence[str], lower: Sequence[str], i: int) -> bool:
    """Whether the word at ``i`` ends a list of places: "in Stockholm, Skåne and Gothenburg"."""
    if i < 3 or lower[i - 1] not in ("and", "or", ","):
        return False
    k = i - 1
    names = 0
    while k > 0 and i - k < 12:
        if lower[k] in ("and", "or", ","):
            k -= 1
        elif words[k][:1].isupper() and _name_token(words[k]):
            names += 1
            k -= 1
        else:
            break
    return names >= 1 and lower[k] in _PLACE_PREPS


def _name_token(w: str) -> bool:
    """A word that can be part of a capitalized name (``Kühnert``, ``O'Brien``, ``al-Assad``)."""
    if not w or not w[0].isalpha():
        return False
    if w[0].isupper():
        return True
    # al-Assad, bin-Salman, d'Estaing
    i = w.find("-")
    if i < 0:
        i = w.find("'")
    return 0 < i < len(w) - 1 and w[i + 1].isupper()


class _Builder:
    """Collects entities, mentions and memberships for one document."""

    def __init__(self, doc: Doc, t: _Tables) -> None:
        self.doc = doc
        self.t = t
        self.entities: dict[str, Entity] = {}
        self.by_key: dict[tuple[str, str], str] = {}
        self.by_sent: list[list[Mention]] = [[] for _ in doc.sents]
        self.memberships: list[MembershipDraft] = []
        self.places: list[tuple[int, int, int]] = []
        self.used: list[bytearray] = [bytearray(len(s)) for s in doc.sents]
        self.surnames: dict[str, str] = {}
        self.pending_parent: list[tuple[str, int, int]] = []
        self.groups: dict[str, str] = {}
        self.surname_hist: dict[str, list[tuple[int, int, str]]] = {}
        self.redirect: dict[str, str] = {}
        self.headline = False
        self._person_words_cache: list[tuple[str, str]] | None = None
        self._given_cache: dict[str, str | None] | None = None
        #: The last two or more words of three-word names ("Di Maio", "O'Malley Dillon").
        self.tails: dict[str, str] = {}
        self.first_at: list[dict[int, list[Mention]]] = [{} for _ in doc.sents]
        #: "National" for a "National Party" found in the text.
        self.party_short: dict[str, str] = {}
        #: Factions to fold into another once the passes are over: ``(keep, drop)``.
        self.pending_merges: list[tuple[str, str]] = []
        #: Youth wings named after their party ("Young Liberals") and that party's name.
        self.young_parents: list[tuple[str, str]] = []
        #: Mentions absorbed into a longer name ("ANC" in "ANC Youth League").
        self.dropped: set[tuple[int, Mention]] = set()

    # -- entity table --

    def entity(
        self,
        name: str,
        type_: str,
        *,
        faction_kind: FactionKind = FactionKind.GROUP,
        actor_kind: ActorKind = ActorKind.PERSON,
        confidence: float = 0.7,
        id_: str | None = None,
        key: str | None = None,
        known: bool = False,
    ) -> Entity:
        k = (type_, key or name.casefold())
        eid = self.by_key.get(k)
        if eid is not None:
            e = self.entities[eid]
            e.confidence = max(e.confidence, confidence)
            return e
        base = id_ or slug(name)
        eid = base
        n = 2
        while eid in self.entities:
            eid = f"{base}-{n}"
            n += 1
        e = Entity(
            eid,
            name,
            type_,
            faction_kind=faction_kind,
            actor_kind=actor_kind,
            confidence=confidence,
            known=known,
        )
        self.entities[eid] = e
        self.by_key[k] = eid
        return e

    def party(self, s: Sent, name: str, first: int, last: int, confidence: float) -> None:
        """Mention a party the lexicon does not know, named by its context."""
        e = self.entity(name, FACTION, faction_kind=FactionKind.PARTY, confidence=confidence)
        self.mention(s, e, first, last)

    def organization(self, s: Sent, name: str, first: int, last: int) -> None:
        """Mention an organization that speaks as one (an office, a committee).

        It is weak until it has a span: kept only if it speaks or is spoken of.
        """
        e = self.entity(
            name,
            PERSON,
            actor_kind=ActorKind.ORGANIZATION,
            confidence=0.7,
            key="org:" + name.casefold(),
        )
        e.weak = e.weak or not e.spans
        self.mention(s, e, first, last)

    def mention(
        self, s: Sent, e: Entity, first: int, last: int, surface: str | None = None
    ) -> Mention:
        start, end = s.starts[first], s.ends[last - 1]
        text = surface if surface is not None else self.doc.text[start:end]
        e.aliases.setdefault(text, None)
        e.spans.append((start, end))
        used = self.used[s.index]
        for i in range(first, last):
            used[i] = 1
        m = Mention(e.id, first, last, start, end)
        self.by_sent[s.index].append(m)
        self.first_at[s.index].setdefault(first, []).append(m)
        return m

    def near(self, si: int, lo: int, hi: int) -> list[Mention]:
        """The mentions of sentence ``si`` that start at tokens ``lo..hi-1`` (bounded work)."""
        at = self.first_at[si]
        out: list[Mention] = []
        for k in range(max(0, lo), hi):
            found = at.get(k)
            if found:
                out.extend(found)
        return out

    def free(self, s: Sent, first: int, last: int) -> bool:
        used = self.used[s.index]
        return not any(used[first:last])

    # -- pass 1 --

    def known_names(self, s: Sent) -> None:
        words = s.words
        known = self.t.known
        i = 0
        n = len(words)
        while i < n:
            entries = known.get(words[i])
            if entries:
                for ws, k in entries:
                    j = i + len(ws)
                    if j <= n and tuple(words[i:j]) == ws and self.free(s, i, j):
                        if self._inside_other_name(s, k, j):
                            continue
                        if (
                            i > 0
                            and words[i - 1] == "Young"
                            and k.type == FACTION
                            and not self.used[s.index][i - 1]
                        ):
                            # "the Young Liberals": the party's youth wing
                            wing = self.entity(
                                " ".join(words[i - 1 : j]),
                                FACTION,
                                faction_kind=FactionKind.WING,
                                confidence=0.85,
                            )
                            self.young_parents.append((wing.id, k.name))
                            self.mention(s, wing, i - 1, j)
                            i = j - 1
                            break
                        other = self._foreign_namesake(s, k, i, j)
                        if other is not None:
                            # "the Danish People's Party", "the Social Democratic Party of
                            # Austria": another country's party of the same name
                            self.party(
                                s,
                                self.doc.text[s.starts[other[0]] : s.ends[other[1] - 1]],
                                other[0],
                                other[1],
                                0.8,
                            )
                            i = other[1] - 1
                            break
                        if (
                            j == i + 1
                            and words[i] in self.t.org_heads
                            and i > 0
                            and _is_cap(words[i - 1])
                            and _name_token(words[i - 1])
                            and words[i - 1] not in ("The", "A", "An")
                        ):
                            continue  # "ANC Youth League": the head of a longer name
                        self._known(s, k, i, j)
                        i = j - 1
                        break
            i += 1

    def _party_name_at(self, s: Sent, j: int) -> bool:
        """Whether a known party's name ending in *Party* starts at token ``j``."""
        words = s.words
        if j >= len(words):
            return False
        return any(
            k2.type == FACTION and ws2[-1] == "Party" and tuple(words[j : j + len(ws2)]) == ws2
            for ws2, k2 in self.t.known.get(words[j], ())
        )

    def _foreign_namesake(self, s: Sent, k: _Known, i: int, j: int) -> tuple[int, int] | None:
        """Tokens naming another party than the known one matched at ``i..j``, if any.

        ``the Danish People's Party`` (a nationality before the alias) and ``the
        Social Democratic Party of Austria`` (a country after it) are not the
        Partido Popular or the SPD.
        """
        words, n = s.words, len(s)
        if k.type != FACTION or k.faction_kind is not FactionKind.PARTY or words[j - 1] != "Party":
            return None
        first, last = i, j
        w = words[i - 1] if i > 0 else ""
        if (
            w[:1].isupper()
            and w.isalpha()
            and (
                (w.endswith(_NATIONALITY_ENDINGS) and w not in self.t.known)
                # "the Republican People's Party": another party's adjective opens the name
                or (
                    i >= 2
                    and s.lower[i - 2] in ("the", "'s", "’s")
                    and any(ws == (w,) and k2.type == FACTION for ws, k2 in self.t.known.get(w, ()))
                )
            )
            and not self.used[s.index][i - 1]
        ):
            first = i - 1
        if (
            j + 1 < n
            and words[j] == "of"
            and words[j + 1][:1].isupper()
            and words[j + 1].isalpha()
            and words[j + 1] not in self.t.known
        ):
            last = j + 2
        return (first, last) if (first, last) != (i, j) else None

    def _inside_other_name(self, s: Sent, k: _Known, j: int) -> bool:
        """``Democratic Socialists of America``: an adjective alias starting a longer name."""
        if j >= len(s) or j - 1 < 0 or s.words[j - 1] == k.name.split()[-1]:
            return False
        nxt = s.words[j]
        for x in range(j, min(len(s), j + 4)):
            w = s.words[x]
            if not (_name_token(w) and w[0].isupper()):
                break
            if w in self.t.org_heads and self.t.org_heads[w] is None:
                return True  # "Democratic National Committee": an institution, not the party
            if w in self.t.org_heads and k.type == FACTION and s.words[j - 1].isupper():
                return False  # "ANC Youth League": the party's own organ, named after it
            if x > j and self.t.org_heads.get(w) is FactionKind.PARTY and k.type == FACTION:
                return True  # "the Democratic Progressive Party": not the Democrats
        if k.type == FACTION and self._party_name_at(s, j):
            return True  # "the Republican People's Party": not the Republicans
        return (
            _name_token(nxt)
            and nxt[0].isupper()
            and nxt.rstrip(".") not in self.t.titles
            and s.lower[j] not in self.t.roles
            and nxt not in self.t.known
            and nxt not in self.t.heads
            and s.lower[j] not in self.t.heads
        )

    def _known(self, s: Sent, k: _Known, i: int, j: int) -> None:
        if k.type == FACTION:
            e = self.entity(
                k.name, FACTION, faction_kind=k.faction_kind, confidence=0.95, id_=k.id, known=True
            )
            if k.parent and e.parent is None:
                parent = self.entity(
                    k.parent, FACTION, faction_kind=FactionKind.PARTY, confidence=0.9
                )
                if parent.id != e.id:
                    e.parent = parent.id
        else:
            e = self.entity(
                k.name, PERSON, actor_kind=k.actor_kind, confidence=0.95, id_=k.id, known=True
            )
            if k.party:
                party = self.entity(
                    k.party, FACTION, faction_kind=FactionKind.PARTY, confidence=0.9
                )
                self.memberships.append(
                    MembershipDraft(e.id, party.id, k.role, s.starts[i], s.ends[j - 1], 0.9)
                )
        for a in k.aliases:
            e.aliases.setdefault(a, None)
        if k.type == FACTION and j - i == 2 and s.words[i + 1] == "Party":
            self.party_short.setdefault(s.words[i], e.id)  # "the Left" after "Left Party"
        self.mention(s, e, i, j)

    def ite_wings(self, s: Sent) -> None:
        words = s.words
        n = len(words)
        for i, w in enumerate(words):
            if not w[:1].isupper() or self.used[s.index][i]:
                continue
            m = _ITE.fullmatch(w)
            if m is None or w.lower() in _NOT_ITE or len(m.group(1)) < 3:
                continue
            stem = m.group(1)
            name = stem + ("istas" if w.endswith(("ista", "istas")) else "ites")
            j = i + 1
            kind = FactionKind.WING
            if j < n and s.lower[j] in self.t.heads:
                j += 1
            e = self.entity(
                name, FACTION, faction_kind=kind, confidence=0.85, key="wing:" + stem.casefold()
            )
            first = i - 1 if i > 0 and s.lower[i - 1] == "the" else i
            e.aliases.setdefault(name, None)
            self.mention(s, e, first, j)
            self._parent_after(s, e, j)

    def _parent_possessive(self, s: Sent, e: Entity, start: int) -> None:
        """``Labor's Socialist Left faction``: the possessor party is the parent."""
        if start < 2 or s.lower[start - 1] not in _POSSESSIVE or e.parent is not None:
            return
        for m in self.near(s.index, start - 12, start - 1):
            owner = self.entities[m.entity]
            if m.last == start - 1 and owner.type == FACTION and owner.id != e.id:
                e.parent = owner.id

    def faction_appositives(self, s: Sent) -> None:
        """``The Jusos, the SPD's youth wing,``: the name before the comma is the same faction."""
        words, lower = s.words, s.lower
        used = self.used[s.index]
        for m in list(self.by_sent[s.index]):
            e = self.entities[m.entity]
            k = m.first - 1
            if (
                m.last < len(s)
                and lower[m.last] in self.t.roles
                and not lower[m.last].endswith("s")
                and lower[m.last] != "member"
            ):
                continue  # "X, the party's parliamentary group leader": a role, not the group
            if k >= 1 and lower[k] in _POSSESSIVE:
                # "the SPD's youth wing": step over the owner and its article
                owner = next((o for o in self.near(s.index, k - 8, k) if o.last == k), None)
                if owner is not None:
                    k = owner.first - 1
                elif k >= 2 and lower[k - 1] == "party" and lower[k - 2] in ("the", "its"):
                    k -= 3  # "the Young Union, the party's youth wing,"
            if k >= 1 and lower[k] == "the":
                k -= 1
            if e.type != FACTION or e.known or k < 1 or lower[k] != ",":
                continue
            head = next((o for o in self.near(s.index, k - 6, k) if o.last == k), None)
            if (
                head is not None
                and e.name[:1].islower()
                and head.entity != e.id
                and (he := self.entities.get(head.entity)) is not None
                and he.type == FACTION
                and not he.known
                and (
                    he.faction_kind in (FactionKind.WING, FactionKind.GROUP, FactionKind.TENDENCY)
                    # "the Young Union, the party's youth wing": no trade union
                    or (he.faction_kind is FactionKind.UNION and e.faction_kind is FactionKind.WING)
                )
            ):
                if he.faction_kind is FactionKind.UNION:
                    he.faction_kind = FactionKind.WING
                # "The Young Liberals, the youth wing of the party,": one faction (merged later)
                self.pending_merges.append((he.id, e.id))
                continue
            end = k
            first = _name_run_start(words, used, end, 3)
            if first == end or not (first == 0 or lower[first - 1] == "the"):
                continue
            if first < end and words[first] in ("The", "A", "An"):
                first += 1
            if first == end or any(w in self.t.not_names for w in words[first:end]):
                continue
            name = " ".join(words[first:end])
            if e.name[:1].islower():
                e.aliases.setdefault(e.name, None)
                e.name = name
            self.mention(s, e, first, end)

    def _parent_after(self, s: Sent, e: Entity, j: int) -> None:
        """``... of the Labour Party``: remember the parent to resolve after pass 1."""
        if j + 1 < len(s) and s.lower[j] in _PARENT_PREPS:
            self.pending_parent.append((e.id, s.index, j + 1))

    def _group_in_role(self, s: Sent, j: int, i: int) -> bool:
        """Whether the unnamed group at tokens ``j..i`` only tells someone's role.

        "the parliamentary group leader" (a role noun after it) and "the head of
        the party's parliamentary group" (the group after a role noun and *of*).
        """
        lower = s.lower

        def office(w: str) -> bool:  # "leader", "head", "chair"; not "members"
            return w in self.t.roles and not w.endswith("s") and w != "member"

        if i + 1 < len(s) and office(lower[i + 1]):
            return True
        k = j - 1
        if k >= 1 and lower[k] in ("'s", "’s") and lower[k - 1] == "party":
            k -= 2  # "the party's"
        if k >= 0 and lower[k] in ("the", "its", "their", "his", "her"):
            k -= 1
        return k >= 1 and lower[k] == "of" and office(lower[k - 1])

    def group_phrases(self, s: Sent) -> None:
        """``the Corbyn movement``, ``the Tea Party caucus``, ``the progressive wing``, ``the Left``."""
        words, lower = s.words, s.lower
        heads, blocs = self.t.heads, self.t.blocs
        n = len(words)
        used = self.used[s.index]
        for i in range(n):
            h = lower[i]
            if h not in heads or used[i]:
                continue
            if self._party_sub(s, i):
                continue
            if self._quoted_group(s, i):
                continue
            # head word: look back for capitalized modifiers or a political adjective
            j = i - 1
            if j >= 1 and lower[j] in _GROUP_MODS and _name_token(words[j - 1]) and not used[j - 1]:
                j -= 1  # "the Jusos youth wing"
            while (
                j >= 0
                and j > i - 4
                and (_name_token(words[j]) and not used[j])
                and lower[j] != "the"
            ):
                j -= 1
            first = j + 1
            kind = heads[h]
            if first < i and all(w in self.t.not_names for w in words[first:i]):
                continue
            if h == "caucuses" and i - first == 1:
                continue  # "the Iowa caucuses": a primary, not a group
            if first < i:
                mod = " ".join(words[first:i])
                if (
                    h in ("left", "right")
                    and not words[i][0].isupper()
                    and not (first > 0 and lower[first - 1] == "the" and i - first == 1)
                ):
                    continue  # "turned left"; but "the Socialist left" is a tendency
                name = f"{mod} {words[i] if words[i][0].isupper() else h}"
                e = self.entity(name, FACTION, faction_kind=kind, confidence=0.8)
                start = first - 1 if first > 0 and lower[first - 1] == "the" else first
                self.mention(s, e, start, i + 1)
                self._parent_after(s, e, i + 1)
                self._parent_possessive(s, e, start)
            elif (
                j >= 0
                and (lower[j] in _ADJECTIVES or lower[j] in _GROUP_MODS)
                and (j == 0 or lower[j - 1] in ("the", "'s", "its"))
            ):
                if h in ("left", "right") and lower[j] not in ("hard", "far", "soft"):
                    continue  # "the hard right" is a tendency; "the left wing" goes below
                if self._group_in_role(s, j, i):
                    continue  # "the party's parliamentary group leader": a role, no group
                name = f"{lower[j]} {h}"
                e = self.entity(name, FACTION, faction_kind=kind, confidence=0.6, key=name)
                start = j - 1 if j > 0 and lower[j - 1] == "the" else j
                self.mention(s, e, start, i + 1)
                self._parent_after(s, e, i + 1)
                if j >= 2 and lower[j - 1] == "'s":
                    self.pending_parent.append((e.id, s.index, j - 2))
        # bare bloc words: "the Left", "the Establishment", "the Remainers"
        for i in range(1, n):
            w = words[i]
            if used[i] or w not in blocs:
                continue
            k = i - 1
            while k > 0 and lower[k] in (
                "entire",
                "whole",
                "hard",
                "soft",
                "old",
                "new",
                "political",
                "radical",
            ):
                k -= 1
            if lower[k] != "the" and lower[k] != "'s":
                continue
            if i + 1 < n and _name_token(words[i + 1]) and not used[i + 1]:
                continue
            party = self.party_short.get(w) or (
                self.party_short.get(w[:-1]) if w.endswith("s") else None
            )
            if party is not None and lower[k] == "the":
                self.mention(s, self.entities[party], k, i + 1)  # "the Left" of a "Left Party"
                continue
            e = self.entity(
                w, FACTION, faction_kind=blocs[w], confidence=0.7, key="bloc:" + w.casefold()
            )
            self.mention(s, e, k if lower[k] == "the" else i, i + 1)

    def _quoted_group(self, s: Sent, i: int) -> bool:
        """``the "New Way" group``: a group named in quotation marks before its head word."""
        words = s.words
        used = self.used[s.index]
        if i < 3 or words[i - 1] not in _CLOSERS:
            return False
        k = i - 2
        while k > 0 and i - k < 7 and words[k] not in _OPENERS:
            if not (_name_token(words[k]) and words[k][0].isupper()) or used[k]:
                return False
            k -= 1
        if words[k] not in _OPENERS or k == i - 2:
            return False
        name = " ".join(words[k + 1 : i - 1])
        e = self.entity(name, FACTION, faction_kind=self.t.heads[s.lower[i]], confidence=0.8)
        start = k - 1 if k > 0 and s.lower[k - 1] == "the" else k
        e.aliases.setdefault(self.doc.text[s.starts[start] : s.ends[i]], None)
        self.mention(s, e, start, i + 1)
        return True

    def acronym_parties(self, s: Sent) -> None:
        """``ALBA leader Alex Salmond``, ``PVV MPs``: an unknown acronym before a party role is a party.

        The acronym is two to six capital letters (not a country, an
        institution or a medium of the lexicon's non-names), and the role is
        one a party gives (*leader*, *MP*, *spokesman*...), not *president* or
        *chief*, which states and companies have too.
        """
        words, lower = s.words, s.lower
        used = self.used[s.index]
        n = len(words)
        for i in range(n - 1):
            w = words[i]
            if (
                used[i]
                or not (2 <= len(w) <= 6 and w.isalpha() and w.isupper())
                or lower[i + 1] not in _PARTY_ROLES
                or w in self.t.not_names
                or (i > 0 and words[i - 1][:1].isupper() and lower[i - 1] != "the")
            ):
                continue
            if lower[i + 1] not in ("mps", "members", "meps", "msps", "lawmakers") and not (
                i + 2 < n and _name_token(words[i + 2])
            ):
                continue  # "ALBA leader Alex Salmond", but not "the ALBA leader said"
            self.party(s, w, i, i + 1, 0.7)
        # "The Traditional Unionist Voice leader, Jim Allister": a capitalized name before a
        # party leader's role and a name
        for i in range(2, n - 1):
            if lower[i] not in _LEADER_ROLES or not (
                lower[i + 1] == "," or _name_token(words[i + 1])
            ):
                continue
            first = _name_run_start(words, used, i, 4)
            if first < i and lower[first] == "the":
                first += 1
            if (
                i - first < 2
                or not (first == 0 or lower[first - 1] == "the")
                or _given(words[first], self.t.first_names)
                or any(
                    w in self.t.not_names or w in self.t.org_heads or lower[k] in self.t.roles
                    for k, w in enumerate(words[first:i], first)
                )
            ):
                continue
            self.party(s, " ".join(words[first:i]), first - 1 if first > 0 else first, i, 0.7)

    def campaigns(self, s: Sent) -> None:
        """``the Biden campaign``: a candidate's campaign team, a group kept if it speaks or is spoken of.

        One or two capitalized words (not a party of the lexicon, a month or a
        common word) between *the* and *campaign*.
        """
        words, lower = s.words, s.lower
        used = self.used[s.index]
        for i in range(2, len(words)):
            if lower[i] != "campaign" or used[i]:
                continue
            first = i - 1
            while (
                first > i - 3
                and lower[first] != "the"
                and _name_token(words[first])
                and not used[first]
            ):
                first -= 1
            if lower[first] != "the" or first == i - 1:
                continue
            first += 1
            if any(w in self.t.not_names for w in words[first:i]):
                continue
            name = " ".join(words[first:i]) + " campaign"
            e = self.entity(name, FACTION, faction_kind=FactionKind.GROUP, confidence=0.7)
            e.weak = e.weak or not e.spans
            self.mention(s, e, first - 1, i + 1)

    def offices(self, s: Sent) -> None:
        """``the prime minister's office``: the office speaking for a head of government.

        An organization named after the office (*Prime Minister's Office*),
        kept if it speaks or is spoken of.
        """
        lower = s.lower
        for i in range(3, len(lower)):
            if lower[i] != "office" or lower[i - 1] not in ("'s", "’s"):
                continue
            k = i - 2
            if lower[k] in ("minister", "president", "premier", "chancellor", "taoiseach"):
                first = (
                    k - 1 if lower[k] == "minister" and lower[k - 1] in ("prime", "first") else k
                )
                if first < 1 or lower[first - 1] != "the" or self.used[s.index][first]:
                    continue
                name = " ".join(w.capitalize() for w in lower[first : k + 1]) + "'s Office"
                self.organization(s, name, first - 1, i + 1)

    def _party_sub(self, s: Sent, i: int) -> bool:
        """``the Labour Left``, ``the Tory right``, ``the SPD left wing``: a tendency inside a party."""
        h = s.lower[i]
        if i == 0:
            return False
        possessive = h in ("left", "right") and s.lower[i - 1] in _POSSESSIVE
        end = i - 1 if possessive else i  # "Labour's left"
        m = next((x for x in self.near(s.index, end - 10, end) if x.last == end), None)
        if m is None:
            return False
        party = self.entities[m.entity]
        if party.type != FACTION or party.faction_kind is not FactionKind.PARTY:
            return False
        j = i + 1
        if h in ("left", "right") and j < len(s) and s.lower[j] in ("wing", "faction"):
            j += 1
        owner = self.doc.text[s.starts[m.first] : s.ends[m.last - 1]]
        if owner.lower().startswith("the "):
            owner = owner[4:]
        rest = self.doc.text[s.starts[i] : s.ends[j - 1]]
        name = f"{owner} {rest}".replace("\u2019", "'")
        kind = self.t.heads[s.lower[j - 1]]
        e = self.entity(name, FACTION, faction_kind=kind, confidence=0.85)
        if e.parent is None:
            e.parent = party.id
        self.by_sent[s.index].remove(m)
        self.first_at[s.index][m.first].remove(m)
        if (m.start, m.end) in party.spans:
            party.spans.remove((m.start, m.end))
        self.mention(s, e, m.first, j)
        return True

    def org_names(self, s: Sent) -> None:
        """Capitalized names ending in Party, Union, Caucus... (not in the lexicon)."""
        words = s.words
        org_heads = self.t.org_heads
        used = self.used[s.index]
        for i, w in enumerate(words):
            if w in _HEAD_FIRST and not used[i]:
                self._head_first_party(s, i)
                continue
            if used[i] or w not in org_heads:
                continue
            tail = self._org_tail(s, i)
            if i == 0 and tail == i:
                continue
            j = i - 1
            while (
                j >= 0
                and i - j <= 5
                and not used[j]
                and (_name_token(words[j]) or s.lower[j] in ("of", "for", "and"))
            ):
                j -= 1
            first = j + 1
            while first < i and not _name_token(words[first]):
                first += 1
            if (
                first == i
                and i >= 2
                and words[i - 1].isdigit()
                and not used[i - 1]
                and s.lower[i - 2] == "the"
            ):
                first = i - 1  # "the 1922 Committee": a number heads the organ's name
            owner = None
            if first == j + 1 and j >= 0 and first < i and used[j]:
                # "the ANC Youth League": a party's organ, named with the party
                owner = next(
                    (m for m in self.first_at[s.index].get(j, ()) if m.last == first), None
                )
                e0 = self.entities.get(owner.entity) if owner is not None else None
                if e0 is None or e0.type != FACTION or e0.faction_kind is not FactionKind.PARTY:
                    owner = None
            if tail > i + 1:
                # "Alliance for Progress and Renewal", "the Party of European Socialists"
                if first >= i or (words[first] in ("The", "A", "An") and first + 1 >= i):
                    first = i
                elif words[first] in ("The", "A", "An"):
                    first += 1
                for k in range(i + 1, tail):
                    used[k] = 1
            elif first >= i or (words[first] in ("The", "A", "An") and first + 1 >= i):
                continue
            elif words[first] in ("The", "A", "An"):
                first += 1
            end = max(tail, i + 1)
            kind = org_heads[w]
            if kind is None and words[first].isdigit():
                kind = FactionKind.GROUP  # "the 1922 Committee": a numbered organ of MPs
            if kind is None:
                if end - first >= 3 or (end - first == 2 and words[first] not in self.t.not_names):
                    # "the Democratic National Committee": an organization, kept if it speaks
                    # or is spoken of
                    start = first - 1 if first > 0 and s.lower[first - 1] == "the" else first
                    self.organization(s, " ".join(words[first:end]), start, end)
                    continue
                for k in range(first, end):
                    used[k] = 1
                continue
            name = " ".join(words[first:end])
            if name.casefold() in ("european union", "soviet union"):
                for k in range(first, end):
                    used[k] = 1
                continue
            start = first - 1 if first > 0 and s.lower[first - 1] == "the" else first
            if (
                start >= 2
                and s.lower[start - 1] in (",", "called", "named")
                and s.lower[start - 2] in ("party", "parties")
            ):
                kind = FactionKind.PARTY  # "founded a new party, the Alliance for Progress..."
            elif (
                end + 2 < len(s)
                and s.lower[end] == ","
                and s.lower[end + 1] in ("a", "an", "the")
                and any(
                    s.lower[k] == "party"
                    and (k + 1 >= len(s) or s.lower[k + 1] in (",", ".", ";", "that", "which"))
                    for k in range(end + 2, min(len(s), end + 5))
                )
            ):
                kind = FactionKind.PARTY  # "The Alliance for Democracy, a new party, won"
            if owner is not None and kind is not FactionKind.PARTY:
                # the party's mention becomes part of its organ's name
                name = " ".join(words[owner.first : end])
                e = self.entity(name, FACTION, faction_kind=kind, confidence=0.85)
                e.parent = e.parent or owner.entity
                self.first_at[s.index][owner.first].remove(owner)
                self.dropped.add((s.index, owner))  # taken out once the pass is over
                self.mention(s, e, owner.first, end)
                continue
            e = self.entity(name, FACTION, faction_kind=kind, confidence=0.85)
            if kind is FactionKind.PARTY and tail <= i + 1 and i - first == 1 and w == "Party":
                self.party_short.setdefault(words[first], e.id)  # "National" after "National Party"
            if tail > i + 1 and kind is not FactionKind.PARTY:
                # "the Federation of German Industries": kept if a claim or event refers to it
                e.weak = e.weak or not e.spans
            start = first - 1 if first > 0 and s.lower[first - 1] == "the" else first
            self.mention(s, e, start, end)
            self._parent_after(s, e, end)

    def _head_first_party(self, s: Sent, i: int) -> None:
        """A party named head first in French, Spanish, Italian...: *the Parti Québécois*.

        *Parti*, *Partido*, *Partito*... then capitalized words, with particles
        (*dos*, *de la*, *del*) between them: *Partido dos Trabalhadores*.
        """
        words, lower, used = s.words, s.lower, self.used[s.index]
        n = len(words)
        k, end = i + 1, i + 1
        while k < n and k - i <= _MAX_NAME + 1 and not used[k]:
            if (
                lower[k] in _NAME_LINKS
                and k + 1 < n
                and (_is_cap(words[k + 1]) or lower[k + 1] in _NAME_LINKS)
            ):
                k += 1
                continue
            if not _is_cap(words[k]) or not words[k][:1].isalpha():
                break
            k += 1
            end = k
        if end == i + 1:
            return
        e = self.entity(
            " ".join(words[i:end]), FACTION, faction_kind=FactionKind.PARTY, confidence=0.85
        )
        start = i - 1 if i > 0 and lower[i - 1] == "the" else i
        self.mention(s, e, start, end)

    def _org_tail(self, s: Sent, i: int) -> int:
        """The end of a name that goes on after its head word at token ``i``, else ``i``.

        *Alliance for Progress and Renewal*, *Party of European Socialists*,
        *Movement for Democratic Change*: *of* or *for* then capitalized
        words, with *and*, *of*, *for* or *the* between them (at most
        :data:`_MAX_NAME` words after the head). A capitalized word after
        *and* that is a known given name starts a person instead (*the Party
        for Freedom and Geert Wilders*).
        """
        words, lower = s.words, s.lower
        n = len(words)
        if i + 2 >= n or lower[i + 1] not in ("of", "for"):
            return i
        end = i
        k = i + 1
        while k < n and k - i <= _MAX_NAME + 1:
            w = words[k]
            if lower[k] in ("of", "for", "and", "the") and k + 1 < n and _is_cap(words[k + 1]):
                if lower[k] == "and" and (
                    words[k + 1] in self.t.first_names or (k + 2 < n and _is_cap(words[k + 2]))
                ):
                    break  # "the Party for Freedom and Geert Wilders": a person joins
                k += 1
                continue
            if not _is_cap(w) or not w[:1].isalpha() or (w in self.t.org_heads and k > i + 2):
                break
            k += 1
            end = k
        return end if end > i + 1 else i

    def persons(self, s: Sent) -> None:
        """Capitalized runs read as persons' names."""
        words, lower, tags = s.words, s.lower, s.tags
        t = self.t
        used = self.used[s.index]
        n = len(words)
        alpha = [w for w in words if w[:1].isalpha()]
        self.headline = (
            len(alpha) >= 4
            and words[-1] not in (".", "?", "!", '"', "”")
            and sum(w[0].isupper() for w in alpha) > 0.7 * len(alpha)
        )
        i = 0
        while i < n:
            w = words[i]
            if used[i] or not _name_token(w) or not w[0].isupper():
                i += 1
                continue
            # collect the run
            j = i
            parts = 0
            while j < n and j - i < _MAX_NAME + 2 and not used[j]:
                wj = words[j]
                if _name_token(wj) and (wj[0].isupper() or "-" in wj or "'" in wj):
                    parts += 1
                    j += 1
                elif (
                    j > i
                    and lower[j] in t.particles
                    and (
                        (j + 1 < n and _name_token(words[j + 1]) and words[j + 1][0].isupper())
                        or (
                            j + 2 < n
                            and lower[j + 1] in t.particles
                            and _name_token(words[j + 2])
                            and words[j + 2][0].isupper()
                        )
                    )
                ):
                    j += 1  # "de Villepin", "von der Leyen"
                else:
                    break
            self._run(s, i, j)
            i = max(j, i + 1)
        del tags

    def _run(self, s: Sent, i: int, j: int) -> None:
        words, lower, tags = s.words, s.lower, s.tags
        t = self.t
        if (
            j - i == 1
            and (party := self.party_short.get(words[i])) is not None
            and not (j < len(words) and _name_token(words[j]))
        ):
            self.mention(s, self.entities[party], i, j)  # "said National had become..."
            return
        # titles and roles before the name
        title = False
        # "Opposition Leader John Pesutto", "Prime Minister Pedro Sánchez": the name follows the last title
        last_title = -1
        for k in range(i, j - 1):
            if words[k].rstrip(".") in t.titles or lower[k] in t.roles:
                last_title = k
        peer = False
        if last_title >= 0:
            title = True
            i = last_title + 1
            # "Lord Rennard", "Baroness Chakrabarti": a peer is named with the title
            peer = words[last_title] in _PEERAGE and j - i == 1
        if (
            i > 0
            and j < len(words)
            and words[i - 1] in _OPENERS
            and words[j] in _CLOSERS
            and not _given(words[i], t.first_names)
            and not title
            and words[i] not in self.surnames
        ):
            return  # 'mocked Rubio as "Little Marco"': a nickname quoted whole, not a person
        # drop words that never start a name (The, Indeed...), but keep "North" in "North Rhine-Westphalia"
        while i < j and (
            lower[i] in _CAP_STOP
            or lower[i] in t.roles
            or (words[i] in _WEEKDAYS and i + 1 < j)  # "On Thursday Yousaf announced"
            # "In May Crispin Blunt resigned": a month after a preposition is a date
            or (words[i] in _MONTH_NAMES and i > 0 and lower[i - 1] in _DATE_PREPS and i + 1 < j)
            or (
                words[i] in t.not_names
                and (i == 0 or not tags[i].startswith("NNP") or words[i - 1] in _OPENERS)
            )
        ):
            i += 1
        if i >= j:
            return
        if (j < len(words) and lower[j] in _PLACE_NEXT) or (
            i > 1 and lower[i - 1] == "for" and lower[i - 2] in _SEAT_HOLDERS
        ):
            self.places.append((s.index, i, j))  # "the North Shropshire by-election"
            self._mark(s, i, j)  # "the member for Dickson", "MP for Uxbridge"
            return
        # a name never contains a not-name (places, months) or an org head
        for k in range(i, j):
            if (k > i or title) and words[k] in _MONTH_NAMES:
                continue  # "Theresa May", "Natalie April": a surname here, not a month
            if i < k < j - 1 and lower[k] in t.particles and _given(words[i], t.first_names):
                continue  # "Marine Le Pen", "Ursula Von der Leyen": a particle, not "Le Monde"
            if (
                k == i + 1
                and j == i + 2
                and words[k] in t.not_names
                and _given(words[i], t.first_names)
                and words[k] not in t.org_heads
                and words[k] not in _WEEKDAYS
                and lower[k] not in t.roles
            ):
                continue  # "Michael Bloomberg", "George Washington": a surname after a given name
            if words[k] in t.not_names or words[k] in t.org_heads or lower[k] in t.roles:
                j = k
                break
        if i >= j:
            return
        if j - i > _MAX_NAME:
            return
        n = len(words)
        if j < n and lower[j] in _PLACE_NEXT:
            self.places.append((s.index, i, j))
            self._mark(s, i, j)
            return
        if self._names_group_before(s, i, j) or self._new_party_name(s, i, j):
            return
        if (
            j - i <= 2
            and j < len(words)
            and words[j] == "party"
            and not title
            and not _given(words[i], t.first_names)
            and words[j - 1] not in self.surnames
            and not (j + 1 < len(words) and lower[j + 1] in _POSSESSIVE)
            # "the Bavarian party", "the Flemish party": a region's adjective describes a party
            and not (j - i == 1 and lower[i].endswith(("ian", "ish", "ese")))
            and (
                i == 0
                or lower[i - 1] in ("the", "ruling", "governing", "opposition", "its", "'s", "a")
            )
        ):
            # "the ruling PDP-Laban party split": a party the lexicon does not know
            self.party(s, " ".join(words[i:j]), i, j + 1, 0.75)
            return
        if (
            i >= 2
            and lower[i - 1] in (",", "called", "named")
            and lower[i - 2] in ("party", "movement")
            and not _given(words[i], t.first_names)
            and (j - i == 1 or (j < len(words) and lower[j] in (".", ",", ";")))
        ):
            # "would form a new party, Poland Comes First."
            self.party(s, " ".join(words[i:j]), i, j, 0.75)
            return
        if (
            i >= 2
            and lower[i - 1] in _FOUND_VERBS
            and lower[i - 2] == "to"
            and not title
            and not _given(words[i], t.first_names)
            and (j - i >= 2 or (words[i] not in self.surnames and not _next_possessive(lower, j)))
        ):
            # "left the Democratic Party to found Italia Viva", "to join Change UK"
            self.party(s, " ".join(words[i:j]), i, j, 0.7)
            return
        if (
            i >= 3
            and lower[i - 1] == "the"
            and lower[i - 2] == "of"
            and lower[i - 3] in _SUPPORTER_GROUP
            and not _given(words[i], t.first_names)
        ):
            return  # "supporters of the Leap Manifesto said": a cause, not a person
        sentence_start = i == 0 or words[i - 1] in _OPENERS
        # all tagged proper nouns, or several capitalized words inside a sentence ("Mariano Rajoy")
        proper = all(
            tags[k].startswith("NNP") or not words[k][0].isupper() for k in range(i, j)
        ) or (not sentence_start and j - i >= 2 and tags[i].startswith("NNP"))
        before = title or self._role_before(s, i)
        after = self._cue_after(s, j)
        first_known = _given(words[i], t.first_names)
        if self.headline and not (first_known or before):
            return  # "Corbyn Allies Plot Leadership Challenge": title case, not names
        if (
            i > 0
            and lower[i - 1] in _PLACE_PREPS
            and not (first_known or before or after)
            and not (i > 1 and lower[i - 2] in _TRUST_NOUNS)  # "confidence in Theresa May"
            and not (i > 1 and lower[i - 1] == "at" and lower[i - 2] in _AT_TARGETS)
            and not (j < n and lower[j] in _POSSESSIVE)
        ):
            return  # "in Los Angeles", "at Westminster Abbey"
        if (
            j - i == 1
            and not (first_known or before)
            and _in_place_list(words, lower, i)
            and words[i] not in self.surnames
        ):
            return  # "regional party chiefs in Stockholm, Skåne and Gothenburg said"
        if (
            j - i == 1
            and i > 0
            and lower[i - 1] in ("in", "from")
            and j < n
            and lower[j] == ","
            and not (first_known or before)
            and not (i > 1 and lower[i - 2] in _TRUST_NOUNS)
        ):
            return  # "the leader of the party in Galicia, urged": the end of an appositive
        if (
            i > 1
            and lower[i - 1] == "of"
            and self.used[s.index][i - 2]
            and _name_token(words[i - 2])
            and words[i - 2][0].isupper()
            and j < n
            and lower[j] in (",", ".", ";", "and")
            and not first_known
        ):
            return  # "Johanna Mikl-Leitner of Lower Austria,": a person's region or seat
        if (
            j - i <= 3
            and i > 1
            and lower[i - 1] == "of"
            and lower[i - 2] in _REGION_HEADS
            and j < n
            and lower[j] in (",", ".", "and")
            and not first_known
        ):
            return  # "the premier of Mecklenburg-Western Pomerania,": a region, not a person
        if j - i == 1 and self._group_word(s, i):
            return
        if j - i == 1 and self._acronym_group(s, i):
            return
        if j - i == 1:
            # single words: later surname mentions are resolved in pass 2
            w = words[i]
            known = self.surnames.get(w)
            # "Turnbull added", "Kühnert, the leader of the Jusos,": a surname before a cue,
            # even opening the sentence
            if known is None and (before or (after and proper)):
                if i > 0 and lower[i - 1] in _DETERMINERS and tags[i - 1] != "IN":
                    return
                if (w.isupper() and len(w) > 1) or (
                    len(w) <= 6 and w.endswith("s") and w[:-1].isupper() and len(w) > 2
                ):
                    return  # "TDs", "MEPs": members, not a person
                e = self.entity(f"{words[i - 1]} {w}" if peer else w, PERSON, confidence=0.6)
                self.surnames.setdefault(w, e.id)
                self.surname_hist.setdefault(w, []).append((s.index, i, e.id))
                self.mention(s, e, i - 1 if peer else i, j)
                if before:
                    self._roles_before(s, i, e)
                self._appositive(s, j, e)
            return
        verb_next = j - i >= 2 and j < len(words) and tags[j] in ("VBD", "VBZ", "MD")
        after = after or verb_next
        if sentence_start and not (first_known or before or after) and not proper:
            return
        if not (first_known or before or after or proper):
            return
        # "that" as a conjunction ("said that Angela Merkel's CDU") is no determiner
        if (
            i > 0
            and lower[i - 1] in _DETERMINERS
            and tags[i - 1] != "IN"
            and not (first_known or (after and lower[i - 1] not in ("the", "a", "an")))
        ):
            return  # "the Bonaparte of", "a Corbyn Government", "The Juventudes Socialistas said"
        conf = 0.9 if (first_known or before or after) else 0.65
        name = " ".join(words[i:j])
        tail_of = self.tails.get(name)
        if tail_of is not None and tail_of in self.entities:
            e = self.entities[tail_of]  # "Di Maio" after "Luigi Di Maio"
        else:
            e = self.entity(name, PERSON, confidence=conf)
            if j - i >= 3:
                for x in range(i + 1, j - 1):
                    self.tails.setdefault(" ".join(words[x:j]), e.id)
        self.surnames.setdefault(words[j - 1], e.id)
        self.surname_hist.setdefault(words[j - 1], []).append((s.index, i, e.id))
        if _family_first(words[i:j]):
            # "Yoo Seong-min" ... "Yoo told reporters": the family name comes first
            self.surnames.setdefault(words[i], e.id)
            self.surname_hist.setdefault(words[i], []).append((s.index, i, e.id))
        for x in range(i + 1, j - 1):
            # "Luiz Inácio Lula da Silva" ... "Lula": an inner name, when no one else has it
            if (
                len(words[x]) >= 3
                and words[x][0].isupper()
                and lower[x] not in t.particles
                and words[x] not in self.surnames
            ):
                self.surnames[words[x]] = e.id
                self.surname_hist.setdefault(words[x], []).append((s.index, i, e.id))
        self.mention(s, e, i, j)
        if before:
            self._roles_before(s, i, e)
        self._appositive(s, j, e)

    def _new_party_name(self, s: Sent, i: int, j: int) -> bool:
        """``voted to rename the party Liberty Korea``: the party's new name, not a person."""
        lower = s.lower
        if not (
            i >= 3
            and lower[i - 1] in ("party", "it", "itself")
            and any(lower[k] in _RENAME for k in range(max(0, i - 4), i - 1))
        ):
            return False
        parties = [
            e
            for e in self.entities.values()
            if e.type == FACTION and e.faction_kind is FactionKind.PARTY
        ]
        if not parties:
            return False
        party = max(parties, key=lambda e: len(e.spans))
        party.aliases.setdefault(" ".join(s.words[i:j]), None)
        self.mention(s, party, i, j)
        return True

    def _names_group_before(self, s: Sent, i: int, j: int) -> bool:
        """``the youth wing, Linksjugend Solid,``: a name in apposition to an unnamed group.

        The capitalized run at ``i..j`` becomes the name of the group phrase
        ending right before its comma, unless it starts with a given name
        ("the youth wing, Kevin Kühnert said").
        """
        if i < 2 or s.lower[i - 1] != "," or _given(s.words[i], self.t.first_names):
            return False
        if j < len(s) and s.lower[j] not in (",", ".", ";", ")"):
            return False
        for m in self.near(s.index, i - 8, i - 1):
            e = self.entities[m.entity]
            if m.last != i - 1 or e.type != FACTION or e.known or not e.name[:1].islower():
                continue
            if e.name.split()[-1] not in self.t.heads:
                return False
            e.aliases.setdefault(e.name, None)
            e.name = " ".join(s.words[i:j])
            self.mention(s, e, i, j)
            return True
        return False

    def group_nouns(self, s: Sent) -> None:
        """``the rebels``, ``Tory moderates``, ``hardline Brexiteers``: a group in the conflict.

        One entity per noun in a text (*Tory rebels* ... *the rebels*), with the
        party before it as parent; weak, so kept only when it claims or is
        targeted.
        """
        lower = s.lower
        used = self.used[s.index]
        for i, w in enumerate(lower):
            if used[i] or w not in _GROUP_NOUNS or not s.tags[i].startswith("NN"):
                continue
            party: Entity | None = None
            first = i
            if i > 0 and used[i - 1]:
                m = next((x for x in self.near(s.index, i - 4, i) if x.last == i), None)
                if m is None:
                    continue
                pe = self.entities[m.entity]
                if pe.type != FACTION or pe.faction_kind is not FactionKind.PARTY:
                    continue
                party = pe
                first = m.first
            elif i > 0 and lower[i - 1] in _GROUP_ADJ:
                first = i - 1
            e = self.entity(
                s.words[i],
                FACTION,
                faction_kind=FactionKind.GROUP,
                confidence=0.6,
                key="groupnoun:" + w,
            )
            e.weak = e.weak or not e.spans
            if party is not None:
                e.aliases.setdefault(self.doc.text[s.starts[first] : s.ends[i]], None)
                if e.parent is None:
                    e.parent = party.id
                    if len(e.spans) == 0:
                        e.name = self.doc.text[s.starts[first] : s.ends[i]]
                first = i
            elif first < i:
                e.aliases.setdefault(self.doc.text[s.starts[first] : s.ends[i]], None)
            start = first - 1 if first > 0 and lower[first - 1] == "the" else first
            self.mention(s, e, start, i + 1)

    def _group_word(self, s: Sent, i: int) -> bool:
        """``Momentum's democratic structures``: a capitalized word owning an organization's parts."""
        lower = s.lower
        n = len(lower)
        if i == 0 or i + 2 >= n or lower[i + 1] not in _POSSESSIVE or s.words[i - 1] in _OPENERS:
            return False
        if not any(lower[k] in _ORG_PARTS for k in range(i + 2, min(n, i + 5))):
            return False
        w = s.words[i]
        if w in self.surnames or w.isupper() or w in self.t.first_names:
            return False
        e = self.entity(
            w, FACTION, faction_kind=FactionKind.GROUP, confidence=0.6, key="group:" + w.casefold()
        )
        self.groups.setdefault(w, e.id)
        self.mention(s, e, i, i + 1)
        return True

    def _acronym_group(self, s: Sent, i: int) -> bool:
        """``the ERG``, ``the NEC``, ``the PLP``: an unknown acronym after "the" is a group."""
        w = s.words[i]
        if not (
            i > 0 and s.lower[i - 1] == "the" and 2 <= len(w) <= 5 and w.isalpha() and w.isupper()
        ):
            return False
        if w in self.t.not_names:
            return False
        e = self.entity(
            w, FACTION, faction_kind=FactionKind.GROUP, confidence=0.5, key="group:" + w.casefold()
        )
        self.groups.setdefault(w, e.id)
        self.mention(s, e, i, i + 1)
        return True

    def _mark(self, s: Sent, i: int, j: int) -> None:
        used = self.used[s.index]
        for k in range(i, j):
            used[k] = 1

    def _role_before(self, s: Sent, i: int) -> bool:
        k = i - 1
        if k >= 0 and s.words[k] == "," and k >= 1 and s.lower[k - 1] in self.t.roles:
            return True
        return k >= 0 and (s.lower[k] in self.t.roles or s.words[k].rstrip(".") in self.t.titles)

    def _cue_after(self, s: Sent, j: int) -> bool:
        """A reporting verb or an appositive role follows the run."""
        lower = s.lower
        n = len(lower)
        k = j
        if k < n and lower[k] in _POSSESSIVE:
            return False
        steps = 0
        while k < n and steps < 6:
            w = lower[k]
            if w in self.t.verbs:
                return True
            if w == "," and k + 1 < n:
                nxt = lower[k + 1]
                if nxt in self.t.roles or (
                    nxt in ("the", "a", "an", "who")
                    and k + 2 < n
                    and (lower[k + 2] in self.t.roles or nxt == "who")
                ):
                    return True
                if any(lower[x] in self.t.roles for x in range(k + 2, min(n, k + 5))) and nxt in (
                    "a",
                    "an",
                    "the",
                    "his",
                    "her",
                    "their",
                    "its",
                ):
                    return True  # "Manfred Weber, a close ally of ..."
                if k + 2 < n and lower[k + 2] in self.t.roles:
                    return True
            if w in _AUX or w == "," or s.tags[k] == "RB":
                k += 1
                steps += 1
                continue
            return False
        return False

    def _roles_before(self, s: Sent, i: int, e: Entity) -> None:
        """``SPD leader Saskia Esken``, ``Labour MP Jess Phillips``, ``Senator Bernie Sanders``."""
        words, lower = s.words, s.lower
        t = self.t
        k = i - 1
        if k >= 1 and words[k] == ",":
            k -= 1
        end = k + 1
        used = self.used[s.index]
        while (
            k >= 0
            and end - k <= 4
            and not used[k]
            and (
                lower[k] in t.roles
                or words[k].rstrip(".") in t.titles
                or (lower[k] in _ROLE_MODIFIERS)
            )
        ):
            k -= 1
        first = k + 1
        if first >= end:
            return
        role = " ".join(words[first:end])
        if (
            words[first].rstrip(".") in t.titles
            and first + 1 == end
            and lower[first] not in t.roles
        ):
            return  # "Mr", "Senator" alone: a title, not a membership
        faction: str | None = None
        for m in self.near(s.index, first - 10, first + 1):
            if m.last in (first, first - 1) or (m.last == first - 1 and lower[first - 1] == "'s"):
                ent = self.entities[m.entity]
                if ent.type == FACTION:
                    faction = ent.id
        if faction is None and first >= 2 and lower[first - 1] == "'s":
            for m in self.near(s.index, first - 10, first):
                if m.last == first - 1 and self.entities[m.entity].type == FACTION:
                    faction = m.entity
        e.roles.append(role)
        if faction is not None:
            self.memberships.append(
                MembershipDraft(e.id, faction, role, s.starts[first], s.ends[i - 1], 0.8)
            )

    def _appositive(self, s: Sent, j: int, e: Entity) -> None:
        """``NAME, ROLE [of FACTION] [and ROLE of FACTION],``: remember the roles."""
        lower = s.lower
        n = len(lower)
        if j >= n or lower[j] != ",":
            return
        k = j + 1
        if k < n and lower[k] in ("the", "a", "an"):
            k += 1
        # the appositive runs to the next comma, or for at most 12 tokens
        end = k
        while (
            end < n
            and end - k < 20
            and lower[end] not in (",", ";", ".", "(", ")", "-", "–", "—", "who", "said")
        ):
            end += 1
        if end < n and lower[end] not in (",", ";", ".", "-", "–", "—", ")", "said"):
            return
        if not any(lower[x] in self.t.roles for x in range(k, min(end, k + 3))):
            return  # "Len McCluskey, as ballots ... arrive": no role up front
        self.pending_appositives.append((e.id, s.index, k, end))

    pending_appositives: list[tuple[str, int, int, int]]

    # -- pass 2 --

    def _latest(self, surname: str, si: int, k: int) -> str | None:
        """The person last named in full with this surname before ``(si, k)`` (else the first after)."""
        hist = self.surname_hist.get(surname)
        if not hist:
            return None
        x = bisect_left(hist, (si, k, "")) - 1
        return hist[x][2] if x >= 0 else hist[0][2]

    def resolve_surnames(self, s: Sent) -> None:
        words, lower = s.words, s.lower
        used = self.used[s.index]
        known = self.t.surnames
        for i, w in enumerate(words):
            if used[i] or not w[:1].isupper():
                continue
            if (
                w in _MONTH_NAMES
                and i > 0
                and lower[i - 1] in _DATE_PREPS
                and i + 1 < len(words)
                and used[i + 1]
            ):
                continue  # "In May Crispin Blunt": the month before a name, not Theresa May
            eid = self._latest(w, s.index, i) or self.groups.get(w)
            if eid is None:
                k = known.get(w)
                if k is not None:
                    eid = self.entity(
                        k.name,
                        PERSON,
                        actor_kind=k.actor_kind,
                        confidence=0.9,
                        id_=k.id,
                        known=True,
                    ).id
            if eid is None:
                eid = self._given_owner(w)  # '"Humza has my full support"': Humza Yousaf
            if eid is None:
                continue
            if (
                i + 1 < len(words)
                and _name_token(words[i + 1])
                and words[i + 1][0].isupper()
                and not used[i + 1]
                and lower[i + 1] not in self.t.heads
                and words[i + 1] not in self.t.org_heads
            ):
                continue  # part of another name
            if (
                i > 0
                and _name_token(words[i - 1])
                and words[i - 1][0].isupper()
                and not used[i - 1]
                and i - 1 != 0
                and words[i - 1].rstrip(".") not in self.t.titles  # "Mrs May", "Mr Rees-Mogg"
                # "On Thursday Yousaf", "In March Corbyn": a date, not a first name
                and words[i - 1] not in _WEEKDAYS
                and not (words[i - 1] in self.t.not_names and words[i - 1] not in _MONTH_NAMES)
                # "In August Chrétien": a month after a preposition is a date too
                and not (words[i - 1] in _MONTH_NAMES and i > 1 and lower[i - 2] in _DATE_PREPS)
            ):
                continue
            self.mention(s, self.entities[eid], i, i + 1)

    def lower_ite_wings(self, s: Sent) -> None:
        """``the susanistas``, ``sanchistas``: lower-case followers named after a person in the text."""
        for i, w in enumerate(s.lower):
            if self.used[s.index][i] or not w.endswith(("istas", "ista", "ites")) or len(w) < 8:
                continue
            stem = _fold(
                w[:-5] if w.endswith("istas") else w[:-4] if w.endswith(("ista", "ites")) else w
            )
            if len(stem) < 4 or w in _NOT_ITE:
                continue
            for name, eid in self._person_words():
                if name.startswith(stem):
                    e = self.entity(
                        w, FACTION, faction_kind=FactionKind.WING, confidence=0.6, key="wing:" + w
                    )
                    e.anchor = eid
                    first = i - 1 if i > 0 and s.lower[i - 1] == "the" else i
                    self.mention(s, e, first, i + 1)
                    break

    def _given_owner(self, word: str) -> str | None:
        """The one person whose full name starts with the known given name ``word``, if one.

        Built once, after the first pass: given names shared by two persons
        of the text resolve to nobody.
        """
        cache = self._given_cache
        if cache is None:
            cache = {}
            for e in self.entities.values():
                parts = e.name.split()
                if (
                    e.type != PERSON
                    or e.actor_kind is not ActorKind.PERSON
                    or len(parts) < 2
                    or parts[0] not in self.t.first_names
                ):
                    continue
                cache[parts[0]] = e.id if parts[0] not in cache else None
            self._given_cache = cache
        return cache.get(word)

    def _person_words(self) -> list[tuple[str, str]]:
        """Each word of each person's name, folded (no accents, lower case), with the person's id."""
        cached = self._person_words_cache
        if cached is None:
            cached = [
                (_fold(part), e.id)
                for e in self.entities.values()
                if e.type == PERSON
                for part in e.name.split()
                if len(part) >= 4
            ]
            self._person_words_cache = cached
        return cached

    def supporters(self, s: Sent) -> None:
        """``supporters of X``, ``X supporters``, ``X's allies``, ``the X movement`` → a tendency."""
        lower = s.lower
        n = len(lower)
        ms = {m.first: m for m in self.by_sent[s.index]}
        ends = {m.last: m for m in self.by_sent[s.index]}
        for i in range(n):
            w = lower[i]
            if w not in _SUPPORTER_GROUP and not (
                w in ("camp", "wing") and i > 0 and lower[i - 1] in ("the", *_POSSESSIVE)
            ):
                continue
            person: Mention | None = None
            first = i
            last = i + 1
            if i + 2 < n and lower[i + 1] == "of":
                m = ms.get(i + 2)
                if (
                    m is None
                    and i + 3 < n
                    and (
                        s.words[i + 2].rstrip(".") in self.t.titles or lower[i + 2] in self.t.roles
                    )
                ):
                    m = ms.get(i + 3)  # "allies of President Rodrigo Duterte"
                if m is not None and self.entities[m.entity].type == PERSON:
                    person, last = m, m.last
            if (
                person is None
                and w in ("supporters", "backers", "followers")
                and self._supporters_of_named(s, i)
            ):
                continue
            if person is None and w == "wing":
                continue  # "the wing of X" only; "Corbyn's wing" is a faction phrase
            if person is None and w == "camp" and not (i > 0 and lower[i - 1] in _POSSESSIVE):
                continue  # "the camp of Cyril Ramaphosa", "Martin's camp"
            if person is None:
                m = ends.get(i) or (
                    ends.get(i - 1) if i > 0 and lower[i - 1] in _POSSESSIVE else None
                )
                if m is not None and self.entities[m.entity].type == PERSON:
                    person, first = m, m.first
            if (
                person is None
                and w in _SUPPORTER_GROUP
                and lower[i - 1] in ("his", "her")
                and (i == 1 or (i == 3 and lower[1] == "of"))
            ):
                # "Schäuble told the group. His allies accused Kohl", "Several of his
                # supporters, including X, accused": the subject of the sentence before
                person = self._previous_subject(s)
                if person is not None:
                    self._tendency(s, person, i - 1, i + 1)
                continue
            if person is None and w in _SUPPORTER_GROUP and lower[i - 1] in ("his", "her"):
                # "Marois accused X of ..., and several of her supporters said": the supporters
                # of the person who opens the sentence
                k = i - 1
                if k >= 2 and lower[k - 1] == "of" and lower[k - 2] in _SOME:
                    k -= 2
                opener = ms.get(0)
                if (
                    k > 1
                    and lower[k - 1] == "and"
                    and lower[k - 2] == ","  # not "Dutton and his allies forced": one subject
                    and opener is not None
                    and self.entities[opener.entity].type == PERSON
                    and self.entities[opener.entity].actor_kind is ActorKind.PERSON
                ):
                    self._tendency(s, opener, k, i + 1)
                continue
            if person is None:
                continue
            self._tendency(s, person, first, last)
        # "MPs loyal to X", "senators close to X"
        for i in range(n - 3):
            if (
                lower[i] in _LOYAL_HEADS
                and lower[i + 1] in ("loyal", "close")
                and lower[i + 2] == "to"
            ):
                m = ms.get(i + 3)
                if m is not None and self.entities[m.entity].type == PERSON:
                    self._tendency(s, m, i, m.last)

    def _previous_subject(self, s: Sent) -> Mention | None:
        """The person who opens the sentence before ``s`` (same paragraph), if one does.

        A sentence before that names no one outside a quotation ('"I came second," he
        said') is skipped for the one before it.
        """
        for back in (1, 2):
            if s.index - back < 0:
                return None
            prev = self.doc.sents[s.index - back]
            if "\n\n" in self.doc.text[prev.end : self.doc.sents[s.index - back + 1].start]:
                return None
            for m in sorted(self.by_sent[s.index - back], key=lambda m: m.first):
                e = self.entities[m.entity]
                if self.doc.quote_at(m.start, m.end) is not None:
                    continue  # '"I came second," he said': look one sentence further back
                if e.type == PERSON and e.actor_kind is ActorKind.PERSON:
                    return m
                return None
        return None

    def _supporters_of_named(self, s: Sent, i: int) -> bool:
        """``Supporters of the Leap Manifesto``: a tendency named after a document or cause.

        The words after *of the* are a capitalized run that no other entity claimed.
        """
        words, lower, n = s.words, s.lower, len(s)
        if not (i + 3 < n and lower[i + 1] == "of" and lower[i + 2] == "the"):
            return False
        used = self.used[s.index]
        j = i + 3
        while (
            j < n and j < i + 7 and _name_token(words[j]) and words[j][0].isupper() and not used[j]
        ):
            j += 1
        if j == i + 3 or (j < n and _name_token(words[j]) and words[j][0].isupper()):
            return False
        phrase = self.doc.text[s.starts[i] : s.ends[j - 1]]
        name = phrase[0].lower() + phrase[1:]
        e = self.entity(name, FACTION, faction_kind=FactionKind.TENDENCY, confidence=0.65)
        if phrase != name:
            e.aliases.setdefault(phrase, None)
        self.mention(s, e, i, j)
        return True

    def _tendency(self, s: Sent, person: Mention, first: int, last: int) -> None:
        p = self.entities[person.entity]
        parts = p.name.split()
        k = len(parts) - 1
        while k > 1 and parts[k - 1].lower() in self.t.particles:
            k -= 1  # "Marine Le Pen" → "Le Pen supporters"
        surname = " ".join(parts[k:])
        key = "anchor:" + p.id
        e = self.entity(
            f"{surname} supporters",
            FACTION,
            faction_kind=FactionKind.TENDENCY,
            confidence=0.7,
            key=key,
        )
        e.anchor = p.id
        start, end = s.starts[first], s.ends[last - 1]
        e.aliases.setdefault(self.doc.text[start:end], None)
        e.spans.append((start, end))
        m = Mention(e.id, first, last, start, end)
        self.by_sent[s.index].append(m)
        self.first_at[s.index].setdefault(first, []).append(m)

    def finish_parents(self) -> None:
        for wid, party_name in self.young_parents:
            pid = self.by_key.get((FACTION, party_name.casefold()))
            wing = self.entities.get(wid)
            if pid is not None and wing is not None and wing.parent is None and pid != wid:
                wing.parent = pid  # "the Young Liberals" of a Liberal Party named in the text
        for eid0, si, k in self.pending_parent:
            eid = self.redirect.get(eid0, eid0)  # merged into another faction meanwhile
            if eid not in self.entities:
                continue
            for m in self.near(si, k - 1, k + 2):
                if m.first in (k, k + 1) or m.first == k - 1:
                    ent = self.entities.get(self.redirect.get(m.entity, m.entity))
                    if ent is not None and ent.type == FACTION and ent.id != eid:
                        e = self.entities[eid]
                        if e.parent is None and ent.parent != eid:
                            e.parent = ent.id
                        break

    def finish_appositives(self) -> None:
        for eid0, si, k, end in self.pending_appositives:
            eid = self.redirect.get(eid0, eid0)
            if eid not in self.entities:
                continue
            s = self.doc.sents[si]
            e = self.entities[eid]
            # split at "and": "Shadow Chancellor and veteran of the Labour Left"
            pieces: list[tuple[int, int]] = []
            a = k
            for x in range(k, end + 1):
                if x == end or s.lower[x] == "and":
                    if x > a:
                        pieces.append((a, x))
                    a = x + 1
            for a, b in pieces:
                if not any(s.lower[x] in self.t.roles for x in range(a, b)):
                    continue
                faction: str | None = None
                stop = b
                for x in range(a, b):
                    if s.lower[x] in ("of", "for", "at", "in"):
                        for m in self.near(si, a - 10, b + 1):
                            if x < m.first < b and self.entities[m.entity].type == FACTION:
                                faction = m.entity
                                break
                        stop = x
                        break
                    if s.lower[x] in ("'s", "'") and x > a:
                        for m in self.near(si, a - 10, b + 1):
                            if m.last == x and self.entities[m.entity].type == FACTION:
                                faction = m.entity
                        a2 = x + 1
                        a = a2
                    else:
                        for m in self.near(si, a - 10, b + 1):
                            if (
                                m.first == x
                                and self.entities[m.entity].type == FACTION
                                and m.last <= b
                            ):
                                faction = m.entity
                if stop <= a or (stop < b and faction is None):
                    continue  # "president of the Madrid region": not a faction's role
                role = self.doc.text[s.starts[a] : s.ends[stop - 1]]
                if role.lower().startswith(("the ", "a ", "an ")):
                    role = role.split(" ", 1)[1]
                if faction is not None:
                    fe = self.entities[faction]
                    fname = fe.name
                    for prefix in (fname + " ", fname + "'s "):
                        if role.startswith(prefix):
                            role = role[len(prefix) :]
                e.roles.append(self.doc.text[s.starts[a] : s.ends[b - 1]])
                conf = 0.8 if faction else 0.5
                if faction is None:
                    faction = self.nearest_party(si, a, b)
                self.memberships.append(
                    MembershipDraft(eid, faction, role, s.starts[a], s.ends[b - 1], conf)
                )

    def nearest_party(self, si: int, a: int, b: int) -> str | None:
        """The party or union mentioned nearest to tokens ``a..b`` of sentence ``si`` (a wing's parent counts)."""
        best: tuple[int, str] | None = None
        for m in self.near(si, a - 25, b + 16):
            e = self.entities.get(m.entity)
            if e is None or e.type != FACTION:
                continue
            if e.faction_kind in (FactionKind.PARTY, FactionKind.UNION):
                ref: str | None = e.id
            else:
                ref = e.parent
            if ref is None:
                continue
            dist = a - m.last if m.last <= a else m.first - b if m.first >= b else 0
            if dist <= 15 and (best is None or dist < best[0]):
                best = (dist, ref)
        return best[1] if best else None

    def possessive_members(self, s: Sent) -> None:
        """``PSOE's Pedro Sánchez``, ``Labour's Jess Phillips``: membership without a role."""
        ms = sorted(self.by_sent[s.index], key=lambda m: m.first)
        for a, b in pairwise(ms):
            if b.first == a.last + 1 and s.lower[a.last] in _POSSESSIVE:
                fa, pb = self.entities[a.entity], self.entities[b.entity]
                if (
                    fa.type == FACTION
                    and fa.faction_kind in (FactionKind.PARTY, FactionKind.UNION)
                    and pb.type == PERSON
                ):
                    self.memberships.append(
                        MembershipDraft(pb.id, fa.id, None, a.start, b.end, 0.7)
                    )


_GROUP_MODS: Final = frozenset(
    {
        "youth",
        "student",
        "students",
        "women's",
        "parliamentary",
        "grassroots",
        "activist",
        "protest",
        "dissident",
        "rebel",
    }
)
_GROUP_NOUNS: Final = frozenset(
    {"rebels", "moderates", "hardliners", "centrists", "mutineers", "plotters", "dissidents",
     "dissenters", "insurgents", "holdouts", "refuseniks", "brexiteers", "brexiters", "remainers",
     "eurosceptics", "euroskeptics", "modernisers", "modernizers", "traditionalists",
     "progressives", "conspirators", "malcontents", "waverers", "loyalists"}
)  # fmt: skip
_GROUP_ADJ: Final = frozenset(
    {"hardline", "moderate", "centrist", "leftist", "rightwing", "right-wing", "left-wing",
     "pro-european", "pro-brexit", "conservative", "progressive", "backbench", "senior",
     "disaffected", "disgruntled", "leading", "prominent", "remaining"}
)  # fmt: skip
_LOYAL_HEADS: Final = frozenset(
    {"mps", "senators", "members", "lawmakers", "ministers", "backbenchers", "deputies",
     "legislators", "colleagues", "figures", "those", "politicians", "councillors"}
)  # fmt: skip
# "lashed out at X", "took aim at X", "a swipe at X": a person aimed at, not a place
_AT_TARGETS: Final = frozenset(
    {"out", "aim", "swipe", "swipes", "jab", "jabs", "dig", "digs", "back", "fire", "snipe",
     "sniped", "sniping", "shot", "shots", "scorn", "barb", "barbs", "blow", "angry", "furious"}
)  # fmt: skip
_SEAT_HOLDERS: Final = frozenset(
    {"member", "mp", "senator", "candidate", "representative", "congressman", "congresswoman",
     "mla", "msp", "councillor", "deputy"}
)  # fmt: skip
_TRUST_NOUNS: Final = frozenset({"confidence", "faith", "trust", "belief"})
_MONTH_NAMES: Final = frozenset({"May", "June", "April", "August"})
_DATE_PREPS: Final = frozenset(
    {"in", "on", "since", "by", "until", "till", "from", "last", "early", "late", "mid", "during",
     "next", "through"}
)  # fmt: skip
_WEEKDAYS: Final = frozenset(
    {"Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"}
)
_ORG_PARTS: Final = frozenset(
    {"structures", "structure", "members", "membership", "leadership", "executive", "committee", "founder",
     "founders", "chair", "activists", "conference", "rules", "constitution", "board", "steering", "ranks",
     "officers", "branches", "organisers", "organizers", "candidates", "spokesman",
     "spokeswoman", "spokesperson", "co-founder", "council", "secretariat", "national"}
)  # fmt: skip
_OPENERS: Final = frozenset({'"', "“", "‘", "'", "(", "[", "-", "–", "—", ":", "``"})
_CLOSERS: Final = frozenset({'"', "”", "’", "''"})
_AUX: Final = frozenset(
    {"has", "have", "had", "was", "is", "were", "are", "also", "then", "later", "reportedly",
     "allegedly", "meanwhile", "however", "himself", "herself", "previously", "once", "again", "yesterday",
     "today", "publicly", "privately", "openly", "repeatedly", "recently", "last", "week", "night", "on",
     "tuesday", "monday", "wednesday", "thursday", "friday", "saturday", "sunday", "will", "would", "could", "did"}
)  # fmt: skip
_ROLE_MODIFIERS: Final = frozenset(
    {"former", "ex", "new", "veteran", "senior", "deputy", "shadow", "junior", "party", "prime", "foreign", "home",
     "finance", "health", "justice", "interior", "labour", "defence", "defense", "education", "environment",
     "backbench", "frontbench", "state", "federal", "national", "general", "acting", "interim", "outgoing",
     "incoming", "then", "long-time", "longtime", "rebel", "moderate", "centrist", "left-wing", "right-wing",
     "progressive", "conservative", "leadership", "union", "trade", "assistant", "vice", "co", "majority",
     "minority", "house", "senate", "first", "chief", "party's"}
)  # fmt: skip
_ADJECTIVES: Final = frozenset(
    {"old", "hard", "far", "soft", "left", "right", "progressive", "moderate", "conservative", "centrist", "liberal", "radical", "socialist",
     "populist", "nationalist", "hard-left", "hard-right", "far-left", "far-right", "left-wing", "right-wing",
     "pro-european", "eurosceptic", "pro-brexit", "reformist", "traditionalist", "green", "libertarian",
     "social-democratic", "grassroots", "insurgent", "rebel", "dissident", "breakaway", "pro-business",
     "christian", "evangelical", "centre-left", "centre-right", "center-left", "center-right", "soft-left"}
)  # fmt: skip


def antecedent(doc: Doc, mentions: Mentions, si: int, k: int) -> Mention | None:
    """The person "he" or "she" at token ``k`` of sentence ``si`` most likely refers to.

    The subject of the sentence when it opens with a person's name ("Liz Cheney
    was ousted after she criticised..."), else the latest person named before
    the pronoun in this sentence, else the only person named in the sentence
    before (same paragraph). A person whose title tells a gender
    (:attr:`Mentions.genders`) is skipped for a pronoun of the other gender.

    Returns:
        A mention of that person placed at the pronoun (token ``k`` of
        sentence ``si``), so its offsets are the pronoun's; ``None`` if no
        person was found.
    """
    found: Mention | None = None
    ms = mentions.by_sent[si]
    sent = doc.sents[si]
    if (
        sent.tags[0] == "IN"
        and sent.lower[k] in ("his", "her")
        and not any(m.first < k for m in ms)
    ):
        # "In his resignation letter Miles said": the subject named after the opening phrase
        after = next((m for m in ms if k < m.first <= k + 6), None)
        if (
            after is not None
            and _human(mentions.entities[after.entity])
            and after.last < len(sent)
            and sent.tags[after.last].startswith("VB")
        ):
            return Mention(after.entity, k, k + 1, sent.starts[k], sent.ends[k])
    pronoun = sent.lower[k]
    if (
        ms
        and ms[0].first <= 1
        and ms[0].last <= k
        and _human(mentions.entities[ms[0].entity])
        and doc.quote_at(ms[0].start, ms[0].end) is None
        and _gender_fits(mentions, ms[0].entity, pronoun)
    ):
        found = ms[0]
    else:
        for m in ms.backwards(k, k - 60):
            if (
                m.last <= k
                and _human(mentions.entities[m.entity])
                # '"Humza has my support," she said': not the speaker
                and doc.quote_at(m.start, m.end) is None
                # "Mrs Foster thanked Mr Allister, and she said": not the man
                and _gender_fits(mentions, m.entity, pronoun)
            ):
                found = m
                break
        if found is None:
            found = _one_person_before(doc, mentions, si)
    if found is None or not _gender_fits(mentions, found.entity, pronoun):
        return None
    s = doc.sents[si]
    return Mention(found.entity, k, k + 1, s.starts[k], s.ends[k])


def _human(e: Entity) -> bool:
    """Whether "he" or "she" can refer to ``e``: a person, not an office ("the prime minister's office")."""
    return e.type == PERSON and e.actor_kind is ActorKind.PERSON


#: Words that may open a sentence before its subject ("But Cem Özdemir...", "Senator X").
_SUBJECT_OPENERS: Final = frozenset({"but", "and", "meanwhile", "then", "still", "yet", "so"})


def _one_person_before(doc: Doc, mentions: Mentions, si: int) -> Mention | None:
    """Whom a sentence-initial "he"/"she" refers to, from the sentences before (same paragraph).

    In the previous sentence: its only person, else the person who is its
    subject (named within its first four words, as in "Vice-Chancellor Robert
    Habeck praised Lang and Nouripour. He said..."). A previous sentence
    naming nobody is skipped (at most two sentences back).
    """
    for back in (1, 2):
        if si - back < 0:
            return None
        prev = doc.sents[si - back]
        if "\n\n" in doc.text[prev.end : doc.sents[si - back + 1].start]:
            return None
        people = [
            m
            for m in mentions.by_sent[si - back]
            if _human(mentions.entities[m.entity]) and doc.quote_at(m.start, m.end) is None
        ]
        if not people:
            continue
        if len({m.entity for m in people}) == 1:
            return people[0]
        # the subject, not a possessive modifier ("Casado's secretary general, X, was...")
        first = next(
            (m for m in people if not (m.last < len(prev) and prev.lower[m.last] in _POSSESSIVE)),
            people[0],
        )
        lead = 0
        while lead < first.first and prev.lower[lead] in _SUBJECT_OPENERS:
            lead += 1
        if first is not people[0] and people[0].first - lead <= 3:
            lead = people[0].last + 1  # "Casado's deputy, García Egea, was...": the appositive
            while lead < first.first and prev.lower[lead] in _SUBJECT_OPENERS:
                lead += 1
            if first.first - lead <= 4 and prev.lower[first.first - 1] == ",":
                return first
        if first.first - lead <= 3 and not any(
            prev.tags[x].startswith("VB") for x in range(lead, first.first)
        ):
            return first
        return None
    return None


def find_mentions(doc: Doc, lexicon: Lexicon) -> Mentions:
    """Run the mention stage on a prepared document.

    Args:
        doc: The tokenized, tagged document (:func:`~discourse.parse.document.prepare`).
        lexicon: What the parser knows.

    Returns:
        The entities, their mentions per sentence, memberships and place names.
    """
    t = _tables(lexicon)
    b = _Builder(doc, t)
    b.pending_appositives = []
    sents = doc.sents
    for s in sents:
        b.known_names(s)
        b.ite_wings(s)
        b.org_names(s)
        b.acronym_parties(s)
        b.campaigns(s)
        b.offices(s)
        b.group_phrases(s)
        b.persons(s)
        b.group_nouns(s)
        b.faction_appositives(s)
    if b.dropped:
        _drop_mentions(b)
    for s in sents:
        b.resolve_surnames(s)
        b.lower_ite_wings(s)
    for s in sents:
        b.by_sent[s.index].sort(key=lambda m: (m.first, -m.last))
        b.supporters(s)
        b.possessive_members(s)
        b.by_sent[s.index].sort(key=lambda m: (m.first, -m.last))
    b.finish_parents()
    b.finish_appositives()
    for keep, drop in b.pending_merges:
        if keep in b.entities and drop in b.entities and keep != drop:
            _merge_into(b, b.entities[keep], b.entities[drop])
    _anchor_groups(b)
    _merge_blocs(b)
    _merge_surnames(b)
    _merge_acronyms(b)
    _merge_namesakes(b)
    _plural_party_names(b)
    _merge_splinters(b)
    _apply_redirects(b)
    return Mentions(
        b.entities,
        [MentionList(ms) for ms in b.by_sent],
        b.memberships,
        b.places,
        _title_genders(b),
    )


#: Titles that tell a person's gender ("Mrs May", "Lord Falconer", "Herr Merz").
_TITLE_GENDER: Final = {
    **dict.fromkeys(
        ("Mr", "Sir", "Lord", "Baron", "Viscount", "Earl", "Congressman", "Herr", "Señor", "Don"),
        "m",
    ),
    **dict.fromkeys(
        (
            "Mrs",
            "Ms",
            "Miss",
            "Dame",
            "Lady",
            "Baroness",
            "Congresswoman",
            "Frau",
            "Señora",
            "Doña",
        ),
        "f",
    ),
}
#: The gender a third-person pronoun asks of its antecedent.
_PRONOUN_GENDER: Final = {"he": "m", "him": "m", "his": "m", "she": "f", "her": "f", "hers": "f"}


def _title_genders(b: _Builder) -> dict[str, str]:
    """Genders told by a title right before a person's name or inside it (one pass over mentions)."""
    votes: dict[str, set[str]] = {}
    for s in b.doc.sents:
        for m in b.by_sent[s.index]:
            e = b.entities.get(m.entity)
            if e is None or e.type != PERSON or e.actor_kind is not ActorKind.PERSON:
                continue
            for k in (m.first - 1, m.first):
                if k >= 0:
                    g = _TITLE_GENDER.get(s.words[k].rstrip("."))
                    if g is not None:
                        votes.setdefault(m.entity, set()).add(g)
    return {eid: next(iter(gs)) for eid, gs in votes.items() if len(gs) == 1}


def _gender_fits(mentions: Mentions, eid: str, pronoun: str) -> bool:
    """Whether a pronoun can refer to entity ``eid`` (unknown genders fit any pronoun)."""
    want = _PRONOUN_GENDER.get(pronoun)
    have = mentions.genders.get(eid)
    return want is None or have is None or want == have


def _drop_mentions(b: _Builder) -> None:
    """Take the mentions absorbed into longer names out of their sentences and entities."""
    gone: dict[str, set[tuple[int, int]]] = {}
    for _si, m in b.dropped:
        gone.setdefault(m.entity, set()).add((m.start, m.end))
    for si in {si for si, _ in b.dropped}:
        b.by_sent[si] = [m for m in b.by_sent[si] if (si, m) not in b.dropped]
    for eid, spans in gone.items():
        e = b.entities[eid]
        e.spans = [sp for sp in e.spans if sp not in spans]


def _anchor_groups(b: _Builder) -> None:
    """Merge "X movement", "X supporters" and "Xites" factions named after the same person."""
    by_surname: dict[str, list[Entity]] = {}
    for e in list(b.entities.values()):
        if e.type != FACTION or e.known:
            continue
        first = e.name.split()[0]
        stem = first
        for suffix in ("ites", "istas"):
            if first.endswith(suffix):
                stem = first[: -len(suffix)]
        by_surname.setdefault(stem, []).append(e)
    for stem, group in by_surname.items():
        person = b.surnames.get(stem)
        if (
            person is None
            and len(group) >= 2
            and any(e.name.endswith(("ites", "istas")) for e in group)
        ):
            # "the Clintonites" and "the Clinton camp", with no Clinton named in full
            wings = [
                e
                for e in group
                if e.faction_kind in (FactionKind.WING, FactionKind.TENDENCY)
                and (
                    e.name.endswith(("ites", "istas")) or e.name.split()[-1].casefold() in b.t.heads
                )
            ]
            for drop in wings[1:]:
                _merge_into(b, wings[0], drop)
            continue
        if person is None or len(group) < 2:
            if person is not None:
                for e in group:
                    if e.anchor is None and e.faction_kind in (
                        FactionKind.TENDENCY,
                        FactionKind.WING,
                    ):
                        e.anchor = person
            continue
        keep = group[0]
        keep.anchor = person
        for drop in group[1:]:
            _merge_into(b, keep, drop)


def _merge_acronyms(b: _Builder) -> None:
    """Make "the ERG" the "European Research Group" named in the same text."""
    by_initials: dict[str, list[Entity]] = {}
    for e in b.entities.values():
        words = [w for w in e.name.split() if w[:1].isupper()]
        if e.type == FACTION and len(words) >= 2:
            by_initials.setdefault("".join(w[0] for w in words), []).append(e)
    for e in list(b.entities.values()):
        if e.type == FACTION and e.name.isupper() and " " not in e.name and not e.known:
            full = [x for x in by_initials.get(e.name, []) if x.id in b.entities]
            if len(full) == 1:
                _merge_into(b, full[0], e)


def _short_word(surface: str) -> str | None:
    """The one word of a short party mention ("Labour", "the Liberals'"), else ``None``."""
    words = surface.split()
    if words and words[0].casefold() == "the":
        words = words[1:]
    if len(words) != 1:
        return None
    w = words[0].removesuffix("'s").removesuffix("’s").removesuffix("'").removesuffix("’")
    return w if w.isalpha() else None


def _merge_namesakes(b: _Builder) -> None:
    """Make "Labour" the "New Zealand Labour Party" the text names, not the lexicon's namesake.

    A known party named only by one word ("Labour", "the Liberals") joins the one
    other party of the text whose name has that word ("New Zealand Labour Party",
    "Liberal Party of Canada"). Linear in the number of entities and spans.
    """
    text = b.doc.text
    parties = [
        e for e in b.entities.values() if e.type == FACTION and e.faction_kind is FactionKind.PARTY
    ]
    full: dict[str, list[Entity]] = {}
    for q in parties:
        if any(len(text[a:c].split()) >= 3 for a, c in q.spans):
            for w in {w.casefold() for w in q.name.split() if w[:1].isupper()}:
                full.setdefault(w, []).append(q)
    if not full:
        return
    for p in parties:
        if not p.known or not p.spans:
            continue
        shorts = {_short_word(text[a:c]) for a, c in p.spans}
        if None in shorts or len(shorts) != 1:
            continue
        word = next(iter(shorts))
        if word is None:
            continue
        key = word.casefold()
        found = [q for q in full.get(key, full.get(key.removesuffix("s"), [])) if q.id != p.id]
        if len(found) != 1 or found[0].id not in b.entities:
            continue
        keep = found[0]
        for a, c in p.spans:
            keep.aliases.setdefault(text[a:c], None)
        keep.spans.extend(p.spans)
        del b.entities[p.id]
        b.redirect[p.id] = keep.id


def _plural_party_names(b: _Builder) -> None:
    """Make "the Socialists" the one party of the text whose name has "Socialist" (the PSOE).

    Only a capitalized plural after *the* that no other rule read; the parties'
    name words are indexed once, so the pass is linear in the text.
    """
    words_of: dict[str, set[str]] = {}
    for e in b.entities.values():
        if e.type == FACTION and e.faction_kind is FactionKind.PARTY:
            for name in (e.name, *e.aliases):
                for w in name.split():
                    if w[:1].isupper() and w.isalpha():
                        words_of.setdefault(w, set()).add(e.id)
    if not words_of:
        return
    for s in b.doc.sents:
        words, lower, used = s.words, s.lower, b.used[s.index]
        added = False
        for i in range(1, len(s)):
            w = words[i]
            if used[i] or lower[i - 1] != "the" or len(w) < 5 or not w.endswith("s"):
                continue
            if not (w[0].isupper() and w.isalpha()):
                continue
            owners = words_of.get(w[:-1])
            if owners is None or len(owners) != 1:
                continue
            e = b.entities[next(iter(owners))]
            b.mention(s, e, i - 1, i + 1)  # "The Socialists now face a fresh election"
            added = True
        if added:
            b.by_sent[s.index].sort(key=lambda x: (x.first, -x.last))


#: Plain words for the members of a split: "the rebels", "the breakaway".
_SPLINTER_WORDS: Final = frozenset(
    {"rebels", "breakaway", "dissidents", "defectors", "splinter group", "breakaway group"}
)
#: Words before a party's first mention that make it new: "to form a new movement, X".
_NEW_PARTY_CUES: Final = frozenset(
    {"form", "formed", "forming", "found", "founded", "founding", "launch", "launched",
     "new", "breakaway", "create", "created", "set"}
)  # fmt: skip


def _merge_splinters(b: _Builder) -> None:
    """Make "the rebels" and "the breakaway" the one new party a split formed in the text.

    The new party is a party the lexicon does not know whose first mention
    follows *form*, *found*, *new*... ("broke away to form a new movement,
    Popular Unity"); later "rebels"/"breakaway" groups join it. One pass over
    the mentions.
    """
    firsts: dict[str, tuple[int, Mention]] = {}
    for s in b.doc.sents:
        for m in b.by_sent[s.index]:
            if m.entity not in firsts:
                firsts[m.entity] = (s.index, m)
    new: list[tuple[int, Mention]] = []
    for eid, (si, m) in firsts.items():
        e = b.entities.get(eid)
        if e is None or e.known or e.type != FACTION or e.faction_kind is not FactionKind.PARTY:
            continue
        lower = b.doc.sents[si].lower
        if any(w in _NEW_PARTY_CUES for w in lower[max(0, m.first - 8) : m.first]):
            new.append((si, m))
    if len(new) != 1:
        return
    si0, m0 = new[0]
    keep = b.entities[m0.entity]
    text = b.doc.text
    for eid, (si, m) in firsts.items():
        e = b.entities.get(eid)
        if (
            e is not None
            and e.type == FACTION
            and not e.known
            and e.name.casefold() in _SPLINTER_WORDS
            and (si, m.first) > (si0, m0.first)
        ):
            for a, c in e.spans:
                keep.aliases.setdefault(text[a:c], None)
            keep.spans.extend(e.spans)
            del b.entities[eid]
            b.redirect[eid] = keep.id
    for s in b.doc.sents[si0 + 1 :]:
        lower, used = s.lower, b.used[s.index]
        for i in range(1, len(s)):
            if (
                lower[i] == "breakaway"
                and lower[i - 1] == "the"
                and not used[i]
                and not (i + 1 < len(s) and s.tags[i + 1].startswith("NN"))
            ):
                b.mention(s, keep, i - 1, i + 1)  # "accusing the breakaway of betrayal"
                b.by_sent[s.index].sort(key=lambda x: (x.first, -x.last))


def _merge_surnames(b: _Builder) -> None:
    """Make "Mr Corbyn" met before "Jeremy Corbyn" one person, when exactly one full name ends so."""
    full: dict[str, list[Entity]] = {}
    for e in b.entities.values():
        if e.type == PERSON and " " in e.name:
            full.setdefault(e.name.rsplit(" ", 1)[1], []).append(e)
    for e in list(b.entities.values()):
        if e.type == PERSON and " " not in e.name and not e.known:
            found = full.get(e.name, [])
            if len(found) == 1:
                _merge_into(b, found[0], e)


def _merge_blocs(b: _Builder) -> None:
    """Make "the Left" the "Labour Left" when the text names exactly one such tendency."""
    by_last: dict[str, list[Entity]] = {}
    for x in b.entities.values():
        if x.type == FACTION and x.parent is not None and " " in x.name:
            by_last.setdefault(x.name.rsplit(" ", 1)[1].casefold(), []).append(x)
    for e in list(b.entities.values()):
        if e.type != FACTION or " " in e.name or e.known:
            continue
        subs = [x for x in by_last.get(e.name.casefold(), []) if x is not e and x.id in b.entities]
        if len(subs) == 1:
            _merge_into(b, subs[0], e)


def _merge_into(b: _Builder, keep: Entity, drop: Entity) -> None:
    """Fold ``drop`` into ``keep``; references are redirected later, all at once."""
    for a in drop.aliases:
        keep.aliases.setdefault(a, None)
    keep.aliases.setdefault(drop.name, None)
    keep.spans.extend(drop.spans)
    keep.roles.extend(drop.roles)
    if keep.parent is None and drop.parent != keep.id:
        keep.parent = drop.parent
    keep.confidence = max(keep.confidence, drop.confidence)
    del b.entities[drop.id]
    b.redirect[drop.id] = keep.id


def _apply_redirects(b: _Builder) -> None:
    """Point every mention, membership and parent at the entities merged into (one pass)."""
    if not b.redirect:
        return

    def final(eid: str) -> str:
        seen = 0
        while eid in b.redirect and seen < 64:
            eid = b.redirect[eid]
            seen += 1
        return eid

    for ms in b.by_sent:
        for x, m in enumerate(ms):
            if m.entity in b.redirect:
                ms[x] = attrs.evolve(m, entity=final(m.entity))
    for x, md in enumerate(b.memberships):
        if md.faction in b.redirect or md.member in b.redirect:
            b.memberships[x] = attrs.evolve(
                md,
                faction=final(md.faction) if md.faction else None,
                member=final(md.member),
            )
    for e in b.entities.values():
        if e.parent is not None and e.parent in b.redirect:
            parent = final(e.parent)
            e.parent = parent if parent != e.id else None
        if e.anchor is not None and e.anchor in b.redirect:
            e.anchor = final(e.anchor)
