"""A bloc's election of its leader or deputy: the member units vote (one vote per member enterprise, cast by
its representative or delegate), round after round until decided; the Board confirms; the result is applied
to the year it elects for, by the one rule ``rules.roles_after_election``.

Every action of a round goes through the voting engine (``blocs.voting.services``) on the election's
current round; these functions add the blocs' rules (who the electors and candidates are, who casts for a
unit, the year the result goes to).
"""

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from blocs.enums import ElectionOffice, MembershipRole, MembershipStatus
from blocs.membership import minutes
from blocs.membership.models import Bloc, BlocMembership, Election, EmulationYear
from blocs.membership.queries import (
    chosen_enterprises,
    confirmed_elections,
    current_round,
    deputy_in,
    effective_rules,
    elected_enterprise,
    election_rounds,
    elector_of,
    leader_in,
)
from blocs.membership.rules import leader_barred, roles_after_election
from blocs.membership.services.members import assign_role
from blocs.membership.services.years import ensure_year_open
from blocs.membership.signals import election_announcement_requested
from blocs.voting import services as voting
from blocs.voting.enums import Counting, VotingMethod, VotingPurpose, VotingStatus
from blocs.voting.models import Ballot, VotingSession
from thidua.audit.services import record_event
from thidua.documents.queries import documents_for_owner
from thidua.documents.services import issue_document

OFFICE_WORDS = {ElectionOffice.LEADER: "Khối trưởng", ElectionOffice.DEPUTY: "Khối phó"}


def election_title(*, bloc: Bloc, office: str, elects_for: int) -> str:
    """The vote's title, in Vietnamese like the minutes: "Bầu Khối trưởng Khối thi đua … năm 2027"."""
    return f"Bầu {OFFICE_WORDS[office]} {bloc.name} năm {elects_for}"


def _candidates(*, bloc: Bloc, office: str, elects_for: int, members: list[BlocMembership], rules) -> list:
    """The member enterprises who may stand. For leader: not last year's leader while another member could
    lead (unless the regulation allows a second term), and last year's deputy first when it is the default
    candidate. For deputy: not the leader the bloc elected for that year."""
    enterprises = [m.enterprise for m in members]
    member_ids = [e.pk for e in enterprises]
    organization_id = bloc.organization_id
    if office == ElectionOffice.LEADER:
        previous = leader_in(bloc=bloc, organization_id=organization_id, year=elects_for - 1)
        enterprises = [
            e
            for e in enterprises
            if not leader_barred(
                enterprise_id=e.pk,
                previous_leader_id=previous,
                may_serve_again=rules.leader_consecutive_terms_allowed,
                member_ids=member_ids,
            )
        ]
        if rules.deputy_is_default_leader_candidate:
            deputy = deputy_in(bloc=bloc, organization_id=organization_id, year=elects_for - 1)
            enterprises.sort(key=lambda e: e.pk != deputy)
        return enterprises
    leader_elect = chosen_enterprises(confirmed_elections(organization_id, elects_for).get(bloc.pk)).get(
        ElectionOffice.LEADER
    )
    return [e for e in enterprises if e.pk != leader_elect]


