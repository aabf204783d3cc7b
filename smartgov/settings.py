"""Settings for smartgov, read from the environment.

One module for every environment. With nothing configured the portal runs on
SQLite with Celery tasks executed in-process (the "embedded default"); setting
DATABASE_URL and CELERY_BROKER_URL moves it to PostgreSQL and Redis with real
workers. Every variable is listed in README.md.
"""

import os
from pathlib import Path

import dj_database_url
from celery.schedules import crontab
from django.core.exceptions import ImproperlyConfigured
from django.utils.translation import gettext_lazy as _

BASE_DIR = Path(__file__).resolve().parent.parent


def env_str(name, default=""):
    return os.environ.get(name, default)


def env_bool(name, default=False):
    value = os.environ.get(name)
    if value is None or value == "":
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def env_int(name, default):
    value = os.environ.get(name)
    return int(value) if value not in (None, "") else default


def env_list(name, default):
    value = os.environ.get(name)
    if value is None:
        return list(default)
    return [item.strip() for item in value.split(",") if item.strip()]


# --- Core -----------------------------------------------------------------

DEBUG = env_bool("DEBUG", True)
SECRET_KEY = env_str("SECRET_KEY")
if not SECRET_KEY:
    if not DEBUG:
        raise ImproperlyConfigured("SECRET_KEY must be set when DEBUG is off.")
    SECRET_KEY = "insecure-development-key-only-for-debug-mode"  # noqa: S105

ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", ["127.0.0.1", "localhost", "testserver"])
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS", [])
# A refused POST gets a page in the reader's language, and the feedback form its answers back (csrf_failure.py).
CSRF_FAILURE_VIEW = "smartgov.csrf_failure.csrf_failure"

INSTALLED_APPS = [
    # modeltranslation must come before django.contrib.admin.
    "modeltranslation",
    "smartgov.apps.SmartgovAdminConfig",  # django.contrib.admin with the portal's admin site
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "rest_framework",
    "django_filters",
    "drf_spectacular",
    "axes",
    "django_otp",
    "django_otp.plugins.otp_totp",
    "django_otp.plugins.otp_static",
    "csp",
    "smartgov",
    "grievances",
    "stakeholders",
    "disclosure",
    "reporting",
    "audit",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    # Before CSRF, which would otherwise read (and spool to disk) an oversize body first.
    "smartgov.middleware.RequestSizeLimitMiddleware",
    "smartgov.middleware.RefuseNulMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django_otp.middleware.OTPMiddleware",
    # After the user is known: entries written by signal receivers name who acted (audit/actor.py).
    "audit.actor.AuditActorMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "csp.middleware.CSPMiddleware",
    # Last, as django-axes requires.
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "smartgov.urls"
WSGI_APPLICATION = "smartgov.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "smartgov.context_processors.site",
            ],
        },
    },
]

# --- Database -------------------------------------------------------------

DATABASES = {
    "default": dj_database_url.config(
        default=f"sqlite:///{BASE_DIR / 'db.sqlite3'}",
        conn_max_age=env_int("DATABASE_CONN_MAX_AGE", 60),
    )
}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# --- Cache (rate limits, throttles) -----------------------------------------

CACHES = {
    "default": (
        {"BACKEND": "smartgov.redis_cache.PooledClientRedisCache", "LOCATION": env_str("CACHE_URL")}
        if env_str("CACHE_URL")
        else {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}
    ),
    # Rendered pieces of public pages that are the same for every visitor (the empty feedback form's
    # fields), kept in each process: cheaper than rendering them and than fetching them from Redis.
    "fragments": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache", "LOCATION": "fragments"},
    # Each public page's header (its menu and language links follow the page's path and query), apart
    # from the fragments: the paths visitors ask for can push out only other headers, never the kept pages.
    "page_headers": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache", "LOCATION": "page_headers"},
}

