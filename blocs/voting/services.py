"""Every write of the voting engine: create a round, open it, cast, close it (or record a count at the meeting
or a consensus), record the chair's decision on a tie, start the next round, confirm. Each audits itself.

The engine does not decide who may act for an elector: its caller's rules do (the blocs: a member
enterprise's representative or delegate; the awards: the council member). Callers check that first, then
pass the elector (``EligibleVoter``) and the person acting (``cast_by``, ``recorded_by``).
"""

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from decimal import Decimal

from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.db.models import Exists, OuterRef, Sum
from django.db.models.functions import Coalesce
from django.utils import timezone
from django.utils.translation import gettext as _

from blocs.voting.enums import BallotChannel, Counting, ThresholdBase, TieRule, VotingMethod, VotingStatus
from blocs.voting.minutes import minutes_text
from blocs.voting.models import Ballot, BallotChoice, Candidate, EligibleVoter, VotingSession
from blocs.voting.tally import TallyResult, as_fraction, is_decided, tally
from thidua.audit.services import record_event


@dataclass(frozen=True)
class VoterSpec:
    """An elector: a person who casts their own ballot (``user``), or a unit (``enterprise``) for which the
    caller's rules say who casts. Give one of the two."""

    user: object | None = None
    label: str = ""
    weight: int = 1
    enterprise: object | None = None


@dataclass(frozen=True)
class CandidateSpec:
    label: str
    enterprise: object | None = None
    target: object | None = None


def _check_voters(organization, voters: list[VoterSpec]) -> None:
    if not voters:
        raise ValidationError(_("A vote needs at least one eligible voter."))
    if any((voter.user is None) == (voter.enterprise is None) for voter in voters):
        raise ValidationError(_("Each voter is either a person or a unit."))
    for voter in voters:
        member = voter.user if voter.user is not None else voter.enterprise
        if member.organization_id != organization.pk:
            raise ValidationError(_("Every voter must belong to this Board."))
    users = [voter.user.pk for voter in voters if voter.user is not None]
    units = [voter.enterprise.pk for voter in voters if voter.enterprise is not None]
    if len(users) != len(set(users)) or len(units) != len(set(units)):
        raise ValidationError(_("A voter can be listed only once in a vote."))


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
    subject=None,
    method: str = VotingMethod.SECRET,
    counting: str = Counting.ONLINE,
    tie_rule: str = TieRule.RUNOFF,
    quorum_ratio: Decimal | str = "0.6667",
    threshold_ratio: Decimal | str = "0.5",
    threshold_base: str = ThresholdBase.PRESENT,
    threshold_inclusive: bool = False,
    seats: int = 1,
    max_choices: int | None = None,
    place: str = "",
    chair: str = "",
    secretary: str = "",
    others_present: str = "",
    opens_at=None,
    closes_at=None,
) -> VotingSession:
    """A first round. Later rounds come from ``start_next_round``."""
    voters = list(voters)
    candidates = list(candidates)
    _check_voters(organization, voters)
    if not candidates:
        raise ValidationError(_("A vote needs at least one candidate."))
    enterprises = [spec.enterprise.pk for spec in candidates if spec.enterprise is not None]
    if len(enterprises) != len(set(enterprises)):
        raise ValidationError(_("An enterprise can stand only once in a vote."))
    session = VotingSession(
        organization=organization,
        purpose=purpose,
        title=title,
        bloc=bloc,
        year=year,
        subject_type=ContentType.objects.get_for_model(subject) if subject is not None else None,
        subject_id=subject.pk if subject is not None else None,
        method=method,
        counting=counting,
        tie_rule=tie_rule,
        quorum_ratio=Decimal(str(quorum_ratio)),
        threshold_ratio=Decimal(str(threshold_ratio)),
        threshold_base=threshold_base,
        threshold_inclusive=threshold_inclusive,
        seats=seats,
        max_choices=max_choices or seats,
        place=place,
        chair=chair,
        secretary=secretary,
        others_present=others_present,
        opens_at=opens_at,
        closes_at=closes_at,
        created_by=created_by,
    )
    session.full_clean(exclude=["created_by", "subject_type", "runoff_of"])
    session.save()
    EligibleVoter.objects.bulk_create(
        EligibleVoter(
            session=session,
            user=voter.user,
            enterprise=voter.enterprise,
            label=voter.label,
            weight=voter.weight,
        )
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
        changes={
            "purpose": purpose,
            "method": method,
            "counting": counting,
            "voters": len(voters),
            "candidates": len(candidates),
        },
    )
    return session


