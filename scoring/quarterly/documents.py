"""The reports of a period as official documents in the Decree 30 report layout (domain.md §9.4):

- the bloc's review (báo cáo quý / sơ kết / tổng kết), issued by the bloc in its own register and signed
  "TM. KHỐI THI ĐUA / KHỐI TRƯỞNG" (domain.md §17.1);
- the Board's report across its blocs, a Board document signed before it is numbered (§17.2; the workflow is
  ``services.board_reviews``).

For each, three steps kept apart: the reads (``review_data``, ``board_review_data``), the pure context
(``review_context``, ``board_review_context``) and the call to the documents platform. The samples of
``manage.py render_sample bloc_review`` and ``board_review`` feed the same context builders.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from types import SimpleNamespace

from django.utils import translation

from blocs.enums import MembershipRole, MembershipStatus
from blocs.membership.issuers import bloc_issuer, bloc_recipients, bloc_signer_block
from blocs.models import BlocMembership, Indicator
from blocs.pledges.enums import Aggregation
from scoring.quarterly.enums import PeriodKind, ReportStatus, ReviewKind, ReviewStatus
from scoring.quarterly.queries import (
    ConsolidatedRow,
    Tally,
    bloc_tallies,
    consolidated_catalogue,
    consolidated_table,
    headline_indicators,
    members_table,
    park_tallies,
)
from thidua.documents.kinds import filing_line
from thidua.documents.numbers import vietnamese_number
from thidua.documents.samples import SAMPLE_BOARD, SAMPLE_SIGNER, SampleDocument
from thidua.documents.services import issue_document

TEMPLATE_NAME = "pdf/scoring/bloc_review.html"
KIND = "bloc_review"
DOC_TYPE = "BC"
ROMAN = {PeriodKind.Q1: "I", PeriodKind.Q2: "II", PeriodKind.Q3: "III", PeriodKind.Q4: "IV"}
SPAN = {
    PeriodKind.Q1: "quý I năm",
    PeriodKind.Q2: "6 tháng đầu năm",
    PeriodKind.Q3: "9 tháng năm",
    PeriodKind.Q4: "năm",
}
NEXT = {PeriodKind.Q1: "quý II", PeriodKind.Q2: "6 tháng cuối năm", PeriodKind.Q3: "quý IV"}
# The blocs' reports that reached the Board (the Board's report counts them).
SUBMITTED_REVIEW_STATUSES = (ReviewStatus.SUBMITTED, ReviewStatus.ACCEPTED, ReviewStatus.PUBLISHED)
PARTS = (
    ("economic_text", "1. Sản xuất, kinh doanh"),
    (
        "compliance_text",
        "2. Chấp hành chính sách, pháp luật (thuế, BHXH, môi trường, an toàn lao động, PCCC)",
    ),
    ("workers_text", "3. Chăm lo đời sống người lao động, quan hệ lao động"),
    ("union_text", "4. Hoạt động đoàn thể, văn hóa, xã hội"),
    ("movement_text", "5. Phong trào thi đua, điển hình tiên tiến, người tốt việc tốt"),
)


def review_title(review_kind: str, kind: str, year: int) -> str:
    """The abstract under "BÁO CÁO" (domain.md §9.4 block 2)."""
    if review_kind == ReviewKind.YEAR_END:
        return f"Tổng kết công tác thi đua, khen thưởng năm {year} và phương hướng, nhiệm vụ năm {year + 1}"
    span, following = SPAN[kind], NEXT[kind]
    if review_kind in (ReviewKind.MIDYEAR, ReviewKind.EXTRA_REVIEW):
        return f"Sơ kết công tác thi đua, khen thưởng {span} {year} và phương hướng, nhiệm vụ {following}"
    return f"Kết quả thực hiện phong trào thi đua {span} {year} và nhiệm vụ {following}"


def _number(value) -> str:
    return "" if value is None else vietnamese_number(value)


def _percent(value) -> str:
    return "" if value is None else f"{vietnamese_number(value)}%"


def _paragraphs(text: str) -> list[str]:
    return [line.strip() for line in (text or "").splitlines() if line.strip()]


def _table_rows(table) -> list[dict]:
    """The indicator table of part I: the rows with a reported or "không phát sinh" value."""
    return [
        {
            "index": n,
            "name": row.indicator.name,
            "unit": row.indicator.unit,
            "plan": _number(row.plan),
            "value": _number(row.value),
            "ytd": _number(row.ytd),
            "of_plan": _percent(row.of_plan),
            "of_same_period": _percent(row.ytd_of_same_period or row.of_same_period),
        }
        for n, row in enumerate((r for r in table if r.reported or r.not_applicable), start=1)
    ]


@dataclass
class ReviewData:
    context: dict
    signer: dict
    title: str


def review_context(*, review, board_name: str, members_count: int, table, members, indicators) -> dict:
    """JSON-ready context of ``pdf/scoring/bloc_review.html``."""
    period = review.period
    return {
        "bloc_name": review.bloc.name,
        "board_name": board_name,
        "year": str(period.year.year),
        "span": SPAN[period.kind],
        "members_count": members_count,
        "is_year_end": review.period.review_kind == ReviewKind.YEAR_END,
        "table": _table_rows(table),
        "parts": [
            {"heading": heading, "paragraphs": _paragraphs(getattr(review, name))}
            for name, heading in PARTS
            if name != "economic_text"
        ],
        "economic_paragraphs": _paragraphs(review.economic_text),
        "shortcomings": _paragraphs(review.shortcomings),
        "directions": _paragraphs(review.directions),
        "proposals": _paragraphs(review.proposals),
        "appendix_columns": [f"{i.code} ({i.unit})" for i in indicators],
        "appendix_rows": [
            {
                "index": n,
                "name": member.report.enterprise.name,
                "cells": [
                    "KPS"
                    if cell.entry and cell.entry.not_applicable
                    else _number(cell.entry.value if cell.entry else None)
                    for cell in member.cells
                ],
            }
            for n, member in enumerate(members, start=1)
        ],
    }


def review_data(review) -> ReviewData:
    """Read the consolidated table, the members' table and the leader's representative for the signature."""
    period = review.period
    catalogue = consolidated_catalogue(period, bloc_id=review.bloc_id)
    indicators = headline_indicators(catalogue)
    members = members_table(review, indicators)
    leader = (
        BlocMembership.objects.filter(
            bloc_id=review.bloc_id,
            year_id=period.year_id,
            role=MembershipRole.LEADER,
            status=MembershipStatus.ACTIVE,
        )
        .select_related("enterprise")
        .first()
    )
    context = review_context(
        review=review,
        board_name=review.organization.name,
        members_count=len(members),
        table=consolidated_table(period, bloc_id=review.bloc_id, catalogue=catalogue),
        members=members,
        indicators=indicators,
    )
    signer = bloc_signer_block(leader.enterprise.legal_representative if leader else "")
    if leader is not None:
        context["signer_company"] = (
            f"{leader.enterprise.representative_title} {leader.enterprise.name}".strip()
        )
    return ReviewData(
        context=context, signer=signer, title=review_title(period.review_kind, period.kind, period.year.year)
    )


def issue_bloc_review(*, review, requested_by):
    """Issue the review through the documents platform, numbered in the bloc's register; the worker renders
    it. The leader's representative acted online (wrote, submitted, issued), so no Board signature."""
    data = review_data(review)
    return issue_document(
        organization=review.organization,
        kind=KIND,
        doc_type=DOC_TYPE,
        title=data.title,
        template_name=TEMPLATE_NAME,
        context=data.context,
        owner=review,
        requested_by=requested_by,
        signer=data.signer,
        recipients=bloc_recipients(review.organization),
        issuer=bloc_issuer(review.bloc),  # the bloc's report: its letterhead and register (domain.md §17.1)
    )


