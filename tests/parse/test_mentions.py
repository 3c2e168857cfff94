"""Tests for discourse.parse.mentions: persons, factions, roles and coreference."""

from __future__ import annotations

from discourse import ActorKind, FactionKind
from discourse.parse.document import prepare
from discourse.parse.lexicon import Lexicon
from discourse.parse.mentions import (
    FACTION,
    PERSON,
    Mentions,
    antecedent,
    find_mentions,
    slug,
)


def mentions(text: str, lexicon: Lexicon | None = None) -> Mentions:
    return find_mentions(prepare(text, source="t"), lexicon or Lexicon.default())


def names(m: Mentions, type_: str) -> set[str]:
    return {e.name for e in m.entities.values() if e.type == type_}


def test_slug_is_stable_and_keeps_diacritics():
    """Ids come from casefolded names joined by hyphens."""
    assert slug("Kevin Kühnert") == "kevin-kühnert"
    assert slug("  Pedro   Sánchez ") == "pedro-sánchez"


def test_person_with_reporting_verb_is_found():
    """A two-word capitalized name before 'said' is a person."""
    m = mentions("Saskia Esken said the coalition was over.")
    assert names(m, PERSON) == {"Saskia Esken"}


def test_surname_and_possessive_resolve_to_the_same_actor():
    """'Sánchez' and 'Sánchez’s' later in the text are the same actor as 'Pedro Sánchez'."""
    text = (
        "Pedro Sánchez said he would fight. Critics attacked Sánchez’s plan, but Sánchez held on."
    )
    m = mentions(text)
    person = next(e for e in m.entities.values() if e.name == "Pedro Sánchez")
    assert len(person.spans) == 3
    assert [e.name for e in m.entities.values() if e.type == PERSON] == ["Pedro Sánchez"]


def test_names_with_particles_and_apostrophes_are_whole():
    """'de Villepin', 'al-Hassan' and 'O'Brien' stay inside the name."""
    m = mentions("Jacques de Villepin, Sadiq al-Hassan and Niamh O'Brien said they would resign.")
    assert {"Jacques de Villepin", "Sadiq al-Hassan", "Niamh O'Brien"} <= names(m, PERSON)


def test_countries_months_and_sentence_adverbs_are_not_persons():
    """Capitalized non-names do not become actors."""
    text = "Indeed, Britain voted in March. Overnight, nothing changed in Westminster. Meanwhile Germany waited."
    assert names(mentions(text), PERSON) == set()


def test_title_marks_a_single_word_person():
    """'Senator Warren' is a person even without a first name."""
    m = mentions("Senator Warren accused the leadership of cowardice.")
    assert names(m, PERSON) == {"Warren"}


def test_ite_word_is_a_wing_and_its_head_word_an_alias():
    """'Blairite wing' and 'the Blairites' are one wing faction."""
    m = mentions("The Blairite wing was furious. The Blairites then regrouped.")
    wings = [e for e in m.entities.values() if e.faction_kind is FactionKind.WING]
    assert [w.name for w in wings] == ["Blairites"]
    assert len(wings[0].spans) == 2


def test_wing_of_a_party_gets_the_party_as_parent():
    """'the progressive wing of the Democratic Party' sits in the Democratic Party."""
    m = mentions("Leaders of the progressive wing of the Democratic Party met on Monday.")
    wing = next(e for e in m.entities.values() if e.name == "progressive wing")
    assert wing.parent == "democratic-party"


def test_party_left_is_a_tendency_inside_the_party():
    """'the Labour Left' is a tendency with Labour as parent, not a mention of Labour."""
    m = mentions("She is a veteran of the Labour Left.")
    left = next(e for e in m.entities.values() if e.name == "Labour Left")
    assert left.faction_kind is FactionKind.TENDENCY
    assert left.parent == "labour-party"


def test_the_left_resolves_to_the_named_party_left():
    """A later 'the Left' is the same faction as an earlier 'Labour Left'."""
    m = mentions("He is a veteran of the Labour Left. The only hope for the Left is unity.")
    left = next(e for e in m.entities.values() if e.name == "Labour Left")
    assert "the Left" in left.aliases
    assert not any(e.name == "Left" for e in m.entities.values())


def test_supporters_of_a_person_form_a_tendency():
    """'supporters of Donald Trump' is a tendency anchored on Trump."""
    m = mentions("Donald Trump said nothing. Supporters of Donald Trump condemned the vote.")
    tendency = next(e for e in m.entities.values() if e.faction_kind is FactionKind.TENDENCY)
    assert tendency.anchor == "donald-trump"


def test_caucus_name_ending_in_caucus_is_a_faction():
    """'the Freedom Caucus' is a caucus without any lexicon entry."""
    m = mentions("The Freedom Caucus has urged Kevin McCarthy to step aside.")
    caucus = next(e for e in m.entities.values() if e.name == "Freedom Caucus")
    assert caucus.faction_kind is FactionKind.CAUCUS


def test_appositive_role_gives_membership_with_role():
    """'Kevin Kühnert, the general secretary of the SPD,' is an SPD member in that role."""
    m = mentions("Kevin Kühnert, the general secretary of the SPD, praised the decision.")
    assert any(
        md.member == "kevin-kühnert" and md.faction == "spd" and md.role == "general secretary"
        for md in m.memberships
    )


def test_party_and_role_before_a_name_give_membership():
    """'Labour MP Jess Phillips' is a Labour member with role 'MP'."""
    m = mentions("Labour MP Jess Phillips criticised the leadership.")
    assert any(
        md.member == "jess-phillips" and md.faction == "labour-party" for md in m.memberships
    )


