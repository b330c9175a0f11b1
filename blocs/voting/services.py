"""Every write of the voting engine: create, open, cast, close (tally + minutes), confirm. Each audits itself."""

from collections.abc import Iterable
from dataclasses import dataclass
from decimal import Decimal

from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.db.models import Sum
from django.utils import timezone
from django.utils.translation import gettext as _

from blocs.voting.enums import ThresholdBase, VotingStatus
from blocs.voting.minutes import minutes_text
from blocs.voting.models import Ballot, BallotChoice, Candidate, EligibleVoter, VotingSession
from blocs.voting.tally import TallyResult, as_fraction, tally
from thidua.audit.services import record_event


@dataclass(frozen=True)
class VoterSpec:
    user: object
    label: str = ""
    weight: int = 1


@dataclass(frozen=True)
class CandidateSpec:
    label: str
    enterprise: object | None = None
    target: object | None = None


@transaction.atomic
def create_voting_session(
    *,
    organization,
    purpose: str,
    title: str,
    voters: Iterable[VoterSpec],
    candidates: Iterable[CandidateSpec],
    created_by,
    bloc=None,
    year=None,
    secret: bool = True,
    quorum_ratio: Decimal | str = "0.6667",
    threshold_ratio: Decimal | str = "0.5",
    threshold_base: str = ThresholdBase.PRESENT,
    threshold_inclusive: bool = False,
    seats: int = 1,
    max_choices: int | None = None,
    opens_at=None,
    closes_at=None,
) -> VotingSession:
    voters = list(voters)
    candidates = list(candidates)
    if not voters:
        raise ValidationError(_("A vote needs at least one eligible voter."))
    if not candidates:
        raise ValidationError(_("A vote needs at least one candidate."))
    if any(voter.user.organization_id != organization.pk for voter in voters):
        raise ValidationError(_("Every voter must belong to this Board."))
    enterprises = [spec.enterprise.pk for spec in candidates if spec.enterprise is not None]
    if len(enterprises) != len(set(enterprises)):
        raise ValidationError(_("An enterprise can stand only once in a vote."))
    session = VotingSession(
        organization=organization,
        purpose=purpose,
        title=title,
        bloc=bloc,
        year=year,
        secret=secret,
        quorum_ratio=Decimal(str(quorum_ratio)),
        threshold_ratio=Decimal(str(threshold_ratio)),
        threshold_base=threshold_base,
        threshold_inclusive=threshold_inclusive,
        seats=seats,
        max_choices=max_choices or seats,
        opens_at=opens_at,
        closes_at=closes_at,
        created_by=created_by,
    )
    session.full_clean(exclude=["created_by"])
    session.save()
    EligibleVoter.objects.bulk_create(
        EligibleVoter(session=session, user=voter.user, label=voter.label, weight=voter.weight)
        for voter in voters
    )
    Candidate.objects.bulk_create(
        Candidate(
            session=session,
            label=spec.label,
            enterprise=spec.enterprise,
            target_type=ContentType.objects.get_for_model(spec.target) if spec.target is not None else None,
            target_id=spec.target.pk if spec.target is not None else None,
            position=position,
        )
        for position, spec in enumerate(candidates)
    )
    record_event(
        action="voting_session.created",
        actor=created_by,
        organization=organization,
        obj=session,
        changes={"purpose": purpose, "voters": len(voters), "candidates": len(candidates)},
    )
    return session


def _locked(session: VotingSession) -> VotingSession:
    return VotingSession.objects.select_for_update().get(pk=session.pk)


@transaction.atomic
def open_voting_session(*, session: VotingSession, opened_by) -> VotingSession:
    session = _locked(session)
    if session.status != VotingStatus.SCHEDULED:
        raise ValidationError(_("Only a scheduled vote can be opened."))
    session.status = VotingStatus.OPEN
    session.opened_at = timezone.now()
    session.save(update_fields=["status", "opened_at"])
    record_event(action="voting_session.opened", actor=opened_by, organization=session.organization, obj=session)
    return session