# ---------------------------------------------------------------------------
# The Board's consolidated report across its blocs (a Board document: signed, then numbered)
# ---------------------------------------------------------------------------
BOARD_TEMPLATE_NAME = "pdf/scoring/board_review.html"
BOARD_KIND = "board_review"


def board_review_title(review_kind: str, kind: str, year: int) -> str:
    """The abstract under "BÁO CÁO" of the Board's report across its blocs."""
    subject = "phong trào thi đua của các Khối thi đua doanh nghiệp"
    if review_kind == ReviewKind.YEAR_END:
        return f"Tổng kết {subject} năm {year} và phương hướng, nhiệm vụ năm {year + 1}"
    span, following = SPAN[kind], NEXT[kind]
    if review_kind in (ReviewKind.MIDYEAR, ReviewKind.EXTRA_REVIEW):
        return f"Sơ kết {subject} {span} {year} và phương hướng, nhiệm vụ {following}"
    return f"Kết quả thực hiện {subject} {span} {year} và nhiệm vụ {following}"


def review_status_labels() -> dict[str, str]:
    """The blocs' report statuses in Vietnamese (the document is Vietnamese whoever asks for it)."""
    with translation.override("vi"):
        return {value: str(label) for value, label in ReviewStatus.choices}


def _tally_row(tally) -> dict:
    return {
        "members": tally.members,
        "accepted": tally.accepted,
        "late": tally.late,
        "waived": tally.waived,
        "done": _percent(tally.done_percent),
    }


