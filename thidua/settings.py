"""Settings for thidua: one module, fed by environment variables (see .env.example)."""

from datetime import timedelta
from pathlib import Path

import dj_database_url
from celery.schedules import crontab
from django.utils.csp import CSP
from django.utils.translation import gettext_lazy as _

from thidua.env import env_bool, env_int, env_list, env_secret, env_str

BASE_DIR = Path(__file__).resolve().parent.parent

# ---------------------------------------------------------------------------
# Core
# ---------------------------------------------------------------------------
DEBUG = env_bool("DEBUG", False)
SECRET_KEY = env_secret(
    "SECRET_KEY", required=not DEBUG, fallback="dev-only-insecure-key-do-not-use-in-production"
)
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", "127.0.0.1,localhost" if DEBUG else "")
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS")
SITE_URL = env_str("SITE_URL", "http://127.0.0.1:8000").rstrip("/")

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"
ROOT_URLCONF = "thidua.urls"
WSGI_APPLICATION = "thidua.wsgi.application"
AUTH_USER_MODEL = "accounts.User"

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "crispy_forms",
    "crispy_bootstrap5",
    "django_otp",
    "django_otp.plugins.otp_totp",
    "django_otp.plugins.otp_static",
    "axes",
    # platform
    "thidua.accounts",
    "thidua.audit",
    "thidua.documents",
    "thidua.notifications",
    # domain, left to right: blocs <- scoring <- awards
    "blocs",
    "scoring",
    "awards",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.middleware.csp.ContentSecurityPolicyMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "thidua.accounts.session_refresh.SessionRefreshMiddleware",
    "thidua.language.ChosenLanguageMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.auth.middleware.LoginRequiredMiddleware",
    "django_otp.middleware.OTPMiddleware",
    "thidua.accounts.middleware.SecondFactorMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "axes.middleware.AxesMiddleware",
]
if DEBUG:
    # runserver serves static files itself; WhiteNoise serves the collected ones in production.
    MIDDLEWARE.remove("whitenoise.middleware.WhiteNoiseMiddleware")

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.template.context_processors.csp",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "thidua.accounts.context_processors.board",
            ],
        },
    },
]

# ---------------------------------------------------------------------------
# Database
# ---------------------------------------------------------------------------
DATABASES = {
    "default": dj_database_url.parse(
        env_str("DATABASE_URL", f"sqlite:///{BASE_DIR / 'db.sqlite3'}"),
        conn_max_age=env_int("DB_CONN_MAX_AGE", 60),
        conn_health_checks=True,
    )
}
if DATABASES["default"]["ENGINE"].endswith("sqlite3"):
    # `make run`: the web process and the worker write to the same file. Take the write lock when a
    # transaction starts and wait for the other's write to end, rather than failing with "database is locked".
    DATABASES["default"].setdefault("OPTIONS", {}).update({"timeout": 20, "transaction_mode": "IMMEDIATE"})

# ---------------------------------------------------------------------------
# Authentication, throttling, 2FA, sessions
# ---------------------------------------------------------------------------
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "thidua.accounts.backends.EmailBackend",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator", "OPTIONS": {"min_length": 10}},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
LOGIN_URL = "accounts:login"
LOGIN_REDIRECT_URL = "home"
LOGOUT_REDIRECT_URL = "accounts:login"

AXES_FAILURE_LIMIT = 5
AXES_COOLOFF_TIME = timedelta(minutes=15)
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True
AXES_HANDLER = "thidua.accounts.throttling.LoginFailureHandler"
AXES_LOCKOUT_CALLABLE = "thidua.accounts.throttling.lockout_response"
# Password spraying: this many failures from one IP address, whatever the accounts, lock the address.
LOGIN_IP_FAILURE_LIMIT = env_int("LOGIN_IP_FAILURE_LIMIT", 20)
AXES_USERNAME_FORM_FIELD = "username"
AXES_USERNAME_CALLABLE = "thidua.accounts.throttling.lockout_username"
AXES_CLIENT_IP_CALLABLE = "thidua.client_ip.client_ip"  # the same address the audit log and signatures record
AXES_VERBOSE = False

