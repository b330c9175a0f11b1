"""List pages run a fixed number of queries whatever the number of rows (no N+1)."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from tests.factories.accounts import InvitationFactory, OrganizationFactory, staff_user
from thidua.accounts.enums import BoardRole
from thidua.audit.models import AuditEvent
from thidua.audit.services import record_event

pytestmark = pytest.mark.unit


def count_queries(client, url: str) -> int:
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200
    return len(queries)


@pytest.fixture
def lone_admin(db):
    """A Board whose only staff member is its admin (1 row on the staff list)."""
    board = OrganizationFactory()
    return staff_user(board, BoardRole.ADMIN)


def test_staff_list_with_1_and_3_rows_runs_the_same_queries(
    lone_admin, client_for, django_assert_num_queries
):
    client = client_for(lone_admin)
    InvitationFactory(organization=lone_admin.organization, invited_by=lone_admin)
    with_one = count_queries(client, "/board/staff/")
    staff_user(lone_admin.organization, BoardRole.OFFICER)
    second = staff_user(lone_admin.organization, BoardRole.SIGNER)
    InvitationFactory(organization=lone_admin.organization, invited_by=second)
    InvitationFactory(organization=lone_admin.organization, invited_by=lone_admin)

    with django_assert_num_queries(with_one):
        response = client.get("/board/staff/")

    assert response.context["page_obj"].paginator.count == 3
    assert len(response.context["invitations"]) == 3


def test_audit_log_with_1_and_3_rows_runs_the_same_queries(lone_admin, client_for, django_assert_num_queries):
    client = client_for(lone_admin)
    assert AuditEvent.objects.filter(organization=lone_admin.organization).count() == 1  # the sign-in
    with_one = count_queries(client, "/audit/")
    record_event(action="test.second", actor=lone_admin)
    record_event(action="test.third", actor=lone_admin, obj=lone_admin.organization)

    with django_assert_num_queries(with_one):
        response = client.get("/audit/")

    assert response.context["page_obj"].paginator.count == 3
