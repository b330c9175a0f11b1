import hashlib
from datetime import timedelta

import factory
from django.utils import timezone
from django_otp.plugins.otp_totp.models import TOTPDevice

from thidua.accounts.enums import BoardRole, SigningPosition
from thidua.accounts.models import BoardMembership, Invitation, Organization, User

TEST_PASSWORD = "correct-horse-battery-staple"


class OrganizationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Organization

    name = factory.Sequence(lambda n: f"Ban Quản lý các KCN tỉnh Số {n}")
    parent_body_line = "ỦY BAN NHÂN DÂN TỈNH THÁI NGUYÊN"
    issuing_body_line = "BAN QUẢN LÝ CÁC KHU CÔNG NGHIỆP"
    short_code = "BQL"
    place_name = "Thái Nguyên"


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = User
        skip_postgeneration_save = True

    email = factory.Sequence(lambda n: f"user{n}@example.vn")
    full_name = factory.Sequence(lambda n: f"Nguyễn Văn {n}")
    organization = factory.SubFactory(OrganizationFactory)
    password = factory.django.Password(TEST_PASSWORD)


class BoardMembershipFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = BoardMembership

    user = factory.SubFactory(UserFactory)
    organization = factory.SelfAttribute("user.organization")
    role = BoardRole.OFFICER
    # A signer is a deputy head by default ("KT. TRƯỞNG BAN" / "PHÓ TRƯỞNG BAN").
    title = factory.LazyAttribute(lambda o: "Phó Trưởng ban" if o.role == BoardRole.SIGNER else "Chuyên viên")
    signing_position = factory.LazyAttribute(
        lambda o: SigningPosition.DEPUTY if o.role == BoardRole.SIGNER else ""
    )


class TOTPDeviceFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = TOTPDevice

    user = factory.SubFactory(UserFactory)
    name = "Authenticator"
    confirmed = True


def staff_user(organization: Organization, role: str = BoardRole.OFFICER, **kwargs) -> User:
    """A Board staff member holding one role."""
    user = UserFactory(organization=organization, **kwargs)
    BoardMembershipFactory(user=user, organization=organization, role=role)
    return user


class InvitationFactory(factory.django.DjangoModelFactory):
    """An open invitation (its raw link token is unknown: use ``services.invite_user`` to get one)."""

    class Meta:
        model = Invitation

    organization = factory.SubFactory(OrganizationFactory)
    email = factory.Sequence(lambda n: f"invited{n}@example.vn")
    full_name = factory.Sequence(lambda n: f"Trần Thị {n}")
    roles = factory.LazyFunction(lambda: [BoardRole.OFFICER.value])
    title = "Chuyên viên"
    token_hash = factory.Sequence(lambda n: hashlib.sha256(f"factory-token-{n}".encode()).hexdigest())
    invited_by = factory.SubFactory(UserFactory, organization=factory.SelfAttribute("..organization"))
    expires_at = factory.LazyFunction(lambda: timezone.now() + timedelta(days=7))
