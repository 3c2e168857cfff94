"""Tests for discourse.parse.events: triggers, names, participants, outcomes."""

from __future__ import annotations

from discourse import Event, EventKind, PartialDate
from discourse.parse.document import prepare
from discourse.parse.events import find_events
from discourse.parse.lexicon import Lexicon
from discourse.parse.mentions import find_mentions


def events(text: str, date: PartialDate | None = None) -> list[Event]:
    doc = prepare(text, source="t")
    lex = Lexicon.default()
    return find_events(doc, find_mentions(doc, lex), lex, date=date)


def test_by_election_is_named_after_its_place():
    """'the Stoke-on-Trent Central by-election' is named with its place."""
    (e,) = events("Labour held on in the Stoke-on-Trent Central by-election.")
    assert e.kind is EventKind.BY_ELECTION
    assert e.name == "Stoke-on-Trent Central by-election"
    assert e.location == "Stoke-on-Trent Central"


def test_party_that_won_is_the_winner():
    """'X won the ... by-election' makes X the winner and the outcome 'X won'."""
    (e,) = events("The Liberal Democrats won the North Shropshire by-election.")
    assert [(p.ref, p.role) for p in e.participants] == [("liberal-democrats", "winner")]
    assert e.outcome is not None
    assert e.outcome.endswith("won")


def test_possessive_defeat_makes_the_party_the_loser():
    """'Labour’s “humiliating” defeat in the Copeland by-election' makes Labour the loser."""
    (e,) = events("After Labour’s “humiliating” defeat in the Copeland by-election, Corbyn stayed.")
    assert [(p.ref, p.role) for p in e.participants] == [("labour-party", "loser")]


def test_leadership_election_takes_the_organization_before_it():
    """'the Unite leadership election' happens in Unite."""
    (e,) = events("Ballots for the Unite leadership election arrived on Monday.")
    assert e.kind is EventKind.LEADERSHIP_ELECTION
    assert e.organization == "unite"


def test_resignation_has_the_subject_as_participant_and_a_date():
    """'X stood down as prime minister in July 2022' is X's resignation in July 2022."""
    (e,) = events("Boris Johnson stood down as prime minister in July 2022.")
    assert e.kind is EventKind.RESIGNATION
    assert [p.ref for p in e.participants] == ["boris-johnson"]
    assert e.start == PartialDate(2022, 7)


def test_hypothetical_resignation_is_not_an_event():
    """'would step aside' and 'called on X to stand down' are not resignations."""
    text = "Surely Corbyn would step aside? Owen Jones called on Jeremy Corbyn to step down."
    assert [e for e in events(text) if e.kind is EventKind.RESIGNATION] == []


def test_demanded_resignation_is_not_an_event():
    """'calls for his resignation' is not a resignation."""
    assert events("Tom Watson renewed calls for his resignation.") == []


def test_passive_suspension_names_subject_and_party():
    """'X was suspended from the Conservative Party' is a suspension of X in that party."""
    (e,) = events("Andrew Bridgen was suspended from the Conservative Party in January.")
    assert e.kind is EventKind.SUSPENSION
    assert ("andrew-bridgen", "subject") in [(p.ref, p.role) for p in e.participants]
    assert e.organization == "conservative-party"


def test_active_expulsion_has_agent_and_subject():
    """'Labour expelled X' makes X the subject and Labour the agent."""
    (e,) = events("Labour expelled Ken Livingstone after a long inquiry.")
    roles = {(p.ref, p.role) for p in e.participants}
    assert roles == {("ken-livingstone", "subject"), ("labour-party", "agent")}


def test_defection_has_defector_and_destination():
    """'X defected to Reform UK' names the defector and the party joined."""
    (e,) = events("Lee Anderson defected to Reform UK last year.")
    assert e.kind is EventKind.DEFECTION
    assert {(p.ref, p.role) for p in e.participants} == {
        ("lee-anderson", "defector"),
        ("reform-uk", "destination"),
    }


def test_no_confidence_vote_is_found_in_both_word_orders():
    """'vote of no confidence' and 'no-confidence vote' are the same kind."""
    found = events("MPs passed a vote of no confidence. A second no-confidence vote failed.")
    assert [e.kind for e in found] == [EventKind.NO_CONFIDENCE_VOTE] * 2


def test_quoted_coup_is_alleged():
    """A coup in quotation marks is flagged as alleged."""
    (e,) = events("John McDonnell warned of a “soft coup” against Jeremy Corbyn.")
    assert e.kind is EventKind.COUP
    assert e.attributes.get("alleged") is True
    assert [p.ref for p in e.participants] == ["jeremy-corbyn"]


def test_described_coup_points_back_to_the_act():
    """A coup 'described as' one also cites the act it names, in an earlier sentence."""
    text = "The group's structures have been abolished. It can only be described as a coup."
    (e,) = events(text)
    assert any("abolished" in (s.text or "") for s in e.evidence)


def test_repeated_named_event_is_one_event_with_two_spans():
    """Two mentions of the Copeland by-election make one event."""
    found = events(
        "The Copeland by-election was lost. After the Copeland by-election, Labour wept."
    )
    assert len(found) == 1
    assert len(found[0].evidence) == 2


def test_verb_split_is_not_an_event():
    """'split the vote' is not a party split."""
    assert events("The Greens split the vote in Brighton.") == []


def test_challenged_for_the_leadership_is_a_challenge_with_roles():
    """'X challenged Y for the Labor leadership' names challenger, target and party."""
    (e,) = events("Kevin Rudd challenged Julia Gillard for the Labor leadership in June 2013.")
    assert e.kind is EventKind.LEADERSHIP_CHALLENGE
    assert {(p.ref, p.role) for p in e.participants} == {
        ("kevin-rudd", "challenger"),
        ("julia-gillard", "target"),
    }
    assert e.organization == "australian-labor-party"


def test_party_that_split_is_the_organization():
    """'Die Linke split in October 2023' is a split of Die Linke."""
    (e,) = events("Die Linke split in October 2023 after a long feud.")
    assert e.kind is EventKind.SPLIT
    assert e.organization == "die-linke"


def test_forced_out_is_a_dismissal():
    """'X was forced out as leader' is X's dismissal."""
    (e,) = events("Pablo Casado was forced out as leader of the Partido Popular.")
    assert e.kind is EventKind.DISMISSAL
    assert e.organization == "partido-popular"


def test_trigger_after_a_name_is_a_verb_whatever_its_tag():
    """'Íñigo Errejón quit Podemos' is a resignation by Errejón."""
    (e,) = events("Íñigo Errejón quit Podemos in 2019.")
    assert [p.ref for p in e.participants] == ["íñigo-errejón"]


