"""The workflow panel of the admin case page: one small form per transition the user may make now.

Which transitions are offered comes from workflow.allowed_actions; these forms
only collect what each service needs, and the view hands it to that service,
which checks the state and the actor again under a row lock.
"""

from functools import partial

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import redirect
from django.urls import path, reverse
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_POST

from smartgov.exceptions import ApplicationError

from . import services, workflow
from .admin_filters import grievance_handlers
from .models import Grievance, ResponseWay, Stage
from .workflow import Action


class TransitionForm(forms.Form):
    """A transition that needs nothing but an optional note (acknowledge, reopen, close)."""

    note = forms.CharField(label=_("note"), required=False)
    help_text = ""

    def __init__(self, *args, grievance, **kwargs):
        super().__init__(*args, **kwargs)
        self.grievance = grievance

    def is_offered(self):
        """Tell whether the form has something to choose from (escalation needs a higher stage)."""
        return True

    def service_arguments(self):
        return dict(self.cleaned_data)


class MarkUnrelatedForm(TransitionForm):
    # Not required here: the service refuses an empty body with its own message.
    referred_to = forms.CharField(label=_("referred to"), required=False, max_length=255)


class AssignForm(TransitionForm):
    assignee = forms.ModelChoiceField(label=_("assign to"), queryset=None, required=False, empty_label=_("Nobody"))

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["assignee"].queryset = grievance_handlers()
        self.fields["assignee"].initial = self.grievance.assigned_to_id


class EscalateForm(TransitionForm):
    stage = forms.TypedChoiceField(label=_("escalate to"), coerce=int)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["stage"].choices = [(stage.value, stage.label) for stage in Stage if stage > self.grievance.stage]

    def is_offered(self):
        return bool(self.fields["stage"].choices)


class ResolveForm(TransitionForm):
    """Resolve with the actions taken written here, prefilled with those saved on the case."""

    # Not required here: the service refuses a blank summary with its own message.
    actions_taken = forms.CharField(
        label=Grievance._meta.get_field("actions_taken").verbose_name,
        required=False,
        widget=forms.Textarea(attrs={"rows": 4, "cols": 30}),
    )
    response_way = forms.ChoiceField(
        label=_("way of answer"), choices=[("", "---------"), *ResponseWay.choices], required=False
    )
    field_order = ["actions_taken", "response_way", "note"]
    help_text = _("The summary of actions taken written here replaces the one saved on the case.")

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["actions_taken"].initial = self.grievance.actions_taken
        self.fields["response_way"].initial = self.grievance.response_way

    def service_arguments(self):
        return {
            "note": self.cleaned_data["note"],
            "actions_taken": self.cleaned_data["actions_taken"],
            "response_way": self.cleaned_data["response_way"] or self.grievance.response_way,
        }


TRANSITION_FORMS = {
    Action.ACKNOWLEDGE: (TransitionForm, services.grievance_acknowledge),
    Action.MARK_UNRELATED: (MarkUnrelatedForm, services.grievance_mark_unrelated),
    Action.ASSIGN: (AssignForm, services.grievance_assign),
    Action.ESCALATE: (EscalateForm, services.grievance_escalate),
    Action.RESOLVE: (ResolveForm, services.grievance_resolve),
    Action.REOPEN: (TransitionForm, services.grievance_reopen),
    Action.CLOSE: (TransitionForm, services.grievance_close),
}


def _form(action, grievance, data=None):
    form_class, _service = TRANSITION_FORMS[action]
    # The prefix keeps field ids unique on the page, where several forms have a note.
    return form_class(data, grievance=grievance, prefix=action.value)


def workflow_panel(grievance, user):
    """Describe the case's state and deadline and build a form for each transition the user may make now."""
    offered = []
    for action in workflow.allowed_actions(grievance, user):
        form = _form(action, grievance)
        if form.is_offered():
            url = reverse("admin:grievances_grievance_transition", args=[grievance.pk, action.value])
            offered.append({"action": action, "form": form, "url": url, "help": form.help_text})
    return {
        "state": workflow.state_of(grievance),
        "due_on": grievance.due_on,
        "is_overdue": grievance.is_overdue,  # annotated by the admin's queryset (selectors.grievance_list_for_user)
        "transitions": offered,
    }


@require_POST
def transition_view(request, object_id, action, *, model_admin):
    """Make one transition on a case through its service; go back to the case page with the outcome.

    A case the user may not see answers 404, as the change view does; lacking the
    right to make the transition at all is 403, as in the API; a state or input the
    service refuses changes nothing and comes back as an error message.
    """
    if action not in TRANSITION_FORMS:
        raise Http404
    action = Action(action)
    if not model_admin.has_view_or_change_permission(request):
        raise PermissionDenied
    grievance = model_admin.get_object(request, object_id)
    if grievance is None:
        raise Http404
    if not workflow.may_act(action, grievance, request.user):
        raise PermissionDenied
    for level, message in _make(action, grievance, _form(action, grievance, request.POST), request.user):
        model_admin.message_user(request, message, level)
    return redirect("admin:grievances_grievance_change", grievance.pk)


def _make(action, grievance, form, actor):
    """Check the form and call the transition's service; list the messages that tell how it went."""
    if not form.is_valid():
        return [
            (messages.ERROR, gettext("%(field)s: %(error)s") % {"field": form.fields[name].label, "error": error})
            for name, errors in form.errors.items()
            for error in errors
        ]
    _form_class, service = TRANSITION_FORMS[action]
    try:
        service(grievance=grievance, actor=actor, **form.service_arguments())
    except ApplicationError as error:
        return [(messages.ERROR, error.message)]
    done = gettext("Case %(number)s: “%(action)s” done.") % {"number": grievance.registered_no, "action": action.label}
    return [(messages.SUCCESS, done)]


def transition_urls(model_admin):
    """The URL of the transition view, under the case, behind the admin's sign-in and CSRF checks."""
    view = model_admin.admin_site.admin_view(partial(transition_view, model_admin=model_admin))
    return [path("<path:object_id>/transition/<str:action>/", view, name="grievances_grievance_transition")]
