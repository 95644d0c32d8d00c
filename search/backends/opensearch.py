"""OpenSearch 2.x (client opensearch-py 3.x) with the outage queue.

Built on modelsearch's ``opensearch3`` module, which is named after the opensearch-py 3.x
client, not the server: the ``opensearch2`` module calls ``es.indices.create(name, settings)``
positionally, and opensearch-py 3.2 (installed) takes keyword arguments only — measured:
``TypeError: IndicesClient.create() takes 1 positional argument but 3 positional arguments
(and 2 keyword-only arguments) were given``. The opensearch3 module talks to an OpenSearch
2.19 node fine (tests/backends/test_parity.py). Long text fields get term vectors for the
snippets (search/backends/mapping.py)."""

from modelsearch.backends.opensearch3 import OpenSearch3Mapping, OpenSearch3SearchBackend

from .mapping import LongTextMappingMixin
from .queue import QueueingBackendMixin


class Mapping(LongTextMappingMixin, OpenSearch3Mapping):
    pass


class SearchBackend(QueueingBackendMixin, OpenSearch3SearchBackend):
    mapping_class = Mapping
