"""A Board with a year, a bloc of three members (the first leads), their users and the seeded catalogue."""

from dataclasses import dataclass

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from awards.enums import SubjectKind
from awards.models import DossierRequirement
from awards.nominations.services.nominations import add_document
from blocs.enums import MembershipRole
from tests.factories.blocs import BlocFactory, BlocMembershipFactory, EmulationYearFactory, enterprise_user
from tests.pdf_tools import minimal_pdf


@dataclass
class AwardWorld:
    year: object
    bloc: object
    leader: object  # the leading enterprise
    member: object
    other: object
    leader_rep: object
    member_rep: object
    other_rep: object


@pytest.fixture
def aw(world):
    year = EmulationYearFactory(organization=world.a.board, year=2025)
    bloc = BlocFactory(organization=world.a.board, code="KTĐ1")
    leader = BlocMembershipFactory(bloc=bloc, year=year, role=MembershipRole.LEADER).enterprise
    member = BlocMembershipFactory(bloc=bloc, year=year).enterprise
    other = BlocMembershipFactory(bloc=bloc, year=year).enterprise
    return AwardWorld(
        year=year,
        bloc=bloc,
        leader=leader,
        member=member,
        other=other,
        leader_rep=enterprise_user(leader),
        member_rep=enterprise_user(member),
        other_rep=enterprise_user(other),
    )


def pdf_upload(name: str = "ho-so.pdf") -> SimpleUploadedFile:
    return SimpleUploadedFile(name, minimal_pdf("Hồ sơ"), content_type="application/pdf")


def required_types(code: str, kind: str = SubjectKind.ENTERPRISE) -> list[str]:
    return list(
        DossierRequirement.objects.filter(award_type__code=code, subject_kind=kind).values_list(
            "document_type", flat=True
        )
    )


def complete_dossier(nomination, user) -> None:
    for document_type in required_types(nomination.award_type.code, nomination.subject_kind):
        add_document(
            nomination=nomination, document_type=document_type, upload=pdf_upload(), uploaded_by=user
        )
