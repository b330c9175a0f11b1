"""Who may see and change the membership, and the accessors views use to load its rows.

- Board staff see everything of their own Board; admins and emulation officers change it.
- A bloc leader (the users of the enterprise holding the ACTIVE LEADER membership of a bloc in an open year)
  sees that bloc's members and their contacts, keeps its meetings and runs its election.
- An enterprise user sees their own enterprise (and edits its contact fields), their bloc and their applications.
A row of another Board is a 404; an insider without the right is a 403.
"""

from django.shortcuts import get_object_or_404

from blocs.enums import MembershipStatus, YearStatus
from blocs.membership.models import (
    Bloc,
    BlocMembership,
    BlocRegulation,
    ConsolidationDecision,
    EmulationYear,
    Meeting,
    MembershipApplication,
)
from blocs.membership.queries import led_bloc_ids
from blocs.register.models import Enterprise
from blocs.register.permissions import acts_for_enterprise, board_or_404, can_manage_blocs
from blocs.register.queries import enterprise_of
from blocs.voting.enums import VotingStatus
from blocs.voting.models import EligibleVoter, VotingSession
from thidua.accounts.permissions import Access, is_board_staff, require


# ---------------------------------------------------------------------------
# Predicates
# ---------------------------------------------------------------------------
def leads_bloc(user, bloc: Bloc) -> bool:
    return bloc.pk in led_bloc_ids(user)


def is_member_of_bloc(user, bloc: Bloc) -> bool:
    link = enterprise_of(user)
    return (
        link is not None
        and BlocMembership.objects.filter(
            bloc=bloc,
            enterprise_id=link.enterprise_id,
            status=MembershipStatus.ACTIVE,
            year__status=YearStatus.OPEN,
        ).exists()
    )


def leads_bloc_of(user, enterprise: Enterprise) -> bool:
    """The user's enterprise leads a bloc of which ``enterprise`` is an active member in an open year
    (the register's ``enterprise_viewer`` receiver: a bloc leader sees its members' pages)."""
    return (
        bool(led_bloc_ids(user))
        and BlocMembership.objects.filter(
            enterprise=enterprise,
            bloc_id__in=led_bloc_ids(user),
            status=MembershipStatus.ACTIVE,
            year__status=YearStatus.OPEN,
        ).exists()
    )


def can_view_bloc(user, bloc: Bloc) -> bool:
    return is_board_staff(user) or leads_bloc(user, bloc) or is_member_of_bloc(user, bloc)


def can_see_contacts(user, bloc: Bloc) -> bool:
    return is_board_staff(user) or leads_bloc(user, bloc)


def can_manage_meetings(user, bloc: Bloc) -> bool:
    return can_manage_blocs(user) or leads_bloc(user, bloc)


def can_view_session(user, session: VotingSession) -> bool:
    if is_board_staff(user):
        return True
    if session.bloc_id is not None and leads_bloc(user, session.bloc):
        return True
    return EligibleVoter.objects.filter(session=session, user=user).exists()


def can_run_session(user, session: VotingSession) -> bool:
    """Open and close: the Board's officers, or the leader of the session's bloc."""
    return can_manage_blocs(user) or (session.bloc_id is not None and leads_bloc(user, session.bloc))


def can_confirm_session(user, session: VotingSession) -> bool:
    return can_manage_blocs(user) and session.status == VotingStatus.CLOSED


# ---------------------------------------------------------------------------
# Accessors
# ---------------------------------------------------------------------------
def _staff_access(user, access: Access) -> None:
    """The Board's records: staff read them, admins and officers change them."""
    if access == Access.VIEW:
        require(is_board_staff(user))
    elif access == Access.CHANGE:
        require(can_manage_blocs(user))
    else:
        raise ValueError(access)


def get_year_for_user_or_404(user, pk: int, *, access: Access = Access.VIEW) -> EmulationYear:
    year = get_object_or_404(EmulationYear, organization=board_or_404(user), pk=pk)
    _staff_access(user, access)
    return year


def get_bloc_for_user_or_404(user, pk: int, *, access: Access = Access.VIEW) -> Bloc:
    """``VIEW``: staff, its leader and members. ``CHANGE``: the Board's officers."""
    bloc = get_object_or_404(Bloc, organization=board_or_404(user), pk=pk)
    if access == Access.VIEW:
        require(can_view_bloc(user, bloc))
    elif access == Access.CHANGE:
        require(can_manage_blocs(user))
    else:
        raise ValueError(access)
    return bloc


def get_membership_for_user_or_404(user, pk: int, *, access: Access = Access.CHANGE) -> BlocMembership:
    """Memberships are changed by the Board only (there is no page of one membership)."""
    membership = get_object_or_404(
        BlocMembership.objects.select_related("bloc", "enterprise", "year"),
        bloc__organization=board_or_404(user),
        pk=pk,
    )
    _staff_access(user, access)
    return membership


def get_application_for_user_or_404(user, pk: int, *, access: Access = Access.VIEW) -> MembershipApplication:
    """``VIEW``: staff and the applying enterprise's users. ``CHANGE`` (decide): the Board's officers."""
    application = get_object_or_404(
        MembershipApplication.objects.select_related("enterprise", "year", "preferred_bloc", "decided_bloc"),
        enterprise__organization=board_or_404(user),
        pk=pk,
    )
    if access == Access.VIEW:
        require(is_board_staff(user) or acts_for_enterprise(user, application.enterprise))
    elif access == Access.CHANGE:
        require(can_manage_blocs(user))
    else:
        raise ValueError(access)
    return application


def get_decision_for_user_or_404(user, pk: int, *, access: Access = Access.VIEW) -> ConsolidationDecision:
    decision = get_object_or_404(
        ConsolidationDecision.objects.select_related("year"), organization=board_or_404(user), pk=pk
    )
    _staff_access(user, access)
    return decision


def get_meeting_for_user_or_404(user, pk: int, *, access: Access = Access.VIEW) -> Meeting:
    """Read-only once recorded: staff, the bloc's leader and its members."""
    meeting = get_object_or_404(
        Meeting.objects.select_related("bloc", "year"), bloc__organization=board_or_404(user), pk=pk
    )
    if access != Access.VIEW:
        raise ValueError(access)
    require(can_view_bloc(user, meeting.bloc))
    return meeting


def get_regulation_for_user_or_404(user, pk: int, *, access: Access = Access.VIEW) -> BlocRegulation:
    """Read-only once adopted: Board staff, the bloc's leader and its members read every version."""
    regulation = get_object_or_404(
        BlocRegulation.objects.select_related("bloc"), bloc__organization=board_or_404(user), pk=pk
    )
    if access != Access.VIEW:
        raise ValueError(access)
    require(can_view_bloc(user, regulation.bloc))
    return regulation


def get_voting_session_for_user_or_404(user, pk: int, *, access: Access = Access.VIEW) -> VotingSession:
    """``VIEW``, ``RUN`` (open and close), ``CONFIRM`` (the Board) or ``VOTE`` (an eligible voter)."""
    session = get_object_or_404(
        VotingSession.objects.select_related("bloc", "year"), organization=board_or_404(user), pk=pk
    )
    if access == Access.VIEW:
        require(can_view_session(user, session))
    elif access == Access.RUN:
        require(can_run_session(user, session))
    elif access == Access.CONFIRM:
        require(can_manage_blocs(user))
    elif access == Access.VOTE:
        require(EligibleVoter.objects.filter(session=session, user=user).exists())
    else:
        raise ValueError(access)
    return session
