"""Disclosed ESF documents (SEP section 6, table 4): documents, their versions and files.

A Document (the SEP, the ESCP, ...) has numbered versions (draft, revised,
final). A version is public from its disclosure date once a safeguards
specialist has published it; a withdrawn version stays listed as withdrawn.
Each version has one file per language. Search runs on stored tsvector
columns (PostgreSQL, 'simple' configuration, GIN indexes created by a
migration) with a plain `icontains` fallback elsewhere.
"""

from django.conf import settings
from django.contrib.postgres.search import SearchVectorField
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from smartgov.choices import ProjectStage


class DocumentType(models.TextChoices):
    SEP = "sep", _("Stakeholder Engagement Plan (SEP)")
    ESCP = "escp", _("Environmental and Social Commitment Plan (ESCP)")
    ECOP = "ecop", _("Environmental Code of Practice (ECOP)")
    LMP = "lmp", _("Labor Management Procedures (LMP)")
    SIA = "sia", _("Social Impact Assessment (SIA)")
    GRM_PROCEDURE = "grm_procedure", _("Grievance redress mechanism procedure")
    BROCHURE = "brochure", _("Project brochure")
    REPORT = "report", _("Report")
    OTHER = "other", _("Other document")


class VersionKind(models.TextChoices):
    DRAFT = "draft", _("Draft")
    REVISED = "revised", _("Revised")
    FINAL = "final", _("Final")


class FileLanguage(models.TextChoices):
    MONGOLIAN = "mn", _("Mongolian")
    ENGLISH = "en", _("English")
    EASY_READ = "easy_read", _("Easy-read Mongolian")
    KAZAKH = "kk", _("Kazakh")


class FileFormat(models.TextChoices):
    PDF = "pdf", "PDF"
    DOCX = "docx", "DOCX"
    ODT = "odt", "ODT"
    XLSX = "xlsx", "XLSX"


class Venue(models.TextChoices):
    GOVERNMENT_WEBSITE = "government_website", _("Government website")
    PROJECT_WEBSITE = "project_website", _("Project website")
    PIU_OFFICE = "piu_office", _("PIU office")
    PUBLIC_LIBRARY = "public_library", _("Public library")
    OTHER = "other", _("Other place")


class Document(models.Model):
    """One disclosed document, whatever its versions."""

    doc_type = models.CharField(_("type"), max_length=32, choices=DocumentType.choices)
    title = models.CharField(_("title"), max_length=255)
    summary = models.TextField(_("summary"), blank=True)
    project_stage = models.CharField(_("project stage"), max_length=32, choices=ProjectStage.choices)
    target_stakeholders = models.TextField(_("target stakeholders"), blank=True)
    created_at = models.DateTimeField(_("created at"), default=timezone.now)
    search_vector = SearchVectorField(_("search index"), null=True, editable=False)

    class Meta:
        verbose_name = _("document")
        verbose_name_plural = _("documents")
        ordering = ["-created_at", "-id"]

    def __str__(self):
        return self.title


class VersionQuerySet(models.QuerySet):
    def public(self, today=None):
        """Published versions whose disclosure date has come (withdrawn ones included)."""
        today = today or timezone.localdate()
        return self.filter(published_at__isnull=False, disclosure_date__lte=today)

    def available(self, today=None):
        """Public versions that are not withdrawn: their files may be served."""
        return self.public(today).filter(withdrawn_at__isnull=True)

    def open_for_comment(self, today=None):
        today = today or timezone.localdate()
        return self.available(today).filter(comment_start__lte=today, comment_end__gte=today)


