"""Thin views of the exemplars."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.db.models import Count, Q
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from awards.catalogue.permissions import can_manage_awards
from awards.exemplars import services
from awards.exemplars.forms import ExemplarForm
from awards.exemplars.models import Exemplar
from awards.exemplars.permissions import get_exemplar_to_propose_or_404
from blocs.register.permissions import board_or_404
from blocs.register.queries import enterprise_of
from thidua.accounts.permissions import MANAGER_ROLES, is_board_staff, require_board_staff
from thidua.formtools import add_service_errors, message_service_errors
from thidua.pagination import paginate


def exemplar_list(request: HttpRequest) -> HttpResponse:
    """The Board's staff see every record; an enterprise's users the public ones and their own enterprise's."""
    board = board_or_404(request.user)
    rows = Exemplar.objects.filter(organization=board).select_related("enterprise", "year", "nomination")
    if not is_board_staff(request.user):
        link = enterprise_of(request.user)
        rows = rows.filter(Q(public=True) | Q(enterprise_id=link.enterprise_id if link else None))
    counts = list(rows.values("year__year").annotate(n=Count("pk")).order_by("-year__year"))
    return render(
        request,
        "awards/exemplars/exemplar_list.html",
        {
            "page_obj": paginate(rows, request.GET.get("page")),
            "counts": counts,
            "can_manage": can_manage_awards(request.user),
        },
    )


def exemplar_create(request: HttpRequest) -> HttpResponse:
    board = require_board_staff(request.user, MANAGER_ROLES)
    form = ExemplarForm(request.POST or None, request.FILES or None, board=board)
    if request.method == "POST" and form.is_valid():
        try:
            services.record_exemplar(recorded_by=request.user, **form.cleaned_data)
        except ValidationError as exc:
            add_service_errors(form, exc)
        else:
            messages.success(request, _("The exemplar is recorded."))
            return redirect("exemplars:exemplar_list")
    return render(request, "blocs/form_page.html", {"form": form, "title": _("Good person, good deed")})


@require_POST
def exemplar_propose(request: HttpRequest, pk: int) -> HttpResponse:
    exemplar = get_exemplar_to_propose_or_404(request.user, pk)
    try:
        exemplar = services.propose_exemplar(exemplar=exemplar, proposed_by=request.user)
    except ValidationError as exc:
        message_service_errors(request, exc)
        return redirect("exemplars:exemplar_list")
    messages.success(request, _("Proposed for the ad-hoc Giấy khen: complete the dossier."))
    return redirect("nominations:nomination_detail", exemplar.nomination_id)
