"""Whatever is uploaded, the import answers with a message, never a crash, and never adds
anyone from a file that could not be read."""

import io
import zipfile

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from pendel.employees.models import Employee
from pendel.employees.parsing import parse_file
from pendel.employees.reading import FileError
from pendel.employees.tests.files import xlsx_bytes

FUZZ = settings(
    max_examples=75,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
HEADER = st.sampled_from(
    ["Fornavn;Etternavn;E-post", "First name,Last name,Email", "Voornaam\tAchternaam\tE-mail", ""]
)
CELL = st.text(alphabet=st.characters(blacklist_categories=["Cs"]), max_size=20)
CSV_TEXT = st.builds(
    lambda header, rows, sep: header + "\n" + "\n".join(sep.join(row) for row in rows),
    HEADER,
    st.lists(st.lists(CELL, max_size=6), max_size=8),
    st.sampled_from([";", ",", "\t", '"']),
)


def _parse(content: bytes, name: str):
    try:
        return parse_file(content, filename=name, country="NO")
    except FileError as error:
        assert error.message
        return None


@FUZZ
@given(content=st.binary(max_size=2000), name=st.sampled_from(["a.csv", "a.xlsx", "a.txt"]))
def test_the_parser_survives_random_bytes(content, name):
    _parse(content, name)


@FUZZ
@given(content=st.binary(max_size=2000))
def test_the_parser_survives_random_bytes_after_a_zip_signature(content):
    _parse(b"PK\x03\x04" + content, "a.xlsx")


@FUZZ
@given(text=CSV_TEXT, encoding=st.sampled_from(["utf-8", "utf-8-sig", "utf-16", "cp1252"]))
def test_the_parser_survives_random_csv_text(text, encoding):
    content = text.encode(encoding, errors="replace")
    parsed = _parse(content, "a.csv")
    if parsed is not None:
        for error in parsed.errors:
            assert error["row"] >= 1


@pytest.mark.django_db
@FUZZ
@given(
    content=st.one_of(st.binary(max_size=1500), CSV_TEXT.map(lambda t: t.encode("utf-8"))),
    name=st.sampled_from(["ansatte.csv", "ansatte.xlsx", "ansatte.txt", "ansatte"]),
)
def test_the_upload_page_never_fails_on_random_files(client, world, content, name):
    client.force_login(world.contact)
    url = reverse("company:employee_import") + f"?location={world.location.pk}"
    response = client.post(url, {"file": SimpleUploadedFile(name, content)})
    assert response.status_code in (200, 302)
    assert not Employee.objects.exists()


def _zip(members: dict[str, bytes]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for name, data in members.items():
            archive.writestr(name, data)
    return buffer.getvalue()


WORKBOOK_PARTS = st.sampled_from(
    [
        "[Content_Types].xml",
        "xl/workbook.xml",
        "xl/worksheets/sheet1.xml",
        "xl/sharedStrings.xml",
        "xl/_rels/workbook.xml.rels",
        "_rels/.rels",
    ]
)


@FUZZ
@given(members=st.dictionaries(WORKBOOK_PARTS, st.binary(max_size=300), max_size=6))
def test_the_parser_survives_a_zip_of_junk_named_like_a_workbook(members):
    _parse(_zip(members), "a.xlsx")


VALID_XLSX = xlsx_bytes([["Fornavn", "Etternavn", "E-post"], ["Kari", "Nordmann", "kari@fisk.no"]])


@FUZZ
@given(
    flips=st.lists(st.tuples(st.integers(0, len(VALID_XLSX) - 1), st.integers(0, 255)), max_size=8)
)
def test_the_parser_survives_a_damaged_workbook(flips):
    content = bytearray(VALID_XLSX)
    for position, value in flips:
        content[position] = value
    _parse(bytes(content), "a.xlsx")
