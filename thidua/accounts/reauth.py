"""Re-authentication just before a signature: the password again, and the authenticator code when the person
has a confirmed device. Used by every act of signing (a Board document, a pledge), so there is one rule."""

from django_otp import devices_for_user, match_token

from thidua.accounts.enums import AuthMethod


def has_totp(user) -> bool:
    return any(True for _device in devices_for_user(user, confirmed=True))


def reauthenticate(user, *, password: str, otp_token: str = "") -> str | None:
    """The ``AuthMethod`` if the password (and the TOTP code, when the user has a device) are right, else
    None. A code is accepted once per time step (django-otp), so a replayed code fails."""
    if not password or not user.check_password(password):
        return None
    if has_totp(user):
        if not otp_token or match_token(user, otp_token.strip()) is None:
            return None
        return AuthMethod.PASSWORD_TOTP
    return AuthMethod.PASSWORD
