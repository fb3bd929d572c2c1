"""Cells of the files people open in a spreadsheet program (CSV and XLSX exports), and the
way back when such a file is imported again.

A cell that starts with =, +, -, @, a tab or a carriage return is a formula to Excel,
LibreOffice and Google Sheets, and a formula can fetch or send data (OWASP, "CSV
Injection"). Every text cell goes through `spreadsheet_text`, which writes such a value as
text with a leading apostrophe, a phone number such as "+47 91 23 45 67" included.

`spreadsheet_value` is its exact inverse: it removes that apostrophe and nothing else, so an
exported file imports again unchanged. A text that already starts with apostrophes followed
by a formula start gets one more on the way out, so the inverse is exact for every text
("'t Hooft" has no formula start after its apostrophe and is left alone both ways).
"""

FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
GUARD = "'"


def _needs_guard(text: str) -> bool:
    return text.lstrip(GUARD).startswith(FORMULA_START)


def spreadsheet_text(value):
    """The value, made inert when it is text that a spreadsheet would run; other values
    (numbers, dates, None) unchanged."""
    if isinstance(value, str) and _needs_guard(value):
        return GUARD + value
    return value


def spreadsheet_value(value):
    """A cell read from a file: the guard `spreadsheet_text` added, removed; anything else
    unchanged."""
    if isinstance(value, str) and value.startswith(GUARD) and _needs_guard(value):
        return value[1:]
    return value
