"""Cells of the files people open in a spreadsheet program (CSV and XLSX exports).

A cell that starts with =, +, -, @, a tab or a carriage return is a formula to Excel,
LibreOffice and Google Sheets, and a formula can fetch or send data (OWASP, "CSV
Injection"). Names, departments and other text that companies type in go through
`spreadsheet_text`, which writes such a value as text with a leading apostrophe.
"""

FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def spreadsheet_text(value):
    """The value, made inert when it is text that a spreadsheet would run; other values
    (numbers, dates, None) unchanged."""
    if isinstance(value, str) and value.startswith(FORMULA_START):
        return "'" + value
    return value
