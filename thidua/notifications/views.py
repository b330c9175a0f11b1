from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render

from thidua.notifications import queries, services

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
