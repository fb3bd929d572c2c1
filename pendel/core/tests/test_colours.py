"""A region's colour becomes Designsystemet tokens that stay readable, whatever it picks."""

import pytest

from pendel.core.colours import WHITE, accent_tokens, contrast, heading_colour

COLOURS = ["#0b5cad", "#ffcc00", "#e30613", "#00a650", "#ffffff", "#7fdbff", "#000000"]


@pytest.mark.parametrize("colour", COLOURS)
def test_buttons_and_text_in_the_region_colour_are_readable(colour):
    tokens = accent_tokens(colour)
    # White text on a button in the region's colour; its text on the tinted surfaces.
    assert contrast(tokens["base-default"], tokens["base-contrast-default"]) >= 4.5
    assert contrast(tokens["base-hover"], WHITE) >= 4.5
    for surface in ("background-default", "background-tinted", "surface-tinted", "surface-active"):
        assert contrast(tokens["text-subtle"], tokens[surface]) >= 4.5, surface
        assert contrast(tokens["text-default"], tokens[surface]) >= 4.5, surface
    assert contrast(tokens["border-default"], WHITE) >= 3
    assert contrast(tokens["base-contrast-subtle"], tokens["base-default"]) >= 4.5


def test_a_dark_enough_colour_is_kept_as_it_is():
    assert accent_tokens("#0B5CAD")["base-default"] == "#0b5cad"


def test_a_light_colour_is_darkened_for_headings():
    assert heading_colour("#ffcc00") != "#ffcc00"
    assert contrast(heading_colour("#ffcc00"), WHITE) >= 4.5


def test_anything_but_a_colour_is_refused():
    with pytest.raises(ValueError):
        accent_tokens("red;}*{")
