"""Benchmark of the ingestion pipeline (a script, not a test).

    .venv/bin/python bench/ingest.py            # 500 documents (10% scanned) + a 200 MB PDF
    .venv/bin/python bench/ingest.py --quick    # 60 documents + a 20 MB PDF

Generates a corpus of mixed types into a temporary folder, imports it through the real pipeline
(validation, storage, the ingestion task with extraction, OCR, thumbnail, search index) into a
temporary DATA_DIR, and prints documents/s and pages/s for extraction and for OCR next to raw
pypdfium2 (text layer of the same PDFs) and raw ``tesseract`` (the same scanned pages, rendered at
300 dpi beforehand), with the median and p95 per file; then the peak resident memory added while
one big PDF goes through the pipeline (VmHWM of a fresh subprocess).
Targets (issue 3): extraction within 1.5× of raw pypdfium2, OCR within 1.2× of raw tesseract,
the big upload adding less than 100 MB of resident memory.
"""

import argparse
import os
import random
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

WORDS = (
    "anak posyandu imunisasi gizi balita sekolah ramah kabupaten barito utara kecamatan teweh tengah desa kelurahan "
    "perlindungan khusus pengasuhan keluarga forum partisipasi akta kelahiran kesehatan reproduksi remaja pendidikan "
    "taman bermain puskesmas layanan rujukan kekerasan pencegahan perkawinan usia dini laporan kegiatan anggaran "
    "realisasi target capaian indikator klaster evaluasi gugus tugas dinas bidang program sosialisasi pelatihan"
).split()


def sentence(rng, words=60):
    return " ".join(rng.choice(WORDS) for _ in range(words)).capitalize() + "."