# --- Authentication -------------------------------------------------------

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator", "OPTIONS": {"min_length": 12}},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
LOGIN_URL = "admin:login"
AUTHENTICATION_BACKENDS = [
    # Counts failed logins and locks the account out before checking the password.
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
SESSION_COOKIE_AGE = env_int("SESSION_COOKIE_AGE", 8 * 60 * 60)
SESSION_EXPIRE_AT_BROWSER_CLOSE = True
SESSION_COOKIE_HTTPONLY = True
# Staff sign in with a one-time code (TOTP) besides their password; off in DEBUG for the demo.
STAFF_REQUIRE_2FA = env_bool("STAFF_REQUIRE_2FA", not DEBUG)
OTP_TOTP_ISSUER = "smartgov"
# Two separate limits (smartgov/lockout.py): failures on one user name from any address, and failures from one
# address on any user names (higher: many people may share an address).
AXES_HANDLER = "smartgov.lockout.SeparateLimitsHandler"
AXES_FAILURE_LIMIT = env_int("AXES_FAILURE_LIMIT", 5)
AXES_ADDRESS_FAILURE_LIMIT = env_int("AXES_ADDRESS_FAILURE_LIMIT", 20)
AXES_COOLOFF_TIME = env_int("AXES_COOLOFF_HOURS", 1)
AXES_LOCKOUT_PARAMETERS = ["username", "ip_address"]  # in this order: smartgov.lockout reads them so
# The client's address as the rate limits read it (TRUSTED_PROXY_COUNT), not the proxy's: else one lock for all.
AXES_CLIENT_IP_CALLABLE = "smartgov.ratelimit.client_ip"
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_TEMPLATE = "account_locked.html"
AXES_VERBOSE = False

# --- Languages and time ---------------------------------------------------

LANGUAGE_CODE = "mn"
LANGUAGES = [
    ("mn", _("Mongolian")),
    ("en", _("English")),
    ("kk", _("Kazakh")),
]
# Staff enter content in Mongolian and English; Kazakh covers the citizen pages' interface only.
MODELTRANSLATION_LANGUAGES = ("mn", "en")
MODELTRANSLATION_DEFAULT_LANGUAGE = "mn"
MODELTRANSLATION_FALLBACK_LANGUAGES = {"default": ("mn", "en")}
# Our catalogue comes after Django's, so it also rewords Django's own admin strings (smartgov/admin_wording.py).
LOCALE_PATHS = [BASE_DIR / "locale"]
# Mongolian dates as the PIU writes them (2026 оны 11 сарын 30, 24-hour clock); other languages keep Django's.
FORMAT_MODULE_PATH = ["smartgov.formats"]
TIME_ZONE = "Asia/Ulaanbaatar"
USE_I18N = True
USE_TZ = True

# --- Static and uploaded files --------------------------------------------

STATIC_URL = "/static/"
STATIC_ROOT = BASE_DIR / "staticfiles"
STATICFILES_DIRS = [BASE_DIR / "static"]
MEDIA_URL = "/media/"
MEDIA_ROOT = Path(env_str("MEDIA_ROOT", str(BASE_DIR / "media")))
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedStaticFilesStorage"},
}
WHITENOISE_USE_FINDERS = DEBUG
# Refuse oversize request bodies before they reach a view.
DATA_UPLOAD_MAX_MEMORY_SIZE = env_int("DATA_UPLOAD_MAX_MEMORY_SIZE", 2_621_440)
FILE_UPLOAD_MAX_MEMORY_SIZE = 2_621_440
UPLOAD_MAX_FILE_BYTES = env_int("UPLOAD_MAX_FILE_BYTES", 10 * 1024 * 1024)
GRM_MAX_ATTACHMENTS = env_int("GRM_MAX_ATTACHMENTS", 3)
# Pictures declaring more pixels than this are refused (a small file can declare billions: a decompression bomb).
UPLOAD_MAX_IMAGE_PIXELS = env_int("UPLOAD_MAX_IMAGE_PIXELS", 100_000_000)
# Files kept after a form error (so the person need not choose them again), in bytes per client address and
# in all, over a day: refused forms cannot fill the disk (grievances/upload_quota.py).
GRM_KEPT_UPLOAD_BYTES_PER_CLIENT = env_int(
    "GRM_KEPT_UPLOAD_BYTES_PER_CLIENT", 2 * UPLOAD_MAX_FILE_BYTES * GRM_MAX_ATTACHMENTS
)
GRM_KEPT_UPLOAD_BYTES_TOTAL = env_int("GRM_KEPT_UPLOAD_BYTES_TOTAL", 1024 * 1024 * 1024)
# Whole request bodies (files included) above this get a friendly 413 page before anything reads them.
REQUEST_MAX_BYTES = env_int(
    "REQUEST_MAX_BYTES", UPLOAD_MAX_FILE_BYTES * GRM_MAX_ATTACHMENTS + DATA_UPLOAD_MAX_MEMORY_SIZE
)

