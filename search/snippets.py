"""Snippets: a short window of a hit's text around its first match, matched words wrapped in
<mark>, everything else escaped."""

from django.utils.html import escape
from django.utils.safestring import mark_safe

from . import text

WINDOW_WORDS = 36
BEFORE_WORDS = 10


def match_spans(body, terms, stop_after=None):
    """(start, end) character spans in ``body`` matching ``terms`` (tuples of lower-case
    words, as ParsedQuery.positive_terms), compared by stem; and the word matches scanned.
    With ``stop_after``, scanning ends that many words after the first match."""
    singles = {text.stem(t[0]) for t in terms if len(t) == 1}
    phrases = [tuple(text.stem(w) for w in t) for t in terms if len(t) > 1]
    spans = [m.span() for m in text.REFERENCE_RE.finditer(body) if (text.reference_token(m),) in terms]
    words, stems, first = [], [], None
    for m in text.TOKEN_RE.finditer(body):
        words.append(m)
        stems.append(text.stem(m.group().lower()))
        if stems[-1] in singles:
            spans.append(m.span())
            first = len(words) if first is None else first
        for phrase in phrases:
            n = len(phrase)
            if len(stems) >= n and tuple(stems[-n:]) == phrase:
                spans.append((words[-n].start(), m.end()))
                first = len(words) if first is None else first
        if stop_after and first is not None and len(words) - first > stop_after:
            break
    return sorted(set(spans)), words


def snippet(body, terms):
    body = " ".join((body or "").split())
    if not body:
        return mark_safe("")
    spans, words = match_spans(body, terms, stop_after=WINDOW_WORDS)
    if not words:
        return mark_safe(escape(body[:240]))
    first = 0
    if spans:
        first = next(i for i, w in enumerate(words) if w.end() > spans[0][0])
    lo = max(0, first - BEFORE_WORDS)
    hi = min(len(words), lo + WINDOW_WORDS)
    start, end = words[lo].start(), words[hi - 1].end()
    out, pos = [], start
    for s, e in spans:
        if s < pos or e > end:
            continue
        out.append(escape(body[pos:s]))
        out.append(f"<mark>{escape(body[s:e])}</mark>")
        pos = e
    out.append(escape(body[pos:end]))
    return mark_safe(("… " if start > 0 else "") + "".join(out) + (" …" if end < len(body) else ""))
