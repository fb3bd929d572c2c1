"""Pendel's mail: one home for every message it sends, and the local outbox.

Every mail is plain text first (the templates under templates/**/emails/ write it) with an
HTML alternative made from that same text by `mail_message`: the body's paragraphs and
links, nothing added or left out, inside one layout (templates/emails/base.html) in the
region's theme: its brand colour, programme name, logo and website. A mail without a
region (a password reset) gets Pendel's neutral theme.

The layout is for mail clients, not browsers: tables for layout, every style inline (no
stylesheet survives Gmail or Outlook), a `lang` attribute, text that stands without images
(the programme's name is always written out; the logo is decoration) and colours set on
every cell, declared light-only, so that a client's dark mode cannot leave dark text on a
dark ground.

The logo travels inside the mail as a related part (`cid:`), not as a link to Pendel:
clients that block remote images (Outlook, most corporate ones) still show it, media files
need no public address, and opening a survey invitation fetches nothing from Pendel, so no
one can tell who opened theirs.
"""

import re
from dataclasses import asdict, dataclass
from email.mime.image import MIMEImage
from pathlib import PurePosixPath

from django.conf import settings
from django.core.files.storage import default_storage
from django.core.mail import EmailMultiAlternatives
from django.core.mail.backends.base import BaseEmailBackend
from django.core.mail.message import SafeMIMEMultipart
from django.template.loader import render_to_string
from django.utils import translation
from django.utils.html import format_html
from django.utils.safestring import mark_safe

from pendel.core.colours import accent_tokens, text_on
from pendel.core.models import OutboxMessage

NEUTRAL_NAME = "Pendel"
NEUTRAL_COLOUR = "#0b5cad"  # a region's default brand colour: Pendel's own
LOGO_CID = "logo@pendel"
LOGO_MAX_BYTES = 300_000  # a logo is resized on upload; anything bigger stays out of mail
LOGO_TYPES = {".png": "png", ".jpg": "jpeg", ".jpeg": "jpeg", ".gif": "gif"}
URL = re.compile(r"https?://[^\s<>\"']+")
TRAILING = ".,;:!?)]}»”’"


@dataclass(frozen=True)
class MailTheme:
    """What a mail's layout takes from its region. Plain values, so that a task can carry
    it: `logo` is the file's name in storage ("" without one)."""

    name: str = NEUTRAL_NAME
    colour: str = NEUTRAL_COLOUR
    website: str = ""
    logo: str = ""

    def as_dict(self) -> dict:
        return asdict(self)


def mail_theme(region=None) -> MailTheme:
    """The region's theme, or Pendel's neutral one. Works before and after regions have
    logos (`Region.logo`, an image field)."""
    if region is None:
        return MailTheme(website=settings.SITE_URL)
    logo = getattr(region, "logo", None)
    return MailTheme(
        name=region.programme_name,
        colour=region.brand_colour or NEUTRAL_COLOUR,
        website=region.website,
        logo=(logo.name or "") if logo else "",
    )


def mail_render(template: str, context: dict, language: str) -> tuple[str, str]:
    """The subject (one line) and text body of `{template}_subject.txt` and
    `{template}_body.txt`, in `language`."""
    with translation.override(language or settings.LANGUAGE_CODE):
        subject = render_to_string(f"{template}_subject.txt", context)
        body = render_to_string(f"{template}_body.txt", context)
    return " ".join(subject.split()), body


def _split_url(match: str) -> tuple[str, str]:
    """A URL without the punctuation that ends the sentence around it."""
    url = match.rstrip(TRAILING)
    return url, match[len(url) :]


def _line_html(line: str, link_colour: str):
    """One line of text, escaped, its URLs made links to exactly themselves."""
    parts, start = [], 0
    for match in URL.finditer(line):
        url, rest = _split_url(match.group())
        parts.append(format_html("{}", line[start : match.start()]))
        parts.append(
            format_html(
                '<a href="{}" style="color:{};word-break:break-all">{}</a>', url, link_colour, url
            )
        )
        parts.append(format_html("{}", rest))
        start = match.end()
    parts.append(format_html("{}", line[start:]))
    return mark_safe("".join(parts))