OTP_TOTP_ISSUER = env_str("OTP_TOTP_ISSUER", "Thi đua KCN")

SESSION_COOKIE_AGE = env_int("SESSION_COOKIE_AGE", 2 * 60 * 60)  # idle timeout
SESSION_REFRESH_INTERVAL = 300  # the expiry moves forward at most every 5 minutes (no write per request)
SESSION_EXPIRE_AT_BROWSER_CLOSE = True
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
PASSWORD_RESET_TIMEOUT = 60 * 60 * 24
INVITATION_TTL = timedelta(days=env_int("INVITATION_TTL_DAYS", 7))

# ---------------------------------------------------------------------------
# Security headers (production values switch on when DEBUG is off)
# ---------------------------------------------------------------------------
SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", not DEBUG)
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
# How many reverse proxies we run in front of the portal (each appends to X-Forwarded-For); 0 = trust none and
# use REMOTE_ADDR. See thidua/client_ip.py.
TRUSTED_PROXY_COUNT = env_int("TRUSTED_PROXY_COUNT", 0)
SECURE_HSTS_SECONDS = env_int("SECURE_HSTS_SECONDS", 0 if DEBUG else 31536000)
SECURE_HSTS_INCLUDE_SUBDOMAINS = not DEBUG
SECURE_HSTS_PRELOAD = not DEBUG
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
SESSION_COOKIE_SECURE = not DEBUG
CSRF_COOKIE_SECURE = not DEBUG
CSRF_COOKIE_HTTPONLY = True  # htmx reads the token from <meta name="csrf-token">, never from the cookie
CSRF_COOKIE_SAMESITE = "Lax"
X_FRAME_OPTIONS = "DENY"

SECURE_CSP = {
    "default-src": [CSP.SELF],
    "script-src": [CSP.SELF],
    "style-src": [CSP.SELF],
    "img-src": [CSP.SELF, "data:"],
    "font-src": [CSP.SELF],
    "connect-src": [CSP.SELF],
    "form-action": [CSP.SELF],
    "frame-ancestors": [CSP.NONE],
    "base-uri": [CSP.SELF],
    "object-src": [CSP.NONE],
}

# ---------------------------------------------------------------------------
# Internationalisation: Vietnamese first, English second
# ---------------------------------------------------------------------------
LANGUAGE_CODE = "vi"
LANGUAGES = [("vi", _("Vietnamese")), ("en", _("English"))]
LOCALE_PATHS = [BASE_DIR / "locale"]
TIME_ZONE = "Asia/Ho_Chi_Minh"
USE_I18N = True
USE_TZ = True
USE_THOUSAND_SEPARATOR = True
FORMAT_MODULE_PATH = ["thidua.formats"]
LANGUAGE_COOKIE_SECURE = not DEBUG
LANGUAGE_COOKIE_HTTPONLY = True
LANGUAGE_COOKIE_SAMESITE = "Lax"

# ---------------------------------------------------------------------------
# Static files and media
# ---------------------------------------------------------------------------
STATIC_URL = "/static/"
STATIC_ROOT = Path(env_str("STATIC_ROOT", str(BASE_DIR / "staticfiles")))
STATICFILES_DIRS = [BASE_DIR / "static"]
# Media is never served by URL: generated files go through permission-checked views.
MEDIA_ROOT = Path(env_str("MEDIA_ROOT", str(BASE_DIR / "media")))
MEDIA_URL = "/media-not-served/"
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"
        if DEBUG
        else "whitenoise.storage.CompressedManifestStaticFilesStorage"
    },
}
FILE_UPLOAD_MAX_MEMORY_SIZE = 2_621_440
DATA_UPLOAD_MAX_MEMORY_SIZE = 5_242_880

CRISPY_ALLOWED_TEMPLATE_PACKS = "bootstrap5"
CRISPY_TEMPLATE_PACK = "bootstrap5"

