import pytest
from django.urls import reverse

from awards.nominations.enums import NominationStatus
from awards.nominations.models import Nomination
from tests.awards.nominations.conftest import complete_dossier, pdf_upload
from tests.conftest import english
from tests.factories.awards import DossierDocumentFactory, NominationFactory, award_type
from tests.factories.blocs import BlocFactory, BlocMembershipFactory, enterprise_user

pytestmark = pytest.mark.unit


def detail(pk):
    return reverse("nominations:nomination_detail", args=[pk])


def test_the_enterprise_proposes_itself_through_the_form(aw, client_for):
    response = client_for(aw.member_rep).post(
        reverse("nominations:nomination_create"),
        {
            "year": aw.year.pk,
            "award_type": award_type("GK_BQL").pk,
            "subject_kind": "ENTERPRISE",
            "enterprise": aw.member.pk,
            "achievement": "Hoàn thành xuất sắc nhiệm vụ năm 2025",
        },
    )

    nomination = Nomination.objects.get()
    assert response.status_code == 302
    assert (nomination.enterprise, nomination.proposed_by) == (aw.member, "ENTERPRISE")


def test_bad_input_is_explained_and_changes_nothing(aw, client_for):
    response = english(client_for(aw.member_rep)).post(
        reverse("nominations:nomination_create"),
        {
            "year": aw.year.pk,
            "award_type": award_type("CO_TINH").pk,
            "subject_kind": "INDIVIDUAL",
            "enterprise": aw.member.pk,
            "subject_name": "Lê Thị Hoa",
            "achievement": "x",
        },
    )

    assert response.status_code == 200
    assert Nomination.objects.count() == 0
    assert response.context["form"].errors["subject_kind"] == [
        "Cờ thi đua is not given to this kind of subject."
    ]


def test_view_trio_for_a_nomination(world, aw, client_for):
    nomination = NominationFactory(year=aw.year, enterprise=aw.member, bloc=aw.bloc)
    outsider_enterprise = BlocMembershipFactory(
        bloc=BlocFactory(organization=world.a.board), year=aw.year
    ).enterprise

    statuses = [
        client_for(aw.member_rep).get(detail(nomination.pk)).status_code,  # its enterprise
        client_for(aw.leader_rep).get(detail(nomination.pk)).status_code,  # its bloc's leader
        client_for(world.a.council).get(detail(nomination.pk)).status_code,  # Board staff
        client_for(aw.other_rep).get(detail(nomination.pk)).status_code,  # another member: not its business
        client_for(enterprise_user(outsider_enterprise)).get(detail(nomination.pk)).status_code,
    ]

    assert statuses == [200, 200, 200, 404, 404]


def test_only_the_board_reviews(world, aw, client_for):
    nomination = NominationFactory(year=aw.year, enterprise=aw.member, status=NominationStatus.SUBMITTED)

    by_member = client_for(aw.member_rep).post(reverse("nominations:nomination_review", args=[nomination.pk]))
    by_council = client_for(world.a.council).post(
        reverse("nominations:nomination_review", args=[nomination.pk])
    )
    by_officer = client_for(world.a.officer).post(
        reverse("nominations:nomination_review", args=[nomination.pk])
    )

    assert [by_member.status_code, by_council.status_code, by_officer.status_code] == [403, 403, 302]
    assert Nomination.objects.get(pk=nomination.pk).status == NominationStatus.UNDER_REVIEW


def test_upload_submit_and_download_through_the_screens(aw, client_for):
    client = client_for(aw.member_rep)
    client.post(
        reverse("nominations:nomination_create"),
        {
            "year": aw.year.pk,
            "award_type": award_type("GK_BQL").pk,
            "subject_kind": "ENTERPRISE",
            "enterprise": aw.member.pk,
            "achievement": "Hoàn thành xuất sắc nhiệm vụ",
        },
    )
    nomination = Nomination.objects.get()
    uploaded = client.post(
        reverse("nominations:nomination_document_upload", args=[nomination.pk]),
        {"document_type": "TO_TRINH", "title": "Tờ trình", "file": pdf_upload()},
    )
    complete_dossier(nomination, aw.member_rep)
    submitted = client.post(reverse("nominations:nomination_submit", args=[nomination.pk]))
    document = nomination.documents.first()
    download = client.get(reverse("nominations:dossier_document_download", args=[document.pk]))

    assert [uploaded.status_code, submitted.status_code, download.status_code] == [302, 302, 200]
    assert Nomination.objects.get().status == NominationStatus.SUBMITTED
    assert download["Content-Type"] == "application/pdf"


