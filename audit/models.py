"""The tamper-evident audit log: append-only entries chained by their hashes.

Each entry's `hash` is sha256(previous entry's hash + canonical JSON of its own
fields) (chain.py), so changing or removing an entry breaks every link after
it; `manage.py audit_verify` walks the chain. On PostgreSQL a trigger refuses
UPDATE and DELETE on the table (migration 0002), whatever role asks.
"""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _


class AuditAction(models.TextChoices):
    IDENTITY_VIEWED = "identity_viewed", _("Complainant's identity viewed")
    CASE_CHANGED = "case_changed", _("Case changed")
    CREATED = "created", _("Created")
    CHANGED = "changed", _("Changed")
    DELETED = "deleted", _("Deleted")
    EXPORTED = "exported", _("Exported")
    APPROVED = "approved", _("Approved")
    PUBLISHED = "published", _("Published")
    SIGNED_IN = "signed_in", _("Signed in")
    SIGN_IN_FAILED = "sign_in_failed", _("Sign-in failed")
    SIGNED_OUT = "signed_out", _("Signed out")


class AuditEntry(models.Model):
    """One thing someone did: who, when, what, on which record, and the fields it changed.

    Never a personal value in clear: free texts are named, not copied
    (values.py), and a view of a complainant records who saw which case. The
    actor is kept by id and user name without a database constraint, so that
    deleting a user neither rewrites nor blocks the log.
    """

    created_at = models.DateTimeField(_("at"), db_index=True)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("by"),
        null=True,
        blank=True,
        on_delete=models.DO_NOTHING,
        db_constraint=False,
        related_name="+",
    )
    actor_username = models.CharField(_("user name"), max_length=150, blank=True)
    action = models.CharField(_("action"), max_length=32, choices=AuditAction.choices)
    object_type = models.CharField(_("record type"), max_length=100, blank=True)
    object_id = models.CharField(_("record id"), max_length=64, blank=True)
    summary = models.CharField(_("summary"), max_length=300, blank=True)
    changes = models.JSONField(_("changes"), default=dict, blank=True)
    previous_hash = models.CharField(_("previous entry's hash"), max_length=64)
    hash = models.CharField(_("hash"), max_length=64)

    class Meta:
        verbose_name = _("audit log entry")
        verbose_name_plural = _("audit log")
        ordering = ["-id"]
        indexes = [models.Index(fields=["object_type", "object_id"], name="audit_entry_record")]

    def __str__(self):
        return f"#{self.pk} {self.action} {self.object_type} {self.object_id}".strip()


class AuditChainHead(models.Model):
    """The end of the chain: one row, locked by each writer so that two writers never fork the chain.

    It also lets audit_verify see entries removed from the end, which no link would show.
    """

    id = models.PositiveSmallIntegerField(primary_key=True, default=1)
    last_entry_id = models.BigIntegerField(_("last entry"), null=True, blank=True)
    last_hash = models.CharField(_("last hash"), max_length=64, blank=True)
    length = models.BigIntegerField(_("entries"), default=0)

    class Meta:
        verbose_name = _("audit chain head")
        verbose_name_plural = _("audit chain head")
        constraints = [models.CheckConstraint(condition=Q(id=1), name="audit_chain_head_single_row")]

    def __str__(self):
        return self.last_hash
