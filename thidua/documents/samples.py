"""Built-in sample documents for ``manage.py render_sample KIND OUT.pdf`` (template design and checks).

The platform's own kinds are ``notice`` (and ``decision``, ``report`` used by the benchmark); a domain app
adds its kinds by answering the ``document_samples`` signal (``thidua.documents.signals``) with
``{kind: builder}``, a receiver connected in its ``AppConfig.ready()``. ``all_samples()`` merges them.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date

from thidua.accounts.models import Organization
from thidua.documents.issuers import Issuer, board_issuer
from thidua.documents.kinds import filing_line
from thidua.documents.legal_bases import basis_lines, citation, seed_entries
from thidua.documents.models import GeneratedDocument
from thidua.documents.signals import document_samples


@dataclass
class SampleDocument:
    template_name: str
    context: dict
    doc_type: str = "TB"
    title: str = ""
    kind: str = ""
    number: int = 5
    issued_on: date = date(2026, 1, 5)
    signer: dict = field(default_factory=dict)
    recipients: list[str] = field(default_factory=list)
    issuer: Issuer | None = None  # None: the sample Board
    is_draft: bool = False


SAMPLE_BOARD = Organization(
    name="Ban Quản lý các KCN tỉnh Thái Nguyên",
    parent_body_line="UBND TỈNH THÁI NGUYÊN",
    issuing_body_line="BAN QUẢN LÝ CÁC KHU CÔNG NGHIỆP",
    short_code="BQL",
    place_name="Thái Nguyên",
)
# The Board's signer in the seeds: Hoàng Văn Khởi, Phó Trưởng ban phụ trách (domain.md §17.10).
SAMPLE_SIGNER = {
    "prefix": "KT.",
    "authority": "Trưởng ban",
    "title": "Phó Trưởng ban",
    "name": "Hoàng Văn Khởi",
}
# Every Vietnamese tone mark, for font checks.
TONE_MARK_NAME = "Nguyễn Thị Hồng Ngọc Lưu Đức Thắng Trần Văn Mỹ Phạm Quỳnh Ỷ"


def all_samples() -> dict[str, Callable[[], SampleDocument]]:
    """Every sample kind: the platform's, then those the domain apps answer ``document_samples`` with."""
    samples = dict(PLATFORM_SAMPLES)
    for _receiver, answer in document_samples.send(sender=None):
        samples.update(answer or {})
    return samples


def build_sample_document(sample: SampleDocument) -> GeneratedDocument:
    """An unsaved GeneratedDocument for rendering only (never stored)."""
    issuer = sample.issuer or board_issuer(SAMPLE_BOARD)
    return GeneratedDocument(
        organization=SAMPLE_BOARD,
        kind=sample.kind,
        doc_type=sample.doc_type,
        title=sample.title,
        year=sample.issued_on.year,
        register=issuer.register,
        number=None if sample.is_draft else sample.number,
        is_draft=sample.is_draft,
        symbol=issuer.symbol(sample.doc_type),
        issued_on=sample.issued_on,
        template_name=sample.template_name,
        context=sample.context,
        letterhead=dict(issuer.letterhead),
        signer_prefix=sample.signer.get("prefix", ""),
        signer_authority=sample.signer.get("authority", ""),
        signer_title=sample.signer.get("title", ""),
        signer_name=sample.signer.get("name", ""),
        recipients=sample.recipients,
        verification_token="sample-token-not-registered",
    )


def sample_notice() -> SampleDocument:
    return SampleDocument(
        template_name="pdf/notice.html",
        kind="notice",
        doc_type="TB",
        title="Về việc tổ chức Hội nghị sơ kết công tác thi đua 6 tháng đầu năm 2026",
        context={
            "audience": "Các doanh nghiệp trong Khối thi đua các KCN",
            "paragraphs": [
                "Thực hiện Kế hoạch công tác thi đua, khen thưởng năm 2026, Ban Quản lý các Khu công nghiệp "
                "thông báo tổ chức Hội nghị sơ kết công tác thi đua 6 tháng đầu năm 2026 như sau:",
                "Thời gian: 08 giờ 00 phút, ngày 10 tháng 7 năm 2026. Địa điểm: Hội trường Ban Quản lý.",
                f"Thành phần: đại diện lãnh đạo các doanh nghiệp; người liên hệ: {TONE_MARK_NAME}.",
                "Đề nghị các doanh nghiệp cử đại biểu tham dự đầy đủ, đúng thành phần./.",
            ],
        },
        signer=SAMPLE_SIGNER,
        recipients=["Như trên;", "Lãnh đạo Ban;", filing_line(SAMPLE_BOARD)],
    )


