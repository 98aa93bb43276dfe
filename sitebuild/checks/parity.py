"""Structural fingerprint of a page, compared between the Swedish and English twins."""

import re
from pathlib import Path

from sitebuild.checks.pages import missing_twins, page_names, twin
from sitebuild.checks.prose import code_spans, numbers, sections, value
from sitebuild.examples.snippets import includes

FENCE = re.compile(r"^\s*(```+|~~~+)\s*([\w+-]*)")
HEADING = re.compile(r"^#{1,6}\s")
FIGURE = re.compile(r"!\[[^\]]*\]\(([^)\s]+)")


def structure(text: str) -> dict[str, list]:
    fences, headings, in_fence = [], [], None
    for line in text.splitlines():
        m = FENCE.match(line)
        if m and in_fence is None:
            in_fence = m[1]
            fences.append(m[2])
        elif m and line.strip().startswith(in_fence):
            in_fence = None
        elif in_fence is None and HEADING.match(line):
            headings.append(line.split()[0])
    return {
        "snippet includes": [path for _, path in includes(text)],
        "code fences": fences,
        "headings": headings,
        "figures": FIGURE.findall(text),
    }


COUNTS = ("paragraphs", "list items", "table rows")  # compared as numbers; the rest as lists


def section_facts(text: str, lang: str) -> list[tuple[str, int, dict[str, object]]]:
    """(heading, line, facts) per section: block counts, and the numbers and inline code its prose holds."""
    out = []
    for sec in sections(text):
        prose = "\n".join(t for _, t in sec.blocks)
        facts = {
            "paragraphs": sec.paragraphs,
            "list items": sec.list_items,
            "table rows": sec.table_rows,
            "numbers": sorted(value(n, lang) for n in numbers(prose, lang)),
            "inline code": sorted(code_spans(prose)),
        }
        out.append((sec.heading, sec.line, facts))
    return out


def section_differences(name: str, sv: str, en: str) -> list[str]:
    """One line per fact that differs between two twins' sections, naming the page, the section and both lines."""
    out = []
    for (head_sv, line_sv, a), (_head_en, line_en, b) in zip(
        section_facts(sv, "sv"), section_facts(en, "en"), strict=False
    ):
        where = f"{name}: section {head_sv or '(top)'!r} (sv line {line_sv}, en line {line_en})"
        for key in a:
            if a[key] != b[key]:
                detail = f"sv {a[key]} / en {b[key]}" if key in COUNTS else drift(a[key], b[key])
                out.append(f"{where}: twins differ in {key}: {detail}")
    return out


def drift(a: list, b: list) -> str:
    """What only one twin has, as 'only sv: [...]; only en: [...]'."""
    only_a, only_b = list(a), list(b)
    for x in a:
        if x in only_b:
            only_b.remove(x)
            only_a.remove(x)
    return f"only sv: {only_a}; only en: {only_b}"


def differences(docs: Path) -> list[str]:
    """One line per page whose twins differ, or that lacks its twin."""
    out = missing_twins(docs)
    for name in sorted(page_names(docs)):
        sv, en = twin(docs, name, "sv"), twin(docs, name, "en")
        if not (sv.is_file() and en.is_file()):
            continue
        sv_text, en_text = sv.read_text(encoding="utf-8"), en.read_text(encoding="utf-8")
        a, b = structure(sv_text), structure(en_text)
        for key in a:
            if a[key] != b[key]:
                out.append(f"{name}: twins differ in {key}: sv {a[key]} / en {b[key]}")
        if a["headings"] == b["headings"]:  # sections pair up only when the headings do
            out += section_differences(name, sv_text, en_text)
    return out
