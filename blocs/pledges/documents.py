"""The joint pledge (Bản giao ước thi đua) of a bloc: pure context building, the read that feeds it, and its
sample for ``manage.py render_sample pledge out.pdf``.

It is the bloc's document (domain.md §17.1): issued by the bloc in its own register under the Board's name
(``blocs.membership.issuers``), typed with the Board's pledge abbreviation (``Organization.pledge_doc_type``, a
local convention), signed "TM. KHỐI THI ĐUA / KHỐI TRƯỞNG" by the leader enterprise's representative once that
representative has signed the pledge. It is a covenant: the commitments are the bloc's and every signatory
accepts them all; the document ends with the signature table of every member unit."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from django.db.models import Prefetch
from django.utils import timezone

from blocs.enums import MembershipRole, MembershipStatus
from blocs.membership.issuers import bloc_issuer, bloc_recipients, bloc_signer_block
from blocs.membership.models import Bloc, BlocMembership
from blocs.pledges.catalogue import DEFAULT_COMMITMENTS
from blocs.pledges.enums import AwardCode, PledgeStatus, TargetBasis
from blocs.pledges.models import Pledge, PledgeTarget
from thidua.documents.numbers import vietnamese_number
from thidua.documents.samples import SAMPLE_BOARD, SampleDocument

TEMPLATE_NAME = "pdf/blocs/pledges/joint_pledge.html"
KIND = "joint_pledge"
NOT_SIGNED = "Chưa ký"
BASIS_WORDS = {TargetBasis.PLAN: "so với kế hoạch", TargetBasis.SAME_PERIOD: "so với cùng kỳ"}


@dataclass(frozen=True)
class IndicatorColumn:
    code: str
    name: str
    unit: str


@dataclass
class MemberPledge:
    name: str
    tax_code: str
    targets: dict[str, str]  # indicator code → value as printed
    registrations: list[str] = field(default_factory=list)


@dataclass(frozen=True)
class Signatory:
    enterprise: str
    representative: str
    title: str
    signed_at: str
    fingerprint: str


@dataclass
class JointPledgeData:
    context: dict
    signer: dict
    leader_signed: bool


def joint_title(bloc_name: str, year: int) -> str:
    return f"Giao ước thi đua năm {year} của {bloc_name}"


def joint_context(
    *,
    bloc_name: str,
    year: int,
    theme: str,
    joint_text: str,
    commitments: list[str],
    indicators: list[IndicatorColumn],
    members: list[MemberPledge],
    signatories: list[Signatory],
    not_signed: list[str],
) -> dict:
    """JSON-ready context of ``pdf/blocs/joint_pledge.html``. ``signatories``: every member unit, those who
    have not signed yet with an empty time and fingerprint (printed "Chưa ký")."""
    return {
        "bloc_name": bloc_name,
        "year": str(year),
        "theme": theme,
        "joint_paragraphs": [line for line in joint_text.splitlines() if line.strip()],
        "commitments": commitments,
        "indicators": [{"code": i.code, "name": i.name, "unit": i.unit} for i in indicators],
        "members": [
            {
                "index": n,
                "name": m.name,
                "tax_code": m.tax_code,
                "cells": [m.targets.get(i.code, "—") for i in indicators],
                "registrations": m.registrations,
            }
            for n, m in enumerate(members, start=1)
        ],
        "signatories": [
            {
                "index": n,
                "enterprise": s.enterprise,
                "representative": s.representative,
                "title": s.title,
                "signed_at": s.signed_at or NOT_SIGNED,
                "fingerprint": s.fingerprint,
            }
            for n, s in enumerate(signatories, start=1)
        ],
        "not_signed": not_signed,
    }


def _value(target) -> str:
    basis = "" if target.basis == TargetBasis.PLAN else " (cùng kỳ)"
    return f"{vietnamese_number(target.value)}{basis}"


def _registration(subject: str, award: str, enterprise_name: str) -> str:
    """ "Tập thể lao động xuất sắc" for the enterprise itself, "Chiến sĩ thi đua cơ sở — Nguyễn Văn A" otherwise."""
    return award if subject.strip() in {"", enterprise_name} else f"{award} — {subject}"


def joint_pledge_data(template) -> JointPledgeData:
    """Read the bloc's active members of the template's year with their current pledge versions (targets,
    registrations, signatures): the signed ones fill the tables, every member has a row of the signature
    table. A withdrawn member appears nowhere."""
    indicators = [
        IndicatorColumn(i.code, i.name, i.unit) for i in template.indicators.order_by("ordering", "code")
    ]
    memberships = list(
        BlocMembership.objects.filter(bloc=template.bloc, year=template.year, status=MembershipStatus.ACTIVE)
        .select_related("enterprise")
        .order_by("enterprise__name", "enterprise_id")
    )
    pledges = {
        p.enterprise_id: p
        for p in Pledge.objects.filter(
            template=template,
            amendment__isnull=True,
            enterprise_id__in=[m.enterprise_id for m in memberships],
        )
        .select_related("signature")
        .prefetch_related(
            Prefetch("targets", queryset=PledgeTarget.objects.select_related("indicator")),
            "registrations",
        )
    }
    signed = {
        enterprise_id: p
        for enterprise_id, p in pledges.items()
        if p.status in (PledgeStatus.SIGNED, PledgeStatus.LOCKED)
    }
    awards = dict(AwardCode.choices)
    members = [
        MemberPledge(
            name=m.enterprise.name,
            tax_code=m.enterprise.tax_code,
            targets={t.indicator.code: _value(t) for t in signed[m.enterprise_id].targets.all()},
            registrations=[
                _registration(r.name, awards.get(r.award_code, r.award_code), m.enterprise.name)
                for r in signed[m.enterprise_id].registrations.all()
            ],
        )
        for m in memberships
        if m.enterprise_id in signed
    ]
    signatories = [_signatory(m.enterprise, signed.get(m.enterprise_id)) for m in memberships]
    leader = next((m for m in memberships if m.role == MembershipRole.LEADER), None)
    leader_pledge = signed.get(leader.enterprise_id) if leader is not None else None
    context = joint_context(
        bloc_name=template.bloc.name,
        year=template.year.year,
        theme=template.theme,
        joint_text=template.joint_text,
        commitments=list(template.commitments),
        indicators=indicators,
        members=members,
        signatories=signatories,
        not_signed=[m.enterprise.name for m in memberships if m.enterprise_id not in signed],
    )
    signer = bloc_signer_block(leader_pledge.signature.signer_name if leader_pledge else "")
    return JointPledgeData(context=context, signer=signer, leader_signed=leader_pledge is not None)


def _signatory(enterprise, pledge) -> Signatory:
    if pledge is None:
        return Signatory(enterprise.name, "", "", "", "")
    signature = pledge.signature
    return Signatory(
        enterprise=enterprise.name,
        representative=signature.signer_name,
        title=signature.signer_title,
        signed_at=timezone.localtime(signature.signed_at).strftime("%H:%M %d/%m/%Y"),
        fingerprint=signature.short_fingerprint,
    )


# ---------------------------------------------------------------------------
# The sample for ``manage.py render_sample pledge out.pdf``: a bloc with sample members and signatures
# ---------------------------------------------------------------------------
THEME = "Doanh nghiệp Khu công nghiệp Thanh Bình đoàn kết – dân chủ – đổi mới – phát triển"  # noqa: RUF001 -- the real theme uses en dashes
JOINT_TEXT = (
    "Các doanh nghiệp thành viên Khối thi đua cam kết phấn đấu hoàn thành và vượt mức các chỉ tiêu kinh tế: "
    "sản lượng, doanh thu, kim ngạch xuất khẩu, giải quyết việc làm.\n"
    "Chấp hành tốt chủ trương của Đảng, chính sách, pháp luật của Nhà nước: bảo vệ môi trường, an toàn vệ sinh "
    "lao động, phòng cháy chữa cháy, nội quy lao động, thang bảng lương, xây dựng quan hệ lao động hài hòa."
)


SAMPLE_BLOC = Bloc(pk=1, organization=SAMPLE_BOARD, code="KTĐ1", name="Khối thi đua các doanh nghiệp KCN Thanh Bình")


def sample_pledge() -> SampleDocument:
    """Three members who signed (the leader's representative among them) and one who has not yet."""
    indicators = [
        IndicatorColumn("GTSX", "Giá trị sản xuất công nghiệp", "tỷ đồng"),
        IndicatorColumn("DT", "Doanh thu", "tỷ đồng"),
        IndicatorColumn("XK", "Kim ngạch xuất khẩu", "triệu USD"),
        IndicatorColumn("NNS", "Nộp ngân sách nhà nước", "tỷ đồng"),
        IndicatorColumn("LD", "Tổng số lao động", "người"),
        IndicatorColumn("TNBQ", "Thu nhập bình quân", "triệu đồng/người/tháng"),
    ]
    names = [
        ("Công ty Cổ phần Ván dán Hồng Ngọc", "4700123451", "Nguyễn Văn Nam", "Giám đốc"),
        ("Công ty TNHH Lechenwood Việt Nam", "4700123468", "Lê Minh Tuấn", "Tổng Giám đốc"),
        ("Công ty TNHH Chế biến Lâm sản Bắc Kạn", "4700123475", "Trần Thị Mỹ", "Giám đốc"),
    ]
    registrations = [
        ["Tập thể lao động xuất sắc", "Chiến sĩ thi đua cơ sở — Nguyễn Văn Nam"],
        ["Tập thể lao động tiên tiến", "Lao động tiên tiến — Phạm Thị Quỳnh"],
        ["Tập thể lao động tiên tiến"],
    ]
    members = [
        MemberPledge(
            name=name,
            tax_code=tax,
            targets={
                "GTSX": str(120 + 40 * n),
                "DT": str(110 + 35 * n),
                "XK": f"{3 + n},5",
                "NNS": f"{2 + n},4",
                "LD": str(150 + 30 * n),
                "TNBQ": f"7,{2 + n}",
            },
            registrations=registrations[n],
        )
        for n, (name, tax, _rep, _title) in enumerate(names)
    ]
    signatories = [
        Signatory(name, rep, title, f"09:{10 + n:02d} 15/03/2026", f"{'a1b2c3d4e5f6'[n:]}{'0' * n}")
        for n, (name, _tax, rep, title) in enumerate(names)
    ]
    late = "Công ty TNHH Bao bì Thanh Bình"
    signatories.append(Signatory(late, "", "", "", ""))
    return SampleDocument(
        template_name=TEMPLATE_NAME,
        kind="pledge",
        doc_type=SAMPLE_BOARD.pledge_doc_type,
        number=1,
        issued_on=date(2026, 3, 20),
        title=joint_title(SAMPLE_BLOC.name, 2026),
        context=joint_context(
            bloc_name=SAMPLE_BLOC.name,
            year=2026,
            theme=THEME,
            joint_text=JOINT_TEXT,
            commitments=DEFAULT_COMMITMENTS[:6],
            indicators=indicators,
            members=members,
            signatories=signatories,
            not_signed=[late],
        ),
        signer=bloc_signer_block("Nguyễn Văn Nam"),
        recipients=bloc_recipients(SAMPLE_BOARD),
        issuer=bloc_issuer(SAMPLE_BLOC),
    )
