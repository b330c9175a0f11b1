"""The representative names (or revokes) the delegate who acts for the enterprise in its bloc."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from blocs.membership import queries, services
from blocs.membership.forms import DelegateForm
from blocs.register.permissions import get_own_enterprise_or_404
from thidua.accounts.permissions import Access
from thidua.formtools import message_service_errors


@require_POST
def delegate_name(request: HttpRequest) -> HttpResponse:
    enterprise = get_own_enterprise_or_404(request.user, access=Access.CHANGE)
    form = DelegateForm(request.POST, links=queries.delegate_candidates(enterprise))
    if not form.is_valid():
        messages.error(request, _("Choose one of your enterprise's reporters."))
        return redirect("register:my_enterprise")
    try:
        services.name_delegate(enterprise=enterprise, delegate=form.cleaned_data["delegate"], named_by=request.user)
    except ValidationError as exc:
        message_service_errors(request, exc)
    else:
        messages.success(request, _("The delegate now acts for your enterprise in its bloc."))
    return redirect("register:my_enterprise")


@require_POST
def delegate_revoke(request: HttpRequest) -> HttpResponse:
    enterprise = get_own_enterprise_or_404(request.user, access=Access.CHANGE)
    try:
        services.revoke_delegate(enterprise=enterprise, revoked_by=request.user)
    except ValidationError as exc:
        message_service_errors(request, exc)
    else:
        messages.success(request, _("The delegation was revoked."))
    return redirect("register:my_enterprise")
