from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from thidua.notifications import queries, services
from thidua.notifications.forms import EmailPreferencesForm
from thidua.notifications.kinds import all_kinds

LIST_SIZE = 50


def notification_list(request: HttpRequest) -> HttpResponse:
    if request.method == "POST":
        services.mark_notifications_read(user=request.user)
        return redirect("notifications:notification_list")
    notifications = list(queries.notifications_for(request.user)[:LIST_SIZE])
    return render(request, "notifications/notification_list.html", {"notifications": notifications})


def notification_count(request: HttpRequest) -> HttpResponse:
    """htmx fragment for the navbar bell (loaded after the page, so pages keep their query counts)."""
    return render(
        request, "notifications/includes/_count.html", {"count": queries.unread_count(request.user)}
    )


def notification_preferences(request: HttpRequest) -> HttpResponse:
    """Each user chooses, per kind, the e-mail at once, in the daily digest, or none (the bell stays)."""
    form = EmailPreferencesForm(
        request.POST or None, kinds=all_kinds(), current=queries.email_preferences_of(request.user)
    )
    if request.method == "POST" and form.is_valid():
        services.set_email_preferences(user=request.user, deliveries=form.deliveries())
        messages.success(request, _("Your e-mail preferences were saved."))
        return redirect("notifications:notification_preferences")
    return render(request, "notifications/notification_preferences.html", {"form": form})
