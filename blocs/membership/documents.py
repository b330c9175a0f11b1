"""The consolidation decision (Quyết định kiện toàn Khối thi đua): pure context building for the PDF template,
and its sample for ``manage.py render_sample consolidation_decision out.pdf``."""

from dataclasses import dataclass
from datetime import date

from django.utils.translation import pgettext_lazy

from thidua.documents.kinds import (
    BOARD_FUNCTIONS,
    CIRCULAR_15,
    DECREE_152,
    LAW_TDKT,
    PROVINCIAL_REGULATION,
    DocumentKind,
    recipients_for,
)
from thidua.documents.legal_bases import basis_lines
from thidua.documents.samples import SAMPLE_BOARD, SAMPLE_SIGNER, SampleDocument, sample_citations

TEMPLATE_NAME = "pdf/blocs/membership/consolidation_decision.html"
KIND = "consolidation_decision"
DOC_TYPE = "QĐ"
ROLE_WORDS = {"LEADER": "Khối trưởng", "DEPUTY": "Khối phó", "MEMBER": "Thành viên"}


@dataclass(frozen=True)
class MemberRow:
    name: str
    tax_code: str
    park: str
    role: str


@dataclass(frozen=True)
class BlocSection:
    code: str
    name: str
    members: list[MemberRow]


def decision_title(year: int) -> str:
    return f"Về việc kiện toàn các Khối thi đua của doanh nghiệp trong các khu công nghiệp năm {year}"


# What the decision cites and sends by default (the Board may choose other bases in its library).
CONSOLIDATION_KIND = DocumentKind(
    code=KIND,
    label=pgettext_lazy("document kind", "Consolidation decision"),
    legal_bases=(LAW_TDKT, DECREE_152, CIRCULAR_15, PROVINCIAL_REGULATION, BOARD_FUNCTIONS),
    recipients=("Như Điều 3;", "{reports_to} (b/c);", "Lãnh đạo Ban;"),
)
CLOSING = "Theo đề nghị của Chánh Văn phòng Ban Quản lý"


def decision_bases(citations: list[str], *, board_name: str, elected: bool) -> list[str]:
    """The "Căn cứ" lines: the library's citations for this kind, the blocs' regulation, and the election
    results only when an election's result was applied to the year (domain.md §17.3, §17.4)."""
    lines = [*citations, f"Quy chế tổ chức và hoạt động của các Khối thi đua thuộc {board_name}"]
    if elected:
        lines.append("kết quả bầu Khối trưởng, Khối phó tại các hội nghị của các Khối thi đua")
    return basis_lines(lines, closing=CLOSING)


def consolidation_context(*, year: int, sections: list[BlocSection], legal_bases: list[str]) -> dict:
    """JSON-ready context: the legal bases (``decision_bases``), three articles, one appendix table per bloc.
    The authority line comes from the issuer's letterhead (the platform builds it)."""
    bloc_count = len(sections)
    member_count = sum(len(section.members) for section in sections)
    return {
        "year": year,
        "legal_bases": legal_bases,
        "articles": [
            {
                "heading": "Điều 1.",
                "paragraphs": [
                    f"Kiện toàn {bloc_count} Khối thi đua của các doanh nghiệp trong các khu công nghiệp năm {year} "
                    f"gồm {member_count} doanh nghiệp thành viên; Khối trưởng, Khối phó và thành viên của từng Khối "
                    "theo danh sách kèm theo Quyết định này."
                ],
            },
            {
                "heading": "Điều 2.",
                "paragraphs": [
                    "Khối trưởng có trách nhiệm chủ trì tổ chức các hoạt động của Khối theo Quy chế hoạt động; "
                    "Khối phó giúp Khối trưởng và thay mặt Khối trưởng khi được ủy quyền. Các doanh nghiệp thành "
                    "viên thực hiện giao ước thi đua, chế độ báo cáo và tham gia đầy đủ hoạt động của Khối."
                ],
            },
            {
                "heading": "Điều 3.",
                "paragraphs": [
                    "Quyết định này có hiệu lực kể từ ngày ký và thay thế các quyết định kiện toàn trước đây trong "
                    f"năm {year}. Chánh Văn phòng Ban Quản lý, các doanh nghiệp có tên tại Điều 1 chịu trách nhiệm "
                    "thi hành Quyết định này./."
                ],
            },
        ],
        "appendix": {
            "title": "DANH SÁCH",
            "subtitle": f"Thành viên các Khối thi đua năm {year}",
            # No "reference": the partial cites this decision by the number and date it gets when issued.
            "sections": [
                {
                    "heading": f"{index}. {section.name} ({section.code})",
                    "columns": APPENDIX_COLUMNS,
                    "rows": [
                        [str(n), row.name, row.tax_code, row.park, ROLE_WORDS.get(row.role, row.role)]
                        for n, row in enumerate(section.members, start=1)
                    ],
                }
                for index, section in enumerate(sections, start=1)
            ],
        },
    }


APPENDIX_COLUMNS = ["STT", "Tên doanh nghiệp", "Mã số thuế", "Khu công nghiệp", "Chức danh trong Khối"]


def sample_consolidation_decision() -> SampleDocument:
    park = "KCN Thanh Bình"
    sections = [
        BlocSection(
            code="KTĐ1",
            name="Khối thi đua các doanh nghiệp KCN Thanh Bình",
            members=[
                MemberRow("Công ty Cổ phần Ván dán Hồng Ngọc", "4700123451", park, "LEADER"),
                MemberRow("Công ty TNHH Lechenwood Việt Nam", "4700123468", park, "DEPUTY"),
                MemberRow("Công ty TNHH Chế biến Lâm sản Bắc Kạn", "4700123475", park, "MEMBER"),
            ],
        ),
        BlocSection(
            code="KTĐ2",
            name="Khối thi đua số 2",
            members=[
                MemberRow(f"Công ty TNHH Thành viên số {n}", "4700200009", park, "MEMBER")
                for n in range(1, 6)
            ],
        ),
    ]
    return SampleDocument(
        template_name=TEMPLATE_NAME,
        kind=KIND,
        doc_type=DOC_TYPE,
        number=3,
        issued_on=date(2026, 1, 20),
        title=decision_title(2026),
        context=consolidation_context(
            year=2026,
            sections=sections,
            legal_bases=decision_bases(sample_citations(), board_name=SAMPLE_BOARD.name, elected=True),
        ),
        signer=SAMPLE_SIGNER,
        recipients=recipients_for(SAMPLE_BOARD, KIND),
    )
