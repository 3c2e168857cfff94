"""The knowledge the parser uses: known names, reporting verbs, triggers, role words.

A :class:`Lexicon` is plain data. The package ships a generic English one
(``discourse/parse/data/lexicon_en.json``: reporting verbs with their claim
form and default stance, reported actions, event triggers, role nouns,
faction head words, words that are never names, common first names, and the
major parties and unions of the English-language and European press); users
add what they know about their own case (people, factions, aliases, parent
parties, extra verbs) in a YAML or JSON file of the same shape and merge it::

    lexicon = Lexicon.default().merge(Lexicon.from_file("my_case.yaml"))

The file format (every key optional)::

    format: discourse-lexicon/1
    actors:            # people and single organizations the parser should know
      - name: Jeremy Corbyn
        aliases: [Corbyn]
        kind: person            # or organization
        party: Labour Party     # optional: a membership
        role: Leader            # optional: its role
    factions:          # parties, wings, groups, unions...
      - name: Momentum
        kind: group             # party, wing, tendency, group, caucus, union, bloc
        parent: Labour Party
        aliases: []
    reporting_verbs:   # lemma -> claim form, default stance, what the object is
      slam: {form: criticism, stance: oppose, object: target, forms: [slams, slammed]}
    actions:           # reported acts: phrase -> form, stance
      oust: {form: action, stance: oppose}
    event_triggers:    # phrase -> EventKind value
      leadership spill: leadership_challenge
    role_nouns: [convenor]
    faction_heads: {tendency: tendency}
    bloc_words: {Establishment: bloc}
    not_names: [Brexit]
    first_names: [Saskia]
    evaluative:        # words that make a reported clause for or against its subject
      oppose: [betray, unfit]
      support: [deserve, loyal]

Examples:
    >>> lex = Lexicon.default()
    >>> lex.verb("accused").form.value, lex.verb("accused").stance.value
    ('accusation', 'oppose')
"""

from __future__ import annotations

import json
import os
from collections.abc import Iterable, Mapping
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any, Final

import attrs

from discourse.errors import FormatError, ValidationError
from discourse.model import ActorKind, ClaimForm, EventKind, FactionKind, Stance

__all__ = [
    "FORMAT",
    "KnownActor",
    "KnownFaction",
    "Lexicon",
    "VerbSense",
    "inflections",
]

#: The ``format`` value of lexicon files.
FORMAT: Final = "discourse-lexicon/1"

_OBJECTS: Final = frozenset({"target", "addressee", "none"})

#: Irregular past forms of verbs that occur in reporting and action phrases.
_IRREGULAR: Final[Mapping[str, tuple[str, ...]]] = {
    "say": ("says", "said", "saying"),
    "pay": ("pays", "paid", "paying"),
    "foresee": ("foresees", "foresaw", "foreseen", "foreseeing"),
    "freeze": ("freezes", "froze", "frozen", "freezing"),
    "stick": ("sticks", "stuck", "sticking"),
    "swing": ("swings", "swung", "swinging"),
    "split": ("splits", "split", "splitting"),
    "fall": ("falls", "fell", "fallen", "falling"),
    "undercut": ("undercuts", "undercut", "undercutting"),
    "admit": ("admits", "admitted", "admitting"),
    "commit": ("commits", "committed", "committing"),
    "submit": ("submits", "submitted", "submitting"),
    "label": ("labels", "labelled", "labeled", "labelling", "labeling"),
    "signal": ("signals", "signalled", "signaled", "signalling", "signaling"),
    "rebel": ("rebels", "rebelled", "rebelling"),
    "expel": ("expels", "expelled", "expelling"),
    "compel": ("compels", "compelled", "compelling"),
    "regret": ("regrets", "regretted", "regretting"),
    "level": ("levels", "levelled", "leveled", "levelling", "leveling"),
    "quarrel": ("quarrels", "quarrelled", "quarreled", "quarrelling", "quarreling"),
    "counsel": ("counsels", "counselled", "counseled", "counselling", "counseling"),
    "upset": ("upsets", "upset", "upsetting"),
    "tell": ("tells", "told", "telling"),
    "speak": ("speaks", "spoke", "spoken", "speaking"),
    "write": ("writes", "wrote", "written", "writing"),
    "hit": ("hits", "hit", "hitting"),
    "quit": ("quits", "quit", "quitted", "quitting"),
    "throw": ("throws", "threw", "thrown", "throwing"),
    "kick": ("kicks", "kicked", "kicking"),
    "stand": ("stands", "stood", "standing"),
    "hold": ("holds", "held", "holding"),
    "lead": ("leads", "led", "leading"),
    "break": ("breaks", "broke", "broken", "breaking"),
    "forecast": ("forecasts", "forecast", "forecasted", "forecasting"),
    "put": ("puts", "put", "putting"),
    "set": ("sets", "set", "setting"),
    "run": ("runs", "ran", "running"),
    "win": ("wins", "won", "winning"),
    "lose": ("loses", "lost", "losing"),
    "give": ("gives", "gave", "given", "giving"),
    "take": ("takes", "took", "taken", "taking"),
    "go": ("goes", "went", "gone", "going"),
    "come": ("comes", "came", "come", "coming"),
    "get": ("gets", "got", "gotten", "getting"),
    "make": ("makes", "made", "making"),
    "fight": ("fights", "fought", "fighting"),
    "seek": ("seeks", "sought", "seeking"),
    "bring": ("brings", "brought", "bringing"),
    "drive": ("drives", "drove", "driven", "driving"),
    "force": ("forces", "forced", "forcing"),
}
_VOWELS: Final = frozenset("aeiou")


