import pytest

from thidua.documents.checks import check_celery_required, check_site_url

pytestmark = pytest.mark.unit


def test_production_with_a_broker_passes(settings):
    settings.DEBUG = False
    settings.REDIS_URL = "redis://127.0.0.1:6379/9"
    settings.CELERY_TASK_ALWAYS_EAGER = False

    assert check_celery_required() == []


@pytest.mark.parametrize(
    ("redis_url", "eager"), [("", True), ("", False), ("redis://127.0.0.1:6379/9", True)]
)
def test_production_rendering_in_the_request_is_an_error(settings, redis_url, eager):
    settings.DEBUG = False
    settings.REDIS_URL = redis_url
    settings.CELERY_TASK_ALWAYS_EAGER = eager

    errors = check_celery_required()

    assert [error.id for error in errors] == ["documents.E001"]
    assert "REDIS_URL" in errors[0].hint


def test_development_may_render_in_process(settings):
    settings.DEBUG = True
    settings.REDIS_URL = ""
    settings.CELERY_TASK_ALWAYS_EAGER = True

    assert check_celery_required() == []


@pytest.mark.parametrize(
    "url", ["", "http://127.0.0.1:8000", "https://localhost", "https://127.0.1.1", "http://thidua.example.vn"]
)
def test_production_needs_the_public_https_site_url(settings, url):
    settings.DEBUG = False
    settings.SITE_URL = url

    assert [error.id for error in check_site_url()] == ["documents.E002"]


def test_production_with_its_public_address_passes(settings):
    settings.DEBUG = False
    settings.SITE_URL = "https://thidua.bqlkcn.thainguyen.gov.vn"

    assert check_site_url() == []


def test_make_run_may_use_its_local_address(settings):
    settings.DEBUG = True
    settings.SITE_URL = "http://127.0.0.1:8000"

    assert check_site_url() == []