def _locked(session: VotingSession) -> VotingSession:
    """The round, re-read and locked (its Board joined, not locked) for the rest of the transaction, with
    ``has_next_round``: whether a later round follows it."""
    return (
        VotingSession.objects.select_for_update(of=("self",))
        .select_related("organization")
        .annotate(has_next_round=Exists(VotingSession.objects.filter(runoff_of=OuterRef("pk"))))
        .get(pk=session.pk)
    )


@transaction.atomic
def open_voting_session(*, session: VotingSession, opened_by) -> VotingSession:
    """Open a round counted in the portal for ballots."""
    session = _locked(session)
    if session.status != VotingStatus.SCHEDULED:
        raise ValidationError(_("Only a scheduled vote can be opened."))
    if not session.counted_online:
        raise ValidationError(_("This vote is recorded at the meeting, not cast in the portal."))
    session.status = VotingStatus.OPEN
    session.opened_at = timezone.now()
    session.save(update_fields=["status", "opened_at"])
    record_event(
        action="voting_session.opened", actor=opened_by, organization=session.organization, obj=session
    )
    return session


def _voter_of(session: VotingSession, voter: EligibleVoter | None) -> EligibleVoter:
    if voter is None or voter.pk is None or voter.session_id != session.pk:
        raise PermissionDenied(_("You are not an eligible voter in this vote."))
    return voter


def _candidates_of(session: VotingSession, candidates: Iterable[Candidate]) -> list[Candidate]:
    chosen = list({candidate.pk: candidate for candidate in candidates}.values())
    if any(candidate.session_id != session.pk for candidate in chosen):
        raise ValidationError(_("Unknown candidate."))
    return chosen


@transaction.atomic
def cast_ballot(
    *,
    session: VotingSession,
    voter: EligibleVoter,
    cast_by,
    candidates: Iterable[Candidate],
    channel: str = BallotChannel.ONLINE,
) -> Ballot:
    """Record the one ballot of ``voter``: "đồng ý" to ``candidates``, "không đồng ý" to every other one (no
    candidate at all: "không đồng ý" to all).

    ``channel`` ONLINE: ``cast_by`` casts it in the portal (a person elector only for themselves; for a unit
    the caller has checked that ``cast_by`` acts for it). WRITTEN: ``cast_by`` records the written opinion
    of an absent elector. A second ballot for the same elector is refused, whoever casts it.
    """
    session = _locked(session)
    if session.status != VotingStatus.OPEN or not session.counted_online:
        raise ValidationError(_("This vote is not open."))
    if channel not in (BallotChannel.ONLINE, BallotChannel.WRITTEN):
        raise ValueError(channel)
    voter = _voter_of(session, voter)
    if channel == BallotChannel.ONLINE and voter.user_id is not None and voter.user_id != cast_by.pk:
        raise PermissionDenied(_("You are not an eligible voter in this vote."))
    chosen = _candidates_of(session, candidates)
    if len(chosen) > session.max_choices:
        raise ValidationError(
            _("You may choose at most %(count)d candidate(s).") % {"count": session.max_choices}
        )
    try:
        with transaction.atomic():
            ballot = Ballot.objects.create(session=session, voter=voter, cast_by=cast_by, channel=channel)
    except IntegrityError:
        raise ValidationError(
            _("A ballot has already been cast for %(voter)s.") % {"voter": voter.label or _("this voter")}
        ) from None
    BallotChoice.objects.bulk_create(
        BallotChoice(
            session=session,
            candidate=candidate,
            weight=voter.weight,
            ballot=None if session.secret else ballot,
        )
        for candidate in chosen
    )
    changes = {"voter": voter.pk, "channel": channel}
    if not session.secret:
        changes["candidates"] = [candidate.pk for candidate in chosen]
    record_event(
        action="ballot.cast", actor=cast_by, organization=session.organization, obj=session, changes=changes
    )
    return ballot


def _electors_and_candidates(session: VotingSession) -> tuple[list[EligibleVoter], list[Candidate]]:
    """Every elector with ``took_part`` and every candidate with ``votes`` (its weighted "đồng ý" ballots
    cast in the portal): two queries, and everything the tally and the minutes need."""
    voters = list(
        EligibleVoter.objects.filter(session=session)
        .annotate(took_part=Exists(Ballot.objects.filter(session=session, voter=OuterRef("pk"))))
        .order_by("label", "id")
    )
    candidates = list(
        Candidate.objects.filter(session=session)
        .annotate(votes=Coalesce(Sum("choices__weight"), 0))
        .order_by("position", "id")
    )
    return voters, candidates


