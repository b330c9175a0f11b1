from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class BlocsConfig(AppConfig):
    """The blocs app: the register, the membership, the pledges and the voting engine (one label, "blocs").

    ``ready`` is the one place where the sub-domains subscribe to the extension signals of the layers below
    them (each signal is documented where it is defined). Receivers are connected with a ``dispatch_uid``,
    so a second ``ready`` does not connect them twice.
    """

    name = "blocs"
    verbose_name = _("Blocs and membership")

    def ready(self) -> None:
        # Imported here: receivers use models, which are ready only now.
        from blocs.membership import receivers as membership  # noqa: PLC0415
        from blocs.membership.models import ConsolidationDecision  # noqa: PLC0415
        from blocs.membership.signals import (  # noqa: PLC0415
            election_announcement_requested,
            member_added,
            member_withdrawn,
            year_closing,
        )
        from blocs.pledges import receivers as pledges  # noqa: PLC0415
        from blocs.register.signals import (  # noqa: PLC0415
            enterprise_columns,
            enterprise_sections,
            enterprise_viewer,
        )
        from thidua.accounts.demo import seed_demo  # noqa: PLC0415
        from thidua.documents.signals import (  # noqa: PLC0415
            document_kinds,
            document_outsider,
            document_returned,
            document_samples,
            document_signed,
            document_viewer,
            notice_audience_users,
            notice_audiences,
        )
        from thidua.notifications.kinds import notification_kinds  # noqa: PLC0415
        from thidua.waiting import waiting_items  # noqa: PLC0415

        connections = [
            # register <- membership
            (enterprise_viewer, membership.enterprise_viewer),
            (enterprise_columns, membership.enterprise_columns),
            (enterprise_sections, membership.enterprise_sections),
            (seed_demo, membership.seed_demo),
            (document_samples, membership.document_samples),
            (document_kinds, membership.document_kinds),
            (document_viewer, membership.document_viewer),
            (document_outsider, membership.document_outsider),
            (notification_kinds, membership.notification_kinds),
            (waiting_items, membership.waiting_items),
            (notice_audiences, membership.notice_audiences),
            (notice_audience_users, membership.notice_audience_users),
            (election_announcement_requested, membership.election_announcement_requested),
            # membership, register, platform <- pledges
            (year_closing, pledges.lock_pledges_on_year_closing),
            (member_added, pledges.member_added),
            (member_withdrawn, pledges.member_withdrawn),
            (enterprise_sections, pledges.enterprise_sections),
            (document_viewer, pledges.document_viewer),
            (document_outsider, pledges.document_outsider),
            (seed_demo, pledges.seed_demo),
            (document_samples, pledges.document_samples),
            (notification_kinds, pledges.notification_kinds),
            (waiting_items, pledges.waiting_items),
        ]
        for signal, receiver in connections:
            signal.connect(receiver, dispatch_uid=f"{receiver.__module__}.{receiver.__name__}")
        # The platform's signing workflow tells each owner of a Board document about its own documents.
        owned = [
            (document_signed, membership.decision_signed, ConsolidationDecision),
            (document_returned, membership.decision_returned, ConsolidationDecision),
        ]
        for signal, receiver, sender in owned:
            signal.connect(receiver, sender=sender, dispatch_uid=f"{receiver.__module__}.{receiver.__name__}")