class DocumentVersion(models.Model):
    """One numbered version of a document, with its disclosure and comment period."""

    document = models.ForeignKey(
        Document, verbose_name=_("document"), related_name="versions", on_delete=models.CASCADE
    )
    kind = models.CharField(_("version kind"), max_length=16, choices=VersionKind.choices)
    number = models.PositiveSmallIntegerField(_("version number"))
    disclosure_date = models.DateField(_("disclosure date"))
    changes = models.TextField(
        _("what changed since the previous version"),
        blank=True,
        help_text=_("Say which comments led to which changes."),
    )
    comment_start = models.DateField(_("comment period start"), null=True, blank=True)
    comment_end = models.DateField(_("comment period end"), null=True, blank=True)
    published_at = models.DateTimeField(_("published at"), null=True, blank=True, editable=False)
    published_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("published by"),
        null=True,
        blank=True,
        editable=False,
        related_name="+",
        on_delete=models.SET_NULL,
    )
    withdrawn_at = models.DateTimeField(_("withdrawn at"), null=True, blank=True, editable=False)
    withdrawn_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("withdrawn by"),
        null=True,
        blank=True,
        editable=False,
        related_name="+",
        on_delete=models.SET_NULL,
    )
    withdrawal_reason = models.TextField(_("reason for withdrawal"), blank=True, editable=False)

    objects = VersionQuerySet.as_manager()

    class Meta:
        verbose_name = _("document version")
        verbose_name_plural = _("document versions")
        ordering = ["document", "-number"]
        permissions = [("publish_documentversion", _("Can publish and withdraw document versions"))]
        constraints = [
            models.UniqueConstraint(fields=["document", "number"], name="disclosure_version_number_unique"),
            models.CheckConstraint(
                condition=Q(comment_start__isnull=True, comment_end__isnull=True)
                | Q(comment_start__isnull=False, comment_end__isnull=False, comment_end__gte=models.F("comment_start")),
                name="disclosure_version_comment_period_valid",
            ),
        ]
        indexes = [models.Index(fields=["published_at", "disclosure_date"], name="disclosure_version_public")]

    def __str__(self):
        return f"{self.document} ({self.get_kind_display()} {self.number})"

    @property
    def is_withdrawn(self):
        return self.withdrawn_at is not None

    @property
    def has_comment_period(self):
        return self.comment_start is not None

    def is_public(self, today=None):
        today = today or timezone.localdate()
        return self.published_at is not None and self.disclosure_date <= today

    def is_open_for_comment(self, today=None):
        today = today or timezone.localdate()
        return (
            self.is_public(today)
            and not self.is_withdrawn
            and self.has_comment_period
            and self.comment_start <= today <= self.comment_end
        )

    def comment_period_closed(self, today=None):
        today = today or timezone.localdate()
        return self.has_comment_period and today > self.comment_end


def version_file_path(instance, filename):
    """Store under an unguessable-enough, stable path; the public URL is a view, never this path."""
    version = instance.version
    return f"disclosure/{version.document_id}/v{version.number}/{instance.language}/{filename}"


class VersionFile(models.Model):
    """The file of one version in one language, with the text extracted for search."""

    version = models.ForeignKey(
        DocumentVersion, verbose_name=_("version"), related_name="files", on_delete=models.CASCADE
    )
    language = models.CharField(_("language"), max_length=16, choices=FileLanguage.choices)
    file = models.FileField(_("file"), upload_to=version_file_path, max_length=500)
    original_name = models.CharField(_("original file name"), max_length=255)
    size = models.PositiveBigIntegerField(_("size in bytes"))
    sha256 = models.CharField(
        _("SHA-256 checksum"),
        max_length=64,
        blank=True,
        editable=False,
        help_text=_("Shown with the file so that a reader can check a copy is the one disclosed."),
    )
    file_format = models.CharField(_("format"), max_length=8, choices=FileFormat.choices)
    extracted_text = models.TextField(_("extracted text"), blank=True, editable=False)
    text_extracted_at = models.DateTimeField(_("text extracted at"), null=True, blank=True, editable=False)
    search_vector = SearchVectorField(_("search index"), null=True, editable=False)
    uploaded_at = models.DateTimeField(_("uploaded at"), default=timezone.now)

    class Meta:
        verbose_name = _("version file")
        verbose_name_plural = _("version files")
        ordering = ["version", "language"]
        constraints = [
            models.UniqueConstraint(fields=["version", "language"], name="disclosure_one_file_per_language"),
        ]

    def __str__(self):
        return f"{self.version} [{self.language}]"

    @property
    def download_name(self):
        return f"{self.version.document.doc_type}-v{self.version.number}-{self.language}.{self.file_format}"


class ExternalDisclosure(models.Model):
    """Where else a version was disclosed: a government website, the PIU office, a public library."""

    version = models.ForeignKey(
        DocumentVersion, verbose_name=_("version"), related_name="external_disclosures", on_delete=models.CASCADE
    )
    venue = models.CharField(_("where"), max_length=32, choices=Venue.choices)
    disclosed_on = models.DateField(_("disclosed on"))
    url = models.URLField(_("link"), blank=True)
    note = models.CharField(_("note"), max_length=255, blank=True)

    class Meta:
        verbose_name = _("disclosure elsewhere")
        verbose_name_plural = _("disclosures elsewhere")
        ordering = ["disclosed_on", "id"]

    def __str__(self):
        return f"{self.get_venue_display()} {self.disclosed_on}"
