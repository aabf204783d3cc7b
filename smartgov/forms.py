"""Form pieces shared by the public pages."""

from django import forms


class AccessibleFormMixin:
    """Tie each field's hint and error to it with aria-describedby, and mark invalid fields.

    Forms call describe_fields() at the end of their __init__ (for the hints of
    an empty form); full_clean() calls it again once errors are known.
    Templates give a field's hint the id `<describe_id>-hint` and its error
    `<describe_id>-error`.
    """

    def describe_id(self, name):
        """The prefix of the ids of a field's hint and error; the field name unless a form says otherwise."""
        return name

    def describe_fields(self):
        errors = self._errors or {}  # not self.errors: that would validate the form from __init__
        for name, field in self.fields.items():
            prefix = self.describe_id(name)
            ids = []
            if field.help_text:
                ids.append(f"{prefix}-hint")
            if name in errors:
                ids.append(f"{prefix}-error")
                field.widget.attrs["aria-invalid"] = "true"
            if ids:
                field.widget.attrs["aria-describedby"] = " ".join(ids)
        return self

    def full_clean(self):
        super().full_clean()
        self.describe_fields()

    def error_summary(self):
        """(anchor, message) pairs for the summary at the top, in the order of the fields."""
        items = [("", error) for error in self.non_field_errors()]
        for name in self.fields:
            for error in self.errors.get(name, []):
                items.append((self.anchor(name), error))
        return items

    def anchor(self, name):
        widget = self.fields[name].widget
        suffix = "_0" if isinstance(widget, forms.RadioSelect) else ""
        return f"id_{name}{suffix}"