def test_active_perfect_is_not_passive():
    """'X has suspended seven Labour MPs' makes X the agent, Labour the organization."""
    (e,) = events("Keir Starmer has suspended seven Labour MPs who rebelled.")
    assert [(p.ref, p.role) for p in e.participants] == [("keir-starmer", "agent")]
    assert e.organization == "labour-party"


def test_risked_split_is_not_an_event():
    """'the party risked a split' reports no split."""
    assert events("The Socialist Campaign Group warned that the party risked a split.") == []


def test_the_noun_refers_back_to_the_reported_event():
    """'criticised the expulsion' adds evidence to the expulsion already found."""
    text = "Moira Deeming was expelled from the party in May. Renee Heath criticised the expulsion."
    (e,) = events(text)
    assert len(e.evidence) == 2


def test_elected_leader_is_a_leadership_election_won_by_the_subject():
    """'X was elected CDU leader' is a CDU leadership election won by X."""
    (e,) = events("Friedrich Merz was elected CDU leader in January 2022.")
    assert e.kind is EventKind.LEADERSHIP_ELECTION
    assert [(p.ref, p.role) for p in e.participants] == [("friedrich-merz", "winner")]
    assert e.organization == "cdu"


def test_pronoun_subject_of_an_event_is_the_sentence_subject():
    """'X won ..., months after he was forced to resign' is X's dismissal."""
    text = "Pedro Sánchez won the primaries, defeating Patxi López, months after he was forced to resign."
    found = [e for e in events(text) if e.kind is EventKind.DISMISSAL]
    assert [p.ref for p in found[0].participants] == ["pedro-sánchez"]


def test_planned_challenge_is_not_an_event():
    """'preparing a leadership challenge' reports no challenge yet."""
    assert (
        events("Allies of Jeremy Corbyn are preparing a leadership challenge against Keir Starmer.")
        == []
    )


def test_possessive_pronoun_before_a_noun_trigger_names_the_subject():
    """'X announced his resignation' is X's resignation."""
    (e,) = events("Tom Watson announced his resignation on Sunday.")
    assert [p.ref for p in e.participants] == ["tom-watson"]


def test_year_before_a_general_election_names_it():
    """'the 2019 general election' is named with its year."""
    (e,) = events("Labour lost the 2019 general election.")
    assert e.name == "2019 general election"


def test_leaving_a_party_is_a_defection_from_it():
    """'X left the Democratic Party' is X's defection from that party."""
    (e,) = events("Kyrsten Sinema left the Democratic Party in December 2022.")
    assert e.kind is EventKind.DEFECTION
    assert e.organization == "democratic-party"
    assert [(p.ref, p.role) for p in e.participants] == [("kyrsten-sinema", "defector")]


def test_survived_no_confidence_vote_targets_the_subject():
    """'Theresa May survived a vote of no confidence' targets Theresa May."""
    (e,) = events("Theresa May survived a vote of no confidence in December 2018.")
    assert [(p.ref, p.role) for p in e.participants] == [("theresa-may", "target")]


def test_two_triggers_of_one_unnamed_event_in_a_sentence_merge():
    """'lost the Liberal leadership ... in a party-room ballot' is one leadership election."""
    found = events(
        "Malcolm Turnbull lost the Liberal leadership to Scott Morrison in a party-room ballot."
    )
    assert [e.kind for e in found] == [EventKind.LEADERSHIP_ELECTION]
    assert ("malcolm-turnbull", "loser") in [(p.ref, p.role) for p in found[0].participants]


def test_passive_agent_after_by_is_found_further_on():
    """'X was sacked from the shadow cabinet by Y' names Y as agent."""
    (e,) = events("Rebecca Long-Bailey was sacked from the shadow cabinet by Keir Starmer.")
    assert ("keir-starmer", "agent") in [(p.ref, p.role) for p in e.participants]


def test_mistagged_verb_trigger_without_subject_is_not_an_event():
    """'The Green Youth's entire executive quit the party' names no person: no resignation."""
    assert events("The Green Youth's entire executive quit the party the following day.") == []


def test_coup_by_someone_names_an_instigator_not_a_target():
    """'a coup, orchestrated by the barons around X' does not make X the target."""
    (e,) = events("It was a coup, orchestrated by the barons around Susana Díaz.")
    assert [(p.ref, p.role) for p in e.participants] == [("susana-díaz", "instigator")]


def test_challenge_to_be_avoided_is_not_an_event():
    """'urged caucus to avoid another leadership spill' reports no spill."""
    assert events("Bill Shorten urged caucus to avoid another damaging leadership spill.") == []


def test_later_mention_of_the_same_persons_resignation_is_the_same_event():
    """'X resigned ... His resignation ...' is one resignation with two spans."""
    (e,) = events("Malcolm Turnbull resigned on Friday. His resignation shocked the Liberals.")
    assert len(e.evidence) == 2


def test_won_the_nomination_is_a_primary_won_by_the_subject():
    """'X won the Republican nomination' is a primary X won."""
    (e,) = events("Donald Trump won the Republican nomination in 2016.")
    assert e.kind is EventKind.PRIMARY
    assert [(p.ref, p.role) for p in e.participants] == [("donald-trump", "winner")]


def test_became_leader_is_a_leadership_election():
    """'X became SPD leader' is an SPD leadership election won by X."""
    (e,) = events("Saskia Esken became SPD leader in December 2019.")
    assert (e.kind, e.organization) == (EventKind.LEADERSHIP_ELECTION, "spd")


def test_stripping_mps_of_the_whip_puts_them_out_with_the_leader_as_agent():
    """'X has stripped 21 Labour MPs of the whip': the leader acts on the party's MPs."""
    (e,) = events("Harold Vane has stripped 21 Labour MPs of the whip.")
    assert e.kind is EventKind.EXPULSION
    assert [(p.ref, p.role) for p in e.participants] == [("harold-vane", "agent")]
    assert e.evidence[0].text == "stripped 21 Labour MPs of the whip"


def test_passive_stripped_of_the_whip_is_a_suspension_of_the_subject():
    """'X was stripped of the whip' is done to X."""
    (e,) = events("Nadia Crewe was stripped of the whip last week.")
    assert e.kind is EventKind.SUSPENSION
    assert [(p.ref, p.role) for p in e.participants] == [("nadia-crewe", "subject")]


def test_announced_future_resignation_is_an_event():
    """'X will stand down' and 'announced she would step down' report resignations."""
    (e,) = events("Nadia Crewe will stand down at the next election.")
    assert e.kind is EventKind.RESIGNATION
    (e2,) = events("Nadia Crewe announced that she would step down in June.")
    assert e2.kind is EventKind.RESIGNATION


