"""Charts as server-rendered SVG: one home for every chart of Pendel (survey results now, the
climate report later).

The library is matplotlib (pinned in requirements.txt): well kept, no JavaScript, and its
SVG backend draws exact geometry that browsers and WeasyPrint (the PDFs) render alike. It is
driven through `Figure` and `FigureCanvasSVG` only, never pyplot, so no global state is
shared between requests.

Matplotlib writes its colours and fonts as `style="…"` attributes and a `<style>` element;
the Content-Security-Policy (style-src 'self', no 'unsafe-inline') refuses both in inline
SVG. `_clean()` therefore rewrites each declaration as the SVG presentation attribute of the
same name (`style="fill: #0b5cad"` → `fill="#0b5cad"`, which CSP allows), drops the
`<style>` and `<metadata>` elements, prefixes every id with the chart's key (two charts on a
page never share an id) and makes the SVG accessible: `role="img"` and an `aria-label` saying
what it measures (pages show the same title as the figure's caption). The table beside a
chart is its text alternative.
"""

import io
import re
import xml.etree.ElementTree as ET
from dataclasses import dataclass

import matplotlib

matplotlib.use("svg")

from django.utils.safestring import SafeString, mark_safe  # noqa: E402
from matplotlib.backends.backend_svg import FigureCanvasSVG  # noqa: E402
from matplotlib.figure import Figure  # noqa: E402

SVG_NS = "http://www.w3.org/2000/svg"
XLINK_NS = "http://www.w3.org/1999/xlink"

BAR_COLOUR = "#0b5cad"  # contrast 6.6:1 on white
TRACK_COLOUR = "#e6e9ee"
TEXT_COLOUR = "#1e2b3c"
# Text stays text (selectable in the PDF); measured with DejaVu Sans, which ships with
# matplotlib, and drawn in the page's font where the browser has a fallback.
RC = {"svg.fonttype": "none", "font.family": "sans-serif", "font.sans-serif": ["DejaVu Sans"]}
WIDTH_INCHES = 4.8  # 346 px: legible on a 375 px phone, up to 30rem on a desktop
ROW_INCHES = 0.42
KEY = re.compile(r"[^a-z0-9-]+")


@dataclass(frozen=True)
class Bar:
    """One bar: its label, its value (None: hidden or missing, drawn as an empty track)
    and the text written at its end (the formatted value, or "–")."""

    label: str
    value: float | None
    text: str


def bar_chart(
    key: str,
    title: str,
    bars: list[Bar],
    *,
    scale: float = 100,
    colour: str = BAR_COLOUR,
    text_as_paths: bool = False,
) -> SafeString:
    """Horizontal bars, each with its label on the left and its value at its end, on a
    track of the full `scale` (100 for shares). Returns inline SVG markup. `text_as_paths`
    draws the letters as shapes (for a PDF: exact layout, and no loose letters in its text
    layer; the tables beside carry the text)."""
    key = KEY.sub("-", key.lower()).strip("-") or "chart"
    rc = {**RC, "svg.hashsalt": key, "svg.fonttype": "path" if text_as_paths else "none"}
    with matplotlib.rc_context(rc):
        svg = _draw(bars, scale=scale, colour=colour)
    return mark_safe(_clean(svg, key=key, title=title))  # noqa: S308 - markup built here


def _draw(bars: list[Bar], *, scale: float, colour: str) -> str:
    height = max(1.0, 0.5 + ROW_INCHES * len(bars))
    figure = Figure(figsize=(WIDTH_INCHES, height), dpi=72)
    FigureCanvasSVG(figure)
    axes = figure.add_axes((0.46, 0.02, 0.40, 0.96))
    positions = list(range(len(bars)))[::-1]
    axes.barh(positions, [scale] * len(bars), height=0.62, color=TRACK_COLOUR, linewidth=0)
    shown = [
        (p, max(0.0, min(b.value, scale)))
        for p, b in zip(positions, bars, strict=True)
        if b.value is not None
    ]
    if shown:  # a hidden group gets no bar at all, only its track and "–"
        axes.barh(*zip(*shown, strict=True), height=0.62, color=colour, linewidth=0)
    for position, bar in zip(positions, bars, strict=True):
        axes.text(-scale * 0.03, position, _shorten(bar.label), va="center", ha="right",
                  fontsize=11, color=TEXT_COLOUR)  # fmt: skip
        axes.text(scale * 1.02, position, bar.text, va="center", ha="left", fontsize=11,
                  color=TEXT_COLOUR)  # fmt: skip
    axes.set_xlim(0, scale)
    axes.set_ylim(-0.6, len(bars) - 0.4)
    axes.set_axis_off()
    figure.patch.set_alpha(0)
    buffer = io.StringIO()
    figure.savefig(buffer, format="svg", metadata={"Date": None}, transparent=True)
    return buffer.getvalue()


def _shorten(label: str, limit: int = 26) -> str:
    label = str(label)
    return label if len(label) <= limit else label[: limit - 1].rstrip() + "…"


def _declarations(style: str) -> list[tuple[str, str]]:
    pairs = []
    for part in style.split(";"):
        name, _, value = part.partition(":")
        if name.strip() and value.strip():
            pairs.append((name.strip(), value.strip()))
    return pairs


def _clean(svg: str, *, key: str, title: str) -> str:
    """Matplotlib's SVG made fit for inline use under a strict CSP (see the docstring)."""
    root = ET.fromstring(svg.encode())
    for parent in list(root.iter()):
        for child in list(parent):
            if child.tag in (f"{{{SVG_NS}}}metadata", f"{{{SVG_NS}}}style"):
                parent.remove(child)
    for element in root.iter():
        style = element.attrib.pop("style", None)
        if style:
            for name, value in _declarations(style):
                element.set(name, value)
        if element.tag.endswith("}path") or element.tag.endswith("}use"):
            element.attrib.setdefault("stroke-linejoin", "round")
        if "id" in element.attrib:
            element.set("id", f"{key}-{element.get('id')}")
        clip = element.get("clip-path")
        if clip:
            element.set("clip-path", clip.replace("url(#", f"url(#{key}-"))
        for name in (f"{{{XLINK_NS}}}href", "href"):
            target = element.get(name)
            if target and target.startswith("#"):
                element.set(name, f"#{key}-{target[1:]}")
    for name in ("width", "height"):
        root.attrib.pop(name, None)
    root.set("class", "chart")
    root.set("role", "img")
    root.set("focusable", "false")
    root.set("aria-label", str(title))
    # Other libraries (WeasyPrint) register prefixes of their own: ours again, every time,
    # since an HTML parser only knows an unprefixed <svg> and "xlink:href".
    ET.register_namespace("", SVG_NS)
    ET.register_namespace("xlink", XLINK_NS)
    return ET.tostring(root, encoding="unicode")


def chart_title(what: str, n: int | None) -> str:
    """What a chart measures and its base: "Main mode of travel (n = 42)"; without n where
    the group's size may not be shown."""
    if n is None:
        return str(what)
    return f"{what} (n\u00a0=\u00a0{n})"
