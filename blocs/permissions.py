"""Who may see and change what in the blocs app, and the accessors views use to load protected rows.

- Board staff see everything of their own Board; admins and emulation officers change it.
- A bloc leader (the users of the enterprise holding the ACTIVE LEADER membership of a bloc in an open year)
  sees that bloc's members and their contacts, keeps its meetings and runs its election.
- An enterprise user sees their own enterprise (and edits its contact fields), their bloc and their applications.
A row of another Board is a 404; an insider without the right is a 403.
"""

from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import get_object_or_404

from blocs.enums import EnterpriseRole, MembershipStatus, VotingStatus, YearStatus
from blocs.models import (
    Bloc,
    BlocMembership,
    BlocRegulation,
    CompositionDecision,
    EmulationYear,
    Enterprise,
    IndustrialPark,
    Meeting,
    MembershipApplication,
)
from blocs.queries import enterprise_of, led_bloc_ids
from blocs.voting.models import EligibleVoter, VotingSession
from thidua.accounts.enums import BoardRole
from thidua.accounts.permissions import acting_board, has_board_role, is_board_staff, require


# ---------------------------------------------------------------------------
# Predicates
# ---------------------------------------------------------------------------
def can_manage_blocs(user) -> bool:
    """Register, years, blocs, applications, decisions: the Board's admins and emulation officers."""
    return has_board_role(user, BoardRole.ADMIN, BoardRole.OFFICER)


def is_enterprise_user(user) -> bool:
    return enterprise_of(user) is not None


def acts_for_enterprise(user, enterprise: Enterprise) -> bool:
    link = enterprise_of(user)
    return link is not None and link.enterprise_id == enterprise.pk


def is_representative_of(user, enterprise: Enterprise) -> bool:
    link = enterprise_of(user)
    return (
        link is not None
        and link.enterprise_id == enterprise.pk
        and link.role == EnterpriseRole.REPRESENTATIVE
    )


def leads_bloc(user, bloc: Bloc) -> bool:
    return bloc.pk in led_bloc_ids(user)


def is_bloc_leader(user) -> bool:
    return bool(led_bloc_ids(user))


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


def can_view_enterprise(user, enterprise: Enterprise) -> bool:
    if is_board_staff(user) or acts_for_enterprise(user, enterprise):
        return True
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
def _board_or_404(user):
    board = acting_board(user)
    if board is None:
        raise Http404
    return board


def require_blocs_staff(user, *, for_write: bool = False):
    """The user's Board for staff list pages: 404 without a Board, 403 for insiders who are not staff."""
    board = _board_or_404(user)
    require(can_manage_blocs(user) if for_write else is_board_staff(user))
    return board


def get_park_for_user_or_404(user, pk: int, *, for_write: bool = False) -> IndustrialPark:
    park = get_object_or_404(IndustrialPark, organization=_board_or_404(user), pk=pk)
    require(can_manage_blocs(user) if for_write else is_board_staff(user))
    return park


def get_enterprise_for_user_or_404(user, pk: int, *, for_write: bool = False) -> Enterprise:
    """``for_write``: the Board's register (all fields). The profile edit uses ``for_profile``."""
    enterprise = get_object_or_404(
        Enterprise.objects.select_related("park"), organization=_board_or_404(user), pk=pk
    )
    require(can_manage_blocs(user) if for_write else can_view_enterprise(user, enterprise))
    return enterprise


def get_own_enterprise_or_404(user, *, for_profile: bool = False) -> Enterprise:
    """The enterprise the user acts for; 404 if none. Editing the profile needs the representative."""
    link = enterprise_of(user)
    if link is None or acting_board(user) is None:
        raise Http404
    if for_profile:
        require(link.role == EnterpriseRole.REPRESENTATIVE)
    return link.enterprise


def get_year_for_user_or_404(user, pk: int, *, for_write: bool = False) -> EmulationYear:
    year = get_object_or_404(EmulationYear, organization=_board_or_404(user), pk=pk)
    require(can_manage_blocs(user) if for_write else is_board_staff(user))
    return year


def get_bloc_for_user_or_404(user, pk: int, *, for_write: bool = False) -> Bloc:
    bloc = get_object_or_404(Bloc, organization=_board_or_404(user), pk=pk)
    require(can_manage_blocs(user) if for_write else can_view_bloc(user, bloc))
    return bloc


def get_membership_for_user_or_404(user, pk: int) -> BlocMembership:
    """Memberships are changed by the Board only."""
    membership = get_object_or_404(
        BlocMembership.objects.select_related("bloc", "enterprise", "year"),
        bloc__organization=_board_or_404(user),
        pk=pk,
    )
    require(can_manage_blocs(user))
    return membership


def get_application_for_user_or_404(user, pk: int, *, for_write: bool = False) -> MembershipApplication:
    application = get_object_or_404(
        MembershipApplication.objects.select_related("enterprise", "year", "preferred_bloc", "decided_bloc"),
        enterprise__organization=_board_or_404(user),
        pk=pk,
    )
    if for_write:
        require(can_manage_blocs(user))
    else:
        require(is_board_staff(user) or acts_for_enterprise(user, application.enterprise))
    return application


def get_decision_for_user_or_404(user, pk: int, *, for_write: bool = False) -> CompositionDecision:
    decision = get_object_or_404(
        CompositionDecision.objects.select_related("year"), organization=_board_or_404(user), pk=pk
    )
    require(can_manage_blocs(user) if for_write else is_board_staff(user))
    return decision


def get_meeting_for_user_or_404(user, pk: int) -> Meeting:
    meeting = get_object_or_404(
        Meeting.objects.select_related("bloc", "year"), bloc__organization=_board_or_404(user), pk=pk
    )
    require(is_board_staff(user) or leads_bloc(user, meeting.bloc) or is_member_of_bloc(user, meeting.bloc))
    return meeting


def get_regulation_for_user_or_404(user, pk: int) -> BlocRegulation:
    """Read-only once adopted: Board staff, the bloc's leader and its members read every version."""
    regulation = get_object_or_404(
        BlocRegulation.objects.select_related("bloc"), bloc__organization=_board_or_404(user), pk=pk
    )
    require(can_view_bloc(user, regulation.bloc))
    return regulation


def get_voting_session_for_user_or_404(user, pk: int, *, action: str = "view") -> VotingSession:
    """``action``: "view", "run" (open/close), "confirm" (the Board) or "vote" (an eligible voter)."""
    session = get_object_or_404(
        VotingSession.objects.select_related("bloc", "year"), organization=_board_or_404(user), pk=pk
    )
    if action == "view":
        require(can_view_session(user, session))
    elif action == "run":
        require(can_run_session(user, session))
    elif action == "confirm":
        require(can_manage_blocs(user))
    elif action == "vote":
        require(EligibleVoter.objects.filter(session=session, user=user).exists())
    else:
        raise PermissionDenied
    return session
