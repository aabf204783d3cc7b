"""The workflow panel of the admin case page: one small form per transition the user may make now.

Everything here is generated from the registry in workflow.py: which
transitions are offered (workflow.allowed_actions), the fields of each form
(the entry's inputs) and the service the view hands them to, which checks the
state and the actor again under a row lock. The bulk actions of the case list
(admin.py) use transition_make too, so every door says the same thing.
"""

from functools import partial

from django import forms
from django.contrib import messages
from django.contrib.admin.helpers import ActionForm
from django.core.exceptions import PermissionDenied
from django.forms.utils import ErrorDict
from django.http import Http404
from django.shortcuts import redirect
from django.urls import path, reverse
from django.utils.translation import gettext, ngettext
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_POST

from smartgov.exceptions import ApplicationError

from . import workflow
from .admin_filters import grievance_handlers


def form_field(item: workflow.Input, grievance):
    """The Django form field for one registry input, offering the values that fit this case."""
    common = {"label": item.label, "required": False, "help_text": item.help_text}
    if item.kind == "user":
        field = forms.ModelChoiceField(queryset=grievance_handlers(), empty_label=_("Nobody"), **common)
    elif item.kind == "choice":
        choices = item.choices(grievance)
        if not item.required:
            choices = [("", "---------"), *choices]
        field = forms.TypedChoiceField(choices=choices, coerce=item.coerce, **common)
        field.required = item.required
    elif item.kind == "record":
        field = forms.ModelChoiceField(queryset=item.queryset(), **common)
    elif item.kind == "date":
        field = forms.DateField(widget=forms.DateInput(attrs={"type": "date"}), **common)
    elif item.kind == "long_text":
        field = forms.CharField(widget=forms.Textarea(attrs={"rows": 4, "cols": 30}), **common)
    else:
        field = forms.CharField(max_length=item.max_length, **common)
    if item.language:
        field.widget.attrs["lang"] = item.language  # the box holds that language's copy (its label says which)
    if grievance is not None and item.initial is not None:
        field.initial = item.initial(grievance)
    return field


class TransitionForm(forms.Form):
    """The fields of one registered transition: its inputs, then an optional note.

    Typed text the service needs is optional here: the service refuses it blank
    with its own message, the same one the API and the bulk actions give.
    """

    def __init__(self, *args, transition, grievance, **kwargs):
        super().__init__(*args, **kwargs)
        self.transition = transition
        for item in transition.inputs:
            self.fields[item.name] = form_field(item, grievance)
        self.fields["note"] = forms.CharField(label=_("note"), required=False)

    def service_arguments(self):
        return dict(self.cleaned_data)


def _form(transition, grievance, data=None):
    # The prefix keeps field ids unique on the page, where several forms have a note.
    return TransitionForm(data, transition=transition, grievance=grievance, prefix=transition.name)


def workflow_panel(grievance, user, draft=None):
    """Describe the case's state and deadline and build a form for each transition the user may make now.

    `draft` (draft_pop) is a refused transition's typed values and why: that
    form is shown again filled in, with the reason next to its field, so
    nothing typed is lost.
    """
    offered = []
    for name in workflow.allowed_actions(grievance, user):
        transition = workflow.TRANSITIONS[name]
        if transition.offered(grievance):
            url = reverse("admin:grievances_grievance_transition", args=[grievance.pk, name])
            offered.append(
                {
                    "action": name,
                    "label": transition.label,
                    "form": _draft_form(transition, grievance, draft),
                    "url": url,
                    "help": transition.help_text,
                }
            )
    return {
        "state": workflow.state_of(grievance),
        "due_on": grievance.due_on,
        "is_overdue": grievance.is_overdue,  # annotated by the admin's queryset (selectors.grievance_list_for_user)
        "transitions": offered,
    }