def test_conditional_or_negated_future_resignation_is_not_an_event():
    """'would step down if ...' and 'will not stand down' report no resignation."""
    assert events("Nadia Crewe would step down if she lost the vote.") == []
    assert events("Nadia Crewe will not stand down.") == []
    assert events("Critics urged Nadia Crewe to stand down.") == []


def test_membership_ballot_is_a_policy_vote():
    """'a membership ballot on the coalition deal' is a policy vote."""
    (e,) = events("The Greens will hold a membership ballot on the coalition deal.")
    assert e.kind is EventKind.POLICY_VOTE


def test_unnamed_policy_votes_of_one_text_are_one_event():
    """'a membership ballot' ... 'a vote on the coalition': one policy vote (news passages report one)."""
    (e,) = events(
        "Members rejected the deal in a membership ballot. "
        "Turnout in a vote on the coalition was high."
    )
    assert len(e.evidence) == 2


def test_stepping_down_as_party_leader_is_a_resignation_not_a_defection():
    """'step down as Republican leader': the party word modifies the role."""
    (e,) = events("Mitch McConnell announced he would step down as Republican leader.")
    assert e.kind is EventKind.RESIGNATION


def test_quitting_a_party_body_is_a_resignation():
    """'quit the Labour frontbench' leaves a post, not the party."""
    (e,) = events("Jess Phillips quit the Labour frontbench on Wednesday.")
    assert e.kind is EventKind.RESIGNATION
    (e,) = events("Jess Phillips quit the Labour Party on Wednesday.")
    assert e.kind is EventKind.DEFECTION


def test_elected_as_co_leaders_or_unopposed_is_a_leadership_election():
    """'were elected as the new co-leaders', 'was elected unopposed': leadership elections."""
    (e,) = events("Franziska Brantner and Felix Banaszak were elected as the new co-leaders.")
    assert e.kind is EventKind.LEADERSHIP_ELECTION
    (e,) = events("Alberto Núñez Feijóo was elected unopposed at the congress in April.")
    assert e.kind is EventKind.LEADERSHIP_ELECTION


def test_party_leadership_as_a_subject_is_not_an_election():
    """'the party leadership had tried to destroy her': the leaders, not an election."""
    assert events("Isabel Díaz Ayuso said the party leadership had tried to destroy her.") == []


def test_coordinated_resignation_takes_the_sentence_subject():
    """'X led Labor to defeat, and resigned as leader': X resigned."""
    (e,) = [
        e
        for e in events(
            "Kevin Rudd led Labor to a heavy defeat, and resigned as leader days later."
        )
        if e.kind is EventKind.RESIGNATION
    ]
    assert [p.ref for p in e.participants if p.role == "subject"] == ["kevin-rudd"]


def test_resignation_after_an_appositive_has_its_subject():
    """'X, the party's economic spokesman, quit in June': X resigned."""
    evs = events("Toni Roldán, the party's economic spokesman, quit in June.")
    assert [(e.kind, [p.ref for p in e.participants]) for e in evs] == [
        (EventKind.RESIGNATION, ["toni-roldán"])
    ]


def test_winning_the_leadership_primary_is_a_primary():
    """'won the leadership primary': one primary, not a leadership election too."""
    evs = events("Inés Arrimadas won the leadership primary in March.")
    assert [e.kind for e in evs] == [EventKind.PRIMARY]


def test_dismissed_as_is_no_dismissal():
    """'dismissed X as "a showman"' is a criticism, not a sacking."""
    assert events('Damian Green dismissed Lee Anderson as "a showman".') == []


def test_suspended_him_takes_the_person_named_before():
    """'the Conservatives suspended him': a suspension of the person named before."""
    evs = events("Lee Anderson spoke on television. The Conservatives suspended him on Saturday.")
    assert [(e.kind, [p.ref for p in e.participants if p.role == "subject"]) for e in evs] == [
        (EventKind.SUSPENSION, ["lee-anderson"])
    ]


def test_walking_out_of_a_party_is_a_defection():
    """'walked out of the AfD': leaving the party."""
    (e,) = events("Frauke Petry walked out of the AfD in September.")
    assert e.kind is EventKind.DEFECTION


def test_forced_x_out_is_a_dismissal_of_x():
    """'forced X out', 'voted X out': X is removed, the subject is the agent."""
    (e,) = events("Peter Dutton forced Malcolm Turnbull out in August.")
    assert e.kind is EventKind.DISMISSAL
    assert {(p.ref, p.role) for p in e.participants} == {
        ("malcolm-turnbull", "subject"),
        ("peter-dutton", "agent"),
    }
    assert events("Peter Dutton forced Malcolm Turnbull out of the room.") == []


def test_passive_dismissal_after_an_appositive_has_the_person_as_subject():
    """'Éric Ciotti, the leader of Les Républicains, was expelled': Ciotti, not the party."""
    (e,) = events(
        "Éric Ciotti, the leader of Les Républicains, was expelled from the party on Wednesday. "
        "A court later suspended the expulsion."
    )
    assert e.kind is EventKind.EXPULSION
    assert [(p.ref, p.role) for p in e.participants][:1] == [("éric-ciotti", "subject")]
    assert len(e.evidence) == 2


def test_counted_members_resigning_is_a_resignation():
    """'more than 20 members of his shadow cabinet resigned': one event; 'The members
    resigned' (uncounted, maybe a group already reported) is not."""
    es = events(
        "Jeremy Corbyn faced a revolt as more than 20 members of his shadow cabinet resigned."
    )
    assert [e.kind for e in es] == [EventKind.RESIGNATION]
    assert events("The members resigned.") == []


def test_quitting_the_party_is_a_defection_from_the_party_of_the_text():
    """'X quit the party' is a defection from the party the text is about; 'the party's executive' is not the party."""
    text = (
        "The Green Party met on Friday. Anna Berg quit the party on Monday. "
        "Tom Weller resigned from the party's executive."
    )
    got = {(e.kind, e.evidence[0].text) for e in events(text)}
    assert (EventKind.DEFECTION, "quit") in got
    assert (EventKind.RESIGNATION, "resigned") in got
    (d,) = [e for e in events(text) if e.kind is EventKind.DEFECTION]
    assert d.organization == "green-party"
    assert [(p.ref, p.role) for p in d.participants] == [("anna-berg", "defector")]


def test_leaving_the_party_is_a_defection():
    """'X left the party' is a defection even when the party is not named again."""
    (e,) = events("Maria Olsen left the party in March.")
    assert e.kind is EventKind.DEFECTION


