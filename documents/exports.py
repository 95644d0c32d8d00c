"""Export bundles: a ZIP of the evidence files of an indicator or a cluster for one period,
with index.csv and index.html (title, kind, indicator, year, OPD, SHA-256), built by a
background task into the private storage.

Choices: a bundle holds the verified and submitted evidence that counts for the period (the
same evidence the completeness matrix counts), limited to the documents the *requester* may
read when it is built; it is downloadable by the requester (and the Sekretariat) only while
they may still read every file in it (checked again at download time)."""

import csv
import hashlib
import io
import tempfile
import zipfile

from django.contrib.auth import get_user_model
from django.core.files import File
from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.translation import gettext as _
from django_tasks import task

from .models import ArchiveDocument, Evidence, ExportBundle, ExportStatus, VerificationState
from .permissions import can_view_document, viewable_documents

INDEX_COLUMNS = ["file", "title", "kind", "indicator", "year", "opd", "sha256"]


def bundle_evidence(user, bundle):
    readable = viewable_documents(user, ArchiveDocument.objects.all()).values("pk")
    return (
        Evidence.objects.counting_for(bundle.period)
        .filter(indicator__in=bundle.scope_indicators(), document__in=readable,
                state__in=[VerificationState.VERIFIED, VerificationState.SUBMITTED])
        .select_related("document__opd", "indicator", "period")
        .order_by("indicator__number", "document__title", "pk")
    )


def user_may_download_bundle(user, bundle):
    return all(can_view_document(user, document) for document in bundle.documents.all())


def request_export_bundle(user, period, indicator=None, cluster=None):
    bundle = ExportBundle.objects.create(requested_by=user, period=period, indicator=indicator, cluster=cluster)
    build_export_bundle.enqueue(bundle.pk)
    bundle.refresh_from_db()
    return bundle


def _copy_with_checksum(document, archive, arcname):
    digest = hashlib.sha256()
    with document.file.open("rb") as source, archive.open(arcname, "w", force_zip64=True) as target:
        for chunk in iter(lambda: source.read(1024 * 1024), b""):
            digest.update(chunk)
            target.write(chunk)
    return digest.hexdigest()


def write_bundle(bundle, evidence, target):
    """Write the ZIP to the binary file ``target``; returns the documents it holds."""
    rows, files = [], {}
    with zipfile.ZipFile(target, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        for item in evidence:
            document = item.document
            if document.pk not in files:
                arcname = f"berkas/{document.pk}-{document.filename}"
                files[document.pk] = (document, arcname, _copy_with_checksum(document, archive, arcname))
            arcname, checksum = files[document.pk][1:]
            rows.append({
                "file": arcname, "title": document.title, "kind": document.get_kind_display(),
                "indicator": str(item.indicator), "year": item.period.year,
                "opd": str(document.opd) if document.opd_id else "", "sha256": checksum,
            })
        text = io.StringIO()
        writer = csv.DictWriter(text, fieldnames=INDEX_COLUMNS)
        writer.writeheader()
        writer.writerows(rows)
        archive.writestr("index.csv", text.getvalue())
        archive.writestr("index.html", render_to_string("documents/export_index.html", {"bundle": bundle, "rows": rows}))
    return [entry[0] for entry in files.values()]


@task()
def build_export_bundle(bundle_id):
    bundle = ExportBundle.objects.select_related("requested_by", "indicator", "cluster", "period").get(pk=bundle_id)
    bundle.status = ExportStatus.RUNNING
    bundle.save(update_fields=["status"])
    user = get_user_model().objects.get(pk=bundle.requested_by_id)
    try:
        with tempfile.TemporaryFile() as target:
            documents = write_bundle(bundle, bundle_evidence(user, bundle), target)
            target.seek(0)
            bundle.file.save(bundle.filename, File(target), save=False)
        bundle.documents.set(documents)
        bundle.status = ExportStatus.DONE
    except Exception as exc:  # the bundle says why instead of staying "building" forever
        bundle.status = ExportStatus.FAILED
        bundle.error = _("The bundle could not be built: %(error)s") % {"error": exc}
    bundle.finished = timezone.now()
    bundle.save(update_fields=["status", "error", "file", "finished"])
    return bundle.status
