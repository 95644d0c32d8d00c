"""Document links inside rich text. Rich text is rendered without knowing the reader (and public
pages are cached for anonymous visitors), so a link keeps its address only when anyone may read
the document (the one rule, documents.permissions); otherwise it keeps its text and loses the
address: the file's URL and name never appear on a page."""

from django.contrib.auth.models import AnonymousUser
from django.utils.html import escape
from wagtail.documents.rich_text import DocumentLinkHandler

from .permissions import can_view_document


class PermissionAwareDocumentLinkHandler(DocumentLinkHandler):
    @classmethod
    def expand_db_attributes_many(cls, attrs_list):
        anyone = AnonymousUser()
        return [
            '<a href="%s">' % escape(doc.url) if doc and can_view_document(anyone, doc) else "<a>"
            for doc in cls.get_many(attrs_list)
        ]
