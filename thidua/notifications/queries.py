from django.db.models import QuerySet

from thidua.notifications.models import EmailPreference, Notification


def unread_count(user) -> int:
    return Notification.objects.filter(user=user, read_at__isnull=True).count()


def notifications_for(user) -> QuerySet[Notification]:
    return Notification.objects.filter(user=user).order_by("-created_at", "-id")


def email_preferences_of(user) -> dict[str, str]:
    """The user's e-mail choice per kind, for the kinds they changed (the others get the e-mail at once)."""
    return dict(EmailPreference.objects.filter(user=user).values_list("kind", "delivery"))
