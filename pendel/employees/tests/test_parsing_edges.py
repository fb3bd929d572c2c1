"""The import's checks at their edges, as the preview shows them to the contact person."""

import pytest
from django.utils import translation

from pendel.employees.parsing import MAX_STORED_ERRORS, describe_error, parse_table
from pendel.employees.reading import FileError, read_table

HEADER = ["First name", "Last name", "Email", "Start date", "End date"]


def test_one_day_of_employment_is_fine_but_ending_before_starting_is_not():
    parsed = parse_table(
        [
            HEADER,
            ["Åse", "Berg", "ase@fisk.no", "2026-03-02", "2026-03-02"],
            ["Per", "Dal", "per@fisk.no", "2026-03-02", "2026-03-01"],
        ],
        country="NO",
    )
    assert parsed.errors == []
    assert [(w["row"], w["code"]) for w in parsed.warnings] == [(3, "end_before_start")]
    per = parsed.rows[1].values
    assert "end_date" not in per and per["start_date"].isoformat() == "2026-03-02"


def test_a_file_full_of_mistakes_counts_them_all_and_keeps_the_first_500():
    rows = [["Ola", "Nord", "not-an-email"] for _ in range(MAX_STORED_ERRORS + 5)]
    parsed = parse_table([HEADER[:3], *rows], country="NO")
    assert parsed.error_count == MAX_STORED_ERRORS + 5
    assert len(parsed.errors) == MAX_STORED_ERRORS == 500


def test_missing_columns_are_named_in_one_sentence():
    with translation.override("en"), pytest.raises(FileError) as raised:
        parse_table([["First name", "Department"], ["Åse", "Lager"]], country="NO")
    assert raised.value.params["columns"] == "Last name, Work email"


def test_an_ignored_column_is_shown_by_its_first_60_characters():
    long_header = "Notes about this person that the programme does not need " * 2
    parsed = parse_table(
        [[*HEADER[:3], long_header], ["Åse", "Berg", "ase@fisk.no", "x"]], country="NO"
    )
    assert parsed.ignored_columns == [long_header[:60]]


def test_an_error_of_the_whole_file_names_no_column():
    with translation.override("en"):
        described = describe_error(
            {"row": 1, "field": "", "code": "duplicate_email", "params": {"other": 2}}
        )
    assert described["field"] == ""
    assert described["row"] == 1


def _file_error(text: str) -> str:
    with pytest.raises(FileError) as raised:
        read_table(text.encode("utf-8"), filename="ansatte.csv")
    return raised.value.message


def test_a_quote_that_is_never_closed_names_its_line():
    text = (
        "Fornavn;Etternavn;E-post\r\n"
        "Åse;Ødegård;ase@fisk.no\r\n"
        '"Bjørn;Berg;bjorn@fisk.no\r\n'
        "Siri;Sæther;siri@fisk.no\r\n"
    )
    message = _file_error(text)
    assert "format is broken" in message and "line 3" in message


def test_a_quote_that_swallows_lines_until_a_later_quote_names_its_line():
    text = (
        "Fornavn;Etternavn;E-post\n"
        'Åse;"Ødegård;ase@fisk.no\n'
        'Bjørn;Berg";bjorn@fisk.no\n'
        "Siri;Sæther;siri@fisk.no\n"
    )
    message = _file_error(text)
    assert "format is broken" in message and "line 2" in message


def test_a_file_with_mixed_separators_is_refused_with_the_line():
    text = (
        "Fornavn;Etternavn;E-post;Avdeling\n"
        "Åse;Ødegård;ase@fisk.no;Lager\n"
        "Bjørn,Berg,bjorn@fisk.no,Lager\n"
    )
    message = _file_error(text)
    assert "line 3" in message and "“,”" in message and "“;”" in message


def test_a_quoted_cell_with_the_separator_inside_is_fine():
    rows = read_table(
        'Fornavn;Etternavn;E-post\n"Berg; Bjørn";B;b@fisk.no\n'.encode(), filename="a.csv"
    )
    assert rows[1][0] == "Berg; Bjørn"


def test_a_title_line_above_a_comma_separated_header_does_not_hide_the_separator():
    text = "Ansatte per 1. desember 2026\nFornavn,Etternavn,E-post\nÅse,Berg,ase@fisk.no\n"
    rows = read_table(text.encode("utf-8"), filename="ansatte.csv")
    assert rows[1] == ["Fornavn", "Etternavn", "E-post"]
    assert rows[2] == ["Åse", "Berg", "ase@fisk.no"]


def test_a_tab_among_semicolons_is_named_in_words():
    text = (
        "Fornavn;Etternavn;E-post;Avdeling\nÅse;Berg;ase@fisk.no;Lager\nPer\tDal\tp@fisk.no\tIT\n"
    )
    with translation.override("nb"):
        message = _file_error(text)
    assert "linje 3" in message and "«tabulator»" in message and "«;»" in message
