import time

from django.core.management.base import BaseCommand
from django_otp.oath import TOTP

from thidua.accounts.demo import DEMO_TOTP_SECRET_BASE32, demo_totp_key_hex


class Command(BaseCommand):
    help = "Print the current two-factor code of the demo Board staff (demo data only)."

    def handle(self, *args, **options):
        totp = TOTP(bytes.fromhex(demo_totp_key_hex()))
        remaining = 30 - int(time.time()) % 30
        self.stdout.write(f"{totp.token():06d}")
        self.stderr.write(
            f"valid for about {remaining} s more; or add the secret {DEMO_TOTP_SECRET_BASE32} to an authenticator app"
        )
