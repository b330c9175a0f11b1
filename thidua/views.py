"""Project-level pages: the home page and the error pages."""

from django.contrib.auth.decorators import login_not_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from thidua.waiting import waiting_for


def home(request: HttpRequest) -> HttpResponse:
    """The cards of the apps, and at the top what waits for the user (each app says, ``thidua.waiting``)."""
    return render(request, "home.html", {"waiting": waiting_for(request.user)})


@login_not_required
def error_403(request: HttpRequest, exception=None) -> HttpResponse:
    return render(request, "403.html", status=403)


@login_not_required
def error_404(request: HttpRequest, exception=None) -> HttpResponse:
    return render(request, "404.html", status=404)


@login_not_required
def error_500(request: HttpRequest) -> HttpResponse:
    return render(request, "500.html", status=500)
