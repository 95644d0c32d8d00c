"""Full-text matching for the search service on PostgreSQL (and any database other than
SQLite): Wagtail's query compiler with the ``indonesian`` configuration."""

from . import sources


class CompilerMatcher:
    """Any other database (PostgreSQL's ``indonesian`` configuration): Wagtail's compiler."""

    cheap_restrict = False

    def __init__(self, backend, compiler):
        self.backend, self.compiler = backend, compiler

    def _search(self, queryset, stop=None, score=False):
        compiler = type(self.compiler)(queryset, self.compiler.query, order_by_relevance=score)
        return compiler.search(compiler.get_config(self.backend), 0 if stop else None, stop, score_field="_score" if score else None)

    def restrict(self, queryset):
        return queryset.filter(pk__in=self._search(self.compiler.queryset).values("pk"))

    def top(self, queryset, kind, n):
        rows = self._search(queryset, n, score=True).values_list("pk", "_score")
        return _with_days(kind, [(pk, score or 0.0) for pk, score in rows])


def _with_days(kind, pairs):
    source = sources.get(kind)
    days = dict(source.model().objects.filter(pk__in=[pk for pk, _ in pairs]).values_list("pk", source.date_field))
    return [(score, days.get(pk).date() if hasattr(days.get(pk), "date") else days.get(pk), kind, pk) for pk, score in pairs]
