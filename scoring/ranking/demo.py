"""Demo scoring for both demo Boards (loaded by ``manage.py seed_demo`` through the ``seed_demo`` signal, after
the quarterly demo). Idempotent: does nothing for a Board that already has criteria sets.

- 2025 (year end): the Board's default table adopted by decision; every member self-scored with evidence,
  cross-scored by the leader (the deputy for the leader), one score adjusted with its reason, verified with
  the confirmations received, one member under inspection (ND 152/2025 Art. 4(4): ranked, not proposable);
  rankings computed, published on Monday 5 January 2026, contested once (accepted with a new score), locked
  on 13 January 2026 and issued as each bloc's table. The quarterly demo closed 2025 already: the year is
  opened for the time of seeding and closed again, as the scoring happened before the close.
- 2026 (mid-year): the default table adopted; every member scored through the three rounds and final; the
  rankings computed as drafts the Board can publish.
"""

from __future__ import annotations

import datetime
import hashlib
import random
from decimal import Decimal

from django.core.files.base import ContentFile
from django.db import transaction

from blocs.enums import MembershipRole, MembershipStatus, YearStatus
from blocs.models import Bloc, BlocMembership, EmulationYear, EnterpriseUser
from scoring.criteria.enums import CriterionKind
from scoring.criteria.models import CriteriaSet
from scoring.criteria.services import adopt_set, create_default_set
from scoring.ranking.enums import Confirmation, ScoreRound, ScoringPeriod
from scoring.ranking.models import ScoreEntry, ScoreEvidence
from scoring.ranking.services import rankings as ranking_services
from scoring.ranking.services import scorecards as services
from thidua.accounts.demo import demo_board
from thidua.accounts.models import User

D = Decimal
# A one-page PDF ("Minh chứng"), so that the demo's evidence opens.
EVIDENCE_PDF = (
    b"%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj 2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj "
    b"3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 595 842]/Contents 4 0 R/Resources<<>>>>endobj "
    b"4 0 obj<</Length 44>>stream\nBT /F1 18 Tf 72 760 Td (Minh chung) Tj ET\nendstream endobj\n"
    b"trailer<</Root 1 0 R>>\n%%EOF\n"
)


def _user_of(enterprise_id: int) -> User | None:
    link = (
        EnterpriseUser.objects.filter(enterprise_id=enterprise_id)
        .select_related("user")
        .order_by("id")
        .first()
    )
    return link.user if link else None


def _self_values(card, rng: random.Random) -> list[services.ScoreInput]:
    values = []
    for entry in card.entries.select_related("criterion"):
        criterion = entry.criterion
        if criterion.is_computed and entry.measure is not None:
            continue
        if criterion.kind == CriterionKind.NORMAL:
            value = max(D(0), criterion.max_points - D(rng.choice([0, 0, 0, 1, 1, 2])))
        elif criterion.kind == CriterionKind.BONUS:
            value = D(rng.choice([0, 0, 1, 2])).min(criterion.max_points)
        elif criterion.kind == CriterionKind.DEDUCTION:
            value = (
                D(0) if criterion.per_occurrence is None or rng.random() < 0.85 else criterion.per_occurrence
            )
        else:
            value = D(0)
        values.append(services.ScoreInput(criterion.pk, value, note="Theo hồ sơ của doanh nghiệp"))
    return values


def _attach_evidence(card, user) -> None:
    for entry in ScoreEntry.objects.filter(scorecard=card, criterion__evidence_required=True).select_related(
        "criterion"
    ):
        if entry.self_value:
            ScoreEvidence.objects.create(
                entry=entry,
                file=ContentFile(EVIDENCE_PDF, name=f"minh-chung-{entry.criterion.code}.pdf"),
                label=f"Minh chứng tiêu chí {entry.criterion.code}",
                size=len(EVIDENCE_PDF),
                sha256=hashlib.sha256(EVIDENCE_PDF).hexdigest(),
                uploaded_by=user,
            )


def _cross_values(card, adjust: bool) -> list[services.ScoreInput]:
    values = []
    for entry in card.entries.select_related("criterion").order_by(
        "criterion__group__order", "criterion__order"
    ):
        value = entry.self_value
        reason = ""
        if adjust and entry.criterion.code == "B1" and value:
            value, reason = value - 1, "Còn chậm trả lương tháng 3, đối chiếu bảng lương"
        values.append(services.ScoreInput(entry.criterion_id, value, reason=reason))
    return values


