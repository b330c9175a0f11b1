"""The ranking table as a real PDF, read back with pdftotext."""

import pytest

from tests.pdf_tools import poppler
from thidua.documents import rendering
from thidua.documents.samples import all_samples, build_sample_document

pytestmark = [pytest.mark.integration, pytest.mark.slow]  # renders, then reads it with pdftotext


def test_the_ranking_table_is_the_blocs_document(tmp_path):
    path = tmp_path / "ranking.pdf"
    path.write_bytes(rendering.render_pdf(build_sample_document(all_samples()["ranking"]())))

    text = " ".join(poppler("pdftotext", str(path), "-").split())

    assert path.read_bytes().startswith(b"%PDF")
    assert "KHỐI THI ĐUA CÁC DOANH NGHIỆP KCN THANH BÌNH" in text
    assert "Số: 03/BC-KTĐ1" in text
    assert "Công ty Cổ phần Ván dán Hồng Ngọc" in text
    assert "Không đủ điều kiện đề nghị khen thưởng" in text
    assert "TM. KHỐI THI ĐUA" in text
