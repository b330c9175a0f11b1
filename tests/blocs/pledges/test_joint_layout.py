"""The joint pledge's signer block never stands alone on a page: it stays with the end of the signature table
it signs (issue 10 item 2), however many members push the table across pages."""

from dataclasses import replace

import pytest

from blocs.pledges.documents import Signatory, joint_context, sample_pledge
from tests.pdf_tools import pdf_text
from thidua.documents.rendering import render_pdf
from thidua.documents.samples import build_sample_document

pytestmark = [pytest.mark.integration, pytest.mark.slow]  # real PDFs read back with pdftotext


@pytest.mark.parametrize("members", [3, 7, 11, 15, 19])
def test_the_signer_block_is_on_the_page_of_the_last_signature_row(members):
    sample = sample_pledge()
    context = sample.context
    signatories = [
        Signatory(
            f"Công ty TNHH Thành viên số {n}",
            f"Người đại diện {n}",
            "Giám đốc",
            "09:10 15/03/2026",
            f"{n:012d}",
        )
        for n in range(1, members + 1)
    ]
    sample = replace(
        sample,
        context=joint_context(
            bloc_name=context["bloc_name"],
            year=int(context["year"]),
            theme=context["theme"],
            joint_text="\n".join(context["joint_paragraphs"]),
            commitments=context["commitments"],
            indicators=[],
            members=[],
            signatories=signatories,
            not_signed=[],
        ),
    )

    pages = pdf_text(render_pdf(build_sample_document(sample))).split("\f")

    with_signer = [n for n, page in enumerate(pages) if "TM. KHỐI THI ĐUA" in page]
    with_last_row = [n for n, page in enumerate(pages) if f"{members:012d}" in page]
    assert with_signer == with_last_row
