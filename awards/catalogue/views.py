"""Thin views of the catalogue: the award types with their money today, and the quota rules of a year."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from awards.catalogue import permissions as perms
from awards.catalogue import queries
from awards.catalogue.forms import QuotaRuleForm
from awards.catalogue.rules import award_money
from awards.catalogue.services import quotas as quota_services
from awards.enums import SubjectKind
from blocs.membership.permissions import get_year_for_user_or_404
from blocs.membership.queries import years_for_board
from thidua.accounts.permissions import Access, is_board_staff
from thidua.formtools import add_service_errors, message_service_errors


def award_type_list(request: HttpRequest) -> HttpResponse:
    board = perms.require_catalogue_reader(request.user)
    today = timezone.localdate()
    salary = queries.base_salary_on(today)
    amount = salary.amount if salary else 0
    types = list(queries.award_types())
    rows = [
        {
            "type": t,
            "printed_name": t.printed_name(board),
            "collective": award_money(multiplier=t.money_collective, base_salary=amount),
            "individual": award_money(multiplier=t.money_individual, base_salary=amount),
        }
        for t in types
    ]
    return render(
        request,
        "awards/catalogue/award_type_list.html",
        {
            "rows": rows,
            "salary": salary,
            "salaries": list(queries.base_salaries()),
            "today": today,
            "subject_kinds": SubjectKind,
            "years": list(years_for_board(board)[:5]) if is_board_staff(request.user) else [],
        },
    )


def quota_list(request: HttpRequest, pk: int) -> HttpResponse:
    year = get_year_for_user_or_404(request.user, pk, access=Access.VIEW)
    can_manage = perms.can_manage_awards(request.user)
    rules = list(queries.quota_rules_for(year))
    blocs = queries.bloc_member_counts(year)
    caps = [
        {
            "rule": rule,
            "blocs": [
                {"bloc": bloc, "members": bloc.members, "cap": rule.cap_for(bloc.members)}
                for bloc in blocs
                if (
                    rule.scope == "EACH_BLOC"
                    and (bloc.eligible_for_provincial_flag or not rule.eligible_blocs_only)
                )
                or rule.bloc_id == bloc.pk
            ],
            "board_cap": rule.cap_for(sum(b.members for b in blocs)) if rule.scope == "BOARD" else None,
        }
        for rule in rules
    ]
    form = QuotaRuleForm(board=year.organization) if can_manage and year.is_open else None
    return render(
        request,
        "awards/catalogue/quota_list.html",
        {"year": year, "caps": caps, "form": form, "can_manage": can_manage and year.is_open},
    )


@require_POST
def quota_create(request: HttpRequest, pk: int) -> HttpResponse:
    year = get_year_for_user_or_404(request.user, pk, access=Access.CHANGE)
    form = QuotaRuleForm(request.POST, board=year.organization)
    if form.is_valid():
        try:
            quota_services.create_quota_rule(year=year, created_by=request.user, **form.cleaned_data)
        except ValidationError as exc:
            message_service_errors(request, exc)
        else:
            messages.success(request, _("The quota rule was added."))
    else:
        for errors in form.errors.values():
            for error in errors:
                messages.error(request, error)
    return redirect("catalogue:quota_list", year.pk)


@require_POST
def quota_defaults(request: HttpRequest, pk: int) -> HttpResponse:
    year = get_year_for_user_or_404(request.user, pk, access=Access.CHANGE)
    try:
        created = quota_services.add_default_quotas(year=year, added_by=request.user)
    except ValidationError as exc:
        message_service_errors(request, exc)
    else:
        messages.success(request, _("%(n)d default rules were added.") % {"n": len(created)})
    return redirect("catalogue:quota_list", year.pk)


def quota_edit(request: HttpRequest, pk: int) -> HttpResponse:
    rule = perms.get_quota_rule_for_user_or_404(request.user, pk, access=Access.CHANGE)
    form = QuotaRuleForm(request.POST or None, instance=rule, board=rule.year.organization)
    if request.method == "POST" and form.is_valid():
        try:
            quota_services.update_quota_rule(rule=rule, updated_by=request.user, **form.cleaned_data)
        except ValidationError as exc:
            add_service_errors(form, exc)
        else:
            messages.success(request, _("Saved."))
            return redirect("catalogue:quota_list", rule.year_id)
    return render(request, "blocs/form_page.html", {"form": form, "title": _("Quota rule")})


@require_POST
def quota_delete(request: HttpRequest, pk: int) -> HttpResponse:
    rule = perms.get_quota_rule_for_user_or_404(request.user, pk, access=Access.CHANGE)
    try:
        quota_services.delete_quota_rule(rule=rule, deleted_by=request.user)
    except ValidationError as exc:
        message_service_errors(request, exc)
    else:
        messages.success(request, _("The quota rule was removed."))
    return redirect("catalogue:quota_list", rule.year_id)