def test_lost_leadership_review_is_a_confidence_vote():
    """'lost a leadership review' is a confidence vote in the leader, not a leadership election."""
    (e,) = events("Tom Mulcair lost a leadership review at the party convention.")
    assert e.kind is EventKind.NO_CONFIDENCE_VOTE
    assert e.evidence[0].text == "leadership review"


def test_challenging_a_person_in_a_spill_is_a_leadership_challenge():
    """'X challenged Y, losing a spill motion' is a challenge; 'challenged Y to a debate' is not."""
    (e,) = events(
        "Kevin Andrews unsuccessfully challenged Malcolm Turnbull, losing a spill motion."
    )
    assert e.kind is EventKind.LEADERSHIP_CHALLENGE
    assert ("kevin-andrews", "challenger") in [(p.ref, p.role) for p in e.participants]
    debate = events("Anna Berg challenged Tom Weller to a debate before the caucus vote.")
    assert all(e.kind is not EventKind.LEADERSHIP_CHALLENGE for e in debate)


def test_later_won_names_the_winner_and_losers_of_the_contest():
    """'By December 18 Clegg had won, beating Huhne' gives the earlier leadership election its result."""
    text = (
        "The Liberal Democrats will hold a leadership election. Nick Clegg and Chris Huhne "
        "launched campaigns. By December 18 Clegg had won, beating Huhne by 511 votes."
    )
    (e,) = events(text)
    assert e.kind is EventKind.LEADERSHIP_ELECTION
    assert [(p.ref, p.role) for p in e.participants] == [
        ("nick-clegg", "winner"),
        ("chris-huhne", "loser"),
    ]
    assert e.outcome == "Clegg won"
    assert [s.text for s in e.evidence] == ["leadership election", "won"]


def test_chose_as_leader_is_the_result_of_the_announced_election():
    """'chose X as leader in a ballot, defeating Y' is a leadership election won by X, Y losing."""
    text = (
        "The party must now hold a leadership election. Months later the members chose "
        "Saskia Esken as leader in a ballot, defeating Olaf Scholz."
    )
    (e,) = events(text)
    assert ("saskia-esken", "winner") in [(p.ref, p.role) for p in e.participants]
    assert ("olaf-scholz", "loser") in [(p.ref, p.role) for p in e.participants]
    assert e.evidence[-1].text == "chose Saskia Esken as leader in a ballot"


def test_confirmed_as_leader_is_an_election_but_whoever_they_chose_is_not():
    """'was confirmed as leader' is an election; 'whoever the Nationals chose as leader' is not."""
    (e,) = events("Sebastian Kurz was confirmed as leader by the party's executive on Sunday.")
    assert e.kind is EventKind.LEADERSHIP_ELECTION
    assert [(p.ref, p.role) for p in e.participants] == [("sebastian-kurz", "winner")]
    assert (
        events("Scott Morrison said he would work with whoever the Nationals chose as leader.")
        == []
    )


def test_voted_to_remove_is_a_dismissal():
    """'voted on Wednesday to remove X from her post' was done; 'want to remove X' was not."""
    (e,) = events("House Republicans voted on Wednesday to remove Liz Cheney from her post.")
    assert e.kind is EventKind.DISMISSAL
    assert ("liz-cheney", "subject") in [(p.ref, p.role) for p in e.participants]
    assert events("Some Republicans want to remove Liz Cheney from her post.") == []


def test_announced_not_to_seek_reelection_is_a_resignation():
    """'announced that he would not seek re-election' is an exit; 'did not resign' is not."""
    (e,) = events(
        "Fumio Kishida announced on Wednesday that he would not seek re-election as leader."
    )
    assert e.kind is EventKind.RESIGNATION
    assert [(p.ref, p.role) for p in e.participants] == [("fumio-kishida", "subject")]
    assert events("Fumio Kishida said he would not seek re-election if the party lost.") == []


def test_long_appositive_leaves_the_person_as_subject():
    """'X, one of the party's most senior leaders, quit the party': X defects, not the party."""
    text = (
        "Ghulam Nabi Azad, one of the Congress party's most senior leaders and a member of "
        "its working committee, quit the party on Friday."
    )
    (e,) = events(text)
    assert e.kind is EventKind.DEFECTION
    assert [(p.ref, p.role) for p in e.participants] == [("ghulam-nabi-azad", "defector")]


def test_announcing_that_he_would_resign_is_a_resignation():
    """'stunned colleagues by announcing that he too would resign' announces a resignation."""
    (e,) = events("Bob Livingston stunned colleagues by announcing that he too would resign.")
    assert e.kind is EventKind.RESIGNATION
    assert [(p.ref, p.role) for p in e.participants] == [("bob-livingston", "subject")]


def test_elected_secretary_general_is_a_leadership_election():
    """'was elected secretary general of the Socialist Party' is a leadership election."""
    (e,) = events("José Luis Rodríguez Zapatero was elected secretary general of the party.")
    assert e.kind is EventKind.LEADERSHIP_ELECTION
    assert [(p.ref, p.role) for p in e.participants] == [("josé-luis-rodríguez-zapatero", "winner")]


def test_counted_lawmakers_quitting_a_described_party_defect():
    """'Twenty-nine lawmakers quit South Korea's ruling Saenuri Party' is a defection from it."""
    (e,) = events("Twenty-nine lawmakers quit South Korea's ruling Saenuri Party on Tuesday.")
    assert e.kind is EventKind.DEFECTION
    assert e.organization == "saenuri-party"


def test_breaking_away_to_form_a_group_is_a_split():
    """'eleven MPs who broke away to form the Independent Group' is a split."""
    got = events("Anna Soubry was among eleven MPs who broke away to form the Independent Group.")
    assert [e.kind for e in got] == [EventKind.SPLIT]


def test_expelling_counted_members_is_an_expulsion_by_the_committee():
    """'The National Executive Committee expelled three members' is an expulsion."""
    (e,) = events("The National Executive Committee expelled three members.")
    assert e.kind is EventKind.EXPULSION
    assert [p.role for p in e.participants] == ["agent"]


def test_voted_to_deselect_and_switched_parties():
    """'voted to deselect X' is a deselection; 'switched parties, joining UKIP' a defection."""
    (e,) = events("Local members voted to deselect Jim Smith.")
    assert e.kind is EventKind.DESELECTION
    (e,) = events("Douglas Carswell switched parties, joining UKIP.")
    assert e.kind is EventKind.DEFECTION
    assert ("uk-independence-party", "destination") in [(p.ref, p.role) for p in e.participants]