def test_possessive_party_before_a_name_gives_membership():
    """'PSOE's Pedro Sánchez' belongs to the PSOE."""
    m = mentions("PSOE's Pedro Sánchez rejected the offer.")
    assert any(md.member == "pedro-sánchez" and md.faction == "psoe" for md in m.memberships)


def test_user_lexicon_adds_known_actor_with_alias():
    """A user lexicon's alias ('Jezza') is resolved to the known actor."""
    user = Lexicon.from_dict({"actors": [{"name": "Jeremy Corbyn", "aliases": ["Jezza"]}]})
    m = mentions("Jezza said no.", Lexicon.default().merge(user))
    assert names(m, PERSON) == {"Jeremy Corbyn"}


def test_place_before_by_election_is_not_a_person():
    """'North Shropshire' before 'by-election' is a place, not an actor."""
    m = mentions("The Liberal Democrats won the North Shropshire by-election.")
    assert names(m, PERSON) == set()
    assert m.places


def test_name_in_apposition_to_a_faction_phrase_is_that_faction():
    """'The Jusos, the SPD's youth wing,' names the youth wing 'Jusos', parent SPD."""
    m = mentions("The Jusos, the SPD's youth wing, demanded a change.")
    wing = next(e for e in m.entities.values() if e.name == "Jusos")
    assert wing.parent == "spd"


def test_adjective_alias_does_not_start_a_longer_name():
    """'Democratic Socialists of America' is not the Democratic Party."""
    m = mentions("The Democratic Socialists of America met on Monday.")
    assert "democratic-party" not in m.entities


def test_compound_title_before_a_name_is_not_part_of_it():
    """'Opposition Leader John Pesutto' is the person John Pesutto."""
    m = mentions("Opposition Leader John Pesutto moved the motion.")
    assert names(m, PERSON) == {"John Pesutto"}


def test_place_name_parts_are_not_persons():
    """'North Rhine-Westphalia' does not leave 'Rhine-Westphalia' as a person."""
    m = mentions("Hendrik Wüst, the premier of North Rhine-Westphalia, said he supported Merz.")
    assert names(m, PERSON) == {"Hendrik Wüst"}


def test_surname_goes_to_the_latest_person_with_it():
    """A bare 'Díaz' is the Díaz named most recently before it."""
    text = "Susana Díaz lost. Later, Yolanda Díaz founded Sumar. Ione Belarra accused Díaz of splitting."
    m = mentions(text)
    last_sentence = m.by_sent[2]
    assert [x.entity for x in last_sentence if x.entity.endswith("díaz")] == ["yolanda-díaz"]


def test_title_and_surname_before_the_full_name_is_one_person():
    """'Mr Corbyn' early and 'Jeremy Corbyn' later are the same actor."""
    m = mentions("Mr Corbyn said nothing. Later, Jeremy Corbyn spoke to reporters.")
    assert names(m, PERSON) == {"Jeremy Corbyn"}
    assert "Corbyn" in m.entities["jeremy-corbyn"].aliases


def test_title_case_headline_words_are_not_a_person():
    """A title-case headline without a full stop yields no person."""
    m = mentions("Rebel Backbenchers Plot Leadership Challenge\n\nThe vote is on Monday.")
    assert names(m, PERSON) == set()


def test_place_after_in_is_not_a_person():
    """'in Los Angeles' is a place, not an actor."""
    m = mentions("The rally in Los Angeles drew thousands.")
    assert names(m, PERSON) == set()


def test_month_word_after_a_given_name_is_a_surname():
    """'Theresa May' is a person despite 'May' being a month."""
    assert names(mentions("Theresa May survived the vote."), PERSON) == {"Theresa May"}


def test_two_particles_stay_inside_a_name():
    """'Ursula von der Leyen' is one name."""
    m = mentions("Ursula von der Leyen was backed by the CDU.")
    assert names(m, PERSON) == {"Ursula von der Leyen"}


def test_newspaper_after_according_to_is_not_a_person():
    """'According to El País' names a newspaper, not a person."""
    assert names(mentions("According to El País, the barons are restless."), PERSON) == set()


def test_appositive_with_article_and_adjective_marks_a_person():
    """'Manfred Weber, a close ally of ..., said' makes Manfred Weber a person."""
    m = mentions("Manfred Weber, a close ally of the leader, said nothing.")
    assert "Manfred Weber" in names(m, PERSON)


def test_party_possessive_left_is_a_tendency():
    """'Labour's left' is a tendency inside Labour."""
    m = mentions("Critics on Labour's left warned the leadership.")
    left = next(e for e in m.entities.values() if e.name == "Labour left")
    assert left.parent == "labour-party"


def test_unknown_acronym_after_the_is_a_group():
    """'the ERG' is a group; 'the EU' is not."""
    m = mentions("The ERG met on Monday, and the EU said no.")
    assert {e.name for e in m.entities.values()} == {"ERG"}


def test_hard_right_of_a_party_is_a_tendency_inside_it():
    """'the hard right of the Liberal Party' is a tendency with that parent."""
    m = mentions("Malcolm Turnbull accused the hard right of the Liberal Party of madness.")
    right = next(e for e in m.entities.values() if e.name == "hard right")
    assert right.parent == "liberal-party-of-australia"


def test_lower_case_followers_of_a_named_person_are_a_wing():
    """'the susanistas' are followers of Susana Díaz, named in the text."""
    m = mentions("Susana Díaz lost. The susanistas are now furious.")
    wing = next(e for e in m.entities.values() if e.name == "susanistas")
    assert wing.anchor == "susana-díaz"


def test_ite_wing_and_camp_of_the_same_name_are_one_faction():
    """'the Clintonites' and 'the Clinton camp' are one wing even without a Clinton named in full."""
    m = mentions("The Clintonites would not step aside. The Clinton camp is aggrieved.")
    wings = [e for e in m.entities.values() if e.faction_kind is FactionKind.WING]
    assert len(wings) == 1


