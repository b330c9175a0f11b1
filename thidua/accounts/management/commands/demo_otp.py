import time

from django.core.management.base import BaseCommand
from django_otp.oath import TOTP

from thidua.accounts.demo import DEMO_TOTP_SECRET_BASE32, demo_totp_key_hex

STEP = 30
# A code with less than this left would expire while it is typed: wait for the next window instead.
MIN_REMAINING = 8


def seconds_left(now: float) -> float:
    return STEP - now % STEP


class Command(BaseCommand):
    help = "Print the current two-factor code of the demo Board staff (demo data only)."

    def handle(self, *args, **options):
        remaining = seconds_left(time.time())
        if remaining < MIN_REMAINING:
            self.stderr.write(f"the current code expires in {remaining:.0f} s: waiting for the next one")
            time.sleep(remaining + 0.1)
        totp = TOTP(bytes.fromhex(demo_totp_key_hex()), step=STEP)
        now = time.time()
        totp.time = now
        self.stdout.write(f"{totp.token():06d}")
        self.stderr.write(
            f"valid for about {seconds_left(now):.0f} s more; "
            f"or add the secret {DEMO_TOTP_SECRET_BASE32} to an authenticator app"
        )
