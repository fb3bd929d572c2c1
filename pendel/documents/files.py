"""Which files the archive accepts. A file is judged by its name's extension and by its
first bytes, so a program renamed to report.pdf is refused; the content type we store and
send back comes from this table, never from the browser."""

import codecs
import re
import zipfile
from dataclasses import dataclass
from pathlib import PurePosixPath

from django.conf import settings
from django.core.exceptions import SuspiciousFileOperation, ValidationError
from django.template.defaultfilters import filesizeformat
from django.utils.text import get_valid_filename
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

HEAD_BYTES = 64 * 1024
ALLOWED_TYPES_TEXT = _("PDF, Word, Excel, PowerPoint, OpenDocument, CSV, plain text, PNG and JPEG")
OOXML = "application/vnd.openxmlformats-officedocument."
ODF = "application/vnd.oasis.opendocument."


@dataclass(frozen=True)
class FileType:
    content_type: str
    kind: str  # how the content is recognised, see _CHECKS
    marker: str = ""  # the main part's content type inside an office file


FILE_TYPES = {
    "pdf": FileType("application/pdf", "pdf"),
    "png": FileType("image/png", "png"),
    "jpg": FileType("image/jpeg", "jpeg"),
    "jpeg": FileType("image/jpeg", "jpeg"),
    "docx": FileType(
        OOXML + "wordprocessingml.document", "ooxml", OOXML + "wordprocessingml.document.main+xml"
    ),
    "xlsx": FileType(
        OOXML + "spreadsheetml.sheet", "ooxml", OOXML + "spreadsheetml.sheet.main+xml"
    ),
    "pptx": FileType(
        OOXML + "presentationml.presentation",
        "ooxml",
        OOXML + "presentationml.presentation.main+xml",
    ),
    "odt": FileType(ODF + "text", "odf", ODF + "text"),
    "ods": FileType(ODF + "spreadsheet", "odf", ODF + "spreadsheet"),
    "csv": FileType("text/csv", "text"),
    "txt": FileType("text/plain", "text"),
}


def max_bytes() -> int:
    return getattr(settings, "DOCUMENT_MAX_BYTES", 20 * 1024 * 1024)


def file_extension(name: str) -> str:
    return PurePosixPath(_basename(name)).suffix.lower().lstrip(".")


def file_check(file) -> str:
    """Refuse what the archive does not take; return the content type to store."""
    if not file.size:
        raise _invalid(gettext("The file is empty."), "empty")
    if file.size > max_bytes():
        message = gettext("The file is larger than %(limit)s.") % {
            "limit": filesizeformat(max_bytes())
        }
        raise _invalid(message, "too_large")
    file_type = _file_type(file.name)
    if not _content_matches(file, file_type):
        raise _invalid(gettext("The file's content does not match its name."), "mismatch")
    return file_type.content_type


def _file_type(name: str) -> FileType:
    extension = file_extension(name)
    allowed = {"allowed": ALLOWED_TYPES_TEXT}
    if not extension:
        message = gettext("The file name has no extension. Allowed: %(allowed)s.") % allowed
        raise _invalid(message, "no_extension")
    if extension not in FILE_TYPES:
        message = gettext("Files of type .%(extension)s cannot be uploaded. Allowed: %(allowed)s.")
        raise _invalid(message % {"extension": extension, **allowed}, "type")
    return FILE_TYPES[extension]


def _invalid(message: str, code: str) -> ValidationError:
    return ValidationError({"file": ValidationError(message, code=code)})


def _content_matches(file, file_type: FileType) -> bool:
    file.seek(0)
    try:
        return _CHECKS[file_type.kind](file, file_type)
    finally:
        file.seek(0)


def _is_pdf(file, file_type) -> bool:
    # Readers accept the header anywhere in the first kilobyte.
    return b"%PDF-" in file.read(1024)


def _is_png(file, file_type) -> bool:
    return file.read(8) == b"\x89PNG\r\n\x1a\n"


def _is_jpeg(file, file_type) -> bool:
    return file.read(3) == b"\xff\xd8\xff"


def _is_ooxml(file, file_type) -> bool:
    """Word, Excel, PowerPoint: a zip whose [Content_Types].xml names the main part."""
    part = _zip_member(file, "[Content_Types].xml", 256 * 1024)
    return part is not None and file_type.marker.encode() in part


def _is_odf(file, file_type) -> bool:
    """OpenDocument: a zip whose 'mimetype' entry holds the media type."""
    part = _zip_member(file, "mimetype", 256)
    return part is not None and part.strip() == file_type.marker.encode()


def _zip_member(file, member: str, limit: int) -> bytes | None:
    try:
        with zipfile.ZipFile(file) as archive, archive.open(member) as part:
            return part.read(limit)
    except (zipfile.BadZipFile, KeyError, OSError, RuntimeError, NotImplementedError):
        return None


CONTROL_BYTES = re.compile(rb"[\x00-\x08\x0b\x0e-\x1f]")


def _is_text(file, file_type) -> bool:
    """UTF-8 (what most tools write) or Windows-1252 (what Excel in Europe writes)."""
    head = file.read(HEAD_BYTES)
    if CONTROL_BYTES.search(head):
        return False
    for encoding in ("utf-8-sig", "cp1252"):
        try:
            # Not final: the head may end in the middle of a character.
            codecs.getincrementaldecoder(encoding)().decode(head, final=False)
        except UnicodeDecodeError:
            continue
        return True
    return False


_CHECKS = {
    "pdf": _is_pdf,
    "png": _is_png,
    "jpeg": _is_jpeg,
    "ooxml": _is_ooxml,
    "odf": _is_odf,
    "text": _is_text,
}


def _basename(name: str) -> str:
    # Some browsers send the full path; Windows paths use backslashes.
    return (name or "").replace("\\", "/").rsplit("/", 1)[-1]


def original_filename(name: str) -> str:
    """The name as the user knows it, without a path or control characters."""
    cleaned = "".join(char for char in _basename(name) if char.isprintable()).strip()
    return _shorten(cleaned, 255) or "document"


def safe_filename(name: str) -> str:
    """A storage-safe version of the name: letters, digits, dot, dash and underscore."""
    path = PurePosixPath(_basename(name))
    try:
        stem = get_valid_filename(path.stem)
    except SuspiciousFileOperation:  # names like '..' or ''
        stem = "document"
    suffix = re.sub(r"[^a-z0-9.]", "", path.suffix.lower())
    return f"{stem[:80]}{suffix[:10]}"


def _shorten(name: str, limit: int) -> str:
    if len(name) <= limit:
        return name
    path = PurePosixPath(name)
    suffix = path.suffix[:20]
    return path.stem[: limit - len(suffix)] + suffix
