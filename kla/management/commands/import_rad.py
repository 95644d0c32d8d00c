"""Import RAD KLA actions and targets from the XLSX (or CSV) layout of export_rad. Nothing is
written if any row is wrong; the errors are listed row by row."""

from django.core.management.base import BaseCommand, CommandError

from kla import rad_io
from kla.models import RadPlan


class Command(BaseCommand):
    help = "Import RAD KLA actions and targets from an XLSX or CSV file in the export layout."

    def add_arguments(self, parser):
        parser.add_argument("path")
        parser.add_argument("--plan", type=int, help="The id of the plan (default: the current plan).")

    def handle(self, path, plan=None, **options):
        rad_plan = RadPlan.objects.filter(pk=plan).first() if plan else RadPlan.current()
        if rad_plan is None:
            raise CommandError("No RAD KLA plan.")
        with open(path, "rb") as upload:
            result = rad_io.import_file(rad_plan, upload, path)
        if not result.ok:
            for error in result.errors:
                self.stderr.write(f"row {error.row} [{error.column}]: {error.message}")
            raise CommandError(f"{len(result.errors)} errors: nothing was imported.")
        self.stdout.write(f"{rad_plan}: {result.created} created, {result.updated} updated.")
