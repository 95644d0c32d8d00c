"""DOCX with python-docx: paragraphs, table cells, headers and footers (DOCX has no page count without rendering)."""

import docx as python_docx

from . import TextCollector


def extract(path):
    document = python_docx.Document(str(path))
    collector = TextCollector()
    for paragraph in document.paragraphs:
        collector.add(paragraph.text)
    for table in document.tables:
        for row in table.rows:
            collector.add("\t".join(cell.text for cell in row.cells))
    for section in document.sections:
        for part in (section.header, section.footer):
            for paragraph in part.paragraphs:
                collector.add(paragraph.text)
    return collector.result()
