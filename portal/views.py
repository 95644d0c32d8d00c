from django.conf import settings
from django.http import HttpResponse
from django.views.static import serve


def healthz(request):
    """Liveness probe for the load balancer (and the trivial baseline of bench/pages.py)."""
    return HttpResponse("ok", content_type="text/plain")


def public_media(request, path):
    """Images and their renditions from MEDIA_ROOT (read per request, so it follows the setting).
    Documents are never here: they live in the private storage."""
    return serve(request, path, document_root=settings.MEDIA_ROOT)
