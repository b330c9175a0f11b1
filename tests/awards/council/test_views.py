import pytest
from django.urls import reverse

from awards.council.models import CouncilSession
from awards.council.services import create_council_session, open_council_session
from blocs.voting.models import Ballot
from tests.factories.blocs import EnterpriseFactory, enterprise_user

pytestmark = pytest.mark.unit


@pytest.fixture
def session(world, council, before_council):
    year, flag, certificate = before_council
    return create_council_session(
        year=year,
        title="Phiên họp",
        meets_on=year.opened_at.date(),
        chair="Hoàng Văn Khởi",
        secretary="Chuyên Viên",
        nominations=[flag, certificate],
        created_by=world.a.officer,
    )


def test_officer_prepares_a_session_through_the_form(world, client_for, council, before_council):
    year, flag, certificate = before_council

    response = client_for(world.a.officer).post(
        reverse("council:council_create"),
        {
            "year": year.pk,
            "title": "Phiên họp",
            "meets_on": "2025-12-05",
            "chair": "Hoàng Văn Khởi",
            "secretary": "Chuyên Viên",
            "quorum_ratio": "0,8",
            "nominations": [flag.pk, certificate.pk],
        },
    )

    assert response.status_code == 302
    assert CouncilSession.objects.get().items.count() == 2


def test_a_member_casts_ballots_on_the_page(world, client_for, session):
    open_council_session(session=session, opened_by=world.a.officer)
    items = list(session.items.all())

    response = client_for(world.a.council).post(
        reverse("council:council_vote", args=[session.pk]), {f"item_{items[0].pk}": "on"}
    )

    assert response.status_code == 302
    assert Ballot.objects.filter(voter__user=world.a.council).count() == 2


def test_officer_records_a_written_opinion(world, client_for, council, session):
    open_council_session(session=session, opened_by=world.a.officer)

    client_for(world.a.officer).post(
        reverse("council:council_written", args=[session.pk]), {"member": council[4].pk}
    )

    assert (
        Ballot.objects.filter(voter__user=council[4], channel="WRITTEN", cast_by=world.a.officer).count() == 2
    )


def test_roles_on_a_session(world, client_for, session):
    enterprise = enterprise_user(EnterpriseFactory(organization=world.a.board))

    statuses = [
        client_for(world.a.signer).get(reverse("council:council_detail", args=[session.pk])).status_code,
        client_for(enterprise).get(reverse("council:council_detail", args=[session.pk])).status_code,
        client_for(world.a.council).post(reverse("council:council_open", args=[session.pk])).status_code,
        client_for(world.a.officer).post(reverse("council:council_vote", args=[session.pk])).status_code,
    ]

    assert statuses == [200, 403, 403, 403]


@pytest.mark.parametrize("extra", [0, 2])
def test_detail_queries_are_constant(world, client_for, council, session, django_assert_num_queries, extra):
    from tests.factories.accounts import staff_user
    from thidua.accounts.enums import BoardRole

    for n in range(extra):
        staff_user(world.a.board, BoardRole.OFFICER, full_name=f"Thêm {n}")
    open_council_session(session=session, opened_by=world.a.officer)
    client = client_for(world.a.council)

    with django_assert_num_queries(7):
        response = client.get(reverse("council:council_detail", args=[session.pk]))

    assert response.status_code == 200
