"""Demo RAD KLA and scores (realistic, invented figures; the content is Indonesian).
``load_demo_rad()`` is idempotent: running it again changes nothing."""

import datetime
from decimal import Decimal

from django.db import transaction

from .models import OPD, AssessmentPeriod, Indicator, IndicatorScore, RadAction, RadPlan, RadRealisation, RadTarget
from .rad_models import default_max_points

PLAN_NAME = "RAD KLA Kabupaten Barito Utara 2026–2031"

# indicator, programme, activity, output indicator, unit, responsible, supporting, baseline,
# targets 2026..2031, budget estimate 2026 (grows 5 % a year)
ACTIONS = [
    (4, "Program Pendaftaran Penduduk", "Kegiatan Pelayanan Pendaftaran Penduduk",
     "Persentase anak 0–17 tahun yang memiliki kutipan akta kelahiran", "persen", "disdukcapil", ["dinkes", "dp3ap2kb"],
     "91.20", ["93", "95", "96", "97", "98", "99"], 450_000_000),
    (6, "Program Pemenuhan Hak Anak (PHA)", "Kegiatan Pelembagaan PHA pada Lembaga Pemerintah, Nonpemerintah, dan Dunia Usaha Tingkat Daerah Kabupaten/Kota",
     "Jumlah Forum Anak desa/kelurahan yang aktif", "forum", "dp3ap2kb", ["forum-anak"],
     "12", ["20", "30", "40", "50", "60", "70"], 175_000_000),
    (10, "Program Pengelolaan Pendidikan", "Kegiatan Pengelolaan Pendidikan Anak Usia Dini (PAUD)",
     "Jumlah lembaga PAUD yang menerapkan PAUD-HI", "lembaga", "disdik", ["dinkes", "dp3ap2kb"],
     "35", ["45", "55", "65", "75", "85", "95"], 620_000_000),
    (13, "Program Pemenuhan Upaya Kesehatan Perorangan dan Upaya Kesehatan Masyarakat", "Kegiatan Penyediaan Layanan Kesehatan untuk UKM dan UKP Rujukan Tingkat Daerah Kabupaten/Kota",
     "Persentase balita gizi buruk yang mendapat perawatan", "persen", "dinkes", ["rsud-muara-teweh"],
     "88", ["100", "100", "100", "100", "100", "100"], 980_000_000),
    (16, "Program Pengelolaan dan Pengembangan Sistem Penyediaan Air Minum", "Kegiatan Pengelolaan dan Pengembangan SPAM di Daerah Kabupaten/Kota",
     "Jumlah sambungan rumah air minum baru", "sambungan", "dpupr", ["dinkes"],
     "0", ["400", "450", "500", "500", "500", "500"], 2_400_000_000),
    (18, "Program Pengelolaan Pendidikan", "Kegiatan Pengelolaan Pendidikan Sekolah Menengah Pertama",
     "Angka partisipasi murni SMP/sederajat", "persen", "disdik", ["kemenag"],
     "78.40", ["80", "81.5", "83", "84.5", "86", "88"], 1_150_000_000),
    (21, "Program Perlindungan Khusus Anak", "Kegiatan Penyediaan Layanan bagi Anak yang Memerlukan Perlindungan Khusus yang Memerlukan Koordinasi Tingkat Daerah Kabupaten/Kota",
     "Persentase anak korban kekerasan yang mendapat layanan UPTD PPA", "persen", "dp3ap2kb", ["dinsos", "polres", "rsud-muara-teweh"],
     "85", ["100", "100", "100", "100", "100", "100"], 320_000_000),
    (1, "Program Pemenuhan Hak Anak (PHA)", "Kegiatan Penguatan Kelembagaan Gugus Tugas KLA",
     "Jumlah rapat koordinasi Gugus Tugas KLA", "kali", "dp3ap2kb", ["bappedalitbang"],
     "2", ["0", "4", "4", "4", "4", "4"], 0),
]

