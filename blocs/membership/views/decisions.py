"""The consolidation decision (Quyết định kiện toàn) of the open year."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from blocs.membership import permissions as perms
from blocs.membership import queries, services
from thidua.accounts.permissions import MANAGER_ROLES, require_board_staff
from thidua.accounts.queries import signers_of
from thidua.formtools import message_service_errors
from thidua.pagination import paginate


def decision_list(request: HttpRequest) -> HttpResponse:
    board = require_board_staff(request.user)
    page = paginate(queries.decisions_for_board(board), request.GET.get("page"))
    return render(
        request,
        "blocs/membership/decision_list.html",
        {
            "page_obj": page,
            "year": queries.open_year_of(board),
            "can_manage": perms.can_manage_blocs(request.user),
        },
    )


@require_POST
def decision_issue(request: HttpRequest) -> HttpResponse:
    board = require_board_staff(request.user, MANAGER_ROLES)
    year = queries.open_year_of(board)
    if year is None:
        messages.error(request, _("Open a year first."))
        return redirect("membership:decision_list")
    signer = signers_of(board).first()
    try:
        decision = services.issue_consolidation_decision(
            year=year, issued_by=request.user, signer=signer
        )
    except ValidationError as exc:
        message_service_errors(request, exc)
        return redirect("membership:decision_list")
    messages.success(request, _("The consolidation decision was issued; its PDF is being produced."))
    return redirect("membership:decision_detail", decision.pk)


def decision_detail(request: HttpRequest, pk: int) -> HttpResponse:
    decision = perms.get_decision_for_user_or_404(request.user, pk)
    return render(
        request, "blocs/membership/decision_detail.html", {"decision": decision, "document": decision.document}
    )
