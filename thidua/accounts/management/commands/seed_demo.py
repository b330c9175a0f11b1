from django.core.management.base import BaseCommand
from django.db import transaction
from django.utils import translation

from thidua.accounts import demo


class Command(BaseCommand):
    help = "Load the demo Boards, blocs and users (safe to run twice) and print the demo logins."

    def handle(self, *args, **options):
        with translation.override("vi"), transaction.atomic():
            rows = list(demo.seed(self.stdout))
            for _receiver, app_rows in demo.seed_demo.send(sender=None, stdout=self.stdout):
                rows.extend(app_rows or [])
        self.print_table(rows)

    def print_table(self, rows: list[dict]) -> None:
        headers = {"email": "E-mail", "password": "Password", "role": "Role", "board": "Board"}
        widths = {
            key: max([len(label)] + [len(str(row[key])) for row in rows]) for key, label in headers.items()
        }
        line = "+".join("-" * (widths[key] + 2) for key in headers)
        self.stdout.write(line)
        self.stdout.write(" | ".join(label.ljust(widths[key]) for key, label in headers.items()))
        self.stdout.write(line)
        for row in rows:
            self.stdout.write(" | ".join(str(row[key]).ljust(widths[key]) for key in headers))
        self.stdout.write(line)
        self.stdout.write("Board staff need a 2FA code: `python manage.py demo_otp` prints the current one.")
