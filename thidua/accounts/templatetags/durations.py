from datetime import timedelta

from django import template

register = template.Library()


@register.filter
def minutes(value: timedelta | None) -> int:
    """Whole minutes of a timedelta, e.g. the lock-out cool-off."""
    return int(value.total_seconds() // 60) if value else 0
