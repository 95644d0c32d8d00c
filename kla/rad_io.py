"""Export of the RAD KLA and its (verified) realisation to XLSX and CSV in the layout a Bappeda
works with — one row per action, the years as columns — and import from the same layout.

The column headings are the fixed Indonesian headings of that layout (a data format, not
interface text), so a file exported here, edited in a spreadsheet and imported back round-trips.

Import rules:
- An action is identified by indicator, programme, activity and output indicator: a row with the
  key of an existing action of the plan updates it, any other row creates an action. Actions that
  are not in the file stay as they are.
- The "Klaster" column and the realisation columns are ignored: the cluster follows from the
  indicator, and realisation is only entered through the reporting and verification workflow.
- An empty target cell removes the target of that year; a budget estimate needs a target.
- Every row is validated first; if any cell is wrong nothing is written and the errors are
  reported row by row (row number as in the spreadsheet, column heading, message).
"""

import csv
import io
import re
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation

from django.db import transaction
from django.utils.translation import gettext as _

from .models import OPD, Indicator, RadAction, RadTarget
from .monitoring import actions_for_monitoring, counting_realisation

COL_NO = "No"
COL_CLUSTER = "Klaster"
COL_INDICATOR = "Indikator"
COL_PROGRAMME = "Program"
COL_ACTIVITY = "Kegiatan"
COL_OUTPUT = "Indikator Keluaran"
COL_UNIT = "Satuan"
COL_RESPONSIBLE = "OPD Penanggung Jawab"
COL_SUPPORTING = "OPD Pendukung"
COL_BASELINE = "Baseline"
STATIC_COLUMNS = [COL_NO, COL_CLUSTER, COL_INDICATOR, COL_PROGRAMME, COL_ACTIVITY, COL_OUTPUT, COL_UNIT, COL_RESPONSIBLE, COL_SUPPORTING, COL_BASELINE]
REQUIRED_TEXT = [COL_INDICATOR, COL_PROGRAMME, COL_ACTIVITY, COL_OUTPUT, COL_UNIT, COL_RESPONSIBLE]
SUPPORTING_SEPARATOR = "; "

VALUE_FORMAT = "#,##0.00"
MONEY_FORMAT = "#,##0"


def target_col(year):
    return f"Target {year}"


def budget_col(year):
    return f"Anggaran {year}"


def realised_col(year):
    return f"Realisasi {year}"


def realised_budget_col(year):
    return f"Realisasi Anggaran {year}"


def columns(plan):
    years = plan.years
    return (
        STATIC_COLUMNS
        + [target_col(y) for y in years]
        + [budget_col(y) for y in years]
        + [realised_col(y) for y in years]
        + [realised_budget_col(y) for y in years]
    )


def opd_label(opd):
    return str(opd)


# --- Export -----------------------------------------------------------------------------------


def export_rows(plan):
    """The header and one list of cell values per action (numbers as Decimal, None for empty)."""
    years = plan.years
    rows = [columns(plan)]
    actions = sorted(actions_for_monitoring(plan), key=lambda a: (a.indicator.number, a.programme, a.activity, a.output_indicator))
    for number, action in enumerate(actions, start=1):
        targets = {t.year: t for t in action.targets.all()}
        realised = {y: counting_realisation(action.realisations.all(), y) for y in years}
        rows.append(
            [
                number,
                action.indicator.cluster.name,
                f"{action.indicator.number}. {action.indicator.name}",
                action.programme,
                action.activity,
                action.output_indicator,
                action.unit,
                opd_label(action.responsible_opd),
                SUPPORTING_SEPARATOR.join(sorted(opd_label(o) for o in action.supporting_opds.all())),
                action.baseline,
            ]
            + [targets[y].target_value if y in targets else None for y in years]
            + [targets[y].budget_estimate if y in targets else None for y in years]
            + [realised[y].achieved_value if realised[y] else None for y in years]
            + [realised[y].budget_realised if realised[y] else None for y in years]
        )
    return rows


