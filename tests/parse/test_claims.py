"""Tests for discourse.parse.claims: cues, claimants, targets, stance, quotes."""

from __future__ import annotations

from discourse import Claim, ClaimForm, Stance
from discourse.parse.claims import author_id, find_claims
from discourse.parse.document import prepare
from discourse.parse.lexicon import Lexicon
from discourse.parse.mentions import find_mentions


def claims(text: str) -> list[Claim]:
    doc = prepare(text, source="t")
    lex = Lexicon.default()
    return find_claims(doc, find_mentions(doc, lex), lex)


def test_accusation_has_claimant_target_and_opposing_stance():
    """'X accused Y of ...' is an accusation by X against Y."""
    (c,) = claims("Elizabeth Warren accused Joe Manchin of betraying working families.")
    assert (c.claimant, c.form, c.target, c.stance) == (
        "elizabeth-warren",
        ClaimForm.ACCUSATION,
        "joe-manchin",
        Stance.OPPOSE,
    )


def test_call_on_to_stand_down_is_an_opposing_demand_with_addressee():
    """'called on X to stand down' targets and addresses X, in opposition."""
    (c,) = claims("Owen Jones, meanwhile, has called on Jeremy Corbyn to stand down.")
    assert c.claimant == "owen-jones"
    assert c.form is ClaimForm.DEMAND
    assert c.target == c.addressee == "jeremy-corbyn"
    assert c.stance is Stance.OPPOSE


def test_praise_is_support():
    """'praised X' is an endorsement in support of X."""
    (c,) = claims("Kevin Kühnert praised Saskia Esken after the vote.")
    assert (c.form, c.target, c.stance) == (ClaimForm.ENDORSEMENT, "saskia-esken", Stance.SUPPORT)


def test_appositive_does_not_steal_the_subject():
    """In 'X, veteran of the Labour Left, has warned', the claimant is X."""
    (c,) = claims("John McDonnell, veteran of the Labour Left, has warned of a coup.")
    assert c.claimant == "john-mcdonnell"
    assert c.form is ClaimForm.WARNING


def test_curly_quote_after_the_cue_is_attached():
    """A curly-quoted phrase after the cue is the claim's quote, with exact offsets."""
    text = "Olaf Scholz warned of a “damaging split” on Monday."
    (c,) = claims(text)
    assert c.quote == "damaging split"
    assert any(text[e.start : e.end] == "damaging split" for e in c.evidence)


def test_quote_before_said_x_is_attributed_to_x():
    """'"...," said X' attributes the quote to X."""
    (c,) = claims('"This is a wake-up call," said Ed Davey, the Liberal Democrat leader.')
    assert c.claimant == "ed-davey"
    assert c.quote == "This is a wake-up call,"


def test_quote_before_x_said_is_attributed_to_x():
    """'"...," X told reporters' attributes the quote to X."""
    text = 'Warren Smith spoke first. "He has sided with the donors," Smith told reporters.'
    found = [c for c in claims(text) if c.quote]
    assert found[0].claimant == "warren-smith"


def test_according_to_x_is_a_statement_by_x():
    """'According to X, ...' is a statement whose claimant is X."""
    found = claims("According to Alexandria Ocasio-Cortez, the deal is dead.")
    assert [(c.claimant, c.form) for c in found] == [
        ("alexandria-ocasio-cortez", ClaimForm.STATEMENT)
    ]


def test_passive_backed_by_makes_the_agent_the_claimant():
    """'the Blairites - backed by the entire Establishment' is the Establishment's endorsement."""
    (c,) = claims(
        "The fight is between the Left and the Blairites - backed by the entire Establishment."
    )
    assert c.claimant == "establishment"
    assert c.target == "blairites"
    assert c.stance is Stance.SUPPORT


def test_reported_action_against_a_person_is_an_opposing_action():
    """'attempts to kick out the incumbent, X' is an action against X."""
    (c,) = claims(
        "The Blairite wing went into overdrive in their attempts to kick out the incumbent, Len McCluskey."
    )
    assert (c.claimant, c.form, c.target, c.stance) == (
        "blairites",
        ClaimForm.ACTION,
        "len-mccluskey",
        Stance.OPPOSE,
    )


def test_negation_voids_the_stance():
    """'did not criticise X' keeps the claim but no stance."""
    (c,) = claims("Keir Starmer did not criticise Jeremy Corbyn on Sunday.")
    assert c.target == "jeremy-corbyn"
    assert c.stance is None


def test_refusal_flips_the_stance():
    """'refused to back X' opposes X."""
    (c,) = claims("Tom Watson refused to back Jeremy Corbyn in the vote.")
    assert c.stance is Stance.OPPOSE


def test_participle_continues_the_previous_claim():
    """'backed X, saying "..."' is one endorsement that carries the quote."""
    found = claims('Pablo Iglesias backed Pedro Sánchez, saying "the left must stay united".')
    assert len(found) == 1
    assert found[0].quote == "the left must stay united"


def test_cue_inside_a_quote_makes_no_claim():
    """Reporting verbs inside quotation marks belong to the quoted speech."""
    found = claims('Jane Roe said: "Nobody accused John Doe of anything."')
    assert [c.form for c in found] == [ClaimForm.STATEMENT]


def test_passive_without_agent_makes_no_claim():
    """'X was criticised' names no claimant, so no claim."""
    assert claims("Jeremy Corbyn was criticised after the vote.") == []


def test_author_prescription_is_claimed_by_the_author():
    """'The only way forward for the Left is ...' is the author's demand."""
    found = claims("The only way forward for the Left, however, is to boldly go on the offensive.")
    assert [(c.claimant, c.form) for c in found] == [(author_id("t"), ClaimForm.DEMAND)]


def test_claim_ids_are_source_and_cue_offset():
    """Claim ids are '<source>:c:<offset of the cue>'."""
    text = "Jane Roe criticised John Doe."
    (c,) = claims(text)
    assert c.id == f"t:c:{text.index('criticised')}"


def test_he_or_she_is_the_latest_person_named():
    """'after she criticised X' is a claim by the woman named before."""
    found = claims("Liz Cheney was ousted by House Republicans after she criticised Donald Trump.")
    assert [(c.claimant, c.target) for c in found] == [("liz-cheney", "donald-trump")]


def test_object_of_a_verb_is_not_a_subject():
    """In 'which backed Omar, called for', Omar is not the claimant."""
    found = claims("The group, which backed Ilhan Omar, called for a primary challenge.")
    assert all(c.claimant != "ilhan-omar" for c in found)


def test_demand_that_x_stand_aside_opposes_x():
    """'demanded that X stand aside' is a demand against X."""
    (c,) = claims("Kevin Kühnert demanded that Olaf Scholz stand aside.")
    assert (c.form, c.target, c.stance) == (ClaimForm.DEMAND, "olaf-scholz", Stance.OPPOSE)


def test_coordinated_verb_shares_the_claimant():
    """'X congratulated Y but warned ...' makes two claims by X."""
    found = claims(
        "Susana Díaz congratulated Pedro Sánchez but warned that the party must stay united."
    )
    assert [(c.claimant, c.form) for c in found] == [
        ("susana-díaz", ClaimForm.ENDORSEMENT),
        ("susana-díaz", ClaimForm.WARNING),
    ]


def test_quote_before_a_plain_cue_is_not_attached():
    """A quote earlier in the sentence belongs to the earlier cue, not to 'accused'."""
    found = claims('Zarah Sultana said it was "a disgrace" and accused the leadership of cruelty.')
    assert [c.quote for c in found] == ["a disgrace", None]


def test_spokesperson_speaks_for_the_person():
    """'A spokesperson for X said' is a statement by X."""
    found = claims(
        "Keir Starmer stayed silent. A spokesperson for Starmer said the reports were wrong."
    )
    assert [c.claimant for c in found] == ["keir-starmer"]


def test_pronoun_without_a_single_antecedent_makes_no_claim():
    """'she said' after a paragraph naming two men is not attributed to either."""
    text = 'Andy Burnham attacked Rishi Sunak.\n\n"We are united," she said.'
    found = claims(text)
    assert [c.claimant for c in found] == ["andy-burnham"]


def test_hit_back_at_with_a_participle_quote():
    """'hit back at X, branding his plans "..."' is one criticism of X with the quote."""
    (c,) = claims('Angela Rayner hit back at Rishi Sunak, branding his plans "a cruel joke".')
    assert (c.target, c.stance, c.quote) == ("rishi-sunak", Stance.OPPOSE, "a cruel joke")


def test_statement_that_someone_should_resign_opposes_them():
    """'X said Y should resign' is a statement against Y."""
    (c,) = claims("Tom Watson said Jeremy Corbyn should resign.")
    assert (c.form, c.target, c.stance) == (ClaimForm.STATEMENT, "jeremy-corbyn", Stance.OPPOSE)


def test_vowed_and_complained_are_cues():
    """Less common reporting verbs ('vowed', 'complained') make claims."""
    found = claims("Pedro Sánchez vowed to fight on. Susana Díaz complained about the process.")
    assert [c.form for c in found] == [ClaimForm.STATEMENT, ClaimForm.CRITICISM]


def test_reported_act_without_a_target_is_not_a_claim():
    """'after voting against the government' names no one it is against."""
    assert claims("Dominic Grieve lost the whip after voting against the government.") == []


def test_announcing_a_resignation_is_not_a_statement_claim():
    """'announced her resignation' is an event, not a claim."""
    assert claims("Ricarda Lang announced her resignation on Wednesday.") == []


def test_quote_after_colon_spanning_sentences_is_attached():
    """'X said: "A. B."' attaches the whole quotation."""
    (c,) = claims('Manfred Weber said: "She has our full support. There is no alternative."')
    assert c.quote == "She has our full support. There is no alternative."


def test_mention_before_another_clause_subject_is_not_the_claimant():
    """In 'with the Sanders wing gaining ground, the party bosses are ... to block X', the wing makes no claim."""
    text = (
        "With the Sanders wing gaining ground, the party bosses are going into overdrive "
        "in their efforts to block Alexandria Ocasio-Cortez."
    )
    assert claims(text) == []


def test_addressee_comes_before_to():
    """'called on the deputies to let X govern' does not address X."""
    (c,) = claims("Felipe González has called on the deputies to let Mariano Rajoy govern.")
    assert c.addressee is None


def test_participle_after_a_main_clause_takes_its_subject():
    """'X moved the motion, saying ...' is a statement by X."""
    found = claims(
        "John Pesutto moved the motion to expel her, saying the party could not be associated."
    )
    assert [c.claimant for c in found] == ["john-pesutto"]


def test_reporting_verb_mistagged_after_an_appositive_is_still_a_cue():
    """'Bill Shorten, a leading figure in the Right, urged caucus ...' is Shorten's demand."""
    found = claims("Bill Shorten, a leading figure in the Right, urged caucus to avoid a spill.")
    assert [(c.claimant, c.form) for c in found] == [("bill-shorten", ClaimForm.DEMAND)]


def test_said_clause_subject_with_negative_predicate_is_opposed_target():
    """'X said Y had betrayed the members' targets Y in opposition."""
    (c,) = claims("Marta Lindqvist said Oskar Brandt had betrayed the members.")
    assert (c.claimant, c.target, c.stance) == ("marta-lindqvist", "oskar-brandt", Stance.OPPOSE)


def test_said_clause_subject_with_praise_is_supported_target():
    """'X said Y had done a great job' targets Y in support."""
    (c,) = claims("Harriet Colby said Daniel Okafor had done a great job as chief whip.")
    assert (c.target, c.stance) == ("daniel-okafor", Stance.SUPPORT)


def test_negation_flips_an_evaluative_word():
    """'was not fit to lead' is opposition although 'fit' is positive."""
    (c,) = claims("Harriet Colby argued that Daniel Okafor was not fit to lead the party.")
    assert (c.target, c.stance) == ("daniel-okafor", Stance.OPPOSE)


