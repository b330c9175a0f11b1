"""Legal bases as data: a Board-editable library, seeded for every Board, chosen per kind of document."""

import datetime
import importlib

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from tests.factories.accounts import OrganizationFactory, UserFactory
from thidua.audit.models import AuditEvent
from thidua.documents import queries, services
from thidua.documents.kinds import DocumentKind, recipients_for
from thidua.documents.legal_bases import basis_lines, citation_of, seed_entries
from thidua.documents.models import LegalBasis
from thidua.documents.signals import document_kinds

pytestmark = pytest.mark.unit

TODAY = datetime.date(2026, 3, 2)
DECREE_TITLE = (
    "quy định về phân cấp, phân quyền trong lĩnh vực thi đua, khen thưởng; quy định chi tiết và hướng dẫn "
    "thi hành một số điều của Luật Thi đua, khen thưởng"
)


@pytest.fixture
def decision_kind():
    """A kind that cites the standard bases, as a domain app registers it."""
    kind = DocumentKind(
        code="test_decision",
        label="Test decision",
        legal_bases=("law_06_2022", "decree_152_2025", "circular_15_2025", "board_functions"),
        recipients=("Như Điều 3;", "{reports_to} (b/c);", "{board} (b/c);"),
    )

    def answer(**kwargs):
        return [kind]

    document_kinds.connect(answer, dispatch_uid="test_decision_kind")
    yield kind
    document_kinds.disconnect(dispatch_uid="test_decision_kind")


def test_every_new_board_gets_the_standard_library(world):
    bases = list(queries.legal_bases_of(world.a.board))

    assert [basis.code for basis in bases] == [
        "law_06_2022",
        "decree_152_2025",
        "circular_15_2025",
        "provincial_regulation",
        "board_functions",
    ]
    assert citation_of(bases[0]) == "Luật Thi đua, khen thưởng ngày 15 tháng 6 năm 2022"
    assert (
        citation_of(bases[1])
        == f"Nghị định số 152/2025/NĐ-CP ngày 14 tháng 6 năm 2025 của Chính phủ {DECREE_TITLE}"
    )
    assert citation_of(bases[2]) == (
        "Thông tư số 15/2025/TT-BNV của Bộ trưởng Bộ Nội vụ quy định biện pháp để tổ chức, hướng dẫn thi hành "
        "Luật Thi đua, khen thưởng và Nghị định số 152/2025/NĐ-CP"
    )
    assert citation_of(bases[3]) == (
        "Quyết định số …/QĐ-UBND của Ủy ban nhân dân tỉnh Thái Nguyên ban hành Quy định về công tác thi đua, "
        "khen thưởng trên địa bàn tỉnh Thái Nguyên"
    )
    assert citation_of(bases[4]).endswith(f"cơ cấu tổ chức của {world.a.board.name}")
    assert [basis.is_complete for basis in bases] == [True, True, False, False, False]


def test_seeding_twice_adds_nothing(world):
    assert services.seed_legal_bases(world.a.board) == []
    assert LegalBasis.objects.filter(organization=world.a.board).count() == 5


def test_the_migration_seeds_the_same_rows_as_a_new_board(world):
    """Migration 0004 keeps a frozen copy of the seed: it must say the same as the live code today."""
    migration = importlib.import_module("thidua.documents.migrations.0004_notice_states_and_legal_bases")

    assert migration._entries(world.a.board) == [dict(entry) for entry in seed_entries(world.a.board)]


def test_basis_lines_end_with_a_full_stop():
    assert basis_lines(["Luật A", "Nghị định B;"]) == ["Căn cứ Luật A;", "Căn cứ Nghị định B."]
    assert basis_lines(["Luật A"], closing="Theo đề nghị của Chánh Văn phòng") == [
        "Căn cứ Luật A;",
        "Theo đề nghị của Chánh Văn phòng.",
    ]


def test_a_kind_cites_its_defaults_until_the_board_chooses(world, decision_kind):
    defaults = queries.legal_basis_lines(world.a.board, decision_kind.code, on=TODAY)
    chosen = LegalBasis.objects.get(organization=world.a.board, code="provincial_regulation")
    services.update_legal_basis(
        basis=chosen, updated_by=world.a.officer, kinds=[decision_kind.code], number="12/2025/QĐ-UBND"
    )

    after = queries.legal_basis_lines(world.a.board, decision_kind.code, on=TODAY)

    assert len(defaults) == 4
    assert defaults[0] == "Căn cứ Luật Thi đua, khen thưởng ngày 15 tháng 6 năm 2022;"
    assert defaults[-1].endswith(".")
    assert after == [
        "Căn cứ Quyết định số 12/2025/QĐ-UBND của Ủy ban nhân dân tỉnh Thái Nguyên ban hành Quy định về công tác "
        "thi đua, khen thưởng trên địa bàn tỉnh Thái Nguyên."
    ]


def test_only_bases_in_force_on_the_date_are_cited(world, decision_kind):
    before_decree = queries.legal_bases_for(world.a.board, decision_kind.code, on=datetime.date(2025, 6, 30))
    LegalBasis.objects.filter(organization=world.a.board, code="law_06_2022").update(
        in_force_to=datetime.date(2025, 12, 31)
    )
    later = queries.legal_bases_for(world.a.board, decision_kind.code, on=TODAY)

    assert "decree_152_2025" not in [basis.code for basis in before_decree]
    assert "law_06_2022" not in [basis.code for basis in later]


