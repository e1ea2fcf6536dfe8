"""Claims on short French and English sentences, one construction per test, and the corpus."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from extractor import iris
from extractor.claims.extract import extract_claims
from extractor.claims.sentences import sentences, tokens
from extractor.mentions.actors import find_actors
from extractor.nlp.models import load_model
from extractor.records import Claim, Document, Mention
from tests.conftest import ROOT

CORPUS = ROOT / "corpus"


def run(text: str, lang: str = "fr", figures: tuple[tuple[str, str, object, str], ...] = (),
        published: str | None = "2021-06-01") -> tuple[Document, list[Claim]]:
    """Claims of ``text`` with actor mentions from the registry/NER and the figures given
    as (type, surface, value, unit)."""
    document = Document(id="t.txt", path="t.txt", text=text, lang=lang, sha256="",
                        media_type="text/plain", published=published)
    doc = load_model(lang)(text)
    mentions = [Mention(document="t.txt", type=f.type, text=text[f.start:f.end], start=f.start,
                        end=f.end, key=("reg:" + f.key) if f.key else "org:" + text[f.start:f.end],
                        role=f.role, source=f.source) for f in find_actors(doc, lang)]
    for type_, surface, value, unit in figures:
        start = text.index(surface)
        mentions.append(Mention(document="t.txt", type=type_, text=surface, start=start,
                                end=start + len(surface), value=value, unit=unit))
    return document, extract_claims(document, [(0, doc)], mentions)


def only(claims: list[Claim], actor: str) -> Claim:
    found = [c for c in claims if actor.lower() in c.actor.lower()]
    assert len(found) == 1, [(c.actor, c.action) for c in claims]
    return found[0]


def test_subject_past_is_achievement_with_count() -> None:
    _, claims = run("La Ville de Paris a ouvert 60 places d'hébergement en 2021.",
                    figures=(("Quantity", "60 places", 60.0, "place"),))
    c = only(claims, "Ville de Paris")
    assert (c.kind, c.action, c.amount, c.unit, c.factuality) == (
        "achievement", "open", 60.0, "place", "stated")


def test_future_is_commitment_with_money() -> None:
    _, claims = run("L'ARS financera 2 millions d'euros de maraudes en 2022.",
                    figures=(("Money", "2 millions d'euros", 2e6, "EUR"),))
    c = only(claims, "ARS")
    assert (c.kind, c.action, c.amount, c.unit) == ("commitment", "fund", 2e6, "EUR")


def test_passive_agent() -> None:
    _, claims = run("Trois centres d'accueil ont été ouverts par l'ARS en 2020.")
    c = only(claims, "ARS")
    assert (c.kind, c.action) == ("achievement", "open")


def test_unattributed_passive_has_no_claim() -> None:
    assert run("Près de 25 millions d'euros ont été dépensés en trois ans.")[1] == []
    assert run("Almost 25 million euros were spent over three years.", "en")[1] == []


def test_joined_actors_after_par_in_a_bullet_each_get_the_claim() -> None:
    text = ("Différentes mesures ont été prises :\n\n- Renforcement des maraudes par la "
            "préfecture de police, l'ARS et la Ville de Paris ;")
    _, claims = run(text)
    assert sorted(c.actor for c in claims) == ["ARS", "Ville de Paris", "préfecture de police"]
    assert {(c.kind, c.action) for c in claims} == {("achievement", "strengthen")}
    assert all(c.quote.startswith("- Renforcement") for c in claims)


def test_possessive_nominalisation_with_money() -> None:
    _, claims = run("- un effort d'1M€ de la Ville de Paris pour assurer le renfort des maraudes ;",
                    figures=(("Money", "1M€", 1e6, "EUR"),))
    c = only(claims, "Ville de Paris")
    assert (c.action, c.amount, c.kind) == ("commit", 1e6, "commitment")


def test_nominalisation_with_agent_and_amount() -> None:
    _, claims = run("- le financement de 1,3 M€ par l'ARS de l'accompagnement des usagers ;",
                    figures=(("Money", "1,3 M€", 1.3e6, "EUR"),))
    c = only(claims, "ARS")
    assert (c.action, c.amount, c.unit) == ("fund", 1.3e6, "EUR")


def test_quote_with_speaker_after_is_a_statement() -> None:
    text = ("« Ce plan est la première pierre d'un partenariat renforcé avec les associations » "
            "déclare Michel Cadot, préfet de Paris.")
    _, claims = run(text)
    c = only(claims, "Michel Cadot")
    assert (c.kind, c.action) == ("statement", "state")
    assert c.attributed_to == c.actor_id


def test_english_quote_and_speaker() -> None:
    _, claims = run('"The plan was undersized for the number of users," says Christian Martin.',
                    "en")
    c = only(claims, "Christian Martin")
    assert (c.kind, c.action) == ("statement", "state")


def test_selon_marks_a_reported_claim_and_the_source_judges() -> None:
    _, claims = run("Selon la Cour des comptes, la préfecture de police a démantelé 12 camps.",
                    figures=(("Quantity", "12 camps", 12.0, "camp"),))
    c = only(claims, "préfecture de police")
    source = only(claims, "Cour des comptes")
    assert (c.action, c.factuality, c.attributed_to) == ("dismantle", "reported",
                                                          source.actor_id)
    assert (source.kind, source.action) == ("assessment", "assess")


def test_according_to() -> None:
    _, claims = run("According to the CRC, the Police Prefecture arrested 300 dealers.", "en",
                    figures=(("Quantity", "300 dealers", 300.0, "dealer"),))
    c = only(claims, "Police Prefecture")
    assert (c.action, c.factuality, c.amount) == ("arrest", "reported", 300.0)


def test_conditional_is_hedged() -> None:
    _, claims = run("La Ville de Paris aurait financé 3 millions d'euros de travaux.",
                    figures=(("Money", "3 millions d'euros", 3e6, "EUR"),))
    c = only(claims, "Ville de Paris")
    assert (c.action, c.factuality) == ("fund", "hedged")


def test_negation() -> None:
    _, claims = run("La préfecture de police n'a pas ouvert de nouveau centre en 2021.")
    c = only(claims, "préfecture de police")
    assert (c.action, c.negated) == ("open", True)
    _, claims = run("La préfecture de police a ouvert un nouveau centre en 2021.")
    assert only(claims, "préfecture de police").negated is False


def test_auditor_judging_is_an_assessment() -> None:
    _, claims = run("La CRC relève que le plan a produit des résultats inégaux.")
    c = only(claims, "CRC")
    assert (c.kind, c.action) == ("assessment", "note")  # relever: its own act
    _, claims = run("The CRC notes that the plan was undersized.", "en")
    assert only(claims, "CRC").kind == "assessment"


def test_english_future_subject_and_passive_agents() -> None:
    _, claims = run("The City of Paris will open 60 places in 2022.", "en",
                    figures=(("Quantity", "60 places", 60.0, "place"),))
    c = only(claims, "City of Paris")
    assert (c.kind, c.action, c.amount) == ("commitment", "open", 60.0)
    _, claims = run("The pipes were funded by the ARS and the City of Paris.", "en")
    assert sorted((c.actor, c.action, c.kind) for c in claims) == [
        ("ARS", "fund", "achievement"), ("City of Paris", "fund", "achievement")]


def test_reported_action_after_rappeler() -> None:
    _, claims = run("La Ville de Paris a rappelé jeudi avoir soutenu l'ouverture d'un espace.")
    c = only(claims, "Ville de Paris")
    assert (c.action, c.kind) == ("support", "achievement")


def test_record_contract() -> None:
    document, claims = run("L'État et la Ville de Paris renforcent leur mobilisation.")
    assert len(claims) == 2
    for c in claims:
        assert c.quote == document.text[c.start:c.end]
        assert c.id == iris.claim("t.txt", c.start, c.end, c.actor_id and _key(c, claims), c.action)
        assert re.fullmatch(r"#mention-\d+-\d+", c.actor_id)
        assert 0.0 <= c.confidence <= 1.0 and c.date == "2021-06-01"


def _key(c: Claim, claims: list[Claim]) -> str:
    return {"État": "reg:etat", "Ville de Paris": "reg:ville-de-paris"}[c.actor]


@pytest.mark.parametrize("text", ["", "«««", "» par « de", "\n\n- \n- par\n", "x" * 50])
def test_never_raises_on_odd_text(text: str) -> None:
    assert isinstance(run(text)[1], list)


def test_units_cut_bullets_and_glue_page_breaks() -> None:
    text = "Mesures prises :\n- une action ;\n- une autre action traitée par le\n\nparquet."
    doc = load_model("fr")(text)
    toks = tokens([(0, doc)])
    spans = [(s.start_char, s.end_char) for s in doc.sents]
    got = [text[u.start:u.end] for u in sentences(text, spans, toks)]
    assert got == ["Mesures prises :", "- une action ;",
                   "- une autre action traitée par le\n\nparquet."]


@pytest.mark.parametrize("path", [pytest.param(p, id=p.stem) for p in sorted(CORPUS.glob("*.txt"))])
def test_corpus_claims_are_anchored(path: Path) -> None:
    from extractor.build.extract import extract_batch
    from extractor.ingest.documents import read_document
    from extractor.mentions.curation import load_curation

    document = read_document(path, CORPUS)
    result = next(extract_batch([document], load_curation()))
    assert result.claims, "every corpus document makes claims"
    for c in result.claims:
        assert c.quote == document.text[c.start:c.end] and c.quote == c.quote.strip()
        assert c.kind in ("commitment", "achievement", "assessment", "statement")
        assert c.factuality in ("stated", "reported", "hedged")


@pytest.mark.parametrize("lang,text,actors", [
    ("fr", "Le plan est mené de concert avec la Ville de Paris et l'ARS.", {"Ville de Paris", "ARS"}),
    ("en", "The plan was carried out together with the City of Paris.", {"City of Paris"}),
])
def test_co_actors_joined_by_a_partnership_phrase_get_the_claim(lang, text, actors):
    from extractor.mentions.find import extract_mentions
    from extractor.nlp.models import load_model, pieces
    from extractor.records import Document

    doc = Document(id="t.txt", path="t.txt", text=text, lang=lang, sha256="", media_type="text/plain",
                   published="2024-01-01")
    parsed = [(o, load_model(lang)(t)) for o, t in pieces(text)]
    claims = extract_claims(doc, parsed, extract_mentions(doc, parsed))
    assert actors <= {c.actor for c in claims}


@pytest.mark.parametrize(("text", "lang", "figures", "actor", "expected"), [
    ("- le financement de 1,3 M€ par l'ARS de l'accompagnement des usagers ;",
     "fr", (("Money", "1,3 M€", 1.3e6, "EUR"),), "ARS", "accompagnement"),
    ("La Ville de Paris financera 2 millions d'euros de maraudes.",
     "fr", (("Money", "2 millions d'euros", 2e6, "EUR"),), "Ville de Paris",
     "maraudes"),
    ("La Cour des comptes relève que le plan n'a pas été dimensionné pour durer.",
     "fr", (), "Cour des comptes", "le plan n'a pas été dimensionné"),
    ("The Court of Audit recognizes it: the means did not allow enough removals.",
     "en", (), "Court of Audit", "the means did not allow"),
])
def test_object_is_what_is_acted_on_not_a_figure_or_a_word(
        text: str, lang: str, figures: tuple, actor: str, expected: str | None) -> None:
    """The figure of a claim is its own slot: an object that is only the figure gives way
    to the next complement; a clause's "que"/"that" and a pronoun object are not objects."""
    _, claims = run(text, lang=lang, figures=figures)
    found = [c for c in claims if actor.lower() in c.actor.lower()]
    assert found, [(c.actor, c.action) for c in claims]
    # the noun phrase the parse gives: its head words, not necessarily every complement
    assert found[0].object and (found[0].object in expected or expected in found[0].object)


