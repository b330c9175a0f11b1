"""The joint pledge (Bản giao ước thi đua) of a bloc: pure context building, and the read that feeds it."""

from __future__ import annotations

from dataclasses import dataclass, field

from django.db.models import Prefetch
from django.utils import timezone

from blocs.enums import MembershipRole, MembershipStatus
from blocs.models import BlocMembership
from blocs.pledges.enums import AwardCode, PledgeStatus, TargetBasis
from blocs.pledges.models import Pledge, PledgeTarget
from thidua.documents.numbers import vietnamese_number

TEMPLATE_NAME = "pdf/blocs/joint_pledge.html"
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