def test_party_establishment_is_a_bloc_inside_the_party():
    """'The Democratic establishment' is a bloc with the Democratic Party as parent."""
    m = mentions("The Democratic establishment has courted donors for decades.")
    bloc = next(e for e in m.entities.values() if e.name == "Democratic establishment")
    assert bloc.faction_kind is FactionKind.BLOC
    assert bloc.parent == "democratic-party"


def test_acronym_of_a_named_group_is_that_group():
    """'the ERG' after 'the European Research Group' is the same faction."""
    m = mentions("The European Research Group met. Steve Baker, the ERG's deputy chairman, spoke.")
    erg = next(e for e in m.entities.values() if e.name == "European Research Group")
    assert "ERG" in erg.aliases
    assert not any(e.name == "ERG" for e in m.entities.values())


def test_liberal_democrat_modifier_is_not_two_foreign_parties():
    """'the Liberal Democrat MP' names the Liberal Democrats, not Australian Liberals or US Democrats."""
    m = mentions("The Liberal Democrat MP Ruth Ambler said the vote was a shambles.")
    assert names(m, FACTION) == {"Liberal Democrats"}


def test_title_before_a_month_surname_is_a_person():
    """'Mrs May' after 'Theresa May' is the same person, not a month."""
    m = mentions("Theresa May arrived late. Critics said Mrs May had lost control.")
    (e,) = [e for e in m.entities.values() if e.type == PERSON]
    assert len(e.spans) == 2


def test_confidence_in_a_name_is_a_person_not_a_place():
    """'a vote of no confidence in Theresa May' names a person after 'in'."""
    m = mentions("Tory MPs forced a vote of no confidence in Theresa May on Wednesday.")
    assert "Theresa May" in names(m, PERSON)


def test_plural_group_noun_is_a_weak_group_with_its_party():
    """'Tory rebels' is a group inside the Conservative Party, kept only if it is referred to."""
    m = mentions("Tory rebels met on Tuesday night.")
    (g,) = [e for e in m.entities.values() if e.type == FACTION and e.weak]
    assert (g.name, g.faction_kind, g.parent) == (
        "Tory rebels",
        FactionKind.GROUP,
        "conservative-party",
    )


def test_mps_loyal_to_a_person_are_a_tendency():
    """'MPs loyal to X' is a tendency anchored on X."""
    m = mentions("MPs loyal to Gordon Pell walked out of the meeting.")
    (t,) = [e for e in m.entities.values() if e.faction_kind is FactionKind.TENDENCY]
    assert t.anchor == "gordon-pell"


def test_downing_street_is_an_organization():
    """'Downing Street' is an office (organization), not a person."""
    m = mentions("Downing Street said the Prime Minister was relaxed.")
    (e,) = [e for e in m.entities.values() if e.name == "Downing Street"]
    assert e.actor_kind is ActorKind.ORGANIZATION


def test_party_adjective_inside_an_institution_name_is_not_the_party():
    """'the Democratic National Committee' is an organization, not the Democratic Party."""
    m = mentions("The Democratic National Committee rejected the complaint.")
    (e,) = m.entities.values()
    assert (e.name, e.actor_kind, e.weak) == (
        "Democratic National Committee",
        ActorKind.ORGANIZATION,
        True,
    )


def test_name_after_conjunction_that_is_a_person():
    """'said that Angela Merkel's party' finds the person ('that' is no determiner here)."""
    m = mentions("Ulla Brandt said that Angela Merkel's party had to choose.")
    assert "Angela Merkel" in names(m, PERSON)


def test_seat_after_member_for_is_a_place():
    """'the member for Dickson' names an electorate, not a person."""
    m = mentions("Ron Pike, the member for Dickson, said the party needed change.")
    assert names(m, PERSON) == {"Ron Pike"}


def test_place_ending_an_appositive_is_not_a_person():
    """'the party's leader in Galicia, urged': Galicia is a place, not a speaker."""
    m = mentions("Alberto Núñez Feijóo, the party's leader in Galicia, urged calm.")
    assert names(m, PERSON) == {"Alberto Núñez Feijóo"}


def test_party_word_before_plural_role_is_not_a_person():
    """'seven SNP MSPs wrote': an unnamed group, not a person named "SNP MSPs"."""
    m = mentions("Seven SNP MSPs wrote to the party secretary on Monday.")
    assert names(m, PERSON) == set()


def test_supplement_first_names_are_known():
    """Common international given names from the hand-curated supplement start names."""
    first = Lexicon.default().first_names
    for name in ("Annalena", "Barnaby", "Íñigo", "Kemi", "Giorgia"):
        assert name in first
    m = mentions("The row over Annalena Baerbock grew.")
    assert names(m, PERSON) == {"Annalena Baerbock"}


def test_he_after_a_possessive_refers_to_the_named_person():
    """'X's deputy, Y, was... He said': he is Y, not the possessor X."""
    from discourse.parse.mentions import antecedent

    text = (
        "Pablo Casado's deputy, Teodoro García Egea, was the first casualty. "
        "He said he had no regrets."
    )
    doc = prepare(text, source="t")
    m = find_mentions(doc, Lexicon.default())
    ante = antecedent(doc, m, 1, 0)
    assert ante is not None
    assert ante.entity == "teodoro-garcía-egea"


def test_weekday_before_a_surname_is_not_part_of_the_name():
    """'On Thursday Yousaf announced': Yousaf is the person named before."""
    m = mentions("Humza Yousaf was under fire. On Thursday Yousaf announced his plans.")
    assert sum(1 for x in m.by_sent[1] if x.entity == "humza-yousaf") == 1