@transaction.atomic
def cast_ballot(*, session: VotingSession, voter_user, candidates: Iterable[Candidate]) -> Ballot:
    """Record one ballot. An empty choice list is a blank ballot: it counts for the quorum, for no one."""
    session = VotingSession.objects.select_for_update().get(pk=session.pk)
    if session.status != VotingStatus.OPEN:
        raise ValidationError(_("This vote is not open."))
    voter = EligibleVoter.objects.filter(session=session, user=voter_user).first()
    if voter is None:
        raise PermissionDenied(_("You are not an eligible voter in this vote."))
    chosen = list({candidate.pk: candidate for candidate in candidates}.values())
    if len(chosen) > session.max_choices:
        raise ValidationError(
            _("You may choose at most %(count)d candidate(s).") % {"count": session.max_choices}
        )
    if any(candidate.session_id != session.pk for candidate in chosen):
        raise ValidationError(_("Unknown candidate."))
    try:
        with transaction.atomic():
            ballot = Ballot.objects.create(session=session, voter=voter)
    except IntegrityError:
        raise ValidationError(_("You have already voted.")) from None
    BallotChoice.objects.bulk_create(
        BallotChoice(
            session=session,
            candidate=candidate,
            weight=voter.weight,
            ballot=None if session.secret else ballot,
        )
        for candidate in chosen
    )
    changes = {} if session.secret else {"candidates": [candidate.pk for candidate in chosen]}
    record_event(
        action="ballot.cast",
        actor=voter_user,
        organization=session.organization,
        obj=session,
        changes=changes,
    )
    return ballot


def count_session(session: VotingSession) -> TallyResult:
    """Tally a session from the database (two aggregate queries and the candidate list)."""
    eligible = EligibleVoter.objects.filter(session=session).aggregate(total=Sum("weight"))["total"] or 0
    present = (
        EligibleVoter.objects.filter(
            session=session, pk__in=Ballot.objects.filter(session=session).values("voter")
        ).aggregate(total=Sum("weight"))["total"]
        or 0
    )
    votes = dict.fromkeys(Candidate.objects.filter(session=session).values_list("pk", flat=True), 0)
    for row in BallotChoice.objects.filter(session=session).values("candidate").annotate(total=Sum("weight")):
        votes[row["candidate"]] = row["total"]
    return tally(
        eligible=eligible,
        present=present,
        votes=votes,
        quorum=as_fraction(session.quorum_ratio),
        threshold=as_fraction(session.threshold_ratio),
        base_all_eligible=session.threshold_base == ThresholdBase.ALL_ELIGIBLE,
        inclusive=session.threshold_inclusive,
        seats=session.seats,
    )


@transaction.atomic
def close_voting_session(*, session: VotingSession, closed_by) -> VotingSession:
    session = _locked(session)
    if session.status != VotingStatus.OPEN:
        raise ValidationError(_("Only an open vote can be closed."))
    result = count_session(session)
    session.status = VotingStatus.CLOSED
    session.closed_at = timezone.now()
    session.result = result.as_json()
    session.minutes = minutes_text(session=session, result=result)
    session.save(update_fields=["status", "closed_at", "result", "minutes"])
    record_event(
        action="voting_session.closed",
        actor=closed_by,
        organization=session.organization,
        obj=session,
        changes={
            "present": result.present,
            "quorum_reached": result.quorum_reached,
            "elected": result.elected,
        },
    )
    return session


@transaction.atomic
def confirm_voting_result(*, session: VotingSession, confirmed_by) -> VotingSession:
    session = _locked(session)
    if session.status != VotingStatus.CLOSED:
        raise ValidationError(_("Only a closed vote can be confirmed."))
    session.status = VotingStatus.RESULT_CONFIRMED
    session.confirmed_at = timezone.now()
    session.confirmed_by = confirmed_by
    session.save(update_fields=["status", "confirmed_at", "confirmed_by"])
    record_event(
        action="voting_session.confirmed", actor=confirmed_by, organization=session.organization, obj=session
    )
    return session
