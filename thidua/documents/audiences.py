"""Who a notice can be delivered to in the portal: the Board's staff (the platform knows them) and the groups
the domain apps name through ``notice_audiences`` / ``notice_audience_users`` (``thidua.documents.signals``):
every member enterprise, the bloc leaders, one bloc's members. The platform imports no domain app."""

from django.db.models import QuerySet
from django.utils.translation import gettext as _

from thidua.accounts.models import Organization, User
from thidua.documents.signals import notice_audience_users, notice_audiences
from thidua.signals import collected_answers

BOARD_STAFF = "board_staff"


def audiences_for(board: Organization) -> list[tuple[str, str]]:
    """``(key, label)`` of every audience of ``board``: the Board's staff first, then the domain's."""
    return [(BOARD_STAFF, _("The Board's staff")), *collected_answers(notice_audiences, board=board)]


def audience_users(board: Organization, key: str) -> QuerySet[User]:
    """The active users of ``board`` the audience ``key`` names (none for an unknown key)."""
    if key == BOARD_STAFF:
        users = User.objects.filter(board_roles__isnull=False)
    else:
        answers = [answer for _r, answer in notice_audience_users.send(sender=None, board=board, key=key)]
        users = next((answer for answer in answers if answer is not None), User.objects.none())
    return users.filter(organization=board, is_active=True).distinct()