def _draft_form(transition, grievance, draft):
    if not draft or draft.get("action") != transition.name:
        return _form(transition, grievance)
    form = _form(transition, grievance, draft["data"])
    form.is_valid()  # binds the typed values; the reasons are the ones kept, not checked again
    form._errors = ErrorDict()
    for field, message in draft["errors"]:
        form.add_error(field if field in form.fields else None, message)
    return form


@require_POST
def transition_view(request, object_id, action, *, model_admin):
    """Make one transition on a case through its service; go back to the case page with the outcome.

    A case the user may not see answers 404, as the change view does; lacking the
    right to make the transition at all is 403, as in the API; a state or input the
    service refuses changes nothing and comes back as an error message.
    """
    transition = workflow.staff_transition_get(action)
    if transition is None:
        raise Http404
    if not model_admin.has_view_or_change_permission(request):
        raise PermissionDenied
    grievance = model_admin.get_object(request, object_id)
    if grievance is None:
        raise Http404
    if not workflow.may_act(action, grievance, request.user):
        raise PermissionDenied
    form = _form(transition, grievance, request.POST)
    if not form.is_valid():
        errors = [(name, str(error)) for name, field_errors in form.errors.items() for error in field_errors]
        for name, error in errors:
            message = gettext("%(field)s: %(error)s") % {"field": form.fields[name].label, "error": error}
            model_admin.message_user(request, message, messages.ERROR)
        _draft_keep(request, grievance, transition, form, errors)
    else:
        refusal = _refused_field(transition, grievance, request.user, form.service_arguments())
        if refusal is None:
            model_admin.message_user(request, workflow.done_message(transition.name, grievance), messages.SUCCESS)
        else:  # what transition_make would say, and the typed values kept for the page
            message, field = refusal
            model_admin.message_user(request, message, messages.ERROR)
            _draft_keep(request, grievance, transition, form, [(field if field in form.fields else None, message)])
    return redirect("admin:grievances_grievance_change", grievance.pk)


def transition_make(transition, grievance, actor, arguments):
    """Call the transition's service; return the message level and text every admin door shows for the outcome."""
    refusal = _refused_field(transition, grievance, actor, arguments)
    if refusal is None:
        return messages.SUCCESS, workflow.done_message(transition.name, grievance)
    return messages.ERROR, refusal[0]


def _refused_field(transition, grievance, actor, arguments):
    """Make the transition; return None when done, else (message, the input it is about or "")."""
    try:
        transition.perform(grievance=grievance, actor=actor, **arguments)
    except ApplicationError as error:
        return error.message, error.field
    return None


# Where the case page finds what was typed in a refused transition's form (the staff session, for one page).
DRAFT_KEY = "grievances-transition-draft:{pk}"


def draft_pop(request, grievance):
    """Take back what was typed in a transition the case refused, to show it again with the reason."""
    return request.session.pop(DRAFT_KEY.format(pk=grievance.pk), None)


def _draft_keep(request, grievance, transition, form, errors):
    """Keep the typed values of a refused form and why, for the case page the browser is sent back to."""
    request.session[DRAFT_KEY.format(pk=grievance.pk)] = {
        "action": transition.name,
        "data": {key: value for key, value in request.POST.items() if key.startswith(f"{form.prefix}-")},
        "errors": errors,
    }


class GrievanceActionForm(ActionForm):
    """The case list's action bar: the note, then what the bulk transitions take besides the selected cases.

    Nothing is required here (the bar serves every action); a service refuses
    what its transition lacks, with the message the case page gives.
    """

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["note"] = forms.CharField(label=_("note"), required=False)
        for transition in bulk_transitions():
            for item in transition.inputs:
                if item.name in self.fields:
                    continue
                if item.kind == "user":
                    self.fields[item.name] = _person_or_nobody_field(item)
                    continue
                field = self.fields[item.name] = form_field(item, None)
                field.required = False
                if item.kind == "choice" and item.required:
                    # A required choice (the stage) has no blank on the case page; here it must not be preset.
                    field.choices = [("", "---------"), *field.choices]


