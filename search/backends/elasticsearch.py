"""Elasticsearch 9 (client elasticsearch 9.x) with the outage queue."""

from modelsearch.backends.elasticsearch9 import Elasticsearch9SearchBackend

from .queue import QueueingBackendMixin


class SearchBackend(QueueingBackendMixin, Elasticsearch9SearchBackend):
    pass
