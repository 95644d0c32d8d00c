"""The demo content of SIBULAN, in Indonesian, written for this portal.

Facts come from ../shared/reference (DOMAIN.md, barito_utara.json, kla-research.md). Programme news after the
Gugus Tugas meeting of 14 October 2025 is illustrative: it describes plausible activities without inventing
official figures, decrees or quotes. Every demo page gets an admin-only comment saying so (see ``DEMO_NOTE``),
demo images and documents live in the ``DEMO_COLLECTION`` collection.

Body blocks use the raw StreamField form ({"type", "value"}); images and documents are referred to by key
(``image(key)``, ``document(key)``) and resolved by the loader.
"""

import datetime

DEMO_COLLECTION = "Konten demo SIBULAN"
DEMO_NOTE = (
    "Konten demo dari perintah load_demo_content. Kegiatan, angka ilustratif dan kontak di halaman ini adalah "
    "contoh untuk mencoba portal; ganti atau hapus sebelum situs dipakai resmi."
)


# --- Block helpers ---------------------------------------------------------------------------------

def rich(html):
    return {"type": "paragraph", "value": html}


def image(key, caption=""):
    return {"type": "image", "image_key": key, "caption": caption}


def document(key, description=""):
    return {"type": "document", "document_key": key, "description": description}


def callout(heading, html, style="info"):
    return {"type": "callout", "value": {"heading": heading, "text": html, "style": style}}


def table(rows, caption="", header=True):
    return {
        "type": "table",
        "value": {
            "data": rows,
            "first_row_is_table_header": header,
            "first_col_is_header": False,
            "table_caption": caption,
        },
    }


# --- Images (drawn by home.demo.images) --------------------------------------------------------------
# key: title (admin), alt text (Wagtail's image description), headline drawn on the picture, palette, motif.

IMAGES = {
    "hero": {
        "title": "Ilustrasi anak-anak Barito Utara",
        "alt": "Ilustrasi anak-anak bermain di tepi sungai dengan matahari terbit",
        "headline": "",  # the home page's h1 stands next to it
        "colors": ("#0a3d3a", "#1f8a70"),
        "motif": "river",
    },
    "logo": {
        "title": "Logo SIBULAN",
        "alt": "Logo SIBULAN",
        "headline": "",
        "colors": ("#0a3d3a", "#0a3d3a"),
        "motif": "logo",
        "size": (256, 256),
    },
    "klaster": {
        "title": "Infografik kelembagaan dan lima klaster KLA",
        "alt": "Infografik enam kelompok penilaian KLA: kelembagaan dan klaster I sampai V dengan jumlah indikatornya",
        "headline": "24 indikator KLA",
        "colors": ("#12355b", "#2a6f97"),
        "motif": "clusters",
    },
    "gugus-tugas": {
        "title": "Ilustrasi rapat Gugus Tugas KLA",
        "alt": "Ilustrasi peserta rapat duduk mengelilingi meja koordinasi",
        "headline": "Rapat Koordinasi Gugus Tugas KLA",
        "colors": ("#5b2a86", "#9a48d0"),
        "motif": "meeting",
    },
    "forum-anak": {
        "title": "Ilustrasi Forum Anak Daerah",
        "alt": "Ilustrasi anak-anak mengangkat tangan menyampaikan pendapat",
        "headline": "Suara Anak Barito Utara",
        "colors": ("#b5461a", "#f08a24"),
        "motif": "children",
    },
    "sosialisasi": {
        "title": "Ilustrasi sosialisasi KLA di kecamatan",
        "alt": "Ilustrasi peta sembilan titik kecamatan yang terhubung",
        "headline": "Sosialisasi KLA di Kecamatan",
        "colors": ("#1d4e89", "#00a6a6"),
        "motif": "map",
    },
    "pelatihan": {
        "title": "Ilustrasi pelatihan kontributor SIBULAN",
        "alt": "Ilustrasi layar komputer dengan daftar dokumen yang sudah dicentang",
        "headline": "Pelatihan Kontributor OPD",
        "colors": ("#264653", "#2a9d8f"),
        "motif": "screen",
    },
    "akta": {
        "title": "Ilustrasi layanan akta kelahiran",
        "alt": "Ilustrasi dokumen akta kelahiran dengan stempel dan tanda centang",
        "headline": "Akta Kelahiran untuk Setiap Anak",
        "colors": ("#6a4c93", "#1982c4"),
        "motif": "document",
    },
    "posyandu": {
        "title": "Ilustrasi layanan posyandu",
        "alt": "Ilustrasi timbangan bayi dan grafik pertumbuhan anak yang naik",
        "headline": "Posyandu dan Gizi Anak",
        "colors": ("#1b7f3b", "#7cc36b"),
        "motif": "growth",
    },
    "puspaga": {
        "title": "Ilustrasi layanan konsultasi keluarga PUSPAGA",
        "alt": "Ilustrasi rumah dengan keluarga orang tua dan anak di dalamnya",
        "headline": "Konsultasi Keluarga",
        "colors": ("#9c2c5f", "#e76f8a"),
        "motif": "house",
    },
    "sekolah": {
        "title": "Ilustrasi sekolah ramah anak",
        "alt": "Ilustrasi gedung sekolah dengan bendera dan anak-anak di halaman",
        "headline": "Sekolah Ramah Anak",
        "colors": ("#005f73", "#0a9396"),
        "motif": "school",
    },
    "han": {
        "title": "Ilustrasi peringatan Hari Anak Nasional",
        "alt": "Ilustrasi balon dan anak-anak bergandengan tangan merayakan Hari Anak Nasional",
        "headline": "Hari Anak Nasional 23 Juli",
        "colors": ("#c1121f", "#f4a261"),
        "motif": "celebration",
    },
    "evaluasi": {
        "title": "Ilustrasi evaluasi KLA",
        "alt": "Ilustrasi papan klip dengan diagram batang capaian indikator",
        "headline": "Evaluasi KLA",
        "colors": ("#3a0ca3", "#4361ee"),
        "motif": "chart",
    },
}


