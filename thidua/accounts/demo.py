"""Demo Boards and one user per Board role (domain.md §16). Safe to run twice.

``seed_demo`` is the extension point of ``manage.py seed_demo``: once the Boards and their staff exist, the
signal is sent with ``stdout``; every app that has demo data connects a receiver in its ``AppConfig.ready()``
that loads it (idempotently) and returns the demo logins it made as a list of dicts with the keys ``email``,
``password``, ``role`` and ``board``. Receivers run in the order they were connected, which follows
``INSTALLED_APPS``, so an app finds the demo data of the apps to its left.
"""

import base64

from django.db import transaction
from django.dispatch import Signal
from django_otp.plugins.otp_totp.models import TOTPDevice

from thidua.accounts.enums import BoardRole, SigningPosition
from thidua.accounts.models import BoardMembership, Organization, User

seed_demo = Signal()

DEMO_PASSWORD = "thidua-demo-2026"
# Shared TOTP secret of the demo staff: add it to an authenticator app, or run `manage.py demo_otp`.
DEMO_TOTP_SECRET_BASE32 = "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP"
# How the demo signers sign: a deputy in Thái Nguyên (KT. TRƯỞNG BAN), the head in Đắk Lắk.
SIGNING_POSITIONS = {
    "signer.tn@thidua.demo": SigningPosition.DEPUTY,
    "signer.dl@thidua.demo": SigningPosition.HEAD,
}

BOARDS = [
    {
        "key": "tn",
        "name": "Ban Quản lý các KCN tỉnh Thái Nguyên",
        "parent_body_line": "ỦY BAN NHÂN DÂN TỈNH THÁI NGUYÊN",
        "issuing_body_line": "BAN QUẢN LÝ CÁC KHU CÔNG NGHIỆP",
        "short_code": "BQL",
        "place_name": "Thái Nguyên",
        "address": "Tổ 10, phường Đức Xuân, tỉnh Thái Nguyên",
        "phone": "0209 3878 128",
        "email": "bqlkcn@thainguyen.gov.vn",
        "staff": [
            ("admin.tn@thidua.demo", "Nguyễn Thị Thu Hà", BoardRole.ADMIN, "Chánh Văn phòng"),
            (
                "officer.tn@thidua.demo",
                "Hoàng Văn Đức",
                BoardRole.OFFICER,
                "Chuyên viên thi đua - khen thưởng",
            ),
            ("signer.tn@thidua.demo", "Hoàng Văn Khởi", BoardRole.SIGNER, "Phó Trưởng ban"),
            (
                "council.tn@thidua.demo",
                "Ma Thị Quỳnh",
                BoardRole.COUNCIL,
                "Ủy viên Hội đồng Thi đua - Khen thưởng",
            ),
        ],
    },
    {
        "key": "dl",
        "name": "Ban Quản lý Khu kinh tế tỉnh Đắk Lắk",
        "parent_body_line": "ỦY BAN NHÂN DÂN TỈNH ĐẮK LẮK",
        "issuing_body_line": "BAN QUẢN LÝ KHU KINH TẾ",
        "short_code": "BQLKKT",
        "place_name": "Đắk Lắk",
        "address": "Số 02 Trần Phú, phường Tuy Hòa, tỉnh Đắk Lắk",
        "phone": "0257 3842 000",
        "email": "bqlkkt@daklak.gov.vn",
        "staff": [
            ("admin.dl@thidua.demo", "Trần Minh Tâm", BoardRole.ADMIN, "Chánh Văn phòng"),
            (
                "officer.dl@thidua.demo",
                "Lê Thị Ngọc Ánh",
                BoardRole.OFFICER,
                "Chuyên viên thi đua - khen thưởng",
            ),
            ("signer.dl@thidua.demo", "Phạm Quốc Hưng", BoardRole.SIGNER, "Trưởng ban"),
            (
                "council.dl@thidua.demo",
                "Y Đức Niê",
                BoardRole.COUNCIL,
                "Ủy viên Hội đồng Thi đua - Khen thưởng",
            ),
        ],
    },
]


def demo_totp_key_hex() -> str:
    return base64.b32decode(DEMO_TOTP_SECRET_BASE32).hex()


def demo_board(key: str) -> Organization:
    spec = next(board for board in BOARDS if board["key"] == key)
    return Organization.objects.get(name=spec["name"])


def ensure_demo_user(*, email: str, full_name: str, organization: Organization) -> User:
    user = User.objects.filter(email=email).first()
    if user is None:
        user = User.objects.create_user(email, DEMO_PASSWORD, full_name=full_name, organization=organization)
    return user


@transaction.atomic
def seed(stdout) -> list[dict]:
    rows = []
    for spec in BOARDS:
        fields = {k: v for k, v in spec.items() if k not in {"key", "staff", "name"}}
        board, _created = Organization.objects.update_or_create(name=spec["name"], defaults=fields)
        for email, full_name, role, title in spec["staff"]:
            user = ensure_demo_user(email=email, full_name=full_name, organization=board)
            BoardMembership.objects.get_or_create(
                user=user,
                role=role,
                defaults={
                    "organization": board,
                    "title": title,
                    "signing_position": SIGNING_POSITIONS.get(email, ""),
                },
            )
            TOTPDevice.objects.get_or_create(
                user=user, name="Demo", defaults={"key": demo_totp_key_hex(), "confirmed": True}
            )
            rows.append(
                {"email": email, "password": DEMO_PASSWORD, "role": str(role.label), "board": board.name}
            )
    return rows
