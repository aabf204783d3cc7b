"""The floor of the benchmark: a bare Django view that stores one row, run like the portal.

bench/load runs it from the project's own virtualenv under the same gunicorn,
on the same PostgreSQL (its own database), with the CSRF check on, driven by
the same load client: GET a form, POST it (one INSERT), follow the redirect
to a page showing the stored row's number. Whatever a submission to the
portal costs beyond this is the portal's own work.
"""

import os

DEBUG = False
SECRET_KEY = os.environ["SECRET_KEY"]
ALLOWED_HOSTS = ["127.0.0.1"]
INSTALLED_APPS = ["bare_bench"]
MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
]
ROOT_URLCONF = "bare_bench.urls"
WSGI_APPLICATION = "bare_bench.wsgi.application"
TEMPLATES = []
DATABASES = {
    "default": {
        "ENGINE": "django.db.backends.postgresql",
        "NAME": os.environ["BARE_DATABASE_NAME"],
        "USER": "postgres",
        "HOST": "127.0.0.1",
        "PORT": os.environ.get("BARE_DATABASE_PORT", "5432"),
        "CONN_MAX_AGE": 60,
    }
}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"
USE_I18N = False
USE_TZ = True
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": "WARNING"},
}
