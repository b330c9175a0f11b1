"""Award decisions of the Board: prepared from approved nominations of one Board-level award, sent to a signer
through the platform's signing workflow (signed before numbered), and, once signed, the nominations DECIDED.

Money follows ND 152/2025 Art. 49: the base salary in force on the decision's date, rounded up to 10,000 VND.
The amounts are computed when the decision goes to its signer; if the base salary in force on the signing day
differs, the signature is refused and the officer submits the decision again.
"""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from awards.catalogue.queries import base_salary_on
from awards.catalogue.rules import award_money
from awards.decisions import documents
from awards.decisions.models import AwardDecision, AwardDecisionLine
from awards.decisions.queries import council_minutes_citation
from awards.enums import DecidingLevel, SubjectKind
from awards.nominations.enums import NominationStatus
from awards.nominations.models import Nomination
from awards.nominations.queries import proposer_users
from awards.nominations.services.common import announce, ensure_year_open, move
from thidua.audit.services import record_event
from thidua.documents.enums import DocumentState
from thidua.documents.kinds import recipients_for
from thidua.documents.queries import legal_basis_lines
from thidua.documents.services.signing import request_signature


def _lock(decision: AwardDecision) -> AwardDecision:
    return (
        AwardDecision.objects.select_for_update(of=("self",))
        .select_related("year", "award_type", "organization")
        .get(pk=decision.pk)
    )


@transaction.atomic
def create_award_decision(*, year, award_type, nominations, created_by) -> AwardDecision:
    """A draft decision of the Board for ``award_type`` with one line per approved nomination."""
    ensure_year_open(year)
    if award_type.deciding_level != DecidingLevel.BOARD:
        raise ValidationError(
            {"award_type": _("Only the Board's own awards are decided here; the others go to the province.")}
        )
    rows = list(
        Nomination.objects.select_for_update(of=("self",))
        .filter(pk__in=[n.pk for n in nominations], organization_id=year.organization_id)
        .select_related("enterprise", "award_type")
        .order_by("pk")
    )
    if not rows:
        raise ValidationError({"nominations": _("Choose at least one approved nomination.")})
    wrong = [
        n
        for n in rows
        if n.status != NominationStatus.APPROVED or n.award_type_id != award_type.pk or n.year_id != year.pk
    ]
    if wrong:
        raise ValidationError(
            {"nominations": _("Choose this year's nominations of this award approved by the council.")}
        )
    if AwardDecisionLine.objects.filter(nomination__in=rows).exists():
        raise ValidationError({"nominations": _("A nomination is already in another decision.")})
    decision = AwardDecision.objects.create(
        organization_id=year.organization_id,
        year=year,
        award_type=award_type,
        title=documents.decision_title(short_name=award_type.short_name, year=year.year),
        created_by=created_by,
    )
    AwardDecisionLine.objects.bulk_create(
        AwardDecisionLine(
            decision=decision,
            nomination=n,
            position=position,
            is_collective=n.subject_kind != SubjectKind.INDIVIDUAL,
            name=n.enterprise.name if n.subject_kind == SubjectKind.ENTERPRISE else n.subject_name,
            title=n.position,
            unit=n.enterprise.name if n.subject_kind != SubjectKind.ENTERPRISE else "",
            achievement=n.achievement,
        )
        for position, n in enumerate(rows)
    )
    _price(decision, timezone.localdate())
    record_event(
        action="award_decision.created",
        actor=created_by,
        organization=decision.organization,
        obj=decision,
        changes={"award_type": award_type.code, "nominations": [n.pk for n in rows]},
    )
    return decision


def _price(decision: AwardDecision, day) -> None:
    """Money of every line at the base salary in force on ``day``."""
    salary = base_salary_on(day)
    if salary is None:
        raise ValidationError(_("No base salary is in force on %(day)s.") % {"day": day.strftime("%d/%m/%Y")})
    award = decision.award_type
    lines = list(decision.lines.all())
    for line in lines:
        multiplier = award.money_collective if line.is_collective else award.money_individual
        line.money = award_money(multiplier=multiplier, base_salary=salary.amount)
    AwardDecisionLine.objects.bulk_update(lines, ["money"])
    decision.base_salary = salary.amount
    decision.total_money = sum(line.money for line in lines)
    decision.save(update_fields=["base_salary", "total_money"])