def test_a_refused_submission_is_a_message_not_an_error(aw, client_for):
    nomination = NominationFactory(year=aw.year, enterprise=aw.member, created_by=aw.member_rep)

    response = english(client_for(aw.member_rep)).post(
        reverse("nominations:nomination_submit", args=[nomination.pk]), follow=True
    )

    assert response.status_code == 200
    assert "The nomination cannot be submitted yet" in str(next(iter(response.context["messages"])))


def test_eligibility_page_explains_each_condition(world, aw, client_for):
    nomination = NominationFactory(
        year=aw.year, enterprise=aw.member, bloc=aw.bloc, award_type=award_type("CO_TINH")
    )

    response = client_for(world.a.officer).get(
        reverse("nominations:nomination_eligibility", args=[nomination.pk])
    )

    codes = [c.code for c in response.context["conditions"]]
    assert codes == [
        "subject",
        "level",
        "year_open",
        "investigation",
        "duplicate",
        "veto",
        "flag_bloc",
        "flag_ranking",
        "quota",
        "dossier",
    ]


@pytest.mark.parametrize("documents", [1, 3])
def test_detail_queries_do_not_grow_with_the_dossier(
    world, aw, client_for, django_assert_num_queries, documents
):
    nomination = NominationFactory(year=aw.year, enterprise=aw.member, bloc=aw.bloc)
    for _ in range(documents):
        DossierDocumentFactory(nomination=nomination)
    client = client_for(world.a.officer)

    with django_assert_num_queries(9):
        response = client.get(detail(nomination.pk))

    assert response.status_code == 200


@pytest.mark.parametrize("rows", [1, 3])
def test_list_queries_do_not_grow_with_the_rows(world, aw, client_for, django_assert_num_queries, rows):
    for _ in range(rows):
        NominationFactory(year=aw.year, enterprise=aw.member, bloc=aw.bloc)
    client = client_for(world.a.officer)

    with django_assert_num_queries(7):
        response = client.get(reverse("nominations:nomination_list"))

    assert response.status_code == 200


def test_an_outsider_cannot_download_a_dossier_document(aw, client_for):
    document = DossierDocumentFactory(nomination=NominationFactory(year=aw.year, enterprise=aw.member))

    response = client_for(aw.other_rep).get(
        reverse("nominations:dossier_document_download", args=[document.pk])
    )

    assert response.status_code == 404


def test_the_award_history_follows_the_tax_code_across_years(world, aw, client_for):
    from tests.factories.blocs import EmulationYearFactory

    earlier = EmulationYearFactory(organization=world.a.board, year=2023)
    NominationFactory(year=earlier, enterprise=aw.member, status=NominationStatus.DECIDED)
    NominationFactory(year=aw.year, enterprise=aw.member, status=NominationStatus.SUBMITTED)

    response = client_for(aw.member_rep).get(
        reverse("nominations:enterprise_award_history", args=[aw.member.pk])
    )
    outsider = client_for(aw.other_rep).get(
        reverse("nominations:enterprise_award_history", args=[aw.member.pk])
    )

    assert [n.year.year for n in response.context["awards"]] == [2023]
    assert outsider.status_code == 403  # the register's rule: another enterprise of the same Board


def test_the_boards_awards_of_a_year_and_their_excel(world, aw, client_for):
    import io

    from openpyxl import load_workbook

    NominationFactory(year=aw.year, enterprise=aw.member, status=NominationStatus.DECIDED_EXTERNAL)
    NominationFactory(year=aw.year, enterprise=aw.other, status=NominationStatus.SUBMITTED)
    client = client_for(world.a.officer)

    page = client.get(reverse("nominations:year_award_list", args=[aw.year.pk]))
    export = client.get(reverse("nominations:year_award_export", args=[aw.year.pk]))

    sheet = load_workbook(io.BytesIO(b"".join(export.streaming_content))).active
    assert [n.enterprise for n, _ref, _money in page.context["rows"]] == [aw.member]
    assert sheet.max_row == 2 and sheet.cell(2, 7).value == aw.member.tax_code
