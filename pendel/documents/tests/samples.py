"""Small files of every kind the archive takes, and some it must refuse."""

import io
import zipfile

OOXML = "application/vnd.openxmlformats-officedocument."
PDF = b"%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n"
PNG = b"\x89PNG\r\n\x1a\n" + b"\x00\x00\x00\rIHDR" + b"\x00" * 17
JPEG = b"\xff\xd8\xff\xe0\x00\x10JFIF\x00" + b"\x00" * 20 + b"\xff\xd9"
EXE = b"MZ\x90\x00\x03\x00\x00\x00\x04\x00\x00\x00\xff\xff\x00\x00" + b"\x00" * 48
CSV = "Navn;Reisemåte\nKari;sykkel\n".encode()
CSV_WINDOWS = "Namn;Färdsätt\nÅsa;cykel\n".encode("cp1252")
TEXT = "Notat fra møtet med bedriften.\n".encode()


def office(main_part: str) -> bytes:
    """A zip with a [Content_Types].xml naming its main part, like Word, Excel, PowerPoint."""
    types = (
        '<?xml version="1.0" encoding="UTF-8"?>'
        '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
        f'<Override PartName="/main.xml" ContentType="{main_part}"/></Types>'
    )
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("[Content_Types].xml", types)
        archive.writestr("main.xml", "<document/>")
    return buffer.getvalue()


def opendocument(media_type: str) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("mimetype", media_type, compress_type=zipfile.ZIP_STORED)
        archive.writestr("content.xml", "<office:document-content/>")
    return buffer.getvalue()


DOCX = office(OOXML + "wordprocessingml.document.main+xml")
XLSX = office(OOXML + "spreadsheetml.sheet.main+xml")
PPTX = office(OOXML + "presentationml.presentation.main+xml")
ODT = opendocument("application/vnd.oasis.opendocument.text")
ODS = opendocument("application/vnd.oasis.opendocument.spreadsheet")
