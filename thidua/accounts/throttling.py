"""How django-axes names the account it counts failures for."""

from django.conf import settings


def lockout_username(request, credentials: dict | None = None) -> str | None:
    """The e-mail address as the login matches it (case-insensitively), so ``A@x.vn`` and ``a@x.vn``
    share one failure count: changing the case must not buy an attacker five more tries."""
    field = settings.AXES_USERNAME_FORM_FIELD
    source = credentials or getattr(request, "data", request.POST)
    username = source.get(field)
    return username.strip().lower() if username else username
