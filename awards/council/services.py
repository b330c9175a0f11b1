"""Council sessions: prepare (the nominations before the council, the members from the Board's council role),
open, ballots (a member's own, or the written opinion of an absent member recorded by the secretariat), close
(each item tallied over all members at its award's threshold, the quotas checked again, the nominations
approved or rejected) and the minutes, issued in the Board's register."""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from awards.council import documents
from awards.council.enums import CouncilStatus, ItemOutcome
from awards.council.models import CouncilItem, CouncilSession
from awards.council.queries import council_members
from awards.nominations.enums import NominationStatus
from awards.nominations.models import Nomination
from awards.nominations.queries import proposer_users
from awards.nominations.services.common import announce, ensure_year_open, move
from awards.nominations.services.common import lock as lock_nomination
from awards.nominations.services.nominations import eligibility_of
from blocs.voting import queries as voting_queries
from blocs.voting.enums import BallotChannel, ThresholdBase, VotingMethod, VotingPurpose
from blocs.voting.services import (
    CandidateSpec,
    VoterSpec,
    cast_ballot,
    close_voting_session,
    confirm_voting_result,
    create_voting_session,
    open_voting_session,
)
from thidua.audit.services import record_event


def _lock(session: CouncilSession) -> CouncilSession:
    return (
        CouncilSession.objects.select_for_update(of=("self",))
        .select_related("year", "organization")
        .get(pk=session.pk)
    )


@transaction.atomic
def create_council_session(
    *,
    year,
    title: str,
    meets_on,
    chair: str,
    secretary: str,
    nominations,
    created_by,
    place: str = "",
    quorum_ratio=None,
) -> CouncilSession:
    """A session with one item per nomination before the council (status COUNCIL_VOTING, not already in an
    open session), each with its round on the voting engine: electors = every active council member of the
    Board, one candidate (the nominee), threshold = the award's council threshold over all members."""
    ensure_year_open(year)
    nominations = list(
        Nomination.objects.filter(pk__in=[n.pk for n in nominations], organization_id=year.organization_id)
        .select_related("award_type", "enterprise")
        .order_by("award_type__sort_order", "pk")
    )
    if not nominations:
        raise ValidationError({"nominations": _("Choose at least one nomination before the council.")})
    wrong = [n for n in nominations if n.status != NominationStatus.COUNCIL_VOTING or n.year_id != year.pk]
    if wrong:
        raise ValidationError(
            {"nominations": _("Only this year's nominations sent to the council can be voted on.")}
        )
    busy = CouncilItem.objects.filter(
        nomination__in=nominations, session__status__in=(CouncilStatus.DRAFT, CouncilStatus.OPEN)
    )
    if busy.exists():
        raise ValidationError({"nominations": _("A nomination is already on another session's agenda.")})
    members = council_members(year.organization)
    if not members:
        raise ValidationError(
            _("The Board has no council member: give the council role to its members first.")
        )
    if not chair.strip() or not secretary.strip():
        raise ValidationError(_("Name the chair and the secretary."))
    session = CouncilSession(
        organization_id=year.organization_id,
        year=year,
        title=title.strip() or _("Council session"),
        meets_on=meets_on,
        place=place.strip(),
        chair=chair.strip(),
        secretary=secretary.strip(),
        created_by=created_by,
    )
    if quorum_ratio is not None:
        session.quorum_ratio = quorum_ratio
    session.full_clean(exclude=["created_by", "minutes", "organization", "year"])
    session.save()
    voters = [VoterSpec(user=member, label=member.full_name or member.email) for member in members]
    for position, nomination in enumerate(nominations):
        item = CouncilItem.objects.create(session=session, nomination=nomination, position=position)
        award = nomination.award_type
        item.voting = create_voting_session(
            organization=session.organization,
            purpose=VotingPurpose.COUNCIL,
            title=f"{award.short_name}: {nomination.subject_label}",
            voters=voters,
            candidates=[CandidateSpec(label=nomination.subject_label, target=nomination)],
            created_by=created_by,
            year=year,
            subject=item,
            method=VotingMethod.SECRET,
            quorum_ratio=session.quorum_ratio,
            threshold_ratio=award.council_threshold,
            threshold_base=ThresholdBase.ALL_ELIGIBLE,
            threshold_inclusive=award.council_threshold_inclusive,
            place=session.place,
            chair=session.chair,
            secretary=session.secretary,
        )
        item.save(update_fields=["voting"])
    record_event(
        action="council_session.created",
        actor=created_by,
        organization=session.organization,
        obj=session,
        changes={"nominations": [n.pk for n in nominations], "members": len(members)},
    )
    return session