def test_known_given_name_alone_is_the_one_person_with_it():
    """'"Humza has my support"': a given name alone refers to the one person of that name."""
    m = mentions('Humza Yousaf spoke. Nicola Sturgeon said: "Humza has my support."')
    assert any(x.entity == "humza-yousaf" for x in m.by_sent[1])
    m = mentions("Kevin Rudd met Kevin Andrews. Kevin said nothing.")
    assert not {x.entity for x in m.by_sent[1]} & {"kevin-rudd", "kevin-andrews"}


def test_she_said_after_a_quoted_name_is_not_that_name():
    """'"Humza has my support," she said': she is the previous speaker, not Humza."""
    from discourse.parse.mentions import antecedent

    text = 'Nicola Sturgeon spoke after Humza Yousaf. "Humza has my support," she said.'
    doc = prepare(text, source="t")
    m = find_mentions(doc, Lexicon.default())
    k = doc.sents[1].lower.index("she")
    ante = antecedent(doc, m, 1, k)
    assert ante is not None
    assert ante.entity == "nicola-sturgeon"


def test_last_words_of_a_three_word_name_are_the_same_person():
    """'Di Maio' after 'Luigi Di Maio', 'O'Malley Dillon' after 'Jen O'Malley Dillon'."""
    m = mentions("Luigi Di Maio left. Giuseppe Conte said Di Maio had erred.")
    assert names(m, PERSON) == {"Luigi Di Maio", "Giuseppe Conte"}
    assert any(x.entity == "luigi-di-maio" for x in m.by_sent[1])


def test_parties_of_other_countries_are_known():
    """Italian, French, Canadian, Irish parties of the shipped lexicon."""
    m = mentions("The Five Star Movement, the League and Fine Gael met the NDP.")
    assert {"Five Star Movement", "Lega", "Fine Gael", "New Democratic Party"} <= names(m, FACTION)


def _faction(m: Mentions, name: str) -> FactionKind | None:
    return next(
        (e.faction_kind for e in m.entities.values() if e.type == FACTION and e.name == name),
        None,
    )


def test_organization_names_go_on_after_of_and_for():
    """'the Party of European Socialists', 'the Alliance for Progress and Renewal' are whole names."""
    m = mentions(
        "The Party of European Socialists backed Pedro Sánchez. Roberto Fico criticised "
        "the Alliance for Progress and Renewal."
    )
    assert _faction(m, "Party of European Socialists") is FactionKind.PARTY
    assert _faction(m, "Alliance for Progress and Renewal") is not None
    assert "Renewal" not in names(m, PERSON)


def test_a_person_after_and_closes_an_organization_name():
    """'the Party for Justice and Geert Wilders': the person is not part of the name."""
    m = mentions("The Party for Justice and Geert Wilders attacked Mark Rutte.")
    assert _faction(m, "Party for Justice") is FactionKind.PARTY
    assert "Party for Justice and Geert Wilders" not in names(m, FACTION)


def test_a_name_in_apposition_to_a_new_party_is_a_party():
    """'founded a new party, the Alliance for Progress and Renewal': a party, not a bloc."""
    m = mentions("Lucke founded a new party, the Alliance for Progress and Renewal.")
    assert _faction(m, "Alliance for Progress and Renewal") is FactionKind.PARTY


def test_an_organization_named_with_of_is_weak_unless_a_party():
    """'the Federation of German Industries' is kept only if a claim or event refers to it."""
    m = mentions("Bernd Lucke spoke to the Federation of German Industries on Monday.")
    e = next(e for e in m.entities.values() if e.name == "Federation of German Industries")
    assert e.weak


def test_a_candidates_campaign_is_a_group():
    """'The Biden campaign', 'the Sanders campaign': a group; 'the March campaign' is not."""
    m = mentions(
        "The Biden campaign hit back. A spokesman for the Sanders campaign spoke. "
        "The March campaign failed."
    )
    assert _faction(m, "Biden campaign") is FactionKind.GROUP
    assert _faction(m, "Sanders campaign") is FactionKind.GROUP
    assert "March campaign" not in names(m, FACTION)


def test_an_unknown_acronym_before_a_party_role_is_a_party():
    """'KKE leader Alex Salmond', 'BNG MPs': parties; 'US President', 'BBC presenter' are not."""
    m = mentions(
        "KKE leader Alex Salmond spoke. BNG MPs walked out. US President Joe Biden spoke. "
        "BBC presenter Laura Kuenssberg asked. NATO chief Jens Stoltenberg spoke."
    )
    assert _faction(m, "KKE") is FactionKind.PARTY
    assert _faction(m, "BNG") is FactionKind.PARTY
    assert not names(m, FACTION) & {"US", "BBC", "NATO"}
    assert {"Alex Salmond", "Joe Biden", "Laura Kuenssberg"} <= names(m, PERSON)


def test_the_place_after_an_office_of_is_no_person():
    """'the premier of Mecklenburg-Western Pomerania,': a region, not a person."""
    m = mentions(
        "Manuela Schwesig, the premier of Mecklenburg-Western Pomerania, agreed to lead. "
        "Olaf Scholz, the mayor of Hamburg, said Schwesig was right."
    )
    assert names(m, PERSON) == {"Manuela Schwesig", "Olaf Scholz"}


def test_a_capitalized_particle_inside_a_name_stays():
    """'Marine Le Pen', 'Jean-Marie Le Pen': 'Le' is a particle here, not 'Le Monde'."""
    m = mentions("Jean-Marie Le Pen praised Marine Le Pen's National Rally. Le Monde reported it.")
    assert {"Jean-Marie Le Pen", "Marine Le Pen"} <= names(m, PERSON)
    assert "Le Monde" not in names(m, PERSON)