def test_defeated_to_win_the_leadership_names_winner_and_loser():
    """'X defeated Y to win the Labour leadership': X won, Y lost; 'hoped to win' is no event."""
    (e,) = events("Keir Starmer defeated Rebecca Long-Bailey to win the Labour leadership.")
    assert e.kind is EventKind.LEADERSHIP_ELECTION
    assert [(p.ref, p.role) for p in e.participants] == [
        ("keir-starmer", "winner"),
        ("rebecca-long-bailey", "loser"),
    ]
    assert events("Rebecca Long-Bailey hoped to win the Labour leadership.") == []


def test_replaced_as_leader_names_the_successor_as_winner():
    """'X was replaced as leader by Y': Y won, X is the predecessor."""
    (e,) = events("Nigel Farage was replaced as leader by Paul Nuttall.")
    assert e.kind is EventKind.LEADERSHIP_ELECTION
    assert [(p.ref, p.role) for p in e.participants] == [
        ("paul-nuttall", "winner"),
        ("nigel-farage", "predecessor"),
    ]


def test_ministers_quitting_after_the_leader_resigned_is_another_resignation():
    """'X resigned ... after four of his ministers quit' is two resignations, not one."""
    text = "Vaughan Gething resigned as leader on Tuesday after four of his ministers quit."
    assert [e.evidence[0].text for e in events(text)] == ["resigned", "quit"]


def test_whom_x_had_sacked_is_a_dismissal_of_the_one_named_before():
    """'Hannah Blythyn, whom Gething had sacked in May, said' is Blythyn's dismissal by Gething."""
    text = "Vaughan Gething led the party. Hannah Blythyn, whom Gething had sacked in May, said so."
    (e,) = events(text)
    assert e.kind is EventKind.DISMISSAL
    assert [(p.ref, p.role) for p in e.participants] == [
        ("hannah-blythyn", "subject"),
        ("vaughan-gething", "agent"),
    ]


def test_departure_is_announced_or_from_a_party():
    """'announced his departure' is a resignation; 'said his departure was overdue' is not."""
    (e,) = events("Sean Fraser announced his own departure the same day.")
    assert e.kind is EventKind.RESIGNATION
    assert events("Hannah Blythyn said his departure was long overdue.") == []


def test_members_voting_to_back_a_deal_is_a_policy_vote():
    """'Members of the X voted ... to back a minority government' is a vote inside the party."""
    text = (
        "Members of the Christian Democratic Appeal voted by a two-thirds majority on Saturday "
        "to back a minority government."
    )
    (e,) = events(text)
    assert e.kind is EventKind.POLICY_VOTE
    assert events("Geert Wilders voted to back the budget.") == []


def test_state_election_is_named_after_its_region():
    """'the Bavarian state election' is an election named with its region."""
    (e,) = events("The SPD suffered heavy losses in the Bavarian state election.")
    assert e.kind is EventKind.GENERAL_ELECTION
    assert e.name == "Bavarian state election"


def test_by_election_place_may_contain_and():
    """'the Batley and Spen by-election' keeps its whole place name."""
    (e,) = events("Labour lost the Batley and Spen by-election to the Conservatives.")
    assert e.name == "Batley and Spen by-election"
    assert e.outcome == "Labour defeated"


def test_the_party_split_is_a_split():
    """'The party split in two over Brexit' is a split; 'split the vote' is not."""
    assert [e.kind for e in events("The party split in two over Brexit.")] == [EventKind.SPLIT]
    assert events("The Greens split the vote in Brighton.") == []


def test_office_holder_named_by_role_can_resign_or_be_suspended():
    """'The deputy leader stood down', 'the MP was suspended': events without a named person."""
    assert [e.kind for e in events("The deputy leader stood down on Monday.")] == [
        EventKind.RESIGNATION
    ]
    assert [e.kind for e in events("The MP was suspended for two weeks.")] == [EventKind.SUSPENSION]
    assert events("A deputy leader would never stand down.") == []


def test_month_election_is_a_general_election():
    """'the September election' is a general election; 'the leadership election' is not one."""
    (e,) = events("Labor lost the September election.")
    assert e.kind is EventKind.GENERAL_ELECTION
    assert e.evidence[0].text == "September election"


def test_whole_organ_quitting_the_party_resigns():
    """'Its entire executive board quit the party' is a collective resignation."""
    (e,) = events(
        "The youth wing was furious. Its entire executive board quit the party days later."
    )
    assert e.kind is EventKind.RESIGNATION


def test_walking_out_to_form_a_group_is_a_defection_and_the_defections_repeat_it():
    """'X walked out with sixty lawmakers to form a new group' is a defection; 'the defections'
    later is the same event."""
    text = (
        "Luigi Di Maio walked out with more than sixty lawmakers to form a new group. "
        "Giuseppe Conte played down the defections."
    )
    (e,) = events(text)
    assert e.kind is EventKind.DEFECTION
    assert [s.text for s in e.evidence] == ["walked out", "defections"]


def test_named_party_split_and_counted_mps_expelled():
    """'the ruling PDP-Laban party split into two camps' is a split; 'expelled two of its
    best-known MPs' an expulsion."""
    got = events("The ruling PDP-Laban party split into two camps on Saturday.")
    assert [e.kind for e in got] == [EventKind.SPLIT]
    got = events("Law and Justice expelled two of its best-known MPs on Friday.")
    assert [e.kind for e in got] == [EventKind.EXPULSION]


def test_defeating_a_challenge_from_a_person_is_a_leadership_challenge():
    """'defeating a challenge from Luís Montenegro' is a challenge with its challenger."""
    text = "Rui Rio survived a vote on Friday, defeating a challenge from Luís Montenegro."
    (e,) = [e for e in events(text) if e.kind is EventKind.LEADERSHIP_CHALLENGE]
    assert ("luís-montenegro", "challenger") in [(p.ref, p.role) for p in e.participants]
    assert events("The plan is a challenge for the party.") == []


def test_the_month_may_is_no_modal():
    """'In May Crispin Blunt resigned', 'Theresa May resigned': May is a month or a name,
    not 'may' (a hypothetical)."""
    got = events(
        "In May Crispin Blunt resigned as a shadow minister. Theresa May resigned in June."
    )
    assert [[p.ref for p in e.participants] for e in got] == [["crispin-blunt"], ["theresa-may"]]
    assert events("Crispin Blunt may resign as a shadow minister.") == []


def test_a_verb_after_a_name_in_the_same_sentence_is_another_resignation():
    """'X resigned on Wednesday, a day after Y quit as mayor': two resignations."""
    text = "Mmusi Maimane resigned on Wednesday, a day after Herman Mashaba quit as mayor."
    got = [e for e in events(text) if e.kind is EventKind.RESIGNATION]
    assert [[p.ref for p in e.participants] for e in got] == [["mmusi-maimane"], ["herman-mashaba"]]


