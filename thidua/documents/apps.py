from django.apps import AppConfig
from django.core.checks import register
from django.utils.translation import gettext_lazy as _

from thidua.documents.checks import check_celery_required, check_site_url


class DocumentsConfig(AppConfig):
    name = "thidua.documents"
    label = "documents"
    verbose_name = _("Official documents")

    def ready(self) -> None:
        register(check_celery_required, "documents", deploy=True)
        register(check_site_url, "documents", deploy=True)
        # Connect the receivers: a new Board's legal bases, and the notices' side of the signing workflow.
        from thidua.documents import receivers  # noqa: F401, PLC0415 -- connects receivers
        from thidua.documents.services import notices  # noqa: F401, PLC0415 -- connects receivers
