"""How a signer signs: the position stored on their signer role (it decides the authority prefix)."""

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from django_otp.plugins.otp_totp.models import TOTPDevice

from tests.documents.conftest import totp_now
from tests.factories.accounts import TEST_PASSWORD
from thidua.accounts import services
from thidua.accounts.enums import AuthMethod, BoardRole, SigningPosition
from thidua.accounts.reauth import reauthenticate
from thidua.audit.models import AuditEvent

pytestmark = pytest.mark.unit


def _role(user):
    return user.board_roles.get(role=BoardRole.SIGNER)


def test_admin_sets_a_collective_position(world, client_for):
    url = reverse("accounts:signer_settings", args=[world.a.signer.pk])

    response = client_for(world.a.admin).post(
        url,
        {
            "title": "Chủ tịch",
            "signing_position": "collective",
            "signs_for": "Hội đồng Thi đua - Khen thưởng",
        },
    )

    role = _role(world.a.signer)
    assert response.status_code == 302
    assert (role.signing_position, role.title, role.signs_for) == (
        SigningPosition.COLLECTIVE,
        "Chủ tịch",
        "Hội đồng Thi đua - Khen thưởng",
    )
    assert AuditEvent.objects.get(action="board_role.updated").changes["signing_position"] == [
        "deputy",
        "collective",
    ]


def test_signer_settings_trio(world, client_for):
    url = reverse("accounts:signer_settings", args=[world.a.signer.pk])

    assert client_for(world.a.admin).get(url).status_code == 200
    assert client_for(world.a.officer).get(url).status_code == 403
    assert client_for(world.b.admin).get(url).status_code == 404
    # Someone of the Board who is not a signer has no signing position to set.
    assert (
        client_for(world.a.admin)
        .get(reverse("accounts:signer_settings", args=[world.a.officer.pk]))
        .status_code
        == 404
    )


@pytest.mark.parametrize(
    ("fields", "error_on"),
    [
        ({"title": "Chủ tịch", "signing_position": "collective", "signs_for": ""}, "signs_for"),
        ({"title": "", "signing_position": "deputy"}, "title"),
        ({"title": "Trưởng ban", "signing_position": "chief"}, "signing_position"),
    ],
)
def test_signer_settings_are_checked(world, fields, error_on):
    with pytest.raises(ValidationError) as refused:
        services.update_signer_settings(membership=_role(world.a.signer), updated_by=world.a.admin, **fields)

    assert error_on in refused.value.message_dict


def test_an_acting_head_needs_no_title_and_a_head_drops_the_collective_body(world):
    role = _role(world.a.signer)

    services.update_signer_settings(
        membership=role, updated_by=world.a.admin, title="", signing_position="acting"
    )
    services.update_signer_settings(
        membership=role, updated_by=world.a.admin, title="Trưởng ban", signing_position="head", signs_for="x"
    )

    role.refresh_from_db()
    assert (role.signing_position, role.signs_for) == ("head", "")


def test_staff_list_links_to_each_signers_position(world, client_for):
    html = client_for(world.a.admin).get(reverse("accounts:staff_list")).content.decode()

    assert reverse("accounts:signer_settings", args=[world.a.signer.pk]) in html


def test_board_settings_documents_read_are_editable(world, client_for):
    board = world.a.board
    data = {
        "name": board.name,
        "parent_body_line": "UBND TỈNH THÁI NGUYÊN",
        "issuing_body_line": board.issuing_body_line,
        "short_code": board.short_code,
        "place_name": board.place_name,
        "head_title": "Trưởng ban",
        "filing_unit": "VP",
        "reports_to": "Sở Nội vụ tỉnh Thái Nguyên",
        "pledge_doc_type": "BTT",
    }

    response = client_for(world.a.admin).post(reverse("accounts:board_edit"), data)

    board.refresh_from_db()
    assert response.status_code == 302
    assert (board.filing_unit, board.reports_to, board.pledge_doc_type) == (
        "VP",
        "Sở Nội vụ tỉnh Thái Nguyên",
        "BTT",
    )


# --- re-authentication --------------------------------------------------------------------------------------
def test_reauthenticate_with_password_only_when_there_is_no_device(world):
    assert reauthenticate(world.a.signer, password=TEST_PASSWORD) == AuthMethod.PASSWORD
    assert reauthenticate(world.a.signer, password="nope") is None
    assert reauthenticate(world.a.signer, password="") is None


def test_reauthenticate_needs_the_code_when_there_is_a_device(world):
    TOTPDevice.objects.create(user=world.a.signer, name="phone", confirmed=True)

    code = totp_now(world.a.signer)

    assert reauthenticate(world.a.signer, password=TEST_PASSWORD) is None
    assert reauthenticate(world.a.signer, password="nope", otp_token=code) is None
    assert reauthenticate(world.a.signer, password=TEST_PASSWORD, otp_token=code) == AuthMethod.PASSWORD_TOTP
    assert reauthenticate(world.a.signer, password=TEST_PASSWORD, otp_token=code) is None  # no replay
