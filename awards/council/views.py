"""Thin views of the council: parse a form, load through an accessor, call one service, respond."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from awards.catalogue.permissions import can_manage_awards
from awards.council import permissions as perms
from awards.council import queries, services
from awards.council.enums import CouncilStatus
from awards.council.forms import BallotForm, CouncilSessionForm, WrittenOpinionForm
from thidua.accounts.permissions import MANAGER_ROLES, Access, require_board_staff
from thidua.formtools import add_service_errors, message_service_errors
from thidua.pagination import paginate


def _step(request: HttpRequest, call, success: str) -> bool:
    try:
        call()
    except ValidationError as exc:
        message_service_errors(request, exc)
        return False
    messages.success(request, success)
    return True


def council_list(request: HttpRequest) -> HttpResponse:
    board = perms.require_council_viewer(request.user)
    page = paginate(queries.sessions_for_board(board), request.GET.get("page"))
    return render(
        request,
        "awards/council/council_list.html",
        {
            "page_obj": page,
            "can_manage": can_manage_awards(request.user),
            "awaiting": queries.awaiting_council(board).count(),
        },
    )


def council_create(request: HttpRequest) -> HttpResponse:
    board = require_board_staff(request.user, MANAGER_ROLES)
    form = CouncilSessionForm(request.POST or None, board=board)
    if request.method == "POST" and form.is_valid():
        try:
            session = services.create_council_session(created_by=request.user, **form.cleaned_data)
        except ValidationError as exc:
            add_service_errors(form, exc)
        else:
            messages.success(request, _("The session is prepared: open it for the members to vote."))
            return redirect("council:council_detail", session.pk)
    return render(request, "blocs/form_page.html", {"form": form, "title": _("Prepare a council session")})


def council_detail(request: HttpRequest, pk: int) -> HttpResponse:
    session = perms.get_council_session_for_user_or_404(request.user, pk)
    items = queries.items_of(session)
    voters, voted = queries.turnout(items)
    is_member = any(voter.user_id == request.user.pk for voter in voters)
    open_now = session.status == CouncilStatus.OPEN
    can_run = can_manage_awards(request.user)
    return render(
        request,
        "awards/council/council_detail.html",
        {
            "session": session,
            "items": items,
            "voters": voters,
            "voted": voted,
            "can_run": can_run,
            "ballot_form": BallotForm(items=items)
            if open_now
            and is_member
            and request.user.pk not in voted
            and perms.can_vote_in_council(request.user)
            else None,
            "written_form": WrittenOpinionForm(items=items, board=session.organization)
            if open_now and can_run
            else None,
        },
    )


@require_POST
def council_open(request: HttpRequest, pk: int) -> HttpResponse:
    session = perms.get_council_session_for_user_or_404(request.user, pk, access=Access.RUN)
    _step(
        request,
        lambda: services.open_council_session(session=session, opened_by=request.user),
        _("Voting is open."),
    )
    return redirect("council:council_detail", session.pk)


@require_POST
def council_vote(request: HttpRequest, pk: int) -> HttpResponse:
    session = perms.get_council_session_for_user_or_404(request.user, pk, access=Access.VOTE)
    form = BallotForm(request.POST, items=queries.items_of(session))
    if form.is_valid():
        _step(
            request,
            lambda: services.cast_council_ballots(
                session=session, member=request.user, approvals=form.approvals(), cast_by=request.user
            ),
            _("Your ballots were cast."),
        )
    return redirect("council:council_detail", session.pk)


@require_POST
def council_written(request: HttpRequest, pk: int) -> HttpResponse:
    session = perms.get_council_session_for_user_or_404(request.user, pk, access=Access.RUN)
    form = WrittenOpinionForm(request.POST, items=queries.items_of(session), board=session.organization)
    if form.is_valid():
        member = form.members[form.cleaned_data["member"]]
        _step(
            request,
            lambda: services.cast_council_ballots(
                session=session, member=member, approvals=form.approvals(), cast_by=request.user
            ),
            _("The written opinion was recorded."),
        )
    else:
        messages.error(request, _("Choose the absent member."))
    return redirect("council:council_detail", session.pk)


@require_POST
def council_close(request: HttpRequest, pk: int) -> HttpResponse:
    session = perms.get_council_session_for_user_or_404(request.user, pk, access=Access.RUN)
    _step(
        request,
        lambda: services.close_council_session(session=session, closed_by=request.user),
        _("The session is closed; its minutes are being rendered."),
    )
    return redirect("council:council_detail", session.pk)
