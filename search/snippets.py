"""Snippets: a short window of a hit's text around its first match, matched words wrapped in
<mark>, everything else escaped.

A document's text can be long (a 100-page report), so the first match is located with one
regular-expression scan for the stems of the query words (inflections contain their stem, or
its tail after a nasal prefix: "menyehatkan" / "sehat"), checked by stemming the word found;
only a bounded slice of text around it is then tokenised and stemmed.
"""

import re
from bisect import bisect_right
from functools import lru_cache

from django.utils.html import escape
from django.utils.safestring import mark_safe

from . import text

WINDOW_WORDS = 36
BEFORE_WORDS = 10
SLICE_CHARS = 1500  # text kept after the first match (and a little before it)


@lru_cache(maxsize=1024)
def _candidate_re(stems):
    parts = {re.escape(s[1:] if len(s) > 4 else s) for s in stems}
    return re.compile("|".join(sorted(parts, key=len, reverse=True)), re.IGNORECASE)


def first_match(body, terms):
    """The character offset of the first word of ``body`` matching one of ``terms`` (by
    stem), or of the first regulation reference searched for; None without one."""
    found = []
    if any(text.REFERENCE_TOKEN_RE.match(t[0]) for t in terms):
        for m in text.REFERENCE_RE.finditer(body):
            if (text.reference_token(m),) in terms:
                found.append(m.start())
                break
    stems = frozenset(text.stem(t[0]) for t in terms if not text.REFERENCE_TOKEN_RE.match(t[0]))
    if stems:
        for m in _candidate_re(stems).finditer(body):
            start, end = m.start(), m.end()
            while start > 0 and (body[start - 1].isalnum() or body[start - 1] == "_"):
                start -= 1
            while end < len(body) and (body[end].isalnum() or body[end] == "_"):
                end += 1
            if text.stem(body[start:end].lower()) in stems:
                found.append(start)
                break
    return min(found) if found else None


def bounded(body, terms):
    """The part of ``body`` a snippet can come from: a slice around the first match."""
    at = first_match(body, terms)
    if at is None:
        return body[:SLICE_CHARS]
    lo = body.rfind(" ", 0, max(0, at - 200)) + 1 if at > 200 else 0
    hi = body.find(" ", at + SLICE_CHARS)
    return ("… " if lo else "") + body[lo : hi if hi != -1 else len(body)]


def match_spans(body, terms):
    """(start, end) character spans in ``body`` matching ``terms`` (tuples of lower-case
    words, as ParsedQuery.positive_terms), compared by stem; and the words of ``body``. Only
    the words that contain a query stem are stemmed."""
    singles = {text.stem(t[0]) for t in terms if len(t) == 1}
    phrases = [tuple(text.stem(w) for w in t) for t in terms if len(t) > 1]
    spans = []
    if any(text.REFERENCE_TOKEN_RE.match(t[0]) for t in terms):
        spans = [m.span() for m in text.REFERENCE_RE.finditer(body) if (text.reference_token(m),) in terms]
    words = list(text.TOKEN_RE.finditer(body))
    firsts = frozenset(singles | {p[0] for p in phrases})
    if not firsts:
        return sorted(set(spans)), words
    candidate = _candidate_re(firsts)

    def stem_at(i):
        return text.stem(words[i].group().lower())

    starts = [w.start() for w in words]
    seen = set()
    for found in candidate.finditer(body):  # only the words containing a candidate are looked at
        i = bisect_right(starts, found.start()) - 1
        if i < 0 or i in seen or found.start() >= words[i].end():
            continue
        seen.add(i)
        word, stem = words[i], stem_at(i)
        if stem in singles:
            spans.append(word.span())
        for phrase in phrases:
            n = len(phrase)
            if stem == phrase[0] and i + n <= len(words) and all(stem_at(i + k) == phrase[k] for k in range(1, n)):
                spans.append((word.start(), words[i + n - 1].end()))
    return sorted(set(spans)), words


def snippet(body, terms):
    body = " ".join(bounded(body or "", terms).split())
    if not body:
        return mark_safe("")
    spans, words = match_spans(body, terms)
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
