from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.permissions import register_permission_policy
from wagtail.snippets.models import register_snippet

from .admin_views import (
    AccessLogViewSet, EvidencePermissionPolicy, EvidenceViewSet, StaffOnlyReadPolicy, archive_document_permission_policy,
    completeness_admin,
)
from .models import AccessLog, ArchiveDocument, Evidence
from .regulations.admin import RegulationViewSet
from .views import check_wagtail_serve, user_may_see_matrix

try:  # the ingestion admin (upload many files, status), owned by the ingestion pipeline
    from . import ingest_hooks  # noqa: F401
except ImportError:
    pass

# Replaces the policy wagtail.documents registered: the admin listing, search, choosers and
# edit views only ever show documents that documents.permissions lets the user read. exact_class:
# wagtail_hooks may be loaded before wagtail.documents registers its own policy in ready().
register_permission_policy(ArchiveDocument, archive_document_permission_policy(), exact_class=True)
register_permission_policy(Evidence, EvidencePermissionPolicy(Evidence))
register_permission_policy(AccessLog, StaffOnlyReadPolicy(AccessLog))


register_snippet(RegulationViewSet)


@hooks.register("before_serve_document", order=100)
def check_document_access(document, request):
    return check_wagtail_serve(document, request)


@hooks.register("register_admin_viewset")
def register_evidence_viewset():
    return EvidenceViewSet("evidence")


@hooks.register("register_admin_viewset")
def register_access_log_viewset():
    return AccessLogViewSet("document_access_log")


@hooks.register("register_admin_urls")
def register_completeness_url():
    return [path("dokumen/kelengkapan/", completeness_admin, name="documents_completeness")]


class CompletenessMenuItem(MenuItem):
    def is_shown(self, request):
        return user_may_see_matrix(request.user)


@hooks.register("register_admin_menu_item")
def register_completeness_menu_item():
    return CompletenessMenuItem(_("Evidence completeness"), reverse("documents_completeness"), icon_name="table", order=305)


@hooks.register("register_rich_text_features", order=10)  # after wagtail.documents registers its own handler
def register_document_link_handler(features):
    from .rich_text import PermissionAwareDocumentLinkHandler

    features.register_link_type(PermissionAwareDocumentLinkHandler)
