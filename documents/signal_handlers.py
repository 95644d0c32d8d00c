"""Signal handlers of the documents app (connected in ``DocumentsConfig.ready``)."""

from django.db.models.signals import m2m_changed

from .models import AccessLevel, ArchiveDocument, Kind

# Klaster V: Perlindungan Khusus (special protection): its evidence is about children at risk.
PROTECTED_CLUSTER_CODE = "V"


def apply_cluster_v_default(sender, instance, action, pk_set, **kwargs):
    """THE Klaster V default, in one place: when an indicator of Klaster V is *added* to a
    document of kind evidence (bukti dukung) whose level is still public, the level becomes
    assessor. The rule fires only when such an indicator is newly tagged, so a Sekretariat who
    then deliberately sets the level back to public is not overruled on later saves. Other kinds
    (regulations, reports, ...) keep the level they were given."""
    if action != "post_add" or not pk_set or not isinstance(instance, ArchiveDocument):
        return
    if instance.kind != Kind.EVIDENCE or instance.access_level != AccessLevel.PUBLIC:
        return
    from kla.models import Indicator

    if Indicator.objects.filter(pk__in=pk_set, cluster__code=PROTECTED_CLUSTER_CODE).exists():
        instance.access_level = AccessLevel.ASSESSOR
        # save(), not update(): the search index must see the new level too.
        instance.save(update_fields=["access_level"])


def register_signal_handlers():
    m2m_changed.connect(apply_cluster_v_default, sender=ArchiveDocument.indicators.through, dispatch_uid="documents_cluster_v_default")
