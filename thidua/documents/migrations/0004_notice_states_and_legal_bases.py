"""Issued notices become ISSUED; every existing Board gets the standard legal bases.

The rows are frozen here (a migration never imports live code); new Boards get them from
``thidua.documents.services.seed_legal_bases``.
"""

import datetime
import unicodedata

from django.db import migrations

PLACEHOLDER = "…"


def _locality_words(parent_body_line: str, place_name: str) -> str:
    text = " ".join(unicodedata.normalize("NFC", parent_body_line).upper().split())
    for long_form in ("ỦY BAN NHÂN DÂN ", "UỶ BAN NHÂN DÂN ", "UBND "):
        if text.startswith(long_form):
            locality = text.removeprefix(long_form)
            if not place_name:
                return PLACEHOLDER
            return f"{'thành phố' if locality.startswith('THÀNH PHỐ') else 'tỉnh'} {place_name}"
    return PLACEHOLDER


def _entries(board) -> list[dict]:
    where = _locality_words(board.parent_body_line, board.place_name)
    committee = f"Ủy ban nhân dân {where}"
    return [
        {
            "code": "law_06_2022",
            "instrument": "Luật",
            "number": "06/2022/QH15",
            "signed_on": datetime.date(2022, 6, 15),
            "issuer": "Quốc hội",
            "title": "Thi đua, khen thưởng",
            "in_force_from": datetime.date(2024, 1, 1),
            "position": 10,
        },
        {
            "code": "decree_152_2025",
            "instrument": "Nghị định",
            "number": "152/2025/NĐ-CP",
            "signed_on": datetime.date(2025, 6, 14),
            "issuer": "Chính phủ",
            "title": "quy định về phân cấp, phân quyền trong lĩnh vực thi đua, khen thưởng; quy định chi tiết và "
            "hướng dẫn thi hành một số điều của Luật Thi đua, khen thưởng",
            "in_force_from": datetime.date(2025, 7, 1),
            "position": 20,
        },
        {
            "code": "circular_15_2025",
            "instrument": "Thông tư",
            "number": "15/2025/TT-BNV",
            "signed_on": None,
            "issuer": "Bộ trưởng Bộ Nội vụ",
            "title": "quy định biện pháp để tổ chức, hướng dẫn thi hành Luật Thi đua, khen thưởng và Nghị định số "
            "152/2025/NĐ-CP",
            "in_force_from": None,
            "position": 30,
        },
        {
            "code": "provincial_regulation",
            "instrument": "Quyết định",
            "number": f"{PLACEHOLDER}/QĐ-UBND",
            "signed_on": None,
            "issuer": committee,
            "title": f"ban hành Quy định về công tác thi đua, khen thưởng trên địa bàn {where}",
            "in_force_from": None,
            "position": 40,
        },
        {
            "code": "board_functions",
            "instrument": "Quyết định",
            "number": f"{PLACEHOLDER}/QĐ-UBND",
            "signed_on": None,
            "issuer": committee,
            "title": f"quy định chức năng, nhiệm vụ, quyền hạn và cơ cấu tổ chức của {board.name}",
            "in_force_from": None,
            "position": 50,
        },
    ]


def forwards(apps, schema_editor):
    Notice = apps.get_model("documents", "Notice")
    Notice.objects.filter(document__isnull=False).update(status="issued")
    Organization = apps.get_model("accounts", "Organization")
    LegalBasis = apps.get_model("documents", "LegalBasis")
    for board in Organization.objects.all():
        existing = set(LegalBasis.objects.filter(organization=board).values_list("code", flat=True))
        LegalBasis.objects.bulk_create(
            LegalBasis(organization=board, kinds=[], **entry)
            for entry in _entries(board)
            if entry["code"] not in existing
        )


class Migration(migrations.Migration):
    dependencies = [
        ("accounts", "0002_board_document_settings"),
        ("documents", "0003_signing_registers_legal_bases"),
    ]

    operations = [migrations.RunPython(forwards, migrations.RunPython.noop)]
