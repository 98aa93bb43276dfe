"""The bilingual glossary: sitebuild/generate/glossary.yml becomes the glossary pages and the term tooltips.

The glossary pages (docs/sv/glossary.md, docs/en/glossary.md) hold a MARKER line that `apply` replaces with the
entries in the page's language. Each entry lists the questions whose pages link to it (`glossary.md#<anchor>`).
Every other page gets Material tooltips (`*[term]: definition` abbreviations) for the terms it links to, in its
own language; `tidy_tooltips` then keeps each term's tooltip at its first use and in the links to the glossary only.
"""

import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import yaml

from sitebuild import DOCS, LANGS, marker, read_yaml, text

DATA = Path(__file__).with_name("glossary.yml")
MARKER = marker("glossary", "entries")
LINK = re.compile(r"glossary\.md#([a-z0-9-]+)")
ANCHOR = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")
QUESTION_PAGE = re.compile(r"q(\d\d)-.+")
HEADING = re.compile(r"<h([1-6])\b.*?</h\1>", re.DOTALL)
ABBR = re.compile(r"<abbr title=\"([^\"]*)\">(.*?)</abbr>", re.DOTALL)
GLOSSARY_LINK_END = re.compile(r"<a [^>]*href=\"[^\"]*glossary\.[^\"]*#[^\"]*\"[^>]*>\Z")
STRINGS = {lang: text(lang, "glossary") for lang in LANGS}  # the strings live in sitebuild/text/<lang>.yml
SWEDISH_ORDER = str.maketrans("åäö", "{|}")  # å, ä, ö sort after z, in that order


class GlossaryError(Exception):
    """The data file is malformed; the message names the file and the entry."""


@dataclass(frozen=True)
class Entry:
    anchor: str
    group: str
    term: dict[str, str]  # language -> term
    definition: dict[str, str]
    forms: dict[str, tuple[str, ...]]  # language -> other spellings that also get the tooltip


@dataclass(frozen=True)
class Glossary:
    groups: dict[str, dict[str, str]]  # group key -> language -> heading
    entries: tuple[Entry, ...]

    def by_anchor(self) -> dict[str, Entry]:
        return {e.anchor: e for e in self.entries}


def _text(value, where: str) -> str:
    if not isinstance(value, str) or not value.strip() or "\n" in value.strip():
        raise GlossaryError(f"{where} must be one non-empty line of text, got {value!r}")
    return value.strip()


def _entry(raw, groups: dict, where: str) -> Entry:
    if not isinstance(raw, dict):
        raise GlossaryError(f"{where} must be a mapping with anchor, group, sv and en")
    anchor = raw.get("anchor")
    if not isinstance(anchor, str) or not ANCHOR.fullmatch(anchor):
        raise GlossaryError(f"{where}: anchor must be lowercase words joined by hyphens, got {anchor!r}")
    where = f"{where} ({anchor})"
    if unknown := set(raw) - {"anchor", "group", *LANGS}:
        raise GlossaryError(f"{where}: unknown keys {sorted(unknown)}")
    if raw.get("group") not in groups:
        raise GlossaryError(f"{where}: group must be one of {sorted(groups)}, got {raw.get('group')!r}")
    term, definition, forms = {}, {}, {}
    for lang in LANGS:
        side = raw.get(lang)
        if not isinstance(side, dict):
            raise GlossaryError(f"{where}: {lang} must be a mapping with term and def")
        if unknown := set(side) - {"term", "def", "forms"}:
            raise GlossaryError(f"{where}: {lang} has unknown keys {sorted(unknown)}")
        term[lang] = _text(side.get("term"), f"{where}: {lang}.term")
        definition[lang] = _text(side.get("def"), f"{where}: {lang}.def")
        raw_forms = side.get("forms", [])
        if not isinstance(raw_forms, list):
            raise GlossaryError(f"{where}: {lang}.forms must be a list, got {raw_forms!r}")
        forms[lang] = tuple(_text(f, f"{where}: {lang}.forms") for f in raw_forms)
        for word in (term[lang], *forms[lang]):
            if "[" in word or "]" in word:
                raise GlossaryError(f"{where}: {lang} term or form {word!r} must not contain brackets")
    return Entry(anchor, raw["group"], term, definition, forms)


def load(path: Path = DATA) -> Glossary:
    """Read and check the data file; raise GlossaryError naming the file and the entry on any mistake."""
    try:
        raw = read_yaml(path.read_text(encoding="utf-8"))
    except (OSError, yaml.YAMLError) as err:
        raise GlossaryError(f"{path}: cannot read: {err}") from None
    if not isinstance(raw, dict) or not isinstance(raw.get("groups"), dict) or not isinstance(raw.get("terms"), list):
        raise GlossaryError(f"{path}: needs a `groups` mapping and a `terms` list")
    groups = {}
    for key, names in raw["groups"].items():
        if not isinstance(names, dict) or set(names) != set(LANGS):
            raise GlossaryError(f"{path}: group {key!r} needs a heading in each of {LANGS}")
        groups[key] = {lang: _text(names[lang], f"{path}: group {key!r} {lang}") for lang in LANGS}
    entries, seen, words = [], {}, {lang: {} for lang in LANGS}
    for number, item in enumerate(raw["terms"], start=1):
        where = f"{path}: entry {number}"
        entry = _entry(item, groups, where)
        if entry.anchor in seen:
            raise GlossaryError(f"{where} ({entry.anchor}): anchor already used by entry {seen[entry.anchor]}")
        seen[entry.anchor] = number
        for lang in LANGS:
            for word in tooltip_words(entry, lang):
                if (other := words[lang].setdefault(word, entry.anchor)) != entry.anchor:
                    raise GlossaryError(f"{where} ({entry.anchor}): {lang} word {word!r} is also in entry {other}")
        entries.append(entry)
    return Glossary(groups, tuple(entries))


