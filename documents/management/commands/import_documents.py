"""Bulk import: ``import_documents PATH... --kind KIND [--indicator N ...] [--year YYYY] [--opd CODE] [--access LEVEL]``.

Folders are walked recursively; a folder named after an indicator number (``13-prevalensi-gizi/``)
tags the files below it with that indicator. Each file goes through the same validation and pipeline
as an admin upload; the summary lists the imported files, the duplicates and each rejection.
"""

import re
from pathlib import Path

from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _
from tqdm import tqdm

from documents.ingest import ingest_file
from documents.models import AccessLevel, Kind
from kla.models import OPD, Indicator

INDICATOR_FOLDER = re.compile(r"^(\d{1,2})(?:[-_ ].*)?$")


def collect_files(paths):
    """``(file, folder indicator numbers)`` for every file under ``paths``, sorted, hidden files skipped."""
    found = []
    for root in paths:
        root = Path(root)
        if root.is_file():
            found.append((root, set()))
            continue
        for path in sorted(root.rglob("*")):
            relative = path.relative_to(root)
            if not path.is_file() or any(part.startswith(".") for part in relative.parts):
                continue
            numbers = {int(match.group(1)) for part in relative.parts[:-1] if (match := INDICATOR_FOLDER.match(part))}
            found.append((path, numbers))
    return found


class Command(BaseCommand):
    help = "Import documents from files and folders through the ingestion pipeline."

    def add_arguments(self, parser):
        parser.add_argument("paths", nargs="+", metavar="PATH")
        parser.add_argument("--kind", required=True, choices=Kind.values)
        parser.add_argument("--indicator", type=int, action="append", default=[], metavar="N", help="KLA indicator number (repeatable)")
        parser.add_argument("--year", type=int, action="append", default=[], metavar="YYYY", help="assessment year (repeatable)")
        parser.add_argument("--opd", metavar="CODE", help="code of the responsible OPD")
        parser.add_argument("--access", choices=AccessLevel.values, default=AccessLevel.INTERNAL, help="access level (default: internal)")
        parser.add_argument("--no-progress", action="store_true", help="no progress bar")

    def handle(self, *args, paths, kind, indicator, year, opd, access, no_progress, verbosity, **options):
        missing = [path for path in paths if not Path(path).exists()]
        if missing:
            raise CommandError(_("Not found: %(paths)s") % {"paths": ", ".join(missing)})
        opd_object = None
        if opd:
            opd_object = OPD.objects.filter(code=opd).first()
            if opd_object is None:
                raise CommandError(_("Unknown OPD code “%(code)s”.") % {"code": opd})

        files = collect_files(paths)
        indicators = {item.number: item for item in Indicator.objects.all()}
        wanted = set(indicator).union(*(numbers for _path, numbers in files))
        unknown = sorted(wanted - set(indicators))
        if unknown:
            raise CommandError(_("Unknown KLA indicator number(s): %(numbers)s. Nothing was imported.") % {"numbers": ", ".join(map(str, unknown))})

        imported, duplicates, rejected = [], [], []
        for path, numbers in tqdm(files, desc=_("Importing"), unit="file", disable=no_progress or verbosity == 0, file=self.stderr):
            tags = [indicators[number] for number in sorted(set(indicator) | numbers)]
            try:
                with open(path, "rb") as handle:
                    result = ingest_file(handle, path.name, kind=kind, indicators=tags, years=year, opd=opd_object, access_level=access)
            except ValidationError as error:
                rejected.append((path, " ".join(error.messages)))
                continue
            (imported if result.created else duplicates).append((path, result.document))

        self.stdout.write(
            _("Imported: %(imported)d, duplicates: %(duplicates)d, rejected: %(rejected)d")
            % {"imported": len(imported), "duplicates": len(duplicates), "rejected": len(rejected)}
        )
        for path, document in duplicates:
            self.stdout.write(_("Duplicate: %(path)s already exists as “%(title)s” (document %(id)d)") % {"path": path, "title": document.title, "id": document.pk})
        for path, reason in rejected:
            self.stdout.write(self.style.WARNING(_("Rejected: %(path)s: %(reason)s") % {"path": path, "reason": reason}))