def count_session(
    session: VotingSession, loaded: tuple[list[EligibleVoter], list[Candidate]] | None = None
) -> TallyResult:
    """Tally a round from the database: the ballots cast in the portal, or the count recorded at the meeting."""
    voters, candidates = loaded or _electors_and_candidates(session)
    eligible = sum(voter.weight for voter in voters)
    present = sum(voter.weight for voter in voters if voter.took_part)
    valid = None
    if session.counted_online:
        votes = {candidate.pk: candidate.votes for candidate in candidates}
    else:
        count = session.paper_count or {}
        recorded = {int(key): int(value) for key, value in (count.get("votes") or {}).items()}
        votes = {candidate.pk: recorded.get(candidate.pk, 0) for candidate in candidates}
        if "received" in count:
            valid = int(count["received"]) - int(count.get("invalid", 0))
    return tally(
        eligible=eligible,
        present=present,
        votes=votes,
        quorum=as_fraction(session.quorum_ratio),
        threshold=as_fraction(session.threshold_ratio),
        base_all_eligible=session.threshold_base == ThresholdBase.ALL_ELIGIBLE,
        inclusive=session.threshold_inclusive,
        seats=session.seats,
        valid=valid,
    )


def _conclude(
    session: VotingSession,
    *,
    actor,
    action: str,
    extra: dict | None = None,
    loaded: tuple[list[EligibleVoter], list[Candidate]] | None = None,
) -> VotingSession:
    """Close a locked round: tally it, store the result (with ``extra``), the count at the meeting if any and
    the minutes text, audit. ``loaded``: its electors (``took_part`` set) and candidates, when already read."""
    voters, candidates = loaded or _electors_and_candidates(session)
    result = count_session(session, (voters, candidates))
    session.status = VotingStatus.CLOSED
    session.closed_at = timezone.now()
    session.result = {**result.as_json(), **(extra or {})}
    session.minutes = minutes_text(
        session=session, result=session.result, voters=voters, candidates=candidates
    )
    session.save(update_fields=["status", "closed_at", "result", "minutes", "paper_count"])
    record_event(
        action=action,
        actor=actor,
        organization=session.organization,
        obj=session,
        changes={
            "present": result.present,
            "quorum_reached": result.quorum_reached,
            "elected": session.result["elected"],
            "tied": result.tied,
        },
    )
    return session


@transaction.atomic
def close_voting_session(*, session: VotingSession, closed_by) -> VotingSession:
    session = _locked(session)
    if session.status != VotingStatus.OPEN:
        raise ValidationError(_("Only an open vote can be closed."))
    return _conclude(session, actor=closed_by, action="voting_session.closed")


def _pk(value) -> int | None:
    """An id given as such or as a model instance."""
    return value if isinstance(value, int) else getattr(value, "pk", None)


def _mark_present(
    session: VotingSession, present, recorded_by
) -> tuple[list[EligibleVoter], list[Candidate]]:
    """Record the electors ``present`` (instances or ids) at a meeting; return every elector of the round
    (``took_part`` set) and its candidates, read once for the checks, the tally and the minutes."""
    voters = list(EligibleVoter.objects.filter(session=session).order_by("label", "id"))
    candidates = list(Candidate.objects.filter(session=session).order_by("position", "id"))
    ids = {_pk(voter) for voter in present}
    known = {voter.pk for voter in voters}
    if not ids <= known:
        raise ValidationError(_("Unknown voter."))
    if not ids:
        raise ValidationError(_("Tick the voters present."))
    for voter in voters:
        voter.took_part = voter.pk in ids
    Ballot.objects.bulk_create(
        Ballot(session=session, voter=voter, cast_by=recorded_by, channel=BallotChannel.MEETING)
        for voter in voters
        if voter.took_part
    )
    return voters, candidates


def _of_round(candidates: list[Candidate], chosen) -> list[Candidate]:
    """The candidates ``chosen`` (instances or ids) among the round's ``candidates``."""
    by_pk = {candidate.pk: candidate for candidate in candidates}
    ids = {_pk(value) for value in chosen}
    if not ids <= set(by_pk):
        raise ValidationError(_("Unknown candidate."))
    return [candidate for candidate in candidates if candidate.pk in ids]


