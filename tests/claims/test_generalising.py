"""Constructions of news prose found on unseen texts: offices standing for their holder,
pronouns continuing the last actor, promises in any tense, the recent past."""

from __future__ import annotations

import pytest

from tests.claims.test_named_errors import claims_of


def test_office_of_a_person_named_with_it_is_that_person():
    claims = claims_of("Le maire de Grenoble, Éric Piolle, a visité le foyer mardi. "
                       "Le maire de Grenoble a promis l'ouverture de 40 places d'ici juin.")
    promised = [c for c in claims if c.kind == "commitment"]
    assert [c.actor for c in promised] == ["Éric Piolle"]


def test_office_whose_holder_the_document_names_on_its_date_is_the_holder():
    text = ("Emmanuel Macron est attendu lundi à Lille. Le chef de l'État a promis "
            "300 policiers supplémentaires dans la métropole.")
    (claim,) = [c for c in claims_of(text, published="2023-06-26") if c.kind == "commitment"]
    assert claim.actor == "Emmanuel Macron"


def test_holder_out_of_office_on_the_document_date_is_not_the_office():
    text = ("François Hollande was in Lille on Monday. The President of the Republic "
            "announced 300 more police officers for the city.")
    claims = claims_of(text, lang="en", published="2023-06-26")
    assert "François Hollande" not in [c.actor for c in claims if c.action != "state"]


def test_office_never_named_with_a_person_stays_the_body():
    claims = claims_of("Le chef de l'État a promis 300 policiers supplémentaires à Lille.",
                       published="2023-06-26")
    assert [c.actor for c in claims if c.kind == "commitment"] == ["chef de l'État"]


def test_a_pronoun_continues_the_actor_of_the_last_claim_not_a_person_named_as_object():
    text = ("Le ministre a demandé à Sophie Martin un rapport. La préfecture du Var a ouvert "
            "un centre à Toulon.\n\nBilan du mois\n\nDans un communiqué, elle indique avoir "
            "fermé trois squats.")
    (claim,) = [c for c in claims_of(text) if "fermé" in c.quote]
    assert claim.actor == "préfecture du Var"


def test_a_promise_made_in_the_past_is_still_a_commitment_to_its_object():
    text = ("Le préfet du Nord, Bertrand Gaume, est venu à Lille. Il avait par ailleurs promis "
            "un renforcement de la sécurité avec l'arrivée de 300 policiers.")
    (claim,) = [c for c in claims_of(text) if c.actor == "Bertrand Gaume"]
    assert claim.kind == "commitment"


def test_a_recent_past_is_done_even_with_a_later_date_for_its_purpose():
    (claim,) = claims_of("La Ville de Lyon vient d'adopter un plan pour développer les pistes "
                         "cyclables d'ici 2030.", published="2026-01-01")
    assert (claim.kind, claim.action) == ("achievement", "adopt")


@pytest.mark.parametrize(("text", "lang"), [
    ("Selon la préfecture du Nord, le dispositif a permis « une amélioration nette de la "
     "situation des familles ».", "fr"),
    ("“It was money usefully spent”, explained Jean Morel, president of the regional "
     "court of accounts.", "en"),
])
def test_reported_words_that_judge_results_are_an_assessment(text: str, lang: str):
    (claim,) = claims_of(text, lang)
    assert claim.kind == "assessment"


def test_reported_words_without_judgement_stay_a_statement():
    (claim,) = claims_of("“The first aim is the medical care of users”, explained Jean Morel, "
                         "president of the regional court of accounts.", "en")
    assert claim.kind == "statement"


def test_a_pronoun_speaker_continues_the_subject_not_the_person_named_last():
    text = ("Le chef de l'État, Emmanuel Macron, a rencontré les associations, à l'invitation "
            "du maire Benoît Payan. « Nous reviendrons chaque mois dans un autre quartier de "
            "la ville », a-t-il lancé.")
    (claim,) = [c for c in claims_of(text, published="2021-10-15") if "reviendrons" in c.quote]
    assert claim.actor == "Emmanuel Macron"


def test_a_quotation_that_opens_a_sentence_is_spoken_by_the_pronoun_after_it():
    # the verb before the stop is the last quotation's, and its speaker is not the body
    # named before that; "elle" is the one woman named just before
    text = ("La ministre a condamné les incidents où le déplacement du président de la FNSEA "
            "Arnaud Rousseau a été perturbé par la Coordination rurale. \"Il y a eu des "
            "événements regrettables à Agen notamment, où on s'en est pris à un dirigeant\", a "
            "déploré Annie Genevard. \"On ne peut pas tolérer les atteintes aux biens et aux "
            "personnes\", a-t-elle rappelé.")
    (claim,) = [c for c in claims_of(text, published="2024-11-25") if "tolérer" in c.quote]
    assert claim.actor == "Annie Genevard"