def test_a_resignation_in_another_year_is_another_event():
    """'stood aside on Thursday ... In 2012 he resigned from the ministry': two resignations;
    'His resignation' later is the same one."""
    text = (
        "Kevin Rudd stood aside on Thursday. Rudd was later appointed foreign minister. "
        "In 2012 he resigned from the ministry."
    )
    got = events(text)
    assert [[s.text for s in e.evidence] for e in got] == [["stood aside"], ["resigned"]]
    got = events("Kevin Rudd stood aside on Thursday. His resignation shocked the party.")
    assert [[s.text for s in e.evidence] for e in got] == [["stood aside", "resignation"]]


def test_one_unnamed_member_expelled_and_a_chairperson_elected():
    """'the party expelled a councillor' is an expulsion; 'was elected chairperson' a contest."""
    got = events("Two weeks later the party expelled a councillor in Wiltshire.")
    assert [e.kind for e in got] == [EventKind.EXPULSION]
    assert events("The party expelled a motion from the agenda.") == []
    got = events(
        "Helen Zille was elected chairperson of the federal council, defeating Mike Moriarty."
    )
    assert [(p.ref, p.role) for e in got for p in e.participants] == [
        ("helen-zille", "winner"),
        ("mike-moriarty", "loser"),
    ]


def test_a_launched_challenge_and_a_seat_given_up():
    """'The challenge was launched' is a leadership challenge; 'gave up his seat' a resignation."""
    got = events("The challenge was launched late on Wednesday.")
    assert [e.kind for e in got] == [EventKind.LEADERSHIP_CHALLENGE]
    got = events(
        "Manfred Kanther, the former interior minister, gave up his seat in the Bundestag."
    )
    assert [(e.kind, [p.ref for p in e.participants]) for e in got] == [
        (EventKind.RESIGNATION, ["manfred-kanther"])
    ]


def test_leaving_the_party_a_thing_is_no_defection():
    """'accused Kohl of leaving the party "a poisoned legacy"' leaves a thing, not the party."""
    text = 'Wolfgang Schäuble accused Helmut Kohl of leaving the party "a poisoned legacy".'
    assert [e.kind for e in events(text)] == []
    text = "Helmut Kohl left the party on Monday."
    assert [e.kind for e in events(text)] == [EventKind.DEFECTION]
    assert [e.kind for e in events("Helmut Kohl left the party a week later.")] == [
        EventKind.DEFECTION
    ]


def test_elected_in_her_own_right_is_a_career_not_a_contest():
    """'who was elected deputy leader in her own right' tells a career in passing."""
    text = "Angela Rayner, who was elected deputy leader in her own right, was sacked."
    assert [e.kind for e in events(text)] == [EventKind.DISMISSAL]
    text = "Keir Starmer was elected leader in April."
    assert [e.kind for e in events(text)] == [EventKind.LEADERSHIP_ELECTION]


def test_a_person_splitting_from_another_is_a_split():
    """'Angelino Alfano split from Silvio Berlusconi' is a split; 'split the vote' is not."""
    got = events("Angelino Alfano split from Silvio Berlusconi on Friday.")
    assert [e.kind for e in got] == [EventKind.SPLIT]
    assert events("Angelino Alfano split the vote on Friday.") == []


def test_voted_to_expel_or_suspend_a_person():
    """'the Senate voted to expel X' happened; 'threatened to expel X' did not."""
    got = events("On November 27 the Senate voted to expel Silvio Berlusconi.")
    assert [(e.kind, [p.ref for p in e.participants]) for e in got] == [
        (EventKind.EXPULSION, ["silvio-berlusconi"])
    ]
    assert events("The party threatened to expel Silvio Berlusconi.") == []
    got = events("Members voted on Monday to suspend Diane Abbott.")
    assert [e.kind for e in got] == [EventKind.SUSPENSION]


def test_a_verb_after_an_appositive_name_is_verbal():
    """'Their co-leader, Metiria Turei, quit on August 9' is her resignation."""
    text = "The Greens were in turmoil. Their co-leader, Metiria Turei, quit on August 9."
    got = events(text)
    assert [(e.kind, [p.ref for p in e.participants]) for e in got] == [
        (EventKind.RESIGNATION, ["metiria-turei"])
    ]


def test_losing_a_vote_to_a_person_is_a_contest_held_by_the_congress():
    """'X was ousted ..., losing a vote at the party congress to Y': a leadership election
    (the congress is where it was held, no policy vote)."""
    text = (
        "Kemal Kılıçdaroğlu was ousted as chairman on Sunday, losing a vote at the party "
        "congress in Ankara to Özgür Özel."
    )
    kinds = {e.kind for e in events(text)}
    assert EventKind.LEADERSHIP_ELECTION in kinds
    assert EventKind.POLICY_VOTE not in kinds
    text = "The party congress in Ankara voted to leave the coalition."
    assert [e.kind for e in events(text)] == [EventKind.POLICY_VOTE]


def test_joining_the_leader_of_a_split_is_a_defection():
    """After 'X split from Y', 'Z, the leader of the senators, joined X' is a defection;
    without a split 'joined X on stage' is none."""
    text = (
        "Angelino Alfano split from Silvio Berlusconi on Friday. "
        "Renato Schifani, the leader of the senators, joined Alfano."
    )
    got = [e for e in events(text) if e.kind is EventKind.DEFECTION]
    assert [[p.ref for p in e.participants] for e in got] == [["renato-schifani"]]
    text = "Angelino Alfano resigned on Friday. Renato Schifani joined Alfano on stage."
    assert EventKind.DEFECTION not in {e.kind for e in events(text)}


def test_names_in_apposition_to_counted_members_are_the_subject():
    """'X quit, and two of her MPs, Y and Z, had resigned': two resignations."""
    text = (
        "Metiria Turei quit on August 9, and two of her MPs, Kennedy Graham and David "
        "Clendon, had already resigned from the caucus."
    )
    got = [e for e in events(text) if e.kind is EventKind.RESIGNATION]
    assert len(got) == 2
    assert got[1].participants[0].ref == "david-clendon"


