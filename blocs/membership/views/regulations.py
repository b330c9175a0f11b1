"""The bloc's regulation: its versions, a new version (recorded by the bloc's leader as the members agreed to
it, then confirmed or returned by the Board; or recorded by the Board itself), the adopted PDF.

Thin views: load through an accessor (which checks permission), call one service, respond. Stored PDFs are
only ever streamed from here, after the accessor's check; MEDIA_URL is served by nothing.
"""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from blocs.enums import RegulationStatus
from blocs.membership import permissions as perms
from blocs.membership import queries, services
from blocs.membership.forms import ReasonForm, RegulationForm
from blocs.membership.rules import merge_rules
from thidua.accounts.permissions import Access
from thidua.documents.uploads import pdf_attachment
from thidua.formtools import add_service_errors, message_service_errors
from thidua.pagination import paginate


def regulation_list(request: HttpRequest, pk: int) -> HttpResponse:
    bloc = perms.get_bloc_for_user_or_404(request.user, pk)
    page = paginate(queries.regulations_of(bloc), request.GET.get("page"))
    return render(
        request,
        "blocs/membership/regulation_list.html",
        {
            "bloc": bloc,
            "page_obj": page,
            "in_force": queries.current_regulation(bloc),
            "can_record": perms.can_propose_regulation(request.user, bloc),
        },
    )


def _initial_for(bloc) -> dict:
    """A new version starts from the rules in force: the bloc's regulation, or the open year's settings."""
    latest = queries.current_regulation(bloc)
    if latest is not None:
        return {name: getattr(latest, name) for name in services.REGULATION_FIELDS if name != "adopted_on"}
    year = queries.open_year_of(bloc.organization_id)
    rules = merge_rules(None, year.settings if year is not None else {})
    return {
        "quorum_ratio": rules.quorum_ratio,
        "vote_threshold_ratio": rules.vote_threshold_ratio,
        "enterprise_report_day": rules.enterprise_report_day,
        "bloc_report_day": rules.bloc_report_day,
        "leader_consecutive_terms_allowed": rules.leader_consecutive_terms_allowed,
        "tie_rule": rules.tie_rule,
    }


def regulation_create(request: HttpRequest, pk: int) -> HttpResponse:
    """The Board records a version in force at once; the bloc's leader records one for the Board to confirm."""
    bloc = perms.get_bloc_for_user_or_404(request.user, pk, access=Access.SIGN)
    members = queries.member_enterprises(bloc, queries.open_year_id(bloc.organization_id))
    form = RegulationForm(request.POST or None, request.FILES or None, initial=_initial_for(bloc), members=members)
    if request.method == "POST" and form.is_valid():
        data = {name: form.cleaned_data[name] for name in services.REGULATION_FIELDS}
        common = {
            "bloc": bloc,
            "data": data,
            "agreed_members": form.cleaned_data["agreed_members"],
            "file": form.cleaned_data.get("file") or None,
        }
        try:
            if perms.can_manage_blocs(request.user):
                regulation = services.adopt_regulation(adopted_by=request.user, **common)
            else:
                regulation = services.propose_regulation(proposed_by=request.user, **common)
        except ValidationError as exc:
            add_service_errors(form, exc)
        else:
            messages.success(
                request,
                _("Version %(version)d of the regulation was recorded.") % {"version": regulation.version},
            )
            return redirect("membership:regulation_detail", regulation.pk)
    return render(
        request,
        "blocs/form_page.html",
        {"form": form, "title": _("New version of the regulation — %s") % bloc.name},
    )


def regulation_detail(request: HttpRequest, pk: int) -> HttpResponse:
    regulation = perms.get_regulation_for_user_or_404(request.user, pk)
    latest = queries.current_regulation(regulation.bloc)
    return render(
        request,
        "blocs/membership/regulation_detail.html",
        {
            "regulation": regulation,
            "bloc": regulation.bloc,
            "in_force": latest is not None and latest.pk == regulation.pk,
            "agreed_members": list(regulation.agreed_members.order_by("name")),
            "can_confirm": perms.can_manage_blocs(request.user) and regulation.status == RegulationStatus.PROPOSED,
        },
    )


@require_POST
def regulation_confirm(request: HttpRequest, pk: int) -> HttpResponse:
    regulation = perms.get_regulation_for_user_or_404(request.user, pk, access=Access.CONFIRM)
    try:
        services.confirm_regulation(regulation=regulation, confirmed_by=request.user)
    except ValidationError as exc:
        message_service_errors(request, exc)
    else:
        messages.success(request, _("The version is confirmed and now in force."))
    return redirect("membership:regulation_detail", regulation.pk)


@require_POST
def regulation_return(request: HttpRequest, pk: int) -> HttpResponse:
    regulation = perms.get_regulation_for_user_or_404(request.user, pk, access=Access.CONFIRM)
    form = ReasonForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Give the reason for returning it."))
        return redirect("membership:regulation_detail", regulation.pk)
    try:
        services.return_regulation(regulation=regulation, reason=form.cleaned_data["reason"], returned_by=request.user)
    except ValidationError as exc:
        message_service_errors(request, exc)
    else:
        messages.success(request, _("The version was returned to the bloc."))
    return redirect("membership:regulation_detail", regulation.pk)


def regulation_download(request: HttpRequest, pk: int) -> FileResponse:
    regulation = perms.get_regulation_for_user_or_404(request.user, pk)
    if not regulation.file:
        raise Http404
    # The file is a Vietnamese legal text: its name is Vietnamese whatever the UI language (like the decisions').
    return pdf_attachment(
        regulation.file, f"Quy chế hoạt động {regulation.bloc.code} - phiên bản {regulation.version}.pdf"
    )
