"""Thin views of the blocs app: parse input, load through an accessor, call one service, respond."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from blocs import permissions as perms
from blocs import queries
from blocs.enums import ApplicationStatus, MembershipRole, VotingPurpose, VotingStatus
from blocs.forms import (
    AddMemberForm,
    ApplicationForm,
    ApproveForm,
    BallotForm,
    BlocForm,
    ElectionForm,
    EnterpriseFilterForm,
    EnterpriseForm,
    EnterpriseProfileForm,
    MeetingForm,
    ParkForm,
    ReasonForm,
    RoleForm,
    YearOpenForm,
    YearSettingsForm,
)
from blocs.pledges import queries as pledge_queries
from blocs.services import applications as application_services
from blocs.services import bloc_records as bloc_services
from blocs.services import decisions as decision_services
from blocs.services import elections as election_services
from blocs.services import enterprises as enterprise_services
from blocs.services import meetings as meeting_services
from blocs.services import membership as membership_services
from blocs.services import years as year_services
from blocs.voting import queries as voting_queries
from blocs.voting import services as voting_services
from blocs.year_settings import DEFAULT_YEAR_SETTINGS
from thidua.accounts.queries import signers_of
from thidua.formtools import add_service_errors, message_service_errors


def _query_string(request: HttpRequest) -> str:
    params = request.GET.copy()
    params.pop("page", None)
    return params.urlencode()


# ---------------------------------------------------------------------------
# Parks
# ---------------------------------------------------------------------------
def park_list(request: HttpRequest) -> HttpResponse:
    board = perms.require_blocs_staff(request.user)
    page = queries.paginate(queries.parks_for_board(board), request.GET.get("page"))
    return render(
        request,
        "blocs/park_list.html",
        {"page_obj": page, "can_manage": perms.can_manage_blocs(request.user)},
    )


def park_create(request: HttpRequest) -> HttpResponse:
    board = perms.require_blocs_staff(request.user, for_write=True)
    form = ParkForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            enterprise_services.create_park(
                organization=board, data=form.cleaned_data, created_by=request.user
            )
        except ValidationError as exc:
            add_service_errors(form, exc)
        else:
            messages.success(request, _("The park was saved."))
            return redirect("blocs:park_list")
    return render(request, "blocs/form_page.html", {"form": form, "title": _("New industrial park")})


def park_edit(request: HttpRequest, pk: int) -> HttpResponse:
    park = perms.get_park_for_user_or_404(request.user, pk, for_write=True)
    form = ParkForm(request.POST or None, instance=park)
    if request.method == "POST" and form.is_valid():
        data = {name: form.cleaned_data[name] for name in form.changed_data}
        park.refresh_from_db()
        try:
            enterprise_services.update_park(park=park, data=data, updated_by=request.user)
        except ValidationError as exc:
            add_service_errors(form, exc)
        else:
            messages.success(request, _("The park was saved."))
            return redirect("blocs:park_list")
    return render(request, "blocs/form_page.html", {"form": form, "title": park.name})


# ---------------------------------------------------------------------------
# Enterprises
# ---------------------------------------------------------------------------
def enterprise_list(request: HttpRequest) -> HttpResponse:
    board = perms.require_blocs_staff(request.user)
    parks = list(queries.parks_for_board(board))
    form = EnterpriseFilterForm(request.GET or None, parks=parks)
    filters = form.cleaned_data if form.is_valid() else {}
    qs = queries.search_enterprises(
        board,
        q=filters.get("q", ""),
        park_id=filters.get("park"),
        ownership=filters.get("ownership", ""),
        active=filters.get("active", ""),
    )
    page = queries.enterprise_page(queries.paginate(qs, request.GET.get("page")), board=board, parks=parks)
    return render(
        request,
        "blocs/enterprise_list.html",
        {
            "page_obj": page,
            "filter_form": form,
            "parks": parks,
            "query_string": _query_string(request),
            "can_manage": perms.can_manage_blocs(request.user),
        },
    )


def enterprise_create(request: HttpRequest) -> HttpResponse:
    board = perms.require_blocs_staff(request.user, for_write=True)
    form = EnterpriseForm(request.POST or None, board=board)
    if request.method == "POST" and form.is_valid():
        try:
            enterprise = enterprise_services.create_enterprise(
                organization=board, data=form.cleaned_data, created_by=request.user
            )
        except ValidationError as exc:
            add_service_errors(form, exc)
        else:
            messages.success(request, _("The enterprise was saved."))
            return redirect("blocs:enterprise_detail", enterprise.pk)
    return render(request, "blocs/form_page.html", {"form": form, "title": _("New enterprise")})


def enterprise_detail(request: HttpRequest, pk: int) -> HttpResponse:
    enterprise = perms.get_enterprise_for_user_or_404(request.user, pk)
    return render(
        request,
        "blocs/enterprise_detail.html",
        {
            "enterprise": enterprise,
            "history": queries.enterprise_history(enterprise),
            "pledges": pledge_queries.pledges_of_enterprise(enterprise),
            "applications": queries.applications_of(enterprise),
            "contacts": enterprise.user_links.select_related("user"),
            "can_manage": perms.can_manage_blocs(request.user),
        },
    )


def enterprise_edit(request: HttpRequest, pk: int) -> HttpResponse:
    enterprise = perms.get_enterprise_for_user_or_404(request.user, pk, for_write=True)
    form = EnterpriseForm(request.POST or None, instance=enterprise, board=enterprise.organization)
    if request.method == "POST" and form.is_valid():
        data = {name: form.cleaned_data[name] for name in form.changed_data}
        enterprise.refresh_from_db()
        try:
            enterprise_services.update_enterprise(enterprise=enterprise, data=data, updated_by=request.user)
        except ValidationError as exc:
            add_service_errors(form, exc)
        else:
            messages.success(request, _("The enterprise was saved."))
            return redirect("blocs:enterprise_detail", enterprise.pk)
    return render(request, "blocs/form_page.html", {"form": form, "title": enterprise.name})


# ---------------------------------------------------------------------------
# Years
# ---------------------------------------------------------------------------
def year_list(request: HttpRequest) -> HttpResponse:
    board = perms.require_blocs_staff(request.user)
    page = queries.paginate(queries.years_for_board(board), request.GET.get("page"))
    latest = page.object_list[0].year if page.object_list else None
    form = YearOpenForm(initial={"year": (latest + 1) if latest else 2026, "copy_previous": True})
    return render(
        request,
        "blocs/year_list.html",
        {"page_obj": page, "form": form, "can_manage": perms.can_manage_blocs(request.user)},
    )


@require_POST
def year_open(request: HttpRequest) -> HttpResponse:
    board = perms.require_blocs_staff(request.user, for_write=True)
    form = YearOpenForm(request.POST)
    if form.is_valid():
        copy_from = None
        if form.cleaned_data["copy_previous"]:
            copy_from = queries.years_for_board(board).filter(year__lt=form.cleaned_data["year"]).first()
        try:
            year_services.open_year(
                organization=board,
                year=form.cleaned_data["year"],
                opened_by=request.user,
                copy_from=copy_from,
            )
        except ValidationError as exc:
            message_service_errors(request, exc)
        else:
            messages.success(request, _("The year was opened."))
    return redirect("blocs:year_list")


@require_POST
def year_close(request: HttpRequest, pk: int) -> HttpResponse:
    year = perms.get_year_for_user_or_404(request.user, pk, for_write=True)
    try:
        year_services.close_year(year=year, closed_by=request.user)
    except ValidationError as exc:
        message_service_errors(request, exc)
    else:
        messages.success(request, _("The year was closed; it is now read-only."))
    return redirect("blocs:year_list")


def year_settings(request: HttpRequest, pk: int) -> HttpResponse:
    """Board staff read a year's settings; admins and officers edit them while the year is open."""
    year = perms.get_year_for_user_or_404(request.user, pk, for_write=request.method == "POST")
    values = {**DEFAULT_YEAR_SETTINGS, **year.settings}
    form = YearSettingsForm(request.POST or None, initial=values)
    if request.method == "POST" and form.is_valid():
        try:
            year_services.update_year_settings(year=year, settings=form.cleaned_data, updated_by=request.user)
        except ValidationError as exc:
            add_service_errors(form, exc)
        else:
            messages.success(request, _("The settings of %(year)s were saved.") % {"year": year.year})
            return redirect("blocs:year_settings", year.pk)
    return render(
        request,
        "blocs/year_settings.html",
        {
            "year": year,
            "form": form,
            "rows": [(field.label, values.get(name)) for name, field in form.fields.items()],
            "can_edit": year.is_open and perms.can_manage_blocs(request.user),
        },
    )


