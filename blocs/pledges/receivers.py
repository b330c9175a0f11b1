"""The pledges' answers to the signals of the layers below (connected in ``BlocsConfig.ready``): locking the
signed pledges when a year closes, who may see a joint pledge document, the enterprise page's pledge list,
the demo pledges and the joint pledge's sample document."""

from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from blocs.enums import YearStatus
from blocs.pledges import demo, documents, permissions, queries
from blocs.pledges.enums import PledgeStatus
from blocs.pledges.services import lock_pledges_for_year
from blocs.pledges.services.membership import open_pledge_for_new_member, release_withdrawn_member
from blocs.register.permissions import can_manage_blocs
from blocs.register.signals import Section
from thidua.accounts.permissions import acting_board, is_board_staff
from thidua.notifications.kinds import NotificationKind
from thidua.waiting import Waiting

# The steps at which a pledge waits for its own enterprise, as the home page says them.
OWN_STEPS = {
    PledgeStatus.DRAFT: _("Your pledge for %(year)s: fill it in and submit it"),
    PledgeStatus.AMENDMENT_DRAFT: _("Your amended pledge for %(year)s: fill it in and submit it"),
    PledgeStatus.RETURNED: _("Your pledge for %(year)s was returned: correct it and submit it again"),
    PledgeStatus.ACCEPTED: _("Your pledge for %(year)s is accepted: sign it"),
}


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


def waiting_items(*, user, **kwargs) -> list[Waiting]:
    """``thidua.waiting.waiting_items``: templates to approve and late pledges for the Board's managers;
    pledges to review for a bloc leader (or deputy); the enterprise's own pledge step and its deadline."""
    board = acting_board(user)
    if board is None:
        return []
    today = timezone.localdate()
    if can_manage_blocs(user):
        counts = queries.board_waiting_counts(board, today)
        return [
            Waiting(30, _("Pledge templates to approve"), reverse("pledges:template_list"), counts["templates"]),
            Waiting(
                31, _("Pledges not signed by their deadline"), reverse("pledges:progress"), counts["late"], late=True
            ),
        ]
    if is_board_staff(user):
        return []
    items = [
        Waiting(
            32,
            _("Pledges to review"),
            f"{reverse('pledges:progress')}?status={PledgeStatus.SUBMITTED}",
            queries.pledges_to_review(user, board),
        )
    ]
    pledge = queries.my_current_pledge(user)
    if pledge is not None and pledge.status in OWN_STEPS and pledge.template.year.status == YearStatus.OPEN:
        deadline = pledge.template.signing_deadline
        items.append(
            Waiting(
                33,
                OWN_STEPS[pledge.status] % {"year": pledge.template.year.year},
                reverse("pledges:pledge_detail", args=[pledge.pk]),
                note=_("to be signed by %(date)s") % {"date": deadline.strftime("%d/%m/%Y")},
                late=deadline < today,
            )
        )
    return items