# ---------------------------------------------------------------------------
# E-mail
# ---------------------------------------------------------------------------
EMAIL_BACKEND_PATH = env_str(
    "EMAIL_BACKEND",
    "thidua.console_mail.EmailBackend"  # readable UTF-8 in the terminal, not base64
    if DEBUG
    else "django.core.mail.backends.smtp.EmailBackend",
)
MAILERS = {"default": {"BACKEND": EMAIL_BACKEND_PATH}}
if EMAIL_BACKEND_PATH.endswith("smtp.EmailBackend"):
    MAILERS["default"]["OPTIONS"] = {
        "host": env_str("EMAIL_HOST", "localhost"),
        "port": env_int("EMAIL_PORT", 25),
        "username": env_str("EMAIL_HOST_USER"),
        "password": env_secret("EMAIL_HOST_PASSWORD", required=False),
        "use_tls": env_bool("EMAIL_USE_TLS", False),
        "timeout": 20,
    }
DEFAULT_FROM_EMAIL = env_str("DEFAULT_FROM_EMAIL", "thidua@localhost")
SERVER_EMAIL = DEFAULT_FROM_EMAIL

# ---------------------------------------------------------------------------
# Celery: Redis in production; in `make run` a real queue without Redis (CELERY_QUEUE_DIR: kombu's filesystem
# transport, consumed by the worker `make run` starts beside runserver), so no request renders a PDF; with
# neither (tests, a bare manage.py), tasks run eagerly in-process.
# ---------------------------------------------------------------------------
REDIS_URL = env_str("REDIS_URL")
CELERY_QUEUE_DIR = env_str("CELERY_QUEUE_DIR")
if REDIS_URL:
    CELERY_BROKER_URL = REDIS_URL
elif CELERY_QUEUE_DIR:
    CELERY_BROKER_URL = "filesystem://"
else:
    CELERY_BROKER_URL = "memory://"
CELERY_TASK_ALWAYS_EAGER = not (REDIS_URL or CELERY_QUEUE_DIR)
CELERY_TASK_EAGER_PROPAGATES = False
CELERY_TASK_IGNORE_RESULT = True
CELERY_TASK_ACKS_LATE = True
CELERY_TASK_REJECT_ON_WORKER_LOST = True
CELERY_WORKER_PREFETCH_MULTIPLIER = 1
CELERY_TASK_SOFT_TIME_LIMIT = 90
CELERY_TASK_TIME_LIMIT = 120
CELERY_VISIBILITY_TIMEOUT = env_int("CELERY_VISIBILITY_TIMEOUT", 600)
CELERY_BROKER_TRANSPORT_OPTIONS = {
    "visibility_timeout": CELERY_VISIBILITY_TIMEOUT,
    "unacked_restore_interval": env_int("CELERY_UNACKED_RESTORE_INTERVAL", 10),
    "unacked_restore_throttle": env_int("CELERY_UNACKED_RESTORE_THROTTLE", 6),
}
if CELERY_QUEUE_DIR and not REDIS_URL:
    # One folder both ways: the web process writes the messages, the worker reads them from the same place.
    CELERY_BROKER_TRANSPORT_OPTIONS = {
        "data_folder_in": str(Path(CELERY_QUEUE_DIR) / "messages"),
        "data_folder_out": str(Path(CELERY_QUEUE_DIR) / "messages"),
        "control_folder": str(Path(CELERY_QUEUE_DIR) / "control"),
        "store_processed": False,
    }
CELERY_WORKER_MAX_MEMORY_PER_CHILD = 400_000  # KiB: recycle on memory, not after a handful of tasks
CELERY_WORKER_MAX_TASKS_PER_CHILD = 500
CELERY_WORKER_SOFT_SHUTDOWN_TIMEOUT = 30
CELERY_BROKER_CONNECTION_RETRY_ON_STARTUP = True
CELERY_TIMEZONE = TIME_ZONE
CELERY_BEAT_SCHEDULE: dict[str, dict] = {
    "sweep-pending-documents": {"task": "documents.sweep_pending_documents", "schedule": 60.0},
    "pledge-reminders": {"task": "pledges.send_pledge_reminders", "schedule": 24 * 3600.0},
    "quarterly-reminders": {"task": "scoring.send_quarterly_reminders", "schedule": 24 * 3600.0},
    # The daily digest of the notifications users chose to read in one e-mail, early in the working day.
    "notification-digests": {"task": "notifications.send_digests", "schedule": crontab(hour=7, minute=0)},
}

