from django.apps import AppConfig
from django.core.checks import register
from django.utils.translation import gettext_lazy as _

from thidua import checks


class AccountsConfig(AppConfig):
    name = "thidua.accounts"
    label = "accounts"
    verbose_name = _("Accounts and Boards")

    def ready(self) -> None:
        from thidua.accounts import signals  # noqa: F401, PLC0415 -- connects auth-event receivers

        # The platform's production checks (placeholder secrets) run with `check --deploy`.
        for check in (checks.check_secret_key, checks.check_database_password, checks.check_mail_password):
            register(check, "security", deploy=True)