def generate_corpus(folder, count, rng):
    from tests.documents import files

    kinds = ["pdf", "docx", "xlsx", "pptx", "odt", "ods", "txt", "csv", "html", "png"]
    plan = []
    for number in range(count):
        plan.append(("scanned" if number % 10 == 9 else kinds[(number - number // 10) % len(kinds)], number))
    made = []
    for kind, number in plan:
        text = f"{sentence(rng)} Nomor {number}."
        if kind == "scanned":
            path = files.scanned_pdf(folder / f"pindaian-{number}.pdf", text=sentence(rng, 30), pages=1)
        elif kind == "pdf":
            path = files.pdf_with_text(folder / f"laporan-{number}.pdf", text=text * 4, pages=rng.randint(1, 8))
        elif kind == "png":
            # An image of text: it is OCR'd, so it counts with the scanned files.
            path = files.image_with_text(folder / f"foto-{number}.png", text=sentence(rng, 20))
        else:
            generator = files.GENERATORS[kind]
            path = generator(folder / f"berkas-{number}.{kind}", text=text)
        made.append((path, kind))
    return made


def _time_stage(module, name, stages, current):
    """Wrap ``module.name`` so that the time spent in it is added to ``stages[(current file, name)]``."""
    original = getattr(module, name)

    def timed(*args, **kwargs):
        start = time.perf_counter()
        try:
            return original(*args, **kwargs)
        finally:
            key = (current[0], name)
            stages[key] = stages.get(key, 0.0) + time.perf_counter() - start

    setattr(module, name, timed)


def percentile(values, fraction):
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(fraction * (len(ordered) - 1))))] if ordered else 0.0


def row(label, durations, pages):
    total = sum(durations) or 1e-9
    return (label, len(durations), pages, len(durations) / total, pages / total,
            statistics.median(durations) * 1000 if durations else 0, percentile(durations, 0.95) * 1000)


def print_table(rows):
    header = ("", "files", "pages", "docs/s", "pages/s", "median ms", "p95 ms")
    print(f"{header[0]:<44}{header[1]:>7}{header[2]:>7}{header[3]:>10}{header[4]:>10}{header[5]:>11}{header[6]:>10}")
    for label, files_, pages, docs_s, pages_s, median, p95 in rows:
        print(f"{label:<44}{files_:>7}{pages:>7}{docs_s:>10.2f}{pages_s:>10.2f}{median:>11.1f}{p95:>10.1f}")


def raw_pdfium(paths):
    import pypdfium2 as pdfium

    durations, pages = [], 0
    for path in paths:
        start = time.perf_counter()
        pdf = pdfium.PdfDocument(str(path))
        for index in range(len(pdf)):
            page = pdf[index]
            textpage = page.get_textpage()
            textpage.get_text_bounded()
            textpage.close()
            page.close()
        pages += len(pdf)
        pdf.close()
        durations.append(time.perf_counter() - start)
    return durations, pages


def raw_tesseract(items, workdir):
    """tesseract CLI on the same pages: scanned PDFs rendered at 300 dpi beforehand (not timed); images as they are."""
    import pypdfium2 as pdfium

    durations, pages = [], 0
    for number, (path, kind) in enumerate(items):
        sources = []
        if kind == "scanned":
            pdf = pdfium.PdfDocument(str(path))
            for index in range(len(pdf)):
                target = workdir / f"raw-{number}-{index}.png"
                pdf[index].render(scale=300 / 72, grayscale=True).to_pil().save(target)
                sources.append(target)
            pdf.close()
        else:
            sources.append(path)
        start = time.perf_counter()
        for source in sources:
            subprocess.run(["tesseract", str(source), "-", "-l", "ind+eng"], capture_output=True, check=True)
        durations.append(time.perf_counter() - start)
        pages += len(sources)
    return durations, pages


def make_big_pdf(path, megabytes):
    """A PDF of about ``megabytes`` MB: pages of incompressible photos (JPEG) with a text layer."""
    from fpdf import FPDF
    from PIL import Image

    from tests.documents.files import FONT

    pdf = FPDF()
    pdf.add_font("DejaVu", fname=FONT)
    pdf.set_font("DejaVu", size=11)
    rng = random.Random(7)
    written, number = 0, 0
    with tempfile.TemporaryDirectory() as scratch:
        while written < megabytes * 1024 * 1024:
            image_path = Path(scratch) / f"foto-{number}.jpg"
            Image.frombytes("RGB", (2400, 2400), os.urandom(2400 * 2400 * 3)).save(image_path, quality=92)
            written += image_path.stat().st_size
            pdf.add_page()
            pdf.multi_cell(0, 6, f"Dokumentasi kegiatan halaman {number + 1}. {sentence(rng)}")
            pdf.image(str(image_path), x=10, y=60, w=190)
            number += 1
        pdf.output(str(path))
    return number


MEMORY_CHILD = r"""
import os, sys, django
sys.path.insert(0, sys.argv[1])
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "portal.settings")
django.setup()
from django.core.management import call_command
call_command("migrate", verbosity=0)

def hwm():
    for line in open("/proc/self/status"):
        if line.startswith(("VmHWM", "VmRSS")):
            yield line.split()[0].rstrip(":"), int(line.split()[1]) // 1024

from documents.ingest import ingest_file
from documents.models import ArchiveDocument
# Warm up: load every module of the pipeline with a small file first.
with open(sys.argv[3], "rb") as handle:
    ingest_file(handle, os.path.basename(sys.argv[3]), kind="laporan")
import time
before = dict(hwm())
start = time.perf_counter()
with open(sys.argv[2], "rb") as handle:
    result = ingest_file(handle, os.path.basename(sys.argv[2]), kind="laporan")
elapsed = time.perf_counter() - start
after = dict(hwm())
document = ArchiveDocument.objects.get(pk=result.document.pk)
print(before["VmHWM"], after["VmHWM"], document.ingestion_status, document.page_count, round(elapsed, 2))
"""


def measure_big_upload(big_pdf, small_pdf, data_dir):
    size_mb = big_pdf.stat().st_size // (1024 * 1024) + 10
    env = {**os.environ, "DATA_DIR": str(data_dir), "SIMPLE_STATICFILES": "1", "DOCUMENT_MAX_UPLOAD_MB": str(max(size_mb, 100))}
    env.pop("DATABASE_URL", None)
    child = subprocess.run([sys.executable, "-c", MEMORY_CHILD, str(ROOT), str(big_pdf), str(small_pdf)],
                           capture_output=True, text=True, env=env)
    if child.returncode:
        sys.exit(f"The big upload failed:\n{child.stderr[-3000:]}")
    output = child.stdout.split()
    return int(output[0]), int(output[1]), output[2], output[3], float(output[4])


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--quick", action="store_true", help="60 documents and a 20 MB PDF")
    parser.add_argument("--documents", type=int, help="corpus size (default 500, quick 60)")
    parser.add_argument("--big-mb", type=int, help="size of the big PDF in MB (default 200, quick 20)")
    parser.add_argument("--keep", action="store_true", help="keep the temporary folder (corpus and data)")
    args = parser.parse_args()
    count = args.documents or (60 if args.quick else 500)
    big_mb = args.big_mb or (20 if args.quick else 200)

    work = Path(tempfile.mkdtemp(prefix="sibulan-bench-"))
    os.environ["DATA_DIR"] = str(work / "data")
    os.environ["SIMPLE_STATICFILES"] = "1"
    os.environ.pop("DATABASE_URL", None)
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "portal.settings")
    import django

    django.setup()
    from django.core.management import call_command

    from documents import ingest as pipeline
    from documents import ocr
    from documents.ingest import ingest_file
    from documents.models import ArchiveDocument, IngestionStatus

    call_command("migrate", verbosity=0)
    if not ocr.available():
        sys.exit("tesseract is not installed: apt-get install tesseract-ocr tesseract-ocr-ind")

    print(f"Generating {count} documents in {work / 'corpus'} ...", flush=True)
    corpus = generate_corpus(work / "corpus", count, random.Random(2026))

    print("Importing through the pipeline ...", flush=True)
    timings, stages, current = {}, {}, [None]
    _time_stage(pipeline, "extract", stages, current)
    _time_stage(pipeline, "_ocr_pdf", stages, current)
    _time_stage(ocr, "file_to_text", stages, current)
    for path, kind in corpus:
        current[0] = path
        start = time.perf_counter()
        with open(path, "rb") as handle:
            result = ingest_file(handle, path.name, kind="bukti")
        timings[path] = (time.perf_counter() - start, result.document.pk)

    documents = {document.pk: document for document in ArchiveDocument.objects.all()}
    failed = [d for d in documents.values() if d.ingestion_status != IngestionStatus.DONE]

    def pages_of(path):
        return documents[timings[path][1]].page_count or 1

    ocr_items = [(path, kind) for path, kind in corpus if kind in ("scanned", "png")]
    text_items = [(path, kind) for path, kind in corpus if kind not in ("scanned", "png")]
    text_pdfs = [path for path, kind in text_items if kind == "pdf"]
    scanned = [(path, kind) for path, kind in ocr_items if kind == "scanned"]

    raw_pdf_durations, raw_pdf_pages = raw_pdfium(text_pdfs)
    raw_ocr_durations, raw_ocr_pages = raw_tesseract(ocr_items, work)

    def ocr_stage(path):
        return stages.get((path, "_ocr_pdf"), 0.0) + stages.get((path, "file_to_text"), 0.0)

    rows = [
        row("end to end, all non-OCR files", [timings[p][0] for p, _ in text_items], sum(pages_of(p) for p, _ in text_items)),
        row("end to end, text PDFs", [timings[p][0] for p in text_pdfs], sum(pages_of(p) for p in text_pdfs)),
        row("extraction stage, all non-OCR files", [stages[(p, "extract")] for p, _ in text_items], sum(pages_of(p) for p, _ in text_items)),
        row("extraction stage, text PDFs", [stages[(p, "extract")] for p in text_pdfs], sum(pages_of(p) for p in text_pdfs)),
        row("raw pypdfium2, the same text PDFs", raw_pdf_durations, raw_pdf_pages),
        row("end to end, OCR files (scans + images)", [timings[p][0] for p, _ in ocr_items], sum(pages_of(p) for p, _ in ocr_items)),
        row("OCR stage (render + tesseract)", [ocr_stage(p) for p, _ in ocr_items], sum(pages_of(p) for p, _ in ocr_items)),
        row("raw tesseract, the same pages/images", raw_ocr_durations, raw_ocr_pages),
    ]
    print()
    print(f"Corpus: {count} documents ({len(scanned)} scanned PDFs, {len(ocr_items) - len(scanned)} images, "
          f"{len(text_pdfs)} text PDFs), {len(documents)} stored, {len(failed)} not done")
    print_table(rows)
    raw_pdf, raw_ocr = max(sum(raw_pdf_durations), 1e-9), max(sum(raw_ocr_durations), 1e-9)
    print(f"\nText PDFs: extraction stage / raw pypdfium2 = {sum(stages[(p, 'extract')] for p in text_pdfs) / raw_pdf:.2f}x "
          f"(target ≤ 1.5x); end to end / raw = {sum(timings[p][0] for p in text_pdfs) / raw_pdf:.2f}x "
          "(end to end also validates, checksums, stores, makes the thumbnail and indexes for search)")
    print(f"OCR: OCR stage / raw tesseract = {sum(ocr_stage(p) for p, _ in ocr_items) / raw_ocr:.2f}x (target ≤ 1.2x); "
          f"end to end / raw = {sum(timings[p][0] for p, _ in ocr_items) / raw_ocr:.2f}x")

    print(f"\nMaking a {big_mb} MB PDF ...", flush=True)
    big = work / "besar.pdf"
    big_pages = make_big_pdf(big, big_mb)
    small = corpus[0][0]
    before, after, status, pages, elapsed = measure_big_upload(big, small, work / "data-memory")
    print(f"Big PDF: {big.stat().st_size / 1024 / 1024:.0f} MB, {big_pages} pages, status {status}, {elapsed:.1f} s through the pipeline")
    print(f"Peak resident memory (VmHWM): {before} MB before, {after} MB after: +{after - before} MB (target < 100 MB)")
    if args.keep:
        print(f"\nWork folder kept: {work}")
    else:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
