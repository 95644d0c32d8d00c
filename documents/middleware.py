"""Access log for the Wagtail admin: opening a restricted document's edit page is a read of it
(the page shows its metadata and links to the file), logged like every other path."""

from .access import log_access
from .models import AccessPath, ArchiveDocument

ADMIN_DOCUMENT_VIEWS = {"wagtaildocs:edit"}


class AdminDocumentAccessLogMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        match = request.resolver_match
        if request.method == "GET" and response.status_code == 200 and match and match.view_name in ADMIN_DOCUMENT_VIEWS:
            document = ArchiveDocument.objects.filter(pk=match.kwargs.get("document_id")).first()
            if document is not None:
                log_access(request, document, AccessPath.ADMIN)
        return response
