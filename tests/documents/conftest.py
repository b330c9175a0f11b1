import pytest
from django_otp.oath import TOTP
from django_otp.plugins.otp_totp.models import TOTPDevice

from tests.factories.accounts import TEST_PASSWORD
from tests.factories.documents import NoticeFactory
from thidua.celery import app as celery_app
from thidua.documents import queries, services
from thidua.documents.services import issue_document


@pytest.fixture
def issue(world):
    """``issue(**overrides)``: issue a notice-like document of Board A without running the render."""

    def _issue(**overrides):
        kwargs = {
            "organization": world.a.board,
            "kind": "notice",
            "doc_type": "TB",
            "title": "Về việc tổ chức Hội nghị sơ kết",
            "template_name": "pdf/notice.html",
            "context": {"audience": "Các doanh nghiệp", "paragraphs": ["Đoạn một.", "Đoạn hai./."]},
            "requested_by": world.a.officer,
            "signer": {
                "prefix": "KT.",
                "authority": "Trưởng ban",
                "title": "Phó Trưởng ban",
                "name": "Lãnh Đạo Ban",
            },
            "recipients": ["Như trên;", "Lưu: VT, TĐKT."],
        }
        kwargs.update(overrides)
        return issue_document(**kwargs)

    return _issue


@pytest.fixture
def queue_only():
    """Tasks go to the in-memory broker instead of running eagerly (nothing consumes them)."""
    celery_app.conf.task_always_eager = False
    yield
    celery_app.conf.task_always_eager = True


def totp_now(user) -> str:
    """The current code of the user's confirmed authenticator (e.g. the one ``client_for`` gives them)."""
    device = TOTPDevice.objects.filter(user=user, confirmed=True).first()
    device.refresh_from_db()
    totp = TOTP(device.bin_key, device.step, device.t0, device.digits, device.drift)
    return f"{totp.token():0{device.digits}d}"


@pytest.fixture
def draft_notice(world):
    return NoticeFactory(created_by=world.a.officer, signer=world.a.signer)


@pytest.fixture
def submit(world):
    """``submit(notice=None)``: send a draft notice of Board A to its signer; returns the pending request."""

    def _submit(notice=None):
        notice = notice or NoticeFactory(created_by=world.a.officer, signer=world.a.signer)
        services.submit_notice(notice=notice, submitted_by=world.a.officer)
        return queries.signature_requests_for_owner(notice).first()

    return _submit


@pytest.fixture
def sign(world):
    """``sign(signature_request, user=the request's signer)``: sign with the test password."""

    def _sign(signature_request, user=None, **kwargs):
        return services.sign_document(
            signature_request=signature_request,
            signed_by=user or signature_request.signer,
            password=kwargs.pop("password", TEST_PASSWORD),
            **kwargs,
        )

    return _sign


@pytest.fixture
def issued_notice(world, submit, sign, django_capture_on_commit_callbacks):
    """A notice of Board A, submitted, signed, issued and rendered."""
    with django_capture_on_commit_callbacks(execute=True):
        signature_request = submit()
        document = sign(signature_request)
    document.refresh_from_db()
    notice = signature_request.owner
    notice.refresh_from_db()
    return notice