def test_recipients_come_from_the_boards_settings(world, decision_kind):
    board = world.a.board
    board.reports_to, board.filing_unit = "Sở Nội vụ tỉnh Thái Nguyên", "VP"

    assert recipients_for(board, decision_kind.code) == [
        "Như Điều 3;",
        "Sở Nội vụ tỉnh Thái Nguyên (b/c);",
        f"{board.name} (b/c);",
        "Lưu: VT, VP.",
    ]


def test_bases_of_one_board_are_not_another_boards(world):
    assert all(basis.organization == world.b.board for basis in queries.legal_bases_of(world.b.board))


def test_update_refuses_an_unknown_kind_and_a_period_that_ends_before_it_starts(world):
    basis = LegalBasis.objects.filter(organization=world.a.board).first()

    with pytest.raises(ValidationError):
        services.update_legal_basis(basis=basis, updated_by=world.a.officer, kinds=["nope"])
    with pytest.raises(ValidationError):
        services.update_legal_basis(
            basis=basis,
            updated_by=world.a.officer,
            in_force_from=datetime.date(2026, 1, 1),
            in_force_to=datetime.date(2025, 1, 1),
        )


# --- screens ---------------------------------------------------------------------------------------------
def _form(**overrides):
    data = {
        "instrument": "Quyết định",
        "number": "35/2025/QĐ-UBND",
        "signed_on": "2025-08-20",
        "issuer": "Ủy ban nhân dân tỉnh Thái Nguyên",
        "title": "ban hành Quy chế công tác thi đua, khen thưởng",
        "in_force_from": "2025-09-01",
        "in_force_to": "",
        "position": "45",
    }
    data.update(overrides)
    return data


@pytest.mark.parametrize("item_count", [1, 3])
def test_library_page_query_count(world, client_for, django_assert_num_queries, item_count):
    LegalBasis.objects.filter(organization=world.a.board).delete()
    for n in range(item_count):
        services.create_legal_basis(
            organization=world.a.board,
            created_by=world.a.officer,
            instrument="Quyết định",
            number=f"{n + 1}/2025/QĐ-UBND",
            signed_on=datetime.date(2025, 8, 20),
            issuer="Ủy ban nhân dân tỉnh Thái Nguyên",
            title="ban hành Quy chế",
            position=60 + n,
        )
    client = client_for(world.a.officer)

    with django_assert_num_queries(6):  # session, user+Board, 2FA device, roles, then the library (once)
        response = client.get(reverse("documents:legal_basis_list"))

    assert len(response.context["bases"]) == item_count


def test_officer_adds_edits_and_deletes_a_basis(world, client_for):
    client = client_for(world.a.officer)

    created = client.post(reverse("documents:legal_basis_create"), _form())
    basis = LegalBasis.objects.get(organization=world.a.board, number="35/2025/QĐ-UBND")
    edited = client.post(
        reverse("documents:legal_basis_edit", args=[basis.pk]), _form(number="36/2025/QĐ-UBND")
    )
    basis.refresh_from_db()
    deleted = client.post(reverse("documents:legal_basis_delete", args=[basis.pk]))

    assert [created.status_code, edited.status_code, deleted.status_code] == [302, 302, 302]
    assert basis.number == "36/2025/QĐ-UBND"
    assert not LegalBasis.objects.filter(pk=basis.pk).exists()
    assert list(
        AuditEvent.objects.filter(action__startswith="legal_basis.")
        .order_by("seq")
        .values_list("action", flat=True)
    ) == ["legal_basis.created", "legal_basis.updated", "legal_basis.deleted"]
    assert AuditEvent.objects.get(action="legal_basis.updated").changes == {
        "number": ["35/2025/QĐ-UBND", "36/2025/QĐ-UBND"]
    }


def test_bad_dates_are_a_form_error_not_a_500(world, client_for):
    response = client_for(world.a.officer).post(
        reverse("documents:legal_basis_create"), _form(in_force_to="2024-01-01")
    )

    assert response.status_code == 200
    assert response.context["form"].errors["in_force_to"]


def test_edit_trio(world, client_for):
    basis = LegalBasis.objects.filter(organization=world.a.board).first()
    url = reverse("documents:legal_basis_edit", args=[basis.pk])

    assert client_for(world.a.admin).get(url).status_code == 200
    assert client_for(world.a.council).get(url).status_code == 403
    assert client_for(UserFactory(organization=world.a.board)).get(url).status_code == 403
    assert client_for(world.b.admin).get(url).status_code == 404


def test_council_reads_the_library_but_cannot_add(world, client_for):
    client = client_for(world.a.council)

    assert client.get(reverse("documents:legal_basis_list")).status_code == 200
    assert client.get(reverse("documents:legal_basis_create")).status_code == 403


def test_a_board_created_later_is_seeded_too(db):
    board = OrganizationFactory(parent_body_line="UBND TỈNH ĐẮK LẮK", place_name="Đắk Lắk")

    basis = LegalBasis.objects.get(organization=board, code="provincial_regulation")

    assert basis.issuer == "Ủy ban nhân dân tỉnh Đắk Lắk"
