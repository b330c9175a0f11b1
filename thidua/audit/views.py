from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from thidua.accounts.permissions import can_view_audit_log, require, require_board_staff
from thidua.audit.queries import events_for_board
from thidua.pagination import paginate


def event_list(request: HttpRequest) -> HttpResponse:
    board = require_board_staff(request.user)
    require(can_view_audit_log(request.user))
    page = paginate(events_for_board(board), request.GET.get("page"), per_page=50)
    return render(request, "audit/event_list.html", {"page_obj": page})
