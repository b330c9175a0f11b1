"""Check-then-create races of the membership on PostgreSQL, with real connections in threads: two drafts of
the year's consolidation decision give one draft, two signatures of it one issued decision, two openings of
one year give one year; the loser reads the clear message it would have had a moment later. The first write
keeps its transaction open until the second is seen waiting on a lock, so the race is not left to chance.
SQLite runs the writes in turn."""

import pytest
from django.core.exceptions import ValidationError

from blocs.enums import DecisionStatus, MembershipRole
from blocs.membership.models import ConsolidationDecision, EmulationYear
from blocs.membership.services import create_consolidation_draft, open_year, submit_consolidation_decision
from tests.factories.accounts import TEST_PASSWORD
from tests.factories.blocs import BlocFactory, BlocMembershipFactory, EmulationYearFactory
from tests.utils import HeldTransaction, InThread, concurrent, wait_until, waiting_on_a_lock
from thidua.documents.models import GeneratedDocument
from thidua.documents.queries import signature_requests_for_owner
from thidua.documents.services import sign_document

pytestmark = [pytest.mark.unit, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def year_with_a_bloc(world):
    year = EmulationYearFactory(organization=world.a.board, year=2026)
    bloc = BlocFactory(organization=world.a.board, code="KTĐ1")
    BlocMembershipFactory(bloc=bloc, year=year, role=MembershipRole.LEADER)
    BlocMembershipFactory(bloc=bloc, year=year)
    return year


def race(first, second):
    """Hold ``first`` open, start ``second``, see it wait (PostgreSQL), release ``first``; both outcomes."""
    holder = HeldTransaction(first)
    try:
        other = InThread(second)
        assert other.started.wait(30)
        if concurrent():
            assert wait_until(lambda: waiting_on_a_lock(other.pid)), "the second write did not wait"
    finally:
        first_result = holder.release()
    return first_result, other.outcome()


def test_two_concurrent_drafts_of_the_decision_give_one_draft_and_a_clear_message(world, year_with_a_bloc):
    year = year_with_a_bloc

    first, second = race(
        lambda: create_consolidation_draft(year=year, created_by=world.a.officer),
        lambda: create_consolidation_draft(year=year, created_by=world.a.admin),
    )

    assert isinstance(second, ValidationError)
    assert second.messages == [
        "A consolidation decision for 2026 is already being prepared: finish or delete it first."
    ]
    assert list(ConsolidationDecision.objects.values_list("pk", flat=True)) == [first.pk]


@pytest.mark.slow  # the issued decision is rendered once its transaction commits
def test_two_concurrent_issues_of_the_decision_give_one_issued_decision(world, year_with_a_bloc):
    decision = create_consolidation_draft(year=year_with_a_bloc, created_by=world.a.officer)
    submit_consolidation_decision(decision=decision, submitted_by=world.a.officer, signer=world.a.signer)
    request = signature_requests_for_owner(decision).get()

    def issue():
        return sign_document(signature_request=request, signed_by=world.a.signer, password=TEST_PASSWORD)

    first, second = race(issue, issue)

    assert isinstance(second, ValidationError)
    assert second.messages[0].startswith("This document is no longer waiting for a signature")
    decision.refresh_from_db()
    assert (decision.status, decision.document_id) == (DecisionStatus.ISSUED, first.pk)
    assert ConsolidationDecision.objects.filter(status=DecisionStatus.ISSUED).count() == 1
    assert GeneratedDocument.objects.filter(is_draft=False).count() == 1


def test_two_concurrent_openings_of_a_year_give_one_year_and_a_clear_message(world):
    first, second = race(
        lambda: open_year(organization=world.a.board, year=2027, opened_by=world.a.officer),
        lambda: open_year(organization=world.a.board, year=2027, opened_by=world.a.admin),
    )

    assert isinstance(second, ValidationError)
    assert second.message_dict == {"year": ["The year 2027 already exists."]}
    assert list(EmulationYear.objects.values_list("pk", flat=True)) == [first.pk]
