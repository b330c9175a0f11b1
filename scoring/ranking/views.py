"""Thin views of scorecards, rankings and objections: parse a form, load through an accessor, call one service,
respond."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from blocs.register.queries import enterprise_of
from scoring.criteria.queries import criteria_of
from scoring.quarterly.permissions import bloc_roles
from scoring.ranking import arithmetic, queries
from scoring.ranking import permissions as perms
from scoring.ranking.enums import RankingStatus, ScorecardStatus, ScoreRound
from scoring.ranking.forms import (
    AnswerForm,
    BlocPeriodForm,
    EvidenceForm,
    FindingsForm,
    ObjectionForm,
    PolicyForm,
    ReasonForm,
    ScoresForm,
    TieVoteForm,
    WhatIfForm,
)
from scoring.ranking.models import Scorecard
from scoring.ranking.services import rankings as ranking_services
from scoring.ranking.services import scorecards as scorecard_services
from thidua.accounts.permissions import Access, is_board_staff
from thidua.documents.uploads import pdf_attachment
from thidua.formtools import add_service_errors, message_service_errors
from thidua.pagination import paginate


def _run(request: HttpRequest, call, success: str) -> bool:
    try:
        call()
    except ValidationError as exc:
        message_service_errors(request, exc)
        return False
    messages.success(request, success)
    return True


def _form_errors(request: HttpRequest, form) -> None:
    messages.error(request, " ".join(e for errors in form.errors.values() for e in errors))


# ---------------------------------------------------------------------------
# Overview
# ---------------------------------------------------------------------------
def scoring_home(request: HttpRequest) -> HttpResponse:
    """The Board: its rankings and the forms to open scoring and compute; an enterprise: its scorecards, the
    scorecards it cross-scores and its blocs' rankings."""
    board = perms.require_scoring_user(request.user)
    if is_board_staff(request.user):
        context = {
            "page_obj": paginate(queries.rankings_for_board(board), request.GET.get("page")),
            "can_manage": perms.can_manage_rankings(request.user),
            "open_form": BlocPeriodForm(board=board, prefix="open"),
            "compute_form": BlocPeriodForm(board=board, prefix="compute"),
            "years": queries.years_of(board),
        }
        return render(request, "scoring/ranking/home.html", context)
    link = enterprise_of(request.user)
    if link is None:
        raise Http404
    roles = bloc_roles(request.user)
    context = {
        "own": queries.scorecards_of_enterprise(link.enterprise_id),
        "to_cross": queries.scorecards_to_cross(request.user, link.enterprise_id, roles),
        "page_obj": paginate(queries.rankings_for_member(board, roles), request.GET.get("page")),
    }
    return render(request, "scoring/ranking/home.html", context)


@require_POST
def scoring_open(request: HttpRequest) -> HttpResponse:
    board = perms.require_ranking_manager(request.user)
    form = BlocPeriodForm(request.POST, board=board, prefix="open")
    if not form.is_valid():
        _form_errors(request, form)
        return redirect("ranking:scoring_home")
    _run(
        request,
        lambda: scorecard_services.open_scoring(opened_by=request.user, **form.cleaned_data),
        _("Scorecards are open for the bloc's members."),
    )
    return redirect("ranking:scoring_home")


@require_POST
def ranking_compute(request: HttpRequest) -> HttpResponse:
    board = perms.require_ranking_manager(request.user)
    form = BlocPeriodForm(request.POST, board=board, prefix="compute")
    if not form.is_valid():
        _form_errors(request, form)
        return redirect("ranking:scoring_home")
    try:
        ranking = ranking_services.compute_ranking(computed_by=request.user, **form.cleaned_data)
    except ValidationError as exc:
        message_service_errors(request, exc)
        return redirect("ranking:scoring_home")
    messages.success(request, _("The ranking is computed."))
    return redirect("ranking:ranking_detail", ranking.pk)


# ---------------------------------------------------------------------------
# Scorecards
# ---------------------------------------------------------------------------
def _round_for(user, scorecard: Scorecard) -> str | None:
    if perms.can_self_score(user, scorecard):
        return ScoreRound.SELF
    if perms.can_cross_score(user, scorecard):
        return ScoreRound.CROSS
    if perms.can_verify(user, scorecard) and scorecard.status == ScorecardStatus.CROSS_SUBMITTED:
        return ScoreRound.VERIFIED
    return None


