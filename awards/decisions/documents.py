"""The award decision as an official document (domain.md §9.3, Decree 30 form 1.2): the pure context of
``pdf/awards/award_decision.html`` (three articles, the numbered list with collectives and individuals apart,
each line with its achievement phrase and money) and its sample for ``manage.py render_sample award_decision``.
"""

from dataclasses import dataclass
from datetime import date

from thidua.documents.kinds import STANDARD_BASES, DocumentKind
from thidua.documents.legal_bases import basis_lines
from thidua.documents.numbers import vietnamese_number
from thidua.documents.samples import SAMPLE_BOARD, SAMPLE_SIGNER, SampleDocument

TEMPLATE_NAME = "pdf/awards/award_decision.html"
KIND = "award_decision"
DOC_TYPE = "QĐ"
CLOSING = "Theo đề nghị của Chánh Văn phòng Ban Quản lý"
AWARD_DECISION_KIND = DocumentKind(
    code=KIND,
    label="Quyết định khen thưởng",
    legal_bases=STANDARD_BASES,
    recipients=("{reports_to} (b/c);", "Lãnh đạo Ban;"),
)
COLLECTIVE_COLUMNS = ["STT", "Tên tập thể", "Thành tích", "Tiền thưởng (đồng)"]
INDIVIDUAL_COLUMNS = ["STT", "Họ và tên", "Chức vụ", "Đơn vị", "Thành tích", "Tiền thưởng (đồng)"]


@dataclass(frozen=True)
class Line:
    is_collective: bool
    name: str
    achievement: str
    money: int
    title: str = ""
    unit: str = ""


def decision_title(*, short_name: str, year: int) -> str:
    return (
        f"Về việc tặng {short_name} cho các tập thể, cá nhân đã có thành tích xuất sắc trong phong trào thi đua "
        f"năm {year}"
    )


def _money(value: int) -> str:
    return vietnamese_number(value)


def _count_words(collectives: int, individuals: int) -> str:
    parts = []
    if collectives:
        parts.append(f"{collectives:02d} tập thể")
    if individuals:
        parts.append(f"{individuals:02d} cá nhân")
    return " và ".join(parts)


def award_decision_context(
    *,
    award_name: str,
    short_name: str,
    year: int,
    lines: list[Line],
    base_salary: int,
    legal_bases: list[str],
    council_minutes: str = "",
) -> dict:
    """JSON-ready context: legal bases (the library's, the council's minutes, the closing line), Điều 1-3 and
    the appendix. ``legal_bases`` are the library's citations ("Căn cứ …;" lines, without the closing)."""
    collectives = [line for line in lines if line.is_collective]
    individuals = [line for line in lines if not line.is_collective]
    citations = [basis.removeprefix("Căn cứ ").rstrip(" ;.") for basis in legal_bases]
    if council_minutes:
        citations.append(council_minutes)
    total = sum(line.money for line in lines)
    amounts = sorted({(line.is_collective, line.money) for line in lines})
    money_parts = [
        f"mỗi {'tập thể' if collective else 'cá nhân'} {_money(amount)} đồng"
        for collective, amount in amounts
    ]
    article_two = (
        f"Kèm theo tiền thưởng theo quy định tại Nghị định số 152/2025/NĐ-CP ({'; '.join(money_parts)}; "
        f"mức lương cơ sở {_money(base_salary)} đồng), tổng cộng {_money(total)} đồng, trích từ Quỹ Thi đua, "
        "khen thưởng của Ban Quản lý."
        if total
        else "Hình thức khen thưởng này không kèm theo tiền thưởng."
    )
    return {
        "year": year,
        "legal_bases": basis_lines(citations, closing=CLOSING),
        "articles": [
            {
                "heading": "Điều 1.",
                "paragraphs": [
                    f"Tặng {award_name} cho {_count_words(len(collectives), len(individuals))} đã có thành tích "
                    f"xuất sắc trong phong trào thi đua năm {year} (có danh sách kèm theo)."
                ],
            },
            {"heading": "Điều 2.", "paragraphs": [article_two]},
            {
                "heading": "Điều 3.",
                "paragraphs": [
                    "Quyết định này có hiệu lực kể từ ngày ký. Chánh Văn phòng Ban Quản lý, các tập thể và cá nhân "
                    "có tên tại Điều 1 chịu trách nhiệm thi hành Quyết định này./."
                ],
            },
        ],
        "appendix": {
            "title": "DANH SÁCH",
            "subtitle": f"Tập thể, cá nhân được tặng {short_name} năm {year}",
            "sections": [
                section
                for section in (
                    {
                        "heading": "I. Tập thể",
                        "columns": COLLECTIVE_COLUMNS,
                        "widths": [6, 36, 40, 18],
                        "rows": [
                            [str(n), line.name, line.achievement, _money(line.money)]
                            for n, line in enumerate(collectives, start=1)
                        ],
                    }
                    if collectives
                    else None,
                    {
                        "heading": ("II. Cá nhân" if collectives else "I. Cá nhân"),
                        "columns": INDIVIDUAL_COLUMNS,
                        "widths": [6, 22, 12, 22, 24, 14],
                        "rows": [
                            [str(n), line.name, line.title, line.unit, line.achievement, _money(line.money)]
                            for n, line in enumerate(individuals, start=1)
                        ],
                    }
                    if individuals
                    else None,
                )
                if section is not None
            ],
        },
    }