def inflections(lemma: str) -> tuple[str, ...]:
    """The lemma and its regular (or known irregular) inflected forms.

    Only the first word of a phrase is inflected: ``"call on"`` gives
    ``"calls on"``, ``"called on"``, ``"calling on"``.

    Examples:
        >>> inflections("urge")
        ('urge', 'urges', 'urged', 'urging')
        >>> inflections("call for")
        ('call for', 'calls for', 'called for', 'calling for')
    """
    head, _, rest = lemma.partition(" ")
    tail = f" {rest}" if rest else ""
    if head in _IRREGULAR:
        forms: tuple[str, ...] = _IRREGULAR[head]
    elif head.endswith("e"):
        forms = (head + "s", head + "d", head[:-1] + "ing")
    elif head.endswith("y") and len(head) > 2 and head[-2] not in _VOWELS:
        forms = (head[:-1] + "ies", head[:-1] + "ied", head + "ing")
    elif head.endswith(("s", "sh", "ch", "x", "z")):
        forms = (head + "es", head + "ed", head + "ing")
    elif (
        len(head) <= 4
        and len(head) >= 3
        and head[-1] not in _VOWELS
        and head[-1] not in "wxy"
        and head[-2] in _VOWELS
        and head[-3] not in _VOWELS
    ):
        forms = (head + "s", head + head[-1] + "ed", head + head[-1] + "ing")
    else:
        forms = (head + "s", head + "ed", head + "ing")
    return (lemma, *(f + tail for f in forms))


# --- entries --------------------------------------------------------------------------


@attrs.frozen
class VerbSense:
    """What a reporting verb or reported action says about a claim.

    Attributes:
        lemma: The base form, e.g. ``"call on"``.
        form: The claim form it signals.
        stance: The claimant's default stance toward the verb's object, if any.
        object: ``"target"`` if the object is the claim's target,
            ``"addressee"`` if it is who is called upon (and the target),
            ``"none"`` if the object is not an actor (``said``, ``warned``).
        action: Whether it is a reported act rather than speech.
    """

    lemma: str
    form: ClaimForm
    stance: Stance | None = None
    object: str = "none"
    action: bool = False


@attrs.frozen
class KnownActor:
    """A person or organization the user tells the parser about.

    Attributes:
        name: Canonical name.
        aliases: Other surface forms (surnames, nicknames).
        kind: ``"person"`` or ``"organization"``.
        id: The record id to use (default: derived from the name).
        party: Name of a faction the actor belongs to.
        role: The actor's role in that faction.
    """

    name: str
    aliases: tuple[str, ...] = ()
    kind: ActorKind = ActorKind.PERSON
    id: str | None = None
    party: str | None = None
    role: str | None = None


