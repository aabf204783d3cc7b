"""Evidence of a consultation event: attendance sheets and photographs, staff-only unless published."""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from .events import ConsultationEvent


class EvidenceKind(models.TextChoices):
    ATTENDANCE_SHEET = "attendance_sheet", _("Attendance sheet")
    PHOTOGRAPH = "photograph", _("Photograph")
    OTHER = "other", _("Other evidence")


def evidence_file_path(instance, filename):
    """Stored under the event; served through a view that checks who may see it, never by this path."""
    return f"consultations/{instance.event_id}/evidence/{filename}"


class EventEvidenceQuerySet(models.QuerySet):
    def public(self):
        """Evidence the public may download: published, of a published event."""
        return self.filter(is_published=True, event__is_published=True)


class EventEvidence(models.Model):
    """A file proving what happened at an event (SEP annex C): a signed attendance sheet, a photograph.

    Attendance sheets carry names and signatures, and photographs faces: a
    file is seen by staff only until a safeguards specialist publishes it.
    Pictures are stored without their metadata (smartgov.image_metadata).
    """

    event = models.ForeignKey(
        ConsultationEvent, verbose_name=_("event"), related_name="evidence", on_delete=models.CASCADE
    )
    kind = models.CharField(_("kind"), max_length=32, choices=EvidenceKind.choices)
    caption = models.CharField(_("caption"), max_length=255, blank=True)
    file = models.FileField(_("file"), upload_to=evidence_file_path, max_length=500)
    original_name = models.CharField(_("file name"), max_length=255, editable=False)
    content_type = models.CharField(_("content type"), max_length=100, editable=False)
    size = models.PositiveBigIntegerField(_("size in bytes"), editable=False)
    is_published = models.BooleanField(
        _("published"), default=False, help_text=_("Only published evidence of a published event is public.")
    )
    uploaded_at = models.DateTimeField(_("uploaded at"), default=timezone.now, editable=False)
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("uploaded by"),
        null=True,
        blank=True,
        editable=False,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    objects = EventEvidenceQuerySet.as_manager()

    class Meta:
        verbose_name = _("evidence")
        verbose_name_plural = _("evidence (attendance sheets, photographs)")
        ordering = ["event", "kind", "uploaded_at", "id"]
        constraints = [models.CheckConstraint(condition=Q(kind__in=EvidenceKind.values), name="evidence_kind_valid")]

    def __str__(self):
        return self.caption or self.original_name

    @property
    def download_name(self):
        return self.original_name
