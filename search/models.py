import time

from django.db import connection, models
from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver
from django.utils.translation import gettext_lazy as _


class Synonym(models.Model):
    """A group of terms that mean the same, e.g. "Perbup, Peraturan Bupati". Searching any of
    them also searches the others."""

    terms = models.CharField(
        _("terms"), max_length=500, unique=True,
        help_text=_("Equivalent terms separated by commas, e.g. Perbup, Peraturan Bupati"),
    )

    class Meta:
        ordering = ["terms"]
        verbose_name = _("synonym")
        verbose_name_plural = _("synonyms")

    def __str__(self):
        return self.terms

    @property
    def term_list(self):
        return [t.strip() for t in self.terms.split(",") if t.strip()]

    @classmethod
    def groups(cls):
        """Every group's terms, read once per process (at most ``CACHE_SECONDS`` old, so that the
        other processes see a staff edit too; the process that saves or deletes one forgets it at
        once). Not cached inside a transaction, which could still be rolled back."""
        cached = _synonym_cache.get("groups")
        if cached is not None and time.monotonic() - _synonym_cache["at"] < cls.CACHE_SECONDS:
            return cached
        groups = [s.term_list for s in cls.objects.all()]
        if _cacheable():
            _synonym_cache.update(groups=groups, at=time.monotonic())
        return groups

    CACHE_SECONDS = 60


_synonym_cache = {}


def _cacheable():
    return not connection.in_atomic_block


@receiver([post_save, post_delete], sender=Synonym, dispatch_uid="search-synonym-cache")
def forget_synonyms(**kwargs):
    _synonym_cache.clear()


class QueryStat(models.Model):
    """How often a query was searched, and how often it found nothing (for staff)."""

    query = models.CharField(_("query"), max_length=255, unique=True)
    hits = models.PositiveIntegerField(_("times searched"), default=0)
    zero_results = models.PositiveIntegerField(_("times without results"), default=0)
    last_results = models.PositiveIntegerField(_("results the last time"), default=0)
    last_searched_at = models.DateTimeField(_("last searched"), auto_now=True)

    class Meta:
        ordering = ["-hits"]
        verbose_name = _("search query")
        verbose_name_plural = _("search queries")

    def __str__(self):
        return self.query

    @classmethod
    def record(cls, query, count):
        query = " ".join(query.lower().split())[:255]
        if not query:
            return
        stat, _created = cls.objects.get_or_create(query=query)
        cls.objects.filter(pk=stat.pk).update(
            hits=models.F("hits") + 1,
            zero_results=models.F("zero_results") + (0 if count else 1),
            last_results=count,
        )


class PendingIndexOperation(models.Model):
    """An index change the search engine did not receive (it was down). Replayed by
    ``manage.py replay_search_queue`` (and the replay task) once the engine answers again."""

    class Action(models.TextChoices):
        UPDATE = "update", _("Add or update")
        DELETE = "delete", _("Delete")

    backend = models.CharField(_("search backend"), max_length=50)
    model = models.CharField(_("model"), max_length=100)  # app_label.ModelName
    object_id = models.CharField(_("object id"), max_length=64)
    action = models.CharField(_("action"), max_length=10, choices=Action.choices)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)

    class Meta:
        ordering = ["id"]
        verbose_name = _("pending index operation")
        verbose_name_plural = _("pending index operations")

    def __str__(self):
        return f"{self.action} {self.model}:{self.object_id}"