@pytest.mark.parametrize(("text", "person"), [
    ("La directrice générale de l'ARS Ile-de-France, Amélie Verdier, a souligné la montée "
     "en puissance des dispositifs.", "Amélie Verdier"),
    ("Le directeur général de l'ARS, Jean Dupont, a annoncé l'ouverture de 60 places.",
     "Jean Dupont"),
])
def test_person_after_the_organisation_of_their_role_acts_alone(text: str, person: str) -> None:
    """"Le … de l'ARS, Amélie Verdier, a souligné": not a list of two actors; the person
    named in apposition is the subject, the organisation only part of their title."""
    _, claims = run(text)
    assert [c.actor for c in claims] == [person]


def test_a_bare_title_stands_for_the_person_last_named_with_it() -> None:
    """"Le préfet a convenu que …" after "Le préfet de police de Paris, Laurent Nuñez":
    the claim is Laurent Nuñez's, and its quote is the later sentence."""
    text = ("Le préfet de police de Paris, Laurent Nuñez, a dressé jeudi un bilan du plan. "
            "Le préfet a convenu que la solution durable est sanitaire.")
    _, claims = run(text)
    later = [c for c in claims if c.start >= text.index("Le préfet a")]
    assert [(c.actor, c.kind) for c in later] == [("Laurent Nuñez", "statement")]


