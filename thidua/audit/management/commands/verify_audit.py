from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _

from thidua.audit.chain import GENESIS_HASH, first_break
from thidua.audit.models import AuditChainHead, AuditEvent


class Command(BaseCommand):
    help = (
        "Recompute the audit log's hash chain and report the first row edited or deleted outside the portal."
    )

    def handle(self, *args, **options):
        head = AuditChainHead.objects.filter(id=1).first()
        head_seq, head_hash = (head.last_seq, head.last_hash) if head else (0, GENESIS_HASH)
        events = AuditEvent.objects.order_by("seq").iterator(chunk_size=2000)
        try:
            broken = first_break(events, head_seq, head_hash)
        finally:
            # Stopping at the first break leaves the iterator half-read: close its (server-side) cursor now,
            # not at garbage collection, when PostgreSQL has already dropped it.
            events.close()
        if broken is None:
            self.stdout.write(
                self.style.SUCCESS(_("Audit chain intact: %(count)d events.") % {"count": head_seq})
            )
            return
        if broken.reason == "missing":
            message = _("Audit chain broken: event #%(seq)d is missing (deleted).") % {"seq": broken.seq}
        else:
            message = _("Audit chain broken: event #%(seq)d (id %(id)s) was edited.") % {
                "seq": broken.seq,
                "id": broken.event_id,
            }
        raise CommandError(message)