@cache
def _load_cached(path: Path, mtime_ns: int) -> Glossary:
    return load(path)


def current(path: Path = DATA) -> Glossary:
    """The glossary, re-read when the data file changes (mkdocs serve)."""
    return _load_cached(path, path.stat().st_mtime_ns)


def links(markdown: str) -> set[str]:
    """The glossary anchors a page links to."""
    return set(LINK.findall(markdown))


def usage(docs: Path, lang: str) -> dict[str, list[tuple[int, str]]]:
    """anchor -> (number, page slug) of each question whose page in `lang` links to it."""
    used: dict[str, list[tuple[int, str]]] = {}
    for page in sorted((docs / lang).glob("q*.md")):
        slug = page.stem
        if m := QUESTION_PAGE.fullmatch(slug):
            for anchor in sorted(links(page.read_text(encoding="utf-8"))):
                used.setdefault(anchor, []).append((int(m[1]), slug))
    return used


def missing_anchors(docs: Path, glossary: Glossary) -> list[str]:
    """'docs/sv/x.md: glossary.md#foo has no entry' for each link to an anchor the glossary lacks."""
    known = glossary.by_anchor()
    return [
        f"{page.relative_to(docs.parent)}: glossary.md#{anchor} has no entry"
        for page in sorted(docs.glob("*/*.md"))
        for anchor in sorted(links(page.read_text(encoding="utf-8")) - known.keys())
    ]


def _sort_key(term: str) -> str:
    return term.lower().translate(SWEDISH_ORDER)


def _used_in(questions: list[tuple[int, str]], lang: str) -> str:
    items = [f"[{number}]({slug}.md)" for number, slug in questions]
    one, many, conj = (STRINGS[lang][k] for k in ("used_in_one", "used_in_many", "and"))
    if len(items) == 1:
        return f"*{one} {items[0]}.*"
    return f"*{many} {', '.join(items[:-1])} {conj} {items[-1]}.*"


def render(glossary: Glossary, lang: str, docs: Path = DOCS) -> str:
    """The entries in `lang` as Markdown: a heading per group, a definition list sorted by term."""
    other = LANGS[1 - LANGS.index(lang)]
    used = usage(docs, lang)
    out = []
    for key, names in glossary.groups.items():
        out.append(f"## {names[lang]} {{#group-{key}}}\n")
        members = sorted((e for e in glossary.entries if e.group == key), key=lambda e: _sort_key(e.term[lang]))
        for e in members:
            name = f"**{e.term[lang]}**"
            if e.term[other].lower() != e.term[lang].lower():
                name += f" ({STRINGS[lang]['other_language']} *{e.term[other]}*)"
            out.append(f"{name} {{#{e.anchor}}}\n:   {e.definition[lang]}\n")
            if e.anchor in used:
                out.append(f"    {_used_in(used[e.anchor], lang)}\n")
    return "\n".join(out)


def tooltip_words(entry: Entry, lang: str) -> list[str]:
    """The term and its forms, each also with a capital first letter (sentence start)."""
    words = []
    for word in (entry.term[lang], *entry.forms[lang]):
        for variant in (word, word[0].upper() + word[1:]):
            if variant not in words:
                words.append(variant)
    return words


def tooltips(markdown: str, lang: str, glossary: Glossary) -> str:
    """Abbreviation lines (`*[term]: definition`) for the glossary terms this page links to."""
    other = LANGS[1 - LANGS.index(lang)]
    lines = []
    for anchor in sorted(links(markdown)):
        if (e := glossary.by_anchor().get(anchor)) is None:
            continue  # the strict build's anchor check names the broken link
        title = e.definition[lang].replace("`", "")
        if e.term[other].lower() != e.term[lang].lower():
            title += f" ({STRINGS[lang]['other_language']} {e.term[other]})"
        lines += [f"*[{word}]: {title}" for word in tooltip_words(e, lang)]
    return "\n".join(lines)


def apply(markdown: str, lang: str, glossary: Glossary, docs: Path = DOCS) -> str:
    """A glossary page gets its entries; any other page gets tooltips for the terms it links to."""
    if MARKER in markdown:
        return markdown.replace(MARKER, render(glossary, lang, docs))
    if extra := tooltips(markdown, lang, glossary):
        markdown += "\n\n" + extra + "\n"
    return markdown


def tidy_tooltips(html: str) -> str:
    """Keep a term's tooltip at its first use and in links to the glossary; headings get none."""
    html = HEADING.sub(lambda m: ABBR.sub(r"\2", m[0]), html)
    seen = set()

    def first_use(m: re.Match) -> str:
        if GLOSSARY_LINK_END.search(m.string, max(0, m.start() - 300), m.start()) or m[1] not in seen:
            seen.add(m[1])
            return m[0]
        return m[2]

    return ABBR.sub(first_use, html)