def _recordable(session: VotingSession) -> VotingSession:
    session = _locked(session)
    if session.status not in (VotingStatus.SCHEDULED, VotingStatus.OPEN):
        raise ValidationError(_("This vote has already been closed."))
    return session


def _whole(value, *, field: str, high: int) -> int:
    if isinstance(value, bool) or not isinstance(value, int) or not 0 <= value <= high:
        raise ValidationError(
            {field: _("Enter a whole number between %(low)d and %(high)d.") % {"low": 0, "high": high}}
        )
    return value


@transaction.atomic
def record_paper_count(
    *,
    session: VotingSession,
    present,
    votes: Mapping,
    recorded_by,
    issued: int | None = None,
    received: int | None = None,
    invalid: int = 0,
) -> VotingSession:
    """Record a vote counted at the meeting and close the round.

    ``present``: the electors attending (``EligibleVoter`` or ids); ``votes``: the "đồng ý" per candidate
    (``Candidate`` or id → number). A secret (paper) ballot also records the ballots ``issued`` (default: one
    per elector present), ``received`` back (default: as many as issued) and found ``invalid``; a show of
    hands has no invalid ballot.
    """
    session = _recordable(session)
    if session.counted_online or session.is_consensus:
        raise ValidationError(_("This vote is not counted at the meeting."))
    voters, candidates = _mark_present(session, present, recorded_by)
    attending = sum(voter.weight for voter in voters if voter.took_part)
    if session.secret:
        issued = _whole(attending if issued is None else issued, field="issued", high=attending)
        received = _whole(issued if received is None else received, field="received", high=issued)
        invalid = _whole(invalid, field="invalid", high=received)
    else:
        issued = received = attending
        invalid = 0
    valid = received - invalid
    given = {_pk(key): value for key, value in votes.items()}
    counts = {str(c.pk): _whole(given[c.pk], field="votes", high=valid) for c in _of_round(candidates, given)}
    if sum(counts.values()) > valid * session.max_choices:
        raise ValidationError(
            {
                "votes": _("More votes than the valid ballots allow (%(count)d).")
                % {"count": valid * session.max_choices}
            }
        )
    session.paper_count = {"issued": issued, "received": received, "invalid": invalid, "votes": counts}
    return _conclude(session, actor=recorded_by, action="voting_session.counted", loaded=(voters, candidates))


@transaction.atomic
def record_consensus(*, session: VotingSession, present, chosen, recorded_by) -> VotingSession:
    """Record that the electors ``present`` agreed, without a vote, on ``chosen`` (biểu quyết thống nhất),
    and close the round (instances or ids). The quorum still applies."""
    session = _recordable(session)
    if not session.is_consensus:
        raise ValidationError(_("This vote is not decided by consensus."))
    voters, candidates = _mark_present(session, present, recorded_by)
    chosen = _of_round(candidates, chosen)
    if not chosen or len(chosen) > session.seats:
        raise ValidationError(
            {"chosen": _("Choose between 1 and %(count)d candidate(s).") % {"count": session.seats}}
        )
    attending = sum(voter.weight for voter in voters if voter.took_part)
    session.paper_count = {
        "issued": attending,
        "received": attending,
        "invalid": 0,
        "votes": {str(candidate.pk): attending for candidate in chosen},
    }
    return _conclude(
        session,
        actor=recorded_by,
        action="voting_session.consensus_recorded",
        extra={"consensus": True},
        loaded=(voters, candidates),
    )


@transaction.atomic
def record_chair_decision(*, session: VotingSession, candidate, recorded_by, note: str = "") -> VotingSession:
    """Where the regulation lets the chair decide a tie: record the chair's choice (``candidate``, an instance
    or an id) among the tied candidates; the candidate fills the tied seat and the minutes say so."""
    session = _locked(session)
    if session.status != VotingStatus.CLOSED:
        raise ValidationError(_("Only a closed vote can be decided."))
    if session.tie_rule != TieRule.CHAIR:
        raise ValidationError(_("The regulation asks for a second round, not for the chair's decision."))
    result = dict(session.result)
    candidate_id = _pk(candidate)
    if candidate_id not in result.get("tied", []):
        raise ValidationError(_("The chair decides only between the tied candidates."))
    if result.get("chair_decision"):
        raise ValidationError(_("The chair's decision has already been recorded."))
    if session.has_next_round:
        raise ValidationError(_("A second round has already been started."))
    result["chair_decision"] = {"candidate_id": candidate_id, "note": note.strip()}
    result["elected"] = [*result.get("elected", []), candidate_id]
    result["runoff"] = []
    voters, candidates = _electors_and_candidates(session)
    session.result = result
    session.minutes = minutes_text(session=session, result=result, voters=voters, candidates=candidates)
    session.save(update_fields=["result", "minutes"])
    record_event(
        action="voting_session.chair_decided",
        actor=recorded_by,
        organization=session.organization,
        obj=session,
        changes={"candidate": candidate_id, "note": note.strip()},
    )
    return session