def test_told_object_is_an_addressee_not_the_target():
    """'X told the BBC that Y ...' targets Y, not the broadcaster."""
    (c,) = claims("Harriet Colby told the BBC that Daniel Okafor was incompetent.")
    assert (c.claimant, c.target, c.stance) == ("harriet-colby", "daniel-okafor", Stance.OPPOSE)


def test_prediction_about_a_party_losing_opposes_the_party():
    """'X predicted that the SPD would lose' targets the party, in opposition."""
    (c,) = claims("Jonas Achterberg predicted that the SPD would lose heavily in Bavaria.")
    assert (c.form, c.target, c.stance) == (ClaimForm.PREDICTION, "spd", Stance.OPPOSE)


def test_according_to_takes_the_target_from_the_clause():
    """'According to X, Y ...' has claimant X and target Y."""
    (c,) = claims("According to Lena Vogt, Tobias Renner was plotting a coup.")
    assert (c.claimant, c.target, c.stance) == ("lena-vogt", "tobias-renner", Stance.OPPOSE)


def test_quote_before_said_takes_its_target_from_the_quote():
    """'"Grady has failed us," said X' targets Grady from inside the quotation."""
    (c,) = claims('"Amanda Grady has failed the party," said Colin Pryce.')
    assert (c.claimant, c.target, c.stance) == ("colin-pryce", "amanda-grady", Stance.OPPOSE)


def test_pronoun_for_the_claimant_is_not_the_target():
    """'X said she would back Y': 'she' is the claimant, Y the supported target."""
    (c,) = claims("Harriet Colby said she would back Daniel Okafor in the ballot.")
    assert (c.target, c.stance) == ("daniel-okafor", Stance.SUPPORT)


def test_clause_without_names_takes_the_previous_sentence_subject():
    """A claim whose clause names nobody is about the previous sentence's subject."""
    cs = claims("Daniel Okafor sacked three ministers. Harriet Colby said it was a disgrace.")
    assert [(c.claimant, c.target, c.stance) for c in cs] == [
        ("harriet-colby", "daniel-okafor", Stance.OPPOSE)
    ]


def test_object_pronoun_is_the_latest_other_person():
    """'urged colleagues to replace her' targets the woman named before, not the claimant."""
    cs = claims("Marta Lindqvist faces a revolt. Oskar Brandt urged colleagues to replace her.")
    assert [(c.claimant, c.target, c.stance) for c in cs] == [
        ("oskar-brandt", "marta-lindqvist", Stance.OPPOSE)
    ]


def test_claim_without_a_named_target_continues_the_previous_target():
    """A follow-up statement naming nobody is about the previous claim's target."""
    cs = claims(
        "Oskar Brandt said Marta Lindqvist had failed the party. "
        "Peter Holm, the party treasurer, added that the situation was a disaster."
    )
    assert [c.target for c in cs] == ["marta-lindqvist", "marta-lindqvist"]


def test_group_noun_can_be_claimant_and_target():
    """'The rebels accused the hardliners of ...' is a claim between two groups."""
    (c,) = claims("The rebels accused the hardliners of wrecking the party.")
    assert (c.claimant, c.target, c.stance) == ("rebels", "hardliners", Stance.OPPOSE)


def test_party_spokesman_speaks_for_the_party():
    """'A Liberal Democrats spokesman attacked X' is a claim by the party."""
    (c,) = claims("A Liberal Democrats spokesman attacked Kemi Badenoch.")
    assert (c.claimant, c.target) == ("liberal-democrats", "kemi-badenoch")


def test_while_clause_is_not_part_of_the_reported_clause():
    """', while Y warned ...' does not give the first claim its target."""
    cs = claims("Ann Kerr said Bill Tate had done well, while Joe Lund warned of a split.")
    assert cs[0].target == "bill-tate"


def test_colon_introduces_a_quoted_claim():
    """'X: "..."' is a statement by X with the quotation."""
    (c,) = claims('Ines Kappel: "Lukas Brenner has lost the room."')
    assert (c.claimant, c.target, c.stance) == ("ines-kappel", "lukas-brenner", Stance.OPPOSE)
    assert c.quote == "Lukas Brenner has lost the room."


def test_quotation_after_an_attributed_one_continues_the_speaker():
    """A sentence opening with a quotation after '"...," X said.' is X's claim too."""
    cs = claims('"We cannot go on like this," Ines Kappel said. "Lukas Brenner has to go."')
    assert [(c.claimant, c.target) for c in cs] == [
        ("ines-kappel", None),
        ("ines-kappel", "lukas-brenner"),
    ]


def test_negative_word_in_a_preceding_quote_does_not_negate_the_cue():
    """'"X has failed," said Y' is opposition: 'failed' inside the quotation is not a refusal."""
    (c,) = claims('"Lukas Brenner has failed," said Ines Kappel.')
    assert (c.target, c.stance) == ("lukas-brenner", Stance.OPPOSE)


def test_backing_a_motion_of_no_confidence_opposes_its_target():
    """'backed a motion of no confidence in X' is against X."""
    (c,) = claims("Ines Kappel backed a motion of no confidence in Lukas Brenner.")
    assert (c.target, c.stance) == ("lukas-brenner", Stance.OPPOSE)


def test_launching_a_challenge_is_an_action_against_its_target():
    """'launched a leadership challenge against X' is an act against X."""
    (c,) = claims("Ines Kappel launched a leadership challenge against Lukas Brenner.")
    assert (c.form, c.target, c.stance) == (ClaimForm.ACTION, "lukas-brenner", Stance.OPPOSE)


def test_launch_without_an_act_against_someone_is_no_claim():
    """'launched her campaign' is not a claim about anyone."""
    assert claims("Ines Kappel launched her campaign in Leipzig.") == []


def test_participle_after_hit_back_gives_the_target():
    """'hit back, saying Y had no mandate' targets Y."""
    (c,) = claims("Ines Kappel hit back, saying Lukas Brenner had no mandate.")
    assert (c.claimant, c.target, c.stance) == ("ines-kappel", "lukas-brenner", Stance.OPPOSE)


def test_lashed_out_at_a_person_is_criticism_of_them():
    """'lashed out at X' targets X even though 'at' usually precedes places."""
    (c,) = claims("Ines Kappel lashed out at Lukas Brenner on Sunday.")
    assert (c.form, c.target) == (ClaimForm.CRITICISM, "lukas-brenner")


def test_british_double_consonant_past_is_a_cue():
    """'labelled X a traitor' and 'admitted that' are cues."""
    (c,) = claims("Ines Kappel labelled Lukas Brenner a traitor.")
    assert (c.target, c.stance) == ("lukas-brenner", Stance.OPPOSE)
    assert claims("Ines Kappel admitted that Lukas Brenner had won.")


def test_object_pronoun_of_an_action_is_the_person_before():
    """'joined Democrats in voting to oust him' acts against the man named before."""
    cs = claims("Ken Marlowe faced a revolt. Eight Republicans voted to oust him.")
    assert [(c.form, c.target, c.stance) for c in cs] == [
        (ClaimForm.ACTION, "ken-marlowe", Stance.OPPOSE)
    ]


def test_sentence_initial_surname_before_a_cue_is_a_claimant():
    """'Hallam said ...' opening a text makes Hallam a claimant."""
    (c,) = claims("Hallam said Lukas Brenner was finished.")
    assert c.claimant == "hallam"


def test_claim_naming_nobody_is_about_the_most_mentioned_actor_nearby():
    """With no name in its clause, a claim targets the story's protagonist of the last sentences."""
    cs = claims(
        "Lukas Brenner faces a revolt. Brenner met Ines Kappel on Monday. "
        "Brenner's allies were furious. Hannah Roth said the situation was untenable."
    )
    assert [(c.claimant, c.target) for c in cs] == [("hannah-roth", "lukas-brenner")]


def test_role_phrase_is_the_person_given_that_role():
    """'The prime minister said' is the person introduced as 'Prime Minister X'."""
    cs = claims(
        "Prime Minister Vera Lund faced a revolt. "
        "The prime minister said Tom Eke had betrayed the party."
    )
    assert [(c.claimant, c.target, c.stance) for c in cs] == [
        ("vera-lund", "tom-eke", Stance.OPPOSE)
    ]


def test_role_phrase_without_such_a_person_makes_no_claim():
    """'The chancellor said' with no chancellor named makes no claim."""
    assert claims("The chancellor said Tom Eke had betrayed the party.") == []


def test_possessive_spokesman_speaks_for_the_owner():
    """ "X's spokesman said" is a claim by X."""
    (c,) = claims("Vera Lund's spokesman said Tom Eke had lied.")
    assert (c.claimant, c.target) == ("vera-lund", "tom-eke")


def test_coming_under_fire_from_someone_is_their_criticism():
    """'X came under fire from Y' is Y's criticism of X."""
    (c,) = claims("Tom Eke came under fire from Vera Lund on Monday.")
    assert (c.claimant, c.form, c.target, c.stance) == (
        "vera-lund",
        ClaimForm.CRITICISM,
        "tom-eke",
        Stance.OPPOSE,
    )


def test_praise_from_someone_is_their_endorsement():
    """'X won praise from Y' is Y's endorsement of X."""
    (c,) = claims("Tom Eke won praise from Vera Lund for his speech.")
    assert (c.claimant, c.target, c.stance) == ("vera-lund", "tom-eke", Stance.SUPPORT)


def test_members_of_a_group_act_for_the_group():
    """'Members of the X Caucus backed Y' is the caucus's endorsement of Y."""
    (c,) = claims("Members of the Prairie Caucus backed Dana Whitlock.")
    assert (c.claimant, c.target, c.stance) == ("prairie-caucus", "dana-whitlock", Stance.SUPPORT)


def test_role_phrase_after_a_quotation_is_the_speaker():
    """'"...," said the prime minister' is a claim by the person introduced with that role."""
    cs = claims(
        'Prime Minister Vera Lund faced a revolt. "Tom Eke has betrayed us," said the prime minister.'
    )
    assert [(c.claimant, c.target, c.quote) for c in cs] == [
        ("vera-lund", "tom-eke", "Tom Eke has betrayed us,")
    ]


def test_unquoted_clause_before_said_x_is_reported():
    """'Y has lost control, said X.' is X's claim about Y."""
    (c,) = claims("Tom Eke has lost control of the party, said Vera Lund.")
    assert (c.claimant, c.target, c.stance) == ("vera-lund", "tom-eke", Stance.OPPOSE)


def test_act_with_a_stance_inside_the_clause_gives_the_stance():
    """'said she would vote for Y' supports Y; 'vote against Y' opposes Y."""
    (c,) = claims("Ines Kappel said she would vote for Lukas Brenner.")
    assert (c.target, c.stance) == ("lukas-brenner", Stance.SUPPORT)
    (c2,) = claims("Ines Kappel said she would vote against Lukas Brenner.")
    assert (c2.target, c2.stance) == ("lukas-brenner", Stance.OPPOSE)


def test_no_confidence_in_a_person_opposes_them():
    """'had no confidence in Y' targets Y (a person after 'in' is not a medium) in opposition."""
    (c,) = claims("Ines Kappel said she had no confidence in Lukas Brenner.")
    assert (c.target, c.stance) == ("lukas-brenner", Stance.OPPOSE)


def test_what_follows_but_weighs_more():
    """'a good man but the wrong leader' is opposition."""
    (c,) = claims("Ines Kappel said Lukas Brenner was a good man but the wrong leader.")
    assert c.stance is Stance.OPPOSE


def test_asking_someone_to_stay_supports_them():
    """'called on Y to stay' supports Y."""
    (c,) = claims("Ines Kappel called on Lukas Brenner to stay.")
    assert (c.target, c.stance) == ("lukas-brenner", Stance.SUPPORT)


def _by_cue(cs: list[Claim], cue: str) -> Claim:
    return next(c for c in cs if c.attributes["cue"] == cue)


