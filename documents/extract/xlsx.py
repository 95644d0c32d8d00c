"""XLSX with openpyxl in read-only mode (rows are streamed); the page count is the number of sheets."""

from openpyxl import load_workbook

from . import TextCollector


def extract(path):
    workbook = load_workbook(str(path), read_only=True, data_only=True)
    collector = TextCollector()
    try:
        for sheet in workbook.worksheets:
            collector.add(sheet.title)
            for row in sheet.iter_rows(values_only=True):
                if collector.full:
                    collector.truncated = True
                    break
                collector.add("\t".join(str(value) for value in row if value is not None))
        return collector.result(page_count=len(workbook.worksheets))
    finally:
        workbook.close()
