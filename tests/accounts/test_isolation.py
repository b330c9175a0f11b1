"""Cross-Board isolation: allowed / insider without the role → 403 / other Board → 404."""

import re
from pathlib import Path

import pytest
from django.apps import apps
from django.core.exceptions import PermissionDenied
from django.http import Http404

from tests.factories.accounts import InvitationFactory, UserFactory
from thidua.accounts.models import Organization
from thidua.accounts.permissions import (
    Access,
    get_invitation_for_user_or_404,
    get_organization_for_user_or_404,
    get_staff_user_for_user_or_404,
)
from thidua.audit.services import record_event

pytestmark = pytest.mark.unit

ROOT = Path(__file__).resolve().parent.parent.parent


# --- POST /board/staff/<pk>/toggle-active/ ----------------------------------------------------------


def test_admin_toggles_a_staff_member_of_their_board(world, client_for):
    target = world.a.council

    response = client_for(world.a.admin).post(f"/board/staff/{target.pk}/toggle-active/")

    target.refresh_from_db()
    assert response.status_code == 302
    assert target.is_active is False


def test_officer_may_not_toggle_staff(world, client_for):
    target = world.a.council

    response = client_for(world.a.officer).post(f"/board/staff/{target.pk}/toggle-active/")

    target.refresh_from_db()
    assert response.status_code == 403
    assert target.is_active is True


def test_admin_of_another_board_gets_404_on_toggle(world, client_for):
    target = world.a.council

    response = client_for(world.b.admin).post(f"/board/staff/{target.pk}/toggle-active/")

    target.refresh_from_db()
    assert response.status_code == 404
    assert target.is_active is True


def test_admin_cannot_deactivate_themselves(world, client_for):
    admin = world.a.admin

    client_for(admin).post(f"/board/staff/{admin.pk}/toggle-active/")

    admin.refresh_from_db()
    assert admin.is_active is True


def test_toggle_refuses_get(world, client_for):
    response = client_for(world.a.admin).get(f"/board/staff/{world.a.council.pk}/toggle-active/")

    assert response.status_code == 405


# --- POST /board/invitations/<pk>/revoke/ -----------------------------------------------------------


def test_admin_revokes_an_invitation_of_their_board(world, client_for):
    invitation = InvitationFactory(organization=world.a.board, invited_by=world.a.admin)

    response = client_for(world.a.admin).post(f"/board/invitations/{invitation.pk}/revoke/")

    invitation.refresh_from_db()
    assert response.status_code == 302
    assert invitation.revoked_at is not None


def test_officer_may_not_revoke_an_invitation(world, client_for):
    invitation = InvitationFactory(organization=world.a.board, invited_by=world.a.admin)

    response = client_for(world.a.officer).post(f"/board/invitations/{invitation.pk}/revoke/")

    invitation.refresh_from_db()
    assert response.status_code == 403
    assert invitation.revoked_at is None


def test_admin_of_another_board_gets_404_on_revoke(world, client_for):
    invitation = InvitationFactory(organization=world.a.board, invited_by=world.a.admin)

    response = client_for(world.b.admin).post(f"/board/invitations/{invitation.pk}/revoke/")

    invitation.refresh_from_db()
    assert response.status_code == 404
    assert invitation.revoked_at is None


# --- the accessors themselves -------------------------------------------------------------------------


def test_get_organization_for_admin_of_the_board(world):
    board = get_organization_for_user_or_404(world.a.admin, world.a.board.pk, access=Access.CHANGE)

    assert board == world.a.board


def test_get_organization_read_for_any_staff_of_the_board(world):
    assert get_organization_for_user_or_404(world.a.council, world.a.board.pk) == world.a.board


def test_get_organization_write_for_officer_is_403(world):
    with pytest.raises(PermissionDenied):
        get_organization_for_user_or_404(world.a.officer, world.a.board.pk, access=Access.CHANGE)


def test_get_organization_of_another_board_is_404(world):
    with pytest.raises(Http404):
        get_organization_for_user_or_404(world.b.admin, world.a.board.pk, access=Access.CHANGE)


def test_get_organization_for_user_without_board_role_is_403(world):
    outsider = UserFactory(organization=world.a.board)

    with pytest.raises(PermissionDenied):
        get_organization_for_user_or_404(outsider, world.a.board.pk)


def test_get_organization_for_inactive_user_is_404(world):
    world.a.admin.is_active = False

    with pytest.raises(Http404):
        get_organization_for_user_or_404(world.a.admin, world.a.board.pk)


def test_get_staff_user_trio(world):
    assert get_staff_user_for_user_or_404(world.a.admin, world.a.signer.pk) == world.a.signer
    with pytest.raises(PermissionDenied):
        get_staff_user_for_user_or_404(world.a.officer, world.a.signer.pk)
    with pytest.raises(Http404):
        get_staff_user_for_user_or_404(world.b.admin, world.a.signer.pk)


