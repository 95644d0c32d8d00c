"""Search fields the search service adds to indexed models."""

from django.core.exceptions import FieldDoesNotExist
from wagtail.search import index

from . import text


class RegulationReferences(index.SearchField):
    """The canonical tokens (``jdihperbup5t2024``) of every regulation reference written in
    the ``sources`` fields, so that "Perbup No. 5 Tahun 2024", "perbup 5/2024" and "Peraturan
    Bupati Nomor 5 Tahun 2024" find each other on every backend (the query side replaces a
    reference with the same token, see search.query)."""

    def __init__(self, *sources):
        super().__init__("regulation_references")
        self.sources = sources

    def get_value(self, obj):
        written = " ".join(self._text(obj, name) for name in self.sources)
        return " ".join(dict.fromkeys(text.reference_tokens(written)))

    @staticmethod
    def _text(obj, name):
        """The text of one field: what the field itself gives to search when it can (a
        StreamField's or RichTextField's searchable content, not its rendered HTML)."""
        value = getattr(obj, name, "") or ""
        try:
            model_field = obj._meta.get_field(name)
        except FieldDoesNotExist:
            model_field = None
        if hasattr(model_field, "get_searchable_content"):
            return " ".join(str(part) for part in model_field.get_searchable_content(value))
        return str(value)

    def get_type(self, cls):
        return "TextField"

    def get_attname(self, cls):
        return self.field_name

    def get_definition_model(self, cls):
        return cls
