"""Signal receivers writing audit entries: sign-ins, and every write on the engagement records.

Stakeholders, their representatives, feedback items and document versions are
written by services, by the admin's own save() (the stakeholder register has
no service) and by whatever comes next (moderation, imports). Receivers on
their saves and deletions see every one of those doors without touching them;
the actor comes from the request being answered (actor.py). Grievances are
not here: every change to a case already writes a history entry through
grievances.services.grievance_event_record, which writes the audit entry with
its actor (grievances/audit_trail.py).

A save outside any transaction is audited right after it, in a transaction of
its own; the admin and the services save inside one, which the entry joins.
"""

from django.apps import apps
from django.contrib.auth import get_user_model
from django.contrib.auth.signals import user_logged_in, user_logged_out, user_login_failed
from django.db.models.signals import post_delete, post_save, pre_save

from .actor import current_actor
from .models import AuditAction
from .services import audit_record
from .values import changes_record

# The records whose every creation, change and deletion is audited.
AUDITED_MODELS = [
    "stakeholders.Stakeholder",
    "stakeholders.Representative",
    "stakeholders.FeedbackItem",
    "stakeholders.EventRegistration",
    "stakeholders.EventEvidence",
    "disclosure.DocumentVersion",
]
# Columns kept for the database's own bookkeeping, not changes anyone made; blind indexes (`*_index`,
# smartgov/search_keys.py) are derived from the encrypted contact beside them, which is already named.
IGNORED_FIELDS = frozenset({"search_vector"})


def _tracked_fields(model, update_fields=None):
    fields = [field for field in model._meta.concrete_fields if not field.primary_key]
    fields = [field for field in fields if field.name not in IGNORED_FIELDS and not field.name.endswith("_index")]
    if update_fields is not None:
        fields = [field for field in fields if field.name in update_fields or field.attname in update_fields]
    return fields


def _values(instance, fields):
    return {field.name: getattr(instance, field.attname) for field in fields}


def remember_stored_values(sender, instance, raw=False, update_fields=None, **kwargs):
    """Before a change is saved, read the stored values it replaces (one query; none for a new record)."""
    if raw or instance._state.adding or instance.pk is None:
        instance._audit_before = None
        return
    fields = _tracked_fields(sender, update_fields)
    stored = sender._base_manager.filter(pk=instance.pk).values(*[field.attname for field in fields]).first()
    instance._audit_before = None if stored is None else {field.name: stored[field.attname] for field in fields}


def record_save(sender, instance, created, raw=False, update_fields=None, **kwargs):
    if raw:  # fixtures loaded with loaddata
        return
    fields = _tracked_fields(sender, None if created else update_fields)
    after = _values(instance, fields)
    before = getattr(instance, "_audit_before", None)
    instance._audit_before = None
    if created or before is None:
        pairs = {name: (None, value) for name, value in after.items() if value not in (None, "")}
        action = AuditAction.CREATED
    else:
        pairs = {name: (before[name], value) for name, value in after.items() if before.get(name) != value}
        action = AuditAction.CHANGED
        if not pairs:
            return  # saved as it was: nothing changed
    _record(sender, instance, action, changes_record(sender, pairs))


def record_delete(sender, instance, **kwargs):
    _record(sender, instance, AuditAction.DELETED, {})


def _record(model, instance, action, changes):
    # Never str(instance) in the summary: a representative's is their name.
    label = model._meta.label_lower
    audit_record(
        action=action,
        actor=current_actor(),
        object_type=label,
        object_id=instance.pk,
        summary=f"{label} #{instance.pk} {action}",
        changes=changes,
    )


# --- sign-in --------------------------------------------------------------------


def record_sign_in(sender, request, user, **kwargs):
    audit_record(action=AuditAction.SIGNED_IN, actor=user, object_type="auth.user", object_id=user.pk)


def record_sign_out(sender, request, user, **kwargs):
    if user is not None:
        audit_record(action=AuditAction.SIGNED_OUT, actor=user, object_type="auth.user", object_id=user.pk)


def record_sign_in_failure(sender, credentials, request=None, **kwargs):
    """Name the account tried when it exists; an unknown user name is not kept (it may be a mistyped password)."""
    user_model = get_user_model()
    username = credentials.get(user_model.USERNAME_FIELD) or credentials.get("username") or ""
    account = None
    if isinstance(username, str) and username and "\x00" not in username:
        lookup = {user_model.USERNAME_FIELD: username}
        account = user_model._default_manager.filter(**lookup).values_list("pk", flat=True).first()
    audit_record(
        action=AuditAction.SIGN_IN_FAILED,
        object_type="auth.user" if account else "",
        object_id=account or "",
        summary="sign-in failed" if account else "sign-in failed for an unknown user name",
    )


def connect():
    """Connect the receivers (AuditConfig.ready)."""
    for label in AUDITED_MODELS:
        model = apps.get_model(label)
        uid = f"audit.{model._meta.label_lower}"
        pre_save.connect(remember_stored_values, sender=model, dispatch_uid=f"{uid}.pre_save")
        post_save.connect(record_save, sender=model, dispatch_uid=f"{uid}.post_save")
        post_delete.connect(record_delete, sender=model, dispatch_uid=f"{uid}.post_delete")
    user_logged_in.connect(record_sign_in, dispatch_uid="audit.signed_in")
    user_logged_out.connect(record_sign_out, dispatch_uid="audit.signed_out")
    user_login_failed.connect(record_sign_in_failure, dispatch_uid="audit.sign_in_failed")
