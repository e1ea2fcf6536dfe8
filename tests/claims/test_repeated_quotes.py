"""A quoted subheading or pull quote that repeats words the text quotes with a speaker is
that speaker's; a quoted subheading whose words are quoted nowhere else is no one's."""

from __future__ import annotations

from tests.claims.test_named_errors import claims_of

BODY = ("Les maires de trois communes ont tenu une conférence de presse jeudi.\n\n"
        "« {heading} »\n\n"
        "La maire de Vierzon, Claire Mauduit, a dénoncé un manque de moyens. « Nous ne "
        "fermerons pas une seule école cette année », a assuré Claire Mauduit.")


def test_a_heading_that_repeats_a_speaker_s_quoted_words_is_theirs() -> None:
    text = BODY.format(heading="Nous ne fermerons pas une seule école cette année")
    at = text.index("«")
    assert [c.actor for c in claims_of(text) if c.start == at] == ["Claire Mauduit"]


def test_a_heading_quoted_nowhere_else_is_no_one_s() -> None:
    text = BODY.format(heading="Une rentrée sous tension dans les écoles du Cher")
    at = text.index("«")
    assert not [c for c in claims_of(text) if c.start == at]