def test_a_generic_title_after_a_quotation_is_the_person_named_last():
    text = ("La numéro un de la CFDT Marylise Léon prévient pour sa part : \"Attention, le régime "
            "ne peut pas être une variable d'ajustement !\". \"Une nouvelle réforme est annoncée, "
            "cela ne nous empêchera pas de terminer la négociation en cours\", a ajouté la "
            "leader du premier syndicat français.")
    claims = [c for c in claims_of(text, published="2024-03-28") if "réforme" in c.quote]
    assert {c.actor for c in claims} == {"Marylise Léon"}


@pytest.mark.parametrize(("text", "lang", "action"), [
    ("L'ARS Occitanie a pris l’initiative de mettre en place un bus d’accueil à Toulouse.", "fr",
     "establish"),
    ("The City of Leeds took the decision to close the night shelter.", "en", "close"),
])
def test_a_light_verb_takes_the_action_of_its_noun_clause(text: str, lang: str, action: str):
    (claim,) = claims_of(text, lang)
    assert (claim.action, claim.kind) == (action, "achievement")


@pytest.mark.parametrize(("text", "lang", "actors"), [
    ("On the instructions of Interior Minister Gérald Darmanin, a thousand police officers "
     "have been deployed in the area.", "en", ["Gérald Darmanin"]),
    ("Le centre a été financé par l'ARS Occitanie et par la Ville de Toulouse.", "fr",
     ["ARS Occitanie", "Ville de Toulouse"]),
    ("The centre was funded by the State and by the City of Leeds.", "en",
     ["State", "City of Leeds"]),
])
def test_agents_behind_a_title_or_a_repeated_preposition(text: str, lang: str, actors: list[str]):
    assert sorted(c.actor for c in claims_of(text, lang)) == sorted(actors)


@pytest.mark.parametrize(("text", "lang"), [
    ("The City of Leeds wants to open two night shelters.", "en"),
    ("La Ville de Rennes veut ouvrir deux centres d'accueil de nuit.", "fr"),
])
def test_an_intention_is_a_commitment(text: str, lang: str):
    (claim,) = claims_of(text, lang)
    assert (claim.kind, claim.action) == ("commitment", "open")


@pytest.mark.parametrize(("text", "lang", "actor"), [
    ("Le ministère de l'Intérieur a déployé 800 policiers à Lille. Le ministère a souligné "
     "que l'opération était sans précédent.", "fr", "ministère de l'Intérieur"),
    ("The Interior Ministry deployed 800 officers in Lille. The ministry stressed that the "
     "operation was unprecedented.", "en", "Interior Ministry"),
])
def test_a_bare_definite_head_of_a_body_name_is_that_body(text: str, lang: str, actor: str):
    second = text.split(". ", 1)[1]
    claims = [c for c in claims_of(text, lang) if c.quote.startswith(second[:12])]
    # the body named in full, or the bare head itself, a mention of that body (its key is
    # tested in tests/mentions/test_generalising_entities.py)
    assert claims and {c.actor for c in claims} <= {actor, second.split()[1]}


def test_a_reported_clause_with_its_own_subject_is_the_speaker_statement():
    (claim,) = claims_of("Dr Helen Carter is an addiction specialist in Lyon. She warned that "
                         "crack use in the city had tripled since 2021.", "en",
                         published="2025-02-26")
    assert (claim.actor, claim.kind) == ("Helen Carter", "statement")


@pytest.mark.parametrize(("text", "lang", "expected"), [
    ("La Région Bretagne refuse de financer le nouveau stade de Rennes.", "fr",
     [("Région Bretagne", "statement")]),
    ("Leeds City Council rejects the plan for a new incinerator.", "en",
     [("Leeds City Council", "statement")]),
    ("Leeds City Council budgeted £3 million for cycle lanes in 2025.", "en",
     [("Leeds City Council", "commitment")]),
    ("La Ville de Brest, qui prévoit 4 M€ pour ses écoles d'ici 2028, a lancé un appel "
     "d'offres.", "fr", [("Ville de Brest", "achievement"), ("Ville de Brest", "commitment")]),
])
def test_refusals_budgets_and_relative_clauses(text: str, lang: str,
                                               expected: list[tuple[str, str]]):
    claims = claims_of(text, lang, published="2025-03-01")
    assert sorted((c.actor, c.kind) for c in claims) == expected


@pytest.mark.parametrize(("text", "lang", "actors"), [
    # the bus ("il") is no agency ("l'Agence", feminine)
    ("L’Agence régionale de santé a mis en place un bus d’accueil à Lille. Il a pour mission "
     "d’orienter les usagers vers les soins.", "fr", ["Agence régionale de santé"]),
    ("La préfecture du Nord a fermé le camp. Elle a ouvert 40 places d'hébergement.", "fr",
     ["préfecture du Nord", "préfecture du Nord"]),
    # "he" is a person, never the council
    ("Leeds City Council closed the camp on Monday. He said it was necessary.", "en",
     ["Leeds City Council"]),
])
def test_a_pronoun_stands_for_what_it_agrees_with(text: str, lang: str, actors: list[str]):
    assert [c.actor for c in claims_of(text, lang)] == actors


