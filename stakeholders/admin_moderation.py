"""The moderator's tools in the admin: the moderation filter with its counts, the two actions, the desk entry.

The actions call the moderation services one item at a time, so each item is
checked and stamped the same way as anywhere else; the reason and note for a
removal are chosen next to the action, above the list.
"""

from django import forms
from django.contrib import admin, messages
from django.contrib.admin.helpers import ActionForm
from django.db.models import Count
from django.urls import reverse
from django.utils.http import urlencode
from django.utils.translation import gettext, ngettext
from django.utils.translation import gettext_lazy as _

from smartgov.exceptions import ApplicationError

from .models import FeedbackItem, ModerationState, RemovalReason
from .moderation import MODERATE_PERMISSION, feedback_item_approve, feedback_item_remove, removal_check

PARAMETER = "moderation"


class ModerationFilter(admin.SimpleListFilter):
    """Filter by moderation state; each choice shows how many items are in it (one query)."""

    title = _("moderation")
    parameter_name = PARAMETER

    def lookups(self, request, model_admin):
        counts = dict(FeedbackItem.objects.values_list("moderation_state").annotate(count=Count("pk")).order_by())
        return [
            (state.value, _("%(state)s (%(count)s)") % {"state": state.label, "count": counts.get(state.value, 0)})
            for state in ModerationState
        ]

    def queryset(self, request, queryset):
        return queryset.filter(moderation_state=self.value()) if self.value() else queryset


class ModerationActionForm(ActionForm):
    """The action bar, with the reason and note that "remove" needs (ignored by the other actions)."""

    removal_reason = forms.ChoiceField(
        label=_("Reason for removal"), required=False, choices=[("", "---------"), *RemovalReason.choices]
    )
    removal_note = forms.CharField(
        label=_("Moderator's note (public)"), required=False, max_length=500, widget=forms.TextInput(attrs={"size": 40})
    )


def _moderate_each(modeladmin, request, queryset, moderate, done_message):
    done, refused = 0, []
    for item in queryset:
        try:
            moderate(item)
        except ApplicationError as error:
            refused.append(error.message)
        else:
            done += 1
    if done:
        modeladmin.message_user(request, done_message(done), messages.SUCCESS)
    for message in sorted(set(refused)):
        modeladmin.message_user(request, message, messages.WARNING)


@admin.action(description=_("Publish the selected comments"), permissions=["moderate"])
def approve_selected(modeladmin, request, queryset):
    _moderate_each(
        modeladmin,
        request,
        queryset,
        lambda item: feedback_item_approve(item=item, actor=request.user),
        lambda count: (
            ngettext("%(count)s comment published.", "%(count)s comments published.", count) % {"count": count}
        ),
    )


@admin.action(description=_("Remove the selected comments (the public sees the reason)"), permissions=["moderate"])
def remove_selected(modeladmin, request, queryset):
    reason, note = request.POST.get("removal_reason", ""), request.POST.get("removal_note", "")
    try:
        removal_check(reason=reason, note=note)
    except ApplicationError as error:
        modeladmin.message_user(request, error.message, messages.ERROR)
        return
    _moderate_each(
        modeladmin,
        request,
        queryset,
        lambda item: feedback_item_remove(item=item, actor=request.user, reason=reason, note=note),
        lambda count: ngettext("%(count)s comment removed.", "%(count)s comments removed.", count) % {"count": count},
    )


def moderation_desk_queue(user) -> list[dict]:
    """The moderation queue as an entry of the admin home's desk, for moderators while comments wait.

    Only while some wait: the safeguards specialist works no cases, and an
    empty queue would replace their plain home page with a desk saying "0".
    """
    if not user.has_perm(MODERATE_PERMISSION):
        return []
    count = FeedbackItem.objects.awaiting_moderation().count()
    if not count:
        return []
    changelist = reverse("admin:stakeholders_feedbackitem_changelist")
    return [
        {
            "key": "moderation",
            "label": gettext("Comments waiting for moderation"),
            "count": count,
            "url": f"{changelist}?{urlencode({PARAMETER: ModerationState.PENDING})}",
        }
    ]