@attrs.frozen
class KnownFaction:
    """A party, wing, group or union the user tells the parser about.

    Attributes:
        name: Canonical name.
        aliases: Other surface forms (``"Labour"`` for ``"Labour Party"``).
        kind: The faction kind.
        parent: Name of the party or faction it sits in.
        id: The record id to use (default: derived from the name).
    """

    name: str
    aliases: tuple[str, ...] = ()
    kind: FactionKind = FactionKind.GROUP
    parent: str | None = None
    id: str | None = None


def _fs(items: Iterable[str]) -> frozenset[str]:
    return frozenset(items)


@attrs.frozen
class Lexicon:
    """Everything the parser knows about words, names and groups.

    Build one with :meth:`default`, :meth:`from_file` or :meth:`from_dict`,
    and combine them with :meth:`merge` (entries of the argument win).

    Attributes:
        actors: Known people and organizations.
        factions: Known parties, wings, groups and unions.
        verbs: Reporting verbs and phrases, by lemma.
        actions: Reported acts (``"kick out"``, ``"oust"``), by lemma.
        event_triggers: Trigger phrase (lower case) to event kind.
        role_nouns: Lower-case words that make a phrase a role (``"leader"``).
        faction_heads: Head words of faction phrases (``"wing"``) and their kind.
        bloc_words: Capitalized words naming a bloc or tendency on their own
            (``"Left"``, ``"Establishment"``) and their kind.
        not_names: Capitalized words that never start or make a person's
            name (countries, months, sentence adverbs).
        first_names: Given names (a name detector's prior).
        titles: Words before a name that mark a person (``"Senator"``, ``"Mr"``).
        name_particles: Lower-case words allowed inside names (``"de"``, ``"van"``).
        org_heads: Capitalized last words that make a name an organization,
            with the faction kind (``"Party"``: party), or ``null`` for a
            non-faction organization or institution (``"Council"``).
        evaluative: Lower-case words (every inflection) that make a reported
            clause for (``support``) or against (``oppose``) its subject:
            *resign*, *betrayed*, *unfit*; *deserves*, *loyal*.
    """

    actors: tuple[KnownActor, ...] = ()
    factions: tuple[KnownFaction, ...] = ()
    verbs: Mapping[str, VerbSense] = attrs.field(factory=dict)
    actions: Mapping[str, VerbSense] = attrs.field(factory=dict)
    event_triggers: Mapping[str, EventKind] = attrs.field(factory=dict)
    role_nouns: frozenset[str] = attrs.field(factory=frozenset, converter=_fs)
    faction_heads: Mapping[str, FactionKind] = attrs.field(factory=dict)
    bloc_words: Mapping[str, FactionKind] = attrs.field(factory=dict)
    not_names: frozenset[str] = attrs.field(factory=frozenset, converter=_fs)
    first_names: frozenset[str] = attrs.field(factory=frozenset, converter=_fs)
    titles: frozenset[str] = attrs.field(factory=frozenset, converter=_fs)
    name_particles: frozenset[str] = attrs.field(factory=frozenset, converter=_fs)
    org_heads: Mapping[str, FactionKind | None] = attrs.field(factory=dict)
    evaluative: Mapping[str, Stance] = attrs.field(factory=dict)

    # -- construction ------------------------------------------------------------------

    @classmethod
    def default(cls) -> Lexicon:
        """The generic English lexicon shipped with the package (cached).

        Raises:
            FormatError: The shipped file is missing or damaged.
        """
        return _default()

    @classmethod
    def empty(cls) -> Lexicon:
        """A lexicon that knows nothing (for tests and for building from scratch)."""
        return cls()

    @classmethod
    def from_file(cls, path: str | os.PathLike[str]) -> Lexicon:
        """Read a lexicon from a ``.json``, ``.yaml`` or ``.yml`` file.

        Raises:
            FormatError: The file cannot be read or is not a valid lexicon;
                the error names the file and the entry (``verbs['slam'].form``).
        """
        p = Path(path)
        where = str(p)
        try:
            raw = p.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError) as exc:
            raise FormatError(f"cannot read lexicon: {exc}", path=where) from None
        if p.suffix.lower() in {".yaml", ".yml"}:
            data = _load_yaml(raw, where)
        else:
            try:
                data = json.loads(raw)
            except ValueError as exc:
                line = getattr(exc, "lineno", None)
                raise FormatError(f"not valid JSON: {exc}", path=where, line=line) from None
        return cls.from_dict(data, path=where)

    @classmethod
    def from_dict(cls, data: object, *, path: str | None = None) -> Lexicon:
        """Build a lexicon from a decoded JSON/YAML document.

        Args:
            data: The document (a mapping; see the module docstring).
            path: The file it came from, for error messages.

        Raises:
            FormatError: Listing every bad entry, each with its location.
        """
        errors: list[str] = []
        if not isinstance(data, Mapping):
            raise FormatError(f"a lexicon must be a mapping, got {type(data).__name__}", path=path)
        fmt = data.get("format", FORMAT)
        if fmt != FORMAT:
            errors.append(f"format: expected {FORMAT!r}, got {fmt!r}")
        known = {
            "format", "actors", "factions", "reporting_verbs", "actions", "event_triggers",
            "role_nouns", "faction_heads", "bloc_words", "not_names", "first_names", "titles",
            "name_particles", "org_heads", "evaluative", "note", "licence", "license", "source",
        }  # fmt: skip
        for key in data:
            if key not in known:
                errors.append(f"{key}: unknown key (expected one of {', '.join(sorted(known))})")
        actors = tuple(
            _actor(e, f"actors[{i}]", errors) for i, e in enumerate(_seq(data, "actors", errors))
        )
        factions = tuple(
            _faction(e, f"factions[{i}]", errors)
            for i, e in enumerate(_seq(data, "factions", errors))
        )
        verbs = _senses(data, "reporting_verbs", errors, action=False)
        actions = _senses(data, "actions", errors, action=True)
        triggers: dict[str, EventKind] = {}
        for k, v in _map(data, "event_triggers", errors).items():
            kind = _enum_value(EventKind, v, f"event_triggers[{k!r}]", errors)
            if kind is not None:
                triggers[k.casefold()] = kind
        heads: dict[str, FactionKind] = {}
        for k, v in _map(data, "faction_heads", errors).items():
            fk = _enum_value(FactionKind, v, f"faction_heads[{k!r}]", errors)
            if fk is not None:
                heads[k.casefold()] = fk
        blocs: dict[str, FactionKind] = {}
        for k, v in _map(data, "bloc_words", errors).items():
            fk = _enum_value(FactionKind, v, f"bloc_words[{k!r}]", errors)
            if fk is not None:
                blocs[k] = fk
        org_heads: dict[str, FactionKind | None] = {}
        for k, v in _map(data, "org_heads", errors).items():
            org_heads[k] = (
                None if v is None else _enum_value(FactionKind, v, f"org_heads[{k!r}]", errors)
            )
        evaluative: dict[str, Stance] = {}
        for k, v in _map(data, "evaluative", errors).items():
            st = _enum_value(Stance, k, f"evaluative[{k!r}]", errors)
            if not isinstance(v, list) or not all(isinstance(w, str) for w in v):
                errors.append(f"evaluative[{k!r}]: expected a list of words")
            elif st is not None:
                for w in v:
                    for form in inflections(w.casefold()):
                        evaluative[form] = st
        if errors:
            raise FormatError(
                f"{len(errors)} problem{'s' if len(errors) != 1 else ''} in lexicon: {errors[0]}"
                + (f" (and {len(errors) - 1} more)" if len(errors) > 1 else ""),
                path=path,
                errors=errors,
            )
        return cls(
            actors=tuple(a for a in actors if a is not None),
            factions=tuple(f for f in factions if f is not None),
            verbs=verbs,
            actions=actions,
            event_triggers=triggers,
            role_nouns=(w.casefold() for w in _strs(data, "role_nouns", errors)),
            faction_heads=heads,
            bloc_words=blocs,
            not_names=_strs(data, "not_names", errors),
            first_names=_strs(data, "first_names", errors),
            titles=_strs(data, "titles", errors),
            name_particles=_strs(data, "name_particles", errors),
            org_heads=org_heads,
            evaluative=evaluative,
        )

    def merge(self, other: Lexicon) -> Lexicon:
        """Return a lexicon with the entries of both; ``other`` wins on conflicts."""
        return Lexicon(
            actors=_merge_named(self.actors, other.actors),
            factions=_merge_named(self.factions, other.factions),
            verbs={**self.verbs, **other.verbs},
            actions={**self.actions, **other.actions},
            event_triggers={**self.event_triggers, **other.event_triggers},
            role_nouns=self.role_nouns | other.role_nouns,
            faction_heads={**self.faction_heads, **other.faction_heads},
            bloc_words={**self.bloc_words, **other.bloc_words},
            not_names=self.not_names | other.not_names,
            first_names=self.first_names | other.first_names,
            titles=self.titles | other.titles,
            name_particles=self.name_particles | other.name_particles,
            org_heads={**self.org_heads, **other.org_heads},
            evaluative={**self.evaluative, **other.evaluative},
        )

    # -- look-ups ----------------------------------------------------------------------

    def verb(self, word: str) -> VerbSense | None:
        """The sense of an inflected reporting verb or phrase (``"accused"``), if known."""
        return _verb_forms(self).get(word.casefold())

    def verb_forms(self) -> Mapping[str, VerbSense]:
        """Every inflected form of every reporting verb and action, lower case."""
        return _verb_forms(self)


