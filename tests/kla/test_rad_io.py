"""XLSX/CSV export of the RAD and import from the same layout."""

import csv
import io
from decimal import Decimal

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from openpyxl import Workbook, load_workbook

from kla import rad_io
from kla.models import RadAction, RadTarget

pytestmark = pytest.mark.django_db


def snapshot(plan):
    """Every field of every action and target of ``plan``, comparable across databases ids."""
    actions = RadAction.objects.filter(plan=plan).select_related("indicator", "responsible_opd").prefetch_related("supporting_opds", "targets")
    return sorted(
        (
            a.indicator.number, a.programme, a.activity, a.output_indicator, a.unit, a.responsible_opd.code,
            tuple(sorted(o.code for o in a.supporting_opds.all())), a.baseline,
            tuple((t.year, t.target_value, t.budget_estimate) for t in a.targets.all()),
        )
        for a in actions
    )


@pytest.fixture
def rad(make_action, realise):
    first = make_action(4, "disdukcapil", baseline=Decimal("91.20"), supporting=["dinkes", "dp3ap2kb"], targets={2026: ("93", "450000000"), 2027: ("95.5", "472500000.50"), 2031: ("99", "0")})
    make_action(21, "dp3ap2kb", programme="Program Perlindungan Khusus Anak", activity="Kegiatan Penyediaan Layanan bagi Anak yang Memerlukan Perlindungan Khusus", output_indicator="Persentase anak korban kekerasan yang dilayani", baseline=None, targets={y: ("100", "320000000") for y in range(2026, 2032)})
    make_action(16, "dpupr", unit="sambungan", supporting=["dinkes"], targets={2026: ("0", "0")})
    realise(first, 2026, "94.1", "441500000")
    realise(first, 2027, "50", "10", state="submitted")
    return first.plan


def xlsx_table(data):
    return [list(row) for row in load_workbook(io.BytesIO(data)).active.iter_rows(values_only=True)]


def test_export_layout(rad):
    data = rad_io.export_xlsx(rad)
    sheet = load_workbook(io.BytesIO(data)).active
    header = [cell.value for cell in sheet[1]]
    assert header[:10] == ["No", "Klaster", "Indikator", "Program", "Kegiatan", "Indikator Keluaran", "Satuan", "OPD Penanggung Jawab", "OPD Pendukung", "Baseline"]
    assert header[10:16] == [f"Target {y}" for y in range(2026, 2032)]
    assert header[16:22] == [f"Anggaran {y}" for y in range(2026, 2032)]
    assert header[22:28] == [f"Realisasi {y}" for y in range(2026, 2032)]
    assert header[28:34] == [f"Realisasi Anggaran {y}" for y in range(2026, 2032)]
    assert sheet.freeze_panes == "A2"
    rows = {row[2]: row for row in xlsx_table(data)[1:]}
    birth = next(row for name, row in rows.items() if name.startswith("4. "))
    assert birth[7] == "Disdukcapil" and birth[8] == "DP3AP2KB; Dinas Kesehatan"
    assert birth[10] == 93 and birth[11] == 95.5 and birth[12] is None and birth[17] == 472500000.5
    assert birth[22] == 94.1 and birth[28] == 441500000  # verified realisation only
    assert birth[23] is None  # the submitted 2027 report is not verified
    assert sheet.cell(row=2, column=17).number_format == rad_io.MONEY_FORMAT
    assert sheet.cell(row=2, column=11).number_format == rad_io.VALUE_FORMAT


def test_xlsx_round_trip_gives_the_same_data(rad, kla_data):
    from kla.models import RadPlan

    before = snapshot(rad)
    data = rad_io.export_xlsx(rad)
    RadAction.objects.filter(plan=rad).delete()
    result = rad_io.import_file(rad, io.BytesIO(data), "rad.xlsx")
    assert result.ok and result.created == 3
    assert snapshot(rad) == before
    # a second import of the same file updates and changes nothing
    result = rad_io.import_file(rad, io.BytesIO(data), "rad.xlsx")
    assert result.ok and result.updated == 3 and result.created == 0
    assert snapshot(rad) == before
    # into another plan of the same years: the same data again
    other = RadPlan.objects.create(name="Salinan", start_year=2026, end_year=2031)
    assert rad_io.import_file(other, io.BytesIO(data), "rad.xlsx").ok
    assert snapshot(other) == before


def test_csv_round_trip(rad):
    before = snapshot(rad)
    data = rad_io.export_csv(rad).encode("utf-8")
    RadAction.objects.filter(plan=rad).delete()
    assert rad_io.import_file(rad, io.BytesIO(data), "rad.csv").ok
    assert snapshot(rad) == before


def test_import_updates_an_action_and_removes_an_emptied_target(rad):
    table = xlsx_table(rad_io.export_xlsx(rad))
    header = table[0]
    row = next(r for r in table[1:] if r[2].startswith("4. "))
    row[header.index("Satuan")] = "persen anak"
    row[header.index("Target 2031")] = None
    row[header.index("Anggaran 2031")] = None
    row[header.index("Target 2030")] = "97,5"
    assert rad_io.import_table(rad, table).ok
    action = RadAction.objects.get(plan=rad, indicator__number=4)
    assert action.unit == "persen anak"
    assert dict(action.targets.values_list("year", "target_value")) == {2026: Decimal("93.00"), 2027: Decimal("95.50"), 2030: Decimal("97.50")}


