"""HTML: the visible text (no scripts or styles) with BeautifulSoup (the standard library parser)."""

from bs4 import BeautifulSoup

from . import TextCollector
from .text import read_text


def extract(path):
    collector = TextCollector()
    content, truncated = read_text(path, collector.limit)
    soup = BeautifulSoup(content, "html.parser")
    for element in soup(["script", "style", "noscript", "template"]):
        element.decompose()
    collector.add(" ".join(soup.get_text(" ").split()))
    collector.truncated |= truncated
    return collector.result()
