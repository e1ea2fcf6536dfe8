"""Session 21's constructions: a reported passive with no agent is the speaker's words, not
the speaker's act; a list whose preposition comes again after a comma joins its bodies; an
act noun no list names is read through its verb where a "par"/"by" agent marks it."""

from __future__ import annotations

import pytest

from tests.claims.test_named_errors import claims_of


@pytest.mark.parametrize(("text", "lang"), [
    ("Camille Rivet ajoute que 92 % des logements anciens ont été rénovés.", "fr"),
    ("Camille Rivet a confirmé qu'un grand nombre de radars avaient été détruits.", "fr"),
    ("Camille Rivet added that 300 flats had been renovated.", "en"),
])
def test_a_reported_passive_without_agent_is_the_speakers_words(text: str, lang: str) -> None:
    assert [(c.actor, c.kind) for c in claims_of(text, lang=lang)] == [
        ("Camille Rivet", "statement")]


def test_the_speakers_own_past_act_is_still_hers() -> None:
    found = claims_of("Dans un communiqué, la Ville de Brest indique avoir renforcé la "
                      "présence des médiateurs.")
    assert [(c.actor, c.kind, c.action) for c in found] == [
        ("Ville de Brest", "achievement", "strengthen")]


def test_a_list_repeating_its_preposition_after_a_comma_joins_its_bodies() -> None:
    found = claims_of("Les ministres de l'Intérieur, de la Culture et des Sports ont signé "
                      "la charte le 4 mai.")
    assert sorted(c.actor for c in found) == ["Culture", "Sports", "ministres de l'Intérieur"]
    assert {c.action for c in found} == {"sign"}


def test_a_persons_affiliation_after_a_comma_does_not_act() -> None:
    found = claims_of("Camille Rivet, de la CFDT, a signé la charte.")
    assert [c.actor for c in found] == ["Camille Rivet"]


@pytest.mark.parametrize(("text", "lang", "actor"), [
    ("Une instruction fait suite à la présentation d'une nouvelle stratégie par Camille "
     "Rivet en octobre.", "fr", "Camille Rivet"),
    ("Le maire a salué la présentation du projet par Camille Rivet, vice-présidente de la "
     "Région.", "fr", "Camille Rivet"),
    ("The presentation of the plan by Brest Métropole took place on Monday.", "en",
     "Brest Métropole"),
])
def test_an_act_noun_with_an_agent_is_read_through_its_verb(text: str, lang: str,
                                                             actor: str) -> None:
    found = claims_of(text, lang=lang)
    assert [(c.actor, c.action) for c in found if c.actor == actor] == [(actor, "present")]


def test_the_subject_after_a_fronted_partner_phrase_acts() -> None:
    found = claims_of("Le Crous de Brest gère les résidences. Depuis 10 ans, avec l'aide de la "
                      "Région Bretagne, le Crous a construit 4 000 logements étudiants.")
    assert ("Crous", "achievement", "build") in [(c.actor, c.kind, c.action) for c in found]


def test_a_list_of_partners_after_avec_still_signs() -> None:
    found = claims_of("La Ville de Brest a signé une convention avec la Préfecture du "
                      "Finistère, Action Logement et la CAF du Finistère.")
    assert {"Préfecture du Finistère", "Action Logement", "CAF du Finistère"} <= {
        c.actor for c in found if c.action == "sign"}


@pytest.mark.parametrize(("first", "second", "lang", "actors"), [
    ("Les ministres de l'Intérieur, de la Culture et des Sports ont adressé une instruction "
     "aux préfets.", "Les ministres demandent aux préfets d'actualiser la liste des communes.",
     "fr", {"ministres de l'Intérieur", "Culture", "Sports"}),
    ("Les maires de Vierzon et de Bourges ont déposé un recours.",
     "Les maires déplorent le silence de l'État.", "fr", {"maires de Vierzon", "Bourges"}),
    ("The mayors of Vierzon and Bourges filed an appeal.",
     "The mayors regret the silence of the State.", "en", {"mayors of Vierzon", "Bourges"}),
])
def test_a_plural_title_takes_up_the_offices_it_listed(first: str, second: str, lang: str,
                                                       actors: set[str]) -> None:
    found = claims_of(f"{first} {second}", lang=lang)
    assert {c.actor for c in found if c.quote == second} == actors


@pytest.mark.parametrize(("text", "lang"), [
    ("Camille Rivet se dit choquée de l'ampleur des nouveaux retards.", "fr"),
    ("Le préfet Paul Dupont se montre favorable à l'ouverture du centre.", "fr"),
    ("Camille Rivet est favorable au projet de la Ville.", "fr"),
    ("Camille Rivet is surprised that the works are late.", "en"),
])
def test_a_feeling_stated_of_oneself_is_a_statement(text: str, lang: str) -> None:
    assert [c.kind for c in claims_of(text, lang=lang)] == ["statement"]


