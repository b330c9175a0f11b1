import datetime

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from awards.exemplars.services import propose_exemplar, record_exemplar
from awards.nominations.enums import ProposedBy
from tests.factories.awards import ensure_catalogue
from tests.factories.blocs import EmulationYearFactory, EnterpriseFactory, enterprise_user

pytestmark = pytest.mark.unit


@pytest.fixture
def year(world):
    ensure_catalogue()
    return EmulationYearFactory(organization=world.a.board, year=2025)


def record(world, year, enterprise, **changes):
    values = {
        "year": year,
        "enterprise": enterprise,
        "person": "Lê Văn Hùng",
        "deed": "Cứu hai người bị nạn trong đám cháy",
        "deed_on": datetime.date(2025, 8, 14),
        "found_by": "Công đoàn KCN Thanh Bình",
        "recorded_by": world.a.officer,
    }
    return record_exemplar(**(values | changes))


def test_an_exemplar_is_proposed_for_the_ad_hoc_award(world, year):
    exemplar = record(world, year, EnterpriseFactory(organization=world.a.board))

    proposed = propose_exemplar(exemplar=exemplar, proposed_by=world.a.officer)

    nomination = proposed.nomination
    assert (nomination.award_type.code, nomination.subject_name, nomination.proposed_by) == (
        "KT_DOT_XUAT",
        "Lê Văn Hùng",
        ProposedBy.BOARD,
    )
    assert nomination.award_type.counts_towards_merit is False
    with pytest.raises(ValidationError):
        propose_exemplar(exemplar=exemplar, proposed_by=world.a.officer)


def test_a_record_needs_its_facts(world, year):
    with pytest.raises(ValidationError) as refused:
        record(world, year, EnterpriseFactory(organization=world.a.board), person=" ", found_by="")

    assert set(refused.value.message_dict) == {"person", "found_by"}


def test_enterprises_see_public_records_and_their_own(world, client_for, year):
    own, other = EnterpriseFactory(organization=world.a.board), EnterpriseFactory(organization=world.a.board)
    record(world, year, other, public=False)
    record(world, year, other, person="Trần Thị Mai")
    record(world, year, own, public=False, person="Phạm Văn Đức")

    response = client_for(enterprise_user(own)).get(reverse("exemplars:exemplar_list"))

    assert sorted(e.person for e in response.context["page_obj"]) == ["Phạm Văn Đức", "Trần Thị Mai"]
    assert response.context["counts"] == [{"year__year": 2025, "n": 2}]