@pytest.mark.parametrize(("text", "lang"), [
    ("L'association Villes de France constate une hausse des effectifs des polices "
     "municipales.", "fr"),
    ("Médecins du Monde found that 350 people were sleeping rough in Calais in 2024.", "en"),
])
def test_a_finding_is_an_assessment_whoever_makes_it(text: str, lang: str):
    (claim,) = claims_of(text, lang)
    assert (claim.kind, claim.action) == ("assessment", "assess")


@pytest.mark.parametrize(("text", "lang"), [
    ("La Ville de Nantes a signé une convention de 3 M€ avec l'État.", "fr"),
    ("Leeds City Council adopted a £5 million plan for cycle lanes.", "en"),
])
def test_an_act_that_pledges_money_is_done_and_the_money_a_commitment(text: str, lang: str):
    # the State co-signs too (test_inverted_and_cleft): the signing body's claims here
    claims = [c for c in claims_of(text, lang) if c.actor != "État"]
    done = [c for c in claims if c.kind == "achievement"]
    pledged = [c for c in claims if c.kind == "commitment"]
    assert len(done) == 1 and done[0].amount == pledged[0].amount  # the sum signed for
    assert len(pledged) == 1 and pledged[0].action == "fund" and pledged[0].amount


def test_an_infinitive_a_noun_is_for_is_no_action_of_the_subject():
    assert not [c for c in claims_of("Le maire de Rennes, Julien Morvan, sait qu'il a un bilan "
                                     "à défendre.", "fr") if c.action == "defendre"]


@pytest.mark.parametrize(("published", "actor"), [
    ("2023-03-01", "Olivier Klein"), ("2024-03-01", "ministre du Logement")])
def test_a_minister_named_by_office_is_the_holder_on_the_documents_date(published: str,
                                                                        actor: str):
    text = ("Olivier Klein était à Lyon lundi. Le ministre du Logement a annoncé 500 logements "
            "sociaux.")
    claims = [c for c in claims_of(text, "fr", published=published) if "500" in c.quote]
    assert [c.actor for c in claims] == [actor]


@pytest.mark.parametrize(("text", "lang"), [
    ("Bertrand Kern, maire de Pantin, et Karine Franclet, maire d'Aubervilliers, ont déposé "
     "un recours. Les deux édiles déplorent le silence du gouvernement.", "fr"),
    ("Bertrand Kern, mayor of Pantin, and Karine Franclet, mayor of Aubervilliers, filed an "
     "appeal. The two mayors regret the government's silence.", "en"),
])
def test_a_pair_taken_up_after_two_persons_is_each_of_them(text: str, lang: str) -> None:
    later = [c for c in claims_of(text, lang) if c.start > 90]
    assert {(c.actor, c.kind) for c in later} == {("Bertrand Kern", "statement"),
                                                   ("Karine Franclet", "statement")}


def test_two_things_done_are_no_pair_of_persons() -> None:
    text = ("Anne Hidalgo and Jean Castex met on Monday. Two structures of this type have since "
            "been launched, in Strasbourg and in Paris.")
    assert not [c for c in claims_of(text, "en") if "structures" in c.quote]


def test_a_pronoun_after_a_heading_continues_the_main_subject_before_it():
    # the parser ran the paragraphs into one tree, the main verb under the next one
    text = ("Si le locataire de la place Beauvau a demandé à Jean Dupuis de lui présenter, "
            "d'ici la rentrée prochaine, des solutions pour \"lutter contre ce fléau\", la "
            "préfecture de police tire déjà un premier bilan des actions mises en place depuis "
            "l'arrivée de son nouveau dirigeant.\n\n113 interpellations depuis le début du "
            "mois\n\nDans un communiqué, elle indique avoir \"renforcé de façon significative "
            "la présence policière sur les secteurs Auguste-Baron et Stalingrad\".")
    claims = [c for c in claims_of(text, published="2021-09-15") if "renforcé" in c.quote]
    assert [c.actor for c in claims] == ["préfecture de police"]


@pytest.mark.parametrize(("text", "lang", "actor"), [
    ("PARIS, June 26 French Interior Minister Bernard Cazeneuve said on Friday he had launched "
     "legal action against Uber.", "en", "Bernard Cazeneuve"),
    # guard: the French parse never made the dateline a subject
    ("Marseille (AFP) – Le ministre de l'Intérieur Bernard Cazeneuve a lancé une action en "
     "justice contre Uber.", "fr", "Bernard Cazeneuve"),
])
def test_a_dispatch_s_dateline_is_where_it_was_written_not_an_actor(text: str, lang: str,
                                                                    actor: str) -> None:
    assert {c.actor for c in claims_of(text, lang=lang)} == {actor}


@pytest.mark.parametrize(("text", "lang"), [
    ("Le ministère de la Culture n'a pas précisé si les crédits seraient débloqués.", "fr"),
    ("The Culture Ministry did not say whether the funds would be released.", "en"),
    ("The Culture Ministry asked if the region would release the funds.", "en"),
])
def test_an_indirect_question_promises_nothing(text: str, lang: str) -> None:
    claims = claims_of(text, lang)
    assert claims and {c.kind for c in claims} == {"statement"}
    assert not {"release", "allocate"} & {c.action for c in claims}
