"""The consolidation decision is a Board document: drafted, sent to the signer the officer chooses, signed
with re-authentication, and only then numbered (Decree 30/2020, Art. 15; domain.md §17.2)."""

import pytest
from django.core.exceptions import ValidationError
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from blocs.enums import DecisionStatus, MembershipRole
from blocs.membership.documents import TEMPLATE_NAME
from blocs.membership.services import (
    create_consolidation_draft,
    delete_consolidation_draft,
    submit_consolidation_decision,
)
from blocs.models import BlocMembership, ConsolidationDecision, Election
from tests.factories.accounts import TEST_PASSWORD, staff_user
from tests.factories.blocs import (
    BlocFactory,
    BlocMembershipFactory,
    EmulationYearFactory,
    signed_consolidation_decision,
)
from thidua.accounts.enums import BoardRole, SigningPosition
from thidua.accounts.models import BoardMembership
from thidua.documents.enums import DocumentState
from thidua.documents.models import GeneratedDocument, NumberSequence
from thidua.documents.queries import signature_requests_for_owner
from thidua.documents.rendering import render_html
from thidua.documents.services import return_document, sign_document

pytestmark = pytest.mark.unit


@pytest.fixture
def year_with_bloc(world):
    year = EmulationYearFactory(organization=world.a.board, year=2026)
    bloc = BlocFactory(organization=world.a.board, code="KTĐ1", name="Khối thi đua KCN Thanh Bình")
    leader = BlocMembershipFactory(bloc=bloc, year=year, role=MembershipRole.LEADER)
    BlocMembershipFactory(bloc=bloc, year=year, role=MembershipRole.DEPUTY)
    return year, leader


def _html(document) -> str:
    return " ".join(render_html(document).replace("\u00a0", " ").split())


def test_a_submitted_decision_has_a_preview_but_no_number_until_it_is_signed(world, year_with_bloc):
    year, _leader = year_with_bloc
    decision = create_consolidation_draft(year=year, created_by=world.a.officer)

    submit_consolidation_decision(decision=decision, submitted_by=world.a.officer, signer=world.a.signer)

    decision.refresh_from_db()
    request = signature_requests_for_owner(decision).get()
    assert decision.state == DocumentState.PENDING_SIGNATURE
    assert decision.document is None and decision.number == ""
    assert request.preview.is_draft and request.preview.number is None
    assert not NumberSequence.objects.filter(organization=world.a.board).exists()
    assert "DỰ THẢO" in _html(request.preview)


def test_the_signer_signs_and_the_number_is_taken_then(world, year_with_bloc):
    year, leader = year_with_bloc

    decision = signed_consolidation_decision(year, officer=world.a.officer, signer=world.a.signer)

    html = _html(decision.document)
    assert (decision.state, decision.status, decision.number) == (
        DocumentState.ISSUED,
        DecisionStatus.ISSUED,
        "01",
    )
    assert decision.document.template_name == TEMPLATE_NAME
    assert decision.signed_on == decision.document.issued_on
    assert set(BlocMembership.objects.values_list("decision", flat=True)) == {decision.pk}
    assert "Khối thi đua KCN Thanh Bình (KTĐ1)" in html
    assert leader.enterprise.name in html and "Khối trưởng" in html
    assert f"Kèm theo Quyết định số 01/{decision.symbol}" in html
    assert "KT. TRƯỞNG BAN" in html and "Lãnh Đạo Ban" in html


def test_the_chosen_signer_is_printed_not_the_alphabetically_first(world, year_with_bloc):
    year, _leader = year_with_bloc
    staff_user(world.a.board, BoardRole.SIGNER, full_name="An Văn Đầu")  # sorts before "Lãnh Đạo Ban"
    head = staff_user(world.a.board, BoardRole.SIGNER, full_name="Trưởng Ban Thật")
    BoardMembership.objects.filter(user=head).update(
        signing_position=SigningPosition.HEAD, title="Trưởng ban"
    )

    decision = signed_consolidation_decision(year, officer=world.a.officer, signer=head)

    document = decision.document
    assert (document.signer_name, document.signer_prefix) == ("Trưởng Ban Thật", "")
    assert "An Văn Đầu" not in _html(document)


def test_a_new_signed_decision_supersedes_the_earlier_one(world, year_with_bloc):
    year, _leader = year_with_bloc
    first = signed_consolidation_decision(year, officer=world.a.officer, signer=world.a.signer)

    second = signed_consolidation_decision(year, officer=world.a.officer, signer=world.a.signer)

    first.refresh_from_db()
    assert (first.status, second.status) == (DecisionStatus.SUPERSEDED, DecisionStatus.ISSUED)
    assert (first.number, second.number) == ("01", "02")
    assert set(BlocMembership.objects.values_list("decision", flat=True)) == {second.pk}


def test_legal_bases_come_from_the_library_and_the_election_only_when_one_was_applied(world, year_with_bloc):
    year, _leader = year_with_bloc

    decision = signed_consolidation_decision(year, officer=world.a.officer, signer=world.a.signer)

    bases = " ".join(decision.document.context["legal_bases"])
    recipients = decision.document.recipients
    assert "Nghị định số 152/2025/NĐ-CP ngày 14 tháng 6 năm 2025 của Chính phủ quy định về phân cấp" in bases
    assert "Thông tư số 15/2025/TT-BNV" in bases
    assert "kết quả bầu" not in bases
    assert recipients[-1] == "Lưu: VT, TĐKT." and "Sở Nội vụ (b/c);" in recipients


