from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ScoringConfig(AppConfig):
    """Quarterly reports and bloc reviews (``scoring.quarterly``), criteria sets (``scoring.criteria``), scorecards
    and rankings (``scoring.ranking``).

    ``ready`` subscribes to the extension signals of the layers below, with a ``dispatch_uid`` so that a
    second ``ready`` does not connect them twice.
    """

    name = "scoring"
    verbose_name = _("Reports and scoring")

    def ready(self) -> None:
        # Imported here: receivers use models, which are ready only now.
        from blocs.membership.signals import year_closing  # noqa: PLC0415
        from blocs.register.signals import enterprise_sections  # noqa: PLC0415
        from scoring.quarterly import receivers as quarterly  # noqa: PLC0415
        from scoring.quarterly.models import BoardReview  # noqa: PLC0415
        from scoring.ranking import receivers as ranking  # noqa: PLC0415
        from thidua.accounts.demo import seed_demo  # noqa: PLC0415
        from thidua.documents.signals import (  # noqa: PLC0415
            document_kinds,
            document_outsider,
            document_returned,
            document_samples,
            document_signed,
            document_viewer,
        )
        from thidua.notifications.kinds import notification_kinds  # noqa: PLC0415
        from thidua.waiting import waiting_items  # noqa: PLC0415

        connections = [
            (year_closing, quarterly.close_periods_on_year_closing, None),
            (seed_demo, quarterly.seed_demo, None),
            (notification_kinds, quarterly.notification_kinds, None),
            (document_samples, quarterly.document_samples, None),
            # The Board's report goes through the platform's signing workflow.
            (document_signed, quarterly.board_review_signed, BoardReview),
            (document_returned, quarterly.board_review_returned, BoardReview),
            (waiting_items, quarterly.waiting_items, None),
            # Scorecards and rankings: the ranking table's kind, sample and readers, the enterprise's history.
            (document_kinds, ranking.document_kinds, None),
            (document_samples, ranking.document_samples, None),
            (document_viewer, ranking.document_viewer, None),
            (document_outsider, ranking.document_outsider, None),
            (enterprise_sections, ranking.enterprise_sections, None),
            (seed_demo, ranking.seed_demo, None),
        ]
        for signal, receiver, sender in connections:
            signal.connect(
                receiver, sender=sender, dispatch_uid=f"{receiver.__module__}.{receiver.__name__}"
            )
