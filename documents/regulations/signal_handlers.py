"""What a change of a regulation does elsewhere (connected in ``DocumentsConfig.ready``):

- a relation added or removed, or a revoking regulation published or unpublished → the revoked
  regulation's status is worked out again (``Regulation.apply_revocation_rule``);
- a regulation's status saved → the evidence that relies on its file is flagged stale when the
  regulation is tidak berlaku (the reason names the revoking regulation), and the flag is cleared
  when it is berlaku again.
"""

from django.db.models.signals import post_delete, post_save
from django.utils.translation import gettext as _
from wagtail.signals import published, unpublished

from .models import Regulation, RegulationRelation, RegulationStatus


def refresh_status(regulation_id):
    """Re-apply the revocation rule to one regulation and save it when its status changes."""
    regulation = Regulation.objects.filter(pk=regulation_id).first()
    if regulation is None:
        return
    before = (regulation.status, regulation.revoked_automatically)
    regulation.apply_revocation_rule()
    if (regulation.status, regulation.revoked_automatically) != before:
        regulation.save(update_fields=["status", "revoked_automatically"])


def stale_reason(regulation):
    revokers = list(regulation.revoking_regulations())
    if revokers:
        return _("Revoked by %(regulations)s") % {"regulations": "; ".join(r.title for r in revokers)}
    return _("%(regulation)s is no longer in force") % {"regulation": regulation.reference}


def sync_evidence_staleness(document_id):
    """THE rule for evidence and regulations: evidence whose document is the file of a regulation
    that is tidak berlaku is stale; otherwise it is not (re-activating clears the flag)."""
    from documents.models import Evidence

    if document_id is None:
        return
    evidence = Evidence.objects.filter(document_id=document_id)
    not_in_force = Regulation.objects.filter(file_id=document_id, status=RegulationStatus.NOT_IN_FORCE).first()
    if not_in_force is not None:
        reason = stale_reason(not_in_force)[:255]
        evidence.exclude(is_stale=True, stale_reason=reason).update(is_stale=True, stale_reason=reason)
    else:
        evidence.filter(is_stale=True).update(is_stale=False, stale_reason="")


def regulation_saved(sender, instance, update_fields=None, **kwargs):
    if update_fields is None or "status" in update_fields or "file" in update_fields:
        sync_evidence_staleness(instance.file_id)


def regulation_deleted(sender, instance, **kwargs):
    sync_evidence_staleness(instance.file_id)


def relation_changed(sender, instance, **kwargs):
    refresh_status(instance.target_id)


def revoker_published_or_unpublished(sender, instance, **kwargs):
    for target_id in instance.relations.values_list("target_id", flat=True):
        refresh_status(target_id)


def register_signal_handlers():
    post_save.connect(regulation_saved, sender=Regulation, dispatch_uid="regulation_saved")
    post_delete.connect(regulation_deleted, sender=Regulation, dispatch_uid="regulation_deleted")
    post_save.connect(relation_changed, sender=RegulationRelation, dispatch_uid="regulation_relation_saved")
    post_delete.connect(relation_changed, sender=RegulationRelation, dispatch_uid="regulation_relation_deleted")
    published.connect(revoker_published_or_unpublished, sender=Regulation, dispatch_uid="regulation_published")
    unpublished.connect(revoker_published_or_unpublished, sender=Regulation, dispatch_uid="regulation_unpublished")
