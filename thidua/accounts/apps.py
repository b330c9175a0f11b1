from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AccountsConfig(AppConfig):
    name = "thidua.accounts"
    label = "accounts"
    verbose_name = _("Accounts and Boards")

    def ready(self) -> None:
        from thidua.accounts import signals  # noqa: F401, PLC0415 -- connects auth-event receivers

    def seed_demo(self, stdout) -> list[dict]:
        from thidua.accounts.demo import seed  # noqa: PLC0415 -- demo data is loaded on demand only

        return seed(stdout)
