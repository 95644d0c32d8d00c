"""PPTX with python-pptx: text frames, tables and notes of each slide; the page count is the number of slides."""

from pptx import Presentation

from . import TextCollector


def _shape_texts(shape):
    if shape.has_text_frame:
        yield shape.text_frame.text
    if getattr(shape, "has_table", False) and shape.has_table:
        for row in shape.table.rows:
            yield "\t".join(cell.text for cell in row.cells)
    for child in getattr(shape, "shapes", []):
        yield from _shape_texts(child)


def extract(path):
    presentation = Presentation(str(path))
    collector = TextCollector()
    for slide in presentation.slides:
        for shape in slide.shapes:
            for text in _shape_texts(shape):
                collector.add(text)
        if slide.has_notes_slide:
            collector.add(slide.notes_slide.notes_text_frame.text)
    return collector.result(page_count=len(presentation.slides))
