from django.apps import apps
from django.core.management.base import BaseCommand
from django.utils import translation


class Command(BaseCommand):
    help = "Load the demo Boards, blocs and users (safe to run twice) and print the demo logins."

    def handle(self, *args, **options):
        rows: list[dict] = []
        with translation.override("vi"):
            for config in apps.get_app_configs():
                seeder = getattr(config, "seed_demo", None)
                if seeder is not None:
                    rows.extend(seeder(self.stdout) or [])
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