def scorecard_detail(request: HttpRequest, pk: int, *, form: ScoresForm | None = None) -> HttpResponse:
    scorecard = perms.get_scorecard_for_user_or_404(request.user, pk)
    entries = queries.scorecard_entries(scorecard)
    round_ = _round_for(request.user, scorecard)
    policy = queries.policy_for(scorecard.year)
    verify = perms.can_verify(request.user, scorecard)
    context = {
        "scorecard": scorecard,
        "entries": entries,
        "round": round_,
        "form": form or (ScoresForm(entries=entries, round_=round_) if round_ else None),
        "changes": queries.changes_of(scorecard)[:50],
        "flagged": {e.pk for e in queries.disagreements(entries, policy.disagreement_points)}
        if verify
        else set(),
        "can_self": perms.can_self_score(request.user, scorecard),
        "can_cross": perms.can_cross_score(request.user, scorecard),
        "can_verify": verify,
        "evidence_form": EvidenceForm(entries=queries.entries_of_scorecard(scorecard.pk))
        if perms.can_self_score(request.user, scorecard)
        else None,
        "reason_form": ReasonForm(),
        "findings_form": FindingsForm(
            initial={
                "discipline_flag": scorecard.discipline_flag,
                "discipline_note": scorecard.discipline_note,
                "confirmations": scorecard.confirmations,
            }
        )
        if verify
        else None,
    }
    return render(request, "scoring/ranking/scorecard_detail.html", context)


@require_POST
def scorecard_save(request: HttpRequest, pk: int) -> HttpResponse:
    scorecard = perms.get_scorecard_for_user_or_404(request.user, pk)
    round_ = _round_for(request.user, scorecard)
    if round_ is None:
        perms.require(False)
    entries = list(queries.entries_of_scorecard(scorecard.pk))
    form = ScoresForm(request.POST, entries=entries, round_=round_)
    if form.is_valid():
        try:
            scorecard_services.record_scores(
                scorecard=scorecard, round_=round_, values=form.inputs(), actor=request.user
            )
        except ValidationError as exc:
            add_service_errors(form, exc)
        else:
            messages.success(request, _("The scores are saved."))
            return redirect("ranking:scorecard_detail", pk)
    messages.error(request, _("Some scores were not saved: see the marked criteria."))
    return scorecard_detail(request, pk, form=form)


@require_POST
def scorecard_submit(request: HttpRequest, pk: int) -> HttpResponse:
    """Submit the self score (the enterprise), the cross score (the leader or deputy), or finalise (the Board),
    whichever the scorecard's status and the user allow."""
    scorecard = perms.get_scorecard_for_user_or_404(request.user, pk)
    if perms.can_self_score(request.user, scorecard):
        call, done = scorecard_services.submit_self, _("The self score is submitted.")
    elif perms.can_cross_score(request.user, scorecard):
        call, done = scorecard_services.submit_cross, _("The cross score is submitted.")
    elif perms.can_verify(request.user, scorecard) and scorecard.status == ScorecardStatus.CROSS_SUBMITTED:
        call, done = scorecard_services.finalize_scorecard, _("The scorecard is final.")
    else:
        perms.require(False)
    keyword = "finalized_by" if call is scorecard_services.finalize_scorecard else "submitted_by"
    _run(request, lambda: call(scorecard=scorecard, **{keyword: request.user}), done)
    return redirect("ranking:scorecard_detail", pk)


@require_POST
def scorecard_return(request: HttpRequest, pk: int) -> HttpResponse:
    scorecard = perms.get_scorecard_for_user_or_404(request.user, pk)
    allowed = perms.can_cross_score(request.user, scorecard) or (
        perms.can_verify(request.user, scorecard) and scorecard.status == ScorecardStatus.CROSS_SUBMITTED
    )
    perms.require(allowed)
    form = ReasonForm(request.POST)
    reason = form.cleaned_data["reason"] if form.is_valid() else ""
    _run(
        request,
        lambda: scorecard_services.return_scorecard(
            scorecard=scorecard, reason=reason, returned_by=request.user
        ),
        _("Returned."),
    )
    return redirect("ranking:scorecard_detail", pk)


