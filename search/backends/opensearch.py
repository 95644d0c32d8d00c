"""OpenSearch 2.x (client opensearch-py 3.x) with the outage queue."""

from modelsearch.backends.opensearch3 import OpenSearch3SearchBackend

from .queue import QueueingBackendMixin


class SearchBackend(QueueingBackendMixin, OpenSearch3SearchBackend):
    pass