# The bar's value for "Nobody", which on the list must be chosen: left at its blank start, the person box
# would otherwise take every selected case away from whoever has it.
NOBODY = "nobody"


def _person_or_nobody_field(item):
    """A person to choose for the selected cases, "Nobody" among them, starting on neither."""
    people = {str(user.pk): user for user in grievance_handlers()}
    choices = [("", "---------"), (NOBODY, _("Nobody")), *((pk, str(user)) for pk, user in people.items())]
    return forms.TypedChoiceField(
        label=item.label, choices=choices, coerce=people.get, empty_value=None, required=False
    )


def bulk_transitions():
    """The registered transitions offered as list actions: those that need nothing typed."""
    return [transition for transition in workflow.staff_transitions() if transition.bulk]


def bulk_actions(request):
    """The admin actions of the bulk transitions the user holds the permission for, in registry order."""
    return {
        transition.name: (partial(_bulk_run, transition=transition), transition.name, transition.label)
        for transition in bulk_transitions()
        if request.user.has_perm(transition.permission)
    }


def _bulk_run(model_admin, request, queryset, *, transition):
    """Make the transition on each selected case; say what the case page would have said, successes at once.

    Each refusal is its own message, as the service words it (it names the
    case). Several successes are one message naming the cases, so a page of
    fifty cases does not bring fifty lines.
    """
    form = GrievanceActionForm(request.POST)
    form.is_valid()
    wrong = [name for name in ("note", *(item.name for item in transition.inputs)) if name in form.errors]
    if wrong:
        # A choice that is no longer offered (a person deactivated since the page loaded) must not become "nobody".
        for name in wrong:
            for error in form.errors[name]:
                message = gettext("%(field)s: %(error)s") % {"field": form.fields[name].label, "error": error}
                model_admin.message_user(request, message, messages.ERROR)
        return
    # What the bar starts on blank for (a person, the stage) must be chosen, or nothing is done.
    unchosen = [
        item
        for item in transition.inputs
        if (item.kind == "user" or (item.kind == "choice" and item.required)) and not request.POST.get(item.name)
    ]
    for item in unchosen:
        wording = (
            gettext("%(field)s: choose a person, or “Nobody”.")
            if item.kind == "user"
            else gettext("%(field)s: choose one.")
        )
        model_admin.message_user(request, wording % {"field": form.fields[item.name].label}, messages.ERROR)
    if unchosen:
        return
    values = form.cleaned_data
    arguments = {item.name: values.get(item.name) for item in transition.inputs}
    done = []
    for grievance in queryset:
        if not workflow.may_act(transition.name, grievance, request.user):
            level, message = messages.ERROR, workflow.refusal_message(transition.name, grievance)
        else:
            level, message = transition_make(transition, grievance, request.user, {**arguments, "note": values["note"]})
        if level == messages.SUCCESS:
            done.append((grievance.registered_no, message))
        else:
            model_admin.message_user(request, message, level)  # the service's refusal names the case
    if len(done) == 1:
        model_admin.message_user(request, done[0][1], messages.SUCCESS)
    elif done:
        numbers = [number for number, _message in done]
        model_admin.message_user(request, bulk_done_message(transition, numbers), messages.SUCCESS)


def bulk_done_message(transition, numbers) -> str:
    """Say once that a transition was made on several cases, naming them (one message, not one per case)."""
    return ngettext(
        "“%(action)s” done on %(count)s case: %(numbers)s.",
        "“%(action)s” done on %(count)s cases: %(numbers)s.",
        len(numbers),
    ) % {"action": transition.label, "count": len(numbers), "numbers": ", ".join(numbers)}


def transition_urls(model_admin):
    """The URL of the transition view, under the case, behind the admin's sign-in and CSRF checks."""
    view = model_admin.admin_site.admin_view(partial(transition_view, model_admin=model_admin))
    return [path("<path:object_id>/transition/<str:action>/", view, name="grievances_grievance_transition")]
