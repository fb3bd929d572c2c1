"""Shared by the survey tests: the answers of a whole questionnaire as the pages post them,
and the survey links mailed to invitations."""

import ctypes
import re

import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c
from django.core import mail

SURVEY_LINK = re.compile(r"/s/(?P<token>[A-Za-z0-9_-]+)/")


def mailed_token(invitation) -> str:
    """The token of the latest survey link mailed to the invitation's address."""
    for message in reversed(mail.outbox):
        if message.to == [invitation.email] and (found := SURVEY_LINK.search(message.body)):
            return found["token"]
    raise AssertionError(f"No survey link was mailed to invitation #{invitation.pk}")


def with_mailed_tokens(invitations) -> list:
    """The invitations, each with the token mailed to it as `token` (in memory only)."""
    invitations = list(invitations)
    for invitation in invitations:
        invitation.token = mailed_token(invitation)
    return invitations


PAGES = {
    1: {"main_mode": "bus", "distance_km": "12,5", "home_postcode": ""},
    2: {"days_office": "3", "days_home": "2", "days_hub": "0"},
    3: {
        "mode_mon": "bus",
        "mode_tue": "bicycle",
        "mode_wed": "home",
        "mode_thu": "bus",
        "mode_fri": "home",
    },
    4: {"car_access": "sometimes", "parking": "paid", "reasons": ["fastest", "cheapest"]},
    5: {"change_factors": ["cheaper_ticket"], "willingness": "4"},
    6: {"age_group": "35_44", "department": "Lager", "is_manager": "no"},
}


def answer_all(client, token: str, pages=PAGES):
    """Post every page as a browser without JavaScript would; the last response."""
    from django.urls import reverse

    response = None
    for number, data in pages.items():
        response = client.post(reverse("survey:step", args=[token, number]), data)
        assert response.status_code == 302, response.content.decode()[:3000]
    return response


def pdf_strings(content: bytes) -> list[str]:
    """The strings a PDF draws, in order: the text of each of its text objects (WeasyPrint
    writes one per run of text, so a table cell is one string), read with pdfium."""
    document = pdfium.PdfDocument(content)
    strings = []
    for page in document:
        textpage = page.get_textpage()
        for text_object in page.get_objects(filter=[pdfium_c.FPDF_PAGEOBJ_TEXT], max_depth=8):
            size = pdfium_c.FPDFTextObj_GetText(text_object.raw, textpage.raw, None, 0)
            buffer = (ctypes.c_ushort * (size // 2 + 1))()
            pdfium_c.FPDFTextObj_GetText(text_object.raw, textpage.raw, buffer, size)
            text = bytes(buffer)[: max(0, size - 2)].decode("utf-16-le")
            strings.append(text.strip())
        textpage.close()
        page.close()
    document.close()
    return [string for string in strings if string]


def pdf_text(content: bytes) -> str:
    """The text of a PDF as a reader copies it, page by page, with its line ends."""
    document = pdfium.PdfDocument(content)
    pages = []
    for page in document:
        textpage = page.get_textpage()
        pages.append(textpage.get_text_range())
        textpage.close()
        page.close()
    document.close()
    return "\n".join(pages)
