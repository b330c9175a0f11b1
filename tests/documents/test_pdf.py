"""Real PDFs checked with poppler-utils (pdftotext, pdffonts, pdfinfo)."""

import http.server
import io
import threading
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command

from tests.pdf_tools import poppler
from thidua.documents import rendering
from thidua.documents.samples import TONE_MARK_NAME, all_samples, build_sample_document

# Each test says its kind: reading a PDF with poppler-utils is an integration test, rendering one is slow.


def render_sample(kind: str, tmp_path: Path, **changes) -> Path:
    sample = all_samples()[kind]()
    for key, value in changes.items():
        setattr(sample, key, value)
    path = tmp_path / f"{kind}.pdf"
    path.write_bytes(rendering.render_pdf(build_sample_document(sample)))
    return path


@pytest.mark.integration
@pytest.mark.slow
def test_notice_pdf_text_fonts_and_page_size(tmp_path):
    pdf = render_sample("notice", tmp_path)

    text = " ".join(poppler("pdftotext", str(pdf), "-").split())
    fonts = poppler("pdffonts", str(pdf)).splitlines()[2:]
    info = poppler("pdfinfo", str(pdf))

    assert pdf.read_bytes().startswith(b"%PDF")
    assert "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" in text
    assert "Độc lập - Tự do - Hạnh phúc" in text
    assert TONE_MARK_NAME in text
    assert "Số: 05/TB-BQL" in text
    assert "Thái Nguyên, ngày 05 tháng 01 năm 2026" in text
    assert "KT. TRƯỞNG BAN" in text
    assert fonts
    assert all(line.split()[-5] == "yes" for line in fonts)  # emb column
    assert all("Liberation-Serif" in line for line in fonts)
    assert "Page size:       595.276 x 841.89 pts (A4)" in info


@pytest.mark.integration
@pytest.mark.slow
def test_decision_has_appendix_and_page_numbers_from_page_two(tmp_path):
    pdf = render_sample("decision", tmp_path)

    first = poppler("pdftotext", "-f", "1", "-l", "1", str(pdf), "-")
    second = poppler("pdftotext", "-f", "2", "-l", "2", str(pdf), "-")
    pages = int(
        next(line for line in poppler("pdfinfo", str(pdf)).splitlines() if line.startswith("Pages:")).split()[
            1
        ]
    )

    assert pages >= 2
    assert first.split()[0] != "1"
    assert second.split()[0] == "2"
    assert "DANH SÁCH" in second
    assert "(Kèm theo Quyết định số 12/QĐ-BQL" in " ".join(second.split())


@pytest.mark.unit
@pytest.mark.slow
def test_same_snapshot_gives_the_same_bytes(tmp_path):
    first = render_sample("notice", tmp_path).read_bytes()
    second = render_sample("notice", tmp_path).read_bytes()

    assert first == second


class _Recorder(http.server.BaseHTTPRequestHandler):
    hits: list[str] = []

    def do_GET(self):
        type(self).hits.append(self.path)
        self.send_response(200)
        self.end_headers()

    def log_message(self, *args):
        pass


@pytest.fixture
def http_trap():
    """A loopback HTTP server that records every request it gets."""
    _Recorder.hits = []
    server = http.server.HTTPServer(("127.0.0.1", 0), _Recorder)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}", _Recorder.hits
    server.shutdown()
    server.server_close()


@pytest.mark.unit
@pytest.mark.slow
def test_renderer_fetches_nothing_from_the_network_or_outside_folders(http_trap):
    base, hits = http_trap
    html = (
        "<html><head><meta charset='utf-8'>"
        f"<link rel='stylesheet' href='{base}/style.css'>"
        f"<style>body {{ background: url('{base}/bg.png'); }} @import url('{base}/imp.css');</style></head>"
        f"<body><img src='{base}/img.png'><img src='https://example.invalid/x.png'>"
        "<img src='file:///etc/passwd'><img src='/static/../../../../etc/hostname'></body></html>"
    )

    pdf = rendering.html_to_pdf(html)

    assert pdf.startswith(b"%PDF")
    assert hits == []


@pytest.mark.unit
def test_fetcher_refuses_http_https_and_outside_files():
    fetcher = rendering.make_url_fetcher()

    for url in ("http://127.0.0.1:1/x", "https://example.com/x", "file:///etc/passwd"):
        with pytest.raises(ValueError):
            fetcher.fetch(url)


@pytest.mark.unit
def test_fetcher_serves_data_uris_and_static_files():
    fetcher = rendering.make_url_fetcher()

    font = fetcher.fetch("file:///static/fonts/LiberationSerif-Regular.ttf")
    data = fetcher.fetch("data:text/plain,xin%20ch%C3%A0o")

    assert font.read(4) == b"\x00\x01\x00\x00"
    assert data.read() == "xin chào".encode()


@pytest.mark.integration
@pytest.mark.slow
def test_smuggled_markup_in_a_notice_is_printed_not_fetched(tmp_path, http_trap):
    base, hits = http_trap
    sample = all_samples()["notice"]()
    sample.context["paragraphs"] = [f'<img src="{base}/a.png"> <style>@import url({base}/b.css)</style>']

    pdf = tmp_path / "n.pdf"
    pdf.write_bytes(rendering.render_pdf(build_sample_document(sample)))

    assert hits == []
    assert f'<img src="{base}/a.png">' in " ".join(poppler("pdftotext", str(pdf), "-").split())


@pytest.mark.unit
@pytest.mark.slow
def test_render_sample_command_writes_a_pdf(tmp_path):
    out = tmp_path / "notice.pdf"

    call_command("render_sample", "notice", str(out), stdout=io.StringIO())

    assert out.read_bytes().startswith(b"%PDF")


@pytest.mark.unit
def test_render_sample_command_names_the_known_kinds(tmp_path):
    with pytest.raises(CommandError, match="notice"):
        call_command("render_sample", "nope", str(tmp_path / "x.pdf"))
