"""THE rule for who may read a document. Every path — pages, search (hits, snippets, facet
counts), the API, file and thumbnail serving, feeds, sitemaps, exports, the admin listing —
asks this module and nothing else.

- public: anyone;
- assessor: Sekretariat and Administrator; Asesor while an assessment period is open;
  the Kontributor OPD of the document's own OPD;
- internal: Sekretariat and Administrator; the Kontributor OPD of the document's own OPD.
"""

from django.db.models import Q
from django.utils import timezone

from kla import roles
from kla.models import AssessmentPeriod

from .models import AccessLevel


def assessor_window_open(day=None):
    day = day or timezone.localdate()
    return AssessmentPeriod.objects.open_on(day).exists()


def readable_levels(user):
    """The access levels ``user`` may read for documents of *any* OPD."""
    if roles.is_secretariat(user):
        return {AccessLevel.PUBLIC, AccessLevel.ASSESSOR, AccessLevel.INTERNAL}
    if roles.is_assessor(user) and assessor_window_open():
        return {AccessLevel.PUBLIC, AccessLevel.ASSESSOR}
    return {AccessLevel.PUBLIC}


def own_opd_id(user):
    """The OPD whose restricted documents ``user`` may read as their contributor, or None."""
    return roles.user_opd_id(user) if roles.is_contributor(user) else None


def document_access_q(user):
    """A Q over ``access_level`` and ``opd`` (both search FilterFields), usable with the ORM
    and inside a Wagtail search query."""
    q = Q(access_level__in=sorted(readable_levels(user)))
    opd_id = own_opd_id(user)
    if opd_id is not None:
        q |= Q(opd=opd_id)
    return q


def viewable_documents(user, queryset=None):
    from wagtail.documents import get_document_model

    if queryset is None:
        queryset = get_document_model().objects.all()
    return queryset.filter(document_access_q(user))


def can_view_document(user, document):
    if document.access_level in readable_levels(user):
        return True
    opd_id = own_opd_id(user)
    return opd_id is not None and document.opd_id == opd_id


def require_document_access(request, document):
    """Stop the request unless ``request.user`` may read ``document``: 404 for an anonymous
    visitor (existence is not revealed), 403 for a signed-in user without the right."""
    from django.core.exceptions import PermissionDenied
    from django.http import Http404

    if can_view_document(request.user, document):
        return
    if not request.user.is_authenticated:
        raise Http404
    raise PermissionDenied


def is_restricted(document):
    """Restricted documents are logged when read and never cached by shared caches."""
    return document.access_level != AccessLevel.PUBLIC
