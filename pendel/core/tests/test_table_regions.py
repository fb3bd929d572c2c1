"""A table that is wider than a phone scrolls inside its own region, never the page: every
table of the web pages sits in a `.table-wrap` that is focusable (so a keyboard can scroll
it) and named for a screen reader (role=region with a label). The shared list template
(templates/includes/table.html) is one of them; PDFs and mails do not scroll and are left
out."""

import re
from pathlib import Path

from django.conf import settings

TEMPLATES = Path(settings.BASE_DIR) / "templates"
PRINTED = ("emails", "surveys/pdf", "invoicing/pdf")
WRAP = re.compile(r"<div class=\"table-wrap\"([^>]*)>\s*(?:\{%[^%]*%\}\s*)*<table\b")
REGION = ('tabindex="0"', 'role="region"', "aria-label")  # aria-label or -labelledby


def web_templates():
    for path in sorted(TEMPLATES.rglob("*.html")):
        relative = path.relative_to(TEMPLATES).as_posix()
        if not relative.startswith(PRINTED):
            yield relative, path.read_text()


def test_every_table_scrolls_in_a_labelled_focusable_region():
    unwrapped, unlabelled = [], []
    for name, text in web_templates():
        tables = len(re.findall(r"<table\b", text))
        wraps = WRAP.findall(text)
        if len(wraps) < tables:
            unwrapped.append(name)
        unlabelled += [name for attrs in wraps if not all(part in attrs for part in REGION)]
    assert unwrapped == [], f"tables outside a .table-wrap: {unwrapped}"
    assert unlabelled == [], f".table-wrap without tabindex, role=region and a label: {unlabelled}"


def test_the_shared_list_template_is_such_a_region():
    text = (TEMPLATES / "includes" / "table.html").read_text()
    assert 'role="region"' in text and 'tabindex="0"' in text
