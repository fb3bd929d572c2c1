"""pendel.core.charts: inline SVG that a strict Content-Security-Policy lets through."""

import re
import xml.etree.ElementTree as ET

from pendel.core.charts import SVG_NS, Bar, bar_chart


def test_the_svg_has_no_style_and_says_what_it_measures():
    svg = bar_chart(
        "modes", "Main mode (n = 12)", [Bar("Bus", 40.0, "40.0%"), Bar("Car", None, "–")]
    )
    assert svg.startswith("<svg ") and 'role="img"' in svg
    assert 'aria-label="Main mode (n = 12)"' in svg
    assert not re.search(r"\sstyle=|<style|<script", svg)
    assert 'fill="#0b5cad"' in svg and svg.count('fill="#0b5cad"') == 1  # no bar for the hidden
    ids = re.findall(r'\sid="([^"]+)"', svg)
    assert ids and all(i.startswith("modes-") for i in ids)


def test_another_librarys_prefix_does_not_leak_into_the_markup():
    ET.register_namespace("svg", SVG_NS)  # as WeasyPrint's SVG code may do
    svg = bar_chart("x", "t", [Bar("a", 1.0, "1")])
    assert svg.startswith("<svg ") and "<svg:" not in svg
