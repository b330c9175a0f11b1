"""Template helpers of the blocs app: what the current user is in the blocs world (for menus only)."""

from django import template

from blocs.membership.queries import led_bloc_ids
from blocs.register.queries import enterprise_of
from thidua.accounts.permissions import is_board_staff

register = template.Library()


@register.simple_tag(takes_context=True)
def blocs_role(context) -> dict:
    """``{"enterprise": Enterprise | None, "leads": bool}``; no query for Board staff."""
    user = context.get("user")
    if user is None or not user.is_authenticated or is_board_staff(user):
        return {"enterprise": None, "leads": False}
    link = enterprise_of(user)
    return {"enterprise": link.enterprise if link else None, "leads": bool(led_bloc_ids(user))}