def export_xlsx(plan):
    """The RAD as XLSX bytes: a header row (bold, frozen), number formats, a filter."""
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font
    from openpyxl.utils import get_column_letter

    rows = export_rows(plan)
    header = rows[0]
    workbook = Workbook()
    sheet = workbook.active
    sheet.title = "RAD KLA"
    for row in rows:
        sheet.append(row)
    for cell in sheet[1]:
        cell.font = Font(bold=True)
        cell.alignment = Alignment(wrap_text=True, vertical="top")
    sheet.freeze_panes = "A2"
    sheet.auto_filter.ref = sheet.dimensions
    for index, heading in enumerate(header, start=1):
        letter = get_column_letter(index)
        money = heading.startswith(("Anggaran", "Realisasi Anggaran"))
        value = heading == COL_BASELINE or heading.startswith(("Target", "Realisasi")) and not money
        if money or value:
            for (cell,) in sheet.iter_rows(min_row=2, min_col=index, max_col=index):
                cell.number_format = MONEY_FORMAT if money else VALUE_FORMAT
        sheet.column_dimensions[letter].width = 6 if heading == COL_NO else 16 if (money or value) else 32
    output = io.BytesIO()
    workbook.save(output)
    return output.getvalue()


def export_csv(plan):
    """The RAD as CSV text (UTF-8 with a BOM so spreadsheet programs detect it)."""
    output = io.StringIO()
    writer = csv.writer(output)
    for row in export_rows(plan):
        writer.writerow(["" if value is None else value for value in row])
    return "\ufeff" + output.getvalue()


# --- Import -----------------------------------------------------------------------------------


@dataclass
class RowError:
    row: int
    column: str
    message: str


@dataclass
class ImportResult:
    errors: list
    created: int = 0
    updated: int = 0

    @property
    def ok(self):
        return not self.errors


def read_table(uploaded, filename=""):
    """Rows of cell values from an XLSX (or, by its name, a CSV) file object."""
    if filename.lower().endswith(".csv"):
        text = uploaded.read()
        text = text.decode("utf-8-sig") if isinstance(text, bytes) else text
        return [row for row in csv.reader(io.StringIO(text))]
    from openpyxl import load_workbook

    workbook = load_workbook(uploaded, read_only=True, data_only=True)
    return [list(row) for row in workbook.active.iter_rows(values_only=True)]


def text(value):
    return "" if value is None else str(value).strip()


def parse_number(value):
    """A Decimal from a spreadsheet cell (a number, or text like 1500, 1500.5, 1.500.000 or
    1.500,5); None for an empty cell; raises ValueError for anything else."""
    if value is None or text(value) == "":
        return None
    if isinstance(value, bool):
        raise ValueError
    if isinstance(value, (int, float, Decimal)):
        number = Decimal(str(value))
    else:
        raw = text(value).replace(" ", "").replace("\u00a0", "")
        if re.fullmatch(r"-?\d{1,3}(\.\d{3})+(,\d+)?", raw):
            raw = raw.replace(".", "").replace(",", ".")
        elif re.fullmatch(r"-?\d+,\d+", raw):
            raw = raw.replace(",", ".")
        elif not re.fullmatch(r"-?\d+(\.\d+)?", raw):
            raise ValueError
        try:
            number = Decimal(raw)
        except InvalidOperation as error:
            raise ValueError from error
    if not number.is_finite() or abs(number) >= Decimal(10) ** 12:
        raise ValueError
    return number.quantize(Decimal("0.01"))


class OPDLookup:
    def __init__(self):
        self.by_name = {}
        for opd in OPD.objects.all():
            for name in (opd.code, opd.short_name, opd.name, str(opd)):
                if name:
                    self.by_name.setdefault(name.strip().lower(), opd)

    def get(self, name):
        return self.by_name.get(name.strip().lower())


