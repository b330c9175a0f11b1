from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from awards.catalogue.queries import base_salary_on
from awards.catalogue.rules import award_money
from awards.decisions.documents import award_decision_context, sample_lines
from awards.decisions.services import create_award_decision, submit_award_decision
from awards.enums import SubjectKind
from awards.nominations.enums import NominationStatus
from awards.nominations.models import Nomination
from tests.factories.accounts import TEST_PASSWORD
from tests.factories.awards import NominationFactory, award_type
from tests.factories.blocs import BlocFactory, BlocMembershipFactory, EmulationYearFactory
from thidua.documents.enums import DocumentState
from thidua.documents.models import GeneratedDocument
from thidua.documents.queries import signature_requests_for_owner
from thidua.documents.services import sign_document

pytestmark = pytest.mark.unit


@pytest.fixture
def approved(world):
    year = EmulationYearFactory(organization=world.a.board, year=2025)
    bloc = BlocFactory(organization=world.a.board)
    first = BlocMembershipFactory(bloc=bloc, year=year).enterprise
    second = BlocMembershipFactory(bloc=bloc, year=year).enterprise
    collective = NominationFactory(year=year, enterprise=first, bloc=bloc, status=NominationStatus.APPROVED)
    person = NominationFactory(
        year=year,
        enterprise=second,
        bloc=bloc,
        status=NominationStatus.APPROVED,
        subject_kind=SubjectKind.INDIVIDUAL,
        subject_name="Lê Thị Hoa",
        position="Tổ trưởng",
    )
    return year, [collective, person]


def test_lines_carry_the_money_of_the_base_salary_in_force(world, approved):
    year, nominations = approved

    decision = create_award_decision(
        year=year, award_type=award_type("GK_BQL"), nominations=nominations, created_by=world.a.officer
    )

    salary = base_salary_on(timezone.localdate()).amount  # the value in force today, when it is drafted
    collective = award_money(multiplier=Decimal("0.6"), base_salary=salary)
    individual = award_money(multiplier=Decimal("0.3"), base_salary=salary)
    lines = [(line.is_collective, line.name, line.money) for line in decision.lines.all()]
    assert lines == [(True, nominations[0].enterprise.name, collective), (False, "Lê Thị Hoa", individual)]
    assert (decision.base_salary, decision.total_money) == (salary, collective + individual)


def test_only_approved_nominations_of_a_board_award(world, approved):
    year, nominations = approved
    Nomination.objects.filter(pk=nominations[0].pk).update(status=NominationStatus.COUNCIL_VOTING)

    with pytest.raises(ValidationError) as not_approved:
        create_award_decision(
            year=year, award_type=award_type("GK_BQL"), nominations=nominations, created_by=world.a.officer
        )
    with pytest.raises(ValidationError) as provincial:
        create_award_decision(
            year=year,
            award_type=award_type("BK_CT_TINH"),
            nominations=nominations[1:],
            created_by=world.a.officer,
        )

    assert "nominations" in not_approved.value.message_dict
    assert "award_type" in provincial.value.message_dict


def test_signed_before_numbered_then_the_nominations_are_decided(world, approved):
    year, nominations = approved
    decision = create_award_decision(
        year=year, award_type=award_type("GK_BQL"), nominations=nominations, created_by=world.a.officer
    )

    submitted = submit_award_decision(decision=decision, signer=world.a.signer, submitted_by=world.a.officer)
    pending = (GeneratedDocument.objects.filter(is_draft=False).count(), submitted.state)
    sign_document(
        signature_request=signature_requests_for_owner(decision).get(),
        signed_by=world.a.signer,
        password=TEST_PASSWORD,
    )

    decision.refresh_from_db()
    assert pending == (0, DocumentState.PENDING_SIGNATURE)
    assert (decision.state, decision.document.number, decision.document.kind) == (
        DocumentState.ISSUED,
        1,
        "award_decision",
    )
    assert set(Nomination.objects.values_list("status", flat=True)) == {NominationStatus.DECIDED}


def test_a_nomination_is_decided_once(world, approved):
    year, nominations = approved
    create_award_decision(
        year=year, award_type=award_type("GK_BQL"), nominations=nominations, created_by=world.a.officer
    )

    with pytest.raises(ValidationError):
        create_award_decision(
            year=year,
            award_type=award_type("GK_BQL"),
            nominations=nominations[:1],
            created_by=world.a.officer,
        )


def test_the_decision_text_has_three_articles_and_the_list_apart():
    context = award_decision_context(
        award_name="Giấy khen của Trưởng Ban Quản lý các KCN tỉnh Thái Nguyên",
        short_name="Giấy khen",
        year=2025,
        lines=sample_lines(5),
        base_salary=2_340_000,
        legal_bases=["Căn cứ Luật Thi đua, khen thưởng số 06/2022/QH15 ngày 15 tháng 6 năm 2022;"],
        council_minutes="Biên bản họp Hội đồng Thi đua - Khen thưởng ngày 05 tháng 12 năm 2025",
    )

    assert [a["heading"] for a in context["articles"]] == ["Điều 1.", "Điều 2.", "Điều 3."]
    assert context["articles"][0]["paragraphs"][0].startswith(
        "Tặng Giấy khen của Trưởng Ban Quản lý các KCN tỉnh Thái Nguyên cho 03 tập thể và 02 cá nhân"
    )
    assert "tổng cộng 5.650.000 đồng" in context["articles"][1]["paragraphs"][0]
    assert context["legal_bases"][-2:] == [
        "Căn cứ Biên bản họp Hội đồng Thi đua - Khen thưởng ngày 05 tháng 12 năm 2025;",
        "Theo đề nghị của Chánh Văn phòng Ban Quản lý.",
    ]
    assert [s["heading"] for s in context["appendix"]["sections"]] == ["I. Tập thể", "II. Cá nhân"]
    assert context["appendix"]["sections"][1]["rows"][0][-1] == "710.000"


def test_a_base_salary_change_before_signing_refuses_the_signature(world, approved, monkeypatch):

    year, nominations = approved
    decision = create_award_decision(
        year=year, award_type=award_type("GK_BQL"), nominations=nominations, created_by=world.a.officer
    )
    submit_award_decision(decision=decision, signer=world.a.signer, submitted_by=world.a.officer)
    type(decision).objects.filter(pk=decision.pk).update(base_salary=2_000_000)

    with pytest.raises(ValidationError) as refused:
        sign_document(
            signature_request=signature_requests_for_owner(decision).get(),
            signed_by=world.a.signer,
            password=TEST_PASSWORD,
        )

    assert refused.value.code == "salary_changed"
    assert set(Nomination.objects.values_list("status", flat=True)) == {NominationStatus.APPROVED}
