"""The bloc's review report (báo cáo quý / sơ kết / tổng kết) as an official document (domain.md §9.4).

Three steps kept apart: the reads (``review_data``), the pure context (``review_context``), and the one call
to the documents platform (``issue_bloc_review``), kept in this module so that it can follow the platform's
signing and numbering in one place.
"""

from __future__ import annotations

from dataclasses import dataclass

from blocs.enums import MembershipRole, MembershipStatus
from blocs.membership.issuers import bloc_issuer, bloc_recipients, bloc_signer_block
from blocs.models import BlocMembership
from scoring.quarterly.enums import PeriodKind, ReviewKind
from scoring.quarterly.queries import (
    consolidated_catalogue,
    consolidated_table,
    headline_indicators,
    members_table,
)
from thidua.documents.numbers import vietnamese_number
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
        "table": [
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
        ],
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
    """Issue the review through the documents platform; the worker renders it."""
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
