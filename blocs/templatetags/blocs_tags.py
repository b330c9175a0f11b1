"""Template helpers of the blocs app: what the current user is in the blocs world (for menus only)."""

from django import template

from blocs.membership.queries import led_bloc_ids
from blocs.register.queries import enterprise_of
from blocs.voting.minutes import ratio_words
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


@register.filter
def ratio(value) -> str:
    """A quorum or threshold as rules write it: 2/3 and 3/4 as fractions, others as "50 %" ("—" if unset)."""
    if value in (None, ""):
        return "—"
    return ratio_words(value)
