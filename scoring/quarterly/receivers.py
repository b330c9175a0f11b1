"""Receivers of the extension signals of the layers below (connected in ``ScoringConfig.ready``)."""

from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from blocs.register.permissions import can_manage_blocs
from scoring.quarterly import demo, documents, queries
from scoring.quarterly.services import board_reviews
from scoring.quarterly.services.common import ACCEPTED_KIND, NOTICE_KIND, RETURNED_KIND, SUBMITTED_KIND
from scoring.quarterly.services.periods import close_periods_of_year
from thidua.accounts.permissions import is_board_staff
from thidua.notifications.kinds import NotificationKind
from thidua.waiting import Waiting


def close_periods_on_year_closing(sender, *, year, closed_by, **kwargs) -> None:
    """``blocs.membership.signals.year_closing``: the year's open periods close with it (accepted reports
    are locked) in the same transaction."""
    close_periods_of_year(year=year, closed_by=closed_by)


def seed_demo(**kwargs) -> list[dict]:
    """``thidua.accounts.demo.seed_demo``: the demo quarters of both Boards (after the blocs' demo)."""
    rows: list[dict] = []
    demo.seed(rows)
    return rows


def notification_kinds(**kwargs) -> list[NotificationKind]:
    """``thidua.notifications.kinds.notification_kinds``: what quarterly reporting announces and reminds."""
    group = _("Quarterly reports")
    return [
        NotificationKind(40, SUBMITTED_KIND, _("A report waits for my review"), group),
        NotificationKind(41, RETURNED_KIND, _("A report was returned"), group),
        NotificationKind(42, ACCEPTED_KIND, _("A report was accepted"), group),
        NotificationKind(43, NOTICE_KIND, _("Quarterly reminders and other notices"), group),
    ]


def document_samples(**kwargs) -> dict:
    """``thidua.documents.signals.document_samples``: ``render_sample bloc_review`` and ``board_review``."""
    return {documents.KIND: documents.sample_bloc_review, documents.BOARD_KIND: documents.sample_board_review}


def board_review_signed(sender, *, signature_request, document, owner, **kwargs) -> None:
    """``thidua.documents.signals.document_signed`` for a Board report: issued with its number."""
    board_reviews.board_review_signed(signature_request=signature_request, document=document, owner=owner)


def board_review_returned(sender, *, signature_request, owner, **kwargs) -> None:
    """``thidua.documents.signals.document_returned`` for a Board report: a draft again."""
    board_reviews.board_review_returned(signature_request=signature_request, owner=owner)


def waiting_items(*, user, **kwargs) -> list[Waiting]:
    """``thidua.waiting.waiting_items``: the bloc reports to accept for the Board's managers; the members'
    reports to review for a bloc leader; the enterprise's own reports still to submit."""
    if can_manage_blocs(user):
        return [Waiting(40, _("Bloc reports to accept"), reverse("scoring:period_list"), queries.reviews_to_accept(user.organization))]
    if is_board_staff(user) or user.organization_id is None:
        return []
    counts = queries.enterprise_waiting_counts(user)
    return [
        Waiting(41, _("Member reports to review"), reverse("scoring:review_list"), counts["review"]),
        Waiting(42, _("Quarterly reports to submit"), reverse("scoring:my_reports"), counts["due"]),
    ]
