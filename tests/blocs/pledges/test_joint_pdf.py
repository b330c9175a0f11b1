"""The joint pledge renders to a real PDF that names every member and their targets."""

import pytest

from tests.blocs.pledges.conftest import signed
from tests.pdf_tools import pdf_text
from thidua.documents.enums import DocumentStatus

pytestmark = [pytest.mark.integration, pytest.mark.slow]  # renders, then reads it with pdftotext


def test_joint_pledge_pdf_contains_every_member_and_target(pw, world, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        for enterprise, rep in (
            (pw.leader, pw.leader_rep),
            (pw.member, pw.member_rep),
            (pw.other, pw.other_rep),
        ):
            signed(pw, enterprise, rep, world.a.officer)

    pw.template.refresh_from_db()
    document = pw.template.joint_document
    document.refresh_from_db()
    pdf = document.file.read()
    text = pdf_text(pdf)
    flat = " ".join(text.split())

    assert document.status == DocumentStatus.DONE
    assert pdf.startswith(b"%PDF")
    for enterprise in (pw.leader, pw.member, pw.other):
        assert " ".join(enterprise.name.split()) in flat or enterprise.tax_code in flat
        assert enterprise.tax_code in flat
    for value in ("100", "101", "102"):
        assert value in flat
    for signature in (pw.pledge_of(e).signature for e in (pw.leader, pw.member, pw.other)):
        assert signature.short_fingerprint in flat
