"""Idle session expiry without a database write on every request."""

import time

from django.conf import settings

REFRESHED_KEY = "_refreshed_at"


class SessionRefreshMiddleware:
    """Push a signed-in session's expiry forward at most every SESSION_REFRESH_INTERVAL seconds.

    Sessions then expire after SESSION_COOKIE_AGE of inactivity (give or take the interval), while most
    requests read the session without writing it back.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        session = getattr(request, "session", None)
        if session is not None and session.get("_auth_user_id"):
            now = int(time.time())
            if now - session.get(REFRESHED_KEY, 0) >= settings.SESSION_REFRESH_INTERVAL:
                session[REFRESHED_KEY] = now
        return self.get_response(request)