# --- Documents (only when the ingestion pipeline of documents/ is available) -------------------------------

DOCUMENTS = {
    "perbup-gugus-tugas": {
        "filename": "contoh-perbup-gugus-tugas-kla.pdf",
        "title": "Peraturan Bupati Barito Utara tentang Gugus Tugas Kabupaten Layak Anak (contoh)",
        "kind": "regulasi",
        "access_level": "public",
        "indicators": [1, 2],
        "years": [2026],
        "opd": "bagian-hukum",
        "description": "Contoh naskah peraturan bupati untuk demonstrasi arsip JDIH SIBULAN; bukan produk hukum resmi.",
        "pages": [
            [
                "BUPATI BARITO UTARA",
                "PROVINSI KALIMANTAN TENGAH",
                "",
                "PERATURAN BUPATI BARITO UTARA (CONTOH DOKUMEN DEMO)",
                "TENTANG",
                "GUGUS TUGAS KABUPATEN LAYAK ANAK",
                "",
                "Menimbang: bahwa untuk mewujudkan Kabupaten Layak Anak sebagaimana diamanatkan",
                "Undang-Undang Nomor 35 Tahun 2014 dan Peraturan Presiden Nomor 25 Tahun 2021",
                "tentang Kebijakan Kabupaten/Kota Layak Anak, perlu pengaturan mengenai Gugus Tugas.",
                "",
                "Pasal 1. Gugus Tugas KLA diketuai oleh Sekretaris Daerah.",
                "Pasal 2. Sekretariat Gugus Tugas berkedudukan di Dinas Pengendalian Penduduk,",
                "Keluarga Berencana, Pemberdayaan Perempuan dan Perlindungan Anak.",
                "Pasal 3. Gugus Tugas terdiri atas subgugus Kelembagaan dan Klaster I sampai V.",
                "",
                "Dokumen ini adalah contoh untuk demonstrasi SIBULAN, bukan produk hukum resmi.",
            ]
        ],
    },
    "bukti-akta": {
        "filename": "bukti-dukung-cakupan-akta-kelahiran-2026.pdf",
        "title": "Rekap layanan jemput bola akta kelahiran 2026 (contoh bukti dukung)",
        "kind": "bukti",
        "access_level": "public",
        "indicators": [4],
        "years": [2026],
        "opd": "disdukcapil",
        "description": "Contoh bukti dukung indikator 4 untuk demonstrasi; angka di dalamnya ilustratif.",
        "pages": [
            [
                "REKAP LAYANAN JEMPUT BOLA AKTA KELAHIRAN DAN KIA",
                "Kabupaten Barito Utara - Tahun 2026 (contoh bukti dukung, angka ilustratif)",
                "",
                "Kecamatan          Lokasi layanan           Berkas diterima",
                "Teweh Tengah       sekolah dasar, posyandu        ilustratif",
                "Montallat          kantor kecamatan               ilustratif",
                "Gunung Timang      posyandu                       ilustratif",
                "",
                "Indikator 4: Kepemilikan Kutipan Akta Kelahiran.",
                "Dokumen ini adalah contoh untuk demonstrasi SIBULAN.",
            ]
        ],
    },
    "bukti-klaster-v": {
        "filename": "bukti-dukung-layanan-anak-korban-kekerasan-2026.pdf",
        "title": "Laporan layanan anak korban kekerasan 2026 (contoh bukti dukung terbatas)",
        "kind": "bukti",
        "access_level": "assessor",
        "indicators": [21],
        "years": [2026],
        "opd": "dp3ap2kb",
        "description": "Contoh bukti dukung Klaster V; hanya untuk asesor dan Sekretariat. Tidak memuat data anak yang nyata.",
        "pages": [
            [
                "LAPORAN LAYANAN ANAK KORBAN KEKERASAN DAN EKSPLOITASI",
                "Kabupaten Barito Utara - Tahun 2026 (contoh bukti dukung terbatas)",
                "",
                "Ringkasan alur layanan: pengaduan, penjangkauan, pendampingan,",
                "rujukan layanan kesehatan dan hukum, serta pemantauan pascalayanan.",
                "",
                "Indikator 21: Anak Korban Kekerasan dan Eksploitasi.",
                "Dokumen ini contoh untuk demonstrasi SIBULAN dan tidak memuat identitas anak.",
            ]
        ],
    },
}


# --- Site settings and navigation -------------------------------------------------------------------

SITE_SETTINGS = {
    "secretariat_name": "Sekretariat Gugus Tugas KLA Kabupaten Barito Utara — DP3AP2KB",
    "address": "Dinas Pengendalian Penduduk, Keluarga Berencana, Pemberdayaan Perempuan dan Perlindungan Anak\n"
    "Kabupaten Barito Utara\nMuara Teweh, Kalimantan Tengah",
    "email": "sekretariat.kla@sibulan.example",
    "office_hours": "Senin–Kamis 07.30–16.00 WIB, Jumat 07.30–11.00 WIB",
    "footer_text": "SIBULAN (Sistem Informasi Barito Utara Layak Anak) dikelola oleh Sekretariat Gugus Tugas "
    "Kabupaten Layak Anak Kabupaten Barito Utara.",
}

# (title, page slug or None, url or None)
MAIN_MENU = [
    ("Beranda", None, "/"),
    ("Tentang KLA", "tentang-kla", None),
    ("Klaster & Indikator", None, "/kla/"),
    ("RAD KLA", None, "/kla/rad/"),
    ("Berita", "berita", None),
    ("Produk Hukum", None, "/produk-hukum/"),
    ("Dokumen", None, "/dokumen/"),
    ("Cari", None, "/cari/"),
]
FOOTER_MENU = [
    ("Tentang KLA", "tentang-kla", None),
    ("Gugus Tugas KLA", "gugus-tugas-kla", None),
    ("Forum Anak Daerah", "forum-anak-daerah", None),
    ("Tentang SIBULAN", "tentang-sibulan", None),
    ("Berita", "berita", None),
    ("Produk Hukum", None, "/produk-hukum/"),
    ("Dokumen", None, "/dokumen/"),
]

