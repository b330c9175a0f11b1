from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AwardsConfig(AppConfig):
    """Award types and quotas (``awards.catalogue``), nominations, the council, and the Board's award decisions.

    ``ready`` subscribes to the platform's extension signals, with a ``dispatch_uid`` so that a second ``ready``
    does not connect them twice.
    """

    name = "awards"
    verbose_name = _("Votes and awards")

    def ready(self) -> None:
        # Imported here: receivers use models, which are ready only now.
        from awards import receivers  # noqa: PLC0415
        from awards.decisions.models import AwardDecision  # noqa: PLC0415
        from awards.decisions.services import decision_returned, decision_signed  # noqa: PLC0415
        from awards.proposals.models import ProvincialProposal  # noqa: PLC0415
        from awards.proposals.services import proposal_returned, proposal_signed  # noqa: PLC0415
        from thidua.documents.signals import (  # noqa: PLC0415
            document_kinds,
            document_returned,
            document_samples,
            document_signed,
        )

        for signal, receiver in (
            (document_kinds, receivers.document_kinds),
            (document_samples, receivers.document_samples),
        ):
            signal.connect(receiver, dispatch_uid=f"{receiver.__module__}.{receiver.__name__}")
        owners = (
            (document_signed, decision_signed, AwardDecision),
            (document_returned, decision_returned, AwardDecision),
            (document_signed, proposal_signed, ProvincialProposal),
            (document_returned, proposal_returned, ProvincialProposal),
        )
        for signal, receiver, owner in owners:
            signal.connect(receiver, sender=owner, dispatch_uid=f"{receiver.__module__}.{receiver.__name__}")