# ---------------------------------------------------------------------------
# Blocs and members
# ---------------------------------------------------------------------------
def bloc_list(request: HttpRequest) -> HttpResponse:
    board = perms.require_blocs_staff(request.user)
    year = queries.open_year_of(board)
    page = queries.bloc_page(queries.paginate(queries.blocs_for_board(board), request.GET.get("page")), year)
    return render(
        request,
        "blocs/bloc_list.html",
        {"page_obj": page, "year": year, "can_manage": perms.can_manage_blocs(request.user)},
    )


def bloc_create(request: HttpRequest) -> HttpResponse:
    board = perms.require_blocs_staff(request.user, for_write=True)
    form = BlocForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            bloc = bloc_services.create_bloc(
                organization=board, data=form.cleaned_data, created_by=request.user
            )
        except ValidationError as exc:
            add_service_errors(form, exc)
        else:
            messages.success(request, _("The bloc was saved."))
            return redirect("blocs:bloc_detail", bloc.pk)
    return render(request, "blocs/form_page.html", {"form": form, "title": _("New bloc")})


def bloc_edit(request: HttpRequest, pk: int) -> HttpResponse:
    bloc = perms.get_bloc_for_user_or_404(request.user, pk, for_write=True)
    form = BlocForm(request.POST or None, instance=bloc)
    if request.method == "POST" and form.is_valid():
        data = {name: form.cleaned_data[name] for name in form.changed_data}
        bloc.refresh_from_db()
        try:
            bloc_services.update_bloc(bloc=bloc, data=data, updated_by=request.user)
        except ValidationError as exc:
            add_service_errors(form, exc)
        else:
            messages.success(request, _("The bloc was saved."))
            return redirect("blocs:bloc_detail", bloc.pk)
    return render(request, "blocs/form_page.html", {"form": form, "title": bloc.name})


