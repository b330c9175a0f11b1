"""The national award catalogue (domain.md §8, §17) and the base salary values, as frozen rows: this migration
imports nothing of the project, so later code changes never change what it seeds."""

import datetime
from decimal import Decimal

from django.db import migrations

# ---------------------------------------------------------------------------
# The national catalogue (domain.md §8, §17), frozen here: later changes are new migrations or the admin's.
# Money: ND 152/2025/NĐ-CP Art. 50 (titles) and Art. 54 (forms of commendation). The individual amounts of
# Bằng khen and Giấy khen (1.5 and 0.3) come from secondary summaries: verify against the official text.
# ---------------------------------------------------------------------------
ENTERPRISE_DOSSIER = [
    "TO_TRINH",
    "BIEN_BAN",
    "BAO_CAO_THANH_TICH",
    "TU_CHAM_DIEM",
    "BANG_XEP_HANG",
    "XAC_NHAN_THUE",
    "XAC_NHAN_BHXH",
    "XAC_NHAN_PCCC",
    "XAC_NHAN_MOI_TRUONG",
    "XAC_NHAN_ATVSLD",
]
SUB_UNIT_DOSSIER = ["TO_TRINH", "BIEN_BAN", "BAO_CAO_THANH_TICH"]
INDIVIDUAL_DOSSIER = ["TO_TRINH", "BIEN_BAN", "BAO_CAO_THANH_TICH"]
AD_HOC_DOSSIER = ["TO_TRINH", "BAO_CAO_THANH_TICH", "MINH_CHUNG"]

AWARD_TYPES = [
    {
        "code": "CO_TINH",
        "name": "Cờ thi đua của Ủy ban nhân dân tỉnh {province}",
        "name_en": "Provincial People's Committee Emulation Flag",
        "short_name": "Cờ thi đua",
        "category": "TITLE",
        "deciding_level": "PROVINCE",
        "subjects": {"ENTERPRISE": ENTERPRISE_DOSSIER},
        "standard": (
            "Tập thể dẫn đầu phong trào thi đua của cụm, khối thi đua do tỉnh tổ chức; hoàn thành vượt mức các "
            "chỉ tiêu thi đua và nhiệm vụ được giao; nội bộ đoàn kết; thực hành tiết kiệm, chống lãng phí, "
            "chống tham nhũng (Luật Thi đua, khen thưởng 2022, Điều 26 khoản 1)."
        ),
        "council_threshold": "0.8",
        "council_threshold_inclusive": True,
        "money_collective": "8.0",
        "money_basis": "Nghị định 152/2025/NĐ-CP, Điều 50 khoản 2 điểm e",
        "sort_order": 10,
    },
    {
        "code": "BK_CT_TINH",
        "name": "Bằng khen của Chủ tịch Ủy ban nhân dân tỉnh {province}",
        "name_en": "Certificate of Merit of the Provincial Chairman",
        "short_name": "Bằng khen",
        "category": "FORM",
        "deciding_level": "PROVINCE",
        "subjects": {
            "ENTERPRISE": ENTERPRISE_DOSSIER,
            "SUB_UNIT": SUB_UNIT_DOSSIER,
            "INDIVIDUAL": INDIVIDUAL_DOSSIER,
        },
        "standard": (
            "Chấp hành tốt chủ trương, chính sách, pháp luật; nội bộ đoàn kết; và có thành tích xuất sắc trong "
            "phong trào thi đua, hoặc 02 năm liên tục hoàn thành xuất sắc nhiệm vụ."
        ),
        "money_collective": "3.0",
        "money_individual": "1.5",
        "money_basis": "Nghị định 152/2025/NĐ-CP, Điều 54",
        "years_of_excellence": 2,
        "sort_order": 20,
    },
    {
        "code": "TTLDXS",
        "name": "Tập thể lao động xuất sắc",
        "name_en": "Excellent Labour Collective",
        "short_name": "Tập thể lao động xuất sắc",
        "category": "TITLE",
        "deciding_level": "PROVINCE",
        "subjects": {"ENTERPRISE": ENTERPRISE_DOSSIER, "SUB_UNIT": SUB_UNIT_DOSSIER},
        "standard": (
            "Hoàn thành xuất sắc nhiệm vụ; phong trào thi đua thường xuyên, hiệu quả; 100% thành viên hoàn "
            "thành nhiệm vụ, ít nhất 70% đạt danh hiệu Lao động tiên tiến; có cá nhân đạt Chiến sĩ thi đua cơ "
            "sở; nội bộ đoàn kết (Luật 2022, Điều 27)."
        ),
        "money_collective": "1.5",
        "money_basis": "Nghị định 152/2025/NĐ-CP, Điều 50 khoản 2 điểm a",
        "sort_order": 30,
    },
    {
        "code": "TTLDTT",
        "name": "Tập thể lao động tiên tiến",
        "name_en": "Advanced Labour Collective",
        "short_name": "Tập thể lao động tiên tiến",
        "category": "TITLE",
        "deciding_level": "ENTERPRISE",
        "subjects": {"SUB_UNIT": []},
        "standard": (
            "Hoàn thành tốt nhiệm vụ; ít nhất 70% thành viên đạt Lao động tiên tiến, không có cá nhân bị kỷ "
            "luật từ cảnh cáo trở lên (Luật 2022, Điều 28)."
        ),
        "council_vote": False,
        "money_collective": "0.8",
        "money_basis": "Nghị định 152/2025/NĐ-CP, Điều 50 khoản 2 điểm b",
        "sort_order": 40,
    },
    {
        "code": "CSTDCS",
        "name": "Chiến sĩ thi đua cơ sở",
        "name_en": "Grassroots Emulation Fighter",
        "short_name": "Chiến sĩ thi đua cơ sở",
        "category": "TITLE",
        "deciding_level": "ENTERPRISE",
        "subjects": {"INDIVIDUAL": []},
        "standard": (
            "Đạt tiêu chuẩn Lao động tiên tiến và hoàn thành xuất sắc nhiệm vụ hoặc có sáng kiến được công "
            "nhận (Luật 2022, Điều 23)."
        ),
        "council_vote": False,
        "council_threshold": "0.8",
        "council_threshold_inclusive": True,
        "money_individual": "1.0",
        "money_basis": "Nghị định 152/2025/NĐ-CP, Điều 50 khoản 1 điểm c",
        "sort_order": 50,
    },
    {
        "code": "LDTT",
        "name": "Lao động tiên tiến",
        "name_en": "Advanced Worker",
        "short_name": "Lao động tiên tiến",
        "category": "TITLE",
        "deciding_level": "ENTERPRISE",
        "subjects": {"INDIVIDUAL": []},
        "standard": "Hoàn thành tốt nhiệm vụ, chấp hành tốt pháp luật, tích cực tham gia phong trào thi đua.",
        "council_vote": False,
        "money_individual": "0.3",
        "money_basis": "Nghị định 152/2025/NĐ-CP, Điều 50 khoản 1 điểm d",
        "sort_order": 60,
    },
    {
        "code": "GK_BQL",
        "name": "Giấy khen của Trưởng {board}",
        "name_en": "Certificate of Commendation of the Board Head",
        "short_name": "Giấy khen",
        "category": "FORM",
        "deciding_level": "BOARD",
        "subjects": {
            "ENTERPRISE": ENTERPRISE_DOSSIER,
            "SUB_UNIT": SUB_UNIT_DOSSIER,
            "INDIVIDUAL": INDIVIDUAL_DOSSIER,
        },
        "standard": (
            "Chấp hành tốt pháp luật, nội bộ đoàn kết, hoàn thành tốt nhiệm vụ và có thành tích được ghi nhận "
            "trong phong trào thi đua (Luật 2022, Điều 75)."
        ),
        "money_collective": "0.6",
        "money_individual": "0.3",
        "money_basis": "Nghị định 152/2025/NĐ-CP, Điều 54",
        "sort_order": 70,
    },
    {
        "code": "KT_DOT_XUAT",
        "name": "Giấy khen của Trưởng {board} (khen thưởng đột xuất)",
        "name_en": "Ad-hoc Certificate of Commendation of the Board Head",
        "short_name": "Giấy khen đột xuất",
        "category": "FORM",
        "basis": "AD_HOC",
        "deciding_level": "BOARD",
        "subjects": {"ENTERPRISE": AD_HOC_DOSSIER, "SUB_UNIT": AD_HOC_DOSSIER, "INDIVIDUAL": AD_HOC_DOSSIER},
        "standard": (
            "Lập được thành tích đột xuất (ví dụ Người tốt, việc tốt). Kết quả khen thưởng đột xuất không làm "
            "căn cứ đề nghị khen thưởng công trạng (Nghị định 152/2025/NĐ-CP, Điều 4)."
        ),
        "money_collective": "0.6",
        "money_individual": "0.3",
        "money_basis": "Nghị định 152/2025/NĐ-CP, Điều 54",
        "sort_order": 80,
    },
]

