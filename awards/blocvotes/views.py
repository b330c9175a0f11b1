"""Thin views of the bloc votes."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.db.models import F
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from awards.blocvotes import permissions as perms
from awards.blocvotes import queries, services
from awards.blocvotes.forms import BlocVoteForm, UnitBallotForm
from awards.blocvotes.models import BlocVote
from awards.catalogue.permissions import can_manage_awards
from blocs.enums import MembershipStatus
from blocs.membership.models import Bloc
from blocs.membership.permissions import get_bloc_for_user_or_404
from blocs.membership.queries import led_bloc_ids
from blocs.register.permissions import board_or_404
from blocs.register.queries import enterprise_of
from blocs.voting import queries as voting_queries
from thidua.accounts.permissions import Access, is_board_staff, require
from thidua.formtools import add_service_errors, message_service_errors
from thidua.pagination import paginate


def _step(request: HttpRequest, call, success: str) -> None:
    try:
        call()
    except ValidationError as exc:
        message_service_errors(request, exc)
    else:
        messages.success(request, success)


def bloc_vote_list(request: HttpRequest) -> HttpResponse:
    """Every vote of the Board for its staff; the votes of the user's blocs for an enterprise user."""
    board = board_or_404(request.user)
    rows = BlocVote.objects.filter(organization=board).select_related("bloc", "year", "award_type")
    if not is_board_staff(request.user):
        link = enterprise_of(request.user)
        rows = (
            rows.filter(
                bloc__memberships__enterprise_id=link.enterprise_id,
                bloc__memberships__year=F("year"),
                bloc__memberships__status=MembershipStatus.ACTIVE,
            ).distinct()
            if link is not None
            else rows.none()
        )
    blocs = Bloc.objects.filter(organization=board, active=True).order_by("code")
    if not can_manage_awards(request.user):
        blocs = blocs.filter(pk__in=led_bloc_ids(request.user))
    return render(
        request,
        "awards/blocvotes/bloc_vote_list.html",
        {"page_obj": paginate(rows, request.GET.get("page")), "runnable_blocs": list(blocs)},
    )


def bloc_vote_create(request: HttpRequest, pk: int) -> HttpResponse:
    bloc = get_bloc_for_user_or_404(request.user, pk)
    require(perms.can_run_bloc_votes(request.user, bloc))
    form = BlocVoteForm(request.POST or None, bloc=bloc)
    if request.method == "POST" and form.is_valid():
        try:
            vote = services.create_bloc_vote(bloc=bloc, created_by=request.user, **form.cleaned_data)
        except ValidationError as exc:
            add_service_errors(form, exc)
        else:
            messages.success(request, _("The vote is prepared: open it for the members."))
            return redirect("blocvotes:bloc_vote_detail", vote.pk)
    return render(request, "blocs/form_page.html", {"form": form, "title": _("Bloc award vote")})


def bloc_vote_detail(request: HttpRequest, pk: int) -> HttpResponse:
    vote = perms.get_bloc_vote_for_user_or_404(request.user, pk)
    session = queries.current_round(vote)
    candidates = list(voting_queries.candidates_of(session)) if session else []
    voters = list(voting_queries.voters_with_turnout(session)) if session else []
    elector = queries.unit_elector(vote, request.user) if session else None
    can_vote = (
        session is not None
        and session.status == "OPEN"
        and elector is not None
        and not any(v.pk == elector.pk and v.took_part for v in voters)
    )
    return render(
        request,
        "awards/blocvotes/bloc_vote_detail.html",
        {
            "vote": vote,
            "session": session,
            "candidates": candidates,
            "voters": voters,
            "can_run": perms.can_run_bloc_votes(request.user, vote.bloc),
            "ballot_form": UnitBallotForm(candidates=candidates, max_choices=session.max_choices)
            if can_vote
            else None,
        },
    )


@require_POST
def bloc_vote_open(request: HttpRequest, pk: int) -> HttpResponse:
    vote = perms.get_bloc_vote_for_user_or_404(request.user, pk, access=Access.RUN)
    _step(request, lambda: services.open_bloc_vote(vote=vote, opened_by=request.user), _("Voting is open."))
    return redirect("blocvotes:bloc_vote_detail", vote.pk)


@require_POST
def bloc_vote_ballot(request: HttpRequest, pk: int) -> HttpResponse:
    vote = perms.get_bloc_vote_for_user_or_404(request.user, pk, access=Access.VOTE)
    session = queries.current_round(vote)
    candidates = list(voting_queries.candidates_of(session)) if session else []
    form = UnitBallotForm(
        request.POST, candidates=candidates, max_choices=session.max_choices if session else 1
    )
    if form.is_valid():
        chosen = [c for c in candidates if str(c.pk) in form.cleaned_data["chosen"]]
        _step(
            request,
            lambda: services.cast_unit_ballot(vote=vote, cast_by=request.user, candidates=chosen),
            _("Your ballot was cast."),
        )
    return redirect("blocvotes:bloc_vote_detail", vote.pk)


@require_POST
def bloc_vote_close(request: HttpRequest, pk: int) -> HttpResponse:
    vote = perms.get_bloc_vote_for_user_or_404(request.user, pk, access=Access.RUN)
    _step(
        request,
        lambda: services.close_bloc_round(vote=vote, closed_by=request.user),
        _("The round is counted."),
    )
    return redirect("blocvotes:bloc_vote_detail", vote.pk)


@require_POST
def bloc_vote_next_round(request: HttpRequest, pk: int) -> HttpResponse:
    vote = perms.get_bloc_vote_for_user_or_404(request.user, pk, access=Access.RUN)
    _step(
        request,
        lambda: services.start_bloc_round(vote=vote, created_by=request.user),
        _("A second round is ready."),
    )
    return redirect("blocvotes:bloc_vote_detail", vote.pk)


@require_POST
def bloc_vote_conclude(request: HttpRequest, pk: int) -> HttpResponse:
    vote = perms.get_bloc_vote_for_user_or_404(request.user, pk, access=Access.RUN)
    _step(
        request,
        lambda: services.conclude_bloc_vote(vote=vote, concluded_by=request.user),
        _("The vote is concluded: the elected members are proposed as the bloc's nominations."),
    )
    return redirect("blocvotes:bloc_vote_detail", vote.pk)