def bloc_detail(request: HttpRequest, pk: int) -> HttpResponse:
    bloc = perms.get_bloc_for_user_or_404(request.user, pk)
    members = list(
        queries.members_of(bloc, queries.open_year_id(bloc.organization_id)).select_related("year")
    )
    year = members[0].year if members else None
    show_contacts = perms.can_see_contacts(request.user, bloc)
    contacts = queries.member_contacts(members) if show_contacts else {}
    return render(
        request,
        "blocs/bloc_detail.html",
        {
            "bloc": bloc,
            "year": year,
            "rows": [(m, contacts.get(m.enterprise_id, [])) for m in members],
            "show_contacts": show_contacts,
            "can_manage": perms.can_manage_blocs(request.user),
            "role_choices": MembershipRole.choices,
            "elections": voting_queries.sessions_for_board(bloc.organization_id).filter(
                bloc=bloc, purpose=VotingPurpose.ELECTION
            )[:5],
        },
    )


def member_add(request: HttpRequest, pk: int) -> HttpResponse:
    bloc = perms.get_bloc_for_user_or_404(request.user, pk, for_write=True)
    year = queries.open_year_of(bloc.organization_id)
    form = AddMemberForm(request.POST or None, board=bloc.organization_id)
    if request.method == "POST" and form.is_valid():
        try:
            if year is None:
                raise ValidationError(_("Open a year first."))
            membership_services.add_member(
                bloc=bloc,
                enterprise=form.cleaned_data["enterprise"],
                year=year,
                role=form.cleaned_data["role"],
                added_by=request.user,
            )
        except ValidationError as exc:
            add_service_errors(form, exc)
        else:
            messages.success(request, _("The enterprise was added to the bloc."))
            return redirect("blocs:bloc_detail", bloc.pk)
    return render(
        request, "blocs/form_page.html", {"form": form, "title": _("Add a member — %s") % bloc.name}
    )