def board_review_context(
    *, review, board, year: int, kind: str, table, blocs, parks, board_tally, review_status_labels
) -> dict:
    """JSON-ready context of ``pdf/scoring/board_review.html``. ``blocs`` are ``(bloc review, tally)`` pairs,
    ``parks`` ``(park name, tally)`` pairs; ``review_status_labels`` the Vietnamese names of the blocs'
    report statuses."""
    submitted = sum(1 for bloc_review, _tally in blocs if bloc_review.status in SUBMITTED_REVIEW_STATUSES)
    return {
        "board_name": board.name,
        "reports_to": board.reports_to,
        "year": str(year),
        "span": SPAN[kind],
        "blocs_count": len(blocs),
        "members_count": board_tally.members,
        "submission": {**_tally_row(board_tally), "blocs_submitted": submitted},
        "parks": [{"name": name or "Ngoài khu công nghiệp", **_tally_row(tally)} for name, tally in parks],
        "table": _table_rows(table),
        "results": _paragraphs(review.results_text),
        "shortcomings": _paragraphs(review.shortcomings),
        "directions": _paragraphs(review.directions),
        "proposals": _paragraphs(review.proposals),
        "blocs": [
            {
                "index": n,
                "code": bloc_review.bloc.code,
                "name": bloc_review.bloc.name,
                **_tally_row(tally),
                "status": review_status_labels[bloc_review.status],
            }
            for n, (bloc_review, tally) in enumerate(blocs, start=1)
        ],
    }


@dataclass
class BoardReviewData:
    context: dict
    title: str
    recipients: list[str]


def board_review_data(review) -> BoardReviewData:
    """Read the Board-wide tables (a constant number of queries) and build the document's context."""
    period = review.period
    board = review.organization
    totals = park_tallies(period)
    context = board_review_context(
        review=review,
        board=board,
        year=period.year.year,
        kind=period.kind,
        table=consolidated_table(period),
        blocs=bloc_tallies(period),
        parks=[(entry["name"], entry["tally"]) for entry in totals["parks"]],
        board_tally=totals["board"],
        review_status_labels=review_status_labels(),
    )
    return BoardReviewData(
        context=context,
        title=board_review_title(period.review_kind, period.kind, period.year.year),
        recipients=["Như trên;", "Các Khối thi đua;", filing_line(board)],
    )


