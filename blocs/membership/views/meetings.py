"""Bloc meetings (kept by the bloc leader or the Board) and their signed minutes."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from blocs.membership import permissions as perms
from blocs.membership import queries, services
from blocs.membership.forms import MeetingForm
from thidua.accounts.permissions import require
from thidua.documents.uploads import pdf_attachment
from thidua.formtools import add_service_errors
from thidua.pagination import paginate


def meeting_list(request: HttpRequest, pk: int) -> HttpResponse:
    bloc = perms.get_bloc_for_user_or_404(request.user, pk)
    page = paginate(queries.meetings_of(bloc), request.GET.get("page"))
    return render(
        request,
        "blocs/membership/meeting_list.html",
        {"bloc": bloc, "page_obj": page, "can_manage": perms.can_manage_meetings(request.user, bloc)},
    )


def meeting_create(request: HttpRequest, pk: int) -> HttpResponse:
    bloc = perms.get_bloc_for_user_or_404(request.user, pk)
    require(perms.can_manage_meetings(request.user, bloc))
    year = queries.open_year_of(bloc.organization)
    members = queries.member_enterprises(bloc, year)
    form = MeetingForm(request.POST or None, request.FILES or None, members=members)
    if request.method == "POST" and form.is_valid():
        try:
            if year is None:
                raise ValidationError(_("Open a year first."))
            services.create_meeting(
                bloc=bloc, year=year, data=form.cleaned_data, created_by=request.user
            )
        except ValidationError as exc:
            add_service_errors(form, exc)
        else:
            messages.success(request, _("The meeting was recorded."))
            return redirect("membership:meeting_list", bloc.pk)
    return render(request, "blocs/form_page.html", {"form": form, "title": _("New meeting — %s") % bloc.name})


def meeting_detail(request: HttpRequest, pk: int) -> HttpResponse:
    meeting = perms.get_meeting_for_user_or_404(request.user, pk)
    return render(
        request,
        "blocs/membership/meeting_detail.html",
        {"meeting": meeting, "attendees": meeting.attendees.order_by("name")},
    )


def meeting_file_download(request: HttpRequest, pk: int) -> FileResponse:
    meeting = perms.get_meeting_for_user_or_404(request.user, pk)
    if not meeting.file:
        raise Http404
    return pdf_attachment(meeting.file, f"Biên bản họp {meeting.bloc.code} {meeting.date:%d-%m-%Y}.pdf")