@require_POST
def membership_role(request: HttpRequest, pk: int) -> HttpResponse:
    membership = perms.get_membership_for_user_or_404(request.user, pk)
    form = RoleForm(request.POST)
    if form.is_valid():
        try:
            membership_services.assign_role(
                membership=membership, role=form.cleaned_data["role"], assigned_by=request.user
            )
        except ValidationError as exc:
            message_service_errors(request, exc)
        else:
            messages.success(request, _("The role was changed."))
    return redirect("blocs:bloc_detail", membership.bloc_id)


@require_POST
def membership_withdraw(request: HttpRequest, pk: int) -> HttpResponse:
    membership = perms.get_membership_for_user_or_404(request.user, pk)
    form = ReasonForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Give the reason for the withdrawal."))
    else:
        try:
            membership_services.withdraw_membership(
                membership=membership, reason=form.cleaned_data["reason"], withdrawn_by=request.user
            )
        except ValidationError as exc:
            message_service_errors(request, exc)
        else:
            messages.success(request, _("The enterprise left the bloc."))
    return redirect("blocs:bloc_detail", membership.bloc_id)


# ---------------------------------------------------------------------------
# Meetings (bloc leader or Board)
# ---------------------------------------------------------------------------
def meeting_list(request: HttpRequest, pk: int) -> HttpResponse:
    bloc = perms.get_bloc_for_user_or_404(request.user, pk)
    page = queries.paginate(queries.meetings_of(bloc), request.GET.get("page"))
    return render(
        request,
        "blocs/meeting_list.html",
        {"bloc": bloc, "page_obj": page, "can_manage": perms.can_manage_meetings(request.user, bloc)},
    )


def meeting_create(request: HttpRequest, pk: int) -> HttpResponse:
    bloc = perms.get_bloc_for_user_or_404(request.user, pk)
    if not perms.can_manage_meetings(request.user, bloc):
        raise PermissionDenied
    year = queries.open_year_of(bloc.organization)
    members = queries.member_enterprises(bloc, year)
    form = MeetingForm(request.POST or None, request.FILES or None, members=members)
    if request.method == "POST" and form.is_valid():
        try:
            if year is None:
                raise ValidationError(_("Open a year first."))
            meeting_services.create_meeting(
                bloc=bloc, year=year, data=form.cleaned_data, created_by=request.user
            )
        except ValidationError as exc:
            add_service_errors(form, exc)
        else:
            messages.success(request, _("The meeting was recorded."))
            return redirect("blocs:meeting_list", bloc.pk)
    return render(request, "blocs/form_page.html", {"form": form, "title": _("New meeting — %s") % bloc.name})


def meeting_detail(request: HttpRequest, pk: int) -> HttpResponse:
    meeting = perms.get_meeting_for_user_or_404(request.user, pk)
    return render(
        request,
        "blocs/meeting_detail.html",
        {"meeting": meeting, "attendees": meeting.attendees.order_by("name")},
    )


# ---------------------------------------------------------------------------
# Applications
# ---------------------------------------------------------------------------
def application_list(request: HttpRequest) -> HttpResponse:
    board = perms.require_blocs_staff(request.user)
    status = request.GET.get("status", ApplicationStatus.SUBMITTED)
    status = "" if status == "all" else status
    if status not in ApplicationStatus.values:
        status = ""
    page = queries.paginate(queries.applications_for_board(board, status=status), request.GET.get("page"))
    return render(
        request,
        "blocs/application_list.html",
        {
            "page_obj": page,
            "status": status,
            "statuses": ApplicationStatus.choices,
            "query_string": _query_string(request),
            "can_manage": perms.can_manage_blocs(request.user),
        },
    )


def application_detail(request: HttpRequest, pk: int) -> HttpResponse:
    application = perms.get_application_for_user_or_404(request.user, pk)
    can_decide = perms.can_manage_blocs(request.user) and application.status == ApplicationStatus.SUBMITTED
    board = application.enterprise.organization
    return render(
        request,
        "blocs/application_detail.html",
        {
            "application": application,
            "can_decide": can_decide,
            "approve_form": ApproveForm(board=board, initial={"bloc": application.preferred_bloc}),
            "reject_form": ReasonForm(),
        },
    )


