"""ODT and ODS with odfpy: every heading and paragraph (spreadsheet cells hold paragraphs too)."""

from odf import teletype, text
from odf.meta import DocumentStatistic
from odf.namespaces import METANS
from odf.opendocument import load
from odf.table import Table

from . import TextCollector


def _page_count(document):
    for statistic in document.getElementsByType(DocumentStatistic):
        value = statistic.attributes.get((METANS, "page-count"))
        if value:
            return int(value)
    if "spreadsheet" in document.mimetype:
        return len(document.body.getElementsByType(Table)) or None
    return None


def extract(path):
    document = load(str(path))
    collector = TextCollector()
    for element in document.body.getElementsByType(text.P) + document.body.getElementsByType(text.H):
        if collector.full:
            collector.truncated = True
            break
        collector.add(teletype.extractText(element))
    return collector.result(page_count=_page_count(document))
