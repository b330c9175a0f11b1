from django.db.models import QuerySet

from thidua.accounts.models import Organization
from thidua.audit.models import AuditEvent


def events_for_board(board: Organization) -> QuerySet[AuditEvent]:
    return AuditEvent.objects.filter(organization=board).order_by("-seq")