def test_calling_someone_a_name_is_criticism_of_them():
    """'called X a liar', 'calling X "a disgrace"': criticism against X."""
    cs = claims("Priti Patel called Rishi Sunak a liar on Sunday.")
    c = _by_cue(cs, "called")
    assert (c.claimant, c.form, c.target, c.stance) == (
        "priti-patel",
        ClaimForm.CRITICISM,
        "rishi-sunak",
        Stance.OPPOSE,
    )
    cs = claims('Angela Rayner hit out on Monday, calling Keir Starmer "a disgrace to the party".')
    c = _by_cue(cs, "calling")
    assert (c.claimant, c.target, c.stance) == ("angela-rayner", "keir-starmer", Stance.OPPOSE)
    assert c.quote == "a disgrace to the party"


def test_calling_someone_a_good_name_is_an_endorsement():
    """'called X "a great leader"': support, as an endorsement."""
    cs = claims('Pedro Sánchez called Yolanda Díaz "a great leader" at the rally.')
    c = _by_cue(cs, "called")
    assert (c.form, c.target, c.stance) == (ClaimForm.ENDORSEMENT, "yolanda-díaz", Stance.SUPPORT)


def test_calling_a_vote_or_calling_for_is_not_naming():
    """'called a vote', 'called for' are not criticism of anyone."""
    cs = claims("Ted Cruz called a vote on the rule after Kevin McCarthy spoke.")
    assert all(c.form is not ClaimForm.CRITICISM for c in cs)


def test_calling_a_thing_a_quoted_name_is_criticism():
    """'called the deal "a betrayal"': a criticism (the quote is its evidence)."""
    cs = claims('Nigel Farage called the deal "a betrayal of Brexit voters".')
    c = _by_cue(cs, "called")
    assert (c.claimant, c.form) == ("nigel-farage", ClaimForm.CRITICISM)
    assert c.quote == "a betrayal of Brexit voters"


def test_split_phrasal_verb_takes_the_object_inside():
    """'voted X out', 'forced X out': an act against X."""
    (c,) = claims("Peter Dutton and his allies forced Malcolm Turnbull out in August.")
    assert (c.claimant, c.target, c.stance) == ("peter-dutton", "malcolm-turnbull", Stance.OPPOSE)
    assert c.attributes["cue"] == "forced Malcolm Turnbull out"


def test_split_particle_needs_a_short_noun_phrase():
    """'pushed for a vote, out of...' is not 'push out'."""
    cs = claims("Kevin Rudd pushed hard for a vote, out of frustration with Julia Gillard.")
    assert not any("out" in str(c.attributes["cue"]) for c in cs)


def test_relative_who_gives_the_claimant_after_a_preposition():
    """'led by X, who said': X is the claimant."""
    cs = claims("The revolt was led by Graham Brady, who said the leader had lost the party.")
    assert [c.claimant for c in cs if c.attributes["cue"] == "said"] == ["graham-brady"]


def test_relative_who_after_an_appositive_is_the_head():
    """'X, a close ally of Y, who said': X, not Y."""
    cs = claims(
        "Markus Söder, a close ally of Armin Laschet, who said the party must unite, spoke first."
    )
    assert _by_cue(cs, "said").claimant == "markus-söder"


def test_he_said_after_a_sentence_with_several_people_is_its_subject():
    """'X praised Y and Z. He said...': he is X, the subject."""
    cs = claims(
        "Olaf Scholz praised Saskia Esken and Lars Klingbeil for their work. "
        "He said the party had done well."
    )
    assert _by_cue(cs, "said").claimant == "olaf-scholz"


def test_warning_against_an_attack_supports_its_target():
    """'warned against a challenge to X': support for X."""
    cs = claims("Susan Collins warned against a challenge to Mitch McConnell.")
    c = _by_cue(cs, "warned against")
    assert (c.target, c.stance) == ("mitch-mcconnell", Stance.SUPPORT)


def test_urging_someone_to_stay_is_support():
    """'urged X to stay on' supports X; 'urged X to "stay united"' too."""
    (c,) = claims("Nicola Sturgeon urged John Swinney to stay on.")
    assert (c.target, c.stance) == ("john-swinney", Stance.SUPPORT)


def test_said_the_suspension_was_is_a_statement():
    """'said the suspension was "..."' is speech, not an announced event."""
    cs = claims('Fergus Ewing said the suspension was "a badge of honour".')
    assert [c.claimant for c in cs] == ["fergus-ewing"]


def test_announced_he_would_step_down_is_no_claim():
    """'announced he would step down' is a resignation (an event), not a statement."""
    assert claims("Mitch McConnell announced he would step down in November.") == []


def test_quote_after_a_coordinated_second_verb_belongs_to_it():
    """'praised X and attacked Y as "..."': the quotation goes to the attack."""
    cs = claims('Pierre Poilievre praised his volunteers and attacked Erin O\'Toole as "a fake".')
    assert _by_cue(cs, "praised").quote is None
    assert _by_cue(cs, "attacked").quote == "a fake"


def test_unnamed_members_of_a_party_make_no_claim():
    """'seven SNP MSPs wrote': the party word only modifies an unnamed group."""
    cs = claims("Seven SNP MSPs said the leader had to go.")
    assert cs == [] or all(c.claimant != "scottish-national-party" for c in cs)


def test_announcing_a_candidacy_is_no_claim_but_the_next_verb_is():
    """'He announced his candidacy and attacked X': no statement; he attacked X."""
    cs = claims(
        "Pierre Poilievre spoke first. He announced his candidacy and attacked Jean Charest."
    )
    assert [(c.claimant, c.attributes["cue"], c.target) for c in cs] == [
        ("pierre-poilievre", "attacked", "jean-charest")
    ]


def test_coordinated_subjects_each_make_the_claim():
    """'X, Y and Z backed W': one endorsement by each."""
    cs = claims("Wayne Swan, Penny Wong and Bill Shorten backed Julia Gillard on Thursday.")
    assert sorted(c.claimant for c in cs) == ["bill-shorten", "penny-wong", "wayne-swan"]
    assert {(c.target, c.stance) for c in cs} == {("julia-gillard", Stance.SUPPORT)}
    assert len({c.id for c in cs}) == 3


def test_coordinated_party_and_group_with_article():
    """'Labour and the SNP criticised X': both criticise."""
    cs = claims("Labour and the SNP criticised Boris Johnson.")
    assert {c.claimant for c in cs} == {"labour-party", "scottish-national-party"}


def test_backing_a_motion_against_someone_opposes_them():
    """'backed the motion against X': X is not the one backed."""
    (c,) = claims("Peter Dutton backed the motion against Malcolm Turnbull.")
    assert (c.target, c.stance) == ("malcolm-turnbull", Stance.OPPOSE)


def test_participle_after_a_that_clause_belongs_to_the_main_subject():
    """'he made clear that X would..., calling him "..."': he is the caller."""
    cs = claims(
        "Giuseppe Conte met reporters. But he made clear that Luigi Di Maio would not be "
        'welcome, calling him "a traitor".'
    )
    c = _by_cue(cs, "calling")
    assert (c.claimant, c.target, c.stance) == ("giuseppe-conte", "luigi-di-maio", Stance.OPPOSE)


def test_confidence_vote_is_no_word_of_support():
    """'warned X that ... a confidence vote': 'confidence' before 'vote' is not praise."""
    (c,) = claims("Graham Brady warned Boris Johnson that a confidence vote was coming.")
    assert c.stance is Stance.OPPOSE


def test_threw_their_support_behind_is_an_endorsement():
    """'threw their support behind X': support for X, by each coordinated subject."""
    cs = claims("Nancy Pelosi and Chuck Schumer threw their support behind Kamala Harris.")
    assert {(c.claimant, c.target, c.stance) for c in cs} == {
        ("nancy-pelosi", "kamala-harris", Stance.SUPPORT),
        ("chuck-schumer", "kamala-harris", Stance.SUPPORT),
    }


def test_sentence_initial_title_mistagged_as_verb_does_not_block_the_subject():
    """'Representative X came...': the title opening the sentence is no verb."""
    cs = claims("Representative Ro Khanna spoke on Monday, telling supporters he was staying.")
    assert [c.claimant for c in cs] == ["ro-khanna"]


def test_calling_someone_s_removal_good_news_opposes_them():
    """'called the resignation "good news"' after X resigned: against X."""
    cs = claims('Liz Truss resigned on Thursday. Keir Starmer called the resignation "good news".')
    c = _by_cue(cs, "called")
    assert (c.claimant, c.stance) == ("keir-starmer", Stance.OPPOSE)


def test_announced_that_he_would_end_his_campaign_is_no_claim():
    """'announced on Sunday that he would end his campaign': an exit, not a statement."""
    assert claims("Joe Biden announced on Sunday that he would end his campaign.") == []


def test_fallback_target_prefers_the_protagonist_to_the_party():
    """A claim naming nobody targets the story's person, not the party around them."""
    cs = claims(
        "Labor MPs dumped Julia Gillard. Labor turned to Kevin Rudd after Labor lost ground. "
        '"I am not going to be bullied out of this job," Gillard said.'
    )
    c = _by_cue(cs, "said")
    assert (c.claimant, c.target) == ("julia-gillard", "kevin-rudd")


def test_participle_with_its_own_object_is_a_claim_of_its_own():
    """'welcomed the result, calling X "..."': a criticism of X with the quotation."""
    cs = claims(
        'Liz Cheney lost. Donald Trump welcomed the result, calling Cheney "a bitter loser".'
    )
    c = _by_cue(cs, "calling")
    assert (c.claimant, c.target, c.stance) == ("donald-trump", "liz-cheney", Stance.OPPOSE)
    assert c.quote == "a bitter loser"
    assert _by_cue(cs, "welcomed").quote is None


def test_appositive_chain_goes_back_to_the_person():
    """'X, the head of the Jusos, the SPD's youth wing, had said': X speaks."""
    cs = claims(
        "Kevin Kühnert, the head of the Jusos, the SPD's youth wing, had said the plan was wrong."
    )
    assert _by_cue(cs, "had said").claimant == "kevin-kühnert"


def test_claim_in_a_relative_clause_keeps_the_subject_for_the_main_verb():
    """'X, who challenged Y in 2022, called the deal "..."': X makes both claims."""
    cs = claims(
        'Senator Rick Scott, who challenged Mitch McConnell in 2022, called the deal "a betrayal".'
    )
    assert _by_cue(cs, "called").claimant == "rick-scott"


def test_reported_clause_ends_at_a_coordinated_cue():
    """'said X was "out of ideas" and demanded a debate on Y': Y is not what was said."""
    cs = claims(
        "Andrea Nahles led the party. Kevin Kühnert said the leadership was out of ideas "
        "and demanded a debate on the coalition with Angela Merkel."
    )
    assert _by_cue(cs, "said").target == "andrea-nahles"


def test_announced_she_would_not_contest_is_no_claim():
    """'announced that she would not contest the next election': an exit, not a statement."""
    assert claims("Julia Gillard announced that she would not contest the next election.") == []


def test_a_letter_that_accused_is_its_writer_s_claim():
    """'X resigned ... in a letter that accused Y of ...': X accuses Y."""
    cs = claims(
        "Chrystia Freeland resigned on Monday in a letter that accused Justin Trudeau of "
        "costly gimmicks."
    )
    c = _by_cue(cs, "accused")
    assert (c.claimant, c.target, c.stance) == (
        "chrystia-freeland",
        "justin-trudeau",
        Stance.OPPOSE,
    )


def test_paid_tribute_to_is_an_endorsement():
    """'paid tribute to X' (irregular past of a phrase's verb): support for X."""
    (c,) = claims("Inés Arrimadas paid tribute to Albert Rivera on Monday.")
    assert (c.claimant, c.target, c.stance) == ("inés-arrimadas", "albert-rivera", Stance.SUPPORT)