def test_hyphenated_given_names_are_given_names():
    """'Anne-Marie Trevelyan' starts with two given names joined by a hyphen."""
    m = mentions("Anne-Marie Trevelyan backed Liz Truss on Monday.")
    assert names(m, PERSON) == {"Anne-Marie Trevelyan", "Liz Truss"}


def test_a_capitalized_name_before_a_party_leaders_role_is_a_party():
    """'The Jewish Home leader, Naftali Bennett': a party; 'The New York senator' is not."""
    m = mentions(
        "The Jewish Home leader, Naftali Bennett, spoke. The New York senator, "
        "Chuck Schumer, spoke."
    )
    assert _faction(m, "Jewish Home") is FactionKind.PARTY
    assert "New York" not in names(m, FACTION)


def test_a_party_named_with_party_is_also_its_first_word():
    """'New Zealand's National Party' ... 'said National had become': the party, no person."""
    m = mentions(
        "Todd Muller resigned as leader of New Zealand's National Party. Winston Peters said "
        "National had become a party at war with itself."
    )
    party = next(e for e in m.entities.values() if e.name == "National Party")
    assert len(party.spans) == 2
    assert names(m, PERSON) == {"Todd Muller", "Winston Peters"}


def test_a_partys_organ_is_named_with_the_party():
    """'The ANC Youth League': one group whose parent is the ANC, not 'League' (Lega)."""
    m = mentions("The ANC Youth League backed the recall of Jacob Zuma.")
    league = next(e for e in m.entities.values() if e.name == "ANC Youth League")
    assert league.parent == "african-national-congress"
    assert "Lega" not in names(m, FACTION)


def test_the_camp_of_a_person_is_a_tendency():
    """'the camp of Cyril Ramaphosa' and 'the Ramaphosa camp' are one faction."""
    m = mentions(
        "Jacob Zuma faced weeks of wrangling with the camp of Cyril Ramaphosa. The Ramaphosa "
        "camp celebrated."
    )
    camps = [e for e in m.entities.values() if e.type == FACTION]
    assert len(camps) == 1
    assert camps[0].anchor == "cyril-ramaphosa"


def test_a_quoted_nickname_is_no_person():
    """'mocked Rubio as "Little Marco"': a nickname, not a second person."""
    m = mentions('Donald Trump mocked Marco Rubio as "Little Marco" on Friday.')
    assert names(m, PERSON) == {"Donald Trump", "Marco Rubio"}


def test_state_caucuses_are_no_group():
    """'won the Iowa caucuses': an election, not a caucus."""
    m = mentions("Ted Cruz won the Iowa caucuses on Monday.")
    assert names(m, FACTION) == set()


def test_the_prime_ministers_office_is_an_organization():
    """'The prime minister's office said': an organization kept when it speaks."""
    m = mentions("The prime minister's office said in a statement that Paul Martin had left.")
    e = next(e for e in m.entities.values() if e.name == "Prime Minister's Office")
    assert e.actor_kind is ActorKind.ORGANIZATION


def test_a_persons_camp_is_a_tendency():
    """ "Lucke's camp reacted with anger": a tendency named after Lucke."""
    m = mentions("Bernd Lucke lost the vote. Lucke's camp reacted with anger.")
    camp = [e for e in m.entities.values() if e.type == FACTION]
    assert [e.anchor for e in camp] == ["bernd-lucke"]


def test_a_surname_after_a_month_after_a_preposition_is_the_person():
    """'In August Chrétien announced': Chrétien, not a person named 'August Chrétien'."""
    m = mentions("Jean Chrétien faced a revolt. In August Chrétien announced his retirement.")
    person = next(e for e in m.entities.values() if e.name == "Jean Chrétien")
    assert len(person.spans) == 2


def test_a_region_after_a_persons_name_is_no_person():
    """'Johanna Mikl-Leitner of Lower Austria,': a region, not a person."""
    m = mentions("Several governors, including Johanna Mikl-Leitner of Lower Austria, spoke.")
    assert names(m, PERSON) == {"Johanna Mikl-Leitner"}


def test_a_surname_that_is_also_a_common_name_follows_a_given_name():
    """'Michael Bloomberg': a person, though 'Bloomberg' alone names a medium."""
    m = mentions("Bernie Sanders said Michael Bloomberg was trying to buy the election.")
    assert names(m, PERSON) == {"Bernie Sanders", "Michael Bloomberg"}


def test_peer_is_named_with_the_title():
    """'Lord Rennard' keeps the title when only a surname follows; 'Sir Keir Starmer' does not."""
    m = mentions("Lord Rennard confirmed the date. Sir Keir Starmer said nothing.")
    assert names(m, PERSON) == {"Lord Rennard", "Keir Starmer"}


def test_the_left_after_left_party_is_the_party():
    """'the Left' in a text that named the 'Left Party' is that party, not a tendency."""
    m = mentions(
        "Sahra Wagenknecht quit the Left Party on Monday. She said the Left had lost touch."
    )
    (f,) = [e for e in m.entities.values() if e.type == FACTION]
    assert f.name == "Die Linke"
    assert len(f.spans) == 2


def test_name_in_apposition_to_a_wing_names_the_wing():
    """'the youth wing, Linksjugend Solid,' is one faction named Linksjugend Solid, not a person."""
    m = mentions("Members of the youth wing, Linksjugend Solid, demanded her expulsion.")
    assert names(m, PERSON) == set()
    (f,) = [e for e in m.entities.values() if e.type == FACTION]
    assert f.name == "Linksjugend Solid"
    assert f.faction_kind is FactionKind.WING


