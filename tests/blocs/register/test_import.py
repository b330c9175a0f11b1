"""Excel import of enterprises: broken files give clear errors and write nothing; valid files import all rows."""

import io
import unicodedata

import pytest
from django.urls import reverse
from openpyxl import load_workbook

from blocs.models import Enterprise
from blocs.register.xlsx import parse_workbook
from tests.blocs.xlsx import row, upload, xlsx_bytes
from tests.conftest import english
from tests.factories.blocs import EnterpriseFactory, IndustrialParkFactory, enterprise_user, valid_tax_code
from thidua.audit.models import AuditEvent

pytestmark = pytest.mark.unit

VINAMILK, FPT, VIETTEL = "0300588569", "0101248141", "0100109106"


def cp1258(text: str) -> bytes:
    """Text as Windows-1258 stores it: base letter (with circumflex/breve/horn) plus a combining tone."""
    out = b""
    shapes = {"\u0302", "\u0306", "\u031b"}  # circumflex, breve, horn: precomposed in cp1258
    for ch in text:
        parts = unicodedata.normalize("NFD", ch)
        letter = parts[0] + "".join(c for c in parts[1:] if c in shapes)
        tones = "".join(c for c in parts[1:] if c not in shapes)
        out += (unicodedata.normalize("NFC", letter) + tones).encode("cp1258")
    return out


def _upload(client, content, name="doanh-nghiep.xlsx", update=False):
    data = {"file": upload(content, name)}
    if update:
        data["update_existing"] = "on"
    return client.post(reverse("register:enterprise_import"), data)


def _preview(client, content, **kwargs):
    response = _upload(client, content, **kwargs)
    assert response.status_code == 302, response.content[:500]
    return response["Location"], client.get(response["Location"])


def _errors(response) -> list[str]:
    parsed = response.context["parsed"]
    return [parsed.file_error] if parsed.file_error else [e.message for e in parsed.errors]


def test_valid_file_imports_every_row(world, client_for):
    park = IndustrialParkFactory(organization=world.a.board, code="TB", name="KCN Thanh Bình")
    client = client_for(world.a.officer)
    content = xlsx_bytes(
        [
            row(VINAMILK, "Công ty Cổ phần Ván dán Hồng Ngọc", park="TB"),
            row(FPT, "Công ty TNHH Lechenwood Việt Nam", park="kcn thanh binh", ownership="FDI"),
            row(int(VIETTEL), "Công ty Viễn thông", park=""),  # typed as a number: the leading 0 is restored
        ]
    )

    url, preview = _preview(client, content)
    assert preview.status_code == 200 and _errors(preview) == []
    response = client.post(url + "commit/")

    assert response.status_code == 200
    created = Enterprise.objects.filter(organization=world.a.board).order_by("tax_code")
    assert [e.tax_code for e in created] == [VIETTEL, FPT, VINAMILK]
    hong_ngoc = created.get(tax_code=VINAMILK)
    assert hong_ngoc.park == park and hong_ngoc.search_name == "cong ty co phan van dan hong ngoc"
    assert created.get(tax_code=FPT).ownership == "FDI"
    assert AuditEvent.objects.filter(action="enterprise.imported").count() == 1


def test_second_commit_of_the_same_upload_does_nothing(world, client_for):
    client = client_for(world.a.officer)
    url, _ = _preview(client, xlsx_bytes([row(VINAMILK)]))
    client.post(url + "commit/")

    again = client.post(url + "commit/")

    assert again.status_code == 404
    assert Enterprise.objects.filter(organization=world.a.board).count() == 1


def test_template_round_trips(world, client_for):
    client = client_for(world.a.admin)
    template = b"".join(client.get(reverse("register:enterprise_import_template")).streaming_content)
    sheet = load_workbook(io.BytesIO(template)).active
    rows = [list(r) for r in sheet.iter_rows(values_only=True)]
    rows.append(row(VINAMILK))

    _, preview = _preview(client, xlsx_bytes(rows[1:], header=rows[0]))

    assert _errors(preview) == [] and len(preview.context["parsed"].rows) == 1