def mail_blocks(body: str, link_colour: str) -> list[dict]:
    """The text body as the layout's blocks: paragraphs (lines kept) and, for a line that
    is only a link, a button to it with the address written out beneath."""
    blocks = []
    for paragraph in re.split(r"\n\s*\n", body.strip()):
        lines: list = []
        for line in paragraph.strip().splitlines():
            line = line.strip()
            match = URL.fullmatch(line)
            if match and _split_url(line)[1] == "":
                if lines:
                    blocks.append({"kind": "text", "html": mark_safe("<br>".join(lines))})
                    lines = []
                blocks.append({"kind": "link", "url": line})
            elif line:
                lines.append(_line_html(line, link_colour))
        if lines:
            blocks.append({"kind": "text", "html": mark_safe("<br>".join(lines))})
    return blocks


def mail_signed(body: str, theme: MailTheme) -> str:
    """The text body with the footer the HTML layout shows: the programme and its site."""
    footer = "\n".join(filter(None, [theme.name, theme.website]))
    return f"{body.rstrip()}\n\n-- \n{footer}\n"


def mail_html(*, subject: str, body: str, theme: MailTheme, language: str, logo: bool) -> str:
    tokens = accent_tokens(theme.colour)
    context = {
        "subject": subject,
        "language": language or settings.LANGUAGE_CODE,
        "theme": theme,
        "logo_src": f"cid:{LOGO_CID}" if logo else "",
        "band": theme.colour.lower(),
        "band_text": text_on(theme.colour),
        "accent": tokens["base-default"],
        "accent_text": tokens["base-contrast-default"],
        "tint": tokens["background-tinted"],
        "blocks": mail_blocks(body, tokens["base-default"]),
    }
    with translation.override(context["language"]):
        return render_to_string("emails/base.html", context)


def _logo_image(theme: MailTheme) -> MIMEImage | None:
    """The logo as a related part, or None (no logo, an unknown type, too big, gone)."""
    subtype = LOGO_TYPES.get(PurePosixPath(theme.logo).suffix.lower())
    if not theme.logo or subtype is None:
        return None
    try:
        with default_storage.open(theme.logo) as file:
            content = file.read(LOGO_MAX_BYTES + 1)
    except OSError:
        return None
    if len(content) > LOGO_MAX_BYTES:
        return None
    image = MIMEImage(content, _subtype=subtype)
    image.add_header("Content-ID", f"<{LOGO_CID}>")
    image.add_header("Content-Disposition", "inline", filename=f"logo.{subtype}")
    return image


class ThemedMail(EmailMultiAlternatives):
    """A mail whose HTML alternative carries images of its own (multipart/related), so
    that files attached to it (an invoice's PDF) stay ordinary attachments."""

    def __init__(self, *args, related=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.related = list(related)

    def _create_alternatives(self, msg):
        msg = super()._create_alternatives(msg)
        if not self.related or not self.alternatives:
            return msg
        parts = msg.get_payload()
        for index, part in enumerate(parts):
            if part.get_content_type() == "text/html":
                related = SafeMIMEMultipart(_subtype="related", encoding=self.encoding)
                related.attach(part)
                for image in self.related:
                    related.attach(image)
                parts[index] = related
        return msg


def mail_message(
    *,
    to: list[str],
    subject: str,
    body: str,
    language: str,
    theme: MailTheme | None = None,
    connection=None,
    reply_to: list[str] | None = None,
) -> ThemedMail:
    """The mail to send: the text body and its HTML alternative in the theme (neutral
    without one). Every mail Pendel sends is made here."""
    theme = theme or mail_theme()
    logo = _logo_image(theme)
    message = ThemedMail(
        subject=subject,
        body=mail_signed(body, theme),
        to=to,
        connection=connection,
        reply_to=reply_to,
        related=[logo] if logo else [],
    )
    message.attach_alternative(
        mail_html(subject=subject, body=body, theme=theme, language=language, logo=bool(logo)),
        "text/html",
    )
    return message


def _outbox_html(message) -> str:
    """The HTML alternative with its related images inlined, for reading in the outbox."""
    html = next(
        (content for content, mime in getattr(message, "alternatives", []) if mime == "text/html"),
        "",
    )
    for image in getattr(message, "related", []):
        cid = image["Content-ID"].strip("<>")
        data = image.get_payload().replace("\n", "")
        html = html.replace(f"cid:{cid}", f"data:{image.get_content_type()};base64,{data}")
    return html


class OutboxBackend(BaseEmailBackend):
    """Stores mail in the database instead of sending it (local use and demos)."""

    def send_messages(self, email_messages) -> int:
        rows = [
            OutboxMessage(
                from_email=message.from_email,
                to=", ".join(message.recipients()),
                subject=message.subject,
                body=message.body,
                html=_outbox_html(message),
            )
            for message in email_messages
        ]
        OutboxMessage.objects.bulk_create(rows)
        return len(rows)