def _merge_named(a: tuple[Any, ...], b: tuple[Any, ...]) -> tuple[Any, ...]:
    names = {x.name for x in b}
    return tuple(x for x in a if x.name not in names) + b


_FORM_CACHE: dict[int, tuple[Lexicon, dict[str, VerbSense]]] = {}


def _verb_forms(lex: Lexicon) -> dict[str, VerbSense]:
    hit = _FORM_CACHE.get(id(lex))
    if hit is not None and hit[0] is lex:
        return hit[1]
    out: dict[str, VerbSense] = {}
    for table in (lex.actions, lex.verbs):
        for lemma, sense in table.items():
            for form in inflections(lemma):
                out[form] = sense
    if len(_FORM_CACHE) > 64:
        _FORM_CACHE.clear()
    _FORM_CACHE[id(lex)] = (lex, out)
    return out


# --- reading ---------------------------------------------------------------------------


def _load_yaml(raw: str, where: str) -> object:
    try:
        import yaml
    except ImportError:  # pragma: no cover - depends on the environment
        raise FormatError(
            "reading YAML lexicons needs PyYAML: pip install 'discourse-model[yaml]'", path=where
        ) from None
    try:
        return yaml.safe_load(raw)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        line = mark.line + 1 if mark is not None else None
        raise FormatError(f"not valid YAML: {exc}", path=where, line=line) from None