def test_coordinated_cue_without_its_own_target_keeps_the_previous_one():
    """'blamed X for ... and called on members to ...': the demand is about X too."""
    cs = claims(
        "Albert Rivera resigned. Juan Carlos Girauta blamed Inés Arrimadas for the strategy "
        "and called on members to look elsewhere."
    )
    assert _by_cue(cs, "called on").target == "inés-arrimadas"


def test_drifting_to_the_right_is_no_praise():
    """'the right' as a direction is not the evaluative word 'right'."""
    cs = claims("Frauke Petry won. Bernd Lucke warned that Frauke Petry was drifting to the right.")
    assert _by_cue(cs, "warned").stance is Stance.OPPOSE


def test_the_role_in_a_reported_clause_is_the_person_with_it():
    """'said the prime minister had...': the person introduced as Prime Minister X."""
    cs = claims(
        "Prime Minister Rishi Sunak met Lee Anderson. Later Lee Anderson said the prime "
        "minister had ignored him."
    )
    assert _by_cue(cs, "said").target == "rishi-sunak"


def test_vice_president_is_not_the_president():
    """'Vice President Kamala Harris' does not make her 'the president'."""
    cs = claims(
        "Vice President Kamala Harris spoke. Joe Biden spoke too, and Joe Biden waved. "
        "Joe Manchin said the president should step aside."
    )
    assert _by_cue(cs, "said").target == "joe-biden"


def test_the_party_said_is_the_party_of_the_text():
    """'The party said in a statement': the party the text is about."""
    cs = claims(
        "Labor MPs met Kevin Rudd on Monday. The party said in a statement that Rudd had won."
    )
    assert [c.claimant for c in cs] == ["australian-labor-party"]


def test_unnamed_party_members_make_no_claim():
    """'Labour members said': unnamed speakers are not coded."""
    assert claims("Labour members said the leader must go.") == []


def test_came_to_someones_defence_supports_the_possessor():
    """'came to X's defence' is an endorsement of X."""
    (c,) = claims("Senator John Thune came to Mitch McConnell's defence on Tuesday.")
    assert (c.claimant, c.form, c.target, c.stance) == (
        "john-thune",
        ClaimForm.ENDORSEMENT,
        "mitch-mcconnell",
        Stance.SUPPORT,
    )


def test_rushed_to_his_defence_supports_the_latest_other_person():
    """'rushed to his defence': the person named before, not the speaker."""
    cs = claims("Rishi Sunak faced a revolt. Penny Mordaunt rushed to his defence.")
    assert [(c.claimant, c.target, c.stance) for c in cs] == [
        ("penny-mordaunt", "rishi-sunak", Stance.SUPPORT)
    ]


def test_came_to_a_place_is_no_defence():
    """'came to London' has no possessive and no defence noun: no claim."""
    assert claims("Penny Mordaunt came to London on Tuesday.") == []


def test_the_leader_in_a_reported_clause_is_the_leader_of_the_text():
    """'said the leader had failed': the person given the role of leader."""
    cs = claims(
        "Labour leader Keir Starmer met Angela Rayner. Diane Abbott said the leader had "
        "failed the party."
    )
    assert _by_cue(cs, "said").target == "keir-starmer"


def test_the_leadership_without_a_stated_leader_is_the_protagonist():
    """'said the leadership was out of ideas': with no stated leader, the story's protagonist."""
    cs = claims(
        "Andrea Nahles quit on Sunday. Nahles had been under fire for weeks. "
        "Kevin Kühnert said the leadership was out of ideas."
    )
    assert _by_cue(cs, "said").target == "andrea-nahles"


def test_an_institution_as_a_prize_is_not_the_target():
    """'warned that the party risked losing the White House': not a claim about the White House."""
    cs = claims(
        "Joe Biden met donors. Biden was defiant. Adam Schiff warned that the party "
        "risked losing the White House."
    )
    assert _by_cue(cs, "warned").target == "joe-biden"


def test_backing_an_act_against_someone_opposes_them():
    """'backed the suspension', "welcomed Corbyn's suspension", 'defended the decision to
    suspend Corbyn' are against Corbyn; 'condemned the suspension' is for him."""
    pre = "Jeremy Corbyn was suspended. "
    for text, stance in [
        ("Keir Starmer backed the suspension on Friday.", Stance.OPPOSE),
        ("Keir Starmer welcomed Corbyn's suspension.", Stance.OPPOSE),
        ("Keir Starmer defended the decision to suspend Corbyn.", Stance.OPPOSE),
        ("Diane Abbott condemned the suspension.", Stance.SUPPORT),
        ("Diane Abbott defended Corbyn on Friday.", Stance.SUPPORT),
    ]:
        (c,) = claims(pre + text)
        assert (c.target, c.stance) == ("jeremy-corbyn", stance), text


def test_urging_someone_to_run_supports_them():
    """'urged X to run', 'urged X to stand for the leadership': for X."""
    cs = claims(
        "Mitt Romney urged Ron DeSantis to run. Nikki Haley urged Tim Scott to stand for the "
        "leadership."
    )
    assert [(c.target, c.stance) for c in cs] == [
        ("ron-desantis", Stance.SUPPORT),
        ("tim-scott", Stance.SUPPORT),
    ]


def test_a_name_compared_with_is_not_the_target():
    """'like Theresa May before him, Johnson had run out of road': about Johnson."""
    cs = claims(
        "Boris Johnson faced a revolt. Steve Baker said that, like Theresa May before him, "
        "Johnson had run out of road."
    )
    assert _by_cue(cs, "said").target == "boris-johnson"


def test_who_after_an_appositive_naming_nobody_is_the_person():
    """'led by Olivier Marleix, the head of the party's deputies, who accused Y': Marleix."""
    cs = claims(
        "Éric Ciotti was expelled. The revolt against him was led by Olivier Marleix, the head "
        'of the party\'s deputies, who accused Ciotti of "betraying the Gaullist family".'
    )
    assert [(c.claimant, c.target) for c in cs] == [("olivier-marleix", "éric-ciotti")]


def test_condemning_how_someone_was_treated_supports_them():
    """'condemned the way she had been treated': for her."""
    cs = claims(
        "Arlene Foster resigned. Foster was hurt. Gavin Robinson condemned the way she had been "
        "treated."
    )
    assert [(c.target, c.stance) for c in cs] == [("arlene-foster", Stance.SUPPORT)]


def test_keeping_ones_distance_is_no_claim():
    """'kept his distance from the dispute, but X backed...': no criticism by the first."""
    cs = claims(
        "Éric Ciotti was expelled. Laurent Wauquiez kept his distance from the dispute, but "
        "Xavier Bertrand backed the expulsion."
    )
    assert [c.claimant for c in cs] == ["xavier-bertrand"]


def test_a_persons_party_is_the_target_not_the_person():
    """'called for an alliance with Marine Le Pen's National Rally': the party."""
    (c,) = claims(
        "Éric Ciotti called for an alliance with Marine Le Pen's National Rally on Tuesday."
    )
    assert (c.target, c.stance) == ("national-rally", Stance.SUPPORT)


def test_a_role_holder_named_only_later_is_not_the_leader_meant():
    """'said the leader had failed' before 'The TUV leader, Jim Allister' is the protagonist."""
    cs = claims(
        "Arlene Foster resigned. Foster was hurt. Sammy Wilson said the leader had lost touch. "
        "The Traditional Unionist Voice leader, Jim Allister, spoke."
    )
    assert _by_cue(cs, "said").target == "arlene-foster"


def test_telling_others_to_stop_plotting_supports_the_one_plotted_against():
    """'urged MPs to "stop plotting"': for the leader; 'urged X to stop attacking Y': against X."""
    cs = claims(
        'Jeremy Corbyn refused to go. Len McCluskey urged MPs to "stop plotting and start '
        'campaigning".'
    )
    assert [(c.target, c.stance) for c in cs] == [("jeremy-corbyn", Stance.SUPPORT)]
    cs = claims("Boris Johnson spoke. Michael Gove urged Johnson to stop attacking Rishi Sunak.")
    assert (_by_cue(cs, "urged").target, _by_cue(cs, "urged").stance) == (
        "boris-johnson",
        Stance.OPPOSE,
    )


def test_needing_a_new_leader_opposes_the_current_one():
    """'said the party needed "a leader who can win"': against the leader it has."""
    cs = claims(
        'Jeremy Corbyn refused to go. Heidi Alexander said the party needed "a leader who can win".'
    )
    assert [(c.target, c.stance) for c in cs] == [("jeremy-corbyn", Stance.OPPOSE)]


def test_declining_to_comment_is_no_claim():
    """'declined to comment on the turmoil, but X said...': only X's claim."""
    cs = claims(
        "Judith Collins was elected. Jacinda Ardern declined to comment on the turmoil, but "
        'Winston Peters said Collins was "a tired old act".'
    )
    assert [c.claimant for c in cs] == ["winston-peters"]


def test_experience_the_country_needs_is_praise():
    """'said she had "the experience the country needs"': for her."""
    cs = claims(
        'Judith Collins was elected. Simon Bridges said she had "the experience the country needs".'
    )
    assert [(c.target, c.stance) for c in cs] == [("judith-collins", Stance.SUPPORT)]


def test_backing_a_recall_opposes_the_one_recalled():
    """'backed the recall of Jacob Zuma': against Zuma."""
    cs = claims("The ANC Youth League backed the recall of Jacob Zuma.")
    assert [(c.target, c.stance) for c in cs] == [("jacob-zuma", Stance.OPPOSE)]


def test_for_too_long_is_a_reproach():
    """'said the ANC had protected Zuma for too long': against, though 'protected' is praise."""
    cs = claims(
        "Jacob Zuma resigned. The Democratic Alliance said the ANC had protected Zuma for too long."
    )
    assert [c.stance for c in cs] == [Stance.OPPOSE]


def test_submitting_a_letter_of_no_confidence_opposes():
    """'submitted a letter of no confidence in May': an act against May; a report is no act."""
    cs = claims(
        "Theresa May faced a revolt. Jacob Rees-Mogg submitted a letter of no confidence in May."
    )
    assert [(c.claimant, c.target, c.stance) for c in cs] == [
        ("jacob-rees-mogg", "theresa-may", Stance.OPPOSE)
    ]
    assert claims("Theresa May spoke. Steve Baker submitted his report on Tuesday.") == []


def test_demanding_a_new_leader_opposes_the_leader():
    """'demanding that Republicans choose a new leader': against the Republican leader."""
    cs = claims(
        "Senate Republican leader Mitch McConnell faced critics. Donald Trump weighed in, "
        "demanding that Republicans choose a new leader."
    )
    assert (_by_cue(cs, "demanding").target, _by_cue(cs, "demanding").stance) == (
        "mitch-mcconnell",
        Stance.OPPOSE,
    )


def test_dismissing_resignations_defends_the_one_they_hit():
    """'defended the prime minister and dismissed the resignations as...': for him."""
    cs = claims(
        "Prime Minister Boris Johnson faced a revolt. Jacob Rees-Mogg defended the prime "
        'minister and dismissed the resignations as "a little local difficulty".'
    )
    assert [(c.target, c.stance) for c in cs] == [
        ("boris-johnson", Stance.SUPPORT),
        ("boris-johnson", Stance.SUPPORT),
    ]


def test_the_partys_executive_speaks_for_the_party():
    """'The party's national executive said': the party the text is about."""
    cs = claims(
        "Labour suspended Jeremy Corbyn. The party's national executive said Corbyn had refused "
        "to apologise. Then the party's leadership said he had to go."
    )
    assert [(c.claimant, c.target) for c in cs[1:]] == [
        ("labour-party", "jeremy-corbyn"),
        ("labour-party", "jeremy-corbyn"),
    ]


