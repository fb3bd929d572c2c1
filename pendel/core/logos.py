"""A logo (a member's, a programme's): checked by what the file is, not by its name, and
stored re-encoded.

Only PNG, JPEG and WebP are taken (SVG can carry scripts; it is refused with the rest).
The size in bytes and in pixels is checked before the image is decoded, so a small file
that unpacks into a huge image (a decompression bomb) is refused without being unpacked.
The stored logo is a new PNG, drawn into a bounded box: no metadata (EXIF, location, ICC
comments) of the upload survives, and the public pages get a small, predictable file."""

import base64
import io

from django import forms
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.db import transaction
from django.http import FileResponse, Http404
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from PIL import Image, ImageOps, UnidentifiedImageError

LOGO_MAX_BYTES = 2 * 1024 * 1024
LOGO_MAX_PIXELS = 25_000_000  # 5000 × 5000: more is no logo, and too much to unpack
LOGO_BOX = (600, 300)
LOGO_FORMATS = {"PNG", "JPEG", "WEBP"}


def _refuse() -> ValidationError:
    return ValidationError(
        gettext("This file is not a logo we can use. Upload a PNG, JPEG or WebP image."),
        code="invalid_image",
    )


def _too_many_pixels() -> ValidationError:
    return ValidationError(
        gettext("The image is too large: at most %(pixels)s million pixels.")
        % {"pixels": LOGO_MAX_PIXELS // 1_000_000},
        code="too_many_pixels",
    )


def _opened(data: bytes) -> Image.Image:
    """The image header read (nothing decoded yet), or a refusal."""
    try:
        image = Image.open(io.BytesIO(data), formats=sorted(LOGO_FORMATS))
    except Image.DecompressionBombError:  # Pillow's own limit, far above ours
        raise _too_many_pixels() from None
    except (UnidentifiedImageError, OSError, ValueError):
        raise _refuse() from None
    width, height = image.size
    if width * height > LOGO_MAX_PIXELS:
        raise _too_many_pixels()
    return image


def _complete(data: bytes, image_format: str) -> bool:
    """Whether the file ends as its format says a whole file ends. Pillow alone cannot be
    trusted with this: WeasyPrint sets Pillow's process-wide LOAD_TRUNCATED_IMAGES when it
    is imported, after which a truncated file loads without an error."""
    if image_format == "PNG":
        return b"IEND" in data[-16:]
    if image_format == "JPEG":
        return b"\xff\xd9" in data[-1024:]
    if image_format == "WEBP":
        return len(data) >= 12 and int.from_bytes(data[4:8], "little") + 8 <= len(data)
    return False


def logo_from_upload(upload) -> ContentFile:
    """The upload as a new PNG of at most LOGO_BOX, or a ValidationError saying why not."""
    if upload.size > LOGO_MAX_BYTES:
        raise ValidationError(
            gettext("The file is too large: at most %(megabytes)s MB.")
            % {"megabytes": LOGO_MAX_BYTES // (1024 * 1024)},
            code="too_large",
        )
    data = upload.read(LOGO_MAX_BYTES + 1)
    image = _opened(data)
    if not _complete(data, image.format):
        raise _refuse()
    try:
        image.load()  # a truncated or corrupt file fails here
        image = ImageOps.exif_transpose(image)
        image = image.convert("RGBA")
        image.thumbnail(LOGO_BOX, Image.Resampling.LANCZOS)
    except (OSError, ValueError, SyntaxError, Image.DecompressionBombError):
        raise _refuse() from None
    out = io.BytesIO()
    image.save(out, format="PNG", optimize=True)
    return ContentFile(out.getvalue(), name="logo.png")


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
