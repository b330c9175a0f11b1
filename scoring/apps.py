from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ScoringConfig(AppConfig):
    """Quarterly reports and bloc reviews (``scoring.quarterly``); scoring and rankings come next.

    ``ready`` subscribes to the extension signals of the layers below, with a ``dispatch_uid`` so that a
    second ``ready`` does not connect them twice.
    """

    name = "scoring"
    verbose_name = _("Reports and scoring")

    def ready(self) -> None:
        # Imported here: receivers use models, which are ready only now.
        from blocs.membership.signals import year_closing  # noqa: PLC0415
        from scoring.quarterly import receivers as quarterly  # noqa: PLC0415
        from thidua.accounts.demo import seed_demo  # noqa: PLC0415
        from thidua.notifications.kinds import notification_kinds  # noqa: PLC0415

        connections = [
            (year_closing, quarterly.close_periods_on_year_closing),
            (seed_demo, quarterly.seed_demo),
            (notification_kinds, quarterly.notification_kinds),
        ]
        for signal, receiver in connections:
            signal.connect(receiver, dispatch_uid=f"{receiver.__module__}.{receiver.__name__}")
