"""The membership's answers to the signals of the register and of the platform (connected in
``BlocsConfig.ready``): what the blocs know about an enterprise, who else may see it, its demo data, and the
consolidation decision's kind, sample, signature and return."""

from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, pgettext_lazy

from blocs.enums import ApplicationStatus, EnterpriseRole
from blocs.membership import demo, documents, minutes, permissions, queries
from blocs.membership.forms import ApplicationForm, DelegateForm
from blocs.membership.services import decisions
from blocs.membership.tasks import task_announce_election
from blocs.register.permissions import can_manage_blocs
from blocs.register.queries import enterprise_of, people_of
from blocs.register.signals import Column, Section
from thidua.notifications.kinds import NotificationKind
from thidua.waiting import Waiting

APPLICATIONS_ON_OWN_PAGE = 10


def enterprise_viewer(*, user, enterprise, **kwargs) -> bool:
    """A bloc leader sees the pages of its bloc's members."""
    return permissions.leads_bloc_of(user, enterprise)


def enterprise_columns(*, enterprises, board, **kwargs) -> list[Column]:
    """The enterprise list's "Bloc" column: the bloc (and role) in the Board's open year (one query)."""
    return [
        Column(
            order=10,
            header=_("Bloc"),
            template_name="blocs/membership/includes/_enterprise_bloc_cell.html",
            values=queries.open_year_memberships(enterprises, board=board),
            note=_("bloc in the open year"),
        )
    ]


def enterprise_sections(*, enterprise, user, page, **kwargs) -> list[Section]:
    if page == "detail":
        return [
            Section(
                order=10,
                template_name="blocs/membership/includes/_enterprise_history.html",
                context={"history": queries.enterprise_history(enterprise)},
            ),
            Section(
                order=30,
                template_name="blocs/membership/includes/_enterprise_applications.html",
                context={"applications": queries.applications_of(enterprise)},
            ),
        ]
    if page == "own":
        year = queries.open_year_of(enterprise.organization)
        membership = (
            queries.enterprise_history(enterprise).filter(year=year, status="ACTIVE").first()
            if year is not None
            else None
        )
        representative = permissions.can_file_application(user, enterprise)
        people = queries.enterprise_people(enterprise)
        delegate = next((link for link in people if link.is_delegate), None)
        links = (
            [link for link in people if link.role == EnterpriseRole.REPORTER and link.user.is_active]
            if representative
            else []
        )
        applications = list(queries.applications_of(enterprise)[:APPLICATIONS_ON_OWN_PAGE])
        pending = next(
            (
                a
                for a in applications
                if a.status == ApplicationStatus.SUBMITTED and a.year_id == getattr(year, "pk", None)
            ),
            None,
        )
        return [
            Section(
                order=10,
                template_name="blocs/membership/includes/_my_bloc.html",
                context={
                    "year": year,
                    "membership": membership,
                    "delegate": delegate,
                    "can_delegate": representative,
                    "delegate_form": DelegateForm(links=links) if links else None,
                },
            ),
            Section(
                order=20,
                template_name="blocs/membership/includes/_my_applications.html",
                context={
                    "year": year,
                    "applications": applications,
                    "representative": representative,
                    # Not offered again while the Board has not decided the pending one (it can be withdrawn).
                    "can_apply": representative
                    and year is not None
                    and membership is None
                    and pending is None,
                    "application_form": ApplicationForm(board=enterprise.organization),
                },
            ),
        ]
    return []


def seed_demo(*, stdout, **kwargs) -> list[dict]:
    return demo.seed(stdout)


def document_samples(**kwargs) -> dict:
    return {
        documents.KIND: documents.sample_consolidation_decision,
        minutes.KIND: minutes.sample_election_minutes,
    }


def document_viewer(*, user, document, **kwargs) -> bool:
    return permissions.election_minutes_document_viewer(user, document)


def document_outsider(*, user, document, **kwargs) -> bool:
    return permissions.election_minutes_document_outsider(user, document)


def document_kinds(**kwargs) -> list:
    return [documents.CONSOLIDATION_KIND]


def decision_signed(sender, *, signature_request, document, owner, **kwargs) -> None:
    decisions.decision_signed(signature_request=signature_request, document=document, owner=owner)


def decision_returned(sender, *, signature_request, owner, **kwargs) -> None:
    decisions.decision_returned(signature_request=signature_request, owner=owner)


def notification_kinds(**kwargs) -> list[NotificationKind]:
    """``thidua.notifications.kinds.notification_kinds``: what the membership announces."""
    group = pgettext_lazy("notification group", "Membership and elections")
    return [
        NotificationKind(20, "application_received", gettext_lazy("An enterprise applied to join a bloc"), group),
        NotificationKind(21, "application_decided", gettext_lazy("Our application was decided"), group),
        NotificationKind(22, "election_opened", gettext_lazy("A vote of our bloc opened"), group),
        NotificationKind(23, "election_closed", gettext_lazy("A round of a bloc's election is over"), group),
    ]


def notice_audiences(*, board, **kwargs) -> list[tuple[str, str]]:
    """``thidua.documents.signals.notice_audiences``: every member, the leaders, each active bloc."""
    return [
        ("members", _("Every member enterprise of the open year")),
        ("leaders", _("The leaders and deputy leaders of the blocs")),
        *(
            (f"bloc:{bloc.pk}", _("The members of %(bloc)s") % {"bloc": bloc.name})
            for bloc in queries.active_blocs(board)
        ),
    ]


def notice_audience_users(*, board, key, **kwargs):
    """``thidua.documents.signals.notice_audience_users``: the people of the enterprises the key names."""
    enterprises = queries.notice_audience_enterprises(board, key)
    return None if enterprises is None else people_of(enterprises)


def election_announcement_requested(*, election_id: int, event: str, **kwargs) -> None:
    """Hand an election's announcement (opened, round closed) to the Celery worker."""
    task_announce_election.delay(election_id=election_id, event=event)


def waiting_items(*, user, **kwargs) -> list[Waiting]:
    """``thidua.waiting.waiting_items``: applications, regulations and election results for the Board's
    managers; open votes and meetings for a bloc leader; ballots to cast for a member unit."""
    items: list[Waiting] = []
    if can_manage_blocs(user):
        counts = queries.board_waiting_counts(user.organization)
        items += [
            Waiting(20, gettext_lazy("Applications to decide"), reverse("membership:application_list"), counts["applications"]),
            Waiting(22, gettext_lazy("Bloc regulations to confirm"), reverse("membership:bloc_list"), counts["regulations"]),
            Waiting(24, gettext_lazy("Elections whose round is over: confirm the result or start the next round"),
                    reverse("membership:election_list"), counts["elections"]),
        ]
    led = queries.led_bloc_ids(user)
    if led:
        counts = queries.leader_waiting_counts(led, timezone.localdate())
        items += [
            Waiting(26, gettext_lazy("Votes open in your bloc"), reverse("membership:election_list"), counts["votes_open"]),
            Waiting(27, gettext_lazy("Meetings to come"), reverse("membership:my_blocs"), counts["meetings"]),
        ]
    link = enterprise_of(user)
    if link is not None and queries.speaks_for_own_enterprise(user):
        items.append(
            Waiting(
                28,
                gettext_lazy("Ballots to cast for your enterprise"),
                reverse("membership:election_list"),
                queries.ballots_to_cast(link.enterprise_id),
            )
        )
    return items
