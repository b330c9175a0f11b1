from django.contrib.auth.backends import ModelBackend
from django.db.models import Exists, OuterRef
from django_otp.plugins.otp_totp.models import TOTPDevice

from thidua.accounts.models import User


class EmailBackend(ModelBackend):
    """Django's model backend. The user of each request comes with the Board and whether a confirmed TOTP
    device exists (the second-factor gate asks for it), in one query instead of three."""

    def get_user(self, user_id):
        user = (
            User._default_manager.select_related("organization")
            .annotate(has_totp_device=Exists(TOTPDevice.objects.filter(user=OuterRef("pk"), confirmed=True)))
            .filter(pk=user_id)
            .first()
        )
        if user is None or not self.user_can_authenticate(user):
            return None
        return user
