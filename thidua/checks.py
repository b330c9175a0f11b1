"""System checks of a production configuration (``manage.py check --deploy``): no placeholder secrets.

Django's own ``security.W009`` accepts any long, varied SECRET_KEY, so the one printed in ``.env.example``
passed. These checks refuse every placeholder the repository ships (values containing ``change-me``), the
development fallbacks, and database passwords that are a well-known word. Registered with
``deploy=True`` by ``AccountsConfig.ready``.
"""

from django.conf import settings
from django.core.checks import Error

PLACEHOLDER_MARKERS = ("change-me", "changeme", "dev-only", "test-only", "insecure", "placeholder")
WELL_KNOWN_PASSWORDS = frozenset({"thidua", "postgres", "password", "admin", "secret", "123456", "12345678"})


def is_placeholder(value: str) -> bool:
    lowered = (value or "").lower()
    return any(marker in lowered for marker in PLACEHOLDER_MARKERS)


def is_weak_database_password(password: str) -> bool:
    return bool(password) and (is_placeholder(password) or password.lower() in WELL_KNOWN_PASSWORDS)


def check_secret_key(app_configs=None, **kwargs) -> list[Error]:
    if not is_placeholder(settings.SECRET_KEY):
        return []
    return [
        Error(
            "SECRET_KEY is a placeholder (the example from .env.example or a development value).",
            hint='Generate a real one: python3 -c "import secrets; print(secrets.token_urlsafe(50))" and set '
            "SECRET_KEY (or SECRET_KEY_FILE).",
            id="thidua.E001",
        )
    ]


def check_database_password(app_configs=None, **kwargs) -> list[Error]:
    errors = []
    for alias, database in settings.DATABASES.items():
        password = database.get("PASSWORD") or ""
        if is_weak_database_password(password):
            errors.append(
                Error(
                    f"The password of database {alias!r} is a placeholder or a well-known word.",
                    hint="Set POSTGRES_PASSWORD (docker-compose.yml) and the password in DATABASE_URL to a long "
                    'random value: python3 -c "import secrets; print(secrets.token_urlsafe(32))".',
                    id="thidua.E002",
                )
            )
    return errors


def check_mail_password(app_configs=None, **kwargs) -> list[Error]:
    password = settings.MAILERS.get("default", {}).get("OPTIONS", {}).get("password") or ""
    if not is_placeholder(password):
        return []
    return [
        Error(
            "EMAIL_HOST_PASSWORD is a placeholder.",
            hint="Set the SMTP account's real password (or EMAIL_HOST_PASSWORD_FILE).",
            id="thidua.E003",
        )
    ]
