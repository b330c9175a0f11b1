"""The home page says what waits for each role, each item linking to where to act; the apps contribute their
items through ``thidua.waiting.waiting_items`` and the page's query count does not grow with the data."""

import pytest
from django.urls import reverse

from blocs.membership.services import create_election, open_election, submit_application
from blocs.pledges import services as pledges
from tests.blocs.pledges.conftest import fill, make_pledge_world
from tests.factories.blocs import BlocMembershipFactory, EnterpriseFactory, enterprise_user
from tests.factories.documents import NoticeFactory
from thidua.documents import services as documents
from thidua.waiting import waiting_for

pytestmark = pytest.mark.integration


@pytest.fixture
def pw(world):
    """Board A's bloc of 2026 with its approved template (signing deadline 31/03/2026) and three members."""
    return make_pledge_world(world)


def add_applications(world, year, n):
    for _ in range(n):
        enterprise = EnterpriseFactory(organization=world.a.board)
        submit_application(enterprise=enterprise, year=year, submitted_by=enterprise_user(enterprise))


def add_submitted_pledges(pw, n):
    for _ in range(n):
        membership = BlocMembershipFactory(bloc=pw.bloc, year=pw.template.year)
        representative = enterprise_user(membership.enterprise)
        pledges.ensure_member_pledges(template=pw.template)
        pledge = fill(pw.pledge_of(membership.enterprise), representative, pw.indicators)
        pledges.submit_pledge(pledge=pledge, submitted_by=representative)


def add_open_votes(pw, n):
    for _ in range(n):
        election = create_election(
            bloc=pw.bloc, year=pw.template.year, office="DEPUTY", elects_for=2027, created_by=None
        )
        open_election(election=election, opened_by=None)


def labels(user) -> dict[str, tuple]:
    return {str(item.label): (item.count, item.url) for item in waiting_for(user)}


def test_the_boards_officer_sees_applications_and_late_pledges(world, pw):
    add_applications(world, pw.template.year, 2)

    waiting = labels(world.a.officer)

    assert waiting["Applications to decide"] == (2, reverse("membership:application_list"))
    assert waiting["Pledges not signed by their deadline"] == (3, reverse("pledges:progress"))  # 31/03 is past
    assert "Pledges to review" not in waiting


def test_the_signer_sees_the_documents_to_sign(world):
    for _ in range(2):
        notice = NoticeFactory(created_by=world.a.officer, signer=world.a.signer)
        documents.submit_notice(notice=notice, submitted_by=world.a.officer)

    assert labels(world.a.signer)["Documents waiting for your signature"] == (
        2,
        reverse("documents:signature_queue"),
    )


def test_the_bloc_leader_sees_the_pledges_to_review_and_the_open_votes(pw):
    add_submitted_pledges(pw, 2)
    add_open_votes(pw, 1)

    waiting = labels(pw.leader_rep)

    assert waiting["Pledges to review"] == (2, f"{reverse('pledges:progress')}?status=SUBMITTED")
    assert waiting["Votes open in your bloc"] == (1, reverse("membership:election_list"))
    assert waiting["Ballots to cast for your enterprise"] == (1, reverse("membership:election_list"))


def test_an_enterprise_sees_its_pledge_step_with_its_deadline_and_its_ballots(pw):
    add_open_votes(pw, 2)

    items = {str(item.label): item for item in waiting_for(pw.member_rep)}

    step = items["Your pledge for 2026: fill it in and submit it"]
    assert (step.url, step.note, step.late) == (
        reverse("pledges:pledge_detail", args=[pw.pledge_of(pw.member).pk]),
        "to be signed by 31/03/2026",
        True,
    )
    assert items["Ballots to cast for your enterprise"].count == 2
    assert "Pledges to review" not in items and "Applications to decide" not in items


def test_the_home_page_lists_them_with_their_links(client_for, pw):
    add_submitted_pledges(pw, 1)

    page = client_for(pw.leader_rep).get(reverse("home")).content.decode()

    assert 'data-testid="waiting"' in page
    assert f'href="{reverse("pledges:progress")}?status=SUBMITTED"' in page


@pytest.mark.parametrize("n", [1, 3])
@pytest.mark.parametrize("who", ["officer", "leader", "member"])
def test_the_home_page_query_count_does_not_grow_with_the_data(
    world, pw, client_for, django_assert_num_queries, n, who
):
    add_applications(world, pw.template.year, n)
    add_submitted_pledges(pw, n)
    add_open_votes(pw, n)
    user = {"officer": world.a.officer, "leader": pw.leader_rep, "member": pw.member_rep}[who]
    client = client_for(user)
    client.get(reverse("home"))  # warm: session refresh, caches

    with django_assert_num_queries(QUERIES[who]):
        response = client.get(reverse("home"))

    assert response.status_code == 200
    assert len(response.context["waiting"]) >= 1


# Literal pins, the same for one and three of everything: the apps answer with counts made in SQL.
QUERIES = {"officer": 12, "leader": 12, "member": 10}
