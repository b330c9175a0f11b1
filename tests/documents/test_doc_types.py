import pytest
from django.test import Client
from django.urls import reverse

from tests.conftest import english
from thidua.documents.enums import doc_type_label

pytestmark = pytest.mark.unit


@pytest.mark.parametrize(
    ("code", "label"),
    [
        ("QĐ", "Decision"),
        ("TB", "Notice"),
        ("BC", "Report"),
        ("BB", "Minutes"),
        ("TTr", "Submission"),
        ("KH", "Plan"),
        ("GUTĐ", "Emulation pledge"),
    ],
)
def test_every_code_the_portal_issues_has_a_label(code, label):
    assert doc_type_label(code) == label


def test_an_unknown_code_is_shown_as_it_is():
    assert doc_type_label("XYZ") == "XYZ"


@pytest.mark.slow
def test_verification_page_shows_the_document_type_not_the_code(issue, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        document = issue()

    html = (
        english(Client())
        .get(reverse("documents:verify", args=[document.verification_token]))
        .content.decode()
    )

    assert '<dd class="col-sm-9">Notice</dd>' in html
    assert "(notice)" not in html
