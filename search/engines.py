"""OpenSearch / Elasticsearch for the search service, and the engine's health.

The engine finds the matching rows and their scores through Wagtail's search API (the
permission Q is a filter inside the engine query); facets, totals and snippets are then
computed exactly as for the database backend (search.service.tally), so every backend
gives the same counts. When the engine does not answer, EngineUnavailable makes the
service answer from the database "fallback" backend.
"""

import time

from django.conf import settings

from . import query as query_module
from .service import DatabaseEngine, EngineUnavailable

MAX_ENGINE_HITS = 10_000
_health = {"checked": 0.0, "up": True}


class NativeEngine(DatabaseEngine):
    name = settings.SEARCH_BACKEND

    def __init__(self):
        super().__init__("default")

    def matches(self, model, queryset, tree):
        if tree is None:
            return None, None
        try:
            results = queryset.search(query_module.to_wagtail(tree), backend="default").annotate_score("_score")
            scores = {obj.pk: obj._score or 0.0 for obj in results[:MAX_ENGINE_HITS]}
        except Exception as exc:  # connection refused, timeout, 5xx
            if _is_connection_error(exc):
                mark_down()
                raise EngineUnavailable(str(exc)) from exc
            raise
        mark_up()
        return scores, queryset.filter(pk__in=list(scores)).values("pk")


def _is_connection_error(exc):
    names = {c.__name__ for c in type(exc).__mro__}
    return bool(names & {"ConnectionError", "ConnectionTimeout", "TransportError", "ConnectionRefusedError", "ApiError"})


def mark_down():
    _health.update(checked=time.monotonic(), up=False)


def mark_up():
    was_down = not _health["up"]
    _health.update(checked=time.monotonic(), up=True)
    if was_down:
        from .tasks import replay_search_queue

        replay_search_queue.enqueue()


def engine_up():
    from wagtail.search.backends import get_search_backend

    if time.monotonic() - _health["checked"] < 10:
        return _health["up"]
    try:
        up = bool(get_search_backend("default").es.ping())
    except Exception:
        up = False
    (mark_up if up else mark_down)()
    return up


def engine_status():
    """None without an external engine; else (answers?, number of queued changes)."""
    if settings.SEARCH_BACKEND not in ("opensearch", "elasticsearch"):
        return None
    from .models import PendingIndexOperation

    return engine_up(), PendingIndexOperation.objects.count()
