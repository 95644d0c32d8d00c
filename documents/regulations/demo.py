"""Demo regulations of Kabupaten Barito Utara on the KLA programme (clearly marked as demo data:
numbers and dates are made up). ``load_demo_regulations()`` is idempotent: a regulation that
exists (same type, number and year) is left as it is."""

import datetime
import io

from django.db import transaction

from documents.ingest import ingest_file
from home.demo.pdf import text_pdf

from .models import Regulation, RegulationRelation, RelationKind, RegulationStatus, RegulationType

DEMO_NOTE = "Data contoh (demo) SIBULAN: nomor, tanggal dan isi bukan produk hukum resmi."

REGULATIONS = [
    {
        "key": "perda-pa",
        "type": RegulationType.PERDA, "number": "4", "year": 2019,
        "title": "Peraturan Daerah Kabupaten Barito Utara Nomor 4 Tahun 2019 tentang Penyelenggaraan Perlindungan Anak",
        "enacted_on": datetime.date(2019, 6, 17), "promulgated_on": datetime.date(2019, 6, 17),
        "source": "Lembaran Daerah Kabupaten Barito Utara Tahun 2019 Nomor 4",
        "subject": "PERLINDUNGAN ANAK", "legal_field": "Hukum Administrasi Negara",
        "initiator": "dp3ap2kb", "indicators": [1, 21, 24],
        "abstract": "Mengatur penyelenggaraan perlindungan anak di Kabupaten Barito Utara: hak dan kewajiban anak, "
                    "kewajiban pemerintah daerah, masyarakat dan keluarga, layanan bagi anak korban kekerasan, "
                    "serta pendanaan dari APBD.",
    },
    {
        "key": "perbup-gt-2020",
        "type": RegulationType.PERBUP, "number": "21", "year": 2020,
        "title": "Peraturan Bupati Barito Utara Nomor 21 Tahun 2020 tentang Gugus Tugas Kabupaten Layak Anak",
        "enacted_on": datetime.date(2020, 8, 3), "promulgated_on": datetime.date(2020, 8, 3),
        "source": "Berita Daerah Kabupaten Barito Utara Tahun 2020 Nomor 21",
        "subject": "KABUPATEN LAYAK ANAK - GUGUS TUGAS", "legal_field": "Hukum Administrasi Negara",
        "initiator": "dp3ap2kb", "indicators": [2],
        "abstract": "Membentuk Gugus Tugas KLA Kabupaten Barito Utara, susunan keanggotaan dan tugasnya.",
    },
    {
        "key": "perbup-gt-2025",
        "type": RegulationType.PERBUP, "number": "12", "year": 2025,
        "title": "Peraturan Bupati Barito Utara Nomor 12 Tahun 2025 tentang Gugus Tugas Kabupaten Layak Anak",
        "enacted_on": datetime.date(2025, 10, 6), "promulgated_on": datetime.date(2025, 10, 6),
        "source": "Berita Daerah Kabupaten Barito Utara Tahun 2025 Nomor 12",
        "subject": "KABUPATEN LAYAK ANAK - GUGUS TUGAS", "legal_field": "Hukum Administrasi Negara",
        "initiator": "dp3ap2kb", "indicators": [2, 3],
        "abstract": "Menetapkan Gugus Tugas KLA yang diketuai Sekretaris Daerah dengan sekretariat di DP3AP2KB, "
                    "tugas penyusunan dan pemantauan RAD KLA 2026–2031, serta mencabut Peraturan Bupati Nomor 21 Tahun 2020.",
        "revokes": ["perbup-gt-2020"],
    },
    {
        "key": "kepbup-forum-anak",
        "type": RegulationType.KEPBUP, "number": "188.45/215/2025", "year": 2025,
        "title": "Keputusan Bupati Barito Utara Nomor 188.45/215/2025 tentang Pengurus Forum Anak Kabupaten Barito Utara Periode 2025–2027",
        "enacted_on": datetime.date(2025, 7, 21), "promulgated_on": None,
        "source": "",
        "subject": "FORUM ANAK", "legal_field": "Hukum Administrasi Negara",
        "initiator": "dp3ap2kb", "indicators": [6],
        "abstract": "Menetapkan pengurus Forum Anak Kabupaten Barito Utara periode 2025–2027 dan tugasnya sebagai "
                    "pelopor dan pelapor dalam pemenuhan hak anak.",
    },
    {
        "key": "se-sra",
        "type": RegulationType.SE, "number": "400.3/87/DISDIK/2025", "year": 2025,
        "title": "Surat Edaran Bupati Barito Utara Nomor 400.3/87/DISDIK/2025 tentang Percepatan Sekolah Ramah Anak",
        "enacted_on": datetime.date(2025, 11, 3), "promulgated_on": None,
        "source": "",
        "subject": "SEKOLAH RAMAH ANAK", "legal_field": "Hukum Administrasi Negara",
        "initiator": "disdik", "indicators": [19],
        "abstract": "Meminta seluruh satuan pendidikan di Kabupaten Barito Utara membentuk tim Sekolah Ramah Anak "
                    "dan melaporkan kemajuannya kepada Dinas Pendidikan setiap semester.",
    },
]


def _pdf(spec):
    lines = [
        "PEMERINTAH KABUPATEN BARITO UTARA",
        spec["title"].upper()[:90],
        "",
        DEMO_NOTE,
        "",
        *[spec["abstract"][i : i + 90] for i in range(0, len(spec["abstract"]), 90)],
        "",
        f"Ditetapkan di Muara Teweh pada tanggal {spec['enacted_on']:%d-%m-%Y}",
    ]
    return text_pdf([lines], title=spec["title"])


def _file(spec):
    from kla.models import OPD, Indicator

    name = f"{spec['year']}{spec['type'].lower()}{spec['number'].replace('/', '-').replace('.', '')}.pdf"
    return ingest_file(
        io.BytesIO(_pdf(spec)), name, title=spec["title"], kind="regulasi", access_level="public",
        indicators=list(Indicator.objects.filter(number__in=spec["indicators"])), years=[spec["year"]],
        opd=OPD.objects.filter(code=spec["initiator"]).first(), document_date=spec["enacted_on"],
        description=spec["abstract"], source=spec["source"],
    ).document


@transaction.atomic
def load_demo_regulations():
    """Create and publish the demo regulations (and their files); returns the number created."""
    from kla.models import OPD, Indicator

    made, created = {}, 0
    for spec in REGULATIONS:
        existing = Regulation.objects.filter(type=spec["type"], number=spec["number"], year=spec["year"]).first()
        if existing is not None:
            made[spec["key"]] = existing
            continue
        regulation = Regulation(
            title=spec["title"], type=spec["type"], number=spec["number"], year=spec["year"],
            enacted_on=spec["enacted_on"], promulgated_on=spec["promulgated_on"], source=spec["source"],
            subject=spec["subject"], legal_field=spec["legal_field"], abstract=f"{spec['abstract']} {DEMO_NOTE}",
            signatory="Bupati Barito Utara", initiator_opd=OPD.objects.filter(code=spec["initiator"]).first(),
            status=RegulationStatus.IN_FORCE, file=_file(spec),
        )
        regulation.indicators = list(Indicator.objects.filter(number__in=spec["indicators"]))
        regulation.relations = [RegulationRelation(kind=RelationKind.REVOKES, target=made[key]) for key in spec.get("revokes", [])]
        regulation.save()
        regulation.save_revision().publish()
        made[spec["key"]] = regulation
        created += 1
    return created
