"""A logo (a member's, a programme's): checked by what the file is, not by its name, and
stored re-encoded.

Only PNG, JPEG and WebP are taken (SVG can carry scripts; it is refused with the rest).
The size in bytes and in pixels is checked before the image is decoded, so a small file
that unpacks into a huge image (a decompression bomb) is refused without being unpacked.
The stored logo is a new PNG, drawn into a bounded box: no metadata (EXIF, location, ICC
comments) of the upload survives, and the public pages get a small, predictable file."""

import base64

from django import forms
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.db import transaction
from django.http import FileResponse, Http404
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from pendel.core.images import IMAGE_MAX_PIXELS, image_from_upload

LOGO_MAX_BYTES = 2 * 1024 * 1024
LOGO_MAX_PIXELS = IMAGE_MAX_PIXELS
LOGO_BOX = (600, 300)


def _refuse() -> ValidationError:
    return ValidationError(
        gettext("This file is not a logo we can use. Upload a PNG, JPEG or WebP image."),
        code="invalid_image",
    )


def logo_from_upload(upload) -> ContentFile:
    """The upload as a new PNG of at most LOGO_BOX, or a ValidationError saying why not
    (the checks themselves are pendel/core/images.py's)."""
    return image_from_upload(
        upload,
        max_bytes=LOGO_MAX_BYTES,
        box=LOGO_BOX,
        output="PNG",
        name="logo.png",
        refuse=_refuse,
    )


def logo_data_uri(logo) -> str:
    """A stored logo (an ImageField's file, re-encoded as PNG above) as a data: URI, for
    documents that carry their images inside them (the PDF reports); "" without one."""
    if not logo:
        return ""
    try:
        with logo.open("rb") as handle:
            data = handle.read(LOGO_MAX_BYTES + 1)
    except (FileNotFoundError, OSError):
        return ""
    return "data:image/png;base64," + base64.b64encode(data).decode("ascii")


def logo_delete_after_commit(field, name: str) -> None:
    """Delete a replaced or removed logo file once the change is committed (a rolled-back
    change keeps its file). `field` is the model's ImageField."""
    if name:
        transaction.on_commit(lambda: field.storage.delete(name))


class LogoForm(forms.Form):
    logo = forms.FileField(
        label=_("Logo"),
        help_text=_("PNG, JPEG or WebP, at most 2 MB. We resize it to fit 600 × 300 pixels."),
        widget=forms.ClearableFileInput(attrs={"accept": "image/png,image/jpeg,image/webp"}),
    )


def logo_response(logo) -> FileResponse:
    """A stored logo as an image response; 404 without one. Logos shown on public pages
    are no secret: caches may keep them for a few minutes."""
    if not logo:
        raise Http404
    try:
        handle = logo.open("rb")
    except (FileNotFoundError, OSError):
        raise Http404 from None
    response = FileResponse(handle, content_type="image/png")
    response["Cache-Control"] = "public, max-age=300"
    response["X-Content-Type-Options"] = "nosniff"
    return response
