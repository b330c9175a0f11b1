from django.apps import AppConfig
from django.core.checks import register
from django.utils.translation import gettext_lazy as _

from thidua.documents.checks import check_celery_required


class DocumentsConfig(AppConfig):
    name = "thidua.documents"
    label = "documents"
    verbose_name = _("Official documents")

    def ready(self) -> None:
        register(check_celery_required, "documents", deploy=True)
