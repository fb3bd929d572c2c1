"""File downloads, one way for every app: the file as an attachment under a safe name, never
sniffed as another type, and not kept by any cache when it holds personal data. A large file
is streamed: an open file in blocks, or an iterator of byte chunks as they are made."""

import re
import unicodedata
from urllib.parse import quote

from django.http import FileResponse, HttpResponse, StreamingHttpResponse

PERSONAL_CACHE_CONTROL = "private, no-store"
# Characters that may not stand in a quoted filename, nor in most file systems.
UNSAFE = re.compile(r'[\x00-\x1f\x7f"\\/:*?<>|;%]+')


def ascii_filename(filename: str) -> str:
    """The name in plain ASCII for old clients: accents dropped (Sjöberg → Sjoberg), other
    letters (Æ, ø) and unsafe characters replaced by `_`."""
    decomposed = unicodedata.normalize("NFKD", filename)
    plain = "".join(
        char if ord(char) < 128 else "_" for char in decomposed if not unicodedata.combining(char)
    )
    plain = UNSAFE.sub("_", plain).strip(" .")
    return plain or "download"


def content_disposition(filename: str, *, inline: bool = False) -> str:
    """RFC 6266: a quoted ASCII `filename`, and `filename*` (RFC 5987, UTF-8) when the real
    name differs from it."""
    kind = "inline" if inline else "attachment"
    fallback = ascii_filename(filename)
    header = f'{kind}; filename="{fallback}"'
    cleaned = UNSAFE.sub("_", filename).strip(" .") or fallback
    if cleaned != fallback:
        header += f"; filename*=utf-8''{quote(cleaned, safe='')}"
    return header


def no_store(response: HttpResponse) -> HttpResponse:
    """No cache, shared or the browser's, keeps this response."""
    response["Cache-Control"] = PERSONAL_CACHE_CONTROL
    return response


def file_response(
    content, *, filename: str, content_type: str, personal: bool = True
) -> HttpResponse:
    """An attachment. `content` is bytes (or str); an open binary file, which is streamed
    and closed at the end; or an iterator of byte chunks, sent as they come."""
    if hasattr(content, "read"):
        response = FileResponse(content, content_type=content_type)
    elif not isinstance(content, bytes | str):
        response = StreamingHttpResponse(content, content_type=content_type)
    else:
        response = HttpResponse(content, content_type=content_type)
    response["Content-Disposition"] = content_disposition(filename)
    response["X-Content-Type-Options"] = "nosniff"
    if personal:
        no_store(response)
    return response
