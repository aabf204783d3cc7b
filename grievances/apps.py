from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class GrievancesConfig(AppConfig):
    name = "grievances"
    verbose_name = _("Grievance redress")

    def ready(self):
        from smartgov.calendar_changes import calendar_changed

        from .deadline_shifts import deadlines_follow_calendar

        calendar_changed.connect(deadlines_follow_calendar, dispatch_uid="grievances.deadlines_follow_calendar")
