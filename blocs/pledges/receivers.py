"""The pledges' answers to the signals of the layers below (connected in ``BlocsConfig.ready``): locking the
signed pledges when a year closes, who may see a joint pledge document, the enterprise page's pledge list,
the demo pledges and the joint pledge's sample document."""

from django.utils.translation import gettext_lazy as _

from blocs.pledges import demo, documents, permissions, queries
from blocs.pledges.services import lock_pledges_for_year
from blocs.pledges.services.membership import open_pledge_for_new_member, release_withdrawn_member
from blocs.register.signals import Section
from thidua.notifications.kinds import NotificationKind


def lock_pledges_on_year_closing(*, year, closed_by, **kwargs) -> None:
    """``year_closing``: every signed version of the year becomes LOCKED, in the closing transaction."""
    lock_pledges_for_year(year=year, locked_by=closed_by)


def member_added(*, membership, added_by, **kwargs) -> None:
    """``member_added``: a member admitted after the template's approval gets its draft pledge."""
    open_pledge_for_new_member(membership=membership, added_by=added_by)


def member_withdrawn(*, membership, withdrawn_by, **kwargs) -> None:
    """``member_withdrawn``: the member leaves the signing set; the joint pledge may now be due."""
    release_withdrawn_member(membership=membership, withdrawn_by=withdrawn_by)


def document_viewer(*, user, document, **kwargs) -> bool:
    return permissions.joint_pledge_document_viewer(user, document)


def document_outsider(*, user, document, **kwargs) -> bool:
    return permissions.joint_pledge_document_outsider(user, document)


def enterprise_sections(*, enterprise, page, **kwargs) -> list[Section]:
    if page != "detail":
        return []
    return [
        Section(
            order=20,
            template_name="blocs/pledges/includes/_enterprise_pledges.html",
            context={"pledges": queries.pledges_of_enterprise(enterprise)},
        )
    ]


def seed_demo(**kwargs) -> list[dict]:
    rows: list[dict] = []
    demo.seed(rows)
    return rows


def document_samples(**kwargs) -> dict:
    return {"pledge": documents.sample_pledge}


def notification_kinds(**kwargs) -> list[NotificationKind]:
    """``thidua.notifications.kinds.notification_kinds``: what the pledges announce and remind."""
    group = _("Pledges")
    return [
        NotificationKind(30, "template_submitted", _("A bloc submitted its pledge template"), group),
        NotificationKind(31, "template_returned", _("The Board returned our bloc's pledge template"), group),
        NotificationKind(32, "template_approved", _("Our bloc's pledge template was approved"), group),
        NotificationKind(33, "pledge_submitted", _("A member submitted its pledge for review"), group),
        NotificationKind(34, "pledge_returned", _("Our pledge was returned"), group),
        NotificationKind(35, "pledge_accepted", _("Our pledge was accepted"), group),
        NotificationKind(36, "pledge_signed", _("A member signed its pledge"), group),
        NotificationKind(37, "pledge_reminder", _("Reminder: our pledge is due"), group),
        NotificationKind(38, "pledge_review_reminder", _("Reminder: a pledge waits for my review"), group),
    ]
