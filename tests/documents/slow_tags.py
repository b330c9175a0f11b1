"""Test-only template tag (see worker_settings.py): ``{% wait_while_exists path seconds %}``."""

import time
from pathlib import Path

from django import template

register = template.Library()


@register.simple_tag
def wait_while_exists(path: str, seconds: float) -> str:
    deadline = time.monotonic() + float(seconds)
    while Path(path).exists() and time.monotonic() < deadline:
        time.sleep(0.05)
    return ""
