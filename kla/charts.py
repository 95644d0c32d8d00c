"""Server-rendered SVG bar charts (templates/kla/includes/bar_chart.html). Every chart is shown
with a data table of the same numbers; the chart itself is a picture of that table."""

from decimal import Decimal

BAR_AREA = 440
LABEL_WIDTH = 170
ROW_HEIGHT = 30


def bar_chart(chart_id, title, items, scale=100):
    """``items``: (label, value or None, display text). Bars are drawn against ``scale`` (or the
    largest value, if bigger); a None value draws no bar."""
    largest = max([Decimal(v) for _label, v, _text in items if v is not None] + [Decimal(scale)])
    bars = []
    for position, (label, value, text) in enumerate(items):
        width = 0 if value is None or largest == 0 else round(float(max(Decimal(value), Decimal(0)) / largest) * BAR_AREA, 1)
        bars.append({"label": label, "text": text, "y": position * ROW_HEIGHT, "width": width, "text_x": LABEL_WIDTH + 10 + width + 6})
    return {
        "id": chart_id, "title": title, "bars": bars, "label_width": LABEL_WIDTH, "bar_x": LABEL_WIDTH + 10,
        "height": max(len(bars), 1) * ROW_HEIGHT + 4, "width": LABEL_WIDTH + 10 + BAR_AREA + 110,
    }
