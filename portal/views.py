from django.http import HttpResponse


def healthz(request):
    """Liveness probe for the load balancer (and the trivial baseline of bench/pages.py)."""
    return HttpResponse("ok", content_type="text/plain")
