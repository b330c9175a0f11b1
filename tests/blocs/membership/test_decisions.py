import pytest
from django.core.exceptions import ValidationError

from blocs.enums import DecisionStatus, MembershipRole
from blocs.membership.documents import TEMPLATE_NAME
from blocs.membership.services.decisions import issue_consolidation_decision
from blocs.models import BlocMembership
from tests.factories.blocs import BlocFactory, BlocMembershipFactory, EmulationYearFactory
from thidua.documents.rendering import render_html

pytestmark = pytest.mark.unit


def test_issue_consolidation_decision_numbers_renders_and_links_memberships(world):
    year = EmulationYearFactory(organization=world.a.board, year=2026)
    bloc = BlocFactory(organization=world.a.board, code="KTĐ1", name="Khối thi đua KCN Thanh Bình")
    leader = BlocMembershipFactory(bloc=bloc, year=year, role=MembershipRole.LEADER)
    BlocMembershipFactory(bloc=bloc, year=year, role=MembershipRole.DEPUTY)

    decision = issue_consolidation_decision(year=year, issued_by=world.a.officer, signer=world.a.signer)
    second = issue_consolidation_decision(year=year, issued_by=world.a.officer)

    decision.refresh_from_db()
    assert (decision.status, second.status) == (DecisionStatus.SUPERSEDED, DecisionStatus.ISSUED)
    assert (decision.number, second.number) == ("01", "02")
    assert set(BlocMembership.objects.values_list("decision", flat=True)) == {second.pk}
    html = render_html(second.document).replace("\u00a0", " ")  # names are kept on one line with NBSPs
    assert second.document.template_name == TEMPLATE_NAME
    assert "Khối thi đua KCN Thanh Bình (KTĐ1)" in html
    assert leader.enterprise.name in html and "Khối trưởng" in html
    assert f"Kèm theo Quyết định số 02/{second.symbol}" in html


def test_issue_refuses_bloc_without_leader(world):
    year = EmulationYearFactory(organization=world.a.board, year=2026)
    BlocMembershipFactory(bloc=BlocFactory(organization=world.a.board), year=year)

    with pytest.raises(ValidationError):
        issue_consolidation_decision(year=year, issued_by=world.a.officer)


def test_issue_refuses_empty_year(world):
    year = EmulationYearFactory(organization=world.a.board, year=2026)

    with pytest.raises(ValidationError):
        issue_consolidation_decision(year=year, issued_by=world.a.officer)


@pytest.mark.slow
def test_consolidation_decision_renders_real_pdf():
    from blocs.membership.documents import sample_consolidation_decision
    from thidua.documents.rendering import html_to_pdf
    from thidua.documents.samples import build_sample_document

    document = build_sample_document(sample_consolidation_decision())

    assert html_to_pdf(render_html(document))[:4] == b"%PDF"
