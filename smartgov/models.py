"""Portal-wide data: the government's changes to the working-day calendar."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class CalendarDay(models.Model):
    """A day whose working status the government changed by decree.

    The public-holiday calendar comes from the `holidays` package; this table
    holds what it cannot know: extra days off, and weekend days declared
    working days when a holiday is moved.
    """

    date = models.DateField(_("date"), unique=True)
    is_working_day = models.BooleanField(
        _("is a working day"),
        default=False,
        help_text=_("Leave unticked for an extra day off; tick it for a weekend day declared a working day."),
    )
    reason = models.CharField(_("reason"), max_length=255, blank=True, help_text=_("For example the decree number."))

    class Meta:
        verbose_name = _("calendar change")
        verbose_name_plural = _("calendar changes")
        ordering = ["-date"]

    def __str__(self):
        return f"{self.date:%Y-%m-%d}"