# --- E-mail ---------------------------------------------------------------

EMAIL_BACKEND = env_str("EMAIL_BACKEND", "django.core.mail.backends.console.EmailBackend")
EMAIL_HOST = env_str("EMAIL_HOST", "localhost")
EMAIL_PORT = env_int("EMAIL_PORT", 25)
EMAIL_HOST_USER = env_str("EMAIL_HOST_USER")
EMAIL_HOST_PASSWORD = env_str("EMAIL_HOST_PASSWORD")
EMAIL_USE_TLS = env_bool("EMAIL_USE_TLS", False)
# A mail server that does not answer must not hold an outbox flush (which sends every due message) for long.
EMAIL_TIMEOUT = env_int("EMAIL_TIMEOUT", 10)
DEFAULT_FROM_EMAIL = env_str("DEFAULT_FROM_EMAIL", "smartgov <noreply@smart.gov.mn>")

# --- SMS --------------------------------------------------------------------
# Backends in the style of Django's e-mail backends (smartgov/sms/): console, file, locmem, http.
SMS_BACKEND = env_str("SMS_BACKEND", "smartgov.sms.backends.ConsoleBackend")
SMS_FILE_PATH = env_str("SMS_FILE_PATH", str(BASE_DIR / "sms-messages"))
# The name or number the gateway shows as the sender, where it lets the portal choose ("" sends none).
SMS_SENDER = env_str("SMS_SENDER")
# The generic HTTP gateway (smartgov.sms.backends.HttpBackend): its address, method and body format ...
SMS_GATEWAY_URL = env_str("SMS_GATEWAY_URL")
SMS_GATEWAY_METHOD = env_str("SMS_GATEWAY_METHOD", "POST")
SMS_GATEWAY_BODY = env_str("SMS_GATEWAY_BODY", "form")  # form or json, for POST
# ... the gateway's names for the recipient, the text and the sender ("recipient=to,text=text,sender=from") ...
SMS_GATEWAY_PARAMS = {
    "recipient": "to",
    "text": "text",
    "sender": "from",
    **dict(item.split("=", 1) for item in env_list("SMS_GATEWAY_PARAMS", [])),
}
# ... fixed parameters sent with every message ("account=smartgov,type=unicode") ...
SMS_GATEWAY_EXTRA_PARAMS = dict(item.split("=", 1) for item in env_list("SMS_GATEWAY_EXTRA_PARAMS", []))
# ... credentials: HTTP basic (user and password) or a token in a header (e.g. "Bearer abc" in Authorization) ...
SMS_GATEWAY_AUTH_USER = env_str("SMS_GATEWAY_AUTH_USER")
SMS_GATEWAY_AUTH_PASSWORD = env_str("SMS_GATEWAY_AUTH_PASSWORD")
SMS_GATEWAY_AUTH_HEADER = env_str("SMS_GATEWAY_AUTH_HEADER", "Authorization")
SMS_GATEWAY_AUTH_TOKEN = env_str("SMS_GATEWAY_AUTH_TOKEN")
# ... and how long to wait for its answer: a gateway that hangs must not hold an outbox flush.
SMS_GATEWAY_TIMEOUT = env_int("SMS_GATEWAY_TIMEOUT", 10)

# --- Celery ---------------------------------------------------------------

CELERY_BROKER_URL = env_str("CELERY_BROKER_URL")
# No broker configured: run tasks in-process so the portal needs nothing but Python.
CELERY_TASK_ALWAYS_EAGER = not CELERY_BROKER_URL
CELERY_TASK_EAGER_PROPAGATES = True
if not CELERY_BROKER_URL:
    CELERY_BROKER_URL = "memory://"
