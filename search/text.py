"""Indonesian text handling shared by indexing, querying and snippets: tokens, stems
(PySastrawi, for engines that cannot stem), stop words and regulation references.

A regulation reference is written many ways ("Perbup No. 5 Tahun 2024", "perbup 5/2024",
"Peraturan Bupati Nomor 5 Tahun 2024"); :func:`reference_tokens` turns each into one
canonical token (``jdihperbup5t2024``) that is indexed next to the text and searched instead
of the words of the reference.
"""

import re
from functools import lru_cache

TOKEN_RE = re.compile(r"\w+", re.UNICODE)

# Canonical regulation type -> the ways it is written (lower case, spaces as \s+).
REGULATION_TYPES = {
    "perbup": ["perbup", r"peraturan\s+bupati"],
    "perda": ["perda", r"peraturan\s+daerah"],
    "kepbup": ["kepbup", r"keputusan\s+bupati", r"sk\s+bupati"],
    "inbup": ["inbup", r"instruksi\s+bupati"],
    "pergub": ["pergub", r"peraturan\s+gubernur"],
    "permen": ["permen", r"peraturan\s+menteri"],
    "pp": ["pp", r"peraturan\s+pemerintah"],
    "perpres": ["perpres", r"peraturan\s+presiden"],
    "keppres": ["keppres", r"keputusan\s+presiden"],
    "inpres": ["inpres", r"instruksi\s+presiden"],
    "uu": ["uu", r"undang[\s-]+undang"],
}
_TYPE_ALTERNATIVES = "|".join(f"(?P<t_{name}>{'|'.join(forms)})" for name, forms in REGULATION_TYPES.items())
REFERENCE_RE = re.compile(
    rf"\b(?:{_TYPE_ALTERNATIVES})"
    r"(?:(?:\s+(?:kabupaten|kab\.?))?\s+barito\s+utara)?"  # "Perda Kabupaten Barito Utara Nomor 3", "Peraturan Bupati Barito Utara Nomor 5"
    r"\s*(?:(?:no|nomor|nomer)\b\.?\s*)?"
    r"(?P<number>\d{1,4})"
    r"\s*(?:/|\btahun\b|\bth\b\.?|\bthn\b\.?)\s*"
    r"(?P<year>(?:19|20)\d{2})\b",
    re.IGNORECASE,
)
REFERENCE_TOKEN_RE = re.compile(r"^jdih[a-z]+\d+t\d{4}$")


def reference_token(match):
    kind = next(name[2:] for name, value in match.groupdict().items() if name.startswith("t_") and value)
    return f"jdih{kind}{int(match['number'])}t{match['year']}"


def reference_tokens(text):
    """The canonical tokens of every regulation reference in ``text``."""
    if not _MAYBE_REFERENCE_RE.search(text or ""):
        return []
    return [reference_token(m) for m in REFERENCE_RE.finditer(text)]


def replace_references(text):
    """``text`` with every regulation reference replaced by its canonical token."""
    return REFERENCE_RE.sub(lambda m: f" {reference_token(m)} ", text or "")


def tokens(text):
    return [t.lower() for t in TOKEN_RE.findall(text or "")]


@lru_cache(maxsize=1)
def _stemmer():
    from Sastrawi.Stemmer.StemmerFactory import StemmerFactory

    return StemmerFactory().create_stemmer()


@lru_cache(maxsize=500_000)
def stem(word):
    """The Sastrawi stem of one lower-case token (tokens with digits are kept as they are)."""
    if not word.isalpha() or len(word) < 4:
        return word
    return _stemmer().stem(word) or word


@lru_cache(maxsize=1)
def stop_words():
    from Sastrawi.StopWordRemover.StopWordRemoverFactory import StopWordRemoverFactory

    return frozenset(StopWordRemoverFactory().get_stop_words())


_STEMS = {}
_MAYBE_REFERENCE_RE = re.compile(r"(?:19|20)\d\d")


def stemmed_text(text):
    """What an engine without Indonesian stemming indexes: the stems of every token, followed
    by the canonical tokens of the regulation references."""
    cache, out = _STEMS, []
    for token in TOKEN_RE.findall(with_reference_tokens(text).lower()):
        stemmed = cache.get(token)
        if stemmed is None:
            stemmed = stem(token)
            if len(cache) < 1_000_000:
                cache[token] = stemmed
        out.append(stemmed)
    return " ".join(out)


def with_reference_tokens(text):
    """What a stemming engine indexes: the text followed by the canonical reference tokens."""
    refs = reference_tokens(text)
    return f"{text} {' '.join(refs)}" if refs else text
