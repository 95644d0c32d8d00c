from django.apps import AppConfig
from django.db.models.signals import m2m_changed


def reindex_after_indicator_change(sender, instance, action, reverse, pk_set, **kwargs):
    """A document's indicators are saved after the document (ModelForm.save_m2m): index it again,
    so that an engine's indicator and cluster facets and filters see the change."""
    if action not in ("post_add", "post_remove", "post_clear"):
        return
    from wagtail.documents import get_document_model
    from wagtail.search.index import insert_or_update_object

    documents = get_document_model().objects.filter(pk__in=pk_set or []) if reverse else [instance]
    for document in documents:
        insert_or_update_object(document)


def expose_regulation_references():
    """Each model with a search.fields.RegulationReferences field gets the attribute it names
    (the tokens), as for any other search field: the value can be read, and modelsearch's check
    that every search field exists (modelsearch.W004) is satisfied."""
    from wagtail.search.index import get_indexed_models

    from .fields import RegulationReferences

    for model in get_indexed_models():
        for field in model.get_search_fields():
            if isinstance(field, RegulationReferences) and not hasattr(model, field.field_name):
                setattr(model, field.field_name, property(field.get_value))


class SearchConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "search"

    def ready(self):
        from wagtail.documents import get_document_model

        expose_regulation_references()
        m2m_changed.connect(reindex_after_indicator_change, sender=get_document_model().indicators.through, dispatch_uid="search-indicators")