@transaction.atomic
def start_next_round(
    *, session: VotingSession, created_by, method: str | None = None, counting: str | None = None
) -> VotingSession:
    """A new round after an undecided one: between the tied candidates (or the second round's candidates the
    tally named), or with every candidate again when the quorum was not reached. Same electors, rules and
    subject; ``method`` and ``counting`` may change (e.g. from the portal to paper at the meeting)."""
    session = _locked(session)
    if session.status != VotingStatus.CLOSED or is_decided(session.result):
        raise ValidationError(_("This vote needs no further round."))
    if method not in (None, *VotingMethod.values) or counting not in (None, *Counting.values):
        raise ValidationError(_("Choose the method and the counting."))
    candidates = list(session.candidates.order_by("position", "id"))
    runoff = session.result.get("runoff") or []
    if session.result.get("quorum_reached") and runoff:
        candidates = [candidate for candidate in candidates if candidate.pk in runoff]
    elected = len(session.result.get("elected") or [])
    seats = max(session.seats - elected, 1) if session.result.get("quorum_reached") else session.seats
    # Every value comes from a round already validated; only the seats (at least one) are new.
    following = VotingSession(
        organization_id=session.organization_id,
        purpose=session.purpose,
        title=session.title,
        bloc_id=session.bloc_id,
        year_id=session.year_id,
        subject_type_id=session.subject_type_id,
        subject_id=session.subject_id,
        round=session.round + 1,
        runoff_of_id=session.pk,
        method=method or session.method,
        counting=counting or session.counting,
        tie_rule=session.tie_rule,
        quorum_ratio=session.quorum_ratio,
        threshold_ratio=session.threshold_ratio,
        threshold_base=session.threshold_base,
        threshold_inclusive=session.threshold_inclusive,
        seats=seats,
        max_choices=min(session.max_choices, seats),
        place=session.place,
        chair=session.chair,
        secretary=session.secretary,
        others_present=session.others_present,
        created_by=created_by,
    )
    try:
        with transaction.atomic():
            following.save()
    except IntegrityError:  # runoff_of is one-to-one: this round already has its next one
        raise ValidationError(_("A second round has already been started.")) from None
    EligibleVoter.objects.bulk_create(
        EligibleVoter(
            session=following,
            user_id=v.user_id,
            enterprise_id=v.enterprise_id,
            label=v.label,
            weight=v.weight,
        )
        for v in session.voters.all()
    )
    Candidate.objects.bulk_create(
        Candidate(
            session=following,
            label=c.label,
            enterprise_id=c.enterprise_id,
            target_type_id=c.target_type_id,
            target_id=c.target_id,
            position=c.position,
        )
        for c in candidates
    )
    record_event(
        action="voting_session.next_round",
        actor=created_by,
        organization=session.organization,
        obj=following,
        changes={"after": session.pk, "round": following.round, "candidates": [c.label for c in candidates]},
    )
    return following


@transaction.atomic
def confirm_voting_result(*, session: VotingSession, confirmed_by) -> VotingSession:
    """Confirm a decided round (quorum reached, no tie or second round pending)."""
    session = _locked(session)
    if session.status != VotingStatus.CLOSED:
        raise ValidationError(_("Only a closed vote can be confirmed."))
    if not session.result.get("quorum_reached"):
        raise ValidationError(_("The quorum was not reached: hold the vote again."))
    if not is_decided(session.result):
        raise ValidationError(
            _("The vote is undecided: hold a second round (or record the chair's decision on the tie).")
        )
    if session.has_next_round:
        raise ValidationError(_("A second round has already been started."))
    session.status = VotingStatus.RESULT_CONFIRMED
    session.confirmed_at = timezone.now()
    session.confirmed_by = confirmed_by
    session.save(update_fields=["status", "confirmed_at", "confirmed_by"])
    record_event(
        action="voting_session.confirmed", actor=confirmed_by, organization=session.organization, obj=session
    )
    return session