@require_POST
def application_approve(request: HttpRequest, pk: int) -> HttpResponse:
    application = perms.get_application_for_user_or_404(request.user, pk, for_write=True)
    form = ApproveForm(request.POST, board=application.enterprise.organization)
    if form.is_valid():
        try:
            application_services.approve_application(
                application=application, bloc=form.cleaned_data["bloc"], decided_by=request.user
            )
        except ValidationError as exc:
            message_service_errors(request, exc)
        else:
            messages.success(request, _("The application was approved."))
            return redirect("blocs:application_list")
    return redirect("blocs:application_detail", application.pk)


@require_POST
def application_reject(request: HttpRequest, pk: int) -> HttpResponse:
    application = perms.get_application_for_user_or_404(request.user, pk, for_write=True)
    form = ReasonForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Give the reason for the rejection."))
        return redirect("blocs:application_detail", application.pk)
    try:
        application_services.reject_application(
            application=application, reason=form.cleaned_data["reason"], decided_by=request.user
        )
    except ValidationError as exc:
        message_service_errors(request, exc)
        return redirect("blocs:application_detail", application.pk)
    messages.success(request, _("The application was rejected."))
    return redirect("blocs:application_list")


# ---------------------------------------------------------------------------
# Consolidation decisions
# ---------------------------------------------------------------------------
def decision_list(request: HttpRequest) -> HttpResponse:
    board = perms.require_blocs_staff(request.user)
    page = queries.paginate(queries.decisions_for_board(board), request.GET.get("page"))
    return render(
        request,
        "blocs/decision_list.html",
        {
            "page_obj": page,
            "year": queries.open_year_of(board),
            "can_manage": perms.can_manage_blocs(request.user),
        },
    )


@require_POST
def decision_issue(request: HttpRequest) -> HttpResponse:
    board = perms.require_blocs_staff(request.user, for_write=True)
    year = queries.open_year_of(board)
    if year is None:
        messages.error(request, _("Open a year first."))
        return redirect("blocs:decision_list")
    signer = signers_of(board).first()
    try:
        decision = decision_services.issue_consolidation_decision(
            year=year, issued_by=request.user, signer=signer
        )
    except ValidationError as exc:
        message_service_errors(request, exc)
        return redirect("blocs:decision_list")
    messages.success(request, _("The consolidation decision was issued; its PDF is being produced."))
    return redirect("blocs:decision_detail", decision.pk)


def decision_detail(request: HttpRequest, pk: int) -> HttpResponse:
    decision = perms.get_decision_for_user_or_404(request.user, pk)
    return render(
        request, "blocs/decision_detail.html", {"decision": decision, "document": decision.document}
    )


# ---------------------------------------------------------------------------
# Elections
# ---------------------------------------------------------------------------
def election_list(request: HttpRequest) -> HttpResponse:
    board = perms.require_blocs_staff(request.user)
    sessions = queries.paginate(
        voting_queries.sessions_for_board(board).filter(purpose=VotingPurpose.ELECTION),
        request.GET.get("page"),
    )
    can_manage = perms.can_manage_blocs(request.user)
    return render(
        request,
        "blocs/election_list.html",
        {
            "page_obj": sessions,
            "form": ElectionForm(board=board) if can_manage else None,
            "can_manage": can_manage,
        },
    )


@require_POST
def election_create(request: HttpRequest) -> HttpResponse:
    board = perms.require_blocs_staff(request.user, for_write=True)
    form = ElectionForm(request.POST, board=board)
    year = queries.open_year_of(board)
    if not form.is_valid() or year is None:
        messages.error(request, _("Choose a bloc of an open year."))
        return redirect("blocs:election_list")
    try:
        session = election_services.create_leader_election(
            bloc=form.cleaned_data["bloc"], year=year, created_by=request.user
        )
    except ValidationError as exc:
        message_service_errors(request, exc)
        return redirect("blocs:election_list")
    messages.success(request, _("The election was created."))
    return redirect("blocs:election_detail", session.pk)


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
        "blocs/election_detail.html",
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
    session = perms.get_voting_session_for_user_or_404(request.user, pk, action="run")
    try:
        voting_services.open_voting_session(session=session, opened_by=request.user)
    except ValidationError as exc:
        message_service_errors(request, exc)
    return redirect("blocs:election_detail", session.pk)