BASE_SALARIES = [
    ("2024-07-01", 2_340_000, "Nghị định 73/2024/NĐ-CP, Điều 3", False),
    ("2026-07-01", 2_530_000, "Nghị định 161/2026/NĐ-CP", True),
]


def seed_catalogue(apps, schema_editor):
    AwardType = apps.get_model("awards", "AwardType")
    DossierRequirement = apps.get_model("awards", "DossierRequirement")
    BaseSalary = apps.get_model("awards", "BaseSalary")
    for row in AWARD_TYPES:
        row = dict(row)
        subjects = row.pop("subjects")
        for key in ("council_threshold", "money_collective", "money_individual"):
            if key in row:
                row[key] = Decimal(row[key])
        award = AwardType.objects.create(
            admits_enterprise="ENTERPRISE" in subjects,
            admits_sub_unit="SUB_UNIT" in subjects,
            admits_individual="INDIVIDUAL" in subjects,
            **row,
        )
        DossierRequirement.objects.bulk_create(
            DossierRequirement(award_type=award, subject_kind=kind, document_type=document)
            for kind, documents in subjects.items()
            for document in documents
        )
    for start, amount, basis, to_verify in BASE_SALARIES:
        BaseSalary.objects.create(
            effective_from=datetime.date.fromisoformat(start), amount=amount, legal_basis=basis, to_verify=to_verify
        )


def unseed_catalogue(apps, schema_editor):
    apps.get_model("awards", "DossierRequirement").objects.all().delete()
    apps.get_model("awards", "AwardType").objects.all().delete()
    apps.get_model("awards", "BaseSalary").objects.all().delete()


class Migration(migrations.Migration):
    dependencies = [("awards", "0001_initial")]

    operations = [migrations.RunPython(seed_catalogue, unseed_catalogue)]
