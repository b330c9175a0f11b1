"""Leader and deputy elections: the blocs' use of the voting engine."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from blocs.membership import permissions as perms
from blocs.membership import queries, services
from blocs.membership.forms import BallotForm, ElectionForm
from blocs.voting import queries as voting_queries
from blocs.voting import services as voting_services
from blocs.voting.enums import VotingPurpose, VotingStatus
from thidua.accounts.permissions import MANAGER_ROLES, Access, require_board_staff
from thidua.formtools import message_service_errors
from thidua.pagination import paginate


def election_list(request: HttpRequest) -> HttpResponse:
    board = require_board_staff(request.user)
    sessions = paginate(
        voting_queries.sessions_for_board(board).filter(purpose=VotingPurpose.ELECTION),
        request.GET.get("page"),
    )
    can_manage = perms.can_manage_blocs(request.user)
    return render(
        request,
        "blocs/membership/election_list.html",
        {
            "page_obj": sessions,
            "form": ElectionForm(board=board) if can_manage else None,
            "can_manage": can_manage,
        },
    )


@require_POST
def election_create(request: HttpRequest) -> HttpResponse:
    board = require_board_staff(request.user, MANAGER_ROLES)
    form = ElectionForm(request.POST, board=board)
    year = queries.open_year_of(board)
    if not form.is_valid() or year is None:
        messages.error(request, _("Choose a bloc of an open year."))
        return redirect("membership:election_list")
    try:
        session = services.create_leader_election(
            bloc=form.cleaned_data["bloc"], year=year, created_by=request.user
        )
    except ValidationError as exc:
        message_service_errors(request, exc)
        return redirect("membership:election_list")
    messages.success(request, _("The election was created."))
    return redirect("membership:election_detail", session.pk)


def election_detail(request: HttpRequest, pk: int) -> HttpResponse:
    session = perms.get_voting_session_for_user_or_404(request.user, pk)
    is_voter = voting_queries.is_eligible_voter(session, request.user)
    has_voted = voting_queries.has_voted(session, request.user)
    cast, eligible = voting_queries.turnout(session)
    candidates = list(voting_queries.candidates_of(session))
    labels = {c.pk: c.label for c in candidates}
    result_rows = [(labels.get(row["candidate_id"], "?"), row) for row in session.result.get("rows", [])]
    return render(
        request,
        "blocs/membership/election_detail.html",
        {
            "session": session,
            "candidates": candidates,
            "turnout": (cast, eligible),
            "can_vote": is_voter and not has_voted and session.status == VotingStatus.OPEN,
            "has_voted": has_voted,
            "ballot_form": BallotForm(session=session),
            "can_run": perms.can_run_session(request.user, session),
            "can_confirm": perms.can_confirm_session(request.user, session),
            "result_rows": result_rows,
            "elected": [labels.get(pk, "?") for pk in session.result.get("elected", [])],
            "tied": [labels.get(pk, "?") for pk in session.result.get("tied", [])],
        },
    )


@require_POST
def election_open(request: HttpRequest, pk: int) -> HttpResponse:
    session = perms.get_voting_session_for_user_or_404(request.user, pk, access=Access.RUN)
    try:
        voting_services.open_voting_session(session=session, opened_by=request.user)
    except ValidationError as exc:
        message_service_errors(request, exc)
    return redirect("membership:election_detail", session.pk)


@require_POST
def election_close(request: HttpRequest, pk: int) -> HttpResponse:
    session = perms.get_voting_session_for_user_or_404(request.user, pk, access=Access.RUN)
    try:
        voting_services.close_voting_session(session=session, closed_by=request.user)
    except ValidationError as exc:
        message_service_errors(request, exc)
    return redirect("membership:election_detail", session.pk)


@require_POST
def election_confirm(request: HttpRequest, pk: int) -> HttpResponse:
    session = perms.get_voting_session_for_user_or_404(request.user, pk, access=Access.CONFIRM)
    try:
        voting_services.confirm_voting_result(session=session, confirmed_by=request.user)
    except ValidationError as exc:
        message_service_errors(request, exc)
    return redirect("membership:election_detail", session.pk)


@require_POST
def election_vote(request: HttpRequest, pk: int) -> HttpResponse:
    session = perms.get_voting_session_for_user_or_404(request.user, pk, access=Access.VOTE)
    form = BallotForm(request.POST, session=session)
    if form.is_valid():
        try:
            voting_services.cast_ballot(
                session=session, voter_user=request.user, candidates=form.cleaned_data["candidates"]
            )
        except ValidationError as exc:
            message_service_errors(request, exc)
        else:
            messages.success(request, _("Your ballot was recorded."))
    return redirect("membership:election_detail", session.pk)