@require_POST
def scorecard_findings(request: HttpRequest, pk: int) -> HttpResponse:
    scorecard = perms.get_scorecard_for_user_or_404(request.user, pk, access=Access.APPROVE)
    form = FindingsForm(request.POST)
    if not form.is_valid():
        _form_errors(request, form)
        return redirect("ranking:scorecard_detail", pk)
    _run(
        request,
        lambda: scorecard_services.record_findings(
            scorecard=scorecard, recorded_by=request.user, **form.cleaned_data
        ),
        _("The findings are recorded."),
    )
    return redirect("ranking:scorecard_detail", pk)


@require_POST
def score_evidence_upload(request: HttpRequest, pk: int) -> HttpResponse:
    scorecard = perms.get_scorecard_for_user_or_404(request.user, pk, access=Access.CHANGE)
    form = EvidenceForm(request.POST, request.FILES, entries=queries.entries_of_scorecard(scorecard.pk))
    if not form.is_valid():
        _form_errors(request, form)
    else:
        _run(
            request,
            lambda: scorecard_services.attach_evidence(
                entry=form.cleaned_data["entry"],
                upload=form.cleaned_data["file"],
                label=form.cleaned_data["label"],
                uploaded_by=request.user,
            ),
            _("The file is attached."),
        )
    return redirect("ranking:scorecard_detail", pk)


def score_evidence_download(request: HttpRequest, pk: int) -> FileResponse:
    evidence = perms.get_score_evidence_for_user_or_404(request.user, pk)
    return pdf_attachment(evidence.file, f"{evidence.label}.pdf")


@require_POST
def score_evidence_remove(request: HttpRequest, pk: int) -> HttpResponse:
    evidence = perms.get_score_evidence_for_user_or_404(request.user, pk, access=Access.CHANGE)
    scorecard_id = evidence.entry.scorecard_id
    _run(
        request,
        lambda: scorecard_services.remove_evidence(evidence=evidence, removed_by=request.user),
        _("The file is removed."),
    )
    return redirect("ranking:scorecard_detail", scorecard_id)


# ---------------------------------------------------------------------------
# Rankings
# ---------------------------------------------------------------------------
def ranking_detail(request: HttpRequest, pk: int) -> HttpResponse:
    ranking = perms.get_ranking_for_user_or_404(request.user, pk)
    rows = queries.ranking_rows(ranking)
    manage = perms.can_manage_rankings(request.user)
    own_id = perms.own_enterprise_id(request.user)
    own_row = next((row for row in rows if row.enterprise_id == own_id), None)
    context = {
        "ranking": ranking,
        "rows": rows,
        "own_row": own_row,
        "can_manage": manage,
        "objections": queries.objections_of(ranking)
        if manage
        else queries.objections_of(ranking).filter(entry__scorecard__enterprise_id=own_id),
        "answer_form": AnswerForm() if manage else None,
        "tie_form": TieVoteForm() if manage and ranking.status == RankingStatus.DRAFT else None,
        "fingerprint_ok": ranking_services.fingerprint_holds(ranking),
    }
    if own_row is not None and ranking.status == RankingStatus.PUBLISHED:
        context["objection_form"] = ObjectionForm(entries=queries.entries_of_scorecard(own_row.scorecard_id))
    if manage and ranking.status != RankingStatus.LOCKED:
        criteria = criteria_of(rows[0].scorecard.criteria_set) if rows else []
        whatif = WhatIfForm(request.GET or None, rows=rows, criteria=criteria)
        context["whatif_form"] = whatif
        if request.GET and whatif.is_valid():
            data = whatif.cleaned_data
            members = queries.members_for_arithmetic(
                ranking, override=(data["scorecard"], data["criterion"], data["value"])
            )
            context["whatif"] = arithmetic.rank_members(
                members, list(queries.policy_for(ranking.year).tie_breaks)
            )
            context["ranks_now"] = {row.scorecard_id: row.rank for row in rows}
    return render(request, "scoring/ranking/ranking_detail.html", context)


@require_POST
def ranking_publish(request: HttpRequest, pk: int) -> HttpResponse:
    ranking = perms.get_ranking_for_user_or_404(request.user, pk, access=Access.APPROVE)
    _run(
        request,
        lambda: ranking_services.publish_ranking(ranking=ranking, published_by=request.user),
        _("The ranking is published: the members may object until the deadline."),
    )
    return redirect("ranking:ranking_detail", pk)