def _seq(data: Mapping[str, Any], key: str, errors: list[str]) -> list[Any]:
    value = data.get(key)
    if value is None:
        return []
    if isinstance(value, (str, bytes, Mapping)) or not isinstance(value, Iterable):
        errors.append(f"{key}: expected a list, got {type(value).__name__}")
        return []
    return list(value)


def _map(data: Mapping[str, Any], key: str, errors: list[str]) -> dict[str, Any]:
    value = data.get(key)
    if value is None:
        return {}
    if not isinstance(value, Mapping):
        errors.append(f"{key}: expected a mapping, got {type(value).__name__}")
        return {}
    out: dict[str, Any] = {}
    for k, v in value.items():
        if not isinstance(k, str) or not k.strip():
            errors.append(f"{key}: keys must be non-empty strings, got {k!r}")
            continue
        out[k.strip()] = v
    return out


def _strs(data: Mapping[str, Any], key: str, errors: list[str]) -> list[str]:
    out: list[str] = []
    for i, v in enumerate(_seq(data, key, errors)):
        if isinstance(v, str) and v.strip():
            out.append(v.strip())
        else:
            errors.append(f"{key}[{i}]: expected a non-empty string, got {v!r}")
    return out


def _enum_value(enum: Any, value: object, where: str, errors: list[str]) -> Any:
    try:
        return enum(value)
    except ValueError:
        allowed = ", ".join(m.value for m in enum)
        errors.append(f"{where}: {value!r} is not one of {allowed}")
        return None