def test_primary_challenge_retirement_and_rules_vote():
    """'launched his primary challenge' is a primary (not 'a primary concern'), 'announced his
    retirement' an exit, 'The rules vote' a policy vote."""
    got = events("Edward Kennedy had launched his primary challenge in November.")
    assert [e.kind for e in got] == [EventKind.PRIMARY]
    assert events("Edward Kennedy said jobs were a primary concern.") == []
    got = events("Pierre Trudeau, who announced his retirement in February, praised both men.")
    assert [(e.kind, [p.ref for p in e.participants]) for e in got] == [
        (EventKind.RESIGNATION, ["pierre-trudeau"])
    ]
    got = events("The rules vote, which bound delegates to their candidate, was a defeat.")
    assert [e.kind for e in got] == [EventKind.POLICY_VOTE]


def _kinds(text: str) -> list[tuple[EventKind, list[str]]]:
    return [(e.kind, [p.ref for p in e.participants]) for e in events(text)]


def test_more_ways_of_removing_someone():
    """'was axed from', 'relieved of his duties', 'dropped from the front bench', 'had his
    membership suspended', 'was voted out as leader'; a pledge dropped is no dismissal."""
    assert _kinds("Anna Berg was axed from the shadow cabinet.") == [
        (EventKind.DISMISSAL, ["anna-berg"])
    ]
    assert _kinds("The leader axed Anna Berg on Monday.") == [(EventKind.DISMISSAL, ["anna-berg"])]
    assert _kinds("Anna Berg was relieved of her duties.") == [(EventKind.DISMISSAL, ["anna-berg"])]
    assert _kinds("Anna Berg was dropped from the front bench.") == [
        (EventKind.DISMISSAL, ["anna-berg"])
    ]
    assert _kinds("The pledge was dropped from the manifesto.") == []
    assert _kinds("Anna Berg had her membership suspended.") == [
        (EventKind.SUSPENSION, ["anna-berg"])
    ]
    assert _kinds("Anna Berg was voted out as leader.") == [(EventKind.DISMISSAL, ["anna-berg"])]
    assert _kinds("Anna Berg should be axed, her rivals said.") == []


def test_more_ways_of_leaving_a_post_or_party():
    """'relinquished the leadership', 'retired from politics', 'crossed over to', 'jumped ship',
    'ditched X for Y', 'left to form a new party'; 'refused to relinquish' is no event."""
    assert _kinds("Anna Berg relinquished the leadership on Monday.") == [
        (EventKind.RESIGNATION, ["anna-berg"])
    ]
    assert _kinds("Anna Berg refused to relinquish the leadership.") == []
    assert _kinds("Anna Berg retired from politics in 2005.") == [
        (EventKind.RESIGNATION, ["anna-berg"])
    ]
    for text in (
        "Anna Berg crossed over to the Conservatives.",
        "Anna Berg jumped ship to the Conservatives.",
        "Anna Berg ditched Labour for the Conservatives.",
        "Anna Berg left to form a new party.",
    ):
        got = events(text)
        assert [e.kind for e in got] == [EventKind.DEFECTION], text
        assert got[0].participants[0].ref == "anna-berg", text
    assert _kinds("Anna Berg left to join her family.") == []
    got = events("Eleven MPs left to form the Independent Group.")
    assert [e.kind for e in got] == [EventKind.DEFECTION]


def test_more_ways_of_becoming_leader():
    """'was crowned/named leader', 'was voted in as leader', 'took over as leader', 'MPs voted no
    confidence in X', 'a bid to oust X', 'the party splintered'; expected ones are no events."""
    for text in (
        "Anna Berg was crowned leader after her rival withdrew.",
        "Anna Berg was named the new leader.",
        "Anna Berg was voted in as leader.",
        "Anna Berg took over as leader in May.",
    ):
        assert _kinds(text) == [(EventKind.LEADERSHIP_ELECTION, ["anna-berg"])], text
    assert _kinds("A hall was named after the former leader.") == []
    assert _kinds("Anna Berg is expected to be crowned leader.") == []
    assert _kinds("Anna Berg would be voted in as leader.") == []
    got = events("MPs voted no confidence in Anna Berg on Monday.")
    assert [e.kind for e in got] == [EventKind.NO_CONFIDENCE_VOTE]
    got = events("Carl Holm launched a bid to oust Anna Berg.")
    assert [e.kind for e in got] == [EventKind.LEADERSHIP_CHALLENGE]
    got = events("The Labour Party splintered over Europe.")
    assert [e.kind for e in got] == [EventKind.SPLIT]


def test_participle_after_was_and_gerund_after_possessive():
    """'was ousted as leader' (an adjective-tagged participle) is a dismissal, 'John Smith's
    sacking' a noun with its owner as subject, 'was resigned to defeat' no resignation."""
    assert _kinds("Anna Berg was ousted as leader.") == [(EventKind.DISMISSAL, ["anna-berg"])]
    assert _kinds("Anna Berg's sacking angered the left.") == [(EventKind.DISMISSAL, ["anna-berg"])]
    assert _kinds("Anna Berg was resigned to defeat.") == []


def test_forced_exits_leaving_politics_and_mergers():
    """'forced to step down', 'forced from office', 'unseated as leader', 'stripped of the party
    whip', 'excluded from the party', 'vacated the leadership', 'was leaving politics', 'the
    two parties merged'; a threat to leave politics is no event."""
    assert _kinds("Anna Berg was forced to step down as leader.") == [
        (EventKind.DISMISSAL, ["anna-berg"])
    ]
    assert _kinds("Anna Berg was forced from office in 2010.") == [
        (EventKind.DISMISSAL, ["anna-berg"])
    ]
    assert _kinds("Anna Berg was unseated as leader.") == [(EventKind.DISMISSAL, ["anna-berg"])]
    assert _kinds("Anna Berg was stripped of the party whip.") == [
        (EventKind.SUSPENSION, ["anna-berg"])
    ]
    assert _kinds("Anna Berg was excluded from the party.") == [
        (EventKind.EXPULSION, ["anna-berg"])
    ]
    assert _kinds("Anna Berg vacated the leadership in May.") == [
        (EventKind.RESIGNATION, ["anna-berg"])
    ]
    assert _kinds("Anna Berg announced she was leaving politics.") == [
        (EventKind.RESIGNATION, ["anna-berg"])
    ]
    assert _kinds("Anna Berg threatened to leave politics.") == []
    assert [e.kind for e in events("The two parties merged in 1988.")] == [EventKind.MERGER]


def test_beat_to_become_leader_and_called_a_spill():
    """'X defeated Y to become leader' names winner and loser; 'called a leadership spill' is
    held, 'called for a leadership spill' only asked for."""
    assert _kinds("Anna Berg defeated Carl Holm to become leader.") == [
        (EventKind.LEADERSHIP_ELECTION, ["anna-berg", "carl-holm"])
    ]
    assert _kinds("Anna Berg hoped to defeat Carl Holm to become leader.") == []
    got = events("Anna Berg called a leadership spill on Monday.")
    assert [e.kind for e in got] == [EventKind.LEADERSHIP_CHALLENGE]
    assert events("Labor MPs called for a leadership spill on Monday.") == []


