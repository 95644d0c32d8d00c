"""A JSON list of strings that staff edit as plain text, one item per line."""

from django import forms
from django.db import models
from django.utils.translation import gettext_lazy as _


class LineListFormField(forms.CharField):
    """A textarea: one list item per line; blank lines are dropped."""

    widget = forms.Textarea(attrs={"rows": 5})

    def __init__(self, **kwargs):
        if not kwargs.get("help_text"):
            kwargs["help_text"] = _("One item per line.")
        kwargs.pop("encoder", None)
        kwargs.pop("decoder", None)
        kwargs.pop("max_length", None)
        super().__init__(**kwargs)

    def prepare_value(self, value):
        if isinstance(value, (list, tuple)):
            return "\n".join(str(item) for item in value)
        return value

    def to_python(self, value):
        if isinstance(value, (list, tuple)):
            return [str(item).strip() for item in value if str(item).strip()]
        return [line.strip() for line in (value or "").splitlines() if line.strip()]

    def validate(self, value):
        if self.required and not value:
            raise forms.ValidationError(self.error_messages["required"], code="required")

    def has_changed(self, initial, data):
        return self.to_python(initial) != self.to_python(data)


class StringListField(models.JSONField):
    """Stored as JSON (a list of strings); edited in forms as one item per line."""

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("default", list)
        kwargs.setdefault("blank", True)
        super().__init__(*args, **kwargs)

    def formfield(self, **kwargs):
        return models.Field.formfield(self, **{"form_class": LineListFormField, **kwargs})
