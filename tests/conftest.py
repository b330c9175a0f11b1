"""The role world shared by every test: two Boards, a user in every Board role in each."""

import time
from dataclasses import dataclass

import pytest
from django.conf import settings
from django.test import Client
from django.utils import translation
from django_otp.plugins.otp_totp.models import TOTPDevice

from tests.factories.accounts import OrganizationFactory, staff_user
from thidua.accounts.enums import BoardRole
from thidua.accounts.models import Organization, User
from thidua.accounts.session_refresh import REFRESHED_KEY

pytest_plugins = ["tests.markers"]  # markers mean what pyproject.toml says: checked at collection and run


@dataclass
class BoardWorld:
    board: Organization
    admin: User
    officer: User
    signer: User
    council: User


@dataclass
class World:
    a: BoardWorld  # "our" Board
    b: BoardWorld  # another Board, whose data must never leak to a


def _board_world(name: str, code: str) -> BoardWorld:
    board = OrganizationFactory(name=name, short_code=code)
    return BoardWorld(
        board=board,
        admin=staff_user(board, BoardRole.ADMIN, full_name="Quản Trị Viên"),
        officer=staff_user(board, BoardRole.OFFICER, full_name="Chuyên Viên"),
        signer=staff_user(board, BoardRole.SIGNER, full_name="Lãnh Đạo Ban"),
        council=staff_user(board, BoardRole.COUNCIL, full_name="Ủy Viên Hội Đồng"),
    )


@pytest.fixture
def world(db) -> World:
    return World(
        a=_board_world("Ban Quản lý các KCN tỉnh Thái Nguyên", "BQL"),
        b=_board_world("Ban Quản lý Khu kinh tế tỉnh Đắk Lắk", "BQLKKT"),
    )


def verified_client(user: User) -> Client:
    """A client signed in as ``user`` with a verified second factor (Board staff pass the 2FA gate)."""
    client = Client()
    client.force_login(user)
    device = TOTPDevice.objects.filter(user=user, confirmed=True).first() or TOTPDevice.objects.create(
        user=user, name="test", confirmed=True
    )
    session = client.session
    session["otp_device_id"] = device.persistent_id
    session[REFRESHED_KEY] = int(time.time())  # as after a first page view: steady-state query counts
    session.save()
    return client


@pytest.fixture
def client_for():
    """``client_for(user)``: a signed-in client that has passed 2FA."""
    return verified_client


@pytest.fixture(autouse=True)
def english_outside_requests():
    """Messages raised by services are asserted in English, the msgid language. Requests still run in the
    language the middleware picks (Vietnamese unless the client chose English)."""
    with translation.override("en"):
        yield


def english(client: Client) -> Client:
    """Make ``client`` browse in English, as after pressing the EN switch."""
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    return client
