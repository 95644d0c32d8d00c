"""Serving document files and writing the access log: every path uses these two helpers,
after the check in ``documents.permissions``."""

from django.http import FileResponse, Http404, HttpResponseRedirect
from django.utils.cache import patch_cache_control

from .models import AccessLog
from .permissions import is_restricted


def client_ip(request):
    return request.META.get("REMOTE_ADDR") or None


def log_access(request, document, path):
    """Write one access-log row when ``document`` is not public (one helper for every path)."""
    if not is_restricted(document):
        return None
    user = request.user if request.user.is_authenticated else None
    return AccessLog.objects.create(
        user=user, document=document, document_title=document.title[:255],
        access_level=document.access_level, path=path, ip=client_ip(request),
    )


def mark_private(response, document=None):
    """Restricted responses (or any, when ``document`` is None) must not be stored by shared caches."""
    if document is None or is_restricted(document):
        patch_cache_control(response, private=True, no_store=True)
    return response


def file_response(field, filename, content_type, attachment, document=None):
    """Stream ``field`` (a FieldFile in the private storage) after the permission check; the
    response is marked private unless ``document`` is public. A
    storage without local paths (S3) gets a redirect to a short-lived presigned URL only when
    the storage signs its URLs (querystring_auth); otherwise the file is streamed."""
    if not field:
        raise Http404
    try:
        field.path
        local = True
    except NotImplementedError:
        local = False
    if not local and getattr(field.storage, "querystring_auth", False):
        disposition = "attachment" if attachment else "inline"
        url = field.storage.url(field.name, parameters={"ResponseContentDisposition": f'{disposition}; filename="{filename}"'})
        response = HttpResponseRedirect(url)
    else:
        try:
            handle = field.open("rb")
        except FileNotFoundError as exc:
            raise Http404 from exc
        response = FileResponse(handle, as_attachment=attachment, filename=filename, content_type=content_type)
        response["Content-Security-Policy"] = "default-src 'none'"
        response["X-Content-Type-Options"] = "nosniff"
    return mark_private(response, document)
