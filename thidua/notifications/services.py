"""The one way to tell people something: an in-app notification and an e-mail with an absolute link.

Each user chooses, per kind, the e-mail at once (the default), in one daily digest, or none; the bell in the
portal always shows the notification.
"""

from collections.abc import Iterable

from django.conf import settings
from django.core.mail import send_mail
from django.db import transaction
from django.db.models import OuterRef, QuerySet, Subquery
from django.template.loader import render_to_string, select_template
from django.urls import reverse
from django.utils import timezone

from thidua.audit.services import record_event
from thidua.notifications.enums import EmailDelivery
from thidua.notifications.kinds import all_kinds
from thidua.notifications.models import EmailPreference, Notification

MESSAGE_MAX = 500
# The digest lists at most this many notifications per user; the link to the bell shows the rest.
DIGEST_MAX_ITEMS = 50


def absolute_url(path: str) -> str:
    """``SITE_URL`` + ``path``: e-mails are read outside the portal, so their links must be absolute."""
    if not path or path.startswith(("http://", "https://")):
        return path
    return f"{settings.SITE_URL}{path}"


def _render_mail(kind: str, context: dict) -> tuple[str, str]:
    """The subject (one line) and body of a ``kind`` e-mail: its own templates, else the generic ones."""
    subject = select_template([f"emails/{kind}_subject.txt", "emails/notification_subject.txt"]).render(context)
    body = select_template([f"emails/{kind}_body.txt", "emails/notification_body.txt"]).render(context)
    return " ".join(subject.split()), body


def deliveries_for(users: list, kind: str) -> dict[int, str]:
    """Each user's e-mail choice for ``kind`` (one query); users without a row get the e-mail at once."""
    chosen = dict(
        EmailPreference.objects.filter(user__in=[u.pk for u in users], kind=kind).values_list(
            "user_id", "delivery"
        )
    )
    return {user.pk: chosen.get(user.pk, EmailDelivery.IMMEDIATE) for user in users}


def _recipients(users: Iterable | QuerySet, kind: str) -> list[tuple]:
    """``(user, e-mail choice)`` of each active user, once each. A queryset is read in one query with each
    user's choice joined; a list costs one query for the choices."""
    if isinstance(users, QuerySet):
        chosen = EmailPreference.objects.filter(user=OuterRef("pk"), kind=kind).values("delivery")[:1]
        rows = list(users.annotate(email_delivery=Subquery(chosen)).order_by("pk"))
        deliveries = {u.pk: u.email_delivery or EmailDelivery.IMMEDIATE for u in rows}
    else:
        rows = list(users)
        deliveries = None
    unique: dict[int, object] = {}
    for user in rows:
        if user is not None and user.is_active:
            unique.setdefault(user.pk, user)
    people = list(unique.values())
    if deliveries is None and people:
        deliveries = deliveries_for(people, kind)
    return [(user, deliveries[user.pk]) for user in people]


def notify(
    users: Iterable | QuerySet, *, kind: str, message: str, url: str = "", context: dict | None = None
) -> int:
    """Notify ``users`` in the app and by e-mail; returns how many addresses the e-mail goes to at once.

    ``users`` is a list of users or a queryset of them (read once, with their e-mail choices joined: the
    way to keep a request's query count low). ``kind`` names the e-mail templates (see
    ``thidua.notifications.kinds``); ``message`` is the in-app text; ``url`` the portal path the
    notification links to. The templates get ``context`` plus ``message`` and ``url`` (absolute). A user
    who reads this kind in the daily digest gets no e-mail now (``send_digests`` sends it); one who chose
    none gets only the bell. Call it inside the caller's transaction: the rows commit with it, and the
    e-mail leaves only once it has committed (never for a rolled-back change). Each active user is
    notified once, even if named twice.
    """
    recipients = _recipients(users, kind)
    if not recipients:
        return 0
    message = message[:MESSAGE_MAX]
    Notification.objects.bulk_create(
        Notification(
            user=user,
            kind=kind,
            message=message,
            url=url,
            digest_pending=bool(user.email) and delivery == EmailDelivery.DIGEST,
        )
        for user, delivery in recipients
    )
    emails = [user.email for user, delivery in recipients if user.email and delivery == EmailDelivery.IMMEDIATE]
    if not emails:
        return 0
    subject, body = _render_mail(kind, {**(context or {}), "message": message, "url": absolute_url(url)})
    transaction.on_commit(lambda: send_mail(subject, body, None, emails))
    return len(emails)


@transaction.atomic
def mark_notifications_read(*, user) -> int:
    return Notification.objects.filter(user=user, read_at__isnull=True).update(read_at=timezone.now())


@transaction.atomic
def set_email_preferences(*, user, deliveries: dict[str, str]) -> dict[str, str]:
    """Record the user's e-mail choice per kind (``{kind: EmailDelivery}``); unknown kinds are refused.
    Returns what changed. Notifications already waiting for the digest go in it whatever the new choice."""
    known = {k.kind for k in all_kinds()}
    unknown = set(deliveries) - known
    if unknown or not set(deliveries.values()) <= set(EmailDelivery.values):
        raise ValueError(f"unknown kinds or deliveries: {sorted(unknown)}")
    before = dict(
        EmailPreference.objects.filter(user=user, kind__in=list(deliveries)).values_list("kind", "delivery")
    )
    changed = {
        kind: delivery
        for kind, delivery in deliveries.items()
        if before.get(kind, EmailDelivery.IMMEDIATE) != delivery
    }
    for kind, delivery in changed.items():
        EmailPreference.objects.update_or_create(user=user, kind=kind, defaults={"delivery": delivery})
    if changed:
        record_event(
            action="notification_preferences.changed",
            actor=user,
            organization=user.organization,
            obj=user,
            changes=changed,
        )
    return changed


def send_digests(*, now=None) -> int:
    """One e-mail per user listing the notifications waiting for the digest; returns how many were sent.

    Each user's rows are taken under a row lock and cleared in the same transaction, so two runs never send
    the same notification twice; the e-mail leaves once that transaction has committed.
    """
    now = now or timezone.now()
    user_ids = list(
        Notification.objects.filter(digest_pending=True, created_at__lte=now)
        .values_list("user_id", flat=True)
        .distinct()
        .order_by("user_id")
    )
    sent = 0
    for user_id in user_ids:
        with transaction.atomic():
            rows = list(
                Notification.objects.select_for_update(of=("self",))
                .filter(user_id=user_id, digest_pending=True, created_at__lte=now)
                .select_related("user")
                .order_by("created_at", "id")
            )
            if not rows:
                continue
            Notification.objects.filter(pk__in=[n.pk for n in rows]).update(digest_pending=False)
            user = rows[0].user
            if not user.email or not user.is_active:
                continue
            subject, body = _render_digest(rows)
            transaction.on_commit(lambda s=subject, b=body, to=user.email: send_mail(s, b, None, [to]))
            sent += 1
    return sent


def _render_digest(rows: list[Notification]) -> tuple[str, str]:
    items = [{"message": n.message, "url": absolute_url(n.url), "created_at": n.created_at} for n in rows]
    context = {
        "items": items[:DIGEST_MAX_ITEMS],
        "more": max(0, len(items) - DIGEST_MAX_ITEMS),
        "count": len(items),
        "list_url": absolute_url(reverse("notifications:notification_list")),
        "preferences_url": absolute_url(reverse("notifications:notification_preferences")),
    }
    subject = " ".join(render_to_string("emails/notification_digest_subject.txt", context).split())
    return subject, render_to_string("emails/notification_digest_body.txt", context)

