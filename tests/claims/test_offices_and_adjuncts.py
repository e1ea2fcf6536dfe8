"""Unnamed office-holders of any body act for it; a name beside a title is the subject the
title is; the press's interviewer is no actor; a title that is the next clause's subject
is no one's role; a capitalised bare title is still a title."""

from __future__ import annotations

import pytest

from tests.claims.test_named_errors import claims_of


@pytest.mark.parametrize(("text", "lang", "expected"), [
    ("La directrice de l'ARS Bretagne a annoncé l'ouverture de 20 lits.", "fr",
     ("ARS Bretagne", "commitment", "open")),
    ("Le président de Rennes Métropole a inauguré la station.", "fr",
     ("Rennes Métropole", "achievement", "inaugurate")),
    ("The director of the Red Cross opened a new shelter on Monday.", "en",
     ("Red Cross", "achievement", "open")),
])
def test_an_unnamed_office_holder_acts_for_the_body(text: str, lang: str,
                                                     expected: tuple[str, str, str]) -> None:
    assert [(c.actor, c.kind, c.action) for c in claims_of(text, lang=lang)] == [expected]


@pytest.mark.parametrize("text", [
    "La directrice de l'ARS Bretagne, Élise Noguera, a annoncé l'ouverture de 20 lits.",
    "Élise Noguera, directrice de l'ARS Bretagne, a annoncé l'ouverture de 20 lits.",
])
def test_a_named_holder_acts_and_the_body_does_not(text: str) -> None:
    assert {c.actor for c in claims_of(text)} == {"Élise Noguera"}


@pytest.mark.parametrize(("text", "lang"), [
    ("Marc Dumas, maire de Vierzon, et Anne Roux, maire de Bourges, étaient présents. Les "
     "maires de Vierzon et de Bourges ont déposé un recours.", "fr"),
    ("Marc Dumas, the mayor of Vierzon, and Anne Roux, the mayor of Bourges, were there. The "
     "mayors of Vierzon and Bourges filed an appeal.", "en"),
])
def test_office_holders_named_at_once_each_act(text: str, lang: str) -> None:
    claims = [c for c in claims_of(text, lang=lang) if "recours" in c.quote or "appeal" in c.quote]
    assert sorted(c.actor for c in claims) == ["Anne Roux", "Marc Dumas"]


def test_an_office_the_document_gave_a_person_is_that_person() -> None:
    text = ("Nathalie Appéré, maire de Rennes et présidente de Rennes Métropole, était là. "
            "La présidente de Rennes Métropole a inauguré la station.")
    claims = [c for c in claims_of(text) if "inauguré" in c.quote]
    assert [c.actor for c in claims] == ["Nathalie Appéré"]


@pytest.mark.parametrize(("text", "lang", "expected"), [
    ("Nathalie Appéré a reçu les élus lundi. La présidente de Rennes Métropole a inauguré la "
     "station.", "fr", "Nathalie Appéré"),
    ("Johanna Rolland met the unions on Monday. The president of Nantes Métropole opened "
     "the new station on Tuesday.", "en", "Johanna Rolland"),
    # the last person named holds another office: the title stays the body's
    ("Élise Noguera, directrice de l'ARS Bretagne, était là. Le président de Rennes Métropole "
     "a inauguré la station.", "fr", "Rennes Métropole"),
])
def test_a_title_after_a_person_given_no_role_is_that_person(text: str, lang: str,
                                                            expected: str) -> None:
    claims = [c for c in claims_of(text, lang=lang) if "station" in c.quote]
    assert [c.actor for c in claims] == [expected]


def test_a_name_set_beside_a_coordinated_title_is_the_subject() -> None:
    text = "Le maire Nathalie Appéré et le préfet ont inauguré la station Sainte-Anne."
    assert ("Nathalie Appéré", "achievement") in {(c.actor, c.kind) for c in claims_of(text)}


@pytest.mark.parametrize(("text", "lang"), [
    ("Interrogé par France Info, le ministre de la Santé a promis de recruter 1 000 "
     "infirmiers.", "fr"),
    ("Interviewed by the BBC, the Health Minister promised to recruit 1,000 nurses.", "en"),
])
def test_the_interviewer_is_no_actor_and_the_subject_acts(text: str, lang: str) -> None:
    claims = claims_of(text, lang=lang)
    assert [(c.kind, c.amount) for c in claims] == [("commitment", 1000)]
    assert all("Info" not in c.actor and "BBC" not in c.actor for c in claims)


