"""Wagtail admin hooks for ingestion (imported by ``documents/wagtail_hooks.py``).

- "Tag" many documents at once: after a batch upload in the multiple uploader, staff select the
  documents in the listing and give them a kind, indicators, a year, an OPD and an access level
  together (the uploader itself stores a batch as "internal" until then).
- The ingestion status and the failure reason are shown on each document's edit form
  (``documents.forms.DocumentForm``), also right after an upload in the multiple uploader.
"""

from django import forms
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from wagtail import hooks
from wagtail.documents.views.bulk_actions.document_bulk_action import DocumentBulkAction
from wagtail.search import index

from kla.models import OPD, Indicator

from .models import AccessLevel, Kind

UNCHANGED = [("", _("(unchanged)"))]


class SetMetadataForm(forms.Form):
    kind = forms.ChoiceField(label=_("document kind"), choices=UNCHANGED + Kind.choices, required=False)
    indicators = forms.ModelMultipleChoiceField(label=_("add KLA indicators"), queryset=Indicator.objects.all(), required=False)
    year = forms.IntegerField(label=_("add assessment year"), min_value=2000, max_value=2100, required=False)
    opd = forms.ModelChoiceField(label=_("responsible OPD"), queryset=OPD.objects.all(), required=False, empty_label=_("(unchanged)"))
    access_level = forms.ChoiceField(label=_("access level"), choices=UNCHANGED + AccessLevel.choices, required=False)


def apply_metadata(document, kind="", indicators=(), year=None, opd=None, access_level=""):
    """Give ``document`` the batch values; empty values leave it unchanged."""
    changed = []
    if kind:
        document.kind = kind
        changed.append("kind")
    if opd is not None:
        document.opd = opd
        changed.append("opd")
    if access_level:
        document.access_level = access_level
        changed.append("access_level")
    if year and year not in document.years:
        document.years = sorted([*document.years, year])
        changed.append("years")
    if changed:
        document.save(update_fields=changed)
    if indicators:
        document.indicators.add(*indicators)
    index.insert_or_update_object(document)


@hooks.register("register_bulk_action")
class SetMetadataBulkAction(DocumentBulkAction):
    display_name = _("Tag together")
    action_type = "set_metadata"
    aria_label = _("Give the selected documents a kind, indicators, a year, an OPD and an access level")
    template_name = "documents/admin/confirm_bulk_set_metadata.html"
    action_priority = 15
    form_class = SetMetadataForm

    def check_perm(self, document):
        return self.permission_policy.user_has_permission_for_instance(self.request.user, "change", document)

    def get_execution_context(self):
        return dict(self.cleaned_form.cleaned_data)

    @classmethod
    def execute_action(cls, objects, **values):
        for document in objects:
            apply_metadata(document, **values)
        return len(objects), 0

    def get_success_message(self, num_parent_objects, num_child_objects):
        return ngettext(
            "%(count)d document has been tagged",
            "%(count)d documents have been tagged",
            num_parent_objects,
        ) % {"count": num_parent_objects}