CELERY_RESULT_BACKEND = env_str("CELERY_RESULT_BACKEND") or None
CELERY_TASK_SERIALIZER = "json"
CELERY_ACCEPT_CONTENT = ["json"]
CELERY_TIMEZONE = TIME_ZONE
CELERY_BROKER_CONNECTION_RETRY_ON_STARTUP = True
# Fail fast when Redis is down: callers keep their own record (an outbox row)
# and retry later instead of hanging a citizen's request.
CELERY_TASK_PUBLISH_RETRY = True
CELERY_TASK_PUBLISH_RETRY_POLICY = {"max_retries": 2, "interval_start": 0, "interval_step": 0.2, "interval_max": 0.5}
CELERY_BROKER_TRANSPORT_OPTIONS = {"socket_connect_timeout": 2, "socket_timeout": 5}
CELERY_BEAT_SCHEDULE = {
    # Sends outbox mail whose flush could not be queued (broker down) or whose sending failed.
    "outbox-flush": {"task": "smartgov.tasks.outbox_flush_task", "schedule": env_int("OUTBOX_FLUSH_SECONDS", 10)},
    # Removes attachments kept after a form error that were never sent.
    "incoming-files-cleanup": {"task": "grievances.tasks.incoming_files_cleanup_task", "schedule": 6 * 60 * 60},
    # The half-yearly GRM report: the task itself decides whether today is the
    # first working day after 30 June or 31 December and whether it is done.
    # Anonymises closed cases past GRM_RETENTION_DAYS; safe to run again.
    "grm-anonymise-expired": {
        "task": "grievances.tasks.grievance_anonymise_expired_task",
        "schedule": crontab(hour=2, minute=30),
    },
    # Reminds complainants who left a request for information unanswered, once; closes resolved cases
    # whose complainant did not say within GRM_SATISFACTION_DAYS whether the issue was resolved.
    "grm-complainant-clock": {
        "task": "grievances.tasks.grievance_complainant_clock_task",
        "schedule": crontab(hour=6, minute=0),
    },
    # Tells moderators that public comments wait; the task itself paces the notices
    # (at most one per PUBLIC_COMMENT_DIGEST_MINUTES).
    "feedback-moderation-digest": {"task": "stakeholders.tasks.feedback_moderation_digest_task", "schedule": 60},
    # Removes commenters' names and contacts after PUBLIC_COMMENT_RETENTION_DAYS; safe to run again.
    "feedback-authors-forget-expired": {
        "task": "stakeholders.tasks.feedback_authors_forget_expired_task",
        "schedule": crontab(hour=2, minute=45),
    },
    # Removes registrants' names and contacts EVENT_REGISTRATION_RETENTION_DAYS after their event.
    "event-registrations-forget-expired": {
        "task": "stakeholders.tasks.event_registrations_forget_expired_task",
        "schedule": crontab(hour=2, minute=50),
    },
    "grm-half-year-report": {
        "task": "reporting.tasks.report_half_year_check_task",
        "schedule": crontab(hour=7, minute=0),
    },
    # The SEP's semi-annual report (section 7 indicators), on the same day by the same rule.
    "sep-half-year-report": {
        "task": "reporting.tasks.sep_report_half_year_check_task",
        "schedule": crontab(hour=7, minute=20),
    },
}
# Celery's Django fix-up closes the database connection before and after every task unless this is set:
# a new PostgreSQL connection (and server process) for each e-mail. Workers keep their connection instead
# and recycle it the way Django does for requests (smartgov/celery.py): when broken or past CONN_MAX_AGE.
CELERY_DB_REUSE_MAX = 1000
# A process queues at most one outbox flush task per this many seconds (smartgov/outbox.py); 0: a task per message.
OUTBOX_COALESCE_SECONDS = env_int("OUTBOX_COALESCE_SECONDS", 1)
# A message that failed this many times stops being retried and is marked failed for staff to see.
OUTBOX_MAX_ATTEMPTS = env_int("OUTBOX_MAX_ATTEMPTS", 5)
# Wait after a message's first failed attempt, doubled after each further one (1, 2, 4, 8 minutes by default).
OUTBOX_RETRY_SECONDS = env_int("OUTBOX_RETRY_SECONDS", 60)

# --- REST API -------------------------------------------------------------

