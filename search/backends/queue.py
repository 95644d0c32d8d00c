"""Index changes an external engine missed while it was down are kept in
PendingIndexOperation and replayed (``manage.py replay_search_queue`` or the task) when it
answers again. The database "fallback" backend is written to as usual meanwhile."""

import logging

logger = logging.getLogger(__name__)


def _remember(obj, action):
    from ..models import PendingIndexOperation

    PendingIndexOperation.objects.create(
        backend="default", model=obj._meta.label, object_id=str(obj.pk), action=action
    )


class QueueingBackendMixin:
    def add(self, obj):
        try:
            super().add(obj)
        except Exception:
            _remember(obj, "update")
            raise

    def add_bulk(self, model, obj_list):
        try:
            super().add_bulk(model, obj_list)
        except Exception:
            for obj in obj_list:
                _remember(obj, "update")
            raise

    def delete(self, obj):
        try:
            super().delete(obj)
        except Exception:
            _remember(obj, "delete")
            raise


def replay(backend_name="default"):
    """Send the queued changes to the engine (the current state of each object, or its
    deletion). Returns (sent, left); stops at the first failure (which queues it again)."""
    from django.apps import apps
    from modelsearch.index import get_indexed_instance
    from wagtail.search.backends import get_search_backend

    from ..models import PendingIndexOperation

    backend = get_search_backend(backend_name)
    sent = 0
    ops = list(PendingIndexOperation.objects.filter(backend=backend_name))
    latest = {}
    for op in ops:
        latest[(op.model, op.object_id)] = op
    for (label, object_id), op in latest.items():
        model = apps.get_model(label)
        obj = model._default_manager.filter(pk=object_id).first()
        try:
            if obj is not None:
                indexed = get_indexed_instance(obj)
                if indexed is not None:
                    backend.add(indexed)
            else:
                backend.delete(model(pk=object_id))
        except Exception:
            logger.warning("Search engine still unavailable; %s change(s) kept", len(latest) - sent)
            break
        PendingIndexOperation.objects.filter(backend=backend_name, model=label, object_id=object_id, id__lte=op.id).delete()
        sent += 1
    return sent, PendingIndexOperation.objects.filter(backend=backend_name).count()
