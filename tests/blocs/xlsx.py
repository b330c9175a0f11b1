"""Build .xlsx uploads in memory for the import tests."""

import io

from django.core.files.uploadedfile import SimpleUploadedFile
from openpyxl import Workbook

from blocs.register.xlsx import COLUMNS

HEADER = [c.header_vi for c in COLUMNS]


def xlsx_bytes(rows, header=HEADER) -> bytes:
    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet("Doanh nghiệp")
    if header is not None:
        sheet.append(header)
    for row in rows:
        sheet.append(list(row))
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def upload(content: bytes, name: str = "doanh-nghiep.xlsx") -> SimpleUploadedFile:
    return SimpleUploadedFile(name, content, content_type="application/octet-stream")


def row(tax_code, name="Công ty TNHH Ván dán Hồng Ngọc", park="", ownership="Trong nước", **extra):
    values = {
        "tax_code": tax_code,
        "name": name,
        "name_en": "",
        "park": park,
        "ownership": ownership,
        "sector": "Chế biến gỗ",
        "legal_representative": "Nguyễn Văn An",
        "representative_title": "Giám đốc",
        "address": "KCN Thanh Bình",
        "phone": "0208 3856 123",
        "email": "",
        "employees": 120,
    }
    values.update(extra)
    return [values[c.field] for c in COLUMNS]
