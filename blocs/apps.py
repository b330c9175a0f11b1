from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class BlocsConfig(AppConfig):
    name = "blocs"
    verbose_name = _("Blocs and membership")

    def seed_demo(self, stdout) -> list[dict]:
        from blocs.demo import seed  # noqa: PLC0415 -- demo data is loaded on demand only

        return seed(stdout)
