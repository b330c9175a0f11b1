"""Seed the national indicator catalogue as global rows (no Board).

The rows are frozen here as they stood when this migration was written: a migration never imports live code,
and a later change to the catalogue comes with its own data migration (tests/test_migrations.py checks that a
fresh migrate gives the catalogue the code uses).
"""

from django.db import migrations

# code, name (VI), name (EN), unit, kind, aggregation, optional
CATALOGUE = [
    ("GTSX", "Giá trị sản xuất công nghiệp", "Industrial output value", "tỷ đồng", "NUMERIC", "SUM", False),
    ("DT", "Doanh thu", "Revenue", "tỷ đồng", "NUMERIC", "SUM", False),
    ("LN", "Lợi nhuận sau thuế", "Profit after tax", "tỷ đồng", "NUMERIC", "SUM", True),
    ("XK", "Kim ngạch xuất khẩu", "Export turnover", "triệu USD", "NUMERIC", "SUM", False),
    ("NK", "Kim ngạch nhập khẩu", "Import turnover", "triệu USD", "NUMERIC", "SUM", False),
    ("NNS", "Nộp ngân sách nhà nước", "State-budget contributions", "tỷ đồng", "NUMERIC", "SUM", False),
    ("VDT", "Vốn đầu tư thực hiện", "Investment disbursed", "tỷ đồng", "NUMERIC", "SUM", False),
    (
        "LD",
        "Tổng số lao động (cuối kỳ)",
        "Employees at period end",
        "người",
        "NUMERIC",
        "END_OF_PERIOD",
        False,
    ),
    ("LD_NU", "Trong đó lao động nữ", "Of which female", "người", "NUMERIC", "END_OF_PERIOD", False),
    ("LD_NN", "Lao động nước ngoài", "Foreign workers", "người", "NUMERIC", "END_OF_PERIOD", False),
    (
        "TNBQ",
        "Thu nhập bình quân",
        "Average income",
        "triệu đồng/người/tháng",
        "NUMERIC",
        "WEIGHTED_AVG",
        False,
    ),
    (
        "BHXH_LD",
        "Số lao động tham gia BHXH",
        "Employees covered by social insurance",
        "người",
        "NUMERIC",
        "END_OF_PERIOD",
        False,
    ),
    (
        "BHXH_NO",
        "Nợ đóng BHXH, BHYT, BHTN",
        "Social-insurance arrears",
        "triệu đồng",
        "NUMERIC",
        "SUM",
        False,
    ),
    ("TNLD", "Số vụ tai nạn lao động", "Occupational accidents", "vụ", "NUMERIC", "SUM", False),
    ("CHAY", "Số vụ cháy, nổ", "Fire/explosion incidents", "vụ", "NUMERIC", "SUM", False),
    (
        "MT_VP",
        "Vi phạm môi trường bị xử phạt",
        "Environmental violations sanctioned",
        "vụ",
        "NUMERIC",
        "SUM",
        False,
    ),
    (
        "DC",
        "Tranh chấp lao động tập thể, ngừng việc",
        "Collective disputes / work stoppages",
        "vụ",
        "NUMERIC",
        "SUM",
        False,
    ),
    (
        "TUTT",
        "Có thỏa ước lao động tập thể",
        "Collective labour agreement in force",
        "có/không",
        "YES_NO",
        "COUNT",
        False,
    ),
    ("CD_DV", "Số đoàn viên công đoàn", "Trade-union members", "người", "NUMERIC", "END_OF_PERIOD", False),
    (
        "KPCD",
        "Đóng kinh phí công đoàn đầy đủ",
        "Union fee paid in full",
        "có/không",
        "YES_NO",
        "COUNT",
        False,
    ),
    (
        "ASXH",
        "Đóng góp an sinh xã hội, từ thiện",
        "Social-welfare donations",
        "triệu đồng",
        "NUMERIC",
        "SUM",
        False,
    ),
    (
        "SK",
        "Sáng kiến, cải tiến được công nhận",
        "Recognised innovations",
        "sáng kiến",
        "NUMERIC",
        "SUM",
        False,
    ),
    (
        "NTVT",
        "Gương người tốt, việc tốt",
        "Good-deed exemplars reported",
        "trường hợp",
        "NUMERIC",
        "SUM",
        False,
    ),
]


def seed(apps, schema_editor):
    Indicator = apps.get_model("blocs", "Indicator")
    for order, (code, name, name_en, unit, kind, aggregation, optional) in enumerate(CATALOGUE, start=1):
        Indicator.objects.update_or_create(
            organization=None,
            code=code,
            defaults={
                "name": name,
                "name_en": name_en,
                "unit": unit,
                "kind": kind,
                "aggregation": aggregation,
                "optional": optional,
                "ordering": order * 10,
            },
        )


class Migration(migrations.Migration):
    dependencies = [("blocs", "0005_pledges")]

    operations = [migrations.RunPython(seed, migrations.RunPython.noop)]
