"""Failed password checks (django-axes): how the account is named, the limit per IP address across
accounts, the lock-out page, and the one password check that every re-entry of a password goes through.

- Per account and address: ``AXES_FAILURE_LIMIT`` failures of one e-mail address from one IP address
  lock that pair for ``AXES_COOLOFF_TIME`` (axes' own rule).
- Per address (password spraying: many accounts, one or two guesses each): ``LOGIN_IP_FAILURE_LIMIT``
  failures from one IP address, whatever the accounts, lock every sign-in from it for the same time.
- The login form, the password change form and the password re-entry before signing all check the
  password through :func:`password_matches`, so they count toward the same limits and obey the same lock.
"""

from axes.attempts import get_cool_off_threshold
from axes.handlers.database import AxesDatabaseHandler
from axes.helpers import get_cool_off, get_failure_limit
from axes.models import AccessAttempt
from django.conf import settings
from django.contrib.auth import authenticate
from django.db.models import Sum
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render


def lockout_username(request, credentials: dict | None = None) -> str | None:
    """The e-mail address as the login matches it (case-insensitively), so ``A@x.vn`` and ``a@x.vn``
    share one failure count: changing the case must not buy an attacker five more tries."""
    field = settings.AXES_USERNAME_FORM_FIELD
    source = credentials or getattr(request, "data", request.POST)
    username = source.get(field)
    return username.strip().lower() if username else username


def address_failures(request: HttpRequest) -> int:
    """Failed password checks from the request's IP address within the cool-off, all accounts together."""
    recent = AccessAttempt.objects.filter(
        ip_address=request.axes_ip_address, attempt_time__gte=get_cool_off_threshold(request)
    )
    return recent.aggregate(total=Sum("failures_since_start"))["total"] or 0


def address_locked(request: HttpRequest) -> bool:
    return address_failures(request) >= settings.LOGIN_IP_FAILURE_LIMIT


class LoginFailureHandler(AxesDatabaseHandler):
    """axes' database handler; an address over its own limit counts as locked for every account."""

    def get_failures(self, request, credentials: dict | None = None) -> int:
        failures = super().get_failures(request, credentials)
        if address_locked(request):
            return max(failures, get_failure_limit(request, credentials))
        return failures


def lockout_response(request: HttpRequest, original_response=None, credentials=None) -> HttpResponse:
    """The lock-out page (HTTP 429), saying whether the account or the whole address is locked."""
    context = {
        "failure_limit": get_failure_limit(request, credentials),
        "address_limit": settings.LOGIN_IP_FAILURE_LIMIT,
        "address_locked": address_locked(request),
        "cooloff_timedelta": get_cool_off(request),
    }
    return render(request, "accounts/locked_out.html", context, status=settings.AXES_HTTP_RESPONSE_CODE)


def password_matches(request: HttpRequest, user, password: str) -> bool:
    """Whether ``password`` is ``user``'s, checked through the authentication backends as at login: a
    failure counts toward the lock-out of that account and address, and a locked-out pair is refused even
    with the right password (the response then becomes the lock-out page)."""
    authenticated = authenticate(request, username=user.get_username(), password=password or "")
    return authenticated is not None and authenticated.pk == user.pk