def _name_list(entry: Mapping[str, Any], where: str, errors: list[str]) -> tuple[str, ...]:
    aliases = entry.get("aliases") or []
    if isinstance(aliases, str) or not isinstance(aliases, list):
        errors.append(f"{where}.aliases: expected a list of strings, got {aliases!r}")
        return ()
    out = []
    for j, a in enumerate(aliases):
        if isinstance(a, str) and a.strip():
            out.append(a.strip())
        else:
            errors.append(f"{where}.aliases[{j}]: expected a non-empty string, got {a!r}")
    return tuple(out)


def _opt_str(entry: Mapping[str, Any], key: str, where: str, errors: list[str]) -> str | None:
    v = entry.get(key)
    if v is None or (isinstance(v, str) and v.strip()):
        return v.strip() if isinstance(v, str) else None
    errors.append(f"{where}.{key}: expected a non-empty string, got {v!r}")
    return None


def _actor(entry: object, where: str, errors: list[str]) -> KnownActor | None:
    if not isinstance(entry, Mapping):
        errors.append(f"{where}: expected a mapping with a name, got {entry!r}")
        return None
    name = _opt_str(entry, "name", where, errors)
    if name is None:
        errors.append(f"{where}.name: required")
        return None
    kind = _enum_value(ActorKind, entry.get("kind", "person"), f"{where}.kind", errors)
    try:
        return KnownActor(
            name=name,
            aliases=_name_list(entry, where, errors),
            kind=kind or ActorKind.PERSON,
            id=_opt_str(entry, "id", where, errors),
            party=_opt_str(entry, "party", where, errors),
            role=_opt_str(entry, "role", where, errors),
        )
    except (ValidationError, TypeError) as exc:  # pragma: no cover - defensive
        errors.append(f"{where}: {exc}")
        return None


def _faction(entry: object, where: str, errors: list[str]) -> KnownFaction | None:
    if not isinstance(entry, Mapping):
        errors.append(f"{where}: expected a mapping with a name, got {entry!r}")
        return None
    name = _opt_str(entry, "name", where, errors)
    if name is None:
        errors.append(f"{where}.name: required")
        return None
    kind = _enum_value(FactionKind, entry.get("kind", "group"), f"{where}.kind", errors)
    return KnownFaction(
        name=name,
        aliases=_name_list(entry, where, errors),
        kind=kind or FactionKind.GROUP,
        parent=_opt_str(entry, "parent", where, errors),
        id=_opt_str(entry, "id", where, errors),
    )


def _senses(
    data: Mapping[str, Any], key: str, errors: list[str], *, action: bool
) -> dict[str, VerbSense]:
    out: dict[str, VerbSense] = {}
    for lemma, spec in _map(data, key, errors).items():
        where = f"{key}[{lemma!r}]"
        if not isinstance(spec, Mapping):
            errors.append(f"{where}: expected a mapping with a form, got {spec!r}")
            continue
        form = _enum_value(
            ClaimForm,
            spec.get("form", "action" if action else "statement"),
            f"{where}.form",
            errors,
        )
        stance_raw = spec.get("stance")
        stance = (
            None
            if stance_raw is None
            else _enum_value(Stance, stance_raw, f"{where}.stance", errors)
        )
        obj = spec.get("object", "target" if action else "none")
        if obj not in _OBJECTS:
            errors.append(f"{where}.object: {obj!r} is not one of {', '.join(sorted(_OBJECTS))}")
            obj = "none"
        if form is None:
            continue
        out[lemma.casefold()] = VerbSense(lemma.casefold(), form, stance, obj, action)
    return out


@lru_cache(maxsize=1)
def _default() -> Lexicon:
    ref = resources.files("discourse.parse").joinpath("data").joinpath("lexicon_en.json")
    where = "discourse/parse/data/lexicon_en.json"
    try:
        raw = ref.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise FormatError(
            f"cannot read the shipped lexicon: {exc}; reinstall discourse-model", path=where
        ) from None
    try:
        data = json.loads(raw)
    except ValueError as exc:
        raise FormatError(f"the shipped lexicon is not valid JSON: {exc}", path=where) from None
    return Lexicon.from_dict(data, path=where)