@transaction.atomic
def open_council_session(*, session: CouncilSession, opened_by) -> CouncilSession:
    session = _lock(session)
    if session.status != CouncilStatus.DRAFT:
        raise ValidationError(_("Only a prepared session can be opened."), code="not_draft")
    for item in session.items.select_related("voting"):
        open_voting_session(session=item.voting, opened_by=opened_by)
    session.status = CouncilStatus.OPEN
    session.opened_at = timezone.now()
    session.save(update_fields=["status", "opened_at"])
    record_event(
        action="council_session.opened", actor=opened_by, organization=session.organization, obj=session
    )
    return session


@transaction.atomic
def cast_council_ballots(*, session: CouncilSession, member, approvals: dict[int, bool], cast_by) -> int:
    """One ballot per item for ``member``: "đồng ý" where ``approvals[item_id]`` is true, "không đồng ý"
    otherwise. ``cast_by`` is the member (in the portal) or, for an absent member's written opinion, the
    Board's officer who records it. Returns the ballots cast."""
    session = _lock(session)
    if session.status != CouncilStatus.OPEN:
        raise ValidationError(_("The session is not open for voting."), code="not_open")
    written = cast_by.pk != member.pk
    items = list(session.items.select_related("voting"))
    if set(approvals) != {item.pk for item in items}:
        raise ValidationError(_("Give an opinion on every nomination of the session."), code="incomplete")
    cast = 0
    for item in items:
        voter = voting_queries.voter_for_user(item.voting, member)
        if voter is None:
            raise ValidationError(
                _("%(name)s is not a member of this session.") % {"name": member}, code="not_member"
            )
        candidates = list(voting_queries.candidates_of(item.voting)) if approvals[item.pk] else []
        cast_ballot(
            session=item.voting,
            voter=voter,
            cast_by=cast_by,
            candidates=candidates,
            channel=BallotChannel.WRITTEN if written else BallotChannel.ONLINE,
        )
        cast += 1
    return cast


def _outcome(item: CouncilItem) -> tuple[str, str]:
    result = item.voting.result
    if not result.get("quorum_reached"):
        return ItemOutcome.NO_QUORUM, ""
    if not result.get("elected"):
        return ItemOutcome.REJECTED, ""
    return ItemOutcome.APPROVED, ""


@transaction.atomic
def close_council_session(*, session: CouncilSession, closed_by) -> CouncilSession:
    """Tally every item; a nomination that passes its threshold is approved if it still fits its quotas and
    conditions (checked again now, in the order of the agenda), else rejected; without the quorum it stays
    before the council. Then the minutes are issued."""
    session = _lock(session)
    if session.status != CouncilStatus.OPEN:
        raise ValidationError(_("Only an open session can be closed."), code="not_open")
    items = list(session.items.select_related("voting", "nomination"))
    for item in items:
        item.voting = close_voting_session(session=item.voting, closed_by=closed_by)
        outcome, note = _outcome(item)
        nomination = lock_nomination(item.nomination)
        if outcome == ItemOutcome.APPROVED:
            evaluation = eligibility_of(nomination, check_dossier=False)
            if not evaluation.passes:
                outcome = ItemOutcome.REJECTED
                note = "; ".join(f"{c.label}: {c.detail}".rstrip(": ") for c in evaluation.failures)
        if outcome != ItemOutcome.NO_QUORUM:
            confirm_voting_result(session=item.voting, confirmed_by=closed_by)
            action = "approve" if outcome == ItemOutcome.APPROVED else "reject"
            move(nomination, action, closed_by, comment=note)
            announce(
                proposer_users(nomination),
                nomination,
                (
                    _("The council approved the nomination of %(subject)s.")
                    if outcome == ItemOutcome.APPROVED
                    else _("The council did not approve the nomination of %(subject)s.")
                )
                % {"subject": nomination.subject_label},
            )
        item.outcome, item.note = outcome, note
        item.save(update_fields=["outcome", "note"])
    session.status = CouncilStatus.CLOSED
    session.closed_at = timezone.now()
    session.minutes = documents.issue_council_minutes(session=session, items=items, issued_by=closed_by)
    session.save(update_fields=["status", "closed_at", "minutes"])
    record_event(
        action="council_session.closed",
        actor=closed_by,
        organization=session.organization,
        obj=session,
        changes={"outcomes": {item.nomination_id: item.outcome for item in items}},
    )
    return session
