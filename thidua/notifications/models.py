from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from thidua.notifications.enums import EmailDelivery


class Notification(models.Model):
    """An in-app message to one user (a workflow step, a reminder). ``url`` is a path of the portal.

    ``digest_pending``: the user reads this kind in the daily digest e-mail, which has not gone out yet.
    """

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="notifications")
    kind = models.CharField(_("kind"), max_length=50, blank=True)
    message = models.CharField(_("message"), max_length=500)
    url = models.CharField(max_length=300, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    read_at = models.DateTimeField(null=True, blank=True)
    digest_pending = models.BooleanField(default=False)

    class Meta:
        verbose_name = _("notification")
        verbose_name_plural = _("notifications")
        ordering = ["-created_at", "-id"]
        indexes = [
            models.Index(fields=["user", "read_at"], name="notifications_unread_idx"),
            models.Index(
                fields=["user", "created_at"],
                name="notifications_digest_idx",
                condition=models.Q(digest_pending=True),
            ),
        ]

    def __str__(self) -> str:
        return self.message


class EmailPreference(models.Model):
    """A user's choice of e-mail for one kind of notification; without a row the e-mail goes at once."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="email_preferences"
    )
    kind = models.CharField(_("kind"), max_length=50)
    delivery = models.CharField(
        _("e-mail"), max_length=10, choices=EmailDelivery.choices, default=EmailDelivery.IMMEDIATE
    )

    class Meta:
        verbose_name = _("e-mail preference")
        verbose_name_plural = _("e-mail preferences")
        constraints = [
            models.UniqueConstraint(fields=["user", "kind"], name="notifications_one_preference_per_kind")
        ]

    def __str__(self) -> str:
        return f"{self.kind}: {self.delivery}"
