from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _

from thidua.documents.queries import stored_file_problems

SHOWN_PROBLEMS = 20


class Command(BaseCommand):
    help = (
        "Re-hash every stored PDF (official documents, scanned signed copies) against the SHA-256 recorded "
        "when it was stored; name every file missing or changed (after a restore, or behind the portal's back)."
    )

    def handle(self, *args, **options):
        checked, problems = stored_file_problems()
        if not problems:
            self.stdout.write(
                self.style.SUCCESS(
                    _("Stored files intact: %(count)d files match their recorded SHA-256.") % {"count": checked}
                )
            )
            return
        for problem in problems[:SHOWN_PROBLEMS]:
            if problem.reason == "missing":
                line = _("%(row)s: the file %(path)s is missing.")
            else:
                line = _("%(row)s: the file %(path)s has changed (its SHA-256 differs from the recorded one).")
            self.stderr.write(line % {"row": problem.label, "path": problem.path})
        raise CommandError(
            _("%(bad)d of %(count)d stored files are missing or changed.")
            % {"bad": len(problems), "count": checked}
        )
