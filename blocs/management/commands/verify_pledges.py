"""``manage.py verify_pledges``: recompute every signed pledge's fingerprint from the current rows.

It speaks the portal's language (Vietnamese by default), as ``verify_audit`` does."""

from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from blocs.pledges.fingerprint import verify_pledge_signature
from blocs.pledges.models import PledgeSignature


class Command(BaseCommand):
    help = "Verify every pledge signature (content fingerprint and hash chain); exit 1 if any fails."

    def handle(self, *args, **options):
        failed = 0
        total = 0
        for signature in (
            PledgeSignature.objects.select_related("pledge")
            .order_by("organization_id", "signed_at", "id")
            .iterator()
        ):
            total += 1
            result = verify_pledge_signature(signature.pledge)
            if result.valid:
                continue
            failed += 1
            self.stdout.write(
                _(
                    "FAILED pledge %(id)s %(label)s: stored %(stored)s recomputed %(recomputed)s — %(problems)s"
                )
                % {
                    "id": result.pledge_id,
                    "label": result.label,
                    "stored": result.short_stored,
                    "recomputed": result.short_recomputed,
                    "problems": "; ".join(str(problem) for problem in result.problems),
                }
            )
        summary = _("%(valid)d/%(total)d signatures valid.") % {"valid": total - failed, "total": total}
        if failed:
            self.stdout.write(summary)
            raise CommandError(
                ngettext(
                    "%(count)d pledge signature failed verification.",
                    "%(count)d pledge signatures failed verification.",
                    failed,
                )
                % {"count": failed}
            )
        self.stdout.write(self.style.SUCCESS(summary))
