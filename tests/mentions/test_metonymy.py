"""A place named for its government: the subject of a government's act is its council."""

from __future__ import annotations

import hashlib

import pytest

from extractor.build.extract import extract_batch
from extractor.mentions.find import extract_mentions
from extractor.nlp.models import parse_batch
from extractor.records import Document, Mention
from tests.claims.test_named_errors import claims_of


def _mentions(text: str, lang: str) -> list[Mention]:
    doc = Document(id="t.txt", path="t.txt", text=text, lang=lang,
                   sha256=hashlib.sha256(text.encode()).hexdigest(), media_type="text/plain",
                   published="2024-12-12")
    (result,) = extract_batch([doc])
    return list(result.mentions)


@pytest.mark.parametrize(("text", "lang", "key"), [
    ("La Corrèze veut salarier 10 généralistes dans un centre de santé.", "fr",
     "org:conseil departemental de la correze"),
    ("Lyon lance son plan vélo de 100 millions d'euros.", "fr", "org:ville de lyon"),
    ("Marseille plans to install 300 more cameras in 2025.", "en", "org:ville de marseille"),
    ("La Bretagne veut créer 20 lignes de car.", "fr", "reg:region-bretagne"),
    ("La France va consacrer 250 millions d'euros au plan vélo.", "fr", "reg:etat"),
    # a government's orders, impositions and suspensions (session 35)
    ("France ordered a nationwide clampdown on the ride-hailing app on Thursday.", "en",
     "reg:etat"),
    ("Grenoble impose une zone à faibles émissions dès janvier.", "fr", "org:ville de grenoble"),
    ("France will spend €250 million on its bike plan.", "en", "reg:etat"),
])
def test_a_place_doing_a_governments_act_is_its_council(text: str, lang: str,
                                                        key: str) -> None:
    found = _mentions(text, lang)
    (body,) = [m for m in found if m.type == "Organization"]
    assert (body.key, body.source) == (key, "metonymy")
    assert [m.text for m in found if m.type == "Place"] == [body.text]


@pytest.mark.parametrize(("text", "lang", "keys"), [
    ("Lyon et Grenoble vont interdire les voitures anciennes.", "fr",
     ["org:ville de grenoble", "org:ville de lyon"]),
    ("Nantes and Rennes will ban old cars from January.", "en",
     ["org:ville de nantes", "org:ville de rennes"]),
])
def test_places_coordinated_as_the_subject_of_an_act_are_each_a_council(
        text: str, lang: str, keys: list[str]) -> None:
    found = _mentions(text, lang)
    assert sorted(m.key for m in found if m.type == "Organization") == keys
    names = {m.text for m in found if m.type == "Organization"}
    assert {c.actor for c in claims_of(text, lang) if c.action == "ban"} == names


@pytest.mark.parametrize(("text", "lang"), [
    ("Paris compte deux millions d'habitants.", "fr"),
    ("Lyon accueille le sommet des maires en juin.", "fr"),
    ("Marseille is a beautiful city.", "en"),
    ("Orange a signé un contrat avec la mairie.", "fr"),
    ("La France a battu l'Allemagne en finale.", "fr"),
])
def test_a_place_that_only_is_or_has_stays_a_place(text: str, lang: str) -> None:
    assert not [m for m in _mentions(text, lang) if m.type == "Organization"]


@pytest.mark.parametrize(("text", "lang", "key"), [
    ("Le maire de Dijon a visité les écoles. La ville va recruter 20 animateurs.", "fr",
     "org:ville de dijon"),
    ("In Nice, 4,000 cameras are installed. The city plans to recruit 50 police officers.",
     "en", "org:ville de nice"),
])
def test_the_city_acting_is_its_council(text: str, lang: str, key: str) -> None:
    doc = Document(id="t.txt", path="t.txt", text=text, lang=lang, sha256="x",
                   media_type="text/plain", published="2024-09-02")
    found = extract_mentions(doc, parse_batch([doc])[0])
    assert [m.key for m in found if m.source == "metonymy"] == [key]
    plural = "Les grandes villes veulent recruter des animateurs à Dijon."
    doc = Document(id="t.txt", path="t.txt", text=plural, lang="fr", sha256="x",
                   media_type="text/plain", published="2024-09-02")
    assert not [m for m in extract_mentions(doc, parse_batch([doc])[0])
                if m.source == "metonymy"]


