import pytest
from django.urls import reverse

from awards.decisions.models import AwardDecision
from awards.enums import SubjectKind
from awards.nominations.enums import NominationStatus
from tests.factories.awards import NominationFactory, award_type
from tests.factories.blocs import EmulationYearFactory, EnterpriseFactory, enterprise_user
from thidua.documents.enums import DocumentState

pytestmark = pytest.mark.unit


@pytest.fixture
def approved(world):
    year = EmulationYearFactory(organization=world.a.board, year=2025)
    return year, [
        NominationFactory(year=year, status=NominationStatus.APPROVED),
        NominationFactory(
            year=year,
            status=NominationStatus.APPROVED,
            subject_kind=SubjectKind.INDIVIDUAL,
            subject_name="Lê Hoa",
        ),
    ]


def test_officer_drafts_and_sends_a_decision(world, client_for, approved):
    year, nominations = approved
    client = client_for(world.a.officer)

    created = client.post(
        reverse("decisions:decision_create"),
        {"year": year.pk, "award_type": award_type("GK_BQL").pk, "nominations": [n.pk for n in nominations]},
    )
    decision = AwardDecision.objects.get()
    sent = client.post(
        reverse("decisions:decision_submit", args=[decision.pk]), {"signer": world.a.signer.pk}
    )

    decision.refresh_from_db()
    assert [created.status_code, sent.status_code] == [302, 302]
    assert decision.state == DocumentState.PENDING_SIGNATURE


def test_roles_on_a_decision(world, client_for, approved):
    from awards.decisions.services import create_award_decision

    year, nominations = approved
    decision = create_award_decision(
        year=year, award_type=award_type("GK_BQL"), nominations=nominations, created_by=world.a.officer
    )
    enterprise = enterprise_user(EnterpriseFactory(organization=world.a.board))

    statuses = [
        client_for(world.a.council).get(reverse("decisions:decision_detail", args=[decision.pk])).status_code,
        client_for(enterprise).get(reverse("decisions:decision_detail", args=[decision.pk])).status_code,
        client_for(world.a.council)
        .post(reverse("decisions:decision_submit", args=[decision.pk]), {"signer": world.a.signer.pk})
        .status_code,
    ]

    assert statuses == [200, 403, 403]


@pytest.mark.parametrize("count", [1, 2])
def test_detail_queries_are_constant(world, client_for, approved, django_assert_num_queries, count):
    from awards.decisions.services import create_award_decision

    year, nominations = approved
    decision = create_award_decision(
        year=year,
        award_type=award_type("GK_BQL"),
        nominations=nominations[:count],
        created_by=world.a.officer,
    )
    client = client_for(world.a.officer)

    with django_assert_num_queries(9):
        response = client.get(reverse("decisions:decision_detail", args=[decision.pk]))

    assert response.status_code == 200


def test_certificates_print_one_per_awardee_of_an_issued_decision(world, client_for, approved):
    from awards.decisions.services import create_award_decision, submit_award_decision
    from tests.factories.accounts import TEST_PASSWORD
    from thidua.documents.queries import signature_requests_for_owner
    from thidua.documents.services import sign_document

    year, nominations = approved
    decision = create_award_decision(
        year=year, award_type=award_type("GK_BQL"), nominations=nominations, created_by=world.a.officer
    )
    url = reverse("decisions:decision_certificates", args=[decision.pk])
    before = client_for(world.a.officer).get(url).status_code
    submit_award_decision(decision=decision, signer=world.a.signer, submitted_by=world.a.officer)
    sign_document(
        signature_request=signature_requests_for_owner(decision).get(),
        signed_by=world.a.signer,
        password=TEST_PASSWORD,
    )

    response = client_for(world.a.officer).get(url)

    assert before == 404
    assert response.content.decode().count('data-testid="certificate"') == 2
    assert "GIẤY KHEN" in response.content.decode()
