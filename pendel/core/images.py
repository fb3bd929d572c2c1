"""Uploaded images (a member's logo, a photo from an activity): checked by what the file is,
not by its name, and stored re-encoded.

Only PNG, JPEG and WebP are taken (SVG can carry scripts; it is refused with the rest).
The size in bytes and in pixels is checked before the image is decoded, so a small file
that unpacks into a huge image (a decompression bomb) is refused without being unpacked.
The stored image is a new file drawn into a bounded box: no metadata (EXIF, location, ICC
comments) of the upload survives, and the pages get a small, predictable file."""

import io

from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.utils.translation import gettext
from PIL import Image, ImageOps, UnidentifiedImageError

IMAGE_MAX_PIXELS = 25_000_000  # 5000 × 5000: more is too much to unpack
IMAGE_FORMATS = {"PNG", "JPEG", "WEBP"}


def _too_many_pixels() -> ValidationError:
    return ValidationError(
        gettext("The image is too large: at most %(pixels)s million pixels.")
        % {"pixels": IMAGE_MAX_PIXELS // 1_000_000},
        code="too_many_pixels",
    )


def _opened(data: bytes, refuse) -> Image.Image:
    """The image header read (nothing decoded yet), or a refusal."""
    try:
        image = Image.open(io.BytesIO(data), formats=sorted(IMAGE_FORMATS))
    except Image.DecompressionBombError:  # Pillow's own limit, far above ours
        raise _too_many_pixels() from None
    except (UnidentifiedImageError, OSError, ValueError):
        raise refuse() from None
    width, height = image.size
    if width * height > IMAGE_MAX_PIXELS:
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


def image_from_upload(
    upload, *, max_bytes: int, box: tuple[int, int], output: str, name: str, refuse
) -> ContentFile:
    """The upload re-encoded as `output` ("PNG" or "JPEG") of at most `box`, named `name`,
    or a ValidationError saying why not. `refuse()` makes the refusal for a file that is
    not an image we take (its wording names what the image is for)."""
    if upload.size > max_bytes:
        raise ValidationError(
            gettext("The file is too large: at most %(megabytes)s MB.")
            % {"megabytes": max_bytes // (1024 * 1024)},
            code="too_large",
        )
    data = upload.read(max_bytes + 1)
    image = _opened(data, refuse)
    if not _complete(data, image.format):
        raise refuse()
    try:
        image.load()  # a truncated or corrupt file fails here
        image = ImageOps.exif_transpose(image)
        image = image.convert("RGBA" if output == "PNG" else "RGB")
        image.thumbnail(box, Image.Resampling.LANCZOS)
    except (OSError, ValueError, SyntaxError, Image.DecompressionBombError):
        raise refuse() from None
    out = io.BytesIO()
    if output == "JPEG":
        image.save(out, format="JPEG", quality=85, optimize=True)
    else:
        image.save(out, format="PNG", optimize=True)
    return ContentFile(out.getvalue(), name=name)