# --- Assessment periods (created only when none exists) -----------------------------------------------
# The 2026 window stays open to the end of the year so that the demo Asesor can read restricted evidence.
ASSESSMENT_PERIODS = [
    {"year": 2025, "name": "Evaluasi KLA 2025", "opens_on": datetime.date(2025, 2, 3), "closes_on": datetime.date(2025, 8, 31)},
    {"year": 2026, "name": "Evaluasi KLA 2026", "opens_on": datetime.date(2026, 2, 2), "closes_on": datetime.date(2026, 12, 31)},
]

# --- Demo users: (username, role group, first name, last name, OPD code) ---------------------------------
USERS = [
    ("admin", "Administrator", "Admin", "SIBULAN", None),
    ("sekretariat", "Sekretariat Gugus Tugas", "Sekretariat", "Gugus Tugas KLA", "dp3ap2kb"),
    ("kontributor", "Kontributor OPD", "Kontributor", "Dinas Kesehatan", "dinkes"),
    ("asesor", "Asesor", "Asesor", "Tim Evaluasi KLA", None),
]

# --- The home page ---------------------------------------------------------------------------------

HOME = {
    "title": "Beranda",
    "hero_heading": "Bersama mewujudkan Barito Utara Layak Anak",
    "hero_text": (
        "SIBULAN — Sistem Informasi Barito Utara Layak Anak — memantau program strategis Kabupaten Layak Anak "
        "dari perencanaan sampai pelaksanaan, dan membuka informasinya bagi masyarakat."
    ),
    "hero_image": "hero",
    "hero_link_page": "tentang-kla",
    "hero_link_label": "Kenali program KLA",
    "intro": (
        "<p>Kabupaten Layak Anak (KLA) adalah komitmen Pemerintah Kabupaten Barito Utara untuk memastikan setiap "
        "anak, dari Gunung Purei sampai Montallat, terpenuhi haknya dan terlindungi. Upaya ini dikoordinasikan oleh "
        "<b>Gugus Tugas KLA</b> yang diketuai Sekretaris Daerah, bersama perangkat daerah, camat, organisasi "
        "perempuan, dunia usaha, media, dan Forum Anak Daerah.</p>"
        "<p>Tahun 2026 ditetapkan sebagai titik awal peningkatan nilai KLA. Rencana Aksi Daerah (RAD) KLA "
        "2026–2031 sedang disusun, dan melalui SIBULAN setiap perangkat daerah melaporkan kegiatan serta "
        "bukti dukungnya untuk 24 indikator KLA.</p>"
    ),
    "key_figures": [
        ("24", "indikator KLA dalam kelembagaan dan 5 klaster"),
        ("9", "kecamatan"),
        ("103", "desa dan kelurahan (93 desa, 10 kelurahan)"),
        ("±160.605", "penduduk (proyeksi BPS pertengahan 2023)"),
        ("2026–2031", "periode RAD KLA yang sedang disusun"),
    ],
}

# --- Standard pages (children of the home page, in menu order) ---------------------------------------------

