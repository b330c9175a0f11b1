from django.contrib.auth.backends import ModelBackend

from thidua.accounts.models import User


class EmailBackend(ModelBackend):
    """Django's model backend, loading the user's Board with the user (one query instead of two per request)."""

    def get_user(self, user_id):
        user = User._default_manager.select_related("organization").filter(pk=user_id).first()
        if user is None or not self.user_can_authenticate(user):
            return None
        return user