def test_a_passive_agent_after_a_time_phrase_is_the_claimant():
    """'He was endorsed the same day by Chris Christie': Christie's endorsement of him."""
    cs = claims("Donald Trump held a rally. He was endorsed the same day by Chris Christie.")
    assert [(c.claimant, c.target, c.stance) for c in cs] == [
        ("chris-christie", "donald-trump", Stance.SUPPORT)
    ]


def test_refusing_to_endorse_anyone_is_no_claim_but_the_speaker_goes_on():
    """'refused to endorse anyone but warned that...': only the warning, by the same speaker."""
    cs = claims(
        "Donald Trump won again. Paul Ryan refused to endorse anyone but warned that the party "
        'could not tolerate "bigotry of any kind".'
    )
    assert [(c.claimant, c.form) for c in cs] == [("paul-ryan", ClaimForm.WARNING)]


def test_the_front_runner_is_the_protagonist():
    """'calling the front-runner "a con artist" who would help Clinton': the front-runner."""
    cs = claims(
        "Donald Trump won Nevada. Marco Rubio stepped up his attacks on Donald Trump on Friday, "
        'a day after a debate, calling the front-runner "a con artist" who would "hand the '
        'party to Hillary Clinton".'
    )
    assert [(c.claimant, c.target) for c in cs] == [("marco-rubio", "donald-trump")]


def test_the_prime_minister_is_the_owner_of_the_cabinet():
    """'forced out of Jean Chrétien's cabinet ... defended the prime minister': Chrétien."""
    cs = claims(
        "Paul Martin was forced out of Jean Chrétien's cabinet. Martin was angry and Martin "
        "spoke. John Manley defended the prime minister."
    )
    assert [(c.claimant, c.target) for c in cs] == [("john-manley", "jean-chrétien")]


def test_a_participle_after_the_main_verbs_phrase_belongs_to_the_opening_person():
    """ "X resigned as leader of Austria's People's Party on Wednesday, saying...": X speaks."""
    cs = claims(
        "Reinhold Mitterlehner resigned as leader of Austria's People's Party on Wednesday, "
        'saying he was tired of the "constant sniping".'
    )
    assert [c.claimant for c in cs] == ["reinhold-mitterlehner"]


def test_a_passive_with_an_adverb_makes_no_claim():
    """'Kurz is widely expected to take over': nobody's prediction."""
    assert claims("Sebastian Kurz is widely expected to take over on Sunday.") == []


def test_counted_party_members_speaking_make_no_claim_of_the_party():
    """'Eight Republicans said...': unnamed members speak (their votes stay the party's acts)."""
    cs = claims(
        "Matt Gaetz accused Kevin McCarthy of lying. Eight Republicans said McCarthy had broken "
        "his word."
    )
    assert [c.claimant for c in cs] == ["matt-gaetz"]


def test_an_announced_candidacy_is_no_statement():
    """'announced he would run in the Madrid election': an act, not a claim about anyone."""
    cs = claims(
        "Íñigo Errejón announced he would run in the Madrid election with Manuela Carmena. "
        'Pablo Iglesias said he was "sad".'
    )
    assert [c.claimant for c in cs] == ["pablo-iglesias"]


def test_a_group_led_by_someone_speaks_through_that_person():
    """'His critics, led by Susana Díaz, had demanded his resignation': Díaz, against Sánchez."""
    cs = claims(
        "Pedro Sánchez resigned on Saturday. His critics, led by Susana Díaz, had demanded his "
        "resignation for weeks."
    )
    assert [(c.claimant, c.target, c.stance) for c in cs] == [
        ("susana-díaz", "pedro-sánchez", Stance.OPPOSE)
    ]


def test_a_name_describing_the_speaker_is_no_antecedent():
    """'Steve Baker, an ally of Boris Johnson, said he would vote against her': against May."""
    cs = claims(
        "Theresa May faced a revolt. Steve Baker, an ally of Boris Johnson, said he would vote "
        "against her."
    )
    assert [(c.claimant, c.target) for c in cs] == [("steve-baker", "theresa-may")]


def test_a_group_opening_the_sentence_speaks_through_the_members_it_names():
    """'Several governors, including X, rallied behind Y': X's claim for Y, not Y's about X."""
    cs = claims("Several regional governors, including Anna Weber, rallied behind Paul Richter.")
    assert [(c.claimant, c.target, c.stance) for c in cs] == [
        ("anna-weber", "paul-richter", Stance.SUPPORT)
    ]
    cs = claims(
        "Most senior ministers, including Yosef Dahan and Rina Peretz, backed Avi Levin throughout."
    )
    assert sorted(c.claimant for c in cs) == ["rina-peretz", "yosef-dahan"]
    assert {c.target for c in cs} == {"avi-levin"}


def test_a_member_named_inside_an_opening_phrase_does_not_speak():
    """'In a letter to several ministers, including X, Y said': Y speaks."""
    cs = claims(
        "In a letter to several ministers, including Anna Weber, Paul Richter said the party "
        "was divided."
    )
    assert [c.claimant for c in cs] == ["paul-richter"]


def test_a_negated_act_before_but_leaves_the_quote_to_what_follows():
    """'did not criticise X, but he warned that "..."': the quote is the warning's."""
    cs = claims(
        "Kenji Sato, the secretary general, did not criticise Hiro Tanaka, but he warned that "
        'factions must "never again decide who leads".'
    )
    assert [(c.claimant, c.form, c.quote) for c in cs] == [
        ("kenji-sato", ClaimForm.CRITICISM, None),
        ("kenji-sato", ClaimForm.WARNING, "never again decide who leads"),
    ]
    assert cs[0].stance is None


def test_a_pronoun_after_an_opening_phrase_refers_to_the_sentence_before():
    """'In a letter to the chairman, Tom Green, she wrote': not Green but the one before."""
    cs = claims(
        "Maria Lopez quit the party on Friday, accusing Carlos Ruiz of arrogance. In a letter to "
        'the chairman, Tom Green, she wrote that the leadership was run by "sycophants".'
    )
    assert [c.claimant for c in cs] == ["maria-lopez", "maria-lopez"]


def test_a_participle_addressing_an_office_is_a_claim_of_its_own():
    """'conceded defeat, congratulating the prime minister': support for the office's holder."""
    cs = claims(
        "Avi Levin won the primary on Thursday. Levin will lead the party into the election. "
        "Daniel Cohen conceded defeat, congratulating the prime minister."
    )
    congratulating = [c for c in cs if c.attributes["cue"] == "congratulating"]
    assert [(c.claimant, c.target, c.stance) for c in congratulating] == [
        ("daniel-cohen", "avi-levin", Stance.SUPPORT)
    ]


def test_an_office_as_the_subject_and_him_after_a_defence():
    """'The taoiseach said' is the story's holder; 'She said the party owed him' is for him."""
    cs = claims(
        "Sean Byrne told Fine Gael he would step down. Byrne has led the party since 2011. "
        "The taoiseach said he would stay until a successor was chosen. Mary Walsh defended "
        'the taoiseach against his critics. She said the party owed him "an enormous debt".'
    )
    said = [c for c in cs if c.attributes["cue"] == "said"]
    assert [c.claimant for c in said] == ["sean-byrne", "mary-walsh"]
    assert (said[1].target, said[1].stance) == ("sean-byrne", Stance.SUPPORT)


def test_hitting_back_answers_the_last_speaker():
    """'The party hit back within hours': against the one who attacked it just before."""
    cs = claims(
        "Lena Hoffmann quit the SPD on Friday, accusing Jonas Berg of betrayal. The party hit "
        "back within hours."
    )
    assert [(c.claimant, c.target, c.stance) for c in cs][-1] == (
        "spd",
        "lena-hoffmann",
        Stance.OPPOSE,
    )
    cs = claims(
        "Lena Hoffmann quit the SPD on Friday, accusing Jonas Berg of betrayal. Berg fired back "
        "on Saturday."
    )
    assert [(c.claimant, c.target, c.stance) for c in cs][-1] == (
        "jonas-berg",
        "lena-hoffmann",
        Stance.OPPOSE,
    )


def test_a_party_judged_under_a_leader_targets_the_leader():
    """'Likud could not win under a leader facing charges': against the leader, not the party."""
    cs = claims(
        "Likud leader Avi Levin won the primary. Levin thanked his supporters. Daniel Cohen "
        "argued that Likud could not win under a leader facing criminal charges."
    )
    argued = [c for c in cs if c.claimant == "daniel-cohen"]
    assert [(c.target, c.stance) for c in argued] == [("avi-levin", Stance.OPPOSE)]


def test_naming_an_attack_without_praise_opposes():
    """'called the letter "a script written elsewhere"': a criticism, not glad of the attack."""
    cs = claims(
        "Maria Lopez quit the party, accusing Carlos Ruiz of arrogance. Pablo Diaz called the "
        'letter "a script written elsewhere".'
    )
    assert [c.stance for c in cs if c.claimant == "pablo-diaz"] == [Stance.OPPOSE]


def test_a_demand_to_the_dissidents_defends_the_one_defended_before():
    """'X defended Y. He urged the dissidents to fight inside the party': for Y."""
    cs = claims(
        "Ravi Menon quit the party. Meera Nair defended Vikram Rao, calling him a fighter. Nair "
        'urged the dissidents to fight inside the party rather than "run to the media".'
    )
    urged = [c for c in cs if c.attributes["cue"] == "urged"]
    assert [(c.claimant, c.target, c.stance) for c in urged] == [
        ("meera-nair", "vikram-rao", Stance.SUPPORT)
    ]


def test_a_negated_plain_statement_is_no_claim():
    """'X did not respond directly': nothing said, so no claim about anyone."""
    cs = claims("Ravi Menon attacked Vikram Rao. Rao did not respond directly.")
    assert [c.claimant for c in cs] == ["ravi-menon"]


def test_him_after_another_speakers_claim_is_the_one_they_spoke_of():
    """'Dunn accused him of... Bloggers, including Ortiz, called on him': Hart, not Dunn."""
    cs = claims(
        "Tom Reed defeated Senator Paul Hart in the primary. Hart said he would run as an "
        'independent. Mary Dunn, the party chairman, accused him of putting "his own ambition '
        'first". Several bloggers, including Sam Ortiz, called on him to respect the voters.'
    )
    called = [c for c in cs if c.claimant == "sam-ortiz"]
    assert [c.target for c in called] == ["paul-hart"]
    cs = claims(
        "Paul Hart resigned as first minister on Tuesday. Hart had led the party since March. "
        "Keir Starmer thanked the first minister for his service. Mark Drakeford defended him, "
        'saying he had been "hounded".'
    )
    assert [(c.target, c.stance) for c in cs if c.claimant == "mark-drakeford"] == [
        ("paul-hart", Stance.SUPPORT)
    ]


def test_dismissing_the_criticism_defends_the_one_criticised():
    """'dismissed the criticism as "the politics of purity"': for the one attacked before."""
    cs = claims(
        "Paul Hart lost the primary. Mary Dunn accused Hart of arrogance. His spokesman, Dan "
        'Price, dismissed the criticism as "the politics of purity".'
    )
    assert [(c.claimant, c.target, c.stance) for c in cs][-1] == (
        "dan-price",
        "paul-hart",
        Stance.SUPPORT,
    )


def test_right_to_act_outweighs_a_hostile_word_after_it():
    """'Hart had been right to act after "a humiliating night"': for Hart."""
    cs = claims(
        "Paul Hart sacked Jane Moss on Saturday. Lord Barnes said Hart had been right to act "
        'after "a humiliating night".'
    )
    assert [(c.target, c.stance) for c in cs if c.claimant == "lord-barnes"] == [
        ("paul-hart", Stance.SUPPORT)
    ]


def test_a_group_described_after_its_head_still_speaks_through_its_member():
    """'Several MPs from the Socialist Campaign Group, including X, demanded that Y resign'."""
    cs = claims(
        "Several MPs from the Socialist Campaign Group, including Richard Burgon, demanded that "
        "Paul Hart resign."
    )
    assert [(c.claimant, c.target, c.stance) for c in cs] == [
        ("richard-burgon", "paul-hart", Stance.OPPOSE)
    ]