def write_xlsx(rows):
    workbook = Workbook()
    for row in rows:
        workbook.active.append(row)
    output = io.BytesIO()
    workbook.save(output)
    output.seek(0)
    return output


def test_bad_import_changes_nothing_and_reports_each_bad_row(rad):
    before = snapshot(rad)
    table = xlsx_table(rad_io.export_xlsx(rad))
    header = table[0]
    good = list(table[1])
    good[header.index("Satuan")] = "unit baru"  # a valid change that must not be written either
    unknown_indicator = list(table[2])
    unknown_indicator[header.index("Indikator")] = "31. Indikator yang tidak ada"
    unknown_opd = list(table[3])
    unknown_opd[header.index("OPD Penanggung Jawab")] = "Dinas Perikanan"
    non_numeric = list(table[1])
    non_numeric[header.index("Kegiatan")] = "Kegiatan Baru"
    non_numeric[header.index("Target 2028")] = "sembilan puluh"
    missing = list(table[1])
    missing[header.index("Kegiatan")] = "Kegiatan Lain"
    missing[header.index("Satuan")] = None
    result = rad_io.import_file(rad, write_xlsx([header, good, unknown_indicator, unknown_opd, non_numeric, missing]), "rad.xlsx")
    assert not result.ok
    assert [(e.row, e.column) for e in result.errors] == [(3, "Indikator"), (4, "OPD Penanggung Jawab"), (5, "Target 2028"), (6, "Satuan")]
    assert "31. Indikator yang tidak ada" in result.errors[0].message
    assert "Dinas Perikanan" in result.errors[1].message
    assert "sembilan puluh" in result.errors[2].message
    assert snapshot(rad) == before
    assert RadTarget.objects.filter(action__plan=rad).count() == 10


def test_import_refuses_a_file_without_the_layout(rad):
    result = rad_io.import_file(rad, write_xlsx([["Nama", "Nilai"], ["a", 1]]), "x.xlsx")
    assert not result.ok and {e.row for e in result.errors} == {1}
    assert not rad_io.import_file(rad, io.BytesIO(b"not a spreadsheet"), "x.xlsx").ok


def test_duplicate_rows_in_the_file_are_reported(rad):
    table = xlsx_table(rad_io.export_xlsx(rad))
    result = rad_io.import_table(rad, [table[0], table[1], table[1]])
    assert [(e.row, e.column) for e in result.errors] == [(3, "Kegiatan")]


def test_export_and_import_views(client, rad, make_user):
    client.force_login(make_user("sekretariat1", "Sekretariat Gugus Tugas"))
    response = client.get(reverse("kla_rad_export", args=["xlsx"]))
    assert response.status_code == 200 and response["Content-Disposition"].endswith('.xlsx"')
    data = response.content
    csv_rows = list(csv.reader(io.StringIO(client.get(reverse("kla_rad_export", args=["csv"])).content.decode("utf-8-sig"))))
    assert csv_rows[0][:3] == ["No", "Klaster", "Indikator"] and len(csv_rows) == 4

    table = xlsx_table(data)
    table[1][table[0].index("OPD Penanggung Jawab")] = "Dinas Perikanan"
    upload = SimpleUploadedFile("rad.xlsx", write_xlsx(table).getvalue())
    html = client.post(reverse("kla_rad_import"), {"file": upload}).content.decode()
    assert "Dinas Perikanan" in html and "OPD Penanggung Jawab" in html

    RadAction.objects.filter(plan=rad).delete()
    response = client.post(reverse("kla_rad_import"), {"file": SimpleUploadedFile("rad.xlsx", data)})
    assert response.status_code == 302 and RadAction.objects.filter(plan=rad).count() == 3


def test_a_contributor_cannot_import(client, rad, make_user):
    client.force_login(make_user("kontributor1", "Kontributor OPD", "dinkes"))
    response = client.get(reverse("kla_rad_import"))
    assert response.status_code == 302 and response.url == reverse("wagtailadmin_home")  # Wagtail's "permission denied"
    data = rad_io.export_xlsx(rad)
    RadAction.objects.filter(plan=rad).delete()
    client.post(reverse("kla_rad_import"), {"file": SimpleUploadedFile("rad.xlsx", data)})
    assert not RadAction.objects.filter(plan=rad).exists()


def test_export_and_import_commands(rad, tmp_path):
    from django.core.management import CommandError, call_command

    before = snapshot(rad)
    path = tmp_path / "rad.xlsx"
    call_command("export_rad", str(path), stdout=io.StringIO())
    RadAction.objects.filter(plan=rad).delete()
    call_command("import_rad", str(path), stdout=io.StringIO())
    assert snapshot(rad) == before
    bad = tmp_path / "bad.csv"
    bad.write_text("No,Indikator\n1,99\n", encoding="utf-8")
    with pytest.raises(CommandError):
        call_command("import_rad", str(bad), stdout=io.StringIO(), stderr=io.StringIO())
