"""A bloc's elections of its leader and deputy: the blocs' screens over the voting engine.

Every action works on the election's current round; the engine's rules (quorum, threshold, ties, second
rounds) and the blocs' (who the electors are, who casts for a member unit, which year the result goes to)
stay in the services.
"""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from blocs.membership import permissions as perms
from blocs.membership import queries, services
from blocs.membership.forms import (
    BallotForm,
    ChairDecisionForm,
    ConsensusForm,
    ElectionForm,
    NextRoundForm,
    PaperCountForm,
)
from blocs.voting import queries as voting_queries
from blocs.voting.enums import Counting, TieRule, VotingMethod, VotingStatus
from blocs.voting.models import VotingSession
from blocs.voting.tally import is_decided
from thidua.accounts.permissions import Access, require_board_staff
from thidua.formtools import add_service_errors, message_service_errors
from thidua.pagination import paginate


def election_list(request: HttpRequest) -> HttpResponse:
    board = require_board_staff(request.user)
    page = paginate(queries.elections_for_board(board), request.GET.get("page"))
    page.object_list = queries.with_current_rounds(page.object_list)
    return render(request, "blocs/membership/election_list.html", {"page_obj": page})


def election_create(request: HttpRequest, pk: int) -> HttpResponse:
    bloc = perms.get_bloc_for_user_or_404(request.user, pk, access=Access.RUN)
    year = queries.open_year_of(bloc.organization_id)
    if year is None:
        messages.error(request, _("Open a year first."))
        return redirect("membership:bloc_detail", bloc.pk)
    form = ElectionForm(request.POST or None, year=year.year)
    if request.method == "POST" and form.is_valid():
        try:
            election = services.create_election(
                bloc=bloc, year=year, created_by=request.user, **form.cleaned_data
            )
        except ValidationError as exc:
            add_service_errors(form, exc)
        else:
            messages.success(request, _("The election was created."))
            return redirect("membership:election_detail", election.pk)
    return render(
        request, "blocs/form_page.html", {"form": form, "title": _("New election — %s") % bloc.name}
    )


def election_detail(request: HttpRequest, pk: int) -> HttpResponse:
    election = perms.get_election_for_user_or_404(request.user, pk)
    rounds = queries.election_rounds(election)
    session = rounds[-1] if rounds else None
    candidates = list(voting_queries.candidates_of(session)) if session else []
    voters = list(voting_queries.voters_with_turnout(session)) if session else []
    voted = {voter.pk for voter in voters if voter.took_part}
    elector = queries.elector_among(voters, request.user)
    can_run = perms.can_run_elections(request.user, election.bloc)
    is_board = perms.can_manage_blocs(request.user)
    status = session.status if session else None
    result = session.result if session else {}
    labels = {c.pk: c.label for c in candidates}
    decided = status in (VotingStatus.CLOSED, VotingStatus.RESULT_CONFIRMED) and is_decided(result)
    scheduled = status == VotingStatus.SCHEDULED
    context = {
        "election": election,
        "session": session,
        "earlier_rounds": rounds[:-1],
        "candidates": candidates,
        "voters": [(voter, voter.pk in voted) for voter in voters],
        "turnout": (len(voted), len(voters)),
        "elector": elector,
        "has_voted": elector is not None and elector.pk in voted,
        "can_run": can_run,
        "result_rows": [(labels.get(row["candidate_id"], "?"), row) for row in result.get("rows", [])],
        "elected": [labels.get(pk, "?") for pk in result.get("elected", [])],
        "tied": [labels.get(pk, "?") for pk in result.get("tied", [])],
        "runoff": [labels.get(pk, "?") for pk in result.get("runoff", [])],
        "chair_decision": labels.get((result.get("chair_decision") or {}).get("candidate_id")),
        "decided": decided,
        "can_confirm": is_board and status == VotingStatus.CLOSED and decided,
        "can_apply": is_board and status == VotingStatus.RESULT_CONFIRMED and election.applied_at is None,
        "can_issue_minutes": can_run and status in (VotingStatus.CLOSED, VotingStatus.RESULT_CONFIRMED),
    }
    if len(rounds) > 1 or status in (VotingStatus.CLOSED, VotingStatus.RESULT_CONFIRMED):
        context["minutes_document"] = queries.election_minutes_document(election)  # only once minutes can exist
    if status == VotingStatus.OPEN and elector is not None and elector.pk not in voted:
        context["ballot_form"] = BallotForm(candidates=candidates)
    if can_run and scheduled and session.method == VotingMethod.CONSENSUS:
        default = next((c.pk for c in candidates), None)
        context["consensus_form"] = ConsensusForm(
            voters=voters, candidates=candidates, initial={"chosen": default}
        )
    elif can_run and scheduled and session.counting == Counting.PAPER:
        context["count_form"] = PaperCountForm(voters=voters, candidates=candidates, secret=session.secret)
    if can_run and status == VotingStatus.CLOSED and not decided:
        if result.get("tied") and session.tie_rule == TieRule.CHAIR:
            context["chair_form"] = ChairDecisionForm(tied=[c for c in candidates if c.pk in result["tied"]])
        context["next_round_form"] = NextRoundForm(
            initial={"method": session.method, "counting": session.counting}
        )
    return render(request, "blocs/membership/election_detail.html", context)


def _done(request: HttpRequest, election, message: str) -> HttpResponse:
    messages.success(request, message)
    return redirect("membership:election_detail", election.pk)


