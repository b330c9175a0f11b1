from django.conf import settings
from django.db import models
from django.db.models import Q, Value
from django.db.models.functions import Coalesce
from django.utils.translation import gettext_lazy as _


class AuditEventQuerySet(models.QuerySet):
    """Bulk ``update()``/``delete()`` would bypass the model's append-only guard: refuse them too."""

    def update(self, **kwargs):
        raise ValueError("Audit events are append-only.")

    def delete(self):
        raise ValueError("Audit events are append-only.")


class AuditEvent(models.Model):
    """One append-only, hash-chained record of something that changed state or a security event.

    Each Board has its own chain (``organization``; events with no Board form one more chain), so a Board's
    audited writes never wait on another Board's. ``seq`` is the position in that chain and
    ``row_hash`` = SHA-256 of (``prev_hash`` + canonical JSON of the row's content): editing or deleting a
    row behind the application's back breaks its chain at that row (``manage.py verify_audit``).
    """

    seq = models.PositiveBigIntegerField(editable=False)
    created_at = models.DateTimeField(_("time"), editable=False)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    actor_label = models.CharField(_("actor"), max_length=255, blank=True)
    organization = models.ForeignKey(
        "accounts.Organization", on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    action = models.CharField(_("action"), max_length=64, db_index=True)
    object_type = models.CharField(_("object type"), max_length=64, blank=True)
    object_id = models.CharField(_("object id"), max_length=64, blank=True)
    changes = models.JSONField(_("summary"), default=dict, blank=True)
    ip = models.GenericIPAddressField(_("IP address"), null=True, blank=True)
    prev_hash = models.CharField(max_length=64)
    row_hash = models.CharField(max_length=64, unique=True)

    objects = AuditEventQuerySet.as_manager()

    class Meta:
        verbose_name = _("audit event")
        verbose_name_plural = _("audit events")
        ordering = ["-id"]
        constraints = [
            # One position per chain: a Board's chain, and the chain of events with no Board.
            models.UniqueConstraint(fields=["organization", "seq"], name="audit_event_board_seq"),
            models.UniqueConstraint(
                fields=["seq"], condition=Q(organization__isnull=True), name="audit_event_boardless_seq"
            ),
        ]

    def __str__(self) -> str:
        return f"#{self.seq} {self.action}"

    def save(self, *args, **kwargs) -> None:
        if not self._state.adding:
            raise ValueError("Audit events are append-only.")
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        raise ValueError("Audit events are append-only.")


class AuditChainHead(models.Model):
    """The last sequence number and hash of one chain (a Board's, or the Board-less one), locked while an
    event is appended to that chain only."""

    organization = models.ForeignKey(
        "accounts.Organization", on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    last_seq = models.PositiveBigIntegerField(default=0)
    last_hash = models.CharField(max_length=64, default="0" * 64)

    class Meta:
        verbose_name = _("audit chain head")
        constraints = [
            # One head per chain; NULL (no Board) counts as one chain, hence the expression.
            models.UniqueConstraint(
                Coalesce("organization", Value(0), output_field=models.BigIntegerField()),
                name="audit_one_head_per_chain",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.organization_id or '-'} #{self.last_seq} {self.last_hash[:12]}"