def test_denied_ruled_out_and_attempted_events_are_none():
    """'ruled out defecting', 'denied quitting' and 'survived a deselection attempt' report no
    event; 'contested the leadership' and 'lost the party-room vote' are leadership contests."""
    assert events("Anna Berg ruled out defecting to the Conservatives.") == []
    assert events("Anna Berg denied quitting the party.") == []
    assert events("Anna Berg survived a deselection attempt.") == []
    got = events("Anna Berg contested the leadership in 2015.")
    assert [e.kind for e in got] == [EventKind.LEADERSHIP_ELECTION]
    assert _kinds("Anna Berg lost the party-room vote.") == [
        (EventKind.LEADERSHIP_ELECTION, ["anna-berg"])
    ]


def test_interim_leader_is_not_the_contest_that_follows():
    """'X, the house leader, was chosen as interim leader' (the appositive's head wins), and 'the
    leadership race' after it is a new contest; 'Y, a former minister, won the leadership'."""
    text = (
        "Louise Harel, the party's house leader, was chosen as interim leader on Monday. "
        "Seven candidates entered the leadership race. André Boisclair, a former minister, won "
        "the leadership in November. Pauline Marois was acclaimed as leader in June."
    )
    got = events(text)
    assert [e.kind for e in got] == [EventKind.LEADERSHIP_ELECTION] * 3
    assert [[(p.ref, p.role) for p in e.participants] for e in got] == [
        [("louise-harel", "winner")],
        [("andré-boisclair", "winner")],
        [("pauline-marois", "winner")],
    ]


def test_motion_of_confidence_retirement_and_quoted_nouns():
    """'a motion of confidence', 'announced their retirement from politics'; 'accused X of "a
    reshuffle by resignation"' quotes a word and reports no resignation."""
    got = events("Anna Berg survived a motion of confidence in her leadership on Tuesday.")
    assert [e.kind for e in got] == [EventKind.NO_CONFIDENCE_VOTE]
    got = events("Carl Holm and Dag Lind announced their retirement from politics.")
    assert [e.kind for e in got] == [EventKind.RESIGNATION]
    assert events('The Greens accused Anna Berg of "a reshuffle by resignation".') == []


def test_membership_revoked_dropped_as_candidate_and_ousted_at_the_polls():
    """'stripped of his membership' and 'X's membership was revoked' are expulsions, 'dropped as
    the party's candidate' a deselection, 'tore up his membership card' a defection, 'forced to
    step aside' a dismissal; 'ousted in a primary' is a primary, not a dismissal."""
    assert _kinds("Carl Holm was stripped of his membership.") == [
        (EventKind.EXPULSION, ["carl-holm"])
    ]
    assert _kinds("Carl Holm's membership was revoked.") == [(EventKind.EXPULSION, ["carl-holm"])]
    assert _kinds("Carl Holm was dropped as the party's candidate for Leeds.") == [
        (EventKind.DESELECTION, ["carl-holm"])
    ]
    assert _kinds("Carl Holm tore up his membership card.") == [
        (EventKind.DEFECTION, ["carl-holm"])
    ]
    assert _kinds("Carl Holm was forced to step aside.") == [(EventKind.DISMISSAL, ["carl-holm"])]
    assert [e.kind for e in events("Carl Holm was ousted in a primary by Anna Berg.")] == [
        EventKind.PRIMARY
    ]
    assert [e.kind for e in events("Carl Holm was ousted in the general election.")] == [
        EventKind.GENERAL_ELECTION
    ]


def test_walking_out_of_the_party_and_a_party_replacing_its_candidate():
    """'walked out of the party' is a defection, 'walked out of the party meeting' no event;
    'survived an attempt to oust her' a challenge; 'the party replaced X as its candidate' a
    dismissal of X by the party."""
    got = events("Twenty MPs walked out of the party on Monday.")
    assert [e.kind for e in got] == [EventKind.DEFECTION]
    assert events("Anna Berg walked out of the party meeting.") == []
    got = events("Anna Berg survived an attempt to oust her.")
    assert [e.kind for e in got] == [EventKind.LEADERSHIP_CHALLENGE]
    assert _kinds("The Labour Party replaced Anna Berg as its candidate on Saturday.") == [
        (EventKind.DISMISSAL, ["anna-berg", "labour-party"])
    ]


def test_voted_to_remove_and_appointed_leader():
    """'The executive voted to remove X as leader' (with 'voted' mistagged after 'executive'),
    'The MPs voted to oust X' are dismissals; 'was appointed party leader', 'was elevated to the
    leadership' and 'took the helm' new leaders."""
    assert _kinds("The executive voted to remove Anna Berg as leader.") == [
        (EventKind.DISMISSAL, ["anna-berg"])
    ]
    assert _kinds("The MPs voted to oust Anna Berg.") == [(EventKind.DISMISSAL, ["anna-berg"])]
    assert _kinds("The MPs refused to oust Anna Berg.") == []
    assert _kinds("Anna Berg was appointed party leader on Monday.") == [
        (EventKind.LEADERSHIP_ELECTION, ["anna-berg"])
    ]
    for text in (
        "Anna Berg was elevated to the leadership on Monday.",
        "Anna Berg took the helm of the party in 2015.",
    ):
        assert [e.kind for e in events(text)] == [EventKind.LEADERSHIP_ELECTION], text


def test_headline_passive_without_was():
    """A headline's 'X sacked as shadow chancellor' is done to X (no 'was' needed)."""
    assert _kinds("Carl Holm sacked as shadow chancellor.") == [
        (EventKind.DISMISSAL, ["carl-holm"])
    ]


def test_a_party_that_broke_apart_or_fractured_split():
    """'The party broke apart/fractured over X' is a split; 'The talks broke apart' is not."""
    for text in ("The party broke apart over Brexit.", "The party fractured over the leadership."):
        assert [e.kind for e in events(text)] == [EventKind.SPLIT], text
    assert events("The talks broke apart on Monday.") == []


def test_one_word_tells_one_event_and_ids_stay_unique():
    """'Labour members voted no confidence in ...' is a confidence vote only (not also a policy
    vote from the same 'voted'), and parsing it does not give two events one id."""
    got = events("Labour members voted no confidence in the deal to back Anna Berg.")
    assert [e.kind for e in got] == [EventKind.NO_CONFIDENCE_VOTE]
    assert len({e.id for e in got}) == len(got)
