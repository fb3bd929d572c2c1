"""A member's logo: checked and re-encoded by pendel/core/images.py, stored as a PNG of at
most LOGO_BOX, so the public pages get a small, predictable file."""

from django.core.exceptions import ValidationError
from django.utils.translation import gettext

from pendel.core.images import IMAGE_MAX_PIXELS, image_from_upload

LOGO_MAX_BYTES = 2 * 1024 * 1024
LOGO_MAX_PIXELS = IMAGE_MAX_PIXELS
LOGO_BOX = (600, 300)


def _refuse() -> ValidationError:
    return ValidationError(
        gettext("This file is not a logo we can use. Upload a PNG, JPEG or WebP image."),
        code="invalid_image",
    )


def logo_from_upload(upload):
    """The upload as a new PNG of at most LOGO_BOX, or a ValidationError saying why not."""
    return image_from_upload(
        upload,
        max_bytes=LOGO_MAX_BYTES,
        box=LOGO_BOX,
        output="PNG",
        name="logo.png",
        refuse=_refuse,
    )
