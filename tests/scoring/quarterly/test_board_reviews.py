"""The Board's report across its blocs: written by the Board's officers, signed by a Board signer before it is
numbered in the Board's register, returned to a draft with a reason; its context is the Board-wide tables."""

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from scoring.quarterly.models import BoardReview
from scoring.quarterly.services import board_reviews as services
from tests.factories.accounts import TEST_PASSWORD
from tests.scoring.quarterly.conftest import accepted
from thidua.audit.models import AuditEvent
from thidua.documents import services as document_services
from thidua.documents.enums import DocumentState, SignatureRequestStatus
from thidua.documents.models import GeneratedDocument, SignatureRequest

pytestmark = pytest.mark.unit

TEXTS = {
    "results_text": "Các Khối duy trì phong trào thi đua sôi nổi.",
    "shortcomings": "Một số doanh nghiệp nộp báo cáo chậm.",
    "directions": "Đẩy mạnh phong trào thi đua quý II.",
    "proposals": "Đề nghị khen thưởng các tập thể xuất sắc.",
}


def written(qw, world, **texts):
    return services.save_board_review(
        period=qw.period("Q1"), written_by=world.a.officer, signer=world.a.signer, texts=texts or TEXTS
    )


def submitted(qw, world):
    return services.submit_board_review(review=written(qw, world), submitted_by=world.a.officer)


def pending_request(review):
    return SignatureRequest.objects.get(object_id=str(review.pk), status=SignatureRequestStatus.PENDING)


def sign(signature_request):
    return document_services.sign_document(
        signature_request=signature_request, signed_by=signature_request.signer, password=TEST_PASSWORD
    )


def test_an_officer_writes_the_draft_once_per_period(qw, world):
    first = written(qw, world, results_text="Bản đầu.")

    again = written(qw, world, **TEXTS)

    assert again.pk == first.pk
    assert BoardReview.objects.filter(period=qw.period("Q1")).count() == 1
    assert again.status == DocumentState.DRAFT
    assert again.results_text == TEXTS["results_text"]
    assert list(
        AuditEvent.objects.filter(object_id=str(first.pk), action__startswith="board_review.")
        .order_by("seq")
        .values_list("action", flat=True)
    ) == ["board_review.created", "board_review.saved"]


@pytest.mark.parametrize("who", ["council", "leader_rep"])
def test_only_the_boards_officers_write_it(qw, world, who):
    user = world.a.council if who == "council" else qw.leader_rep

    with pytest.raises(ValidationError):
        services.save_board_review(period=qw.period("Q1"), written_by=user, signer=world.a.signer, texts=TEXTS)

    assert not BoardReview.objects.exists()


def test_the_signer_is_a_signer_of_the_board(qw, world):
    for signer in (world.b.signer, world.a.officer):
        with pytest.raises(ValidationError) as refused:
            services.save_board_review(
                period=qw.period("Q1"), written_by=world.a.officer, signer=signer, texts=TEXTS
            )
        assert "signer" in refused.value.message_dict


def test_every_part_is_written_before_it_goes_to_the_signer(qw, world):
    review = written(qw, world, results_text="Chỉ có phần I.")

    with pytest.raises(ValidationError) as refused:
        services.submit_board_review(review=review, submitted_by=world.a.officer)

    assert refused.value.code == "incomplete"
    review.refresh_from_db()
    assert review.status == DocumentState.DRAFT
    assert not SignatureRequest.objects.exists()


def test_submitted_it_waits_for_the_signer_with_an_unnumbered_preview(qw, world):
    review = submitted(qw, world)

    request = pending_request(review)
    assert review.status == DocumentState.PENDING_SIGNATURE
    assert request.signer == world.a.signer
    assert request.preview.is_draft
    assert request.preview.number is None
    assert request.kind == "board_review"
    with pytest.raises(ValidationError):
        written(qw, world)


def test_signed_it_is_numbered_in_the_boards_register_and_issued(qw, world):
    accepted(qw, qw.member, qw.member_rep, qw.leader_rep)
    review = submitted(qw, world)

    sign(pending_request(review))

    review.refresh_from_db()
    document = GeneratedDocument.objects.get(pk=review.document_id)
    assert review.status == DocumentState.ISSUED
    assert document.register == ""  # the Board's own register
    assert document.number == 1
    assert document.symbol == f"BC-{world.a.board.short_code}"
    assert document.signer_prefix == "KT."
    assert document.title.startswith("Kết quả thực hiện phong trào thi đua của các Khối thi đua")
    context = document.context
    assert [row["code"] for row in context["blocs"]] == sorted([qw.bloc.code, qw.other_bloc.code])
    assert context["submission"]["accepted"] == 1
    assert context["results"] == [TEXTS["results_text"]]
    gtsx = next(row for row in context["table"] if row["name"] == "Giá trị sản xuất công nghiệp")
    assert gtsx["value"] == "100"  # the one accepted report
    assert AuditEvent.objects.filter(action="board_review.issued", object_id=str(review.pk)).exists()


def test_returned_by_the_signer_it_is_a_draft_again(qw, world):
    review = submitted(qw, world)

    document_services.return_document(
        signature_request=pending_request(review), returned_by=world.a.signer, reason="Bổ sung phần III"
    )

    review.refresh_from_db()
    assert review.status == DocumentState.DRAFT
    assert review.document_id is None
    assert written(qw, world, directions="Đã bổ sung.").directions == "Đã bổ sung."


def test_its_page_and_save_within_the_query_budget(qw, world, client_as, django_assert_num_queries):
    url = reverse("scoring:board_review", args=[qw.period("Q1").pk])
    client = client_as(world.a.officer)
    client.get(url)
    data = {**TEXTS, "signer": world.a.signer.pk}

    with django_assert_num_queries(7):
        empty = client.get(url)
    with django_assert_num_queries(15):
        created = client.post(url, data)
    client.get(url)  # warms the content-type cache of the signature requests' lookup
    with django_assert_num_queries(15):
        saved = client.post(url, {**data, "proposals": "Đề nghị khác."})
    with django_assert_num_queries(8):
        draft = client.get(url)

    assert empty.status_code == draft.status_code == 200
    assert created.status_code == saved.status_code == 302
    assert BoardReview.objects.get().proposals == "Đề nghị khác."
    assert "Đề nghị khác." in draft.content.decode()


def test_a_signer_from_another_board_is_refused_by_the_form(qw, world, client_as):
    url = reverse("scoring:board_review", args=[qw.period("Q1").pk])

    response = client_as(world.a.officer).post(url, {**TEXTS, "signer": world.b.signer.pk})

    assert response.status_code == 200
    assert "signer" in response.context["form"].errors
    assert not BoardReview.objects.exists()


@pytest.mark.parametrize("who", ["leader_rep", "council"])
def test_others_may_not_write_it(qw, world, client_as, who):
    user = world.a.council if who == "council" else qw.leader_rep
    url = reverse("scoring:board_review", args=[qw.period("Q1").pk])

    response = client_as(user).post(url, {**TEXTS, "signer": world.a.signer.pk})

    assert response.status_code in (403, 404)
    assert not BoardReview.objects.exists()
