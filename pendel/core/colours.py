"""A region's brand colour turned into Designsystemet's accent tokens, contrast-safe.

A region picks any colour; text and buttons drawn in it must still be readable (WCAG 2.2:
4.5:1 for text, 3:1 for borders and other parts of a control). `accent_tokens` darkens the
colour as far as needed and derives the tints Designsystemet's `--ds-color-accent-*` scale
uses on a light page. The portal's /brand.css, the public pages and the invoice PDF all take
their colours from here.
"""

import re

HEX = re.compile(r"#[0-9a-fA-F]{6}")
WHITE = "#ffffff"
BLACK = "#000000"
TEXT = 4.5
GRAPHIC = 3.0


def _rgb(colour: str) -> tuple[int, int, int]:
    return int(colour[1:3], 16), int(colour[3:5], 16), int(colour[5:7], 16)


def _hex(rgb) -> str:
    return "#" + "".join(f"{round(max(0, min(255, c))):02x}" for c in rgb)


def luminance(colour: str) -> float:
    def channel(value: int) -> float:
        c = value / 255
        return c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4

    r, g, b = (channel(c) for c in _rgb(colour))
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def contrast(one: str, other: str) -> float:
    light, dark = sorted((luminance(one), luminance(other)), reverse=True)
    return (light + 0.05) / (dark + 0.05)


def mix(colour: str, other: str, share_of_other: float) -> str:
    """`colour` with `share_of_other` (0–1) of `other` mixed in."""
    a, b = _rgb(colour), _rgb(other)
    return _hex(x + (y - x) * share_of_other for x, y in zip(a, b, strict=True))


def darkened_until(colour: str, against: str, ratio: float) -> str:
    """The colour, darkened in small steps until it has `ratio` contrast with `against`."""
    step = 0.0
    shade = colour
    while contrast(shade, against) < ratio and step < 1:
        step += 0.02
        shade = mix(colour, BLACK, step)
    return shade


def accent_tokens(colour: str) -> dict[str, str]:
    """Designsystemet's light accent scale from one brand colour (`#rrggbb`)."""
    if not HEX.fullmatch(colour or ""):
        raise ValueError(f"Not a colour: {colour!r}")
    colour = colour.lower()
    background_tinted = mix(colour, WHITE, 0.94)
    surface_tinted = mix(colour, WHITE, 0.87)
    base = darkened_until(colour, WHITE, TEXT)
    # Subtle text sits on tinted surfaces too, so it must read on the darkest of them.
    text_subtle = darkened_until(colour, mix(colour, WHITE, 0.72), TEXT)
    contrast_subtle = mix(colour, WHITE, 0.85)
    if contrast(contrast_subtle, base) < TEXT:
        contrast_subtle = WHITE
    return {
        "background-default": WHITE,
        "background-tinted": background_tinted,
        "surface-default": WHITE,
        "surface-tinted": surface_tinted,
        "surface-hover": mix(colour, WHITE, 0.8),
        "surface-active": mix(colour, WHITE, 0.72),
        "border-subtle": mix(colour, WHITE, 0.6),
        "border-default": darkened_until(colour, WHITE, GRAPHIC),
        "border-strong": text_subtle,
        "text-subtle": text_subtle,
        "text-default": mix(base, BLACK, 0.6),
        "base-default": base,
        "base-hover": mix(base, BLACK, 0.15),
        "base-active": mix(base, BLACK, 0.3),
        "base-contrast-subtle": contrast_subtle,
        "base-contrast-default": WHITE,
    }


def heading_colour(colour: str) -> str:
    """The brand colour as readable text on white (headings in documents)."""
    return accent_tokens(colour)["text-subtle"]


def text_on(colour: str) -> str:
    """Black or white, whichever reads better on `colour` (one of them always reaches
    4.5:1): the text of a band filled with a region's own brand colour."""
    return WHITE if contrast(colour, WHITE) >= contrast(colour, BLACK) else BLACK
