"""Who may see and change the membership, and the accessors views use to load its rows.

- Board staff see everything of their own Board; admins and emulation officers change it.
- A bloc leader (the representative of the enterprise holding the ACTIVE LEADER membership of a bloc in an
  open year, or the delegate that representative named; not every user of that enterprise) sees that bloc's
  members and their contacts, keeps its meetings, runs its elections and records the version of its
  regulation the members agreed to; the Board confirms.
- A member enterprise votes through its representative or its delegate, once whichever of them casts.
- An enterprise user sees their own enterprise, their bloc and their applications; only the representative
  files the enterprise's application or names its delegate.
A row of another Board is a 404; an insider without the right is a 403.
"""

from django.contrib.contenttypes.models import ContentType
from django.shortcuts import get_object_or_404

from blocs.enums import MembershipStatus, YearStatus
from blocs.membership.minutes import KIND as MINUTES_KIND
from blocs.membership.models import (
    Bloc,
    BlocMembership,
    BlocRegulation,
    ConsolidationDecision,
    Election,
    EmulationYear,
    Meeting,
    MembershipApplication,
)
from blocs.membership.queries import elector_of, led_bloc_ids, with_current_round
from blocs.register.models import Enterprise
from blocs.register.permissions import (
    acts_for_enterprise,
    board_or_404,
    can_manage_blocs,
    is_representative_of,
)
from blocs.register.queries import enterprise_of
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


def can_run_elections(user, bloc: Bloc) -> bool:
    """Create an election, open, close, record the count or the consensus, start a second round: the Board's
    officers, or the bloc's leader."""
    return can_manage_blocs(user) or leads_bloc(user, bloc)


def can_view_election(user, election: Election) -> bool:
    return can_view_bloc(user, election.bloc)


def can_vote(user, election: Election) -> bool:
    return elector_of(election, user) is not None


def can_propose_regulation(user, bloc: Bloc) -> bool:
    """Record a version the members agreed to: the bloc's leader (the Board confirms), or the Board."""
    return can_manage_blocs(user) or leads_bloc(user, bloc)


def can_file_application(user, enterprise: Enterprise) -> bool:
    """Only the enterprise's representative applies for it (a reporter does not)."""
    return is_representative_of(user, enterprise)


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
    """``VIEW``: staff, its leader and members. ``CHANGE``: the Board's officers. ``RUN`` (its elections) and
    ``SIGN`` (record a regulation its members agreed to): the Board's officers or the bloc's leader."""
    bloc = get_object_or_404(Bloc, organization=board_or_404(user), pk=pk)
    if access == Access.VIEW:
        require(can_view_bloc(user, bloc))
    elif access == Access.CHANGE:
        require(can_manage_blocs(user))
    elif access == Access.RUN:
        require(can_run_elections(user, bloc))
    elif access == Access.SIGN:
        require(can_propose_regulation(user, bloc))
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
    """``VIEW``: staff and the applying enterprise's users. ``CHANGE`` (decide): the Board's officers.
    ``SIGN`` (act for the enterprise: withdraw it): the applying enterprise's representative."""
    application = get_object_or_404(
        MembershipApplication.objects.select_related(
            "enterprise", "enterprise__park", "year", "preferred_bloc", "decided_bloc", "submitted_by"
        ),
        enterprise__organization=board_or_404(user),
        pk=pk,
    )
    if access == Access.VIEW:
        require(is_board_staff(user) or acts_for_enterprise(user, application.enterprise))
    elif access == Access.CHANGE:
        require(can_manage_blocs(user))
    elif access == Access.SIGN:
        require(can_file_application(user, application.enterprise))
    else:
        raise ValueError(access)
    return application


def get_decision_for_user_or_404(user, pk: int, *, access: Access = Access.VIEW) -> ConsolidationDecision:
    decision = get_object_or_404(
        ConsolidationDecision.objects.select_related("year", "organization", "document", "signer"),
        organization=board_or_404(user),
        pk=pk,
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
    """``VIEW``: Board staff, the bloc's leader and its members read every version. ``CONFIRM`` (confirm or
    return a version the leader recorded): the Board's officers."""
    regulation = get_object_or_404(
        BlocRegulation.objects.select_related("bloc"), bloc__organization=board_or_404(user), pk=pk
    )
    if access == Access.VIEW:
        require(can_view_bloc(user, regulation.bloc))
    elif access == Access.CONFIRM:
        require(can_manage_blocs(user))
    else:
        raise ValueError(access)
    return regulation


def get_election_for_user_or_404(user, pk: int, *, access: Access = Access.VIEW) -> Election:
    """``VIEW`` (staff, the bloc's leader and members), ``RUN`` (the Board's officers or the bloc's leader),
    ``CONFIRM`` (confirm and apply the result: the Board's officers) or ``VOTE`` (who speaks for an elector)."""
    election = get_object_or_404(
        with_current_round(Election.objects.select_related("bloc", "year", "applied_to")),
        bloc__organization=board_or_404(user),
        pk=pk,
    )
    if access == Access.VIEW:
        require(can_view_election(user, election))
    elif access == Access.RUN:
        require(can_run_elections(user, election.bloc))
    elif access == Access.CONFIRM:
        require(can_manage_blocs(user))
    elif access == Access.VOTE:
        election.elector = elector_of(election, user)  # the unit the user votes for, with its current round
        require(election.elector is not None)
    else:
        raise ValueError(access)
    return election


def _election_of_minutes(document) -> Election | None:
    """The election a minutes document was issued for, in the document's Board."""
    if document.kind != MINUTES_KIND:
        return None
    if document.content_type_id != ContentType.objects.get_for_model(Election).pk:
        return None
    return (
        Election.objects.select_related("bloc")
        .filter(pk=int(document.object_id), bloc__organization_id=document.organization_id)
        .first()
    )


def election_minutes_document_viewer(user, document) -> bool:
    """Who may see an election's minutes besides the Board's staff: whoever may see the election (its bloc's
    leader and members); the ``document_viewer`` receiver."""
    election = _election_of_minutes(document)
    return election is not None and can_view_election(user, election)


def election_minutes_document_outsider(user, document) -> bool:
    """An enterprise user who may not see another bloc's minutes gets a 404 (``document_outsider``)."""
    return document.kind == MINUTES_KIND and enterprise_of(user) is not None and not is_board_staff(user)
