"""The ranking table of a bloc (bảng tổng hợp kết quả chấm điểm, xếp hạng thi đua) as the bloc's document:
issued in the bloc's own register under the Board's line (domain.md §17.1), signed "TM. KHỐI THI ĐUA / KHỐI
TRƯỞNG", rendered by the worker. Three steps kept apart: ``ranking_context`` (pure), ``ranking_data`` (the
reads), ``issue_ranking`` (the one call to the documents platform). ``sample_ranking`` is the sample for
``manage.py render_sample ranking out.pdf``."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from blocs.enums import MembershipRole, MembershipStatus
from blocs.membership.issuers import bloc_issuer, bloc_recipients, bloc_signer_block
from blocs.models import BlocMembership
from scoring.ranking.enums import Classification, CompletionLevel, ScoringPeriod, VetoReason
from thidua.documents.issuers import unit_issuer
from thidua.documents.numbers import vietnamese_number
from thidua.documents.samples import SampleDocument
from thidua.documents.services import issue_document

TEMPLATE_NAME = "pdf/scoring/ranking.html"
KIND = "ranking"
DOC_TYPE = "BC"
# Always Vietnamese, whatever the requester's language.
CLASS_VI = {
    Classification.EXCELLENT: "Xuất sắc",
    Classification.GOOD: "Tốt",
    Classification.FAIR: "Khá",
    Classification.AVERAGE: "Trung bình",
    Classification.WEAK: "Yếu",
}
LEVEL_VI = {
    CompletionLevel.EXCELLENT: "Hoàn thành xuất sắc nhiệm vụ",
    CompletionLevel.GOOD: "Hoàn thành tốt nhiệm vụ",
    CompletionLevel.COMPLETED: "Hoàn thành nhiệm vụ",
    CompletionLevel.NOT_COMPLETED: "Không hoàn thành nhiệm vụ",
}
VETO_VI = {
    VetoReason.CRITERION: "Vi phạm điều kiện loại trừ",
    VetoReason.DISCIPLINE: "Đang bị xem xét kỷ luật, điều tra, thanh tra, khiếu nại (Điều 4 khoản 4 NĐ 152/2025)",
    VetoReason.CONFIRMATIONS: "Thiếu xác nhận của cơ quan chức năng",
    VetoReason.NO_REGISTRATION: "Không đăng ký danh hiệu trong giao ước",
}
SPAN = {ScoringPeriod.MIDYEAR: "6 tháng đầu năm", ScoringPeriod.YEAR_END: "năm"}


def ranking_title(period: str, year: int) -> str:
    return f"Kết quả chấm điểm, xếp hạng thi đua {SPAN[period]} {year} của các doanh nghiệp thành viên"


def _points(value) -> str:
    return vietnamese_number(Decimal(value).normalize()) if value is not None else ""


def veto_text(reasons: list[dict]) -> str:
    return "; ".join(
        VETO_VI.get(r["code"], r["code"]) + (f" ({r['detail']})" if r.get("detail") else "") for r in reasons
    )


def ranking_context(
    *,
    bloc_name: str,
    board_name: str,
    year: int,
    period: str,
    scale: int,
    rows: list[dict],
    fingerprint: str,
    deadline: str,
    objections: int,
) -> dict:
    """JSON-ready context of ``pdf/scoring/ranking.html``; ``rows``: dicts of the snapshot."""
    return {
        "bloc_name": bloc_name,
        "board_name": board_name,
        "year": str(year),
        "span": SPAN[period],
        "scale": str(scale),
        "fingerprint": fingerprint[:16],
        "deadline": deadline,
        "objections": objections,
        "rows": [
            {
                "rank": row["rank"],
                "name": row["enterprise"],
                "tax_code": row["tax_code"],
                "normal": _points(row["normal"]),
                "bonus": _points(row["bonus"]),
                "deduction": _points(row["deduction"]),
                "total": _points(row["total"]),
                "classification": CLASS_VI.get(row["classification"], row["classification"]),
                "level": LEVEL_VI.get(row["completion_level"], row["completion_level"]),
                "veto": veto_text(row["veto_reasons"]) if row["vetoed"] else "",
            }
            for row in rows
        ],
    }


def _signer(ranking) -> dict:
    leader = (
        BlocMembership.objects.filter(
            bloc_id=ranking.bloc_id,
            year_id=ranking.year_id,
            role=MembershipRole.LEADER,
            status=MembershipStatus.ACTIVE,
        )
        .select_related("enterprise")
        .first()
    )
    return bloc_signer_block(leader.enterprise.legal_representative if leader else "")


def issue_ranking(*, ranking, requested_by):
    """Issue the locked ranking as the bloc's document (inside the caller's transaction)."""
    snapshot = ranking.locked_snapshot
    scale = ranking.rows.values_list("scorecard__criteria_set__scale", flat=True).first() or 100
    context = ranking_context(
        bloc_name=ranking.bloc.name,
        board_name=ranking.organization.name,
        year=ranking.year.year,
        period=ranking.period,
        scale=scale,
        rows=snapshot["rows"],
        fingerprint=ranking.locked_fingerprint,
        deadline=ranking.objection_deadline.strftime("%d/%m/%Y") if ranking.objection_deadline else "",
        objections=ranking.objections.count(),
    )
    return issue_document(
        organization=ranking.organization,
        kind=KIND,
        doc_type=DOC_TYPE,
        title=ranking_title(ranking.period, ranking.year.year),
        template_name=TEMPLATE_NAME,
        context=context,
        owner=ranking,
        requested_by=requested_by,
        signer=_signer(ranking),
        recipients=bloc_recipients(ranking.organization),
        issuer=bloc_issuer(
            ranking.bloc
        ),  # the bloc's document: its letterhead and register (domain.md §17.1)
    )


SAMPLE_ROWS = [
    ("Công ty Cổ phần Ván dán Hồng Ngọc", "4700123451", "92", "6", "0", "EXCELLENT", "EXCELLENT", []),
    ("Công ty TNHH Lechenwood Việt Nam", "4700123468", "88", "3", "1", "EXCELLENT", "EXCELLENT", []),
    ("Công ty TNHH Chế biến Lâm sản Bắc Kạn", "4700123475", "81", "0", "2", "FAIR", "COMPLETED", []),
    (
        "Công ty TNHH Bao bì Thanh Bình",
        "4700123482",
        "74",
        "0",
        "4",
        "AVERAGE",
        "COMPLETED",
        [{"code": "DISCIPLINE", "detail": "Đang thanh tra về môi trường"}],
    ),
]


def sample_ranking() -> SampleDocument:
    rows = [
        {
            "rank": n,
            "enterprise": name,
            "tax_code": tax,
            "normal": normal,
            "bonus": bonus,
            "deduction": deduction,
            "total": str(Decimal(normal) + Decimal(bonus) - Decimal(deduction)),
            "classification": klass,
            "completion_level": level,
            "vetoed": bool(vetoes),
            "veto_reasons": vetoes,
        }
        for n, (name, tax, normal, bonus, deduction, klass, level, vetoes) in enumerate(SAMPLE_ROWS, start=1)
    ]
    bloc = "Khối thi đua các doanh nghiệp KCN Thanh Bình"
    from thidua.documents.samples import SAMPLE_BOARD  # noqa: PLC0415 -- the platform's sample Board

    return SampleDocument(
        template_name=TEMPLATE_NAME,
        kind=KIND,
        doc_type=DOC_TYPE,
        number=3,
        issued_on=date(2026, 1, 12),
        title=ranking_title(ScoringPeriod.YEAR_END, 2025),
        context=ranking_context(
            bloc_name=bloc,
            board_name=SAMPLE_BOARD.name,
            year=2025,
            period=ScoringPeriod.YEAR_END,
            scale=100,
            rows=rows,
            fingerprint="9f2c4e1ab37d58c0" * 4,
            deadline="09/01/2026",
            objections=1,
        ),
        signer=bloc_signer_block("Nguyễn Văn Nam"),
        recipients=bloc_recipients(SAMPLE_BOARD),
        issuer=unit_issuer(
            organization=SAMPLE_BOARD, register="bloc:sample", unit_name=bloc, short_code="KTĐ1"
        ),
    )