PAGES = [
    {
        "slug": "tentang-kla",
        "title": "Tentang KLA",
        "intro": (
            "Kabupaten/Kota Layak Anak adalah kabupaten atau kota dengan sistem pembangunan yang menjamin "
            "pemenuhan hak anak dan perlindungan khusus anak secara terencana, menyeluruh, dan berkelanjutan."
        ),
        "body": [
            rich(
                "<h2>Mengapa KLA?</h2>"
                "<p>Anak adalah setiap orang yang belum berusia 18 tahun, termasuk yang masih dalam kandungan. "
                "Kebijakan KLA menjadikan pemenuhan hak anak bagian dari perencanaan dan penganggaran daerah: "
                "bukan satu program satu dinas, melainkan kerja bersama seluruh perangkat daerah, masyarakat, "
                "dunia usaha, dan media.</p>"
                "<h2>Dasar hukum</h2>"
                "<ul>"
                "<li><b>Undang-Undang Nomor 35 Tahun 2014</b> tentang Perubahan atas UU Nomor 23 Tahun 2002 tentang "
                "Perlindungan Anak — Pasal 21 mewajibkan pemerintah daerah membangun kabupaten/kota layak anak.</li>"
                "<li><b>Peraturan Presiden Nomor 25 Tahun 2021</b> tentang Kebijakan Kabupaten/Kota Layak Anak.</li>"
                "<li><b>Peraturan Menteri PPPA Nomor 12 Tahun 2022</b> tentang Penyelenggaraan Kabupaten/Kota Layak Anak.</li>"
                "<li><b>Keputusan Menteri PPPA Nomor 21 Tahun 2023</b> tentang instrumen evaluasi KLA tingkat kabupaten/kota.</li>"
                "<li><b>Peraturan Pemerintah Nomor 78 Tahun 2021</b> tentang Perlindungan Khusus bagi Anak.</li>"
                "</ul>"
            ),
            callout(
                "Daftar 31 indikator lama tidak berlaku lagi",
                "<p>Evaluasi KLA kini memakai <b>24 indikator</b> dalam penguatan kelembagaan dan lima klaster hak "
                "anak. Daftar 31 indikator dari tahun 2011 sudah digantikan.</p>",
                "important",
            ),
            rich("<h2>Kelembagaan dan lima klaster</h2>"),
            image("klaster", "Enam kelompok penilaian KLA dan jumlah indikatornya."),
            table(
                [
                    ["Kelompok", "Cakupan", "Indikator"],
                    ["Penguatan Kelembagaan", "Kebijakan daerah, Gugus Tugas dan RAD, peran masyarakat, dunia usaha, dan media", "1–3"],
                    ["Klaster I: Hak Sipil dan Kebebasan", "Akta kelahiran, informasi layak anak, partisipasi anak", "4–6"],
                    ["Klaster II: Lingkungan Keluarga dan Pengasuhan Alternatif", "Pencegahan perkawinan anak, konsultasi keluarga, pengasuhan alternatif, PAUD-HI, infrastruktur ramah anak", "7–11"],
                    ["Klaster III: Kesehatan Dasar dan Kesejahteraan", "Persalinan di fasilitas kesehatan, gizi, PMBA, layanan kesehatan ramah anak, air minum dan sanitasi, kawasan tanpa rokok", "12–17"],
                    ["Klaster IV: Pendidikan, Pemanfaatan Waktu Luang, dan Kegiatan Budaya", "Wajib belajar 12 tahun, sekolah ramah anak, pusat kreativitas anak", "18–20"],
                    ["Klaster V: Perlindungan Khusus", "Anak korban kekerasan, anak dalam situasi darurat, anak penyandang disabilitas, anak berhadapan dengan hukum", "21–24"],
                ],
                "Kelembagaan dan klaster KLA (Perpres 25/2021)",
            ),
            rich(
                "<p>Penjelasan tiap indikator dan contoh bukti dukungnya ada di halaman "
                '<a href="/kla/">Klaster &amp; Indikator</a>.</p>'
                "<h2>Evaluasi dan predikat</h2>"
                "<p>Setiap tahun Kementerian Pemberdayaan Perempuan dan Perlindungan Anak mengevaluasi "
                "kabupaten/kota: evaluasi mandiri oleh Gugus Tugas dengan mengunggah bukti dukung, verifikasi "
                "administrasi oleh provinsi, peninjauan ulang di pusat, verifikasi lapangan, lalu verifikasi final. "
                "Penghargaan diumumkan sekitar Hari Anak Nasional, 23 Juli. Nilai maksimal 1000 dan setiap indikator "
                "memiliki bobot yang berbeda.</p>"
            ),
            table(
                [
                    ["Predikat", "Rentang nilai"],
                    ["Pratama", "500–600"],
                    ["Madya", "601–700"],
                    ["Nindya", "701–800"],
                    ["Utama", "801–900"],
                    ["KLA", "901–1000"],
                ],
                "Predikat Kabupaten/Kota Layak Anak",
            ),
            callout(
                "Target Barito Utara",
                "<p>Pada rapat koordinasi Gugus Tugas 14 Oktober 2025, tahun 2026 ditetapkan sebagai titik awal "
                "peningkatan nilai KLA Barito Utara, dengan empat fokus: penguatan regulasi daerah, sarana dan "
                "prasarana ramah anak, koordinasi lintas sektor, serta integrasi data dan informasi.</p>",
                "success",
            ),
            document("perbup-gugus-tugas", "Contoh naskah peraturan bupati tentang Gugus Tugas KLA."),
        ],
    },
    {
        "slug": "gugus-tugas-kla",
        "title": "Gugus Tugas KLA",
        "intro": (
            "Gugus Tugas Kabupaten Layak Anak mengoordinasikan semua pihak yang bekerja untuk anak di Barito Utara, "
            "dari perencanaan sampai pelaporan."
        ),
        "body": [
            rich(
                "<h2>Kedudukan dan susunan</h2>"
                "<p>Gugus Tugas KLA dibentuk dengan keputusan Bupati. <b>Ketua Gugus Tugas adalah Sekretaris Daerah</b> "
                "Kabupaten Barito Utara, Drs. Muhlis. Sekretariatnya berada di <b>Dinas Pengendalian Penduduk, "
                "Keluarga Berencana, Pemberdayaan Perempuan dan Perlindungan Anak</b> (Dinas Dalduk KB dan P3A, juga "
                "ditulis DP3AP2KB), yang dipimpin Kepala Dinas Silas Patiung.</p>"
                "<p>Susunan minimal Gugus Tugas terdiri atas ketua, wakil ketua, sekretaris, dan subgugus untuk "
                "penguatan kelembagaan serta setiap klaster I–V.</p>"
            ),
            image("gugus-tugas", "Rapat koordinasi mempertemukan perangkat daerah, camat, dan mitra Gugus Tugas."),
            rich(
                "<h2>Tugas</h2>"
                "<ul>"
                "<li>menyusun dan melaksanakan Rencana Aksi Daerah (RAD) KLA;</li>"
                "<li>menggerakkan sumber daya perangkat daerah, masyarakat, dan dunia usaha;</li>"
                "<li>melakukan advokasi, sosialisasi, dan publikasi KLA;</li>"
                "<li>memantau dan mengevaluasi pelaksanaan KLA, termasuk evaluasi tahunan;</li>"
                "<li>melaporkan hasilnya kepada Bupati.</li>"
                "</ul>"
                "<h2>Anggota</h2>"
                "<p>Anggota Gugus Tugas meliputi kepala perangkat daerah, camat, instansi vertikal, organisasi "
                "perempuan seperti TP-PKK dan Gabungan Organisasi Wanita (GOW), lembaga masyarakat, dunia usaha, "
                "media, serta Forum Anak Daerah sebagai wakil suara anak.</p>"
            ),
            table(
                [
                    ["Subgugus", "Contoh perangkat daerah yang terlibat"],
                    ["Penguatan Kelembagaan", "Sekretariat Daerah, Bappedalitbang, Bagian Hukum, DP3AP2KB"],
                    ["Klaster I", "Disdukcapil, Dinas Kominfo, Dinas Perpustakaan dan Kearsipan"],
                    ["Klaster II", "DP3AP2KB, Dinas Sosial, Dinas Pendidikan, Kantor Kemenag, DPUPR"],
                    ["Klaster III", "Dinas Kesehatan, RSUD Muara Teweh, DLH, DPUPR, Satpol PP"],
                    ["Klaster IV", "Dinas Pendidikan, Disbudparpora, Kantor Kemenag"],
                    ["Klaster V", "DP3AP2KB, Dinas Sosial, Polres Barito Utara, BPBD"],
                ],
                "Gambaran pembagian subgugus (susunan resmi ditetapkan dalam keputusan Bupati)",
            ),
            callout(
                "Menghubungi Sekretariat",
                "<p>Sekretariat Gugus Tugas KLA berada di DP3AP2KB Kabupaten Barito Utara, Muara Teweh. Alamat dan "
                "jam layanan tercantum di bagian bawah setiap halaman.</p>",
                "info",
            ),
        ],
    },
    {
        "slug": "forum-anak-daerah",
        "title": "Forum Anak Daerah",
        "intro": (
            "Forum Anak Daerah Kabupaten Barito Utara adalah wadah anak-anak untuk menyampaikan pendapat dan "
            "ikut serta dalam pembangunan daerah."
        ),
        "body": [
            rich(
                "<h2>Pelopor dan pelapor</h2>"
                "<p>Forum Anak menjalankan peran <b>2P</b>: menjadi <b>pelopor</b> kebaikan di lingkungannya dan "
                "<b>pelapor</b> ketika melihat hak anak tidak terpenuhi. Forum Anak dibentuk berjenjang, dari tingkat "
                "desa/kelurahan, kecamatan, kabupaten, provinsi, sampai nasional.</p>"
                "<p>Penyelenggaraannya kini diatur dalam Peraturan Menteri PPPA Nomor 3 Tahun 2025 tentang "
                "Penyelenggaraan Partisipasi Anak melalui Forum Anak. Forum Anak yang aktif menjadi bukti dukung "
                "indikator 6, <i>Pelembagaan Partisipasi Anak</i>.</p>"
            ),
            image("forum-anak", "Anak-anak menyampaikan usulan untuk pembangunan daerah."),
            rich(
                "<h2>Apa yang dilakukan Forum Anak?</h2>"
                "<ul>"
                "<li>menyampaikan usulan anak dalam Musyawarah Perencanaan Pembangunan (Musrenbang);</li>"
                "<li>hadir dalam rapat koordinasi Gugus Tugas KLA, seperti pada 14 Oktober 2025;</li>"
                "<li>mengampanyekan pencegahan perkawinan anak, kekerasan, dan perundungan;</li>"
                "<li>mengajak teman sebaya ikut kegiatan kreatif, budaya, dan lingkungan.</li>"
                "</ul>"
                "<h2>Tahap pembentukan</h2>"
                "<p>Pembentukan Forum Anak melalui tahap persiapan, pelaksanaan, legalisasi, pengukuhan, dan "
                "publikasi. Desa dan kelurahan yang ingin membentuk Forum Anak dapat berkonsultasi dengan "
                "Sekretariat Gugus Tugas.</p>"
            ),
            callout(
                "Ingin bergabung?",
                "<p>Anak berusia di bawah 18 tahun yang tinggal di Barito Utara dapat bergabung melalui Forum Anak "
                "di desa, kelurahan, atau kecamatannya, atau bertanya ke Sekretariat Gugus Tugas KLA di DP3AP2KB.</p>",
                "success",
            ),
        ],
    },
    {
        "slug": "tentang-sibulan",
        "title": "Tentang SIBULAN",
        "intro": (
            "SIBULAN — Sistem Informasi Barito Utara Layak Anak — adalah portal program Kabupaten Layak Anak "
            "Barito Utara, diperkenalkan pada rapat koordinasi Gugus Tugas KLA 14 Oktober 2025."
        ),
        "body": [
            rich(
                "<h2>Untuk apa SIBULAN?</h2>"
                "<p>SIBULAN dibuat untuk memantau program strategis KLA dari perencanaan sampai pelaksanaan dan "
                "evaluasi. Setiap perangkat daerah melaporkan kegiatan dan bukti dukung untuk indikator yang menjadi "
                "tanggung jawabnya, Sekretariat Gugus Tugas memverifikasinya, dan masyarakat dapat mengikuti "
                "perkembangan program.</p>"
            ),
            table(
                [
                    ["Pengguna", "Yang dapat dilakukan"],
                    ["Masyarakat", "membaca berita dan halaman program, menelusuri regulasi dan dokumen publik, melihat kerangka 24 indikator"],
                    ["Kontributor OPD", "mengunggah bukti dukung dan mengajukan halaman untuk ditinjau (tidak dapat menerbitkan sendiri)"],
                    ["Sekretariat Gugus Tugas", "menerbitkan berita dan regulasi, memverifikasi bukti dukung, mengelola periode evaluasi"],
                    ["Asesor", "membaca bukti dukung terbatas selama periode evaluasi berlangsung, tanpa dapat mengubah apa pun"],
                ],
                "Siapa memakai SIBULAN",
            ),
            callout(
                "Data anak dilindungi",
                "<p>Bukti dukung Klaster V (perlindungan khusus) dan dokumen yang memuat identitas anak tidak "
                "ditampilkan untuk umum. Data pribadi anak termasuk data pribadi yang bersifat spesifik menurut "
                "Undang-Undang Nomor 27 Tahun 2022 tentang Pelindungan Data Pribadi.</p>",
                "important",
            ),
            rich(
                "<h2>Empat fokus penguatan KLA</h2>"
                "<ol>"
                "<li>penguatan regulasi daerah;</li>"
                "<li>penyediaan sarana dan prasarana ramah anak;</li>"
                "<li>optimalisasi koordinasi lintas sektor;</li>"
                "<li>pengelolaan dan integrasi data dan informasi — di sinilah peran SIBULAN.</li>"
                "</ol>"
            ),
            image("pelatihan", "SIBULAN menghimpun bukti dukung dari setiap perangkat daerah."),
        ],
    },
]

