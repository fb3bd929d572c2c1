"""Files in the shapes HR systems export, for the tests."""

import io

from django.core.files.uploadedfile import SimpleUploadedFile
from openpyxl import Workbook


def csv_upload(text: str, *, name: str = "ansatte.csv", encoding: str = "utf-8"):
    return SimpleUploadedFile(name, text.encode(encoding), content_type="text/csv")


def xlsx_bytes(rows: list[list]) -> bytes:
    workbook = Workbook()
    sheet = workbook.active
    for row in rows:
        sheet.append(row)
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def xlsx_upload(rows: list[list], *, name: str = "ansatte.xlsx"):
    return SimpleUploadedFile(name, xlsx_bytes(rows))