def test_supporters_of_a_named_cause_are_a_tendency():
    """'Supporters of the Leap Manifesto' act as a tendency named after the document."""
    m = mentions("Supporters of the Leap Manifesto accused the leadership of timidity.")
    (f,) = [e for e in m.entities.values() if e.type == FACTION]
    assert f.name == "supporters of the Leap Manifesto"
    assert f.faction_kind is FactionKind.TENDENCY
    assert names(m, PERSON) == set()


def test_the_coalition_capitalized_is_a_bloc():
    """'the Coalition' (capitalized, as in Australian news) is a bloc; 'the coalition' is not."""
    m = mentions("Tony Abbott said the Coalition would vote the scheme down.")
    assert [(e.name, e.faction_kind) for e in m.entities.values() if e.type == FACTION] == [
        ("Coalition", FactionKind.BLOC)
    ]
    m = mentions("Tony Abbott said the coalition would vote the scheme down.")
    assert [e for e in m.entities.values() if e.type == FACTION] == []


def test_family_name_first_resolves_the_later_surname():
    """'Yoo Seong-min' ... 'Yoo told reporters': the family name comes first, so Yoo is the same person."""
    m = mentions("Yoo Seong-min left the party. Yoo told reporters he had no regrets.")
    assert names(m, PERSON) == {"Yoo Seong-min"}


def test_last_of_a_list_of_places_is_no_person():
    """'party chiefs in Stockholm, Skåne and Gothenburg said': Gothenburg is a place."""
    m = mentions(
        "Regional party chiefs in Stockholm, Skåne and Gothenburg said they had lost faith."
    )
    assert names(m, PERSON) == set()


def test_plural_short_form_after_the_party_name_is_the_party():
    """'the Moderates' after 'Sweden's Moderate Party' is the party, not a tendency."""
    m = mentions(
        "Anna Kinberg Batra led Sweden's Moderate Party. She said the Moderates would recover."
    )
    (f,) = [e for e in m.entities.values() if e.type == FACTION]
    assert f.name == "Moderate Party"
    assert len(f.spans) == 2


def test_new_name_of_a_renamed_party_is_an_alias():
    """'voted to rename the party Liberty Korea': a new name of the party, not a person."""
    m = mentions(
        "The Saenuri Party lost members. Its members voted to rename the party Liberty Korea."
    )
    assert names(m, PERSON) == set()
    (f,) = [e for e in m.entities.values() if e.type == FACTION]
    assert "Liberty Korea" in f.aliases


def test_group_named_in_quotation_marks():
    """'the "New Way" group of younger deputies' is a group named New Way."""
    m = mentions('Zapatero ran as the candidate of the "New Way" group of younger deputies.')
    assert "New Way" in names(m, FACTION)


def test_party_founded_or_joined_after_to_is_a_party():
    """'left the Democratic Party to found Italia Viva': Italia Viva is a party, not a person."""
    m = mentions("Matteo Renzi left the Democratic Party to found Italia Viva.")
    assert names(m, PERSON) == {"Matteo Renzi"}
    assert "Italia Viva" in names(m, FACTION)


def test_inner_name_of_a_long_name_is_the_same_person():
    """'Luiz Inácio Lula da Silva' ... 'Lula': one person."""
    m = mentions("Luiz Inácio Lula da Silva said nothing. Lula did not comment on the resignation.")
    assert names(m, PERSON) == {"Luiz Inácio Lula da Silva"}


def test_name_followed_by_a_new_party_appositive_is_a_party():
    """'The Alliance for Democracy, a new party, won two seats': a party, not a bloc."""
    m = mentions("The Alliance for Democracy, a new party, won two seats.")
    (f,) = [e for e in m.entities.values() if e.type == FACTION]
    assert f.faction_kind is FactionKind.PARTY


def test_he_never_refers_to_an_office():
    """'The prime minister's office said ... aides to Martin told reporters he had been fired': he is Martin."""
    text = (
        "Paul Martin left the cabinet. The prime minister's office said in a statement that "
        "Martin had decided to leave, but aides to Martin told reporters he had been fired."
    )
    doc = prepare(text, source="t")
    m = find_mentions(doc, Lexicon.default())
    s = doc.sents[1]
    k = next(x for x, w in enumerate(s.lower) if w == "he")
    found = antecedent(doc, m, 1, k)
    assert found is not None
    assert found.entity == "paul-martin"


def test_welsh_patronymic_stays_inside_the_name():
    """'Rhun ap Iorwerth, the Plaid Cymru leader' is one person with the particle."""
    m = mentions("Rhun ap Iorwerth, the Plaid Cymru leader, called for an early election.")
    assert names(m, PERSON) == {"Rhun ap Iorwerth"}


def test_plural_acronym_is_no_person():
    """'an electoral college of TDs, councillors and members': TDs are members, not a person."""
    m = mentions("It will be decided by an electoral college of TDs, councillors and members.")
    assert names(m, PERSON) == set()


def test_foreign_namesake_of_a_known_party_is_another_party():
    """'the Danish People's Party' is not Spain's Partido Popular, nor the 'Social Democratic
    Party of Austria' Germany's SPD."""
    m = mentions("The Danish People's Party lost ground.")
    assert names(m, FACTION) == {"Danish People's Party"}
    m = mentions("The Social Democratic Party of Austria elected a new leader.")
    assert names(m, FACTION) == {"Social Democratic Party of Austria"}
    m = mentions("The German Social Democratic Party elected a new leader.")
    assert names(m, FACTION) == {"SPD"}


def test_supporters_of_a_name_with_a_particle_keep_the_particle():
    """'Backers of Marine Le Pen' are 'Le Pen supporters'."""
    m = mentions("Backers of Marine Le Pen cheered.")
    assert "Le Pen supporters" in names(m, FACTION)