# indicator number: (year, quarter or None, achieved, budget realised, status, review state)
REALISATION = {
    4: [(2026, None, "94.10", 441_500_000, "selesai", "verified")],
    6: [(2026, 3, "17", 120_000_000, "berjalan", "verified")],
    10: [(2026, 3, "41", 405_000_000, "berjalan", "verified"), (2026, None, "47", 598_000_000, "selesai", "submitted")],
    13: [(2026, 2, "100", 410_000_000, "berjalan", "verified")],
    16: [(2026, 3, "120", 700_000_000, "terkendala", "verified")],
    21: [(2026, None, "100", 305_000_000, "selesai", "verified")],
}
NOTES = {
    16: "Pengadaan pipa distribusi tertunda karena gagal lelang; dijadwalkan ulang pada triwulan IV.",
    10: "Pelatihan pendidik PAUD-HI dilaksanakan bersama Dinas Kesehatan.",
}

# The share of the maximum points reached per indicator (1..24), self-assessment 2025 and 2026.
SHARES_2025 = [0.80, 0.70, 0.55, 0.85, 0.60, 0.75, 0.50, 0.55, 0.45, 0.65, 0.50, 0.85, 0.60, 0.65, 0.60, 0.55, 0.40, 0.75, 0.60, 0.50, 0.65, 0.45, 0.50, 0.55]
SHARES_2026 = [0.90, 0.80, 0.60, 0.90, 0.70, 0.80, 0.55, 0.60, 0.50, 0.75, 0.55, 0.90, 0.65, 0.70, 0.65, 0.60, 0.45, 0.80, 0.70, 0.55, 0.75, 0.50, 0.55, 0.60]


def load_demo_rad():
    """Create (or bring back to the demo state) the RAD plan, its actions, targets, some
    realisation and the scores of 2025 (published) and 2026 (self-assessment only)."""
    with transaction.atomic():
        plan, _created = RadPlan.objects.update_or_create(
            name=PLAN_NAME, defaults={"start_year": 2026, "end_year": 2031, "status": RadPlan.Status.ADOPTED}
        )
        indicators = {i.number: i for i in Indicator.objects.all()}
        opds = {o.code: o for o in OPD.objects.all()}
        for number, programme, activity, output, unit, responsible, supporting, baseline, targets, budget in ACTIONS:
            action, _created = RadAction.objects.update_or_create(
                plan=plan, indicator=indicators[number], programme=programme, activity=activity, output_indicator=output,
                defaults={"unit": unit, "responsible_opd": opds[responsible], "baseline": Decimal(baseline)},
            )
            action.supporting_opds.set([opds[code] for code in supporting if code in opds])
            for offset, (year, target) in enumerate(zip(plan.years, targets)):
                estimate = (Decimal(budget) * Decimal("1.05") ** offset).quantize(Decimal(1000))
                RadTarget.objects.update_or_create(action=action, year=year, defaults={"target_value": Decimal(target), "budget_estimate": estimate})
            for year, quarter, achieved, realised, status, state in REALISATION.get(number, []):
                RadRealisation.objects.update_or_create(
                    action=action, year=year, quarter=quarter,
                    defaults={
                        "achieved_value": Decimal(achieved), "budget_realised": Decimal(realised), "status": status,
                        "review_state": state, "notes": NOTES.get(number, ""),
                        "verified_at": datetime.datetime(year, 12, 1, 9, 0, tzinfo=datetime.timezone.utc) if state == "verified" else None,
                    },
                )
        load_demo_scores(indicators)
    return plan


def load_demo_scores(indicators):
    periods = {}
    for year, published in ((2025, True), (2026, False)):
        period = AssessmentPeriod.objects.filter(year=year).first()
        if period is None:
            period = AssessmentPeriod.objects.create(
                name=f"Evaluasi KLA {year}", year=year, opens_on=datetime.date(year, 5, 1), closes_on=datetime.date(year, 7, 31)
            )
        if published and not period.scores_published:
            period.scores_published, period.scores_published_on = True, datetime.date(year, 7, 23)
            period.save(update_fields=["scores_published", "scores_published_on"])
        periods[year] = period
    for year, shares in ((2025, SHARES_2025), (2026, SHARES_2026)):
        for number, share in enumerate(shares, start=1):
            maximum = default_max_points(number)
            own = (maximum * Decimal(str(share))).quantize(Decimal("0.5"))
            verified = (own - Decimal("1.5")).max(Decimal(0)) if periods[year].scores_published else None
            IndicatorScore.objects.update_or_create(
                period=periods[year], indicator=indicators[number],
                defaults={"max_points": maximum, "self_assessment": own, "verified_score": verified},
            )
