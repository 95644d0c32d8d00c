"""CSV and TXT: read in chunks up to the text limit; UTF-8, falling back to Windows-1252."""

from . import TextCollector


def read_text(path, limit):
    with open(path, "rb") as handle:
        raw = handle.read(limit * 4 + 4)
    truncated = len(raw) > limit * 4
    try:
        content = raw.decode("utf-8-sig", errors="strict" if not truncated else "ignore")
    except UnicodeDecodeError:
        content = raw.decode("cp1252", errors="replace")
    return content, truncated


def extract(path):
    collector = TextCollector()
    content, truncated = read_text(path, collector.limit)
    collector.add(content)
    collector.truncated |= truncated
    return collector.result()
