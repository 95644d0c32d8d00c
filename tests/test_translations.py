"""The site speaks Indonesian: every own user-facing string has an Indonesian translation, compiled."""

import ast
import re
from pathlib import Path

from django.utils import translation

ROOT = Path(__file__).resolve().parents[1]
PO = ROOT / "locale" / "id" / "LC_MESSAGES" / "django.po"
SOURCE_DIRS = ["portal", "home", "kla", "documents", "search", "templates"]
GETTEXT_NAMES = {"_", "gettext", "gettext_lazy", "pgettext", "pgettext_lazy", "ngettext", "ngettext_lazy"}
TEMPLATE_STRING = re.compile(r"""{%\s*(?:trans|translate)\s+(?:"((?:[^"\\]|\\.)*)"|'((?:[^'\\]|\\.)*)')""")


def _po_entries():
    """msgid -> (msgstr, fuzzy) for every entry of the Indonesian catalogue (plural forms: first msgstr)."""
    entries, text = {}, PO.read_text(encoding="utf-8")
    for block in text.split("\n\n"):
        lines = [line for line in block.strip().splitlines() if line]
        if not lines or all(line.startswith("#~") for line in lines):
            continue
        fuzzy = any(line.startswith("#,") and "fuzzy" in line for line in lines)
        current, parts = None, {"msgid": [], "msgstr": []}
        for line in lines:
            if line.startswith("#"):
                continue
            match = re.match(r'^(msgctxt|msgid_plural|msgid|msgstr(?:\[0\])?|msgstr\[\d+\])\s+"(.*)"$', line)
            if match:
                key = match.group(1)
                current = "msgid" if key == "msgid" else ("msgstr" if key in ("msgstr", "msgstr[0]") else None)
                if current:
                    parts[current].append(match.group(2))
            elif line.startswith('"') and current:
                parts[current].append(line[1:-1])
        msgid = "".join(parts["msgid"]).encode().decode("unicode_escape").encode("latin-1").decode("utf-8")
        if msgid:
            entries[msgid] = ("".join(parts["msgstr"]), fuzzy)
    return entries


def _source_msgids():
    found = set()
    for folder in SOURCE_DIRS:
        for path in (ROOT / folder).rglob("*.py"):
            if "migrations" in path.parts:
                continue
            for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
                if isinstance(node, ast.Call) and getattr(node.func, "id", getattr(node.func, "attr", None)) in GETTEXT_NAMES:
                    args = node.args[1:] if getattr(node.func, "id", getattr(node.func, "attr", "")).startswith("p") else node.args  # also translation.pgettext(...)
                    if args and isinstance(args[0], ast.Constant) and isinstance(args[0].value, str):
                        found.add((args[0].value, str(path.relative_to(ROOT))))
        for path in list((ROOT / folder).rglob("*.html")) + list((ROOT / folder).rglob("*.txt")):
            for match in TEMPLATE_STRING.finditer(path.read_text(encoding="utf-8")):
                literal = match.group(1) if match.group(1) is not None else match.group(2)
                # Django looks a template literal up with "%" doubled (Variable.resolve); so does makemessages.
                found.add((literal.replace("%", "%%"), str(path.relative_to(ROOT))))
    return found


def test_every_entry_of_the_catalogue_is_translated():
    untranslated = [msgid for msgid, (msgstr, fuzzy) in _po_entries().items() if not msgstr or fuzzy]
    assert untranslated == []


def test_every_string_in_the_code_is_in_the_catalogue():
    catalogue = _po_entries()
    missing = sorted(f"{where}: {msgid!r}" for msgid, where in _source_msgids() if msgid not in catalogue)
    assert missing == [], "run `make messages` and translate:\n" + "\n".join(missing[:50])


def test_compiled_catalogue_translates_to_indonesian():
    with translation.override("id"):
        assert translation.gettext("Skip to main content") == "Lewati ke konten utama"
        assert translation.gettext("Page not found") == "Halaman tidak ditemukan"