def _score_bloc(bloc, year, period, officer, rng, *, findings: bool, inspected: int | None) -> None:
    cards = services.open_scoring(bloc=bloc, year=year, period=period, opened_by=officer)
    leader_id = (
        BlocMembership.objects.filter(
            bloc=bloc, year=year, role=MembershipRole.LEADER, status=MembershipStatus.ACTIVE
        )
        .values_list("enterprise_id", flat=True)
        .first()
    )
    deputy_id = (
        BlocMembership.objects.filter(
            bloc=bloc, year=year, role=MembershipRole.DEPUTY, status=MembershipStatus.ACTIVE
        )
        .values_list("enterprise_id", flat=True)
        .first()
    )
    for n, card in enumerate(sorted(cards, key=lambda c: c.enterprise.name)):
        user = _user_of(card.enterprise_id)
        crosser = _user_of(deputy_id if card.enterprise_id == leader_id else leader_id)
        if user is None or crosser is None:
            continue
        services.record_scores(
            scorecard=card, round_=ScoreRound.SELF, values=_self_values(card, rng), actor=user
        )
        _attach_evidence(card, user)
        services.submit_self(scorecard=card, submitted_by=user)
        services.record_scores(
            scorecard=card, round_=ScoreRound.CROSS, values=_cross_values(card, adjust=n == 1), actor=crosser
        )
        services.submit_cross(scorecard=card, submitted_by=crosser)
        if findings:
            services.record_findings(
                scorecard=card,
                discipline_flag=n == inspected,
                discipline_note="Đang bị thanh tra chuyên ngành về môi trường, chưa có kết luận"
                if n == inspected
                else "",
                confirmations=[Confirmation.TAX, Confirmation.SOCIAL_INSURANCE, Confirmation.ENVIRONMENT],
                recorded_by=officer,
            )
        services.finalize_scorecard(scorecard=card, finalized_by=officer)


def _default_set(year, officer, adopted_on: datetime.date, note: str) -> CriteriaSet:
    criteria_set = create_default_set(year=year, created_by=officer)
    return adopt_set(criteria_set=criteria_set, adopted_on=adopted_on, note=note, adopted_by=officer)


def _contest_and_lock(ranking, officer) -> None:
    """One objection (the member ranked second contests its A4), accepted; then the lock."""
    rows = list(ranking.rows.select_related("enterprise").order_by("rank", "enterprise__name"))
    if len(rows) > 1:
        contester = rows[1]
        user = _user_of(contester.enterprise_id)
        entry = ScoreEntry.objects.get(scorecard_id=contester.scorecard_id, criterion__code="A4")
        objection = ranking_services.raise_objection(
            ranking=ranking,
            entry=entry,
            text="Doanh nghiệp đã đầu tư dây chuyền sấy mới trong quý IV, đề nghị chấm đủ điểm tiêu chí A4.",
            raised_by=user,
            today=datetime.date(2026, 1, 7),
        )
        ranking_services.answer_objection(
            objection=objection,
            accept=True,
            new_value=entry.criterion.max_points,
            answer="Đã đối chiếu hóa đơn đầu tư dây chuyền; chấp nhận chấm đủ điểm.",
            answered_by=officer,
        )
    ranking_services.lock_ranking(ranking=ranking, locked_by=officer, today=datetime.date(2026, 1, 13))


def _blocs_of(year) -> list[Bloc]:
    return list(
        Bloc.objects.filter(memberships__year=year, memberships__status=MembershipStatus.ACTIVE)
        .distinct()
        .order_by("code")
    )


def _seed_board(key: str) -> None:
    board = demo_board(key)
    year_2025 = EmulationYear.objects.filter(organization=board, year=2025).first()
    year_2026 = EmulationYear.objects.filter(organization=board, year=2026).first()
    if year_2025 is None or year_2026 is None or CriteriaSet.objects.filter(organization=board).exists():
        return
    officer = User.objects.get(email=f"officer.{key}@thidua.demo")
    rng = random.Random(f"scoring-{key}")

    # 2025, year end: scored, published, contested once, locked (the year reopened for the seeding only).
    closed = (year_2025.status, year_2025.closed_at)
    EmulationYear.objects.filter(pk=year_2025.pk).update(status=YearStatus.OPEN)
    year_2025.refresh_from_db()
    _default_set(
        year_2025,
        officer,
        datetime.date(2025, 3, 10),
        "Quyết định số 25/QĐ-BQL ngày 10/3/2025 của Ban Quản lý",
    )
    for n, bloc in enumerate(_blocs_of(year_2025)):
        _score_bloc(
            bloc,
            year_2025,
            ScoringPeriod.YEAR_END,
            officer,
            rng,
            findings=True,
            inspected=2 if n == 0 else None,
        )
        ranking = ranking_services.compute_ranking(
            bloc=bloc, year=year_2025, period=ScoringPeriod.YEAR_END, computed_by=officer
        )
        ranking = ranking_services.publish_ranking(
            ranking=ranking, published_by=officer, today=datetime.date(2026, 1, 5)
        )
        _contest_and_lock(ranking, officer)
    EmulationYear.objects.filter(pk=year_2025.pk).update(status=closed[0], closed_at=closed[1])

    # 2026, mid-year: scored and final, rankings computed as drafts.
    _default_set(
        year_2026,
        officer,
        datetime.date(2026, 3, 10),
        "Quyết định số 18/QĐ-BQL ngày 10/3/2026 của Ban Quản lý",
    )
    for bloc in _blocs_of(year_2026):
        _score_bloc(bloc, year_2026, ScoringPeriod.MIDYEAR, officer, rng, findings=False, inspected=None)
        ranking_services.compute_ranking(
            bloc=bloc, year=year_2026, period=ScoringPeriod.MIDYEAR, computed_by=officer
        )


@transaction.atomic
def seed(rows: list[dict]) -> None:
    _seed_board("tn")
    _seed_board("dl")
