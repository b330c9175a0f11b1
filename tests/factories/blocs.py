"""Factories for the blocs app: one per model, no hidden behaviour."""

import datetime

import factory

from blocs.enums import (
    EnterpriseRole,
    MembershipRole,
    MembershipStatus,
    Ownership,
    RegulationStatus,
    YearStatus,
)
from blocs.models import (
    Bloc,
    BlocMembership,
    BlocRegulation,
    ConsolidationDecision,
    EmulationYear,
    Enterprise,
    EnterpriseUser,
    IndustrialPark,
    Meeting,
    MembershipApplication,
)
from blocs.validators import with_check_digit
from tests.factories.accounts import OrganizationFactory, UserFactory
from thidua.search import search_key


def valid_tax_code(n: int) -> str:
    """The n-th valid 10-digit tax code of a test series (skips prefixes that have no check digit)."""
    while True:
        code = with_check_digit(f"42{n:07d}")
        if code is not None:
            return code
        n += 10_000_000 // 7  # jump to another prefix; still unique within a run


class IndustrialParkFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = IndustrialPark

    organization = factory.SubFactory(OrganizationFactory)
    code = factory.Sequence(lambda n: f"KCN{n}")
    name = factory.Sequence(lambda n: f"KCN Số {n}")
    province = "Thái Nguyên"


class EnterpriseFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Enterprise

    organization = factory.SubFactory(OrganizationFactory)
    tax_code = factory.Sequence(lambda n: valid_tax_code(n + 1))
    name = factory.Sequence(lambda n: f"Công ty TNHH Sản xuất Số {n}")
    name_en = ""
    search_name = factory.LazyAttribute(lambda o: search_key(f"{o.name} {o.name_en}"))
    park = factory.SubFactory(IndustrialParkFactory, organization=factory.SelfAttribute("..organization"))
    ownership = Ownership.DOMESTIC
    sector = "Chế biến gỗ"
    legal_representative = "Nguyễn Văn An"
    representative_title = "Giám đốc"
    address = "KCN Thanh Bình, tỉnh Thái Nguyên"


class EnterpriseUserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = EnterpriseUser

    enterprise = factory.SubFactory(EnterpriseFactory)
    user = factory.SubFactory(UserFactory, organization=factory.SelfAttribute("..enterprise.organization"))
    role = EnterpriseRole.REPRESENTATIVE


class EmulationYearFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = EmulationYear
        django_get_or_create = ("organization", "year")

    organization = factory.SubFactory(OrganizationFactory)
    year = 2026
    status = YearStatus.OPEN


class BlocFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Bloc

    organization = factory.SubFactory(OrganizationFactory)
    code = factory.Sequence(lambda n: f"KTĐ{n}")
    name = factory.Sequence(lambda n: f"Khối thi đua số {n}")


class BlocMembershipFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = BlocMembership

    bloc = factory.SubFactory(BlocFactory)
    enterprise = factory.SubFactory(
        EnterpriseFactory, organization=factory.SelfAttribute("..bloc.organization")
    )
    year = factory.SubFactory(EmulationYearFactory, organization=factory.SelfAttribute("..bloc.organization"))
    role = MembershipRole.MEMBER
    status = MembershipStatus.ACTIVE
    valid_from = factory.LazyAttribute(lambda o: datetime.date(o.year.year, 1, 1))
    valid_to = factory.LazyAttribute(lambda o: datetime.date(o.year.year, 12, 31))


class MembershipApplicationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = MembershipApplication

    enterprise = factory.SubFactory(EnterpriseFactory)
    year = factory.SubFactory(
        EmulationYearFactory, organization=factory.SelfAttribute("..enterprise.organization")
    )
    status = "SUBMITTED"
    note = "Đăng ký tham gia Khối thi đua"


class ConsolidationDecisionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ConsolidationDecision

    organization = factory.SubFactory(OrganizationFactory)
    year = factory.SubFactory(EmulationYearFactory, organization=factory.SelfAttribute("..organization"))


class BlocRegulationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = BlocRegulation

    bloc = factory.SubFactory(BlocFactory)
    version = factory.Sequence(lambda n: n + 1)
    status = RegulationStatus.CONFIRMED  # in force; a leader's record awaiting the Board is PROPOSED
    adopted_on = datetime.date(2026, 2, 15)
    text = "Quy chế hoạt động của Khối thi đua"


class MeetingFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Meeting

    bloc = factory.SubFactory(BlocFactory)
    year = factory.SubFactory(EmulationYearFactory, organization=factory.SelfAttribute("..bloc.organization"))
    kind = "LAUNCH"
    date = datetime.date(2026, 3, 8)
    place = "Hội trường Công ty"


def enterprise_user(enterprise: Enterprise, role: str = EnterpriseRole.REPRESENTATIVE, **kwargs):
    """A user acting for ``enterprise`` (in the enterprise's Board) with the given role."""
    user = UserFactory(organization=enterprise.organization, **kwargs)
    EnterpriseUserFactory(user=user, enterprise=enterprise, role=role)
    return user


def signed_consolidation_decision(year: EmulationYear, *, officer, signer) -> ConsolidationDecision:
    """The year's consolidation decision drafted by ``officer`` and signed by ``signer`` (a Board signer
    without an authenticator: the password is enough), as the screens do it. Returns it issued."""
    from blocs.membership import services
    from tests.factories.accounts import TEST_PASSWORD
    from thidua.documents.queries import signature_requests_for_owner
    from thidua.documents.services import sign_document

    decision = services.create_consolidation_draft(year=year, created_by=officer)
    services.submit_consolidation_decision(decision=decision, submitted_by=officer, signer=signer)
    sign_document(
        signature_request=signature_requests_for_owner(decision).first(),
        signed_by=signer,
        password=TEST_PASSWORD,
    )
    decision.refresh_from_db()
    return decision
