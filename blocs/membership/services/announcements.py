"""Who is told at once of a step of the membership, in the portal and by e-mail (``notify``): the Board
when an enterprise applies, the enterprise when its application is decided, the member units when their
bloc's election opens and when its round is over (and the Board, which confirms the result): those two
fan out to a whole bloc, so the worker sends them (``tasks.task_announce_election``, queued on commit)."""

from django.db.models import QuerySet
from django.urls import reverse
from django.utils.translation import gettext as _

from blocs.enums import MembershipStatus
from blocs.membership.models import BlocMembership, Election, MembershipApplication
from blocs.membership.queries import current_round, speakers_for
from blocs.register.queries import people_of
from blocs.voting.models import VotingSession
from thidua.accounts.models import User
from thidua.accounts.queries import managers_of
from thidua.notifications.services import notify


def announce_application_received(application: MembershipApplication) -> int:
    return notify(
        managers_of(application.enterprise.organization_id),
        kind="application_received",
        message=_("%(enterprise)s applied to join a bloc for %(year)s; the application waits for a decision.")
        % {"enterprise": application.enterprise.name, "year": application.year.year},
        url=reverse("membership:application_detail", args=[application.pk]),
    )


def announce_application_decided(application: MembershipApplication) -> int:
    if application.decided_bloc_id is not None:
        message = _("Your application for %(year)s was approved: your enterprise joins %(bloc)s.") % {
            "year": application.year.year,
            "bloc": application.decided_bloc.name,
        }
    else:
        message = _("Your application for %(year)s was rejected: %(reason)s") % {
            "year": application.year.year,
            "reason": application.reason,
        }
    return notify(
        people_of([application.enterprise_id]),
        kind="application_decided",
        message=message,
        url=reverse("register:my_enterprise"),
    )


def _member_speakers(election: Election) -> QuerySet[User]:
    """The people who speak for the bloc's member units in the election's year (one subquery)."""
    members = BlocMembership.objects.filter(
        bloc_id=election.bloc_id, year_id=election.year_id, status=MembershipStatus.ACTIVE
    ).values("enterprise_id")
    return speakers_for(members)


def announce_election(*, election_id: int, event: str) -> int:
    """``event`` "opened" or "closed": announce the election's current round (run by the worker)."""
    election = Election.objects.select_related("bloc").filter(pk=election_id).first()
    session = current_round(election) if election is not None else None
    if session is None:
        return 0
    if event == "opened":
        return announce_election_opened(election)
    return announce_election_closed(election, session)


def announce_election_opened(election: Election) -> int:
    return notify(
        _member_speakers(election),
        kind="election_opened",
        message=_("The vote “%(election)s” is open: cast your enterprise's ballot.")
        % {"election": _election_title(election)},
        url=reverse("membership:election_detail", args=[election.pk]),
    )


def announce_election_closed(election: Election, session: VotingSession) -> int:
    return notify(
        _member_speakers(election) | managers_of(election.bloc.organization_id),
        kind="election_closed",
        message=_("The round of “%(election)s” is over (%(status)s); see the result and the minutes.")
        % {"election": _election_title(election), "status": session.get_status_display()},
        url=reverse("membership:election_detail", args=[election.pk]),
    )


def _election_title(election: Election) -> str:
    return _("%(office)s of %(bloc)s for %(year)s") % {
        "office": election.get_office_display(),
        "bloc": election.bloc.name,
        "year": election.elects_for,
    }
