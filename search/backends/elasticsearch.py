"""Elasticsearch 9 (client elasticsearch 9.x) with the outage queue; long text fields get term
vectors for the snippets (search/backends/mapping.py)."""

from modelsearch.backends.elasticsearch9 import Elasticsearch9Mapping, Elasticsearch9SearchBackend

from .mapping import LongTextMappingMixin
from .queue import QueueingBackendMixin


class Mapping(LongTextMappingMixin, Elasticsearch9Mapping):
    pass


class SearchBackend(QueueingBackendMixin, Elasticsearch9SearchBackend):
    mapping_class = Mapping
