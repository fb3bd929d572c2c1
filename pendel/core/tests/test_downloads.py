"""The one download helper: a safe attachment name, nosniff, and no cache for personal data."""

import io

import pytest
from django.http import JsonResponse

from pendel.core.downloads import ascii_filename, content_disposition, file_response, no_store
from pendel.core.tests.assertions import assert_private_download


@pytest.mark.parametrize(
    ("filename", "header"),
    [
        ("invoice-2026-1.pdf", 'attachment; filename="invoice-2026-1.pdf"'),
        ("Rapport 2025.pdf", 'attachment; filename="Rapport 2025.pdf"'),
        (
            "Årsrapport.pdf",
            "attachment; filename=\"Arsrapport.pdf\"; filename*=utf-8''%C3%85rsrapport.pdf",
        ),
        (
            "Sjöberg & Ærø.csv",
            'attachment; filename="Sjoberg & _r_.csv"; '
            "filename*=utf-8''Sj%C3%B6berg%20%26%20%C3%86r%C3%B8.csv",
        ),
    ],
)
def test_the_name_is_plain_ascii_with_the_real_name_beside_it(filename, header):
    assert content_disposition(filename) == header


@pytest.mark.parametrize(
    "filename",
    ['evil".pdf', "a\r\nSet-Cookie: x=1.pdf", "..\\..\\boot.ini", "../etc/passwd", "a;b=c.pdf"],
)
def test_a_name_cannot_break_out_of_the_header_or_the_folder(filename):
    header = content_disposition(filename)
    quoted = header.split('filename="', 1)[1].split('"', 1)[0]
    assert not set(quoted) & set('"\\/\r\n;')
    assert "\r" not in header and "\n" not in header
    assert header.count('"') == 2


def test_an_empty_or_dotted_name_still_downloads():
    assert ascii_filename("") == "download"
    assert ascii_filename("...") == "download"


def test_a_personal_file_is_not_kept_by_any_cache():
    response = file_response(b"a;b\n", filename="employees.csv", content_type="text/csv")
    assert_private_download(response, filename="employees.csv")
    assert response["Content-Type"] == "text/csv"
    assert response.content == b"a;b\n"


def test_an_open_file_is_streamed():
    response = file_response(
        io.BytesIO(b"%PDF-1.7"), filename="a.pdf", content_type="application/pdf"
    )
    assert_private_download(response, filename="a.pdf")
    assert b"".join(response.streaming_content) == b"%PDF-1.7"


def test_a_public_file_may_be_cached_but_is_not_sniffed():
    response = file_response(b"x", filename="logo.png", content_type="image/png", personal=False)
    assert "Cache-Control" not in response
    assert response["X-Content-Type-Options"] == "nosniff"


def test_no_store_marks_any_response():
    assert no_store(JsonResponse({}))["Cache-Control"] == "private, no-store"