def _failed(request: HttpRequest, election, exc: ValidationError) -> HttpResponse:
    message_service_errors(request, exc)
    return redirect("membership:election_detail", election.pk)


@require_POST
def election_open(request: HttpRequest, pk: int) -> HttpResponse:
    election = perms.get_election_for_user_or_404(request.user, pk, access=Access.RUN)
    try:
        services.open_election(election=election, opened_by=request.user)
    except ValidationError as exc:
        return _failed(request, election, exc)
    return _done(request, election, _("The vote is open."))


@require_POST
def election_close(request: HttpRequest, pk: int) -> HttpResponse:
    election = perms.get_election_for_user_or_404(request.user, pk, access=Access.RUN)
    try:
        services.close_election_round(election=election, closed_by=request.user)
    except ValidationError as exc:
        return _failed(request, election, exc)
    return _done(request, election, _("The vote is closed and counted."))


@require_POST
def election_vote(request: HttpRequest, pk: int) -> HttpResponse:
    election = perms.get_election_for_user_or_404(request.user, pk, access=Access.VOTE)
    form = BallotForm(request.POST, candidates=voting_queries.candidates_of(election.elector.session))
    if not form.is_valid():
        messages.error(request, _("Choose a candidate, or that you agree with none of them."))
        return redirect("membership:election_detail", election.pk)
    try:
        services.cast_member_ballot(election=election, cast_by=request.user, candidates=form.chosen())
    except ValidationError as exc:
        return _failed(request, election, exc)
    return _done(request, election, _("Your enterprise's ballot was recorded."))


def _annotated_round(election) -> VotingSession:
    """The current round as the accessor annotated it: its id, enough to filter its electors and candidates."""
    return VotingSession(pk=election.current_round_id, method=election.current_round_method)


@require_POST
def election_count(request: HttpRequest, pk: int) -> HttpResponse:
    election = perms.get_election_for_user_or_404(request.user, pk, access=Access.RUN)
    session = _annotated_round(election)
    form = PaperCountForm(
        request.POST, candidates=voting_queries.candidates_of(session), secret=session.secret
    )
    if not form.is_valid():
        return _failed(request, election, ValidationError(_("Check the count: every number is required.")))
    try:
        services.record_election_count(
            election=election,
            recorded_by=request.user,
            present=form.cleaned_data["present"],
            votes=form.votes(),
            **form.ballots(),
        )
    except ValidationError as exc:
        return _failed(request, election, exc)
    return _done(request, election, _("The count was recorded."))


@require_POST
def election_consensus(request: HttpRequest, pk: int) -> HttpResponse:
    election = perms.get_election_for_user_or_404(request.user, pk, access=Access.RUN)
    form = ConsensusForm(request.POST)
    if not form.is_valid():
        return _failed(
            request, election, ValidationError(_("Tick the members present and the choice they agreed."))
        )
    try:
        services.record_election_consensus(
            election=election,
            recorded_by=request.user,
            present=form.cleaned_data["present"],
            chosen=form.cleaned_data["chosen"],
        )
    except ValidationError as exc:
        return _failed(request, election, exc)
    return _done(request, election, _("The consensus was recorded; the Board confirms it."))


@require_POST
def election_chair_decision(request: HttpRequest, pk: int) -> HttpResponse:
    election = perms.get_election_for_user_or_404(request.user, pk, access=Access.RUN)
    form = ChairDecisionForm(request.POST)
    if not form.is_valid():
        return _failed(request, election, ValidationError(_("Choose one of the tied candidates.")))
    try:
        services.record_election_chair_decision(
            election=election,
            recorded_by=request.user,
            candidate=form.cleaned_data["candidate"],
            note=form.cleaned_data["note"],
        )
    except ValidationError as exc:
        return _failed(request, election, exc)
    return _done(request, election, _("The chair's decision was recorded."))


@require_POST
def election_next_round(request: HttpRequest, pk: int) -> HttpResponse:
    election = perms.get_election_for_user_or_404(request.user, pk, access=Access.RUN)
    form = NextRoundForm(request.POST)
    if not form.is_valid():
        return _failed(request, election, ValidationError(_("Choose the method and the counting.")))
    try:
        services.start_election_round(election=election, created_by=request.user, **form.cleaned_data)
    except ValidationError as exc:
        return _failed(request, election, exc)
    return _done(request, election, _("The next round was created."))


@require_POST
def election_confirm(request: HttpRequest, pk: int) -> HttpResponse:
    election = perms.get_election_for_user_or_404(request.user, pk, access=Access.CONFIRM)
    try:
        services.confirm_election(election=election, confirmed_by=request.user)
    except ValidationError as exc:
        return _failed(request, election, exc)
    return _done(request, election, _("The result was confirmed."))


@require_POST
def election_apply(request: HttpRequest, pk: int) -> HttpResponse:
    election = perms.get_election_for_user_or_404(request.user, pk, access=Access.CONFIRM)
    try:
        services.apply_election_result(election=election, applied_by=request.user)
    except ValidationError as exc:
        return _failed(request, election, exc)
    return _done(request, election, _("The result now holds for %(year)d.") % {"year": election.elects_for})


@require_POST
def election_minutes(request: HttpRequest, pk: int) -> HttpResponse:
    election = perms.get_election_for_user_or_404(request.user, pk, access=Access.RUN)
    try:
        services.issue_election_minutes(election=election, issued_by=request.user)
    except ValidationError as exc:
        return _failed(request, election, exc)
    return _done(request, election, _("The minutes are issued; the PDF is being prepared."))