REST_FRAMEWORK = {
    # A session counts only once it passed the one-time code when STAFF_REQUIRE_2FA is on (smartgov/two_factor.py).
    "DEFAULT_AUTHENTICATION_CLASSES": ["smartgov.two_factor.VerifiedSessionAuthentication"],
    "DEFAULT_PERMISSION_CLASSES": ["rest_framework.permissions.IsAuthenticated"],
    "DEFAULT_FILTER_BACKENDS": ["django_filters.rest_framework.DjangoFilterBackend"],
    "DEFAULT_PAGINATION_CLASS": "smartgov.api.Pagination",
    "PAGE_SIZE": 50,
    "DEFAULT_SCHEMA_CLASS": "drf_spectacular.openapi.AutoSchema",
    "EXCEPTION_HANDLER": "smartgov.api.exception_handler",
}
SPECTACULAR_SETTINGS = {
    "TITLE": "smartgov API",
    "DESCRIPTION": "Grievance redress and stakeholder engagement portal.",
    "VERSION": "1.0.0",
    "SERVE_INCLUDE_SCHEMA": False,
    # Choice sets used by more than one field, or sharing a field name across apps,
    # get one explicit, stable name in the schema.
    "ENUM_NAME_OVERRIDES": {
        "ResponseWayEnum": "grievances.models.ResponseWay",
        "GrievanceKindEnum": "grievances.models.Kind",
        "VersionKindEnum": "disclosure.models.VersionKind",
        "LevelEnum": "stakeholders.models.Level",  # interest and influence share one scale
        "EventKindEnum": "stakeholders.models.EventKind",
    },
}

# --- Personal data ----------------------------------------------------------

# Fernet keys (comma-separated, newest first) for complainants' contact details;
# required when DEBUG is off. Generate one with:
#   python -c "from cryptography.fernet import Fernet; print(Fernet.generate_key().decode())"
FIELD_ENCRYPTION_KEYS = env_list("FIELD_ENCRYPTION_KEYS", [])
BLIND_INDEX_KEY = env_str("BLIND_INDEX_KEY")
if not DEBUG and not (FIELD_ENCRYPTION_KEYS and BLIND_INDEX_KEY):
    raise ImproperlyConfigured("FIELD_ENCRYPTION_KEYS and BLIND_INDEX_KEY must be set when DEBUG is off.")
# Closed cases older than this are anonymised by a daily task (identity, attachments, notes removed;
# the figures of the reports are kept).
GRM_RETENTION_DAYS = env_int("GRM_RETENTION_DAYS", 5 * 365)

# --- The project this portal serves -----------------------------------------

