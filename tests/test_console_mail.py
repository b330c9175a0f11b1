"""make run prints e-mails readable in the terminal: UTF-8 text, not base64."""

import io

import pytest
from django.core.mail import EmailMessage

from thidua.console_mail import EmailBackend

pytestmark = pytest.mark.unit


def test_vietnamese_mail_prints_as_written():
    stream = io.StringIO()
    body = (
        "Công ty TNHH Lechenwood Việt Nam đã nộp giao ước thi đua năm 2026; giao ước chờ anh/chị xem xét.\n"
    )
    link = "http://127.0.0.1:8000/blocs/pledges/7/"
    message = EmailMessage(
        "Giao ước chờ xem xét", body + link, "thidua@localhost", ["khoi.truong@example.vn"]
    )

    EmailBackend(stream=stream).send_messages([message])

    printed = stream.getvalue()
    assert "Subject: Giao ước chờ xem xét" in printed
    assert body in printed
    assert link in printed
    assert "base64" not in printed
