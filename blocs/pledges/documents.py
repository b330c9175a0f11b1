"""The joint pledge (Bản giao ước thi đua) of a bloc: pure context building, the read that feeds it, and its
sample for ``manage.py render_sample pledge out.pdf``."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from django.db.models import Prefetch
from django.utils import timezone

from blocs.enums import MembershipRole, MembershipStatus
from blocs.membership.models import BlocMembership
from blocs.pledges.catalogue import DEFAULT_COMMITMENTS
from blocs.pledges.enums import AwardCode, PledgeStatus, TargetBasis
from blocs.pledges.models import Pledge, PledgeTarget
from thidua.documents.numbers import vietnamese_number
from thidua.documents.samples import SampleDocument

TEMPLATE_NAME = "pdf/blocs/pledges/joint_pledge.html"
KIND = "joint_pledge"
DOC_TYPE = "GUTĐ"
RECIPIENTS = ["Ban Quản lý các KCN (b/c);", "Các doanh nghiệp thành viên;", "Lưu: Khối thi đua."]
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
    """JSON-ready context of ``pdf/blocs/joint_pledge.html``."""
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
                "signed_at": s.signed_at,
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
    """Read the template's current versions (signed first) with targets, registrations and signatures."""
    indicators = [
        IndicatorColumn(i.code, i.name, i.unit) for i in template.indicators.order_by("ordering", "code")
    ]
    pledges = list(
        Pledge.objects.filter(template=template, amendment__isnull=True)
        .select_related("enterprise", "signature")
        .prefetch_related(
            Prefetch("targets", queryset=PledgeTarget.objects.select_related("indicator")),
            "registrations",
        )
        .order_by("enterprise__name", "enterprise_id")
    )
    signed = [p for p in pledges if p.status in (PledgeStatus.SIGNED, PledgeStatus.LOCKED)]
    awards = dict(AwardCode.choices)
    members = [
        MemberPledge(
            name=p.enterprise.name,
            tax_code=p.enterprise.tax_code,
            targets={t.indicator.code: _value(t) for t in p.targets.all()},
            registrations=[
                _registration(r.name, awards.get(r.award_code, r.award_code), p.enterprise.name)
                for r in p.registrations.all()
            ],
        )
        for p in signed
    ]
    signatories = [
        Signatory(
            enterprise=p.enterprise.name,
            representative=p.signature.signer_name,
            title=p.signature.signer_title,
            signed_at=timezone.localtime(p.signature.signed_at).strftime("%H:%M %d/%m/%Y"),
            fingerprint=p.signature.short_fingerprint,
        )
        for p in signed
    ]
    leader = (
        BlocMembership.objects.filter(
            bloc=template.bloc, year=template.year, role=MembershipRole.LEADER, status=MembershipStatus.ACTIVE
        )
        .select_related("enterprise")
        .first()
    )
    leader_name = ""
    if leader is not None:
        leader_pledge = next((p for p in signed if p.enterprise_id == leader.enterprise_id), None)
        leader_name = (
            leader_pledge.signature.signer_name if leader_pledge else leader.enterprise.legal_representative
        )
    context = joint_context(
        bloc_name=template.bloc.name,
        year=template.year.year,
        theme=template.theme,
        joint_text=template.joint_text,
        commitments=list(template.commitments),
        indicators=indicators,
        members=members,
        signatories=signatories,
        not_signed=[p.enterprise.name for p in pledges if p not in signed],
    )
    signer = {"prefix": "TM.", "authority": "Khối thi đua", "title": "Khối trưởng", "name": leader_name}
    return JointPledgeData(context=context, signer=signer)


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


def sample_pledge() -> SampleDocument:
    indicators = [
        IndicatorColumn("GTSX", "Giá trị sản xuất công nghiệp", "tỷ đồng"),
        IndicatorColumn("DT", "Doanh thu", "tỷ đồng"),
        IndicatorColumn("XK", "Kim ngạch xuất khẩu", "triệu USD"),
        IndicatorColumn("NNS", "Nộp ngân sách nhà nước", "tỷ đồng"),
        IndicatorColumn("LD", "Tổng số lao động", "người"),
        IndicatorColumn("TNBQ", "Thu nhập bình quân", "triệu đồng/người/tháng"),
    ]
    names = [
        ("Công ty Cổ phần Ván dán Hồng Ngọc", "4700123451", "Nguyễn Văn Hồng", "Giám đốc"),
        ("Công ty TNHH Lechenwood Việt Nam", "4700123468", "Lê Minh Tuấn", "Tổng Giám đốc"),
        ("Công ty TNHH Chế biến Lâm sản Bắc Kạn", "4700123475", "Trần Thị Mỹ", "Giám đốc"),
    ]
    members = [
        MemberPledge(
            name=name,
            tax_code=tax,
            targets={
                "GTSX": str(120 + 40 * n),
                "DT": str(110 + 35 * n),
                "XK": f"{3 + n},5",
                "NNS": str(4 + n),
                "LD": str(150 + 30 * n),
                "TNBQ": "7,2",
            },
            registrations=["Tập thể lao động xuất sắc"],
        )
        for n, (name, tax, _rep, _title) in enumerate(names)
    ]
    signatories = [
        Signatory(name, rep, title, f"09:{10 + n:02d} 15/03/2026", f"{'a1b2c3d4e5f6'[n:]}{'0' * n}")
        for n, (name, _tax, rep, title) in enumerate(names)
    ]
    return SampleDocument(
        template_name=TEMPLATE_NAME,
        kind="pledge",
        doc_type=DOC_TYPE,
        number=1,
        issued_on=date(2026, 3, 20),
        title=joint_title("Khối thi đua các doanh nghiệp KCN Thanh Bình", 2026),
        context=joint_context(
            bloc_name="Khối thi đua các doanh nghiệp KCN Thanh Bình",
            year=2026,
            theme=THEME,
            joint_text=JOINT_TEXT,
            commitments=DEFAULT_COMMITMENTS[:6],
            indicators=indicators,
            members=members,
            signatories=signatories,
            not_signed=[],
        ),
        signer={
            "prefix": "TM.",
            "authority": "Khối thi đua",
            "title": "Khối trưởng",
            "name": "Nguyễn Văn Hồng",
        },
        recipients=RECIPIENTS,
    )