def decision_context(decision: AwardDecision, *, on) -> dict:
    board = decision.organization
    lines = [
        documents.Line(
            is_collective=line.is_collective,
            name=line.name,
            achievement=line.achievement,
            money=line.money,
            title=line.title,
            unit=line.unit,
        )
        for line in decision.lines.all()
    ]
    return documents.award_decision_context(
        award_name=decision.award_type.printed_name(board),
        short_name=decision.award_type.short_name,
        year=decision.year.year,
        lines=lines,
        base_salary=decision.base_salary,
        legal_bases=legal_basis_lines(board, documents.KIND, on=on),
        council_minutes=council_minutes_citation(decision),
    )


@transaction.atomic
def submit_award_decision(*, decision: AwardDecision, signer, submitted_by) -> AwardDecision:
    """To the signer: the money priced today, the preview rendered, the request waiting for the signature."""
    decision = _lock(decision)
    ensure_year_open(decision.year)
    if decision.state != DocumentState.DRAFT:
        raise ValidationError(_("Only a draft decision can be sent for signature."), code="not_draft")
    today = timezone.localdate()
    _price(decision, today)
    board = decision.organization
    request_signature(
        organization=board,
        kind=documents.KIND,
        doc_type=documents.DOC_TYPE,
        title=decision.title,
        template_name=documents.TEMPLATE_NAME,
        context=decision_context(decision, on=today),
        owner=decision,
        requested_by=submitted_by,
        signer=signer,
        recipients=recipients_for(board, documents.KIND, lead=("Như Điều 3;",)),
        owner_url=reverse("decisions:decision_detail", args=[decision.pk]),
    )
    decision.state = DocumentState.PENDING_SIGNATURE
    decision.save(update_fields=["state"])
    record_event(
        action="award_decision.submitted",
        actor=submitted_by,
        organization=board,
        obj=decision,
        changes={"signer": signer.email, "base_salary": decision.base_salary, "total": decision.total_money},
    )
    return decision


def decision_signed(sender, *, signature_request, document, owner, **kwargs) -> None:
    """The signer signed: the decision is ISSUED with its number, its nominations DECIDED (inside the signing
    transaction; a refusal here refuses the signature)."""
    decision = _lock(owner)
    salary = base_salary_on(document.issued_on)
    if salary is None or salary.amount != decision.base_salary:
        raise ValidationError(
            _(
                "The base salary in force on the decision's date differs from the one its money was computed "
                "with: return the decision so that it is submitted again."
            ),
            code="salary_changed",
        )
    decision.state = DocumentState.ISSUED
    decision.document = document
    decision.decided_on = document.issued_on
    decision.save(update_fields=["state", "document", "decided_on"])
    signer = signature_request.signer
    for line in decision.lines.select_related("nomination"):
        nomination = (
            Nomination.objects.select_for_update(of=("self",))
            .select_related("organization", "enterprise", "award_type", "created_by")
            .get(pk=line.nomination_id)
        )
        move(nomination, "decide", signer, comment=document.number_and_symbol)
        announce(
            proposer_users(nomination),
            nomination,
            _("%(subject)s is awarded %(award)s (decision %(number)s).")
            % {
                "subject": nomination.subject_label,
                "award": nomination.award_type.short_name,
                "number": document.number_and_symbol,
            },
        )
    record_event(
        action="award_decision.issued",
        actor=signer,
        organization=decision.organization,
        obj=decision,
        changes={"number": document.number_and_symbol, "lines": decision.lines.count()},
    )


def decision_returned(sender, *, signature_request, owner, **kwargs) -> None:
    decision = _lock(owner)
    decision.state = DocumentState.DRAFT
    decision.save(update_fields=["state"])