@pytest.mark.parametrize(
    ("content", "name", "expected"),
    [
        (xlsx_bytes([row(VINAMILK)], header=["Tax code", "Name"]), "a.xlsx", "columns are not those"),
        (xlsx_bytes([], header=None), "a.xlsx", "file is empty"),
        (xlsx_bytes([]), "a.xlsx", "no enterprise rows"),
        (cp1258("Mã số thuế;Tên doanh nghiệp\n0300588569;Hồng Ngọc\n"), "a.xlsx", "not an Excel"),
        (b"PK\x03\x04 this is not really a zip", "a.xlsx", "could not be read"),
        (xlsx_bytes([row(VINAMILK)]), "a.csv", "Only Excel workbooks"),
    ],
    ids=["wrong-columns", "empty", "header-only", "csv-cp1258", "broken-zip", "extension"],
)
def test_broken_files_give_one_clear_error_and_write_nothing(world, client_for, content, name, expected):
    client = english(client_for(world.a.officer))
    response = _upload(client, content, name=name)
    if response.status_code == 302:  # passed the upload checks: the preview reports the file error
        url, response = response["Location"], client.get(response["Location"])
        assert client.post(url + "commit/").status_code == 302  # refused, back to the preview
    assert expected in response.content.decode()
    assert Enterprise.objects.count() == 0


def test_oversized_upload_is_refused(world, client_for):
    client = client_for(world.a.officer)
    response = _upload(client, b"PK\x03\x04" + b"0" * (10 * 1024 * 1024 + 1))
    assert response.status_code == 400 and "10 MB" in response.content.decode()


def test_row_errors_are_listed_row_by_row_and_nothing_is_written(world, client_for):
    EnterpriseFactory(organization=world.a.board, tax_code=VIETTEL)
    IndustrialParkFactory(organization=world.b.board, code="OTHER")  # another Board's park is unknown here
    client = client_for(world.a.officer)
    content = xlsx_bytes(
        [
            row(VINAMILK),  # row 2: fine
            row(VINAMILK, "Trùng"),  # row 3: duplicate of row 2
            row("0300588568"),  # row 4: bad check digit
            row(FPT, name=""),  # row 5: missing name
            row(valid_tax_code(7), park="OTHER"),  # row 6: unknown park
            row(valid_tax_code(8), name='=HYPERLINK("http://x")'),  # row 7: formula
            row(VIETTEL),  # row 8: already in the Board
            row(valid_tax_code(9), ownership="Liên doanh", email="not-an-email", employees="nhiều"),  # row 9
        ]
    )
    before = Enterprise.objects.count()
    client.cookies["django_language"] = "en"

    url, preview = _preview(client, content)
    client.post(url + "commit/")

    errors = {(e.row, e.column): e.message for e in preview.context["parsed"].errors}
    assert "row 2" in errors[(3, "Mã số thuế")]
    assert "check digit" in errors[(4, "Mã số thuế")]
    assert "name is missing" in errors[(5, "Tên doanh nghiệp")]
    assert "Unknown industrial park" in errors[(6, "KCN")]
    assert "Formulas" in errors[(7, "Tên doanh nghiệp")]
    assert "already exists" in errors[(8, "Mã số thuế")]
    assert {(9, "Loại hình"), (9, "Email"), (9, "Số lao động")} <= set(errors)
    assert (2, "Mã số thuế") not in errors
    assert Enterprise.objects.count() == before


def test_row_errors_are_in_the_users_language(world, client_for):
    client = client_for(world.a.officer)
    client.cookies["django_language"] = "vi"

    _, preview = _preview(client, xlsx_bytes([row("0300588568")]))

    assert preview.context["parsed"].errors[0].message.startswith("Chữ số kiểm tra")


