"""The award decision and the council's minutes as real PDFs, read back with poppler-utils."""

from pathlib import Path

import pytest

from tests.pdf_tools import poppler
from thidua.documents import rendering
from thidua.documents.samples import all_samples, build_sample_document

pytestmark = [pytest.mark.integration, pytest.mark.slow]  # renders, then reads with pdftotext


def render(kind: str, tmp_path: Path) -> tuple[str, int]:
    path = tmp_path / f"{kind}.pdf"
    path.write_bytes(rendering.render_pdf(build_sample_document(all_samples()[kind]())))
    text = " ".join(poppler("pdftotext", str(path), "-").split())
    info = poppler("pdfinfo", str(path))
    pages = int(next(line for line in info.splitlines() if line.startswith("Pages:")).split()[1])
    return text, pages


def test_award_decision_follows_decree_30_and_lists_collectives_and_individuals_apart(tmp_path):
    text, pages = render("award_decision", tmp_path)

    assert pages >= 2
    for fragment in (
        "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
        "Số: 12/QĐ-BQL",
        "Thái Nguyên, ngày 15 tháng 01 năm 2026",
        "QUYẾT ĐỊNH Về việc tặng Giấy khen cho các tập thể, cá nhân",
        "TRƯỞNG BAN QUẢN LÝ CÁC KHU CÔNG NGHIỆP TỈNH THÁI NGUYÊN",
        "Căn cứ Luật Thi đua, khen thưởng",
        "Theo đề nghị của Chánh Văn phòng Ban Quản lý.",
        "QUYẾT ĐỊNH:",
        "Điều 1. Tặng Giấy khen của Trưởng Ban Quản lý các KCN tỉnh Thái Nguyên cho 03 tập thể và 05 cá nhân",
        "Điều 2.",
        "Điều 3. Quyết định này có hiệu lực kể từ ngày ký.",
        "KT. TRƯỞNG BAN",
        "Hoàng Văn Khởi",
        "DANH SÁCH",
        "(Kèm theo Quyết định số 12/QĐ-BQL",
        "I. Tập thể",
        "II. Cá nhân",
        "1.410.000",
        "710.000",
    ):
        assert fragment in text, fragment
    assert text.index("I. Tập thể") < text.index("II. Cá nhân")


def test_council_minutes_are_signed_by_the_secretary_and_the_chair(tmp_path):
    text, _pages = render("council_minutes", tmp_path)

    for fragment in (
        "Số: 04/BB-BQL",
        "BIÊN BẢN",
        "Họp Hội đồng Thi đua - Khen thưởng xét khen thưởng năm 2025",
        "Hình thức: bỏ phiếu kín.",
        "Hội đồng thống nhất đề nghị khen thưởng.",
        "THƯ KÝ",
        "CHỦ TỌA",
    ):
        assert fragment in text, fragment
    assert "2.025" not in text


def test_the_proposal_to_the_province_is_a_to_trinh_with_its_list(tmp_path):
    text, _pages = render("provincial_proposal", tmp_path)

    for fragment in (
        "Số: 07/TTr-BQL",
        "TỜ TRÌNH",
        "Kính gửi: Ủy ban nhân dân tỉnh Thái Nguyên (qua Sở Nội vụ).",
        "kính trình Chủ tịch Ủy ban nhân dân tỉnh Thái Nguyên xem xét, tặng Bằng khen",
        "DANH SÁCH",
        "(Kèm theo Tờ trình số 07/TTr-BQL",
        "I. Tập thể",
        "II. Cá nhân",
    ):
        assert fragment in text, fragment
