"""WSGI entry point (gunicorn smartgov.wsgi)."""

import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "smartgov.settings")
application = get_wsgi_application()
