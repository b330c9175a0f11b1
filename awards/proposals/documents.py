"""The Board's tờ trình to the province (Decree 30 form 1.4, "TTr"): the pure context of
``pdf/awards/provincial_proposal.html`` and its sample for ``manage.py render_sample provincial_proposal``."""

from datetime import date

from thidua.documents.kinds import DocumentKind
from thidua.documents.samples import SAMPLE_BOARD, SAMPLE_SIGNER, SampleDocument

TEMPLATE_NAME = "pdf/awards/provincial_proposal.html"
KIND = "provincial_proposal"
DOC_TYPE = "TTr"
PROPOSAL_KIND = DocumentKind(code=KIND, label="Tờ trình đề nghị khen thưởng", recipients=("Lãnh đạo Ban;",))
COLLECTIVE_COLUMNS = ["STT", "Tên tập thể", "Thành tích"]
INDIVIDUAL_COLUMNS = ["STT", "Họ và tên", "Chức vụ", "Đơn vị", "Thành tích"]


def proposal_title(*, short_name: str, year: int) -> str:
    return f"Về việc đề nghị tặng {short_name} cho các tập thể, cá nhân có thành tích xuất sắc năm {year}"


def proposal_context(
    *,
    board_name: str,
    province: str,
    award_name: str,
    short_name: str,
    year: int,
    lines: list[dict],
    council_minutes: str = "",
) -> dict:
    """``lines``: ``{"is_collective", "name", "title", "unit", "achievement"}`` in order."""
    collectives = [line for line in lines if line["is_collective"]]
    individuals = [line for line in lines if not line["is_collective"]]
    counts = " và ".join(
        part
        for part in (
            f"{len(collectives):02d} tập thể" if collectives else "",
            f"{len(individuals):02d} cá nhân" if individuals else "",
        )
        if part
    )
    paragraphs = [
        "Căn cứ Luật Thi đua, khen thưởng ngày 15 tháng 6 năm 2022 và Nghị định số 152/2025/NĐ-CP ngày 14 tháng 6 "
        "năm 2025 của Chính phủ;",
    ]
    if council_minutes:
        paragraphs.append(f"Căn cứ {council_minutes};")
    paragraphs += [
        f"{board_name} kính trình Chủ tịch Ủy ban nhân dân tỉnh {province} xem xét, tặng {award_name} cho {counts} "
        f"đã có thành tích xuất sắc trong phong trào thi đua năm {year} (có danh sách và hồ sơ kèm theo).",
        f"Kính trình Chủ tịch Ủy ban nhân dân tỉnh {province} xem xét, quyết định./.",
    ]
    sections = []
    if collectives:
        sections.append(
            {
                "heading": "I. Tập thể",
                "columns": COLLECTIVE_COLUMNS,
                "widths": [8, 40, 52],
                "rows": [
                    [str(n), line["name"], line["achievement"]] for n, line in enumerate(collectives, 1)
                ],
            }
        )
    if individuals:
        sections.append(
            {
                "heading": "II. Cá nhân" if collectives else "I. Cá nhân",
                "columns": INDIVIDUAL_COLUMNS,
                "widths": [8, 22, 16, 24, 30],
                "rows": [
                    [str(n), line["name"], line["title"], line["unit"], line["achievement"]]
                    for n, line in enumerate(individuals, 1)
                ],
            }
        )
    return {
        "addressee": f"Ủy ban nhân dân tỉnh {province} (qua Sở Nội vụ)",
        "paragraphs": paragraphs,
        "appendix": {
            "title": "DANH SÁCH",
            "subtitle": f"Tập thể, cá nhân đề nghị tặng {short_name} năm {year}",
            "document_word": "Tờ trình",
            "sections": sections,
        },
    }


def sample_provincial_proposal() -> SampleDocument:
    lines = [
        {
            "is_collective": True,
            "name": "Công ty Cổ phần Ván dán Hồng Ngọc",
            "title": "",
            "unit": "",
            "achievement": "Dẫn đầu phong trào thi đua Khối thi đua các doanh nghiệp KCN Thanh Bình năm 2025",
        },
        {
            "is_collective": False,
            "name": "Nguyễn Văn Nam",
            "title": "Giám đốc",
            "unit": "Công ty Cổ phần Ván dán Hồng Ngọc",
            "achievement": "Có thành tích xuất sắc trong lãnh đạo sản xuất, kinh doanh năm 2025",
        },
    ]
    return SampleDocument(
        template_name=TEMPLATE_NAME,
        kind=KIND,
        doc_type=DOC_TYPE,
        number=7,
        issued_on=date(2025, 12, 8),
        title=proposal_title(short_name="Bằng khen", year=2025),
        context=proposal_context(
            board_name=SAMPLE_BOARD.name,
            province=SAMPLE_BOARD.place_name,
            award_name=f"Bằng khen của Chủ tịch Ủy ban nhân dân tỉnh {SAMPLE_BOARD.place_name}",
            short_name="Bằng khen",
            year=2025,
            lines=lines,
            council_minutes="Biên bản họp Hội đồng Thi đua - Khen thưởng Ban Quản lý ngày 05 tháng 12 năm 2025",
        ),
        signer={**SAMPLE_SIGNER, "name": "Hoàng Văn Khởi", "title": "Phó Trưởng ban phụ trách"},
        recipients=["Như trên;", "Lãnh đạo Ban;", "Lưu: VT, TĐKT."],
    )