# ---------------------------------------------------------------------------
# Samples for ``manage.py render_sample bloc_review`` and ``board_review`` (no database rows)
# ---------------------------------------------------------------------------
SAMPLE_BLOC = ("KTĐ1", "Khối thi đua các doanh nghiệp KCN Điềm Thụy")
SAMPLE_INDICATORS = (
    # code, name, unit, aggregation, plan, period, year to date, last year's period, last year's YTD
    ("GTSX", "Giá trị sản xuất công nghiệp", "tỷ đồng", Aggregation.SUM, "1200", "318,5", "905,2", "280", "801"),
    ("DT", "Doanh thu", "tỷ đồng", Aggregation.SUM, "1350", "342", "978,4", "301,2", "870"),
    ("XK", "Kim ngạch xuất khẩu", "triệu USD", Aggregation.SUM, "48", "12,6", "35,9", "11", "31,4"),
    ("NNS", "Nộp ngân sách nhà nước", "tỷ đồng", Aggregation.SUM, "62", "15,1", "44,8", "14,3", "41"),
    ("LD", "Tổng số lao động (cuối kỳ)", "người", Aggregation.END_OF_PERIOD, "4200", "4316", "4316", "4102", "4102"),
    ("TNBQ", "Thu nhập bình quân", "triệu đồng/người/tháng", Aggregation.WEIGHTED_AVG, "8", "8,4", "8,3", "7,9", "7,8"),
    ("TNLD", "Số vụ tai nạn lao động", "vụ", Aggregation.SUM, None, "0", "1", "1", "2"),
)
SAMPLE_MEMBERS = (
    "Công ty Cổ phần Ván dán Hồng Ngọc",
    "Công ty TNHH Lechenwood Việt Nam",
    "Công ty TNHH Chế biến Lâm sản Bắc Kạn",
    "Công ty TNHH May mặc Điềm Thụy",
    "Công ty Cổ phần Cơ khí Thái Nguyên",
    "Công ty TNHH Điện tử Yên Bình",
)


def _decimal(text: str | None) -> Decimal | None:
    return None if text is None else Decimal(text.replace(",", "."))


def _sample_table() -> list[ConsolidatedRow]:
    return [
        ConsolidatedRow(
            indicator=Indicator(code=code, name=name, unit=unit, aggregation=aggregation),
            plan=_decimal(plan),
            value=_decimal(value),
            ytd=_decimal(ytd),
            last_value=_decimal(last_value),
            last_ytd=_decimal(last_ytd),
            reported=len(SAMPLE_MEMBERS),
            not_applicable=0,
        )
        for code, name, unit, aggregation, plan, value, ytd, last_value, last_ytd in SAMPLE_INDICATORS
    ]


SAMPLE_TEXTS = {
    "economic_text": "Các doanh nghiệp thành viên duy trì sản xuất ổn định; giá trị sản xuất tăng 13,7% so với cùng "
    "kỳ, kim ngạch xuất khẩu đạt 74,8% kế hoạch năm.",
    "compliance_text": "100% doanh nghiệp nộp thuế, bảo hiểm xã hội đúng hạn; không có vi phạm về môi trường, "
    "phòng cháy chữa cháy bị xử phạt.",
    "workers_text": "Thu nhập bình quân đạt 8,4 triệu đồng/người/tháng; không xảy ra tranh chấp lao động tập thể.",
    "union_text": "Tổ chức giải bóng đá công nhân, Tháng Công nhân và thăm hỏi 126 đoàn viên có hoàn cảnh khó khăn.",
    "movement_text": "Phát động phong trào thi đua lao động sản xuất; 14 sáng kiến cải tiến kỹ thuật được công nhận.",
    "shortcomings": "Một số doanh nghiệp nộp báo cáo chậm so với quy định.\nĐơn hàng xuất khẩu quý III giảm do "
    "thị trường khó khăn.",
    "directions": "Tiếp tục đẩy mạnh phong trào thi đua, phấn đấu hoàn thành vượt mức các chỉ tiêu đã giao ước.",
    "proposals": "Đề nghị Ban Quản lý tổ chức tập huấn về công tác thi đua, khen thưởng cho các doanh nghiệp.",
}


def _sample_review(kind: str, review_kind: str):
    year = SimpleNamespace(year=2026)
    period = SimpleNamespace(kind=kind, review_kind=review_kind, year=year)
    return SimpleNamespace(bloc=SimpleNamespace(code=SAMPLE_BLOC[0], name=SAMPLE_BLOC[1]), period=period, **SAMPLE_TEXTS)