def test_get_invitation_trio(world):
    invitation = InvitationFactory(organization=world.a.board, invited_by=world.a.admin)

    assert get_invitation_for_user_or_404(world.a.admin, invitation.pk) == invitation
    with pytest.raises(PermissionDenied):
        get_invitation_for_user_or_404(world.a.officer, invitation.pk)
    with pytest.raises(Http404):
        get_invitation_for_user_or_404(world.b.admin, invitation.pk)


# --- /board/, /board/edit/ and /audit/ ------------------------------------------------------------


def test_board_detail_shows_own_board_only(world, client_for):
    response = client_for(world.b.council).get("/board/")

    html = response.content.decode()
    assert response.status_code == 200
    assert world.b.board.name in html
    assert world.a.board.name not in html


def test_board_pages_are_403_for_an_insider_without_board_role(world, client_for):
    """The one staff gate: a user of the Board without a role is an insider (403)."""
    client = client_for(UserFactory(organization=world.a.board))

    statuses = [client.get(url).status_code for url in ("/board/", "/board/edit/", "/audit/")]

    assert statuses == [403, 403, 403]


def test_board_pages_are_404_for_a_user_without_a_board(db, client_for):
    client = client_for(UserFactory(organization=None))

    statuses = [client.get(url).status_code for url in ("/board/", "/board/edit/", "/audit/")]

    assert statuses == [404, 404, 404]


def test_admin_edits_their_board(world, client_for):
    board = world.a.board
    data = {
        "name": board.name,
        "parent_body_line": board.parent_body_line,
        "issuing_body_line": board.issuing_body_line,
        "short_code": "BQLKCN",
        "place_name": board.place_name,
        "address": "Số 1 đường Thống Nhất",
        "phone": "",
        "email": "",
        "head_title": board.head_title,
        "filing_unit": board.filing_unit,
        "reports_to": board.reports_to,
        "pledge_doc_type": board.pledge_doc_type,
    }

    response = client_for(world.a.admin).post("/board/edit/", data)

    board.refresh_from_db()
    assert response.status_code == 302
    assert board.short_code == "BQLKCN"
    assert board.address == "Số 1 đường Thống Nhất"


def test_officer_may_not_edit_the_board(world, client_for):
    client = client_for(world.a.officer)

    assert client.get("/board/edit/").status_code == 403
    assert client.post("/board/edit/", {"short_code": "X"}).status_code == 403


def test_admin_of_another_board_edits_only_their_own_board(world, client_for):
    response = client_for(world.b.admin).get("/board/edit/")

    html = response.content.decode()
    assert response.status_code == 200
    assert world.b.board.name in html
    assert world.a.board.name not in html


def test_audit_log_trio(world, client_for):
    record_event(action="test.a", actor=world.a.officer)
    record_event(action="test.b", actor=world.b.officer)

    own = client_for(world.a.admin).get("/audit/")
    insider = client_for(world.a.officer).get("/audit/")
    other = client_for(world.b.admin).get("/audit/")

    assert own.status_code == 200
    assert "test.a" in own.content.decode()
    assert "test.b" not in own.content.decode()
    assert insider.status_code == 403
    assert "test.a" not in other.content.decode()


# --- no view loads protected rows behind the accessors' back ---------------------------------------

OUR_APPS = ("thidua", "blocs", "scoring", "awards")


def protected_model_names() -> list[str]:
    """Every model of our own apps: all of them hold Board data or hang off a row that does."""
    return sorted(
        {model.__name__ for model in apps.get_models() if model.__module__.split(".")[0] in OUR_APPS}
    )


def forbidden_pattern() -> re.Pattern:
    names = "|".join(protected_model_names())
    return re.compile(
        rf"\b({names})\.(objects|_default_manager)\.get\("
        r"|\bget_object_or_404\(|\bget_list_or_404\("
    )


def view_modules() -> list[Path]:
    files: list[Path] = []
    for package in OUR_APPS:
        base = ROOT / package
        files += base.rglob("views.py")
        files += base.rglob("views/*.py")
    return sorted(set(files))


def test_view_modules_load_protected_rows_only_through_accessors():
    forbidden = forbidden_pattern()

    offences = [
        f"{path.relative_to(ROOT)}:{number}: {line.strip()}"
        for path in view_modules()
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1)
        if forbidden.search(line)
    ]

    assert view_modules(), "no view modules found"
    assert offences == []


def test_the_forbidden_pattern_catches_a_direct_get():
    forbidden = forbidden_pattern()

    assert forbidden.search("    board = Organization.objects.get(pk=pk)")
    assert forbidden.search("    event = AuditEvent._default_manager.get(pk=pk)")
    assert forbidden.search("    obj = get_object_or_404(Invitation, pk=pk)")
    assert not forbidden.search("    invitation = get_invitation_for_user_or_404(request.user, pk)")
    assert {Organization.__name__, "User", "Invitation", "AuditEvent"} <= set(protected_model_names())