def test_a_negation_stays_with_its_verb():
    """'said she would not stand and backed Y': for Y (the negation is the standing's)."""
    cs = claims("Elisabeth Svantesson said she would not stand and backed Ulf Kristersson.")
    backed = [c for c in cs if c.attributes["cue"] == "backed"]
    assert [(c.target, c.stance) for c in backed] == [("ulf-kristersson", Stance.SUPPORT)]


def test_coordinated_speakers_of_two_cues_get_distinct_ids():
    """'X and Y, ... who fell out with Z, said': every claim id is used once."""
    cs = claims(
        "The rebels, led by Kim Moo-sung and Yoo Seong-min, a one-time aide to Park Geun-hye "
        "who fell out with her in 2015, said they would form a new party."
    )
    assert cs
    assert len({c.id for c in cs}) == len(cs)


def test_ordering_someone_to_step_down_is_a_demand_against_them():
    """'The ANC ordered Zuma to step down': a demand of the party against Zuma."""
    cs = claims(
        "The African National Congress on Tuesday ordered Jacob Zuma to step down as president."
    )
    assert [(c.claimant, c.form, c.target, c.stance) for c in cs] == [
        ("african-national-congress", ClaimForm.DEMAND, "jacob-zuma", Stance.OPPOSE)
    ]
    assert claims("The party ordered an inquiry into the leak.") == []


def test_they_speaks_for_the_group_that_spoke_or_acted_last():
    """'..., including X, had demanded..., and they warned': X; 'They said' after a group."""
    cs = claims(
        "Several backbenchers, including Alan Farrell, had demanded a timetable for his "
        'departure, and they warned that the party could not "drift" under Enda Kenny.'
    )
    assert [(c.claimant, c.target) for c in cs] == [
        ("alan-farrell", "enda-kenny"),
        ("alan-farrell", "enda-kenny"),
    ]
    cs = claims(
        "Members of the Freedom Caucus voted against the bill. They said Kevin McCarthy had "
        '"betrayed" conservatives.'
    )
    assert [(c.claimant, c.target, c.stance) for c in cs] == [
        ("freedom-caucus", "kevin-mccarthy", Stance.OPPOSE)
    ]
    cs = claims(
        "Nick Clegg and Chris Huhne attacked Menzies Campbell on Monday. They said he had "
        '"lost the room".'
    )
    said = [c for c in cs if c.attributes["cue"] == "said"]
    assert sorted((c.claimant, c.target) for c in said) == [
        ("chris-huhne", "menzies-campbell"),
        ("nick-clegg", "menzies-campbell"),
    ]
    assert len({c.id for c in cs}) == len(cs)


def test_they_after_one_person_is_nobody():
    """'Nick Clegg attacked X. They said...': *they* is not Clegg."""
    cs = claims('Nick Clegg attacked Menzies Campbell on Monday. They said he had "lost the room".')
    assert [c.claimant for c in cs] == ["nick-clegg"]


def test_telling_someone_what_to_do_is_pressure_not_praise():
    """'called on him to respect the voters': against him; 'urged him to stay on': for him."""
    cs = claims(
        "Tom Reed defeated Paul Hart in the primary. Sam Ortiz called on him to respect the voters."
    )
    assert [c.stance for c in cs if c.claimant == "sam-ortiz"] == [Stance.OPPOSE]
    cs = claims("Tom Reed defeated Paul Hart in the primary. Sam Ortiz urged him to stay on.")
    assert [c.stance for c in cs if c.claimant == "sam-ortiz"] == [Stance.SUPPORT]


def test_her_is_not_a_man_the_text_calls_he():
    """'Anas Sarwar ... said he was saddened. Ed Miliband thanked her': Lamont, not Sarwar."""
    cs = claims(
        "Johann Lamont resigned as leader on Friday. In an interview, she said colleagues "
        'were "dinosaurs". Her deputy, Anas Sarwar, said he was "saddened" by her departure. '
        "Ed Miliband thanked her for her work."
    )
    assert [(c.target, c.stance) for c in cs if c.claimant == "ed-miliband"] == [
        ("johann-lamont", Stance.SUPPORT)
    ]


def test_acting_on_the_deal_targets_the_one_who_made_it():
    """'refused to back the deal, saying Y...': the maker of the deal named before, not Y."""
    cs = claims(
        "The vote cleared the way for the party's leader, Maxime Verhagen, to complete the "
        "deal. Ad Koppejan refused to back the deal, saying Geert Wilders was divisive. Ernst "
        "Hirsch Ballin criticised the agreement."
    )
    refused = [c for c in cs if c.claimant == "ad-koppejan"]
    assert refused
    assert (refused[0].target, refused[0].stance) == ("maxime-verhagen", Stance.OPPOSE)


def test_every_speaker_listed_after_the_cue_claims():
    """'endorsed by X, Y and Z', '"...," said X and Y': one claim each; an appositive is none."""
    cs = claims("Joe Biden was endorsed by Pete Buttigieg, Amy Klobuchar and Beto O'Rourke.")
    assert sorted(c.claimant for c in cs) == ["amy-klobuchar", "beto-o-rourke", "pete-buttigieg"]
    assert {(c.target, c.stance) for c in cs} == {("joe-biden", Stance.SUPPORT)}
    cs = claims('"He is the man to beat Trump," said Amy Klobuchar and Pete Buttigieg.')
    assert sorted(c.claimant for c in cs) == ["amy-klobuchar", "pete-buttigieg"]
    cs = claims("Bernie Sanders was attacked by Amy Klobuchar, Joe Biden's ally.")
    assert [c.claimant for c in cs] == ["amy-klobuchar"]


def test_the_agents_of_a_participle_aside_do_not_take_the_subject():
    """'Sanders, backed by X and Y, attacked Biden': Sanders attacks."""
    cs = claims(
        "Bernie Sanders, backed by Alexandria Ocasio-Cortez and Ilhan Omar, attacked Joe Biden."
    )
    attacked = [c for c in cs if c.attributes["cue"] == "attacked"]
    assert [(c.claimant, c.target, c.stance) for c in attacked] == [
        ("bernie-sanders", "joe-biden", Stance.OPPOSE)
    ]


def test_the_backing_of_named_people_is_their_endorsement():
    """'won the backing of X and Y': each one's support; 'lost the support of X': X turns."""
    cs = claims("Joe Biden won the backing of Pete Buttigieg and Amy Klobuchar.")
    assert sorted((c.claimant, c.target, c.stance) for c in cs) == [
        ("amy-klobuchar", "joe-biden", Stance.SUPPORT),
        ("pete-buttigieg", "joe-biden", Stance.SUPPORT),
    ]
    cs = claims("Theresa May lost the support of Boris Johnson on Monday.")
    assert [(c.claimant, c.target, c.stance) for c in cs] == [
        ("boris-johnson", "theresa-may", Stance.OPPOSE)
    ]


def test_the_office_holder_is_the_person_the_story_opens_with():
    """'Theresa May survived... Rudd said the prime minister had won': May, not the critic."""
    cs = claims(
        "Theresa May survived a confidence vote on Wednesday. Jacob Rees-Mogg said she should "
        'resign. Amber Rudd said the prime minister had won "decisively". Rees-Mogg said he '
        "was disappointed but accepted the result."
    )
    assert [(c.target, c.stance) for c in cs if c.claimant == "amber-rudd"] == [
        ("theresa-may", Stance.SUPPORT)
    ]


def test_telling_her_to_go_presses_her():
    """'told her to go': against her; 'told her to stay on': for her."""
    cs = claims("Theresa May survived a vote on Wednesday. Boris Johnson told her to go.")
    assert [(c.target, c.stance) for c in cs] == [("theresa-may", Stance.OPPOSE)]
    cs = claims("Theresa May survived a vote on Wednesday. Amber Rudd told her to stay on.")
    assert [(c.target, c.stance) for c in cs] == [("theresa-may", Stance.SUPPORT)]


def test_the_leadership_accused_of_something_is_its_leader():
    """'accused the leadership of ignoring...': the party's leader, not its treasurer."""
    cs = claims(
        "Marta Quiroga resigned as leader of the Socialist Party on Monday after a bad defeat. "
        "The party's treasurer, Pablo Ibarra, had quit days earlier. Luis Ferrer accused the "
        "leadership of ignoring the members."
    )
    assert [(c.target, c.stance) for c in cs if c.claimant == "luis-ferrer"] == [
        ("marta-quiroga", Stance.OPPOSE)
    ]


def test_its_leadership_and_the_partys_scoped_leadership_are_the_leader():
    """'in its leadership', 'the party's national leadership': the leader."""
    text = (
        "Anders Holm, the Labour leader, faced a revolt on Tuesday over the budget plan. "
        "Kari Berg said the defeat had exposed a deep crisis in its leadership."
    )
    assert [(c.target) for c in claims(text) if c.claimant == "kari-berg"] == ["anders-holm"]
    text = (
        "Kari Berg quit as mayor of Bergen on Tuesday, accusing the party's national "
        "leadership of betraying the city. Anders Holm, the Labour leader, rejected the claim."
    )
    assert [(c.target) for c in claims(text) if c.claimant == "kari-berg"] == ["anders-holm"]


def test_a_participle_after_an_act_targets_the_acts_object():
    """'X removed Y as chair, blaming the campaign': Y; 'X quit as leader of P, saying': P."""
    cs = claims(
        "Ana Costa removed Rui Pinto as party chair on Sunday, blaming the campaign for the defeat."
    )
    assert [(c.claimant, c.target, c.stance) for c in cs] == [
        ("ana-costa", "rui-pinto", Stance.OPPOSE)
    ]


def test_dismissing_a_demand_opposes_the_one_who_made_it():
    """'dismissed that demand as...': against the speaker who demanded it."""
    cs = claims(
        "Jan Kowalski resigned on Monday. Several MPs, including Piotr Nowak, called for the "
        'regional party to choose its own candidates. Adam Zielinski dismissed that demand as "a '
        'fantasy".'
    )
    assert [(c.target, c.stance) for c in cs if c.claimant == "adam-zielinski"] == [
        ("piotr-nowak", Stance.OPPOSE)
    ]


def test_a_wrong_done_to_someone_is_said_in_their_defence():
    """'said X had been undermined': for X; 'I have been bullied': the speaker's grievance."""
    cs = claims(
        'Jan Kowalski resigned on Monday. Piotr Nowak said Kowalski had been "undermined from '
        'the start".'
    )
    assert [(c.target, c.stance) for c in cs if c.claimant == "piotr-nowak"] == [
        ("jan-kowalski", Stance.SUPPORT)
    ]
    cs = claims(
        'Jan Kowalski challenged Ewa Lis on Monday. "I have been bullied for months by a '
        'clique," Lis said.'
    )
    assert [(c.target, c.stance) for c in cs if c.claimant == "ewa-lis"] == [
        ("jan-kowalski", Stance.OPPOSE)
    ]


def test_what_those_who_attacked_someone_did_is_no_verdict_on_them():
    """'a message to those who tried to topple him': for him (a quoted verb does not end it)."""
    cs = claims(
        "Jan Kowalski survived the leadership vote on Monday. Ewa Lis called the result "
        '"a clear message to those who tried to topple him".'
    )
    assert [(c.target, c.stance) for c in cs if c.claimant == "ewa-lis"] == [
        ("jan-kowalski", Stance.SUPPORT)
    ]


def test_welcoming_the_announcement_of_an_exit_opposes_the_one_who_goes():
    """'welcomed the announcement' after 'X said he would step down': against X."""
    cs = claims(
        "Lars Berg told his party on Monday that he would step down as leader. Maria Holm, who "
        "had called for a change, welcomed the announcement."
    )
    assert [(c.target, c.stance) for c in cs if c.attributes["cue"] == "welcomed"] == [
        ("lars-berg", Stance.OPPOSE)
    ]


