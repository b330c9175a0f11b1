"""Suy tôn and bình xét: created by the bloc's leader or the Board's officers for the year's open members,
rounds on the voting engine, and the conclusion that turns the elected candidates into the bloc's
nominations (PROPOSED, proposed by the bloc).

- Suy tôn (the flag): one seat; the bloc must be eligible for the provincial flag; once the bloc's ranking is
  published, the only candidate allowed is its first-ranked member that is not vetoed.
- Bình xét: as many seats as candidates (an approval vote): each candidate needs the threshold.
"""

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from awards.blocvotes.enums import BlocVoteStatus
from awards.blocvotes.models import BlocVote
from awards.blocvotes.queries import current_round, flag_candidate_ids, unit_elector
from awards.enums import SubjectKind
from awards.nominations.enums import ProposedBy
from awards.nominations.models import Nomination
from awards.nominations.services.common import ensure_year_open
from blocs.enums import MembershipStatus
from blocs.membership.models import BlocMembership
from blocs.membership.queries import effective_rules
from blocs.voting import services as voting
from blocs.voting.enums import VotingMethod, VotingPurpose
from blocs.voting.tally import is_decided
from thidua.audit.services import record_event

PURPOSE_WORDS = {VotingPurpose.SUY_TON: "Suy tôn", VotingPurpose.BINH_XET: "Bình xét"}


@transaction.atomic
def create_bloc_vote(
    *,
    bloc,
    year,
    purpose: str,
    award_type,
    candidates,
    achievement: str,
    created_by,
    place: str = "",
    chair: str = "",
    secretary: str = "",
) -> BlocVote:
    if bloc.organization_id != year.organization_id:
        raise ValidationError(_("The bloc and the year must belong to the same Board."))
    ensure_year_open(year)
    if purpose not in (VotingPurpose.SUY_TON, VotingPurpose.BINH_XET):
        raise ValueError(purpose)
    if not award_type.admits(SubjectKind.ENTERPRISE) or award_type.deciding_level == "ENTERPRISE":
        raise ValidationError(
            {"award_type": _("Choose an award the Board or the province gives to enterprises.")}
        )
    if (purpose == VotingPurpose.SUY_TON) != (award_type.code == "CO_TINH"):
        raise ValidationError(
            {"award_type": _("Suy tôn is for the flag; the other awards go through bình xét.")}
        )
    if not achievement.strip():
        raise ValidationError({"achievement": _("Describe the achievement.")})
    members = list(
        BlocMembership.objects.filter(bloc=bloc, year=year, status=MembershipStatus.ACTIVE)
        .select_related("enterprise")
        .order_by("enterprise__name", "id")
    )
    member_ids = {m.enterprise_id for m in members}
    chosen = list(candidates)
    if not chosen or any(e.pk not in member_ids for e in chosen):
        raise ValidationError({"candidates": _("Choose the candidates among the bloc's members.")})
    if purpose == VotingPurpose.SUY_TON:
        if not bloc.eligible_for_provincial_flag:
            raise ValidationError(_("This bloc is not eligible for the provincial flag."))
        allowed = flag_candidate_ids(bloc, year)
        if allowed is not None and any(e.pk not in allowed for e in chosen):
            raise ValidationError(
                {
                    "candidates": _(
                        "Only the first-ranked member that is not vetoed can be the flag's candidate."
                    )
                }
            )
    rules = effective_rules(bloc, year)
    vote = BlocVote.objects.create(
        organization_id=bloc.organization_id,
        year=year,
        bloc=bloc,
        purpose=purpose,
        award_type=award_type,
        achievement=achievement.strip(),
        created_by=created_by,
    )
    seats = 1 if purpose == VotingPurpose.SUY_TON else len(chosen)
    voting.create_voting_session(
        organization=bloc.organization,
        purpose=purpose,
        title=f"{PURPOSE_WORDS[purpose]} {award_type.short_name} {bloc.name} năm {year.year}",
        voters=[voting.VoterSpec(enterprise=m.enterprise, label=m.enterprise.name) for m in members],
        candidates=[voting.CandidateSpec(label=e.name, enterprise=e) for e in chosen],
        created_by=created_by,
        bloc=bloc,
        year=year,
        subject=vote,
        method=VotingMethod.SECRET,
        tie_rule=rules.tie_rule,
        quorum_ratio=rules.quorum_ratio,
        threshold_ratio=rules.vote_threshold_ratio,
        seats=seats,
        max_choices=seats,
        place=place,
        chair=chair,
        secretary=secretary,
    )
    record_event(
        action="bloc_vote.created",
        actor=created_by,
        organization=bloc.organization,
        obj=vote,
        changes={"purpose": purpose, "award_type": award_type.code, "candidates": [e.pk for e in chosen]},
    )
    return vote


def _round(vote: BlocVote):
    session = current_round(vote)
    if session is None:
        raise ValidationError(_("This vote has no round."))
    return session


def open_bloc_vote(*, vote: BlocVote, opened_by):
    return voting.open_voting_session(session=_round(vote), opened_by=opened_by)


@transaction.atomic
def cast_unit_ballot(*, vote: BlocVote, cast_by, candidates):
    """The ballot of the member unit ``cast_by`` speaks for (its representative or delegate): one per unit."""
    voter = unit_elector(vote, cast_by)
    if voter is None:
        raise PermissionDenied(_("Only a member enterprise's representative, or its delegate, votes for it."))
    return voting.cast_ballot(session=voter.session, voter=voter, cast_by=cast_by, candidates=candidates)


def close_bloc_round(*, vote: BlocVote, closed_by):
    return voting.close_voting_session(session=_round(vote), closed_by=closed_by)


def start_bloc_round(*, vote: BlocVote, created_by):
    """A second round between the tied candidates (or everyone, when the quorum was missed)."""
    return voting.start_next_round(session=_round(vote), created_by=created_by)


@transaction.atomic
def conclude_bloc_vote(*, vote: BlocVote, concluded_by) -> list[Nomination]:
    """Confirm the decided round and propose its elected members: one PROPOSED nomination each."""
    vote = BlocVote.objects.select_for_update().select_related("year", "bloc", "award_type").get(pk=vote.pk)
    ensure_year_open(vote.year)
    if vote.status != BlocVoteStatus.VOTING:
        raise ValidationError(_("This vote is already concluded."))
    session = _round(vote)
    if not is_decided(session.result):
        raise ValidationError(_("The vote is undecided: count it, or hold a second round."))
    voting.confirm_voting_result(session=session, confirmed_by=concluded_by)
    elected = list(
        session.candidates.filter(pk__in=session.result.get("elected", [])).select_related("enterprise")
    )
    nominations = [
        Nomination.objects.create(
            organization_id=vote.organization_id,
            year=vote.year,
            award_type=vote.award_type,
            subject_kind=SubjectKind.ENTERPRISE,
            enterprise=candidate.enterprise,
            bloc=vote.bloc,
            proposed_by=ProposedBy.BLOC,
            achievement=vote.achievement,
            created_by=concluded_by,
        )
        for candidate in elected
    ]
    vote.status = BlocVoteStatus.CONCLUDED
    vote.save(update_fields=["status"])
    record_event(
        action="bloc_vote.concluded",
        actor=concluded_by,
        organization=vote.organization,
        obj=vote,
        changes={"nominations": [n.pk for n in nominations]},
    )
    return nominations