def test_ideological_ista_word_is_no_personal_wing_and_the_capitalized_run_no_person():
    """'The Juventudes Socialistas called for unity': no '-istas' wing, no person."""
    m = mentions("The Juventudes Socialistas called for unity.")
    assert names(m, PERSON) == set()
    assert "Socialistas" not in names(m, FACTION)


def test_young_party_is_the_party_youth_wing_and_takes_its_appositive():
    """'The Young Liberals, the youth wing of the Liberal Party,': one wing of that party."""
    text = (
        "The Young Liberals, the youth wing of the Liberal Party, passed a motion. "
        "The youth wing said it was angry."
    )
    m = mentions(text)
    wings = [
        e for e in m.entities.values() if e.type == FACTION and e.faction_kind is FactionKind.WING
    ]
    assert [w.name for w in wings] == ["Young Liberals"]
    assert wings[0].parent == "liberal-party-of-australia"
    assert len(wings[0].spans) == 3


def test_unknown_parties_named_by_their_context():
    """'the ruling PDP-Laban party', 'a new party, Poland Comes First', 'to found Aliança'."""
    m = mentions("The ruling PDP-Laban party split into two camps.")
    assert names(m, FACTION) == {"PDP-Laban"}
    m = mentions("They announced that they would form a new party, Poland Comes First.")
    assert names(m, FACTION) == {"Poland Comes First"}
    assert names(m, PERSON) == set()
    m = mentions("Pedro Santana Lopes quit the party last year to found Aliança.")
    assert "Aliança" in names(m, FACTION)
    assert names(m, PERSON) == {"Pedro Santana Lopes"}


def test_allies_of_a_titled_person_are_a_tendency():
    """'Allies of President Rodrigo Duterte' act as Duterte's supporters."""
    m = mentions("Allies of President Rodrigo Duterte removed Manny Pacquiao.")
    assert "Duterte supporters" in names(m, FACTION)


def test_a_month_after_a_preposition_before_a_name_is_a_date():
    """'In May Crispin Blunt resigned': Crispin Blunt, and no 'May' for a later Theresa May."""
    m = mentions("In May Crispin Blunt resigned. Theresa May said nothing.")
    assert names(m, PERSON) == {"Crispin Blunt", "Theresa May"}
    (first,) = m.by_sent[0]
    assert m.entities[first.entity].name == "Crispin Blunt"


def test_a_named_union_in_apposition_to_the_party_youth_wing_is_that_wing():
    """'the head of the Young Union, the party's youth wing,': one wing, no trade union."""
    m = mentions("Philipp Mißfelder, the head of the Young Union, the party's youth wing, spoke.")
    (wing,) = [e for e in m.entities.values() if e.type == FACTION]
    assert (wing.name, wing.faction_kind) == ("Young Union", FactionKind.WING)


def test_a_regional_adjective_before_party_is_no_party_name():
    """'the Bavarian party' describes a party; 'the ruling PDP-Laban party' names one."""
    assert (
        names(mentions("Stoiber said the Bavarian party would not be dragged in."), FACTION)
        == set()
    )
    assert names(mentions("The ruling PDP-Laban party split."), FACTION) == {"PDP-Laban"}


def test_a_numbered_committee_is_a_group():
    """'the 1922 Committee' is a group of MPs; 'In 1922 Labour won' names no committee."""
    m = mentions("Graham Brady, the chairman of the 1922 Committee, said no.")
    (group,) = [e for e in m.entities.values() if e.type == FACTION]
    assert (group.name, group.faction_kind) == ("1922 Committee", FactionKind.GROUP)
    assert names(mentions("In 1922 Labour won the seat."), FACTION) == {"Labour Party"}


def test_sentence_initial_his_allies_are_the_previous_subject_supporters():
    """'X told the group. His allies accused Y': X's supporters."""
    m = mentions("Wolfgang Schäuble told the group. His allies accused Helmut Kohl of lying.")
    (tendency,) = [e for e in m.entities.values() if e.type == FACTION]
    assert tendency.anchor == "wolfgang-schäuble"
    assert names(mentions("The party met. His allies accused Helmut Kohl."), FACTION) == set()


def test_his_in_an_opening_phrase_is_the_subject_after_it():
    """'Miles quit. In his resignation letter James said': his is James, not Miles."""
    text = "Jeremy Miles quit. In his resignation letter Julie James said the party was lost."
    doc = prepare(text, source="t")
    m = find_mentions(doc, Lexicon.default())
    his = doc.sents[1].lower.index("his")
    got = antecedent(doc, m, 1, his)
    assert got is not None
    assert got.entity == "julie-james"
    doc = prepare("Jeremy Miles quit. He said his party was lost.", source="t")
    m = find_mentions(doc, Lexicon.default())
    got = antecedent(doc, m, 1, 2)
    assert got is not None
    assert got.entity == "jeremy-miles"


def test_patronymic_particles_come_from_the_lexicon():
    """'ap', 'ferch' are name particles of the lexicon: without them no one name is read."""
    import attrs

    lex = Lexicon.default()
    assert {"ap", "ab", "ferch", "verch"} <= lex.name_particles
    text = "Rhun ap Iorwerth, the Plaid Cymru leader, called for an early election."
    bare = attrs.evolve(lex, name_particles=lex.name_particles - {"ap"})
    assert "Rhun ap Iorwerth" in names(mentions(text), PERSON)
    assert "Rhun ap Iorwerth" not in names(mentions(text, bare), PERSON)


def test_a_known_adjective_before_a_known_party_opens_another_party_name():
    """'the Liberal People's Party' is neither the Liberals nor the People's Party."""
    m = mentions("Jan Björklund leads the Liberal People's Party.")
    assert names(m, FACTION) == {"Liberal People's Party"}
    assert names(mentions("The People's Party won."), FACTION) == {"Partido Popular"}


