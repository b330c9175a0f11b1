"""Factories for the pledges: one per model, no hidden behaviour."""

import datetime
from decimal import Decimal

import factory

from blocs.pledges.enums import PledgeStatus, SubjectKind, TargetBasis, TemplateStatus
from blocs.pledges.models import Indicator, Pledge, PledgeTarget, PledgeTemplate, TitleRegistration
from tests.factories.accounts import OrganizationFactory, UserFactory
from tests.factories.blocs import BlocFactory, EmulationYearFactory, EnterpriseFactory


class IndicatorFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Indicator

    organization = factory.SubFactory(OrganizationFactory)
    code = factory.Sequence(lambda n: f"IND{n}")
    name = factory.Sequence(lambda n: f"Chỉ tiêu số {n}")
    unit = "tỷ đồng"


class PledgeTemplateFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = PledgeTemplate
        skip_postgeneration_save = True

    organization = factory.SubFactory(OrganizationFactory)
    bloc = factory.SubFactory(BlocFactory, organization=factory.SelfAttribute("..organization"))
    year = factory.SubFactory(EmulationYearFactory, organization=factory.SelfAttribute("..organization"))
    theme = "Doanh nghiệp Khu công nghiệp Thanh Bình đoàn kết – dân chủ – đổi mới – phát triển"  # noqa: RUF001
    joint_text = "Phấn đấu hoàn thành vượt mức các chỉ tiêu kinh tế."
    commitments = factory.LazyFunction(lambda: ["Nộp thuế đầy đủ, đúng hạn", "Không để xảy ra cháy, nổ"])
    signing_deadline = datetime.date(2026, 3, 31)
    status = TemplateStatus.APPROVED
    created_by = factory.SubFactory(UserFactory, organization=factory.SelfAttribute("..organization"))

    @factory.post_generation
    def indicators(self, create, extracted, **kwargs):
        if create and extracted:
            self.indicators.set(extracted)


class PledgeFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Pledge

    organization = factory.SelfAttribute("template.organization")
    template = factory.SubFactory(PledgeTemplateFactory)
    enterprise = factory.SubFactory(
        EnterpriseFactory, organization=factory.SelfAttribute("..template.organization")
    )
    status = PledgeStatus.DRAFT


class PledgeTargetFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = PledgeTarget

    pledge = factory.SubFactory(PledgeFactory)
    indicator = factory.SubFactory(
        IndicatorFactory, organization=factory.SelfAttribute("..pledge.organization")
    )
    value = Decimal("120.5")
    unit = factory.SelfAttribute("indicator.unit")
    basis = TargetBasis.PLAN


class TitleRegistrationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = TitleRegistration

    pledge = factory.SubFactory(PledgeFactory)
    subject_kind = SubjectKind.COLLECTIVE
    name = factory.SelfAttribute("pledge.enterprise.name")
    award_code = "TTLDXS"
