"""The query language of the search box and its expansion.

``"exact phrase"``, ``-word`` / ``-"phrase"`` to exclude, ``OR`` (or ``ATAU``) between two
words, AND by default. Regulation references become one canonical token; words and
phrases listed in a staff-edited synonym group are searched together with the other
members of the group. The result is a small tree of :class:`Word`, :class:`Phrase`,
:class:`AnyOf`, :class:`AllOf` and :class:`Negate`, compiled for each engine elsewhere.
"""

import re
from dataclasses import dataclass, field
from functools import lru_cache

from . import text

LEXEME_RE = re.compile(r'(-?)"([^"]*)"?|(\S+)')
# Words and phrases searched at most (the rest of a longer text is dropped, and the search page
# says so): every engine nests one clause per term, and SQLite's FTS5 parser overflows at ~100.
MAX_TERMS = 32
MAX_CHARS = 1000  # of the text read at all (a pasted page is cut at a space before this)


@dataclass(frozen=True)
class Word:
    word: str


@dataclass(frozen=True)
class Phrase:
    words: tuple


@dataclass(frozen=True)
class AnyOf:
    items: tuple


@dataclass(frozen=True)
class AllOf:
    items: tuple


@dataclass(frozen=True)
class Negate:
    item: object


@dataclass
class ParsedQuery:
    raw: str
    tree: object = None  # None: no words, every readable item matches
    synonyms_applied: list = field(default_factory=list)  # [(typed text, [other forms])]
    truncated: bool = False  # more than MAX_TERMS words and phrases, or MAX_CHARS characters, were typed

    @property
    def positive_terms(self):
        """Lower-case words and phrases that can match (for snippets and highlighting)."""
        found = []

        def walk(node):
            if isinstance(node, Word):
                found.append((node.word,))
            elif isinstance(node, Phrase):
                found.append(node.words)
            elif isinstance(node, (AnyOf, AllOf)):
                for item in node.items:
                    walk(item)

        walk(self.tree)
        return found


def _node_for(words):
    if not words:
        return None
    return Word(words[0]) if len(words) == 1 else Phrase(tuple(words))


def _lexemes(raw):
    """[(negated, quoted, words)] and the OR markers (None) between them."""
    out = []
    for m in LEXEME_RE.finditer(text.replace_references(raw)):
        if m.group(3) is not None:
            bare = m.group(3)
            if bare == "ATAU" or bare.upper() == "OR":
                out.append(None)
                continue
            negated = bare.startswith("-") and len(bare) > 1
            words = text.tokens(bare[1:] if negated else bare)
            quoted = False
        else:
            negated, words, quoted = bool(m.group(1)), text.tokens(m.group(2)), True
        if words:
            out.append((negated, quoted, words))
    return out


def _synonym_table(groups):
    """{tuple of words: [other forms as word tuples]} from groups of equivalent terms."""
    return _table_for(tuple(tuple(group) for group in groups))


@lru_cache(maxsize=8)
def _table_for(groups):
    table = {}
    for group in groups:
        forms = [tuple(text.tokens(text.replace_references(term))) for term in group]
        forms = [f for f in dict.fromkeys(forms) if f]
        for form in forms:
            table.setdefault(form, [])
            table[form].extend(other for other in forms if other != form and other not in table[form])
    return table


def _expand_run(words, table, applied):
    """Nodes for a run of unquoted words, each synonym match replaced by AnyOf(forms)."""
    nodes, i = [], 0
    longest = max((len(k) for k in table), default=0)
    while i < len(words):
        for size in range(min(longest, len(words) - i), 0, -1):
            span = tuple(words[i : i + size])
            if span in table and table[span]:
                alternatives = table[span]
                applied.append((" ".join(span), [" ".join(a) for a in alternatives]))
                nodes.append(AnyOf(tuple(_node_for(f) for f in [span, *alternatives])))
                i += size
                break
        else:
            nodes.append(Word(words[i]))
            i += 1
    return nodes


def parse(raw, synonym_groups=()):
    """Parse the text of the search box. ``synonym_groups`` is an iterable of lists of
    equivalent terms (see :class:`search.models.Synonym`)."""
    raw = (raw or "").strip()
    parsed = ParsedQuery(raw=raw)
    table = _synonym_table(synonym_groups)
    if len(raw) > MAX_CHARS:
        cut = raw.rfind(" ", 0, MAX_CHARS + 1)
        raw, parsed.truncated = raw[: cut if cut > 0 else MAX_CHARS], True

    # 1. Clauses: each is a list of alternatives joined by OR.
    clauses, pending_or, terms = [], False, 0
    for lexeme in _lexemes(raw):
        if lexeme is not None:
            terms += 1
            if terms > MAX_TERMS:
                parsed.truncated = True
                break
        if lexeme is None:
            pending_or = bool(clauses)
            continue
        if pending_or and clauses and not lexeme[0] and not clauses[-1][0][0]:
            clauses[-1].append(lexeme)
        else:
            clauses.append([lexeme])
        pending_or = False

    # 2. Nodes, with synonyms on unquoted words (a run of plain words is expanded together,
    # so that "peraturan bupati" is recognised across two words).
    items, run = [], []
    for clause in clauses + [None]:
        if clause is not None and len(clause) == 1 and not clause[0][0] and not clause[0][1]:
            run.extend(clause[0][2])
            continue
        items.extend(_expand_run(run, table, parsed.synonyms_applied))
        run = []
        if clause is None:
            break
        alternatives = []
        for negated, quoted, words in clause:
            if quoted:
                nodes = [_node_for(words)]
            else:
                nodes = _expand_run(words, table, parsed.synonyms_applied)
            if negated:
                node = Negate(nodes[0] if len(nodes) == 1 else AllOf(tuple(nodes)))
                items.append(node)
            elif len(clause) == 1:
                items.extend(nodes)
            else:
                alternatives.append(nodes[0] if len(nodes) == 1 else AllOf(tuple(nodes)))
        if alternatives:
            items.append(AnyOf(tuple(alternatives)))

    if len(items) > 1 and all(isinstance(item, Negate) for item in items):
        # Only exclusions: "none of these" (the engines' AND needs something to match).
        parsed.tree = Negate(AnyOf(tuple(item.item for item in items)))
    elif items:
        parsed.tree = items[0] if len(items) == 1 else AllOf(tuple(items))
    return parsed


def to_wagtail(node):
    """The tree as a Wagtail search query (words unstemmed: the backend stems if it must)."""
    from wagtail.search.query import And, Not, Or, PlainText
    from wagtail.search.query import Phrase as WagtailPhrase

    if isinstance(node, Word):
        return PlainText(node.word)
    if isinstance(node, Phrase):
        return WagtailPhrase(" ".join(node.words))
    if isinstance(node, AnyOf):
        return Or([to_wagtail(i) for i in node.items])
    if isinstance(node, AllOf):
        return And([to_wagtail(i) for i in node.items])
    if isinstance(node, Negate):
        return Not(to_wagtail(node.item))
    raise TypeError(node)


def has_positive(node):
    if isinstance(node, Negate) or node is None:
        return False
    if isinstance(node, AllOf):
        return any(has_positive(i) for i in node.items)
    return True
