"""Export the RAD KLA (actions, targets, budgets and verified realisation) to XLSX or CSV."""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from kla import rad_io
from kla.models import RadPlan


class Command(BaseCommand):
    help = "Export the RAD KLA to an XLSX or CSV file (the format follows the file name)."

    def add_arguments(self, parser):
        parser.add_argument("path", help="rad.xlsx or rad.csv")
        parser.add_argument("--plan", type=int, help="The id of the plan (default: the current plan).")

    def handle(self, path, plan=None, **options):
        rad_plan = RadPlan.objects.filter(pk=plan).first() if plan else RadPlan.current()
        if rad_plan is None:
            raise CommandError("No RAD KLA plan.")
        target = Path(path)
        if target.suffix.lower() == ".csv":
            target.write_text(rad_io.export_csv(rad_plan), encoding="utf-8")
        else:
            target.write_bytes(rad_io.export_xlsx(rad_plan))
        self.stdout.write(f"{rad_plan}: {target}")