def sample_bloc_review() -> SampleDocument:
    """The six-month review of a bloc of six members, as its leader issues it (the bloc's own register)."""
    review = _sample_review(PeriodKind.Q2, ReviewKind.MIDYEAR)
    table = _sample_table()
    indicators = [row.indicator for row in table[:5]]
    members = [
        SimpleNamespace(
            report=SimpleNamespace(enterprise=SimpleNamespace(name=name)),
            cells=[
                SimpleNamespace(entry=SimpleNamespace(not_applicable=False, value=Decimal(40 + 7 * n + 3 * i)))
                for i in range(len(indicators))
            ],
        )
        for n, name in enumerate(SAMPLE_MEMBERS)
    ]
    context = review_context(
        review=review,
        board_name=SAMPLE_BOARD.name,
        members_count=len(members),
        table=table,
        members=members,
        indicators=indicators,
    )
    context["signer_company"] = f"Giám đốc {SAMPLE_MEMBERS[0]}"
    return SampleDocument(
        template_name=TEMPLATE_NAME,
        kind=KIND,
        doc_type=DOC_TYPE,
        number=3,
        issued_on=date(2026, 7, 12),
        title=review_title(ReviewKind.MIDYEAR, PeriodKind.Q2, 2026),
        context=context,
        signer=bloc_signer_block("Nguyễn Văn Nam"),
        recipients=bloc_recipients(SAMPLE_BOARD),
        issuer=bloc_issuer(
            SimpleNamespace(pk=1, organization=SAMPLE_BOARD, code=SAMPLE_BLOC[0], name=SAMPLE_BLOC[1])
        ),
    )


def sample_board_review() -> SampleDocument:
    """The Board's six-month report across three blocs, as its signer signed it."""
    review = SimpleNamespace(
        results_text="Phong trào thi đua trong các Khối được duy trì sôi nổi; các chỉ tiêu sản xuất, kinh doanh "
        "đều tăng so với cùng kỳ.",
        shortcomings=SAMPLE_TEXTS["shortcomings"],
        directions=SAMPLE_TEXTS["directions"],
        proposals="Đề nghị Ủy ban nhân dân tỉnh khen thưởng các tập thể có thành tích xuất sắc.",
    )
    blocs = [
        (SimpleNamespace(bloc=SimpleNamespace(code=code, name=name), status=status), _sample_tally(members, n))
        for n, (code, name, members, status) in enumerate(
            (
                ("KTĐ1", "Khối thi đua các doanh nghiệp KCN Điềm Thụy", 16, ReviewStatus.ACCEPTED),
                ("KTĐ2", "Khối thi đua các doanh nghiệp KCN Yên Bình", 21, ReviewStatus.PUBLISHED),
                ("KTĐ3", "Khối thi đua các doanh nghiệp KCN Sông Công", 12, ReviewStatus.SUBMITTED),
            )
        )
    ]
    parks = [
        ("KCN Điềm Thụy", _sample_tally(18, 0)),
        ("KCN Yên Bình", _sample_tally(20, 1)),
        ("KCN Sông Công", _sample_tally(11, 2)),
    ]
    board_tally = Tally()
    for _name, tally in parks:
        board_tally.merge(tally)
    context = board_review_context(
        review=review,
        board=SimpleNamespace(name=SAMPLE_BOARD.name, reports_to="Ủy ban nhân dân tỉnh Thái Nguyên"),
        year=2026,
        kind=PeriodKind.Q2,
        table=_sample_table(),
        blocs=blocs,
        parks=parks,
        board_tally=board_tally,
        review_status_labels=review_status_labels(),
    )
    return SampleDocument(
        template_name=BOARD_TEMPLATE_NAME,
        kind=BOARD_KIND,
        doc_type=DOC_TYPE,
        number=41,
        issued_on=date(2026, 7, 20),
        title=board_review_title(ReviewKind.MIDYEAR, PeriodKind.Q2, 2026),
        context=context,
        signer=SAMPLE_SIGNER,
        recipients=["Như trên;", "Các Khối thi đua;", filing_line(SAMPLE_BOARD)],
    )


def _sample_tally(members: int, n: int):
    tally = Tally()
    tally.add(ReportStatus.ACCEPTED, n=members - 1 - n % 2, late=1 + n % 2, waived=0, overdue=False)
    tally.add(ReportStatus.SUBMITTED, n=1 + n % 2, late=0, waived=0, overdue=False)
    return tally