def test_defending_the_decision_after_a_removal_opposes_the_one_removed():
    """'defended the decision' after 'expelled X': against X; 'criticised the decision': for X."""
    text = (
        "The party expelled Tomasz Wrona on Friday. Marek Lis defended the decision. "
        "Anna Nowak criticised the decision."
    )
    cs = claims(text)
    assert sorted((c.claimant, c.target, c.stance) for c in cs) == [
        ("anna-nowak", "tomasz-wrona", Stance.SUPPORT),
        ("marek-lis", "tomasz-wrona", Stance.OPPOSE),
    ]


def test_the_result_of_a_choice_is_no_exit():
    """'the members chose X ... hailed the result': no removal told last, no flip."""
    cs = claims(
        "Lars Berg resigned as leader in June. Months later the members chose Maria Holm as "
        'leader, defeating Per Lund. Nils Dahl hailed the result as "a new beginning".'
    )
    assert [c.stance for c in cs if c.claimant == "nils-dahl"] == [Stance.SUPPORT]


def test_his_rival_is_the_one_named_with_him_last():
    """'Holm won, beating Lund. Lund congratulated his rival': Holm, not the story's lead."""
    cs = claims(
        "Lars Berg resigned as leader in June after a long row. Berg said the party needed a "
        "fresh start. Berg said he was proud of his record. In December, Maria Holm won the "
        "contest, beating Per Lund. Lund congratulated his rival."
    )
    assert [(c.target, c.stance) for c in cs if c.claimant == "per-lund"] == [
        ("maria-holm", Stance.SUPPORT)
    ]


def test_the_objects_of_a_first_verb_do_not_speak_for_the_second():
    """'In a post, he wished X and Y well and warned that...': he warns, not Y."""
    cs = claims(
        "Anna Berg quit the cabinet on Monday. In a post online, she wished Per Lund and Eva "
        'Dahl well and warned that "the purge will fail".'
    )
    assert [c.claimant for c in cs if c.attributes["cue"] == "warned"] == ["anna-berg"]


def test_calling_on_ones_critics_to_do_something_presses_them():
    """'called on his critics to "respect the decision"': against them, whatever 'respect' says."""
    cs = claims(
        "Rui Costa survived a challenge from Ana Lima on Friday. Lima had accused Costa of "
        'weakness. After the vote Costa called on his critics to "respect the decision".'
    )
    assert [(c.target, c.stance) for c in cs if c.attributes["cue"] == "called on"] == [
        ("ana-lima", Stance.OPPOSE)
    ]


def test_urging_someone_to_reconsider_or_to_stop_a_purge_is_for_them():
    """'urged X to reconsider' (going): for X; members told to "stop the purge": for the purged."""
    cs = claims(
        "Bob Livingston said he would resign. Dick Gephardt urged Livingston to reconsider."
    )
    assert [(c.target, c.stance) for c in cs if c.claimant == "dick-gephardt"] == [
        ("bob-livingston", Stance.SUPPORT)
    ]
    cs = claims(
        "Senators removed Samuel Kamau as whip on Monday. Aden Duale urged party members to "
        '"stop the purge".'
    )
    assert [(c.target, c.stance) for c in cs if c.claimant == "aden-duale"] == [
        ("samuel-kamau", Stance.SUPPORT)
    ]


def test_the_leader_we_need_is_praise():
    """'called X "the leader we need"': support; 'not the leader we need': not praise."""
    cs = claims(
        'Jagmeet Singh won the leadership vote. Charlie Angus called Singh "the leader we need".'
    )
    assert [c.stance for c in cs if c.claimant == "charlie-angus"] == [Stance.SUPPORT]
    cs = claims(
        'Jagmeet Singh won the leadership vote. Charlie Angus said Singh was "not the leader '
        'we need".'
    )
    assert [c.stance for c in cs if c.claimant == "charlie-angus"] == [Stance.OPPOSE]


def test_the_new_leadership_is_the_one_who_came_in():
    """'unite behind the new leadership': the person who replaced the old leader."""
    cs = claims(
        "The party ordered Jacob Zuma to step down, ending a feud with the camp of Cyril "
        "Ramaphosa, who replaced him as party leader in December. The Youth League urged "
        'members to "unite behind the new leadership".'
    )
    assert [(c.target, c.stance) for c in cs if c.attributes["cue"] == "urged"] == [
        ("cyril-ramaphosa", Stance.SUPPORT)
    ]


def test_hailing_the_result_of_a_choice_is_for_the_one_chosen():
    """'the members chose X... Y hailed the result': for X, not the outgoing leader."""
    cs = claims(
        "Andrea Nahles resigned as leader in June. Andrea Nahles said she was tired. Months "
        "later the members chose Saskia Esken as leader, defeating Olaf Scholz. Kevin Kühnert "
        'hailed the result as "a new beginning".'
    )
    assert [(c.target, c.stance) for c in cs if c.claimant == "kevin-kühnert"] == [
        ("saskia-esken", Stance.SUPPORT)
    ]


def test_the_opposition_is_the_party_the_story_is_about():
    """'the PM said the opposition was run by sceptics': that party, not its leader."""
    cs = claims(
        "Tony Abbott became leader of the Liberal Party on Tuesday. The Liberal Party has been "
        'split for weeks. Kevin Rudd said the opposition was now "run by climate sceptics".'
    )
    assert [c.target for c in cs if c.claimant == "kevin-rudd"] == ["liberal-party-of-australia"]


def test_a_refused_exit_is_no_exit_and_leaving_is_one():
    """'said he would not step down... hailed the vote': no flip; 'he was leaving': an exit."""
    cs = claims(
        "Julio Cobos voted against the tax on Thursday. Cobos said he would not step down. "
        'Eduardo Buzzi hailed the vote as "a victory".'
    )
    assert [(c.target, c.stance) for c in cs if c.claimant == "eduardo-buzzi"] == [
        ("julio-cobos", Stance.SUPPORT)
    ]
    cs = claims(
        "Andrés López Obrador announced on Sunday that he was leaving the party. Jesús Ortega "
        "welcomed the announcement."
    )
    assert [(c.target, c.stance) for c in cs if c.claimant == "jesús-ortega"] == [
        ("andrés-lópez-obrador", Stance.OPPOSE)
    ]


def test_the_speaker_goes_on_after_an_appositive_participle_or_a_whose_clause():
    """'X, a leader allied with the government, called Y': X; 'X, whose allies had ..., accused'."""
    cs = claims(
        "Julio Cobos voted no. But Luis Delia, a piquetero leader allied with the government, "
        'called Cobos "a traitor".'
    )
    assert [(c.claimant, c.target) for c in cs] == [("luis-delia", "julio-cobos")]
    cs = claims(
        "Jesús Ortega led the party. Senator Dolores Padierna, whose allies had backed Marcelo "
        'Ebrard, accused Ortega of turning the party into "an appendix".'
    )
    assert ("dolores-padierna", "jesús-ortega") in [
        (c.claimant, c.target) for c in cs if c.attributes["cue"] == "accused"
    ]


def test_a_verbs_prepositional_object_does_not_speak_for_the_next_verb():
    """'Ebrard stayed in the PRD but praised X': Ebrard praises, not the party."""
    cs = claims(
        "Andrés López Obrador quit on Sunday. Marcelo Ebrard stayed in the PRD but praised "
        'López Obrador as "a great leader".'
    )
    assert [c.claimant for c in cs if c.attributes["cue"] == "praised"] == ["marcelo-ebrard"]


def test_refusing_to_serve_under_someone_opposes_them():
    """'said he would not stand again under X': against X (not a negated attack)."""
    cs = claims(
        "Morten Messerschmidt was elected leader on Sunday. Søren Espersen said he would not "
        "stand again under Messerschmidt."
    )
    assert [(c.target, c.stance) for c in cs if c.claimant == "søren-espersen"] == [
        ("morten-messerschmidt", Stance.OPPOSE)
    ]


def test_a_demanded_exit_is_no_exit():
    """'said X should resign... hailed the vote': the demand is no resignation to be glad of."""
    cs = claims(
        "Julio Cobos voted against the tax on Thursday. Miguel Pichetto said Cobos should "
        'resign. Eduardo Buzzi hailed the vote as "a victory".'
    )
    assert [(c.target, c.stance) for c in cs if c.claimant == "eduardo-buzzi"] == [
        ("julio-cobos", Stance.SUPPORT)
    ]


def test_the_subject_before_an_appositive_speaks_after_a_prepositional_object():
    """'Ebrard, the mayor of Mexico City, stayed in the PRD but praised X': Ebrard."""
    cs = claims(
        "Andrés López Obrador quit on Sunday. Marcelo Ebrard, the outgoing mayor of Mexico "
        'City, stayed in the PRD but praised López Obrador as "a great leader".'
    )
    assert [c.claimant for c in cs if c.attributes["cue"] == "praised"] == ["marcelo-ebrard"]


def test_her_removal_as_a_clause_subject_is_no_target():
    """'said her removal proved that X...': X, as for 'his removal'."""
    cs = claims(
        "Jarosław Kaczyński expelled Joanna Kluzik on Friday. Paweł Kowal said her removal "
        'proved that Kaczyński "no longer tolerates debate".'
    )
    assert [(c.target, c.stance) for c in cs if c.claimant == "paweł-kowal"] == [
        ("jarosław-kaczyński", Stance.OPPOSE)
    ]


def test_the_victim_of_a_campaign_is_defended():
    """'said he had been the victim of a campaign': for him, not against him."""
    cs = claims(
        "Trond Giske stepped down on Sunday. Marianne Marthinsen said he had been the victim "
        'of "a campaign in the media".'
    )
    assert [(c.target, c.stance) for c in cs if c.claimant == "marianne-marthinsen"] == [
        ("trond-giske", Stance.SUPPORT)
    ]


def test_standing_behind_someone_and_needing_them_is_support():
    """'would stand "shoulder to shoulder" behind X', 'the party "needs his guidance"'."""
    cs = claims(
        "Recep Erdogan met Binali Yildirim on Monday. Yildirim said the party would stand "
        '"shoulder to shoulder" behind Erdogan.'
    )
    assert [(c.target, c.stance) for c in cs if c.claimant == "binali-yildirim"] == [
        ("recep-erdogan", Stance.SUPPORT)
    ]
    cs = claims('Lal Advani resigned on Monday. Rajnath Singh said the party "needs his guidance".')
    assert [(c.target, c.stance) for c in cs if c.claimant == "rajnath-singh"] == [
        ("lal-advani", Stance.SUPPORT)
    ]


def test_the_outgoing_office_holder_is_the_one_leaving():
    """'praised the outgoing prime minister's loyalty': the one who said he would step down."""
    cs = claims(
        "Ahmet Davutoglu announced on Thursday that he would step down as leader, after a feud "
        "with President Recep Erdogan. Erdogan had wanted more power. Erdogan said nothing. "
        'Binali Yildirim praised the outgoing prime minister\'s "loyalty".'
    )
    assert [(c.target, c.stance) for c in cs if c.claimant == "binali-yildirim"] == [
        ("ahmet-davutoglu", Stance.SUPPORT)
    ]


def test_calling_someone_elses_resignation_a_coup_opposes_the_one_named():
    """'called the resignation "a palace coup"' aimed at another than the one who went: against."""
    cs = claims(
        "Ahmet Davutoglu announced on Thursday that he would step down as leader. Kemal "
        'Kilicdaroglu called the resignation "a palace coup" by Recep Erdogan.'
    )
    assert [c.stance for c in cs if c.claimant == "kemal-kilicdaroglu"] == [Stance.OPPOSE]


