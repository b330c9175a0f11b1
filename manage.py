#!/usr/bin/env python
"""Django's command-line utility for administrative tasks."""

import os
import sys


def main() -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "thidua.settings")
    if not {"DEBUG", "SECRET_KEY", "SECRET_KEY_FILE"} & os.environ.keys():
        # A developer's checkout with no environment at all: development mode, as `make run` sets it.
        # Production always sets SECRET_KEY (and DEBUG=0), so this never applies there; gunicorn and Celery
        # do not go through manage.py.
        os.environ["DEBUG"] = "1"
    from django.core.management import execute_from_command_line  # noqa: PLC0415 -- after the env default

    execute_from_command_line(sys.argv)


if __name__ == "__main__":
    main()
