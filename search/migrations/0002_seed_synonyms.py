"""The common abbreviations of KLA and local-government documents; staff edit them in the admin."""

from django.db import migrations

SYNONYMS = [
    "Perda, Peraturan Daerah",
    "Perbup, Peraturan Bupati",
    "Kepbup, Keputusan Bupati, SK Bupati",
    "Pergub, Peraturan Gubernur",
    "Permen, Peraturan Menteri",
    "Perpres, Peraturan Presiden",
    "PP, Peraturan Pemerintah",
    "UU, Undang-Undang",
    "SK, Surat Keputusan",
    "SE, Surat Edaran",
    "KLA, Kabupaten Layak Anak",
    "KLA, Kota Layak Anak",
    "PATBM, Perlindungan Anak Terpadu Berbasis Masyarakat",
    "PUSPAGA, Pusat Pembelajaran Keluarga",
    "ABH, Anak Berhadapan dengan Hukum",
    "AMPK, Anak yang Memerlukan Perlindungan Khusus",
    "PKA, Perlindungan Khusus Anak",
    "SRA, Sekolah Ramah Anak",
    "PRA, Puskesmas Ramah Anak",
    "RBRA, Ruang Bermain Ramah Anak",
    "KTR, Kawasan Tanpa Rokok",
    "PAUD, Pendidikan Anak Usia Dini",
    "PAUD-HI, PAUD Holistik Integratif, Pendidikan Anak Usia Dini Holistik Integratif",
    "OPD, Organisasi Perangkat Daerah, Perangkat Daerah",
    "RAD, Rencana Aksi Daerah",
    "Forum Anak, FA",
    "DP3AP2KB, Dinas Pemberdayaan Perempuan Perlindungan Anak Pengendalian Penduduk dan Keluarga Berencana",
    "P2TP2A, UPTD PPA, Unit Pelaksana Teknis Daerah Perlindungan Perempuan dan Anak",
    "PPA, Perlindungan Perempuan dan Anak",
    "ASI, Air Susu Ibu",
    "Akta Kelahiran, Akte Kelahiran, Akta Lahir",
    "KIA, Kartu Identitas Anak",
    "Posyandu, Pos Pelayanan Terpadu",
    "Puskesmas, Pusat Kesehatan Masyarakat",
    "Gugus Tugas, GT KLA",
    "Musrenbang, Musyawarah Perencanaan Pembangunan",
    "Stunting, Tengkes",
]


def seed(apps, schema_editor):
    Synonym = apps.get_model("search", "Synonym")
    for terms in SYNONYMS:
        Synonym.objects.get_or_create(terms=terms)


def unseed(apps, schema_editor):
    apps.get_model("search", "Synonym").objects.filter(terms__in=SYNONYMS).delete()


class Migration(migrations.Migration):
    dependencies = [("search", "0001_initial")]
    operations = [migrations.RunPython(seed, unseed)]
