"""``check_documents``: files missing from storage and SHA-256 mismatches; exits non-zero when it finds any."""

from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _
from tqdm import tqdm
from wagtail.documents import get_document_model

from documents.validation import sha256_of


class Command(BaseCommand):
    help = "Check that every document's file is in storage and matches its SHA-256 checksum."

    def add_arguments(self, parser):
        parser.add_argument("--no-progress", action="store_true")

    def handle(self, *args, no_progress, verbosity, **options):
        documents = get_document_model().objects.order_by("pk")
        problems = []
        for document in tqdm(documents.iterator(), total=documents.count(), desc=_("Checking"), unit="doc",
                             disable=no_progress or verbosity == 0, file=self.stderr):
            name = document.file.name
            if not name or not document.file.storage.exists(name):
                problems.append(_("Document %(id)d “%(title)s”: the file %(name)s is missing from storage.") % {"id": document.pk, "title": document.title, "name": name})
                continue
            if document.sha256:
                with document.file.storage.open(name, "rb") as handle:
                    actual = sha256_of(handle)
                if actual != document.sha256:
                    problems.append(_("Document %(id)d “%(title)s”: checksum mismatch (expected %(expected)s, found %(actual)s).")
                                    % {"id": document.pk, "title": document.title, "expected": document.sha256, "actual": actual})
        for problem in problems:
            self.stdout.write(self.style.ERROR(problem))
        if problems:
            raise CommandError(_("%(count)d problem(s) found in %(total)d document(s).") % {"count": len(problems), "total": documents.count()})
        self.stdout.write(self.style.SUCCESS(_("All %(total)d document(s) are present and match their checksums.") % {"total": documents.count()}))