# Official documents (thidua.documents): a render interrupted by a crash is picked up again by the sweeper.
DOCUMENTS_MAX_ATTEMPTS = 5
DOCUMENTS_SWEEP_PENDING_AFTER = env_int("DOCUMENTS_SWEEP_PENDING_AFTER", 120)  # seconds
# A claim older than the hard time limit plus a margin belongs to a dead worker.
DOCUMENTS_RENDER_STALE_AFTER = env_int("DOCUMENTS_RENDER_STALE_AFTER", CELERY_TASK_TIME_LIMIT + 60)
DOCUMENTS_UPLOAD_MAX_BYTES = 20 * 1024 * 1024
# Per user: at most this many document requests (issues and retries) in this many seconds (P4).
DOCUMENTS_ISSUE_RATE = (
    env_int("DOCUMENTS_ISSUE_RATE_COUNT", 30),
    env_int("DOCUMENTS_ISSUE_RATE_SECONDS", 600),
)
# A signer who fails re-authentication this many times in this many seconds may not sign for a while.
DOCUMENTS_SIGN_FAILURES = (5, 15 * 60)

# Uploaded Excel workbooks (thidua.spreadsheets): checked from the archive's directory before openpyxl opens
# them, then streamed read-only up to a row limit that counts blank rows. Defaults in the README.
XLSX_MAX_FILE_BYTES = env_int("XLSX_MAX_FILE_BYTES", 10 * 1024 * 1024)
XLSX_MAX_MEMBERS = env_int("XLSX_MAX_MEMBERS", 200)
XLSX_MAX_UNCOMPRESSED_BYTES = env_int("XLSX_MAX_UNCOMPRESSED_BYTES", 64 * 1024 * 1024)
XLSX_MAX_SHARED_STRINGS_BYTES = env_int("XLSX_MAX_SHARED_STRINGS_BYTES", 16 * 1024 * 1024)
XLSX_MAX_COMPRESSION_RATIO = env_int("XLSX_MAX_COMPRESSION_RATIO", 100)
XLSX_MAX_ROWS = env_int("XLSX_MAX_ROWS", 20_000)
XLSX_MAX_CELLS_PER_ROW = env_int("XLSX_MAX_CELLS_PER_ROW", 1024)

# Pledges (blocs.pledges): reminders start this many days before the signing deadline; the task module.
PLEDGE_REMINDER_DAYS = env_int("PLEDGE_REMINDER_DAYS", 7)
# Reviewers (leader, or deputy for the leader's own pledge) are reminded of pledges submitted this long ago.
PLEDGE_REVIEW_REMINDER_DAYS = env_int("PLEDGE_REVIEW_REMINDER_DAYS", 3)
# Quarterly reports: remind members and leaders this many days before their deadline, and the reviewers of a
# report submitted this many days ago.
QUARTERLY_REMINDER_DAYS = env_int("QUARTERLY_REMINDER_DAYS", 3)
QUARTERLY_REVIEW_REMINDER_DAYS = env_int("QUARTERLY_REVIEW_REMINDER_DAYS", 3)
CELERY_IMPORTS = ("blocs.membership.tasks", "blocs.pledges.tasks", "scoring.quarterly.tasks")

# ---------------------------------------------------------------------------
# Logging
# ---------------------------------------------------------------------------
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {"plain": {"format": "%(asctime)s %(levelname)s %(name)s %(message)s"}},
    "handlers": {"console": {"class": "logging.StreamHandler", "formatter": "plain"}},
    "root": {"handlers": ["console"], "level": env_str("LOG_LEVEL", "INFO")},
    "loggers": {
        "axes": {"level": "WARNING"},
        "weasyprint": {"level": "ERROR"},
        "fontTools": {"level": "ERROR"},
    },
}
