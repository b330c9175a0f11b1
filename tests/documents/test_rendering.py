from datetime import date

import pytest

from thidua.documents import rendering
from thidua.documents.samples import all_samples, build_sample_document

pytestmark = pytest.mark.unit


def plain(text: str) -> str:
    """Text with the non-breaking spaces of proper names and fixed phrases read as spaces."""
    return text.replace("\u00a0", " ")


@pytest.mark.parametrize(
    ("day", "expected"),
    [
        (date(2026, 1, 5), "Thái Nguyên, ngày 05 tháng 01 năm 2026"),
        (date(2026, 2, 28), "Thái Nguyên, ngày 28 tháng 02 năm 2026"),
        (date(2026, 3, 9), "Thái Nguyên, ngày 09 tháng 3 năm 2026"),
        (date(2025, 12, 31), "Thái Nguyên, ngày 31 tháng 12 năm 2025"),
    ],
)
def test_date_line_pads_day_and_first_two_months(day, expected):
    assert rendering.date_line("Thái Nguyên", day) == expected


@pytest.mark.parametrize(("number", "expected"), [(5, "05/TB-BQL"), (12, "12/TB-BQL"), (105, "105/TB-BQL")])
def test_number_and_symbol_pads_below_ten(number, expected):
    assert rendering.number_and_symbol(number, "TB-BQL") == expected


def sample_html(kind="notice"):
    return plain(rendering.render_html(build_sample_document(all_samples()[kind]())))


def test_context_is_built_from_the_snapshot():
    document = build_sample_document(all_samples()["notice"]())

    context = rendering.document_context(document)

    assert context["document"]["number_and_symbol"] == "05/TB-BQL"
    assert plain(context["document"]["date_line"]) == "Thái Nguyên, ngày 05 tháng 01 năm 2026"
    assert context["letterhead"]["parent_body_line"] == "UBND TỈNH THÁI NGUYÊN"
    assert context["verification"]["url"] == "http://127.0.0.1:8000/verify/sample-token-not-registered/"
    assert context["verification"]["qr"].startswith("data:image/svg+xml")
    assert context["paragraphs"][0].startswith("Thực hiện Kế hoạch")


def test_html_has_the_decree_30_header_and_signer_block():
    html = sample_html()

    assert "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" in html
    assert "Độc lập - Tự do - Hạnh phúc" in html
    assert "Số: 05/TB-BQL" in html
    assert "Thái Nguyên, ngày 05 tháng 01 năm 2026" in html
    assert "KT. TRƯỞNG BAN" in html
    assert "PHÓ TRƯỞNG BAN" in html
    assert "Nơi nhận:" in html
    assert "<li>- Lưu: VT, TĐKT.</li>" in html


def test_decision_html_has_bases_articles_and_appendix():
    html = sample_html("decision")

    assert '<p class="legal-basis">Căn cứ Luật Thi đua, khen thưởng ngày 15 tháng 6 năm 2022;</p>' in html
    assert (
        "Căn cứ Nghị định số 152/2025/NĐ-CP ngày 14 tháng 6 năm 2025 của Chính phủ quy định về phân cấp"
        in html
    )
    assert '<p class="authority-line">TRƯỞNG BAN QUẢN LÝ CÁC<br>' in html
    assert '<span class="article-head">Điều 1.</span>' in html
    assert "(Kèm theo Quyết định số 12/QĐ-BQL" in html


def test_signer_without_prefix_prints_only_the_title():
    sample = all_samples()["notice"]()
    sample.signer = {"title": "Trưởng ban", "name": "Phạm Quốc Hưng"}

    html = plain(rendering.render_html(build_sample_document(sample)))

    assert "signer-authority" not in html
    assert '<div class="signer-title">TRƯỞNG BAN</div>' in html


def test_user_text_is_autoescaped():
    sample = all_samples()["notice"]()
    sample.context["paragraphs"] = ['<img src="http://example.com/x.png">']

    html = rendering.render_html(build_sample_document(sample))

    assert '<img src="http://example.com' not in html
    assert "&lt;img src=&quot;http://example.com/x.png&quot;&gt;" in html


@pytest.mark.parametrize(
    "url",
    [
        "http://127.0.0.1/x.png",
        "https://example.com/x.css",
        "ftp://example.com/x",
        "file:///etc/passwd",
        "file:///static/../../../../etc/passwd",
        "file://evil.example.com/static/pdf/print.css",
    ],
)
def test_local_path_refuses_everything_but_static_and_media(url):
    with pytest.raises(rendering.RefusedURL):
        rendering.local_path_for(url)


def test_local_path_serves_static_files(settings):
    path = rendering.local_path_for("file:///static/fonts/LiberationSerif-Regular.ttf")

    assert path == (settings.BASE_DIR / "static" / "fonts" / "LiberationSerif-Regular.ttf").resolve()