def test_preview_shows_the_offending_value_and_the_ownership_in_the_users_language(world, client_for):
    client = english(client_for(world.a.officer))

    _, with_errors = _preview(client, xlsx_bytes([row("0300588568", ownership="Liên doanh")]))
    _, valid = _preview(client, xlsx_bytes([row(VINAMILK, ownership="FDI")]))

    values = {(e.column, e.value) for e in with_errors.context["parsed"].errors}
    assert {("Mã số thuế", "0300588568"), ("Loại hình", "Liên doanh")} <= values
    assert "<code>Liên doanh</code>" in with_errors.content.decode()
    assert "Foreign-invested (FDI)" in valid.content.decode()


def test_the_templates_comments_say_in_vietnamese_how_to_fill_each_column():
    from blocs.register.xlsx import import_template

    sheet = load_workbook(io.BytesIO(import_template())).active

    assert sheet["A1"].comment.text.startswith("Bắt buộc. 10 chữ số")
    assert "Trong nước" in sheet["E1"].comment.text


def test_update_existing_updates_instead_of_refusing(world, client_for):
    existing = EnterpriseFactory(organization=world.a.board, tax_code=VINAMILK, name="Tên cũ")
    client = client_for(world.a.officer)

    url, _ = _preview(client, xlsx_bytes([row(VINAMILK, "Tên mới Hồng Ngọc")]), update=True)
    client.post(url + "commit/")

    existing.refresh_from_db()
    assert existing.name == "Tên mới Hồng Ngọc" and existing.search_name == "ten moi hong ngoc"
    assert Enterprise.objects.filter(organization=world.a.board).count() == 1


def test_same_tax_code_in_another_board_is_not_a_duplicate(world, client_for):
    EnterpriseFactory(organization=world.b.board, tax_code=VINAMILK)
    client = client_for(world.a.officer)
    url, _ = _preview(client, xlsx_bytes([row(VINAMILK)]))
    client.post(url + "commit/")
    assert Enterprise.objects.filter(organization=world.a.board, tax_code=VINAMILK).exists()


@pytest.mark.parametrize("name", ["enterprise_import", "enterprise_import_template"])
def test_import_permissions(world, client_for, name):
    url = reverse(f"register:{name}")
    assert client_for(world.a.admin).get(url).status_code == 200
    assert client_for(world.a.officer).get(url).status_code == 200
    assert client_for(world.a.signer).get(url).status_code == 403
    insider = enterprise_user(EnterpriseFactory(organization=world.a.board))
    assert client_for(insider).get(url).status_code == 403


def test_pending_upload_of_another_board_or_session_is_404(world, client_for):
    url, _ = _preview(client_for(world.a.officer), xlsx_bytes([row(VINAMILK)]))
    assert client_for(world.b.officer).get(url).status_code == 404
    assert client_for(world.b.officer).post(url + "commit/").status_code == 404
    assert client_for(world.a.signer).get(url).status_code == 403
    assert Enterprise.objects.count() == 0


def test_a_workbook_of_many_rows_imports_every_row(world, client_for):
    """The import at scale is a benchmark (bench/import_xlsx.py); here the same path on a small workbook."""
    IndustrialParkFactory(organization=world.a.board, code="TB", name="KCN Thanh Bình")
    rows = [row(valid_tax_code(n), f"Công ty TNHH Số {n}", park="TB") for n in range(1, 51)]
    client = client_for(world.a.officer)

    url, preview = _preview(client, xlsx_bytes(rows))
    response = client.post(url + "commit/")

    assert _errors(preview) == [] and response.status_code == 200
    created = Enterprise.objects.filter(organization=world.a.board)
    assert created.count() == 50
    assert set(created.values_list("park__code", flat=True)) == {"TB"}
    assert created.get(tax_code=valid_tax_code(50)).name == "Công ty TNHH Số 50"
    assert AuditEvent.objects.filter(action="enterprise.imported").count() == 1


def test_parse_is_pure(world, tmp_path):
    path = tmp_path / "a.xlsx"
    path.write_bytes(xlsx_bytes([row(VINAMILK), row(FPT)]))
    parsed = parse_workbook(path, world.a.board)
    assert parsed.ok and len(parsed.rows) == 2 and Enterprise.objects.count() == 0
