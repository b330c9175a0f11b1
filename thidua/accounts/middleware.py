from urllib.parse import urlencode

from django.shortcuts import redirect
from django.urls import reverse

from thidua.accounts.permissions import is_board_staff

# Paths a Board staff member may reach before proving a second factor.
ALLOWED_PREFIXES = (
    "/accounts/login/",
    "/accounts/logout/",
    "/accounts/2fa/",
    "/password/reset/",
    "/accounts/invitations/",
    "/static/",
    "/i18n/",
    "/verify/",
)


class SecondFactorMiddleware:
    """Board staff, and anyone who enrolled an authenticator app (enterprise users opt in), must pass TOTP
    (or a backup code) before anything else: a confirmed device is always asked for."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        user = request.user
        if (
            user.is_authenticated
            and not user.is_verified()
            and (is_board_staff(user) or getattr(user, "has_totp_device", False))
            and not request.path.startswith(ALLOWED_PREFIXES)
        ):
            return redirect(
                f"{reverse('accounts:two_factor')}?{urlencode({'next': request.get_full_path()})}"
            )
        return self.get_response(request)