@transaction.atomic
def create_election(
    *,
    bloc: Bloc,
    year: EmulationYear,
    office: str,
    elects_for: int,
    created_by,
    method: str = VotingMethod.SECRET,
    counting: str = Counting.ONLINE,
    place: str = "",
    chair: str = "",
    secretary: str = "",
    others_present: str = "",
) -> Election:
    """An election among the member units of ``bloc`` in ``year``, for ``elects_for`` (that year or the next).

    Electors: every active member enterprise, with or without an account (one without counts as absent).
    Quorum, threshold and tie rule come from the bloc's regulation in force, or from the year's settings.
    """
    if bloc.organization_id != year.organization_id:
        raise ValidationError(_("The bloc and the year must belong to the same Board."))
    ensure_year_open(year)
    if office not in ElectionOffice.values:
        raise ValidationError({"office": _("Choose the leader or the deputy.")})
    if elects_for not in (year.year, year.year + 1):
        raise ValidationError(
            {
                "elects_for": _("An election held in %(year)d elects for %(year)d or %(next)d.")
                % {"year": year.year, "next": year.year + 1}
            }
        )
    members = list(
        BlocMembership.objects.filter(bloc=bloc, year=year, status=MembershipStatus.ACTIVE)
        .select_related("enterprise")
        .order_by("enterprise__name", "id")
    )
    if len(members) < 2:
        raise ValidationError(_("An election needs at least two member enterprises."))
    rules = effective_rules(bloc, year)
    candidates = _candidates(bloc=bloc, office=office, elects_for=elects_for, members=members, rules=rules)
    if not candidates:
        raise ValidationError(_("No member enterprise can stand for this office."))
    election = Election.objects.create(
        bloc=bloc, year=year, elects_for=elects_for, office=office, created_by=created_by
    )
    voting.create_voting_session(
        organization=bloc.organization,
        purpose=VotingPurpose.ELECTION,
        title=election_title(bloc=bloc, office=office, elects_for=elects_for),
        voters=[voting.VoterSpec(enterprise=m.enterprise, label=m.enterprise.name) for m in members],
        candidates=[voting.CandidateSpec(label=e.name, enterprise=e) for e in candidates],
        created_by=created_by,
        bloc=bloc,
        year=year,
        subject=election,
        method=method,
        counting=counting,
        tie_rule=rules.tie_rule,
        quorum_ratio=rules.quorum_ratio,
        threshold_ratio=rules.vote_threshold_ratio,
        seats=1,
        max_choices=1,
        place=place,
        chair=chair,
        secretary=secretary,
        others_present=others_present,
    )
    record_event(
        action="election.created",
        actor=created_by,
        organization=bloc.organization,
        obj=election,
        changes={"bloc": bloc.code, "office": office, "elects_for": elects_for, "method": method},
    )
    return election


def _round(election: Election) -> VotingSession:
    """The election's current round, for the engine's services (each re-reads and locks it): the id the
    accessor annotated (``queries.with_current_round``), else a query."""
    annotated = getattr(election, "current_round_id", None)
    session = VotingSession(pk=annotated) if annotated is not None else current_round(election)
    if session is None:
        raise ValidationError(_("This election has no vote."))
    return session


@transaction.atomic
def cast_member_ballot(*, election: Election, cast_by, candidates) -> Ballot:
    """The ballot of the member unit ``cast_by`` speaks for: one per unit, whichever of its people casts it."""
    voter = elector_of(election, cast_by)
    if voter is None:
        raise PermissionDenied(_("Only a member enterprise's representative, or its delegate, votes for it."))
    return voting.cast_ballot(session=voter.session, voter=voter, cast_by=cast_by, candidates=candidates)


def _announce(election: Election, event: str) -> None:
    transaction.on_commit(
        lambda: election_announcement_requested.send(sender=Election, election_id=election.pk, event=event)
    )


def open_election(*, election: Election, opened_by) -> VotingSession:
    session = voting.open_voting_session(session=_round(election), opened_by=opened_by)
    _announce(election, "opened")
    return session


def close_election_round(*, election: Election, closed_by) -> VotingSession:
    session = voting.close_voting_session(session=_round(election), closed_by=closed_by)
    _announce(election, "closed")
    return session


def record_election_count(*, election: Election, recorded_by, present, votes, **ballots) -> VotingSession:
    """The count made at the meeting (``record_paper_count``: ``issued``, ``received``, ``invalid``)."""
    session = voting.record_paper_count(
        session=_round(election), present=present, votes=votes, recorded_by=recorded_by, **ballots
    )
    _announce(election, "closed")
    return session


def record_election_consensus(*, election: Election, recorded_by, present, chosen) -> VotingSession:
    """``present``: the electors attending; ``chosen``: the candidate all of them agreed on (instances or ids)."""
    session = voting.record_consensus(
        session=_round(election), present=present, chosen=[chosen], recorded_by=recorded_by
    )
    _announce(election, "closed")
    return session


def record_election_chair_decision(
    *, election: Election, recorded_by, candidate, note: str = ""
) -> VotingSession:
    session = voting.record_chair_decision(
        session=_round(election), candidate=candidate, note=note, recorded_by=recorded_by
    )
    _announce(election, "closed")
    return session


def start_election_round(
    *, election: Election, created_by, method: str | None = None, counting: str | None = None
) -> VotingSession:
    """The next round: between the tied candidates, or everyone again when the quorum was not reached."""
    return voting.start_next_round(
        session=_round(election), created_by=created_by, method=method, counting=counting
    )


def confirm_election(*, election: Election, confirmed_by) -> VotingSession:
    return voting.confirm_voting_result(session=_round(election), confirmed_by=confirmed_by)


def target_year_of(election: Election) -> EmulationYear | None:
    return EmulationYear.objects.filter(
        organization_id=election.bloc.organization_id, year=election.elects_for
    ).first()


