from extractor.knowledge import load_yaml
from extractor.mentions.registry import load_registry
from extractor.text.fold import fold, fold_name


def test_fold_keeps_length():
    s = "Agence régionale de santé Île-de-France — l’ARS « œuvre »"
    assert len(fold(s)) == len(s)


def test_registry_ids_unique_and_parents_exist():
    ids = [e["id"] for e in load_yaml("registry.yaml")["entities"]]
    assert sorted(i for i in set(ids) if ids.count(i) > 1) == []  # a second entry hid the first
    reg = load_registry()
    for actor in reg.actors.values():
        assert actor.type in ("Organization", "Person")
        if actor.parent:
            assert actor.parent in reg.actors, actor.id


def test_every_registry_name_looks_up_to_its_entity():
    reg = load_registry()
    for actor in reg.actors.values():
        for name in actor.names():
            assert reg.lookup(name) == actor.id, (name, actor.id)


def test_accent_and_case_insensitive_names():
    reg = load_registry()
    text = "l'agence régionale de santé Ile-de-France et la ville de Paris"
    hits = reg.find(text)
    assert [h.actor for h in hits] == ["ars-idf", "ville-de-paris"]


def test_longest_name_wins_over_shorter_overlaps():
    reg = load_registry()
    text = "Signé par la ville de Paris."
    (hit,) = reg.find(text)
    assert text[hit.start:hit.end] == "ville de Paris"


def test_acronyms_are_case_sensitive():
    reg = load_registry()
    assert [h.actor for h in reg.find("L'ARS finance.")] == ["ars-idf"]
    assert reg.find("les ars de la vie") == []


def test_names_inside_email_addresses_are_not_matched():
    assert load_registry().find("presse@ars.sante.fr") == []


def test_fold_name_drops_determiners():
    assert fold_name("La Ville de Paris") == "ville de paris"
    assert fold_name("the City of Paris") == "city of paris"


def test_the_registry_is_built_once_per_process():
    """Every finder asks for it per piece of text: rebuilding it made builds 1.6x slower."""
    from extractor.mentions.registry import load_registry

    assert load_registry() is load_registry()


def test_the_mayors_association_and_the_gendarmerie_by_their_short_names():
    reg = load_registry()
    assert [h.actor for h in reg.find("En réaction, l’AMF avait dénoncé ces obligations.")] == [
        "association-des-maires-de-france"]
    found = [h.actor for h in reg.find("le terrain de la police nationale ou de la gendarmerie")]
    assert "gendarmerie-nationale" in found


def test_a_title_whose_article_a_preposition_absorbed_is_named() -> None:
    text = ("Dans une tribune au Monde, elle critique. Selon une source du Parisien, la Coupe "
            "du Monde aura lieu. Il a parlé aux Républicains de la coupe du monde.")
    hits = [(text[h.start:h.end], h.actor) for h in load_registry().find(text)]
    assert hits == [("Monde", "le-monde"), ("Parisien", "le-parisien"),
                    ("Républicains", "les-republicains")]


def test_a_contextual_name_counts_where_an_office_of_its_body_is_named() -> None:
    from tests.mentions.test_unseen_kinds import _mentions
    text = "La Première ministre s'est félicitée, même si l'exécutif espérait davantage."
    assert ("exécutif", "reg:etat") in {(m.text, m.key) for m in _mentions(text, "fr")}
    alone = "À Lyon, l'exécutif écologiste souhaite racheter des logements."
    assert "reg:etat" not in {m.key for m in _mentions(alone, "fr")}
