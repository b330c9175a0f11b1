"""``manage.py verify_pledges``: recompute every signed pledge's fingerprint from the current rows."""

from django.core.management.base import BaseCommand, CommandError

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
                f"FAILED pledge {result.pledge_id} {result.label}: stored {result.short_stored} "
                f"recomputed {result.short_recomputed} — {'; '.join(result.problems)}"
            )
        self.stdout.write(f"{total - failed}/{total} signatures valid.")
        if failed:
            raise CommandError(f"{failed} pledge signature(s) failed verification.")