def test_a_title_running_into_a_verb_is_no_role_of_the_name_before_it() -> None:
    text = ("France's Interior Minister Gérald Darmanin has promised action. In a letter "
            "addressed to Paris MP Mounir Mahjoubi, the minister said that dealers would be "
            "moved on in the coming days.")
    claims = [c for c in claims_of(text, lang="en") if "letter" in c.quote]
    assert {c.actor for c in claims} == {"Gérald Darmanin"}


def test_a_capitalised_bare_title_is_the_person_named_with_it() -> None:
    text = ("France's Interior Minister Gérald Darmanin has promised action. The Minister "
            "laid some of the blame at the door of City Hall.")
    claims = [c for c in claims_of(text, lang="en") if "blame" in c.quote]
    assert [c.actor for c in claims] == ["Gérald Darmanin"]


@pytest.mark.parametrize(("text", "published", "person"), [
    ("Dans un courrier adressé à Anne Hidalgo, le préfet de police met en garde la maire de "
     "Paris. Didier Lallement se montre sceptique.", "2021-07-01", "Didier Lallement"),
    ("Michel Sapin persiste et signe. Le ministre de l'Économie et des Finances a défendu ce "
     "mercredi 28 septembre le sérieux de son projet de budget pour 2017.", "2016-09-28",
     "Michel Sapin"),
])
def test_an_office_is_the_person_who_held_it_on_the_documents_date(
        text: str, published: str, person: str) -> None:
    actors = {c.actor for c in claims_of(text, published=published)
              if not c.quote.startswith(person)}
    assert actors == {person}


def test_a_quoted_title_of_a_body_is_the_person_named_with_it_by_a_demonstrative() -> None:
    text = ("Didier Migaud honorait devant le Comité des finances locales (CFL) l'invitation "
            "que lui avait lancée le président de cette instance, André Laignel. Son homologue, "
            "Charles-Eric Lemaignen, s'est élevé contre la « stigmatisation des collectivités "
            "locales ». « D'autres ont parlé de pensée unique », a ajouté le président du CFL.")
    claims = [c for c in claims_of(text) if "pensée unique" in c.quote]
    assert {c.actor for c in claims} == {"André Laignel"}


@pytest.mark.parametrize(("text", "lang"), [
    ("Le ministre de l'Intérieur Paul Morel et la ministre de la Culture Sophie Martin ont "
     "visité la prison lundi. Les ministres ont promis des crédits de 3 millions d'euros.", "fr"),
    ("Interior Minister Paul Morel and Culture Minister Sophie Martin visited the prison on "
     "Monday. The ministers promised 3 million euros of new funds.", "en"),
])
def test_a_plural_title_is_the_persons_just_named_with_it(text: str, lang: str) -> None:
    claims = claims_of(text, lang=lang, published="2016-10-10")
    visit = sorted(c.actor for c in claims if c.action == "visit")
    promised = sorted(c.actor for c in claims if "promis" in c.quote)
    assert visit == promised == ["Paul Morel", "Sophie Martin"]


def test_a_qualified_plural_title_is_others() -> None:
    text = ("Le ministre de l'Intérieur Paul Morel et la ministre de la Culture Sophie Martin ont "
            "visité la prison lundi. Les ministres européens ont signé un accord.")
    assert [c for c in claims_of(text, published="2016-10-10") if "européens" in c.quote] == []


@pytest.mark.parametrize(("text", "lang", "person"), [
    ("La pharmacie de Plouisy est fermée. Son maire, Rémy Guillou, a prospecté. La semaine "
     "dernière, l'édile a décidé de poster un message sur Facebook.", "fr", "Rémy Guillou"),
    ("Le texte est signé par Jany Siméon, maire. « On ne s'interdit pas de porter plainte », "
     "a précisé l'édile.", "fr", "Jany Siméon"),
])
def test_a_synonym_of_a_named_holder_s_bare_title_stands_for_the_holder(
        text: str, lang: str, person: str) -> None:
    last = claims_of(text, lang=lang)[-1]
    assert last.actor == person


def test_a_body_named_in_the_titles_of_a_person_is_not_a_speaker_beside_them() -> None:
    """"Président du SIVOM et maire de Dinan, Paul Lebras répond": the titles name the
    holder; the body does not answer with him, even when the grouping joined them."""
    text = ("Le Syndicat intercommunal de Rance-Frémur (SIRF) est endetté. Président du SIRF et "
            "maire EELV de Dinan, Paul Lebras répond à ces observations.")
    second = text.index("Président")
    assert [c.actor for c in claims_of(text) if c.start >= second] == ["Paul Lebras"]