def test_a_copular_adjective_readies_the_act_it_governs() -> None:
    found = claims_of("Camille Rivet est prête à financer le projet de la Ville.")
    assert [(c.actor, c.kind, c.action) for c in found] == [
        ("Camille Rivet", "commitment", "fund")]


@pytest.mark.parametrize(("text", "lang", "action"), [
    ("Le projet de loi a été lancé par l'ancien Premier ministre Camille Rivet.", "fr", "launch"),
    ("Le dispositif a été mis en place par le Premier ministre Camille Rivet.", "fr",
     "establish"),
    ("Le projet avait été mis sur les rails par la présidente Camille Rivet.", "fr", "launch"),
    ("The bill was launched by former Prime Minister Camille Rivet.", "en", "launch"),
])
def test_a_titled_agent_of_a_passive_acts(text: str, lang: str, action: str) -> None:
    assert [(c.actor, c.kind, c.action) for c in claims_of(text, lang=lang)] == [
        ("Camille Rivet", "achievement", action)]


def test_an_english_phrasal_verb_names_its_action() -> None:
    found = claims_of("Brest Métropole rolled out 300 new bikes.", lang="en")
    assert [(c.actor, c.action) for c in found] == [("Brest Métropole", "deploy")]


@pytest.mark.parametrize(("text", "lang"), [
    ("Several charities, including Emmaüs and Secours Populaire, denounced the closure.", "en"),
    ("Des associations, notamment Emmaüs et le Secours populaire, dénoncent la fermeture.",
     "fr"),
])
def test_the_names_a_plural_subject_includes_act(text: str, lang: str) -> None:
    found = claims_of(text, lang=lang)
    assert sorted(c.actor for c in found) == sorted(
        ["Emmaüs", "Secours Populaire" if lang == "en" else "Secours populaire"])
    assert {c.kind for c in found} == {"statement"}


def test_an_office_reference_before_an_infinitive_is_the_body() -> None:
    found = claims_of("À Lyon, la décision du préfet de fermer le camp a été contestée.")
    assert [(c.actor, c.action) for c in found] == [("préfet", "close")]


@pytest.mark.parametrize(("text", "action"), [
    ("Brest Métropole shut down two shelters.", "close"),
    ("Brest Métropole scaled back its bus service.", "reduce"),
    ("Brest Métropole stepped up its controls.", "strengthen"),
])
def test_english_phrasal_verbs_name_their_class(text: str, action: str) -> None:
    assert [c.action for c in claims_of(text, lang="en")] == [action]


def test_a_reported_phrasal_passive_names_its_action() -> None:
    found = claims_of("Camille Rivet a indiqué qu'un dispositif de financement serait mis en "
                      "place.")
    assert [(c.kind, c.action) for c in found] == [("commitment", "establish")]


@pytest.mark.parametrize(("text", "lang"), [
    ("Le budget sera réduit de 5 milliards d'euros, selon une source à Bercy.", "fr"),
    ("The budget will be cut by €5 billion, according to a source at Bercy.", "en"),
])
def test_a_source_at_a_bodys_seat_cites_the_body(text: str, lang: str) -> None:
    assert [c.actor for c in claims_of(text, lang=lang)] == ["Bercy"]


def test_an_office_stands_for_the_person_its_place_is_bracketed_with() -> None:
    found = claims_of("Les maires de Vierzon et de Bourges ont déposé un recours. « Nous "
                      "irons en justice », ont écrit Camille Rivet (Vierzon, PS) et Paul Martin "
                      "(Bourges, LR).")
    assert {c.actor for c in found if c.action == "file"} == {"Camille Rivet", "Paul Martin"}


def test_a_bracket_without_the_offices_place_names_no_holder() -> None:
    found = claims_of("Les maires de Vierzon et de Bourges ont déposé un recours. Camille "
                      "Rivet (PS) a réagi.")
    assert "Camille Rivet" not in {c.actor for c in found if c.action == "file"}


@pytest.mark.parametrize("text", [
    "France to spend €1 billion on new prisons",
    "Brest Métropole to open 20 new schools",
])
def test_a_headlines_infinitive_is_a_commitment(text: str) -> None:
    assert [c.kind for c in claims_of(text, lang="en")] == ["commitment"]


@pytest.mark.parametrize("text", [
    "Le co-financement de la Région Bretagne atteint 20 millions d'euros.",
    "À ce montant s'ajoute le co-financement de la Région Bretagne, à hauteur de 20 "
    "millions d'euros.",
])
def test_a_prefix_written_with_its_hyphen_is_the_act_noun(text: str) -> None:
    # "co-financement" is "cofinancement": the lexicon's word, written with a hyphen
    assert [(c.actor, c.action) for c in claims_of(text)] == [("Région Bretagne", "fund")]
