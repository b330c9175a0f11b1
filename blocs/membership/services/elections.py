"""Leader and deputy election: a voting session of the members' representatives over the member enterprises."""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from blocs.enums import EnterpriseRole, MembershipRole, MembershipStatus
from blocs.membership.models import Bloc, BlocMembership, EmulationYear
from blocs.membership.queries import effective_rules, elected_enterprises, previous_leader_id
from blocs.membership.rules import roles_for_next_term
from blocs.membership.services.members import assign_role
from blocs.membership.services.years import ensure_year_open
from blocs.register.models import EnterpriseUser
from blocs.voting.enums import VotingPurpose, VotingStatus
from blocs.voting.models import VotingSession
from blocs.voting.services import CandidateSpec, VoterSpec, create_voting_session
from thidua.audit.services import record_event


@transaction.atomic
def create_leader_election(*, bloc: Bloc, year: EmulationYear, created_by, title: str = "") -> VotingSession:
    """Voters: the representatives of the bloc's active members; candidates: the member enterprises.

    Two seats: the first elected becomes next year's leader, the second the deputy. Quorum and majority come
    from the bloc's regulation, or from the year's settings when the bloc has none.
    """
    if bloc.organization_id != year.organization_id:
        raise ValidationError(_("The bloc and the year must belong to the same Board."))
    ensure_year_open(year)
    members = list(
        BlocMembership.objects.filter(bloc=bloc, year=year, status=MembershipStatus.ACTIVE)
        .select_related("enterprise")
        .order_by("enterprise__name")
    )
    representatives = EnterpriseUser.objects.filter(
        enterprise_id__in=[m.enterprise_id for m in members], role=EnterpriseRole.REPRESENTATIVE
    ).select_related("user", "enterprise")
    voters = [VoterSpec(user=link.user, label=link.enterprise.name) for link in representatives]
    if len(members) < 2:
        raise ValidationError(_("An election needs at least two member enterprises."))
    if not voters:
        raise ValidationError(_("No member enterprise has a representative who could vote."))
    rules = effective_rules(bloc, year)
    return create_voting_session(
        organization=bloc.organization,
        purpose=VotingPurpose.ELECTION,
        title=title or f"Bầu Khối trưởng, Khối phó {bloc.name} năm {year.year + 1}",
        bloc=bloc,
        year=year,
        secret=True,
        quorum_ratio=rules.quorum_ratio,
        threshold_ratio=rules.vote_threshold_ratio,
        seats=2,
        max_choices=2,
        voters=voters,
        candidates=[CandidateSpec(label=m.enterprise.name, enterprise=m.enterprise) for m in members],
        created_by=created_by,
    )


@transaction.atomic
def apply_election_result(
    *, session: VotingSession, target_year: EmulationYear, applied_by
) -> list[BlocMembership]:
    """Make the elected enterprises leader and deputy of the bloc in ``target_year`` (usually the next year),
    by the one rule of ``rules.roles_for_next_term`` (the no-second-consecutive-term rule included)."""
    if session.purpose != VotingPurpose.ELECTION or session.status != VotingStatus.RESULT_CONFIRMED:
        raise ValidationError(_("Only a confirmed election can be applied."))
    if target_year.organization_id != session.organization_id:
        raise ValidationError(_("Choose a year of this Board."))
    ensure_year_open(target_year)
    bloc = session.bloc
    memberships = {
        m.enterprise_id: m
        for m in BlocMembership.objects.filter(bloc=bloc, year=target_year, status=MembershipStatus.ACTIVE)
    }
    elected = elected_enterprises(session)
    roles = roles_for_next_term(
        member_ids=list(memberships),
        current_roles={},
        elected=elected,
        previous_leader_id=previous_leader_id(bloc=bloc, year=target_year),
        may_serve_again=effective_rules(bloc, target_year).leader_consecutive_terms_allowed,
    )
    applied = [
        assign_role(membership=memberships[enterprise_id], role=roles[enterprise_id], assigned_by=applied_by)
        for enterprise_id in elected
        if roles.get(enterprise_id, MembershipRole.MEMBER) != MembershipRole.MEMBER
    ]
    record_event(
        action="election.applied",
        actor=applied_by,
        organization=session.organization,
        obj=session,
        changes={"year": target_year.year, "memberships": [m.pk for m in applied]},
    )
    return applied