def test_a_short_party_name_is_the_party_of_the_text_that_has_it():
    """'Labour' after 'the New Zealand Labour Party' is that party, not the British one."""
    m = mentions(
        "Andrew Little resigned as leader of the New Zealand Labour Party. "
        "Bill English said Labour was in disarray."
    )
    assert names(m, FACTION) == {"New Zealand Labour Party"}
    m = mentions("Keir Starmer leads Labour. Anas Sarwar leads Scottish Labour.")
    assert names(m, FACTION) == {"Labour Party", "Scottish Labour"}


def test_gendered_titles_steer_pronouns():
    """'Mr Jim Allister praised Mrs Arlene Foster after she resigned': she is Foster."""
    text = "Mr Jim Allister praised Mrs Arlene Foster after she resigned."
    doc = prepare(text, source="t")
    m = find_mentions(doc, Lexicon.default())
    assert m.genders == {"jim-allister": "m", "arlene-foster": "f"}
    got = antecedent(doc, m, 0, doc.sents[0].lower.index("she"))
    assert got is not None
    assert got.entity == "arlene-foster"
    doc = prepare("Jim Allister praised Arlene Foster after he resigned.", source="t")
    m = find_mentions(doc, Lexicon.default())
    assert m.genders == {}
    got = antecedent(doc, m, 0, doc.sents[0].lower.index("he"))
    assert got is not None
    assert got.entity == "jim-allister"


def test_an_unnamed_group_in_a_role_is_no_faction():
    """'the party's parliamentary group leader', 'the head of the party's parliamentary
    group' tell roles; 'The parliamentary group voted' is a group that acts."""
    m = mentions("Özgür Özel, the party's parliamentary group leader, won the vote.")
    assert names(m, FACTION) == set()
    m = mentions("Mariusz Błaszczak, the head of the party's parliamentary group, backed him.")
    assert names(m, FACTION) == set()
    m = mentions("The parliamentary group voted to expel him.")
    assert names(m, FACTION) == {"parliamentary group"}


def test_the_rebels_and_the_breakaway_are_the_new_party_of_a_split():
    """'broke away to form a new movement, Popular Unity. The rebels ... the breakaway': one
    party; without a new party the rebels stay a group."""
    m = mentions(
        "Twenty-five lawmakers broke away to form a new movement, Popular Unity. The rebels "
        "are led by Panagiotis Lafazanis. Olga Gerovasili accused the breakaway of betrayal."
    )
    (party,) = [e for e in m.entities.values() if e.type == FACTION]
    assert party.name == "Popular Unity"
    assert {"The rebels", "the breakaway"} <= set(party.aliases)
    m = mentions("The rebels are led by Panagiotis Lafazanis.")
    assert names(m, FACTION) == {"rebels"}


def test_a_plural_party_word_is_the_party_of_the_text_named_with_it():
    """'The Socialists' after 'the PSOE' (the Spanish Socialist Workers' Party) is the PSOE;
    with no such party it names nothing."""
    m = mentions("Pedro Sánchez was ousted as leader of the PSOE. The Socialists now face a vote.")
    assert names(m, FACTION) == {"PSOE"}
    (psoe,) = [e for e in m.entities.values() if e.type == FACTION]
    assert "The Socialists" in psoe.aliases
    assert names(mentions("The Socialists now face a vote."), FACTION) == set()


def test_progressive_conservatives_are_not_the_conservatives():
    """'the leader of the Progressive Conservatives' names the Canadian party, not the Tories."""
    m = mentions("Brian Mulroney, the leader of the Progressive Conservatives, spoke.")
    assert names(m, FACTION) == {"Progressive Conservative Party"}


def test_several_of_his_supporters_after_a_quoted_sentence():
    """'X congratulated Y. "...," he said. Several of his supporters, including Z, accused':
    X's supporters (the quoted sentence names no one)."""
    m = mentions(
        'Jean Chrétien congratulated the winner. "I came second," he said. Several of his '
        "supporters, including Lloyd Axworthy, accused the winner."
    )
    (tendency,) = [e for e in m.entities.values() if e.type == FACTION]
    assert tendency.anchor == "jean-chrétien"
    assert "his supporters" in tendency.aliases


def test_party_named_head_first_in_another_language():
    """'the Parti Québécois', 'the Partito Democratico', 'the Partido Revolucionario
    Institucional': a word for party first, then capitalized words, is a party."""
    m = mentions(
        "Jean Roy left the Parti Québécois, Luca Bianchi quit the Partito Democratico and Ana "
        "Ruiz joined the Partido Revolucionario Institucional."
    )
    got = {e.name: e.faction_kind for e in m.entities.values() if e.type == FACTION}
    assert got == {
        "Parti Québécois": FactionKind.PARTY,
        "Partito Democratico": FactionKind.PARTY,
        "Partido Revolucionario Institucional": FactionKind.PARTY,
    }


def test_adjective_alias_opening_a_longer_party_name():
    """'the Democratic Progressive Party' is one party, not the Democrats and a 'Progressive
    Party'; the KMT is the Kuomintang."""
    m = mentions("Tsai Ing-wen of the Democratic Progressive Party beat the KMT.")
    assert names(m, FACTION) == {"Democratic Progressive Party", "Kuomintang"}


def test_her_supporters_after_and_are_the_opening_persons():
    """'Anna Berg accused X ..., and several of her supporters said': Berg's supporters."""
    m = mentions(
        "Anna Berg accused Carl Holm of lying, and several of her supporters said they would go."
    )
    (g,) = [e for e in m.entities.values() if e.type == FACTION]
    assert g.faction_kind is FactionKind.TENDENCY
    assert "Berg" in g.name