# --- News ---------------------------------------------------------------------------------------------

NEWS_INDEX = {
    "slug": "berita",
    "title": "Berita",
    "intro": "Kabar terbaru program Kabupaten Layak Anak di Barito Utara.",
}

CATEGORIES = [
    ("kegiatan", "Kegiatan"),
    ("pengumuman", "Pengumuman"),
    ("layanan", "Layanan Anak dan Keluarga"),
    ("evaluasi-kla", "Evaluasi KLA"),
]

# Oldest first: the loader creates them in this order.
NEWS = [
    {
        "slug": "rakor-gugus-tugas-kla-2025-sibulan-diperkenalkan",
        "title": "Rakor Gugus Tugas KLA 2025: SIBULAN diperkenalkan, RAD KLA 2026–2031 mulai disusun",
        "date": datetime.date(2025, 10, 14),
        "intro": (
            "Rapat koordinasi Gugus Tugas Kabupaten Layak Anak di Aula Setda Lantai I, Muara Teweh, menandai langkah "
            "baru Barito Utara: sistem informasi SIBULAN diperkenalkan dan penyusunan RAD KLA 2026–2031 dimulai."
        ),
        "image": "gugus-tugas",
        "caption": "Ilustrasi rapat koordinasi Gugus Tugas KLA Kabupaten Barito Utara.",
        "categories": ["kegiatan"],
        "tags": ["Gugus Tugas", "SIBULAN", "RAD KLA"],
        "body": [
            rich(
                "<p>Pemerintah Kabupaten Barito Utara menggelar Rapat Koordinasi Gugus Tugas Kabupaten Layak Anak "
                "(KLA) Tahun 2025 pada Selasa, 14 Oktober 2025, di Aula Sekretariat Daerah Lantai I, Muara Teweh. "
                "Rapat dibuka oleh Sekretaris Daerah <b>Drs. Muhlis</b>, yang juga Ketua Gugus Tugas KLA, dan "
                "diselenggarakan oleh Dinas Pengendalian Penduduk, KB, Pemberdayaan Perempuan dan Perlindungan Anak "
                "(Dinas Dalduk KB dan P3A) yang dipimpin Kepala Dinas <b>Silas Patiung</b>.</p>"
                "<p>Peserta yang hadir mencerminkan luasnya kerja KLA: unsur Forkopimda, kepala perangkat daerah, "
                "para camat, organisasi perempuan TP-PKK dan Gabungan Organisasi Wanita (GOW), serta Forum Anak "
                "Daerah. Dalam arahannya, Sekda menekankan bahwa KLA hanya dapat terwujud melalui kolaborasi lintas "
                "sektor, bukan oleh satu dinas saja.</p>"
                "<h2>SIBULAN untuk memantau program strategis</h2>"
                "<p>Pada rapat ini diperkenalkan <b>SIBULAN</b> (Sistem Informasi Barito Utara Layak Anak), aplikasi "
                "untuk memantau program strategis KLA mulai dari perencanaan sampai pelaksanaan. Melalui SIBULAN, "
                "perangkat daerah melaporkan kegiatan dan bukti dukung untuk setiap indikator, sehingga Gugus Tugas "
                "dapat melihat capaian dan kekurangan lebih awal.</p>"
            ),
            callout(
                "Hasil penting rapat",
                "<ul><li>SIBULAN diperkenalkan sebagai sarana pemantauan program KLA;</li>"
                "<li>penyusunan Rencana Aksi Daerah (RAD) KLA 2026–2031 dimulai dan akan diselaraskan dengan "
                "kebijakan pembangunan nasional;</li>"
                "<li>tahun 2026 ditetapkan sebagai titik awal peningkatan nilai KLA Barito Utara.</li></ul>",
                "success",
            ),
            rich(
                "<h2>Empat fokus</h2>"
                "<p>Upaya peningkatan diarahkan pada empat hal: penguatan regulasi daerah, penyediaan sarana dan "
                "prasarana ramah anak, optimalisasi koordinasi lintas sektor, serta pengelolaan dan integrasi data "
                "dan informasi. Setiap perangkat daerah diminta menyiapkan program dan bukti dukung sesuai klaster "
                "yang menjadi tanggung jawabnya.</p>"
            ),
        ],
    },
    {
        "slug": "sosialisasi-kla-menjangkau-sembilan-kecamatan",
        "title": "Sosialisasi KLA menjangkau sembilan kecamatan",
        "date": datetime.date(2025, 11, 18),
        "intro": (
            "Sekretariat Gugus Tugas KLA mengajak camat, lurah, dan kepala desa se-Barito Utara menjadikan desa dan "
            "kelurahan sebagai garda depan pemenuhan hak anak."
        ),
        "image": "sosialisasi",
        "caption": "Ilustrasi sembilan kecamatan Kabupaten Barito Utara.",
        "categories": ["kegiatan"],
        "tags": ["sosialisasi", "desa layak anak"],
        "body": [
            rich(
                "<p>Sebagai tindak lanjut rapat koordinasi Gugus Tugas, Sekretariat Gugus Tugas KLA menggelar "
                "sosialisasi bagi perwakilan sembilan kecamatan: Montallat, Gunung Timang, Gunung Purei, Teweh Timur, "
                "Teweh Tengah, Lahei, Teweh Baru, Teweh Selatan, dan Lahei Barat.</p>"
                "<p>Materi sosialisasi meliputi kerangka 24 indikator KLA, peran kecamatan dan desa dalam "
                "menyediakan data anak yang terpilah menurut jenis kelamin dan kelompok umur, serta langkah "
                "membentuk Forum Anak di tingkat desa dan kelurahan.</p>"
            ),
            callout(
                "Mengapa desa penting?",
                "<p>Barito Utara memiliki 103 desa dan kelurahan. Pencatatan kelahiran, posyandu, PAUD, dan "
                "pencegahan perkawinan anak paling dekat dilakukan di tingkat desa.</p>",
                "info",
            ),
        ],
    },
    {
        "slug": "opd-dilatih-mengunggah-bukti-dukung-ke-sibulan",
        "title": "Perangkat daerah dilatih mengunggah bukti dukung ke SIBULAN",
        "date": datetime.date(2026, 1, 21),
        "intro": (
            "Menjelang evaluasi KLA 2026, kontributor dari perangkat daerah berlatih mengunggah bukti dukung dan "
            "melaporkan kegiatan melalui SIBULAN."
        ),
        "image": "pelatihan",
        "caption": "Ilustrasi pengunggahan bukti dukung di SIBULAN.",
        "categories": ["pengumuman", "evaluasi-kla"],
        "tags": ["SIBULAN", "bukti dukung", "evaluasi KLA"],
        "body": [
            rich(
                "<p>Sekretariat Gugus Tugas KLA memberikan pelatihan kepada petugas kontributor dari perangkat daerah "
                "tentang cara mengunggah bukti dukung ke SIBULAN. Setiap dokumen ditandai dengan indikator dan tahun "
                "evaluasinya, sehingga mudah ditemukan saat evaluasi mandiri dan verifikasi.</p>"
                "<p>Peserta juga mempelajari alur peninjauan: kontributor mengajukan, Sekretariat memeriksa dan "
                "memverifikasi, dan hanya dokumen yang layak publik yang ditampilkan untuk umum.</p>"
            ),
            callout(
                "Bukti dukung yang memuat data anak",
                "<p>Dokumen yang memuat identitas anak, termasuk seluruh bukti dukung Klaster V, otomatis dibatasi "
                "aksesnya untuk asesor dan Sekretariat.</p>",
                "important",
            ),
        ],
    },
    {
        "slug": "jemput-bola-akta-kelahiran-dan-kia",
        "title": "Jemput bola akta kelahiran dan KIA di sekolah dan posyandu",
        "date": datetime.date(2026, 2, 12),
        "intro": (
            "Layanan pencatatan sipil mendatangi sekolah dan posyandu agar anak-anak di kecamatan yang jauh dari "
            "Muara Teweh memiliki akta kelahiran dan Kartu Identitas Anak."
        ),
        "image": "akta",
        "caption": "Ilustrasi akta kelahiran.",
        "categories": ["layanan"],
        "tags": ["akta kelahiran", "Klaster I"],
        "body": [
            rich(
                "<p>Dinas Kependudukan dan Pencatatan Sipil bersama Gugus Tugas KLA membuka layanan jemput bola "
                "akta kelahiran dan Kartu Identitas Anak (KIA). Petugas hadir di sekolah dasar, posyandu, dan kantor "
                "kecamatan sesuai jadwal yang diumumkan camat.</p>"
                "<p>Kepemilikan kutipan akta kelahiran adalah indikator 4 dalam Klaster I: Hak Sipil dan Kebebasan. "
                "Akta kelahiran menjadi dasar bagi anak untuk mengakses layanan pendidikan, kesehatan, dan "
                "perlindungan sosial.</p>"
            ),
            document("bukti-akta", "Contoh rekap layanan jemput bola sebagai bukti dukung indikator 4."),
            callout(
                "Yang perlu dibawa",
                "<p>Orang tua disarankan membawa surat keterangan lahir, kartu keluarga, dan KTP orang tua. "
                "Informasi persyaratan terbaru dapat ditanyakan ke Disdukcapil.</p>",
                "info",
            ),
        ],
    },
    {
        "slug": "forum-anak-daerah-bawa-suara-anak-ke-musrenbang",
        "title": "Forum Anak Daerah bawa suara anak ke Musrenbang",
        "date": datetime.date(2026, 3, 5),
        "intro": (
            "Perwakilan Forum Anak Daerah menyampaikan usulan anak dalam Musyawarah Perencanaan Pembangunan "
            "kabupaten, dari ruang bermain ramah anak sampai pencegahan perundungan."
        ),
        "image": "forum-anak",
        "caption": "Ilustrasi anak-anak menyampaikan pendapat.",
        "categories": ["kegiatan"],
        "tags": ["Forum Anak", "partisipasi anak"],
        "body": [
            rich(
                "<p>Forum Anak Daerah Kabupaten Barito Utara mengikuti Musrenbang dan menyampaikan usulan yang "
                "dihimpun dari Forum Anak kecamatan. Usulan itu meliputi ruang bermain yang aman, kegiatan literasi "
                "dan budaya, serta kampanye pencegahan perundungan dan perkawinan anak.</p>"
                "<p>Keterlibatan anak dalam perencanaan pembangunan adalah bagian dari indikator 6, Pelembagaan "
                "Partisipasi Anak. Sekretariat Gugus Tugas mencatat usulan anak agar dapat ditelusuri dalam "
                "dokumen perencanaan perangkat daerah.</p>"
            ),
        ],
    },
    {
        "slug": "posyandu-diperkuat-menjaga-penurunan-stunting",
        "title": "Posyandu diperkuat untuk menjaga tren penurunan stunting",
        "date": datetime.date(2026, 4, 16),
        "intro": (
            "Kader posyandu mendapat penyegaran tentang penimbangan, pengukuran tinggi badan, dan pemberian makan "
            "bayi dan anak, agar tren penurunan stunting di Barito Utara terjaga."
        ),
        "image": "posyandu",
        "caption": "Ilustrasi pemantauan pertumbuhan anak di posyandu.",
        "categories": ["layanan"],
        "tags": ["stunting", "posyandu", "Klaster III"],
        "body": [
            rich(
                "<p>Pemerintah daerah sebelumnya melaporkan prevalensi stunting Barito Utara turun dari 6,7 persen "
                "pada 2023 menjadi 3,23 persen pada Desember 2024. Untuk menjaga capaian itu, Dinas Kesehatan bersama "
                "puskesmas memberikan penyegaran kepada kader posyandu.</p>"
                "<p>Materi meliputi penimbangan dan pengukuran yang benar, pencatatan hasil ke buku KIA, konseling "
                "pemberian makan bayi dan anak (PMBA), serta rujukan bagi balita yang pertumbuhannya perlu dipantau "
                "lebih dekat.</p>"
            ),
            callout(
                "Terkait indikator KLA",
                "<p>Kegiatan ini mendukung Klaster III: indikator 13 (prevalensi gizi) dan indikator 14 (PMBA).</p>",
                "info",
            ),
        ],
    },
    {
        "slug": "layanan-konsultasi-keluarga-puspaga",
        "title": "Layanan konsultasi keluarga melalui PUSPAGA diperluas",
        "date": datetime.date(2026, 5, 20),
        "intro": (
            "Orang tua dan keluarga yang membutuhkan teman bicara soal pengasuhan dapat berkonsultasi melalui "
            "Pusat Pembelajaran Keluarga (PUSPAGA)."
        ),
        "image": "puspaga",
        "caption": "Ilustrasi keluarga.",
        "categories": ["layanan"],
        "tags": ["PUSPAGA", "pengasuhan", "Klaster II"],
        "body": [
            rich(
                "<p>DP3AP2KB memperluas jadwal layanan konsultasi keluarga melalui PUSPAGA. Layanan ini membantu "
                "orang tua menghadapi persoalan pengasuhan sehari-hari, komunikasi dengan anak remaja, sampai "
                "pencegahan kekerasan dalam keluarga.</p>"
                "<p>Lembaga konsultasi bagi orang tua dan keluarga merupakan indikator 8 dalam Klaster II: "
                "Lingkungan Keluarga dan Pengasuhan Alternatif.</p>"
            ),
            callout(
                "Layanan tanpa biaya",
                "<p>Konsultasi PUSPAGA tidak dipungut biaya. Jadwal dan tempat layanan dapat ditanyakan ke "
                "Sekretariat Gugus Tugas KLA di DP3AP2KB.</p>",
                "success",
            ),
        ],
    },
    {
        "slug": "pendampingan-sekolah-ramah-anak",
        "title": "Pendampingan sekolah ramah anak bagi satuan pendidikan",
        "date": datetime.date(2026, 6, 10),
        "intro": (
            "Kepala sekolah dan guru mengikuti pendampingan tentang prinsip sekolah ramah anak: aman, bersih, sehat, "
            "inklusif, dan bebas perundungan."
        ),
        "image": "sekolah",
        "caption": "Ilustrasi sekolah ramah anak.",
        "categories": ["kegiatan"],
        "tags": ["sekolah ramah anak", "Klaster IV"],
        "body": [
            rich(
                "<p>Dinas Pendidikan dan Gugus Tugas KLA mendampingi satuan pendidikan yang ingin menerapkan "
                "Sekolah Ramah Anak (SRA). Pendampingan membahas tata tertib tanpa kekerasan, sarana yang aman, "
                "kantin sehat, serta keterlibatan murid dan orang tua.</p>"
                "<p>Sekolah ramah anak adalah indikator 19 dalam Klaster IV. Daftar sekolah yang menerapkan SRA dan "
                "bukti pelatihannya termasuk bukti dukung yang diunggah ke SIBULAN.</p>"
            ),
        ],
    },
    {
        "slug": "peringatan-hari-anak-nasional-2026-muara-teweh",
        "title": "Peringatan Hari Anak Nasional 2026 di Muara Teweh",
        "date": datetime.date(2026, 7, 23),
        "intro": (
            "Ratusan anak memeriahkan Hari Anak Nasional dengan lomba, pentas seni, dan pojok layanan akta kelahiran "
            "serta kesehatan."
        ),
        "image": "han",
        "caption": "Ilustrasi perayaan Hari Anak Nasional.",
        "categories": ["kegiatan"],
        "tags": ["Hari Anak Nasional", "Forum Anak"],
        "body": [
            rich(
                "<p>Peringatan Hari Anak Nasional setiap 23 Juli dirayakan di Muara Teweh dengan pentas seni, lomba "
                "mewarnai dan bercerita, serta dialog antara Forum Anak Daerah dan perangkat daerah.</p>"
                "<p>Di sela acara, pojok layanan membantu keluarga mengurus akta kelahiran dan KIA, memeriksa "
                "kesehatan anak, dan mendapatkan informasi pengasuhan dari PUSPAGA.</p>"
            ),
            image("forum-anak", "Forum Anak Daerah memandu dialog anak dengan perangkat daerah."),
        ],
    },
    {
        "slug": "gugus-tugas-tinjau-capaian-dan-bukti-dukung",
        "title": "Gugus Tugas tinjau capaian program dan kelengkapan bukti dukung",
        "date": datetime.date(2026, 9, 17),
        "intro": (
            "Rapat evaluasi Gugus Tugas KLA meninjau pelaksanaan program perangkat daerah dan kelengkapan bukti "
            "dukung setiap indikator di SIBULAN."
        ),
        "image": "evaluasi",
        "caption": "Ilustrasi evaluasi capaian indikator KLA.",
        "categories": ["evaluasi-kla"],
        "tags": ["evaluasi KLA", "bukti dukung", "SIBULAN"],
        "body": [
            rich(
                "<p>Gugus Tugas KLA menggelar rapat evaluasi untuk meninjau pelaksanaan program perangkat daerah "
                "sepanjang 2026. Rekap kelengkapan bukti dukung per indikator di SIBULAN dipakai untuk melihat "
                "indikator mana yang sudah lengkap dan mana yang masih memerlukan dokumen tambahan.</p>"
                "<p>Hasil tinjauan menjadi bahan perbaikan program dan penyusunan RAD KLA 2026–2031, sekaligus "
                "persiapan evaluasi KLA tahun berikutnya.</p>"
            ),
            callout(
                "Untuk perangkat daerah",
                "<p>Kontributor OPD dapat melihat daftar bukti dukung yang masih kurang untuk indikatornya setelah "
                "masuk ke SIBULAN.</p>",
                "info",
            ),
        ],
    },
]
