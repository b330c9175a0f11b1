"""Board documents are signed before they are numbered: the workflow, its state machine and its numbering."""

import threading

import pytest
from django.core.exceptions import ValidationError
from django.db import connection, connections
from django.utils import timezone
from django_otp.plugins.otp_totp.models import TOTPDevice

from tests.documents.conftest import totp_now
from tests.factories.accounts import TEST_PASSWORD, staff_user
from tests.factories.documents import NoticeFactory
from thidua.accounts.enums import BoardRole, SigningPosition
from thidua.audit.models import AuditEvent
from thidua.documents import queries, rendering, services
from thidua.documents.enums import DocumentState, SignatureRequestStatus
from thidua.documents.issuers import unit_issuer
from thidua.documents.models import GeneratedDocument, Notice, NumberSequence, SignatureRequest
from thidua.documents.signers import collective_signer_block

pytestmark = pytest.mark.unit

DRAFT, PENDING, ISSUED = DocumentState.DRAFT, DocumentState.PENDING_SIGNATURE, DocumentState.ISSUED


# --- the state machine -------------------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("state", "event", "expected"),
    [
        (DRAFT, "submit", PENDING),
        (PENDING, "sign", ISSUED),
        (PENDING, "return", DRAFT),
        (PENDING, "withdraw", DRAFT),
    ],
)
def test_allowed_transitions(state, event, expected):
    assert services.advance(state, event) == expected


@pytest.mark.parametrize(
    ("state", "event"),
    [
        (DRAFT, "sign"),
        (DRAFT, "return"),
        (DRAFT, "withdraw"),
        (PENDING, "submit"),
        (ISSUED, "submit"),
        (ISSUED, "sign"),
        (ISSUED, "return"),
        (ISSUED, "withdraw"),
    ],
)
def test_refused_transitions(state, event):
    with pytest.raises(ValidationError) as refused:
        services.advance(state, event)

    assert refused.value.code == "invalid_transition"