def test_an_applied_election_is_cited(world, year_with_bloc):
    year, leader = year_with_bloc
    Election.objects.create(bloc=leader.bloc, year=year, elects_for=2026, office="LEADER", applied_to=year)

    decision = signed_consolidation_decision(year, officer=world.a.officer, signer=world.a.signer)

    assert "Căn cứ kết quả bầu Khối trưởng, Khối phó" in " ".join(decision.document.context["legal_bases"])


def test_a_returned_decision_is_a_draft_again_and_only_a_draft_can_be_deleted(world, year_with_bloc):
    year, _leader = year_with_bloc
    decision = create_consolidation_draft(year=year, created_by=world.a.officer)
    submit_consolidation_decision(decision=decision, submitted_by=world.a.officer, signer=world.a.signer)
    with pytest.raises(ValidationError):
        delete_consolidation_draft(decision=decision, deleted_by=world.a.officer)

    return_document(
        signature_request=signature_requests_for_owner(decision).get(),
        returned_by=world.a.signer,
        reason="Bổ sung doanh nghiệp mới",
    )
    decision.refresh_from_db()
    assert decision.state == DocumentState.DRAFT and decision.number == ""
    delete_consolidation_draft(decision=decision, deleted_by=world.a.officer)
    assert not ConsolidationDecision.objects.exists()


def test_a_wrong_password_issues_nothing(world, year_with_bloc):
    year, _leader = year_with_bloc
    decision = create_consolidation_draft(year=year, created_by=world.a.officer)
    submit_consolidation_decision(decision=decision, submitted_by=world.a.officer, signer=world.a.signer)

    with pytest.raises(ValidationError):
        sign_document(
            signature_request=signature_requests_for_owner(decision).get(),
            signed_by=world.a.signer,
            password=TEST_PASSWORD + "x",
        )

    decision.refresh_from_db()
    assert decision.state == DocumentState.PENDING_SIGNATURE
    assert not GeneratedDocument.objects.filter(is_draft=False).exists()


def test_one_decision_in_preparation_per_year(world, year_with_bloc):
    year, _leader = year_with_bloc
    create_consolidation_draft(year=year, created_by=world.a.officer)

    with pytest.raises(ValidationError, match="already being prepared"):
        create_consolidation_draft(year=year, created_by=world.a.officer)


def test_a_signer_of_another_board_is_refused(world, year_with_bloc):
    year, _leader = year_with_bloc
    decision = create_consolidation_draft(year=year, created_by=world.a.officer)

    with pytest.raises(ValidationError):
        submit_consolidation_decision(decision=decision, submitted_by=world.a.officer, signer=world.b.signer)

    decision.refresh_from_db()
    assert decision.state == DocumentState.DRAFT


def test_draft_refuses_bloc_without_leader(world):
    year = EmulationYearFactory(organization=world.a.board, year=2026)
    BlocMembershipFactory(bloc=BlocFactory(organization=world.a.board), year=year)

    with pytest.raises(ValidationError):
        create_consolidation_draft(year=year, created_by=world.a.officer)


def test_draft_refuses_empty_year(world):
    year = EmulationYearFactory(organization=world.a.board, year=2026)

    with pytest.raises(ValidationError):
        create_consolidation_draft(year=year, created_by=world.a.officer)


@pytest.mark.slow
def test_consolidation_decision_renders_real_pdf():
    from blocs.membership.documents import sample_consolidation_decision
    from thidua.documents.rendering import html_to_pdf
    from thidua.documents.samples import build_sample_document

    document = build_sample_document(sample_consolidation_decision())

    assert html_to_pdf(render_html(document))[:4] == b"%PDF"


def test_screens_draft_submit_and_show_the_preview_within_the_query_budget(
    world, year_with_bloc, client_for, django_assert_max_num_queries
):
    officer = client_for(world.a.officer)
    officer.post(reverse("membership:decision_create"))
    decision = ConsolidationDecision.objects.get()
    url = reverse("membership:decision_detail", args=[decision.pk])

    with CaptureQueriesContext(connection) as ctx:
        submitted = officer.post(
            reverse("membership:decision_submit", args=[decision.pk]), {"signer": world.a.signer.pk}
        )
    statements = [q["sql"] for q in ctx.captured_queries if "SAVEPOINT" not in q["sql"]]
    with django_assert_max_num_queries(12):
        page = officer.get(url)

    assert submitted.status_code == 302
    # 6 to sign in and check the form, 8 for the rosters, bases and the signer's block, 3 for the rate limit
    # and a pending request, 2 inserts, 3 audit events of 3 statements each (preview, request, decision), 2 to
    # notify the signer (their e-mail choice, the notification).
    assert len(statements) <= 29
    assert page.status_code == 200
    assert page.context["submission"].signer == world.a.signer
    assert page.context["form"] is None


def test_screens_refuse_a_signer_of_another_board_with_a_message(world, year_with_bloc, client_for):
    officer = client_for(world.a.officer)
    officer.post(reverse("membership:decision_create"))
    decision = ConsolidationDecision.objects.get()

    response = officer.post(
        reverse("membership:decision_submit", args=[decision.pk]), {"signer": world.b.signer.pk}
    )

    decision.refresh_from_db()
    assert response.status_code == 200
    assert response.context["form"].errors["signer"]
    assert decision.state == DocumentState.DRAFT