def sample_notice_draft() -> SampleDocument:
    """The notice as its signer previews it: "DỰ THẢO", no number, no day, no QR code."""
    sample = sample_notice()
    sample.kind = "notice_draft"
    sample.is_draft = True
    return sample


def sample_citations() -> list[str]:
    """The citations of the sample Board's seeded library (placeholders included), highest rank first."""
    return [
        citation(
            instrument=entry["instrument"],
            number=entry["number"],
            signed_on=entry["signed_on"],
            issuer=entry["issuer"],
            title=entry["title"],
        )
        for entry in seed_entries(SAMPLE_BOARD)
    ]


def sample_legal_bases(closing: str) -> list[str]:
    """The "Căn cứ" lines of the sample Board's seeded library (placeholders included)."""
    return basis_lines(sample_citations(), closing=closing)


def _decision(rows: int, title: str) -> SampleDocument:
    units = ["Công ty TNHH Lechenwood Việt Nam", "Chi nhánh Công ty TNHH SX và TM Hồng Ngọc"]
    return SampleDocument(
        template_name="pdf/decision.html",
        kind="decision",
        doc_type="QĐ",
        number=12,
        title=title,
        context={
            "legal_bases": sample_legal_bases("Theo đề nghị của Chánh Văn phòng Ban Quản lý"),
            "articles": [
                {
                    "heading": "Điều 1.",
                    "paragraphs": [
                        f"Tặng Giấy khen của Trưởng Ban Quản lý cho {rows} tập thể đã có thành tích xuất sắc "
                        "trong phong trào thi đua năm 2025 (có danh sách kèm theo)."
                    ],
                },
                {
                    "heading": "Điều 2.",
                    "paragraphs": [
                        "Kèm theo tiền thưởng theo quy định, trích từ Quỹ Thi đua, khen thưởng của Ban Quản lý."
                    ],
                },
                {
                    "heading": "Điều 3.",
                    "paragraphs": [
                        "Quyết định này có hiệu lực kể từ ngày ký. Chánh Văn phòng, các tập thể và cá nhân có tên "
                        "tại Điều 1 chịu trách nhiệm thi hành Quyết định này./."
                    ],
                },
            ],
            "appendix": {
                "title": "DANH SÁCH",
                "subtitle": "Tập thể được tặng Giấy khen năm 2025",
                "reference": "Kèm theo Quyết định số 12/QĐ-BQL ngày 05 tháng 01 năm 2026 của Trưởng Ban Quản lý",
                "sections": [
                    {
                        "heading": "I. Tập thể",
                        "columns": ["STT", "Tên tập thể", "Thành tích"],
                        "rows": [
                            [str(i), f"{units[i % 2]} (đơn vị {i})", "Hoàn thành xuất sắc nhiệm vụ năm 2025"]
                            for i in range(1, rows + 1)
                        ],
                    }
                ],
            },
        },
        signer=SAMPLE_SIGNER,
        recipients=[
            "Như Điều 3;",
            f"{SAMPLE_BOARD.reports_to} (b/c);",
            "Lãnh đạo Ban;",
            filing_line(SAMPLE_BOARD),
        ],
    )


def sample_decision() -> SampleDocument:
    return _decision(12, "Về việc tặng Giấy khen cho các tập thể có thành tích xuất sắc năm 2025")


def sample_report() -> SampleDocument:
    sample = _decision(250, "Về việc tặng Giấy khen cho các tập thể trong Khối thi đua năm 2025")
    sample.kind = "report"
    return sample


PLATFORM_SAMPLES: dict[str, Callable[[], SampleDocument]] = {
    "notice": sample_notice,
    "notice_draft": sample_notice_draft,
    "decision": sample_decision,
    "report": sample_report,
}
