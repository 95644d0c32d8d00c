"""The admin document form (``WAGTAILDOCS_DOCUMENT_FORM_BASE``): used by Wagtail's add and edit views
and by the multiple uploader, so every admin upload goes through the same validation and pipeline."""

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from wagtail.documents.forms import BaseDocumentForm

from .ingest import duplicate_message, find_duplicate, mark_for_ingestion
from .models import AccessLevel, IngestionStatus
from .validation import validate_file

# The multiple uploader posts only the title and the collection of each file: these fields then get
# their defaults, with access "internal" until staff tag the batch (see ingest_hooks.SetMetadataBulkAction).
BATCH_DEFAULTS = {"kind": None, "language": None, "access_level": AccessLevel.INTERNAL}


def status_text(document):
    """The current status (read afresh: the task updates the row, not this instance) and its reason."""
    status, error = type(document).objects.filter(pk=document.pk).values_list("ingestion_status", "ingestion_error").first()
    text = str(IngestionStatus(status).label)
    return f"{text} — {error}" if error else text


class DocumentForm(BaseDocumentForm):
    ingestion = forms.CharField(
        label=_("Ingestion status"), required=False, disabled=True,
        help_text=_("Text extraction, OCR and thumbnail run in the background after an upload."),
    )

    def __init__(self, data=None, files=None, *args, **kwargs):
        if data is not None and "kind" not in data and "title" in data and len(data) <= 3:
            # The first request of the multiple uploader (title and collection only).
            data = data.copy()
            model_fields = self._meta.model._meta
            for name, value in BATCH_DEFAULTS.items():
                data[name] = value if value is not None else model_fields.get_field(name).get_default()
        super().__init__(data, files, *args, **kwargs)
        self.checked_file = None
        if self.instance.pk:
            self.fields["ingestion"].initial = status_text(self.instance)
        else:
            del self.fields["ingestion"]

    def clean_file(self):
        uploaded = self.cleaned_data.get("file")
        if uploaded and "file" in self.changed_data:
            self.checked_file = validate_file(uploaded, uploaded.name)
            duplicate = find_duplicate(self.checked_file.sha256, exclude_pk=self.instance.pk)
            if duplicate is not None:
                raise ValidationError(duplicate_message(duplicate), code="duplicate")
        return uploaded

    def save(self, commit=True):
        if self.checked_file is not None:
            mark_for_ingestion(self.instance, self.checked_file)
        return super().save(commit=commit)