def test_the_leadership_accused_of_a_quoted_act_is_its_leader():
    """'accused the leadership of "abandoning a comrade"': the leader (quote marks skipped)."""
    cs = claims(
        "Trond Giske stepped down as deputy leader. The party leader, Jonas Store, thanked him. "
        'Bjorn Skjaran accused the leadership of "abandoning a comrade".'
    )
    assert [c.target for c in cs if c.claimant == "bjorn-skjaran"] == ["jonas-store"]


def test_a_person_right_before_the_cue_is_its_subject_after_an_opening_phrase():
    """'In a letter to the party president, Rajnath Singh, Advani wrote': Advani writes."""
    cs = claims(
        "Lal Advani resigned on Monday. In a letter to the party president, Rajnath Singh, "
        'Advani wrote that most leaders were "concerned just with their personal agendas".'
    )
    assert [c.claimant for c in cs if c.attributes["cue"] == "wrote"] == ["lal-advani"]


def test_unnamed_speakers_before_the_cue_do_not_lend_it_an_earlier_name():
    """'X quit as deputy leader of Labour after several young party members accused him': none."""
    cs = claims(
        "Trond Giske stepped down as deputy leader of Norway's Labour Party on Sunday after "
        "several young party members accused him of harassment."
    )
    assert [c for c in cs if c.attributes["cue"] == "accused"] == []


def test_the_party_leadership_is_its_president_when_none_is_leader():
    """'accused the party leadership': the party's president, when no one is called leader."""
    cs = claims(
        "Yvan Mayeur resigned as mayor of Brussels on Thursday. Elio Di Rupo, the party's "
        "president, had demanded it. Benoit Lutgen, an old rival, said nothing. Lutgen left. "
        'Mayeur accused the party leadership of sacrificing him "to save itself".'
    )
    assert [c.target for c in cs if c.attributes["cue"] == "accused"] == ["elio-di-rupo"]


def test_him_is_the_story_opener_who_spoke_last_not_whom_he_spoke_of():
    """'Mayeur resigned... Mayeur accused the leadership. Onkelinx thanked him': Mayeur."""
    cs = claims(
        "Yvan Mayeur resigned as mayor of Brussels on Thursday. Elio Di Rupo, the party "
        "leader, had demanded it. Mayeur accused the party leadership of lying. Laurette "
        "Onkelinx thanked him for his service."
    )
    assert [c.target for c in cs if c.claimant == "laurette-onkelinx"] == ["yvan-mayeur"]


def test_urging_someone_to_reconsider_a_hostile_move_presses_them():
    """'called X's move "a betrayal" and urged him to reconsider': against X (no exit of X's)."""
    cs = claims(
        "Benoit Lutgen announced on Monday that his party would seek new partners. Paul "
        'Magnette called the move "a betrayal" and urged Lutgen to reconsider.'
    )
    assert [c.stance for c in cs if c.attributes["cue"] == "urged"] == [Stance.OPPOSE]


def test_backing_him_after_an_attack_backs_the_attacker():
    """'Sipilä said he could not work with the Finns under X. Orpo backed him': Sipilä."""
    cs = claims(
        "Jussi Halla-aho was elected leader on Saturday. Juha Sipilä said on Monday that his "
        'government could not continue under Halla-aho, citing "different values". Petteri '
        "Orpo backed him."
    )
    assert [c.target for c in cs if c.claimant == "petteri-orpo"] == ["juha-sipilä"]


def test_a_rival_partys_leader_commenting_on_the_fight_targets_the_party():
    """'The Greens leader, X, warned that voters would be angry': the fighting party, not its head."""
    text = (
        "The Labor Party replaced Kevin Rudd with Julia Gillard on Thursday. Gillard won the "
        "vote of Labor MPs unopposed. Rudd said he was proud of his record. The Greens leader, "
        'Bob Brown, warned that voters would be "very angry".'
    )
    cs = claims(text)
    assert [c.target for c in cs if c.claimant == "bob-brown"] == ["australian-labor-party"]


def test_a_rival_partys_leader_speaking_of_him_targets_the_person():
    """'"He has lost control," the Conservative leader X said': the one 'he' is, not the party."""
    text = (
        "The Liberal Party was in turmoil on Monday after Chrystia Freeland quit the cabinet. "
        "Liberal MPs met to discuss the crisis. Justin Trudeau said he would not resign. "
        'Pierre Poilievre, the Conservative leader, spoke. "He has lost control of his own '
        'cabinet," Poilievre said.'
    )
    cs = claims(text)
    targets = [c.target for c in cs if c.claimant == "pierre-poilievre"]
    assert targets
    assert not any("party" in str(t) for t in targets)


def test_calling_expulsions_a_purge_is_against_the_one_who_expelled():
    """'X removed Y and Z... Z called the expulsions "a purge"': against X, not for Y."""
    cs = claims(
        "The Civic Party expelled two of its MPs on Friday. Tomasz Nowak, the party's leader, "
        "removed Anna Lis and Ewa Malinowska after they criticised his strategy. Malinowska "
        'called the expulsions "a purge".'
    )
    got = [(c.target, c.stance) for c in cs if c.attributes["cue"] == "called"]
    assert got == [("tomasz-nowak", Stance.OPPOSE)]


def test_calling_a_sacking_with_no_sacker_a_purge_defends_the_one_sacked():
    """'Y was sacked by the party. Z called the sacking "a purge"': for Y (no remover named)."""
    cs = claims(
        "Anna Lis, a senior MP, was sacked by the party on Friday. Ewa Malinowska called the "
        'sacking "a purge".'
    )
    got = [(c.target, c.stance) for c in cs if c.attributes["cue"] == "called"]
    assert got == [("anna-lis", Stance.SUPPORT)]


def test_the_voters_who_elected_him_are_no_choice_before_a_defended_removal():
    """'... betrayed the people who elected him. Z defended the changes': against the one removed."""
    cs = claims(
        "The party removed Peter Otieno as chief whip on Monday. Otieno said the leader had "
        '"betrayed the people who elected him". Mary Wanjiku defended the changes.'
    )
    got = [(c.target, c.stance) for c in cs if c.claimant == "mary-wanjiku"]
    assert got == [("peter-otieno", Stance.OPPOSE)]


def test_a_person_before_ally_is_no_one_removed():
    """'Jane Achieng, another Otieno ally, was ousted. Z defended the decision': against Achieng."""
    cs = claims(
        "Peter Otieno lost his post on Monday. Jane Achieng, another Otieno ally, was ousted as "
        "whip in the same vote. Mary Wanjiku defended the decision."
    )
    got = [(c.target, c.stance) for c in cs if c.claimant == "mary-wanjiku"]
    assert got == [("jane-achieng", Stance.OPPOSE)]


def test_defending_someone_and_decrying_the_party_targets_the_party():
    """'X defended Y and said the party was "going down a dangerous road"': the party."""
    cs = claims(
        "The Republican Party removed Liz Cheney from her post on Wednesday. Representative "
        "Adam Kinzinger defended Cheney and said the party was going down a dangerous and "
        "shameful road."
    )
    got = [c.target for c in cs if c.attributes["cue"] == "said"]
    assert got == ["republican-party"]


def test_praising_someone_and_saying_the_party_found_its_voice_stays_with_them():
    """'X praised Y's courage and said the party had finally found its voice': still Y."""
    cs = claims(
        "Frauke Petry won the leadership of the Alternative for Germany on Saturday. Her ally "
        'Alexander Gauland praised her "courage" and said the party had finally found its '
        "strength."
    )
    got = [c.target for c in cs if c.claimant == "alexander-gauland"]
    assert got == ["frauke-petry", "frauke-petry"]


def test_refusing_to_abandon_the_reform_is_firm_against_the_rebels():
    """'said he regretted the split but would not abandon the reform': against the rebel."""
    cs = claims(
        "Ichiro Ozawa quit the Democratic Party on Monday with 49 lawmakers. Prime Minister "
        "Yoshihiko Noda said he regretted the split but would not abandon the reform."
    )
    got = [(c.target, c.stance) for c in cs if c.claimant == "yoshihiko-noda"]
    assert got == [("ichiro-ozawa", Stance.OPPOSE)]


def test_party_members_named_by_the_party_are_no_addressee():
    """'urged Jubilee members to "stop the purge"': as 'party members', for the one purged."""
    cs = claims(
        "The Jubilee Party removed Samuel Kamau as whip on Monday. Ruto did not attend the "
        'meeting. Aden Duale urged Jubilee members to "stop the purge" before it split the party.'
    )
    got = [(c.target, c.stance) for c in cs if c.claimant == "aden-duale"]
    assert got == [("samuel-kamau", Stance.SUPPORT)]


def test_the_antecedent_of_a_relative_clause_speaks_not_a_name_inside_it():
    """'Zeman, who has long been at odds with Sobotka, denied...': Zeman speaks."""
    cs = claims(
        "Bohuslav Sobotka accepted the apology. Milos Zeman, who has long been at odds with "
        "Sobotka, denied interfering in the party's affairs."
    )
    assert [c.claimant for c in cs if c.attributes["cue"] == "denied"] == ["milos-zeman"]


def test_serving_under_the_new_leader_who_became_leader_is_support():
    """'X became leader... Y said he would serve loyally under the new leader': for X."""
    cs = claims(
        "Tony Abbott became leader of the Liberal Party on Tuesday after defeating Malcolm "
        "Turnbull by a single vote. Joe Hockey, who lost in the first round, said he would "
        "serve loyally under the new leader."
    )
    got = [(c.claimant, c.target, c.stance) for c in cs if c.attributes["cue"] == "said"]
    assert got == [("joe-hockey", "tony-abbott", Stance.SUPPORT)]


def test_the_new_leader_is_the_one_who_became_leader():
    """'X became leader of the party... Y said he would unite behind the new leader': X."""
    cs = claims(
        "Tony Abbott became leader of the Liberal Party on Tuesday after a week of turmoil. "
        "Malcolm Turnbull had led the party since 2008. Joe Hockey said he would unite behind "
        "the new leader."
    )
    got = [c.target for c in cs if c.claimant == "joe-hockey"]
    assert got == ["tony-abbott"]


def test_the_chairman_is_an_office_read_as_the_story_leader_not_a_head_of_state():
    """'X, the party's leader... President Z... Y said the chairman should step aside': X."""
    cs = claims(
        "The leader of the Czech Social Democrats, Bohuslav Sobotka, survived an attempt to "
        "oust him on Tuesday after the party's first deputy chairman, Michal Hasek, resigned "
        "and apologised for a secret meeting with President Milos Zeman. Hasek and four other "
        "senior Social Democrats had met Zeman at the presidential chateau the night after "
        "the party's disappointing result in Friday's general election. The next morning "
        'Hasek said the chairman should take responsibility for "the worst campaign in our '
        'history" and step aside. Sobotka accepted the apology.'
    )
    said = [c.target for c in cs if c.claimant == "michal-hasek" and c.attributes["cue"] == "said"]
    assert said == ["bohuslav-sobotka"]


def test_the_defectors_are_the_party_their_split_formed():
    """'... broke away to form a new party, the Bareun Party. X warned that the new party...'."""
    cs = claims(
        "Twenty-nine lawmakers quit the Saenuri Party on Tuesday and said they would form a "
        "new conservative party, the Bareun Party, in January. Choo Mi-ae, the leader of the "
        "Democratic Party, warned that the new party would have to prove it was different. "
        'Kim Jin-tae called the defectors "traitors".'
    )
    got = [c.target for c in cs if c.attributes["cue"] in ("warned", "called")]
    assert got == ["bareun-party", "bareun-party"]


def test_the_walkout_that_showed_something_is_no_word_on_the_walkout():
    """'said the walkout showed that the Democrats were "no longer capable"': not the splinter."""
    cs = claims(
        "Fifty lawmakers quit the Democratic Party on Monday and formed a new party, the "
        "Liberal Union. Sadakazu Tanigaki said the walkout showed that the Democrats were no "
        "longer capable of governing."
    )
    assert [c.target for c in cs if c.claimant == "sadakazu-tanigaki"] != ["liberal-union"]
