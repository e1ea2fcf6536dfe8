"""A topic set at the head of a sentence ("Quant à la CGT, elle …", "As for X, it …") is what
the sentence's pronoun subject stands for, not the actor of the sentence before; a quotation
filling its paragraph is the words of the person a press release names on the next line."""

from __future__ import annotations

from tests.claims.test_named_errors import claims_of


def test_a_fronted_topic_is_the_pronoun_s_actor():
    claims = claims_of("Le Premier ministre Édouard Philippe a reçu les syndicats lundi. "
                       "Quant à la CGT, elle a annoncé une grève pour jeudi.")
    assert [c.actor for c in claims if c.action == "announce"] == ["CGT"]


def test_a_topic_named_in_an_apposition_is_the_pronoun_s_actor():
    claims = claims_of("Le ministre Paul Martin a proposé un accord. Quant au syndicat "
                       "majoritaire, l'Ufap-Unsa-Justice (40 %), il a indiqué qu'il "
                       "consultait sa base.")
    assert "Paul Martin" not in [c.actor for c in claims if c.action != "propose"]
    assert "Ufap-Unsa-Justice" in [c.actor for c in claims]


def test_a_quotation_signed_on_the_next_line_is_its_signatory_s():
    text = ("La Région investit dans ses lycées.\n"
            "« Cet investissement important reflète l’ambition de notre stratégie pour les "
            "jeunes. »\n"
            "Christelle Morançais, Présidente du Conseil régional des Pays de la Loire\n"
            "Les travaux commenceront en 2018.")
    assert "Christelle Morançais" in [c.actor for c in claims_of(text)]


def test_a_sentence_on_the_line_after_a_quotation_is_no_signature():
    text = ("« Cet investissement important reflète l’ambition de notre stratégie pour les "
            "jeunes. »\n"
            "Christelle Morançais a visité le lycée de Nantes lundi.")
    assert [c.action for c in claims_of(text) if c.actor == "Christelle Morançais"] == ["visit"]


def test_a_list_of_agents_goes_on_over_a_medium_s_head():
    claims = claims_of("Un colloque a été organisé jeudi par Météo-France et le journal Le Monde.")
    assert {c.actor for c in claims} == {"Météo-France", "Le Monde"}


def test_a_headline_quotation_is_attributed_by_pour_after_it():
    claims = claims_of("« Le point critique est atteint pour nos quartiers » pour la Ville "
                       "de Dijon\n\nLa mairie a réuni les habitants.")
    assert [(c.actor, c.kind) for c in claims if c.actor == "Ville de Dijon"] == [
        ("Ville de Dijon", "statement")]


def test_pour_after_a_quotation_inside_a_sentence_is_no_attribution():
    claims = claims_of("Le maire a évoqué « un effort exceptionnel de toute la ville » pour la "
                       "Ville de Dijon.")
    assert [c.actor for c in claims if c.kind == "statement" and c.actor == "Ville de Dijon"] == []