@require_POST
def ranking_lock(request: HttpRequest, pk: int) -> HttpResponse:
    ranking = perms.get_ranking_for_user_or_404(request.user, pk, access=Access.APPROVE)
    _run(
        request,
        lambda: ranking_services.lock_ranking(ranking=ranking, locked_by=request.user),
        _("The ranking is locked and its table is being issued."),
    )
    return redirect("ranking:ranking_detail", pk)


@require_POST
def ranking_tie_vote(request: HttpRequest, pk: int) -> HttpResponse:
    ranking = perms.get_ranking_for_user_or_404(request.user, pk, access=Access.APPROVE)
    form = TieVoteForm(request.POST)
    scorecard = None
    if form.is_valid():
        scorecard = Scorecard.objects.filter(
            pk=form.cleaned_data["scorecard"], bloc_id=ranking.bloc_id, year_id=ranking.year_id
        ).first()
    if scorecard is None:
        messages.error(request, _("Enter the votes of a member of this ranking."))
        return redirect("ranking:ranking_detail", pk)
    _run(
        request,
        lambda: ranking_services.record_tie_vote(
            ranking=ranking, scorecard=scorecard, votes=form.cleaned_data["votes"], recorded_by=request.user
        ),
        _("The vote is recorded and the ranking recomputed."),
    )
    return redirect("ranking:ranking_detail", pk)


@require_POST
def objection_create(request: HttpRequest, pk: int) -> HttpResponse:
    ranking = perms.get_ranking_for_user_or_404(request.user, pk)
    own_id = perms.own_enterprise_id(request.user)
    row = ranking.rows.filter(enterprise_id=own_id).first() if own_id else None
    perms.require(row is not None)
    form = ObjectionForm(request.POST, request.FILES, entries=queries.entries_of_scorecard(row.scorecard_id))
    if not form.is_valid():
        _form_errors(request, form)
        return redirect("ranking:ranking_detail", pk)
    _run(
        request,
        lambda: ranking_services.raise_objection(
            ranking=ranking,
            entry=form.cleaned_data["entry"],
            text=form.cleaned_data["text"],
            upload=form.cleaned_data["file"],
            raised_by=request.user,
        ),
        _("Your objection is sent to the Board."),
    )
    return redirect("ranking:ranking_detail", pk)


@require_POST
def objection_answer(request: HttpRequest, pk: int) -> HttpResponse:
    objection = perms.get_objection_for_user_or_404(request.user, pk, access=Access.REVIEW)
    form = AnswerForm(request.POST)
    if not form.is_valid():
        _form_errors(request, form)
        return redirect("ranking:ranking_detail", objection.ranking_id)
    _run(
        request,
        lambda: ranking_services.answer_objection(
            objection=objection,
            accept=form.cleaned_data["accept"],
            answer=form.cleaned_data["answer"],
            new_value=form.cleaned_data["new_value"],
            answered_by=request.user,
        ),
        _("The objection is answered."),
    )
    return redirect("ranking:ranking_detail", objection.ranking_id)


def objection_file(request: HttpRequest, pk: int) -> FileResponse:
    objection = perms.get_objection_for_user_or_404(request.user, pk)
    if not objection.file:
        raise Http404
    return pdf_attachment(objection.file, f"kien-nghi-{objection.pk}.pdf")


def policy_edit(request: HttpRequest, pk: int) -> HttpResponse:
    """The Board's ranking rules of a year (bands, task-completion levels, tie-breaks, confirmations)."""
    year = perms.get_year_for_policy_or_404(request.user, pk)
    policy = queries.policy_for(year)
    form = PolicyForm(request.POST or None, policy=policy)
    if request.method == "POST" and form.is_valid():
        try:
            ranking_services.save_policy(year=year, saved_by=request.user, **form.values())
        except ValidationError as exc:
            add_service_errors(form, exc)
        else:
            messages.success(request, _("The ranking rules are saved."))
            return redirect("ranking:policy_edit", year.pk)
    return render(request, "scoring/ranking/policy_form.html", {"form": form, "year": year})
