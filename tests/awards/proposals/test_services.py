import datetime

import pytest
from django.core.exceptions import ValidationError

from awards.enums import SubjectKind
from awards.nominations.enums import NominationStatus
from awards.nominations.models import Nomination
from awards.proposals.services import (
    create_provincial_proposal,
    record_provincial_decision,
    submit_provincial_proposal,
)
from tests.awards.nominations.conftest import pdf_upload
from tests.factories.accounts import TEST_PASSWORD
from tests.factories.awards import NominationFactory, award_type
from tests.factories.blocs import EmulationYearFactory
from thidua.documents.enums import DocumentState
from thidua.documents.queries import signature_requests_for_owner
from thidua.documents.services import sign_document

pytestmark = pytest.mark.unit


@pytest.fixture
def approved(world):
    year = EmulationYearFactory(organization=world.a.board, year=2025)
    merit = award_type("BK_CT_TINH")
    return year, [
        NominationFactory(year=year, award_type=merit, status=NominationStatus.APPROVED),
        NominationFactory(
            year=year,
            award_type=merit,
            status=NominationStatus.APPROVED,
            subject_kind=SubjectKind.INDIVIDUAL,
            subject_name="Nguyễn Văn Nam",
            position="Giám đốc",
        ),
    ]


def signed(world, year, nominations):
    proposal = create_provincial_proposal(
        year=year, award_type=award_type("BK_CT_TINH"), nominations=nominations, created_by=world.a.officer
    )
    submit_provincial_proposal(proposal=proposal, signer=world.a.signer, submitted_by=world.a.officer)
    sign_document(
        signature_request=signature_requests_for_owner(proposal).get(),
        signed_by=world.a.signer,
        password=TEST_PASSWORD,
    )
    proposal.refresh_from_db()
    return proposal


def test_a_signed_proposal_forwards_its_nominations(world, approved):
    year, nominations = approved

    proposal = signed(world, year, nominations)

    assert (proposal.state, proposal.document.doc_type, proposal.document.number) == (
        DocumentState.ISSUED,
        "TTr",
        1,
    )
    assert set(Nomination.objects.values_list("status", flat=True)) == {NominationStatus.FORWARDED}
    assert proposal.document.context["appendix"]["document_word"] == "Tờ trình"


def test_the_board_award_is_not_proposed_to_the_province(world, approved):
    year, nominations = approved

    with pytest.raises(ValidationError) as refused:
        create_provincial_proposal(
            year=year, award_type=award_type("GK_BQL"), nominations=nominations, created_by=world.a.officer
        )

    assert "award_type" in refused.value.message_dict


def test_the_provinces_decision_grants_some_and_not_others(world, approved):
    year, nominations = approved
    proposal = signed(world, year, nominations)

    decision = record_provincial_decision(
        proposal=proposal,
        number="125/QĐ-UBND",
        decided_on=datetime.date(2026, 1, 20),
        signer="Chủ tịch UBND tỉnh",
        upload=pdf_upload(),
        granted=[nominations[0].pk],
        recorded_by=world.a.officer,
    )

    statuses = dict(Nomination.objects.values_list("pk", "status"))
    assert decision.number == "125/QĐ-UBND"
    assert statuses == {
        nominations[0].pk: NominationStatus.DECIDED_EXTERNAL,
        nominations[1].pk: NominationStatus.REJECTED_EXTERNAL,
    }


def test_the_provinces_decision_needs_a_pdf_and_is_recorded_once(world, approved):
    from django.core.files.uploadedfile import SimpleUploadedFile

    year, nominations = approved
    proposal = signed(world, year, nominations)
    values = {
        "number": "125/QĐ-UBND",
        "decided_on": datetime.date(2026, 1, 20),
        "signer": "Chủ tịch",
        "granted": [],
    }

    with pytest.raises(ValidationError) as not_pdf:
        record_provincial_decision(
            proposal=proposal,
            upload=SimpleUploadedFile("x.pdf", b"nope"),
            recorded_by=world.a.officer,
            **values,
        )
    record_provincial_decision(proposal=proposal, upload=pdf_upload(), recorded_by=world.a.officer, **values)
    with pytest.raises(ValidationError):
        record_provincial_decision(
            proposal=proposal, upload=pdf_upload(), recorded_by=world.a.officer, **values
        )

    assert "file" in not_pdf.value.message_dict
