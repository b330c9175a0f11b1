"""Query counts of the election screens, pinned: the list runs the same queries with one and three elections,
a detail page stays within 12 whatever the number of member units, a POST action within 15.

POST actions are counted without SAVEPOINT / RELEASE statements: they appear only because each test runs
inside a transaction, and each atomic block of a service adds two (tests/blocs/test_views_queries.py).
"""

from contextlib import contextmanager

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from blocs.enums import EnterpriseRole
from blocs.membership.queries import current_round
from blocs.membership.services import close_election_round, create_election, open_election
from blocs.voting.enums import Counting, TieRule, VotingMethod
from blocs.voting.models import BallotChoice
from tests.factories.blocs import BlocFactory, BlocMembershipFactory, enterprise_user

pytestmark = pytest.mark.integration


def _election(blocs_world, members=3, **kwargs):
    for _ in range(members):
        enterprise_user(BlocMembershipFactory(bloc=blocs_world.bloc, year=blocs_world.year).enterprise)
    return create_election(
        bloc=blocs_world.bloc,
        year=blocs_world.year,
        office="LEADER",
        elects_for=2027,
        created_by=None,
        **kwargs,
    )


def _url(name, election):
    return reverse(f"membership:{name}", args=[election.pk])


@contextmanager
def assert_post_queries(expected: int):
    with CaptureQueriesContext(connection) as ctx:
        yield
    queries = [q["sql"] for q in ctx.captured_queries if "SAVEPOINT" not in q["sql"]]
    assert len(queries) == expected, "\n".join(queries)


def _warm(client, election=None):
    """A first page view (session refresh, caches), so the measured request is a steady-state one."""
    client.get(_url("election_detail", election) if election else reverse("membership:election_list"))
    return client


@pytest.mark.parametrize("elections", [1, 3])
def test_election_list(world, blocs_world, client_for, django_assert_num_queries, elections):
    for n in range(elections):
        bloc = BlocFactory(organization=world.a.board, code=f"KTĐL{n}")
        for _ in range(2):
            BlocMembershipFactory(bloc=bloc, year=blocs_world.year)
        create_election(bloc=bloc, year=blocs_world.year, office="LEADER", elects_for=2027, created_by=None)
    client = _warm(client_for(world.a.officer))

    with django_assert_num_queries(7):
        response = client.get(reverse("membership:election_list"))

    assert len(response.context["page_obj"].object_list) == elections


@pytest.mark.parametrize("members", [1, 5])
@pytest.mark.parametrize(("who", "queries"), [("officer", 9), ("leader", 10), ("member", 11)])
def test_election_detail(world, blocs_world, client_for, django_assert_num_queries, members, who, queries):
    election = _election(blocs_world, members=members)
    open_election(election=election, opened_by=None)
    user = {"officer": world.a.officer, "leader": blocs_world.leader, "member": blocs_world.member}[who]
    client = _warm(client_for(user), election)

    with django_assert_num_queries(queries):
        response = client.get(_url("election_detail", election))

    assert response.context["turnout"] == (0, members + 2)


def test_a_delegate_sees_the_detail_within_twelve(world, blocs_world, client_for, django_assert_num_queries):
    election = _election(blocs_world)
    open_election(election=election, opened_by=None)
    delegate = enterprise_user(blocs_world.member_enterprise, role=EnterpriseRole.REPORTER)
    client_for(blocs_world.member).post(reverse("membership:delegate_name"), {"delegate": delegate.pk})
    client = _warm(client_for(delegate), election)

    with django_assert_num_queries(12):
        response = client.get(_url("election_detail", election))

    assert "ballot_form" in response.context


def test_vote_and_close(world, blocs_world, client_for, django_assert_num_queries):
    election = _election(blocs_world)
    open_election(election=election, opened_by=None)
    candidate = current_round(election).candidates.first()
    member, leader = (
        _warm(client_for(blocs_world.member), election),
        _warm(client_for(blocs_world.leader), election),
    )

    with assert_post_queries(14):
        member.post(_url("election_vote", election), {"choice": candidate.pk})
    with assert_post_queries(13):
        leader.post(_url("election_close", election))

    assert BallotChoice.objects.get().candidate == candidate


def test_next_round_count_and_confirm(world, blocs_world, client_for, django_assert_num_queries):
    election = _election(blocs_world, members=2)  # four member units
    open_election(election=election, opened_by=None)
    close_election_round(election=election, closed_by=None)  # nobody voted: the quorum was missed
    officer = _warm(client_for(world.a.officer), election)

    with assert_post_queries(14):
        officer.post(_url("election_next_round", election), {"method": "SECRET", "counting": "PAPER"})
    session = current_round(election)
    winner = session.candidates.first()
    count = {
        "present": list(session.voters.values_list("pk", flat=True)),
        "issued": 4,
        "received": 4,
        "invalid": 1,
    }
    count |= {f"votes_{c.pk}": 3 if c == winner else 0 for c in session.candidates.all()}
    with assert_post_queries(14):
        officer.post(_url("election_count", election), count)
    with assert_post_queries(10):
        officer.post(_url("election_confirm", election))

    session.refresh_from_db()
    assert (session.round, session.result["elected"], session.result["invalid"]) == (2, [winner.pk], 1)


def test_consensus_and_chair_decision(world, blocs_world, client_for, django_assert_num_queries):
    consensus = _election(blocs_world, members=1, method=VotingMethod.CONSENSUS)
    session = current_round(consensus)
    leader = _warm(client_for(blocs_world.leader), consensus)

    data = {
        "present": list(session.voters.values_list("pk", flat=True)),
        "chosen": session.candidates.first().pk,
    }
    with assert_post_queries(14):
        leader.post(_url("election_consensus", consensus), data)

    session.refresh_from_db()
    assert session.result["consensus"] is True
    tied = create_election(
        bloc=blocs_world.bloc,
        year=blocs_world.year,
        office="LEADER",
        elects_for=2026,
        created_by=None,
        counting=Counting.PAPER,
    )
    tied_round = current_round(tied)
    tied_round.tie_rule = TieRule.CHAIR
    tied_round.save(update_fields=["tie_rule"])
    first, second = tied_round.candidates.all()[:2]
    leader.post(
        _url("election_count", tied),
        {
            "present": list(tied_round.voters.values_list("pk", flat=True)),
            **{f"votes_{c.pk}": 1 if c in (first, second) else 0 for c in tied_round.candidates.all()},
        },
    )
    with assert_post_queries(13):
        leader.post(_url("election_chair_decision", tied), {"candidate": second.pk, "note": "Điều 9"})

    tied_round.refresh_from_db()
    assert tied_round.result["chair_decision"]["candidate_id"] == second.pk