@require_POST
def election_close(request: HttpRequest, pk: int) -> HttpResponse:
    session = perms.get_voting_session_for_user_or_404(request.user, pk, action="run")
    try:
        voting_services.close_voting_session(session=session, closed_by=request.user)
    except ValidationError as exc:
        message_service_errors(request, exc)
    return redirect("blocs:election_detail", session.pk)


@require_POST
def election_confirm(request: HttpRequest, pk: int) -> HttpResponse:
    session = perms.get_voting_session_for_user_or_404(request.user, pk, action="confirm")
    try:
        voting_services.confirm_voting_result(session=session, confirmed_by=request.user)
    except ValidationError as exc:
        message_service_errors(request, exc)
    return redirect("blocs:election_detail", session.pk)


@require_POST
def election_vote(request: HttpRequest, pk: int) -> HttpResponse:
    session = perms.get_voting_session_for_user_or_404(request.user, pk, action="vote")
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
    return redirect("blocs:election_detail", session.pk)


# ---------------------------------------------------------------------------
# The enterprise's own pages
# ---------------------------------------------------------------------------
def my_enterprise(request: HttpRequest) -> HttpResponse:
    enterprise = perms.get_own_enterprise_or_404(request.user)
    year = queries.open_year_of(enterprise.organization)
    membership = (
        queries.enterprise_history(enterprise).filter(year=year, status="ACTIVE").first()
        if year is not None
        else None
    )
    return render(
        request,
        "blocs/my_enterprise.html",
        {
            "enterprise": enterprise,
            "year": year,
            "membership": membership,
            "applications": queries.applications_of(enterprise)[:10],
            "can_edit": perms.is_representative_of(request.user, enterprise),
            "can_apply": year is not None and membership is None,
            "application_form": ApplicationForm(board=enterprise.organization),
        },
    )


def my_enterprise_edit(request: HttpRequest) -> HttpResponse:
    enterprise = perms.get_own_enterprise_or_404(request.user, for_profile=True)
    form = EnterpriseProfileForm(request.POST or None, instance=enterprise)
    if request.method == "POST" and form.is_valid():
        data = {name: form.cleaned_data[name] for name in form.changed_data}
        enterprise.refresh_from_db()
        try:
            enterprise_services.update_enterprise_profile(
                enterprise=enterprise, data=data, updated_by=request.user
            )
        except ValidationError as exc:
            add_service_errors(form, exc)
        else:
            messages.success(request, _("Your enterprise's details were saved."))
            return redirect("blocs:my_enterprise")
    return render(request, "blocs/form_page.html", {"form": form, "title": enterprise.name})


@require_POST
def my_application_submit(request: HttpRequest) -> HttpResponse:
    enterprise = perms.get_own_enterprise_or_404(request.user)
    year = queries.open_year_of(enterprise.organization)
    form = ApplicationForm(request.POST, board=enterprise.organization)
    if year is None or not form.is_valid():
        messages.error(request, _("There is no open year to apply for."))
        return redirect("blocs:my_enterprise")
    try:
        application_services.submit_application(
            enterprise=enterprise,
            year=year,
            submitted_by=request.user,
            preferred_bloc=form.cleaned_data["preferred_bloc"],
            note=form.cleaned_data["note"],
        )
    except ValidationError as exc:
        message_service_errors(request, exc)
    else:
        messages.success(request, _("Your application was sent to the Board."))
    return redirect("blocs:my_enterprise")


def my_blocs(request: HttpRequest) -> HttpResponse:
    """The bloc leader's entry: the blocs their enterprise leads (usually one)."""
    perms.get_own_enterprise_or_404(request.user)
    led = queries.led_bloc_ids(request.user)
    if len(led) == 1:
        return redirect("blocs:bloc_detail", next(iter(led)))
    blocs = queries.blocs_with_ids(led)
    return render(request, "blocs/my_blocs.html", {"blocs": blocs})