@pytest.mark.parametrize(("text", "lang", "seat", "key"), [
    ("« Le guichet rouvrira en mars », commente Bercy.", "fr", "Bercy",
     "reg:ministere-de-l-economie-et-des-finances"),
    ("Selon Beauvau, 300 policiers supplémentaires seront déployés.", "fr", "Beauvau",
     "reg:ministere-de-l-interieur"),
    ("La réforme sera présentée en conseil des ministres en mars, indique-t-on rue de Valois.",
     "fr", "rue de Valois", "reg:ministere-de-la-culture"),
    ("Le guichet rouvrira en mars, assure-t-on à Bercy.", "fr", "Bercy",
     "reg:ministere-de-l-economie-et-des-finances"),
    ("The Quai d'Orsay summoned the ambassador on Monday.", "en", "Quai d'Orsay",
     "reg:ministere-de-l-europe-et-des-affaires-etrangeres"),
])
def test_a_seat_that_speaks_or_acts_is_its_body(text: str, lang: str, seat: str,
                                               key: str) -> None:
    found = _mentions(text, lang)
    assert [(m.type, m.key) for m in found if m.text == seat] == [("Organization", key)]
    (claim,) = claims_of(text, lang, published="2024-12-12")
    assert claim.actor == seat


@pytest.mark.parametrize(("text", "lang", "seat"), [
    ("Le concert de samedi a eu lieu à Bercy devant 15 000 spectateurs.", "fr", "Bercy"),
    ("Les travaux du quartier de Bercy s'achèveront en juin.", "fr", "Bercy"),
    ("Le ministre a tenu une conférence de presse place Vendôme mardi.", "fr", "place Vendôme"),
    ("Si le locataire de la place Beauvau a demandé un rapport au préfet, rien n'a changé.",
     "fr", "place Beauvau"),
    ("The pools of the Grenelle site and that of Bercy stay open until September.", "en",
     "Bercy"),
])
def test_a_seat_where_something_happens_is_the_place(text: str, lang: str, seat: str) -> None:
    found = _mentions(text, lang)
    assert [m.type for m in found if m.text == seat] == ["Place"]


def test_the_city_named_after_its_common_noun_is_its_council() -> None:
    found = [(m.text, m.key) for m in _mentions(
        "Lyon a un problème. La ville de Tours va construire une crèche.", "fr")
        if m.type == "Organization"]
    assert found == [("ville de Tours", "org:ville de tours")]


def test_the_region_as_the_subject_of_an_act_is_its_council() -> None:
    found = [(m.text, m.key) for m in _mentions(
        "La Bretagne est touchée. La région a voté une aide de 5 millions d'euros.", "fr")
        if m.type == "Organization"]
    assert found == [("région", "reg:region-bretagne")]


def test_la_commune_is_the_council_the_text_names_when_no_gazetteer_knows_the_town() -> None:
    # an invented commune: no seat to resolve "la commune" against, but its council named
    text = ("Selon le maire de Vaux-sur-Lurette, l'église menace de s'effondrer. La commune "
            "a déjà avancé 20 000 euros pour renforcer les murs.")
    claims = [c for c in claims_of(text) if "avancé" in c.quote]
    assert [(c.actor_id != "", c.amount) for c in claims] == [(True, 20000)]
    mentions = [m for m in _mentions(text, "fr") if m.text == "commune"]
    assert [m.key for m in mentions] == ["org:ville de vaux-sur-lurette"]
