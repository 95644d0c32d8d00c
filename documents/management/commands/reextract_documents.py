"""Re-run extraction and OCR: ``reextract_documents [--status failed|ocr_unavailable|all] [--id ID ...]``."""

from django.core.management.base import BaseCommand
from django.utils.translation import gettext as _
from tqdm import tqdm
from wagtail.documents import get_document_model

from documents.ingest import enqueue
from documents.models import IngestionStatus

STATUSES = {
    "failed": [IngestionStatus.FAILED],
    "ocr_unavailable": [IngestionStatus.OCR_UNAVAILABLE],
    "unfinished": [IngestionStatus.FAILED, IngestionStatus.OCR_UNAVAILABLE, IngestionStatus.PENDING],
}


class Command(BaseCommand):
    help = "Re-run text extraction and OCR for documents (by default those that failed or waited for OCR)."

    def add_arguments(self, parser):
        parser.add_argument("--status", choices=[*STATUSES, "all"], default="unfinished",
                            help="which documents: failed, ocr_unavailable, all (default: failed, OCR unavailable and pending)")
        parser.add_argument("--id", type=int, action="append", default=[], dest="ids", metavar="ID", help="only this document (repeatable)")
        parser.add_argument("--no-progress", action="store_true")

    def handle(self, *args, status, ids, no_progress, verbosity, **options):
        documents = get_document_model().objects.order_by("pk")
        if ids:
            documents = documents.filter(pk__in=ids)
        elif status != "all":
            documents = documents.filter(ingestion_status__in=STATUSES[status])
        pks = list(documents.values_list("pk", flat=True))
        for pk in tqdm(pks, desc=_("Re-extracting"), unit="doc", disable=no_progress or verbosity == 0, file=self.stderr):
            enqueue(pk)
        counts = {}
        for value in get_document_model().objects.filter(pk__in=pks).values_list("ingestion_status", flat=True):
            counts[value] = counts.get(value, 0) + 1
        summary = ", ".join(f"{IngestionStatus(value).label}: {count}" for value, count in sorted(counts.items()))
        self.stdout.write(_("%(count)d document(s) queued for extraction. %(summary)s") % {"count": len(pks), "summary": summary})
