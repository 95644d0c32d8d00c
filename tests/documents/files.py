"""Generators of REAL test files (used by the tests and by bench/ingest.py).

Each function writes a file of its kind to ``path`` and returns the path. The text given is
written into the file so that extraction and search can be checked against it.
"""

import struct
import zipfile
import zlib
from pathlib import Path

FONT = "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf"

TEXT = "Laporan posyandu Kabupaten Barito Utara tentang imunisasi anak dan gizi balita."


def _path(path):
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    return path


def pdf_with_text(path, text=TEXT, pages=1, password=None):
    from fpdf import FPDF

    pdf = FPDF()
    if password:
        pdf.set_encryption(owner_password="pemilik-" + password, user_password=password)
    pdf.add_font("DejaVu", fname=FONT)
    pdf.set_font("DejaVu", size=12)
    for number in range(pages):
        pdf.add_page()
        pdf.multi_cell(0, 8, f"{text} Halaman {number + 1}.")
    pdf.output(str(_path(path)))
    return Path(path)


def encrypted_pdf(path, text=TEXT):
    return pdf_with_text(path, text, password="rahasia")


def text_image(text=TEXT, width=1700):
    """A white image with ``text`` drawn in a large font, wrapped to the width (like a 200 dpi scan)."""
    from PIL import Image, ImageDraw, ImageFont

    font = ImageFont.truetype(FONT, 44)
    words, lines, line = text.split(), [], ""
    for word in words:
        candidate = f"{line} {word}".strip()
        if font.getlength(candidate) > width - 160 and line:
            lines.append(line)
            line = word
        else:
            line = candidate
    lines.append(line)
    image = Image.new("L", (width, 140 + 70 * len(lines)), 255)
    draw = ImageDraw.Draw(image)
    for number, content in enumerate(lines):
        draw.text((80, 70 + 70 * number), content, font=font, fill=0)
    return image


def image_with_text(path, text=TEXT):
    path = _path(path)
    text_image(text).save(path, dpi=(200, 200))
    return path


def scanned_pdf(path, text=TEXT, pages=1):
    """A PDF with no text layer: each page is only a picture of the text."""
    images = [text_image(f"{text} Halaman {number + 1}.").convert("RGB") for number in range(pages)]
    path = _path(path)
    images[0].save(path, "PDF", resolution=200, save_all=True, append_images=images[1:])
    return path


def docx(path, text=TEXT):
    import docx as python_docx

    document = python_docx.Document()
    document.add_heading("Bukti dukung", level=1)
    document.add_paragraph(text)
    table = document.add_table(rows=1, cols=2)
    table.rows[0].cells[0].text = "Kecamatan"
    table.rows[0].cells[1].text = "Teweh Tengah"
    path = _path(path)
    document.save(path)
    return path


def xlsx(path, text=TEXT):
    from openpyxl import Workbook

    workbook = Workbook()
    sheet = workbook.active
    sheet.title = "Data"
    sheet.append(["Uraian", "Jumlah"])
    sheet.append([text, 42])
    path = _path(path)
    workbook.save(path)
    return path


def pptx(path, text=TEXT):
    from pptx import Presentation

    presentation = Presentation()
    slide = presentation.slides.add_slide(presentation.slide_layouts[1])
    slide.shapes.title.text = "Paparan Gugus Tugas KLA"
    slide.placeholders[1].text = text
    path = _path(path)
    presentation.save(path)
    return path


def odt(path, text=TEXT):
    from odf.opendocument import OpenDocumentText
    from odf.text import H, P

    document = OpenDocumentText()
    document.text.addElement(H(outlinelevel=1, text="Bukti dukung"))
    document.text.addElement(P(text=text))
    path = _path(path)
    document.save(str(path))
    return path


def ods(path, text=TEXT):
    from odf.opendocument import OpenDocumentSpreadsheet
    from odf.table import Table, TableCell, TableRow
    from odf.text import P

    document = OpenDocumentSpreadsheet()
    table = Table(name="Data")
    row = TableRow()
    cell = TableCell()
    cell.addElement(P(text=text))
    row.addElement(cell)
    table.addElement(row)
    document.spreadsheet.addElement(table)
    path = _path(path)
    document.save(str(path))
    return path


def text_file(path, text=TEXT):
    path = _path(path)
    path.write_text(text + "\n", encoding="utf-8")
    return path


def csv_file(path, text=TEXT):
    path = _path(path)
    path.write_text(f"uraian,jumlah\n\"{text}\",42\n", encoding="utf-8")
    return path


def html_file(path, text=TEXT):
    path = _path(path)
    path.write_text(f"<!DOCTYPE html><html><head><title>Laporan</title><style>p{{color:red}}</style></head><body><p>{text}</p></body></html>", encoding="utf-8")
    return path


def corrupt_pdf(path):
    path = _path(path)
    path.write_bytes(b"%PDF-1.4\n1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\nthis is not a real pdf\n" + bytes(range(256)) * 20)
    return path


def docx_zip_bomb(path, uncompressed_mb=64):
    """A DOCX whose extra member unpacks from a few hundred KB to ``uncompressed_mb`` MB of zeros."""
    path = _path(path)
    docx(path)
    with zipfile.ZipFile(path, "a", compression=zipfile.ZIP_DEFLATED, compresslevel=9) as archive:
        with archive.open("word/media/padding.bin", "w", force_zip64=True) as member:
            block = b"\x00" * (1024 * 1024)
            for _ in range(uncompressed_mb):
                member.write(block)
    return path


def _png_chunk(kind, data):
    return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)


def png_bomb(path, width=20_000, height=20_000):
    """A valid 1-bit PNG of ``width`` × ``height`` pixels that is only a few dozen KB on disk."""
    row = b"\x00" + b"\x00" * ((width + 7) // 8)
    compressor = zlib.compressobj(9)
    data = b"".join(compressor.compress(row) for _ in range(height)) + compressor.flush()
    path = _path(path)
    path.write_bytes(
        b"\x89PNG\r\n\x1a\n"
        + _png_chunk(b"IHDR", struct.pack(">IIBBBBB", width, height, 1, 0, 0, 0, 0))
        + _png_chunk(b"IDAT", data)
        + _png_chunk(b"IEND", b"")
    )
    return path


GENERATORS = {
    "pdf": pdf_with_text,
    "scanned.pdf": scanned_pdf,
    "docx": docx,
    "xlsx": xlsx,
    "pptx": pptx,
    "odt": odt,
    "ods": ods,
    "png": image_with_text,
    "txt": text_file,
    "csv": csv_file,
    "html": html_file,
}