SAMPLE_LEGAL_BASES = [
    "Căn cứ Luật Thi đua, khen thưởng số 06/2022/QH15 ngày 15 tháng 6 năm 2022;",
    "Căn cứ Nghị định số 152/2025/NĐ-CP ngày 14 tháng 6 năm 2025 của Chính phủ quy định về phân cấp, phân "
    "quyền trong lĩnh vực thi đua, khen thưởng; quy định chi tiết và hướng dẫn thi hành một số điều của Luật "
    "Thi đua, khen thưởng;",
    "Căn cứ Thông tư số 15/2025/TT-BNV của Bộ trưởng Bộ Nội vụ quy định biện pháp để tổ chức, hướng dẫn thi "
    "hành Luật Thi đua, khen thưởng và Nghị định số 152/2025/NĐ-CP;",
]


def sample_lines(count: int = 8) -> list[Line]:
    enterprises = [
        "Công ty Cổ phần Ván dán Hồng Ngọc",
        "Công ty TNHH Lechenwood Việt Nam",
        "Công ty TNHH Chế biến Lâm sản Bắc Kạn",
    ]
    lines = [
        Line(True, name, "Đã có thành tích xuất sắc trong phong trào thi đua năm 2025", 1_410_000)
        for name in enterprises
    ]
    people = ["Nguyễn Văn Nam", "Lưu Đức Thắng", "Trần Văn Mỹ", "Phạm Quỳnh Ỷ", "Nguyễn Thị Hồng Ngọc"]
    for n in range(max(0, count - len(lines))):
        lines.append(
            Line(
                False,
                people[n % len(people)] + (f" ({n + 1})" if n >= len(people) else ""),
                "Hoàn thành xuất sắc nhiệm vụ, có sáng kiến được công nhận năm 2025",
                710_000,
                title="Tổ trưởng sản xuất",
                unit=enterprises[n % len(enterprises)],
            )
        )
    return lines


def sample_award_decision(count: int = 8) -> SampleDocument:
    return SampleDocument(
        template_name=TEMPLATE_NAME,
        kind=KIND,
        doc_type=DOC_TYPE,
        number=12,
        issued_on=date(2026, 1, 15),
        title=decision_title(short_name="Giấy khen", year=2025),
        context=award_decision_context(
            award_name=f"Giấy khen của Trưởng {SAMPLE_BOARD.name}",
            short_name="Giấy khen",
            year=2025,
            lines=sample_lines(count),
            base_salary=2_340_000,
            legal_bases=SAMPLE_LEGAL_BASES,
            council_minutes="Biên bản họp Hội đồng Thi đua - Khen thưởng Ban Quản lý ngày 05 tháng 12 năm 2025",
        ),
        signer={**SAMPLE_SIGNER, "name": "Hoàng Văn Khởi", "title": "Phó Trưởng ban phụ trách"},
        recipients=["Như Điều 3;", "Sở Nội vụ (b/c);", "Lãnh đạo Ban;", "Lưu: VT, TĐKT."],
    )


def sample_award_decision_200() -> SampleDocument:
    """A decision with a 200-line list (the benchmark of docs/benchmarks.md)."""
    return sample_award_decision(200)
