"""Search fields the search service adds to indexed models."""

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
        written = " ".join(str(getattr(obj, name, "") or "") for name in self.sources)
        return " ".join(dict.fromkeys(text.reference_tokens(written)))

    def get_type(self, cls):
        return "TextField"

    def get_attname(self, cls):
        return self.field_name

    def get_definition_model(self, cls):
        return cls