@pytest.mark.parametrize("second", [
    "Un préfet a convenu que la solution durable est sanitaire.",    # indefinite: no one
    "Le maire a convenu que la solution durable est sanitaire.",     # no one with that title
    "La police a convenu que la solution durable est sanitaire.",    # named in the role, no title
])
def test_a_title_names_no_one_without_its_person(second: str) -> None:
    text = "Le préfet de police de Paris, Laurent Nuñez, a dressé jeudi un bilan du plan. " + second
    _, claims = run(text)
    assert not [c for c in claims if c.start >= text.index(second)]


@pytest.mark.parametrize(("text", "lang", "actor", "action"), [
    ("Sous l'égide de l'ARS, trois centres ont été ouverts en 2021.", "fr", "ARS", "open"),
    ("Trois centres ont été ouverts sous l'autorité de la préfecture de police.", "fr",
     "préfecture de police", "open"),
    ("Under the authority of the CRC, three centres were opened in 2021.", "en", "CRC",
     "open"),
    ("Enfin, sous l'autorité du ministre de la Santé, des dispositifs de sevrage ont été mis "
     "en place.", "fr", "ministre de la Santé", "establish"),   # "mettre en place", one verb
])
def test_under_the_authority_of_an_actor(text: str, lang: str, actor: str, action: str) -> None:
    """"Sous l'autorité de X" / "under the aegis of X" makes X the passive agent, also of
    an action that follows the phrase."""
    _, claims = run(text, lang=lang)
    assert [(c.actor, c.action, c.kind) for c in claims] == [(actor, action, "achievement")]


