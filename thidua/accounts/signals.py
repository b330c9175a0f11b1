"""Auth events to the audit log. Receivers only record; they decide nothing (style.md 3.10)."""

from axes.signals import user_locked_out
from django.contrib.auth import signals as auth_signals
from django.dispatch import receiver

from thidua.audit.services import record_event


@receiver(auth_signals.user_logged_in)
def audit_login(sender, request, user, **kwargs):
    record_event(action="auth.login", actor=user, obj=user, request=request)


@receiver(auth_signals.user_logged_out)
def audit_logout(sender, request, user, **kwargs):
    if user is not None:
        record_event(action="auth.logout", actor=user, obj=user, request=request)


@receiver(auth_signals.user_login_failed)
def audit_login_failed(sender, credentials, request=None, **kwargs):
    username = (credentials or {}).get("username", "")
    record_event(action="auth.login_failed", actor_label=str(username)[:255], request=request)


@receiver(user_locked_out)
def audit_locked_out(sender, request, username, ip_address, **kwargs):
    record_event(action="auth.locked_out", actor_label=str(username or "")[:255], request=request)