PROJECT_NAME = env_str("PROJECT_NAME", "")  # empty: the translated default name
PIU_NAME = env_str("PIU_NAME", "")  # the implementing unit named on report covers; empty: the translated default
GRM_REGISTRATION_PREFIX = env_str("GRM_REGISTRATION_PREFIX", "f")
GRM_LAUNCH_DATE = env_str("GRM_LAUNCH_DATE", "2015-09-15")
# An imported registration number may skip at most this many numbers past the highest of its year.
GRM_IMPORT_MAX_NUMBER_GAP = env_int("GRM_IMPORT_MAX_NUMBER_GAP", 100)
GRM_DEADLINES = {
    "acknowledge": env_int("GRM_DEADLINE_ACKNOWLEDGE_DAYS", 2),
    "stage2": env_int("GRM_DEADLINE_STAGE2_DAYS", 30),
    "stage3": env_int("GRM_DEADLINE_STAGE3_DAYS", 10),
}
# Working days after which an unanswered request for information reminds the complainant once.
GRM_INFORMATION_REMINDER_DAYS = env_int("GRM_INFORMATION_REMINDER_DAYS", 10)
# Working days the complainant has to say whether a resolved case is resolved; then it closes by itself.
GRM_SATISFACTION_DAYS = env_int("GRM_SATISFACTION_DAYS", 10)
# Published figures by place or group: a count below this is shown as "fewer than N" (reporting/suppression.py).
STATISTICS_SUPPRESSION_THRESHOLD = env_int("STATISTICS_SUPPRESSION_THRESHOLD", 3)
# The licence the public statistics and their downloads are published under (name and address).
STATISTICS_LICENCE_NAME = env_str("STATISTICS_LICENCE_NAME", "CC BY 4.0")
STATISTICS_LICENCE_URL = env_str("STATISTICS_LICENCE_URL", "https://creativecommons.org/licenses/by/4.0/")
# Per-IP limits, "count/period" with period s, m, h or d; counted in the cache (set CACHE_URL in production).
GRM_SUBMISSION_RATE_LIMIT = env_str("GRM_SUBMISSION_RATE_LIMIT", "20/h")
GRM_TRACKING_FAILURE_RATE_LIMIT = env_str("GRM_TRACKING_FAILURE_RATE_LIMIT", "10/h")
GRM_REPLY_RATE_LIMIT = env_str("GRM_REPLY_RATE_LIMIT", "20/h")
# Where "Exit this page" on the sensitive-case pathway (SEA/SH) leaves for: a neutral site that loads fast.
EXIT_THIS_PAGE_URL = env_str("EXIT_THIS_PAGE_URL", "https://www.google.mn/")
DISCLOSURE_COMMENT_RATE_LIMIT = env_str("DISCLOSURE_COMMENT_RATE_LIMIT", "10/h")
# Online registrations for consultation events, and comments sent on an event's page, per client IP.
EVENT_REGISTRATION_RATE_LIMIT = env_str("EVENT_REGISTRATION_RATE_LIMIT", "10/h")
EVENT_COMMENT_RATE_LIMIT = env_str("EVENT_COMMENT_RATE_LIMIT", "10/h")
# Public comments wait for a moderator before they are published; off, they are published at once.
PUBLIC_COMMENTS_PREMODERATED = env_bool("PUBLIC_COMMENTS_PREMODERATED", True)
# Moderators are told that comments wait at most once per this many minutes (a digest, not a mail per comment).
PUBLIC_COMMENT_DIGEST_MINUTES = env_int("PUBLIC_COMMENT_DIGEST_MINUTES", 30)
# Commenters' names and contact details are removed this long after the comment; the comment and answer stay.
PUBLIC_COMMENT_RETENTION_DAYS = env_int("PUBLIC_COMMENT_RETENTION_DAYS", 5 * 365)
# Registrants' names and contacts are removed this many days after their event (the registration is counted still).
EVENT_REGISTRATION_RETENTION_DAYS = env_int("EVENT_REGISTRATION_RETENTION_DAYS", 90)
# How many reverse proxies in front of the portal append to X-Forwarded-For (0: use REMOTE_ADDR).
TRUSTED_PROXY_COUNT = env_int("TRUSTED_PROXY_COUNT", 0)
# The portal's public address, for the tracking link in messages to complainants.
PUBLIC_BASE_URL = env_str("PUBLIC_BASE_URL", "http://127.0.0.1:8000").rstrip("/")
GRM_CONTACT = {
    "hotline": env_str("GRM_HOTLINE", "+976-11-51-264870"),
    "email": env_str("GRM_EMAIL", "info@smart.gov.mn"),
    "facebook": env_str("GRM_FACEBOOK", "https://www.facebook.com/smartgovmongolia/"),
    "website": env_str("GRM_WEBSITE", "https://www.smart.gov.mn/"),
}
# The PIU office, for people who come in person or write a letter (smartgov/office.py). A place is written
# differently in each public language, so the address is one setting per language; the opening hours are
# times of day, put into a translated sentence. The defaults are placeholders until the PIU confirms them.
GRM_OFFICE = {
    "address": {
        "mn": env_str(
            "GRM_OFFICE_ADDRESS_MN", "Засгийн газрын ордон, Сүхбаатарын талбай, Чингэлтэй дүүрэг, Улаанбаатар"
        ),
        "en": env_str(
            "GRM_OFFICE_ADDRESS_EN", "Government Palace, Sükhbaatar Square, Chingeltei district, Ulaanbaatar"
        ),
        "kk": env_str("GRM_OFFICE_ADDRESS_KK", "Үкімет үйі, Сүхбаатар алаңы, Чингэлтэй ауданы, Ұланбатыр"),
    },
    "opens": env_str("GRM_OFFICE_OPENS", "09:00"),
    "closes": env_str("GRM_OFFICE_CLOSES", "18:00"),
}