# --- submitting ---------------------------------------------------------------------------------------------
def test_submit_makes_an_unnumbered_preview_and_a_pending_request(
    world, submit, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks() as callbacks:
        signature_request = submit()

    notice = Notice.objects.get()
    preview = signature_request.preview
    assert notice.status == DocumentState.PENDING_SIGNATURE
    assert signature_request.status == SignatureRequestStatus.PENDING
    assert (signature_request.signer, signature_request.requested_by) == (world.a.signer, world.a.officer)
    assert (preview.is_draft, preview.number, preview.number_and_symbol) == (True, None, "…/TB-BQL")
    assert len(callbacks) == 2  # the preview's render and the e-mail to the signer
    assert not NumberSequence.objects.exists()  # no number is taken before the signature
    assert preview.signer_prefix == "KT."  # the chosen signer is a deputy
    actions = list(AuditEvent.objects.order_by("seq").values_list("action", flat=True))
    assert actions[-3:] == ["document.previewed", "signature_request.created", "notice.submitted"]


def test_preview_is_marked_draft_without_number_day_or_qr(world, submit):
    preview = submit().preview

    html = rendering.render_html(preview)

    assert '<div class="draft-mark">DỰ THẢO</div>' in html
    assert "Xác thực văn bản" not in html
    assert f"Số: {'\u00a0' * 8}/TB-BQL" in html
    assert f"ngày{'\u00a0' * 6}tháng{'\u00a0' * 6}năm {timezone.localdate().year}" in html
    assert queries.document_by_token(preview.verification_token) is None


def test_a_document_waits_for_one_signature_at_a_time(world, submit, draft_notice):
    signature_request = submit(draft_notice)

    with pytest.raises(ValidationError):
        services.request_signature(
            organization=world.a.board,
            kind="notice",
            doc_type="TB",
            title="x",
            template_name="pdf/notice.html",
            context={},
            owner=draft_notice,
            requested_by=world.a.officer,
            signer=world.a.signer,
        )

    assert SignatureRequest.objects.filter(status=SignatureRequestStatus.PENDING).get() == signature_request


def test_a_notice_waiting_for_its_signature_cannot_change(world, submit, draft_notice):
    submit(draft_notice)
    fields = {name: getattr(draft_notice, name) for name in services.NOTICE_FIELDS} | {"title": "Sửa"}

    with pytest.raises(ValidationError, match="waiting for its signature"):
        services.update_notice(notice=draft_notice, updated_by=world.a.officer, **fields)
    with pytest.raises(ValidationError, match="waiting for its signature"):
        services.delete_notice(notice=draft_notice, deleted_by=world.a.officer)
    with pytest.raises(ValidationError, match="Waiting for signature"):
        services.submit_notice(notice=draft_notice, submitted_by=world.a.officer)


def test_a_signer_whose_position_is_not_set_cannot_be_sent_anything(world, draft_notice):
    world.a.signer.board_roles.update(signing_position="")

    with pytest.raises(ValidationError) as refused:
        services.submit_notice(notice=draft_notice, submitted_by=world.a.officer)

    assert "position is not set" in str(refused.value)
    draft_notice.refresh_from_db()
    assert draft_notice.status == DocumentState.DRAFT
    assert not GeneratedDocument.objects.exists()


def test_a_signer_of_another_board_is_refused(world):
    notice = NoticeFactory(created_by=world.a.officer, signer=world.a.signer)

    with pytest.raises(ValidationError) as refused:
        services.request_signature(
            organization=world.a.board,
            kind="notice",
            doc_type="TB",
            title="x",
            template_name="pdf/notice.html",
            context={},
            owner=notice,
            requested_by=world.a.officer,
            signer=world.b.signer,
        )

    assert "signer" in refused.value.message_dict


# --- signing ------------------------------------------------------------------------------------------------
@pytest.mark.slow
def test_signing_takes_the_number_then_and_issues(world, submit, sign, django_capture_on_commit_callbacks):
    signature_request = submit()

    with django_capture_on_commit_callbacks(execute=True):
        document = sign(signature_request)

    notice = Notice.objects.get()
    signature_request.refresh_from_db()
    document.refresh_from_db()
    assert (notice.status, notice.document) == (DocumentState.ISSUED, document)
    assert (document.number_and_symbol, document.is_draft, document.issued_on) == (
        "01/TB-BQL",
        False,
        timezone.localdate(),
    )
    assert (document.signer_prefix, document.signer_authority, document.signer_title) == (
        "KT.",
        "Trưởng ban",
        "Phó Trưởng ban",
    )
    assert document.signer_name == world.a.signer.full_name
    assert document.status == "done"
    assert (signature_request.status, signature_request.document) == (SignatureRequestStatus.SIGNED, document)
    assert signature_request.auth_method == "PASSWORD"
    assert queries.document_by_token(document.verification_token) == document
    actions = set(AuditEvent.objects.values_list("action", flat=True))
    assert {"document.issued", "signature_request.signed", "notice.issued"} <= actions


def test_numbers_are_taken_only_at_signing_and_leave_no_gap(world, submit, sign):
    first, second, third = submit(), submit(), submit()

    services.return_document(signature_request=first, returned_by=world.a.signer, reason="Sửa trích yếu.")
    signed_second = sign(second)
    services.withdraw_signature_request(signature_request=third, withdrawn_by=world.a.officer)
    again = submit(first.owner)
    signed_first = sign(again)

    assert [signed_second.number, signed_first.number] == [1, 2]
    assert NumberSequence.objects.get(doc_type="TB").last_number == 2
    assert GeneratedDocument.objects.filter(is_draft=False).count() == 2


def test_only_the_chosen_signer_may_sign_or_return(world, submit, sign):
    other_signer = staff_user(world.a.board, BoardRole.SIGNER, full_name="Phó Trưởng Ban Khác")
    signature_request = submit()

    with pytest.raises(ValidationError, match="Only the signer chosen"):
        sign(signature_request, user=other_signer)
    with pytest.raises(ValidationError, match="Only the signer chosen"):
        services.return_document(signature_request=signature_request, returned_by=world.a.officer, reason="x")

    signature_request.refresh_from_db()
    assert signature_request.status == SignatureRequestStatus.PENDING
    assert not NumberSequence.objects.exists()


def test_a_wrong_password_is_refused_counted_and_then_locks_signing(world, submit, sign, settings):
    settings.DOCUMENTS_SIGN_FAILURES = (3, 900)
    signature_request = submit()

    for _ in range(3):
        with pytest.raises(ValidationError) as refused:
            sign(signature_request, password="wrong password")
        assert "password" in refused.value.message_dict
    with pytest.raises(ValidationError) as locked:
        sign(signature_request)  # the right password, but too late

    assert locked.value.code == "locked"
    assert services.recent_reauth_failures(world.a.signer) == 3
    assert (
        AuditEvent.objects.filter(action="signature_request.reauth_failed", actor=world.a.signer).count() == 3
    )
    assert not NumberSequence.objects.exists()
    assert Notice.objects.get().status == DocumentState.PENDING_SIGNATURE


def test_a_signer_with_an_authenticator_must_give_its_code(world, submit, sign):
    TOTPDevice.objects.create(user=world.a.signer, name="phone", confirmed=True)
    signature_request = submit()

    with pytest.raises(ValidationError):
        sign(signature_request)  # password only
    document = sign(signature_request, otp_token=totp_now(world.a.signer))

    signature_request.refresh_from_db()
    assert document.number == 1
    assert signature_request.auth_method == "PASSWORD_TOTP"


def test_a_signed_document_cannot_be_signed_again_or_returned(world, submit, sign):
    signature_request = submit()
    sign(signature_request)

    with pytest.raises(ValidationError, match="no longer waiting"):
        sign(signature_request)
    with pytest.raises(ValidationError, match="no longer waiting"):
        services.return_document(signature_request=signature_request, returned_by=world.a.signer, reason="x")

    assert GeneratedDocument.objects.filter(is_draft=False).count() == 1


# --- returning and withdrawing ------------------------------------------------------------------------------
def test_return_needs_a_reason_and_makes_a_draft_again(world, submit):
    signature_request = submit()

    with pytest.raises(ValidationError):
        services.return_document(signature_request=signature_request, returned_by=world.a.signer, reason="  ")
    services.return_document(
        signature_request=signature_request, returned_by=world.a.signer, reason="Bổ sung thời gian họp."
    )

    notice = Notice.objects.get()
    signature_request.refresh_from_db()
    assert notice.status == DocumentState.DRAFT
    assert (signature_request.status, signature_request.reason) == ("returned", "Bổ sung thời gian họp.")
    event = AuditEvent.objects.get(action="notice.returned")
    assert event.changes == {"reason": "Bổ sung thời gian họp."}
    services.update_notice(
        notice=notice,
        updated_by=world.a.officer,
        **{name: getattr(notice, name) for name in services.NOTICE_FIELDS} | {"body": "Họp lúc 8 giờ."},
    )


def test_withdraw_makes_a_draft_again(world, submit):
    signature_request = submit()

    services.withdraw_signature_request(signature_request=signature_request, withdrawn_by=world.a.officer)

    assert Notice.objects.get().status == DocumentState.DRAFT
    assert AuditEvent.objects.filter(action="signature_request.withdrawn").count() == 1


# --- the prefix follows the signer's position ---------------------------------------------------------------
@pytest.mark.parametrize(
    ("position", "title", "signs_for", "expected"),
    [
        (SigningPosition.HEAD, "Trưởng ban", "", ("", "", "Trưởng ban")),
        (SigningPosition.DEPUTY, "Phó Trưởng ban", "", ("KT.", "Trưởng ban", "Phó Trưởng ban")),
        (SigningPosition.ACTING, "", "", ("Q.", "Trưởng ban", "")),
        (
            SigningPosition.COLLECTIVE,
            "Chủ tịch",
            "Hội đồng Thi đua - Khen thưởng",
            ("TM.", "Hội đồng Thi đua - Khen thưởng", "Chủ tịch"),
        ),
    ],
)
def test_the_prefix_comes_from_the_position_not_the_title(
    world, submit, sign, position, title, signs_for, expected
):
    # A deputy whose title says "Trưởng ban" still signs KT.: only the position counts.
    world.a.signer.board_roles.update(signing_position=position, title=title, signs_for=signs_for)

    document = sign(submit())

    assert (document.signer_prefix, document.signer_authority, document.signer_title) == expected


def test_a_deputy_titled_like_the_head_still_signs_for_the_head(world, submit, sign):
    world.a.signer.board_roles.update(signing_position=SigningPosition.DEPUTY, title="Trưởng ban")

    document = sign(submit())

    assert document.signer_prefix == "KT."


# --- registers ----------------------------------------------------------------------------------------------
def test_a_unit_numbers_in_its_own_register_under_its_letterhead(world, issue):
    bloc_one = unit_issuer(
        organization=world.a.board,
        register="bloc:1",
        unit_name="Khối thi đua KCN Thanh Bình",
        short_code="KTĐ1",
    )
    bloc_two = unit_issuer(
        organization=world.a.board, register="bloc:2", unit_name="Khối thi đua số 2", short_code="KTĐ2"
    )
    signer = collective_signer_block(body="Khối thi đua", title="Khối trưởng", name="Nguyễn Văn Nam")

    board_doc = issue()
    first = issue(issuer=bloc_one, doc_type="GƯTĐ", signer=signer)
    second = issue(issuer=bloc_one, doc_type="GƯTĐ", signer=signer)
    other = issue(issuer=bloc_two, doc_type="GƯTĐ", signer=signer)

    assert board_doc.number_and_symbol == "01/TB-BQL"
    assert [first.number_and_symbol, second.number_and_symbol] == ["01/GƯTĐ-KTĐ1", "02/GƯTĐ-KTĐ1"]
    assert other.number_and_symbol == "01/GƯTĐ-KTĐ2"
    assert first.letterhead["parent_body_line"] == world.a.board.name.upper()
    assert first.letterhead["issuing_body_line"] == "KHỐI THI ĐUA KCN THANH BÌNH"
    html = rendering.render_html(first)
    assert '<div class="signer-authority">TM. KHỐI THI ĐUA</div>' in html
    assert '<div class="signer-title">KHỐI TRƯỞNG</div>' in html


def test_a_unit_issuer_needs_its_register_key(world):
    with pytest.raises(ValueError):
        unit_issuer(organization=world.a.board, register="", unit_name="Khối", short_code="K")


# --- concurrency --------------------------------------------------------------------------------------------
SIGNINGS = 6


@pytest.mark.slow  # each signing renders its document in its thread (eager Celery)
@pytest.mark.django_db(transaction=True)
def test_concurrent_signings_are_numbered_one_to_n(world, submit, settings):
    """On PostgreSQL the signings race on their own connections; SQLite (one writer) runs them in turn."""
    settings.DOCUMENTS_ISSUE_RATE = (1000, 600)
    requests_ = [submit() for _ in range(SIGNINGS)]
    signers = [world.a.signer] + [
        staff_user(world.a.board, BoardRole.SIGNER, full_name=f"Lãnh Đạo {n}") for n in range(1, SIGNINGS)
    ]
    for signature_request, signer in zip(requests_, signers, strict=True):
        SignatureRequest.objects.filter(pk=signature_request.pk).update(signer=signer)
        signature_request.refresh_from_db()
    errors: list[Exception] = []
    concurrent = connection.vendor == "postgresql"

    def sign_one(signature_request, signer):
        try:
            services.sign_document(
                signature_request=signature_request, signed_by=signer, password=TEST_PASSWORD
            )
        except Exception as exc:  # reported to the test thread below
            errors.append(exc)
        finally:
            connections.close_all()

    workers = [threading.Thread(target=sign_one, args=pair) for pair in zip(requests_, signers, strict=True)]
    for worker in workers:
        worker.start()
        if not concurrent:
            worker.join()
    for worker in workers:
        worker.join(timeout=60)

    numbers = sorted(GeneratedDocument.objects.filter(is_draft=False).values_list("number", flat=True))
    assert [str(e) for e in errors] == []
    assert numbers == list(range(1, SIGNINGS + 1))
    assert Notice.objects.filter(status=DocumentState.ISSUED).count() == SIGNINGS
