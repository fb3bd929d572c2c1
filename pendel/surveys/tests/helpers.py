"""Shared by the survey tests: the answers of a whole questionnaire as the pages post them,
and the survey links mailed to invitations."""

import base64
import re
import zlib

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


def _inflate(stream: bytes) -> bytes:
    data = stream.strip()
    if data.endswith(b"~>"):  # reportlab's ASCII85 layer
        data = base64.a85decode(data[2:-2] if data.startswith(b"<~") else data[:-2])
    try:
        return zlib.decompress(data)
    except zlib.error:
        return data


def pdf_strings(content: bytes) -> list[str]:
    """The strings a PDF draws, in order, from its inflated content streams."""
    streams = re.findall(rb"stream\r?\n(.*?)endstream", content, re.S)
    text = b"\n".join(_inflate(stream) for stream in streams).decode("latin-1")
    strings = re.findall(r"\((.*?)\) Tj", text)
    return [re.sub(r"\\([0-7]{3}|.)", _unescape, string) for string in strings]


def _unescape(match) -> str:
    code = match.group(1)
    return bytes([int(code, 8)]).decode("cp1252") if len(code) == 3 else code
