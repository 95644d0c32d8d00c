"""Rebuild every search index with a progress bar. On OpenSearch/Elasticsearch the rebuild
goes into a new index and the alias is switched when it is complete (ATOMIC_REBUILD), so
search keeps answering from the old index meanwhile. Clears the outage queue on success."""

from django.core.management.base import BaseCommand
from modelsearch.index import get_indexed_models
from modelsearch.management.commands.rebuild_modelsearch_index import group_models_by_index
from tqdm import tqdm
from wagtail.search.backends import get_search_backends_with_name

from search.models import PendingIndexOperation

CHUNK = 500


class Command(BaseCommand):
    help = "Rebuild the search indexes (atomically on OpenSearch/Elasticsearch), with a progress bar."

    def add_arguments(self, parser):
        parser.add_argument("--backend", help="Only this WAGTAILSEARCH_BACKENDS entry")

    def handle(self, *args, backend=None, **options):
        for name, search_backend in get_search_backends_with_name():
            if backend and name != backend:
                continue
            for index, models in group_models_by_index(search_backend, get_indexed_models()).items():
                rebuilder = search_backend.rebuilder_class(index)
                index = rebuilder.start()
                for model in models:
                    index.add_model(model)
                for model in models:
                    queryset = model.get_indexed_objects().order_by("pk")
                    with tqdm(total=queryset.count(), desc=f"{name}: {model._meta.label}", unit="obj", disable=options["verbosity"] == 0) as bar:
                        chunk = []
                        for obj in queryset.iterator(chunk_size=CHUNK):
                            chunk.append(obj)
                            if len(chunk) == CHUNK:
                                index.add_items(model, chunk)
                                bar.update(len(chunk))
                                chunk = []
                        if chunk:
                            index.add_items(model, chunk)
                            bar.update(len(chunk))
                rebuilder.finish()
            PendingIndexOperation.objects.filter(backend=name).delete()
        self.stdout.write("search indexes rebuilt")
