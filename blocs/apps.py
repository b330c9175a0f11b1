from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class BlocsConfig(AppConfig):
    name = "blocs"
    verbose_name = _("Blocs and membership")

    def ready(self) -> None:
        # The documents platform imports no domain app: the blocs app widens who sees its documents.
        from blocs.pledges.permissions import (  # noqa: PLC0415 -- models are ready only now
            joint_pledge_document_outsider,
            joint_pledge_document_viewer,
        )
        from thidua.documents.permissions import (  # noqa: PLC0415
            DOCUMENT_OUTSIDERS,
            EXTRA_DOCUMENT_VIEWERS,
        )

        if joint_pledge_document_viewer not in EXTRA_DOCUMENT_VIEWERS:
            EXTRA_DOCUMENT_VIEWERS.append(joint_pledge_document_viewer)
        if joint_pledge_document_outsider not in DOCUMENT_OUTSIDERS:
            DOCUMENT_OUTSIDERS.append(joint_pledge_document_outsider)

    def seed_demo(self, stdout) -> list[dict]:
        from blocs.demo import seed  # noqa: PLC0415 -- demo data is loaded on demand only

        return seed(stdout)