def validate_rows(plan, table):
    """(errors, parsed rows) for ``table`` (the header first). A parsed row is a dict."""
    errors = []
    if not table:
        return [RowError(1, "", _("The file is empty."))], []
    header = [text(cell) for cell in table[0]]
    index = {heading: position for position, heading in enumerate(header) if heading}
    years = plan.years
    needed = REQUIRED_TEXT + [COL_SUPPORTING, COL_BASELINE] + [target_col(y) for y in years] + [budget_col(y) for y in years]
    missing = [heading for heading in needed if heading not in index]
    if missing:
        return [RowError(1, heading, _("This column is missing from the header row.")) for heading in missing], []

    indicators = {indicator.number: indicator for indicator in Indicator.objects.all()}
    opds = OPDLookup()
    parsed, seen = [], {}
    for row_number, row in enumerate(table[1:], start=2):
        def cell(heading):
            position = index[heading]
            return row[position] if position < len(row) else None

        if all(text(value) == "" for value in row):
            continue
        row_errors = []

        def error(column, message):
            row_errors.append(RowError(row_number, column, message))

        for heading in REQUIRED_TEXT:
            if text(cell(heading)) == "":
                error(heading, _("This cell is required."))

        indicator = None
        if text(cell(COL_INDICATOR)):
            match = re.match(r"\s*(\d+)", text(cell(COL_INDICATOR)))
            indicator = indicators.get(int(match.group(1))) if match else None
            if indicator is None:
                error(COL_INDICATOR, _("Unknown indicator “%(value)s”: start the cell with the indicator number (1–24).") % {"value": text(cell(COL_INDICATOR))})

        responsible = None
        if text(cell(COL_RESPONSIBLE)):
            responsible = opds.get(text(cell(COL_RESPONSIBLE)))
            if responsible is None:
                error(COL_RESPONSIBLE, _("Unknown OPD “%(value)s”.") % {"value": text(cell(COL_RESPONSIBLE))})
        supporting = []
        for name in re.split(r"[;\n]", text(cell(COL_SUPPORTING))):
            if name.strip():
                opd = opds.get(name)
                if opd is None:
                    error(COL_SUPPORTING, _("Unknown OPD “%(value)s”.") % {"value": name.strip()})
                elif opd not in supporting:
                    supporting.append(opd)

        def number(heading, minimum=None):
            try:
                value = parse_number(cell(heading))
            except ValueError:
                error(heading, _("“%(value)s” is not a number.") % {"value": text(cell(heading))})
                return None
            if value is not None and minimum is not None and value < minimum:
                error(heading, _("The value cannot be negative."))
            return value

        baseline = number(COL_BASELINE)
        targets = {}
        for year in years:
            target, budget = number(target_col(year)), number(budget_col(year), minimum=0)
            if target is None and budget is not None:
                error(target_col(year), _("A budget estimate needs a target for the same year."))
            if target is not None:
                targets[year] = (target, budget if budget is not None else Decimal("0.00"))

        key = (indicator.pk if indicator else None, text(cell(COL_PROGRAMME)), text(cell(COL_ACTIVITY)), text(cell(COL_OUTPUT)))
        if indicator and all(key[1:]):
            if key in seen:
                error(COL_ACTIVITY, _("The same action (indicator, programme, activity and output indicator) is already in row %(row)s.") % {"row": seen[key]})
            seen.setdefault(key, row_number)

        errors.extend(row_errors)
        if not row_errors:
            parsed.append(
                {
                    "key": key, "indicator": indicator, "programme": key[1], "activity": key[2], "output_indicator": key[3],
                    "unit": text(cell(COL_UNIT)), "responsible_opd": responsible, "supporting_opds": supporting,
                    "baseline": baseline, "targets": targets,
                }
            )
    return errors, parsed


def import_table(plan, table):
    """Validate ``table`` and, only if every row is right, create or update the plan's actions."""
    errors, parsed = validate_rows(plan, table)
    if errors:
        return ImportResult(errors=errors)
    result = ImportResult(errors=[])
    existing = {action.key: action for action in RadAction.objects.filter(plan=plan)}
    with transaction.atomic():
        for row in parsed:
            action = existing.get(row["key"])
            if action is None:
                action = RadAction(plan=plan, indicator=row["indicator"], programme=row["programme"], activity=row["activity"], output_indicator=row["output_indicator"])
                result.created += 1
            else:
                result.updated += 1
            action.unit = row["unit"]
            action.responsible_opd = row["responsible_opd"]
            action.baseline = row["baseline"]
            action.save()
            action.supporting_opds.set(row["supporting_opds"])
            RadTarget.objects.filter(action=action).exclude(year__in=list(row["targets"])).delete()
            for year, (target, budget) in row["targets"].items():
                RadTarget.objects.update_or_create(action=action, year=year, defaults={"target_value": target, "budget_estimate": budget})
    return result


def import_file(plan, uploaded, filename=""):
    try:
        table = read_table(uploaded, filename or getattr(uploaded, "name", ""))
    except Exception:  # noqa: BLE001 - any unreadable upload is reported the same way
        return ImportResult(errors=[RowError(0, "", _("The file could not be read. Upload the XLSX file exported from SIBULAN."))])
    return import_table(plan, table)
