"""Document links inside rich text. Rich text is rendered without knowing the reader (and public
pages are cached for anonymous visitors), so a link to a non-public document keeps its text but
loses its address: the file's URL and name never appear on a page. Public documents link as usual."""

from django.utils.html import escape
from wagtail.documents.rich_text import DocumentLinkHandler

from .models import AccessLevel


class PermissionAwareDocumentLinkHandler(DocumentLinkHandler):
    @classmethod
    def expand_db_attributes_many(cls, attrs_list):
        return [
            '<a href="%s">' % escape(doc.url) if doc and doc.access_level == AccessLevel.PUBLIC else "<a>"
            for doc in cls.get_many(attrs_list)
        ]