# --- Security headers --------------------------------------------------------

# Everything the portal serves comes from itself: no CDN, no third-party scripts.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "script-src": ["'self'"],
        # Inline style attributes appear in server-drawn SVG charts and admin widgets.
        "style-src": ["'self'", "'unsafe-inline'"],
        "img-src": ["'self'", "data:"],
        "object-src": ["'none'"],
        "base-uri": ["'self'"],
        "form-action": ["'self'"],
        "frame-ancestors": ["'none'"],
    }
}
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"

# --- Production hardening (DEBUG off) ---------------------------------------

if not DEBUG:
    SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", True)
    SESSION_COOKIE_SECURE = True
    CSRF_COOKIE_SECURE = True
    SECURE_HSTS_SECONDS = env_int("SECURE_HSTS_SECONDS", 31_536_000)
    SECURE_HSTS_INCLUDE_SUBDOMAINS = True
    SECURE_HSTS_PRELOAD = True
    SECURE_CONTENT_TYPE_NOSNIFF = True
    SECURE_REFERRER_POLICY = "same-origin"
    X_FRAME_OPTIONS = "DENY"
    if env_bool("BEHIND_TLS_PROXY", False):
        SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": env_str("LOG_LEVEL", "INFO")},
    "loggers": {"django.db.backends": {"level": "INFO"}},
}

# --- Production shape (docker-compose.yml, scripts/prod-smoke) -----------------
# Kept in one block at the end: each setting here refines one defined above.

# The database password as its own variable (compose passes POSTGRES_PASSWORD as DATABASE_PASSWORD), so a
# password with "@", "/" or "%" needs no URL quoting and never sits in a URL that logs may print.
if env_str("DATABASE_PASSWORD"):
    DATABASES["default"]["PASSWORD"] = env_str("DATABASE_PASSWORD")

# Collected static files; the image collects them at build time into /app/staticfiles.
STATIC_ROOT = Path(env_str("STATIC_ROOT", str(STATIC_ROOT)))
# In production WhiteNoise serves hashed names (cached for ever) from the manifest collectstatic writes; in DEBUG
# (and in the tests) the plain storage serves files without collectstatic.
if not DEBUG:
    STORAGES["staticfiles"] = {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"}

# Uploads and generated reports on an S3-compatible object store (django-storages) when MEDIA_STORAGE=s3, so
# that web and worker replicas on several machines share them; the file system under MEDIA_ROOT otherwise.
MEDIA_STORAGE = env_str("MEDIA_STORAGE", "filesystem")
if MEDIA_STORAGE == "s3":
    STORAGES["default"] = {
        "BACKEND": "storages.backends.s3.S3Storage",
        "OPTIONS": {
            "bucket_name": env_str("S3_BUCKET"),
            "endpoint_url": env_str("S3_ENDPOINT_URL") or None,
            "region_name": env_str("S3_REGION") or None,
            "access_key": env_str("S3_ACCESS_KEY_ID") or None,
            "secret_key": env_str("S3_SECRET_ACCESS_KEY") or None,
            "location": env_str("S3_PREFIX"),
            # Complainants' files are never public: every URL is signed and expires.
            "default_acl": "private",
            "querystring_auth": True,
            "querystring_expire": env_int("S3_URL_SECONDS", 300),
            "file_overwrite": False,
        },
    }
    if not env_str("S3_BUCKET"):
        raise ImproperlyConfigured("MEDIA_STORAGE=s3 needs S3_BUCKET.")
elif MEDIA_STORAGE != "filesystem":
    raise ImproperlyConfigured("MEDIA_STORAGE is 'filesystem' or 's3'.")

# The container health check asks gunicorn for /healthz over plain HTTP on 127.0.0.1: no redirect to HTTPS.
SECURE_REDIRECT_EXEMPT = [r"^healthz$"]

# Beat's schedule file lives outside the media volume (compose gives it its own volume), and beat writes it
# after every task it sends, so its modification time says that beat is alive (smartgov/healthcheck.py).
CELERY_BEAT_SCHEDULE_FILENAME = env_str("CELERY_BEAT_SCHEDULE_FILE", "celerybeat-schedule")
CELERY_BEAT_SYNC_EVERY = 1
