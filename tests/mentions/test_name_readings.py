"""A person's name read whole: the model's longer reading of a name the given names cut short
("Philippe de Fontaine Vive"), a name cut short elsewhere joining the full one it begins, and
a titled name the small model typed a nationality ("…, Frans Timmermans, said") (issue 16)."""

from __future__ import annotations

from tests.mentions.test_generalising_entities import _mentions


def _persons(text: str, lang: str) -> set[tuple[str, str | None]]:
    return {(m.text, m.key) for m in _mentions(text, lang) if m.type == "Person"}


def test_the_models_longer_reading_of_a_cut_name_and_the_cut_name_elsewhere() -> None:
    text = ("The loan was signed by Marc Dubreuil and Philippe de Fontaine Vive, EIB "
            "Vice-President. At the ceremony EIB Vice-President Philippe de Fontaine Vive "
            "declared: \"I am pleased to complete this week of operations.\"")
    keys = {k for t, k in _persons(text, "en") if t.startswith("Philippe")}
    assert keys == {"per:philippe de fontaine vive"}


def test_a_titled_name_the_model_typed_a_nationality_is_a_person() -> None:
    text = ("Executive Vice-President for the European Green Deal, Frans Timmermans, said: "
            "\u201cThe Just Transition Plan for Hauts-de-France is the first adopted plan.\u201d")
    found = _mentions(text, "en")
    assert ("Frans Timmermans", "per:frans timmermans") in {
        (m.text, m.key) for m in found if m.type == "Person"}
    assert not [m for m in found if m.type == "Organization" and "Green Deal" in m.text]


def test_a_nationality_with_no_role_stays_none() -> None:
    assert not _persons("Les Républicains et les Français ont voté le texte.", "fr")