@transaction.atomic
def apply_election_result(*, election: Election, applied_by) -> list[BlocMembership]:
    """Give the office to the enterprise the confirmed election chose, in the year it elects for, by THE rule
    (``rules.roles_after_election``, with the no-second-consecutive-term rule); its previous holder becomes a
    plain member. The consolidation decision of that year, issued next, shows it."""
    election = Election.objects.select_for_update(of=("self",)).select_related("bloc").get(pk=election.pk)
    session = current_round(election)
    if session is None or session.status != VotingStatus.RESULT_CONFIRMED:
        raise ValidationError(_("Only a confirmed election can be applied."))
    if election.applied_to_id is not None:
        raise ValidationError(_("This result already holds for %(year)d.") % {"year": election.elects_for})
    target = target_year_of(election)
    if target is None:
        raise ValidationError(
            _("The year %(year)d is not open yet; its roles follow this election when it is opened.")
            % {"year": election.elects_for}
        )
    ensure_year_open(target)
    bloc = election.bloc
    memberships = {
        m.enterprise_id: m
        for m in BlocMembership.objects.filter(
            bloc=bloc, year=target, status=MembershipStatus.ACTIVE
        ).select_related("enterprise")
    }
    enterprise_id = elected_enterprise(session)
    if enterprise_id not in memberships:
        raise ValidationError(
            _("The enterprise elected is not a member of the bloc in %(year)d.") % {"year": target.year}
        )
    previous = leader_in(bloc=bloc, organization_id=bloc.organization_id, year=target.year - 1)
    may_serve_again = effective_rules(bloc, target).leader_consecutive_terms_allowed
    if election.office == ElectionOffice.LEADER and leader_barred(
        enterprise_id=enterprise_id,
        previous_leader_id=previous,
        may_serve_again=may_serve_again,
        member_ids=list(memberships),
    ):
        raise ValidationError(
            _(
                "This enterprise led the bloc last year; the regulation does not allow a second consecutive term."
            )
        )
    roles = roles_after_election(
        member_ids=list(memberships),
        current_roles={e: m.role for e, m in memberships.items()},
        elected={election.office: enterprise_id},
        previous_leader_id=previous,
        may_serve_again=may_serve_again,
    )
    order = {MembershipRole.MEMBER: 0, MembershipRole.DEPUTY: 1, MembershipRole.LEADER: 2}
    changed = sorted(
        (e for e, role in roles.items() if role != memberships[e].role), key=lambda e: order[roles[e]]
    )
    applied = [assign_role(membership=memberships[e], role=roles[e], assigned_by=applied_by) for e in changed]
    election.applied_to = target
    election.applied_at = timezone.now()
    election.applied_by = applied_by
    election.save(update_fields=["applied_to", "applied_at", "applied_by"])
    record_event(
        action="election.applied",
        actor=applied_by,
        organization=bloc.organization,
        obj=election,
        changes={
            "year": target.year,
            "office": election.office,
            "enterprise": memberships[enterprise_id].enterprise.tax_code,
            "memberships": [m.pk for m in applied],
        },
    )
    return applied


@transaction.atomic
def issue_election_minutes(*, election: Election, issued_by):
    """Issue the minutes (Biên bản) of the election's rounds so far, once its last round is closed: the
    bloc's document, numbered in the bloc's register and rendered by the worker (``blocs.membership.minutes``).
    Once per set of rounds: after a second round, the minutes are issued again and cover both."""
    rounds = election_rounds(election)
    if not rounds or rounds[-1].status not in (VotingStatus.CLOSED, VotingStatus.RESULT_CONFIRMED):
        raise ValidationError(_("The minutes are issued once the round is closed."))
    issued = documents_for_owner(election).filter(kind=minutes.KIND).values_list("context", flat=True)
    if any(context.get("rounds_count") == len(rounds) for context in issued):
        raise ValidationError(_("The minutes of these rounds are already issued."))
    members_count = BlocMembership.objects.filter(
        bloc=election.bloc, year=election.year, status=MembershipStatus.ACTIVE
    ).count()
    representative = issued_by.get_full_name() or issued_by.get_username()
    document = issue_document(
        **minutes.issue_kwargs(
            election=election, rounds=rounds, members_count=members_count, representative=representative
        ),
        requested_by=issued_by,
    )
    record_event(
        action="election.minutes_issued",
        actor=issued_by,
        organization=election.bloc.organization,
        obj=election,
        changes={"document": document.pk, "rounds": len(rounds)},
    )
    return document
