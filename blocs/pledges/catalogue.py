"""The indicator catalogue of domain.md §5.2 (pure data; the migration and the demo seed it)."""

# code, name (VI), name (EN), unit, kind, aggregation, optional
CATALOGUE: list[tuple[str, str, str, str, str, str, bool]] = [
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

# The default target indicators of a pledge (domain.md §4.2).
DEFAULT_TARGET_CODES = ["GTSX", "DT", "XK", "NNS", "LD", "TNBQ", "VDT"]

# The default qualitative commitments (domain.md §4.2).
DEFAULT_COMMITMENTS = [
    "Nộp thuế đầy đủ, đúng hạn",
    "Đóng đầy đủ BHXH, BHYT, BHTN cho người lao động, không nợ đọng",
    "Không để xảy ra tai nạn lao động nghiêm trọng",
    "Không để xảy ra cháy, nổ",
    "Chấp hành quy định về bảo vệ môi trường (nước thải, chất thải rắn, báo cáo môi trường hằng năm)",
    "Có thỏa ước lao động tập thể và tổ chức đối thoại tại nơi làm việc",
    "Không để xảy ra đình công trái pháp luật",
    "Tạo điều kiện cho tổ chức Đảng, Công đoàn, Đoàn Thanh niên hoạt động",
    "Đóng kinh phí công đoàn đầy đủ",
    "Báo cáo định kỳ đúng hạn cho Ban Quản lý",
    "Tham gia đầy đủ các hoạt động của Khối thi đua",
    "Tham gia đóng góp an sinh xã hội",
    "Phát động thi đua nội bộ, phát hiện gương người tốt, việc tốt",
]


def upsert_catalogue(indicator_model) -> int:
    """Create or refresh the national catalogue as global rows of ``indicator_model`` (the live model, or the
    historical one inside a migration); returns the number of indicators."""
    for order, (code, name, name_en, unit, kind, aggregation, optional) in enumerate(CATALOGUE, start=1):
        indicator_model.objects.update_or_create(
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
    return len(CATALOGUE)
