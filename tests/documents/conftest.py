import pytest

from thidua.celery import app as celery_app
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
