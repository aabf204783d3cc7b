"""The smartgov portal: GRM and stakeholder engagement for World Bank-financed projects."""

from .celery import app as celery_app

__all__ = ["celery_app"]