@pytest.mark.parametrize(("text", "lang", "expected"), [
    ("Jean Dupont a présenté le bilan du plan. Il a annoncé l'ouverture de 60 places.", "fr",
     ["Jean Dupont"]),
    # the subject continues: the pronoun is the actor of the claim before, not its object
    ("Jean Dupont met Marie Durand on Monday. He warned that the plan had failed.", "en",
     ["Jean Dupont"]),
    ("Jean Dupont and Marie Durand met on Monday. He warned that the plan had failed.", "en",
     []),
    ("Jean Dupont a présenté le bilan du plan. Il faut agir vite.", "fr", []),
])
def test_a_pronoun_subject_stands_for_the_one_person_named_before(
        text: str, lang: str, expected: list[str]) -> None:
    """"Il a annoncé" after one named person is that person's claim, and after a claim the
    pronoun continues its one actor; after a claim of two persons, or an impersonal "il
    faut", there is no claim."""
    second = text.split(". ", 1)[1]
    _, claims = run(text, lang=lang)
    assert [c.actor for c in claims if c.start >= text.index(second)] == expected


@pytest.mark.parametrize(("text", "lang", "expected"), [
    ("Le préfet, Jean Dupont, a présenté son bilan. L'objectif a été selon lui atteint avec "
     "la fermeture du dernier camp.", "fr", [("Jean Dupont", "statement")]),
    ("Jean Dupont met the press on Monday. And according to him the plan has largely "
     "failed.", "en", [("Jean Dupont", "statement")]),
    ("Jean Dupont met Marie Durand on Monday. According to her the plan has largely "
     "failed.", "en", []),
    ("Jean Dupont a présenté le bilan. La fermeture du camp reste une victoire pour lui.",
     "fr", []),   # "pour" attributes only when it opens the sentence
    ("Jean Dupont met the residents on Monday. According to them the plan has largely "
     "failed.", "en", []),   # a plural pronoun does not stand for one person
])
def test_selon_lui_is_the_statement_of_the_one_person_named_before(
        text: str, lang: str, expected: list[tuple[str, str]]) -> None:
    """"selon lui" / "according to him" with no actor in the sentence: what it says is the
    statement of the person the pronoun stands for; with two persons named, of no one."""
    second = text.split(". ", 1)[1]
    _, claims = run(text, lang=lang)
    assert [(c.actor, c.kind) for c in claims if c.start >= text.index(second)] == expected


def test_a_sloppy_quotation_does_not_hide_the_next_statement() -> None:
    """“ … » closes at the mismatched mark, and a “ opened again before any close was never
    closed: so "he warns that" after the first quotation is a claim of its own."""
    text = ("Responding to the report, Jean Dupont, the chairman of the association, noted "
            "that “ the report underlines the weakness of the plan ». In addition, he warns "
            "that “ since the epidemic, nothing can be done for users without users. And "
            "according to him “ this blind spot is a major factor in the failure ”.")
    _, claims = run(text, lang="en")
    starts = sorted({c.start for c in claims if c.actor == "Jean Dupont"})
    assert [s for s in starts if s >= text.index("In addition")]
    assert [s for s in starts if s >= text.index("And according")]
    first = min(c.end for c in claims if c.actor == "Jean Dupont")
    assert first <= text.index("In addition")
