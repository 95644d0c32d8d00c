from html.parser import HTMLParser


class PageStructure(HTMLParser):
    """Collects what the accessibility tests look at: tags with their attributes, h1 texts."""

    def __init__(self, html):
        super().__init__()
        self.elements = []
        self.h1_texts = []
        self._in_h1 = False
        self.feed(html)

    def handle_starttag(self, tag, attrs):
        self.elements.append((tag, dict(attrs)))
        if tag == "h1":
            self._in_h1 = True
            self.h1_texts.append("")

    def handle_endtag(self, tag):
        if tag == "h1":
            self._in_h1 = False

    def handle_data(self, data):
        if self._in_h1:
            self.h1_texts[-1] += data

    def find(self, tag, **attrs):
        return [a for t, a in self.elements if t == tag and all(a.get(k) == v for k, v in attrs.items())]


def parse(response):
    return PageStructure(response.content.decode())
