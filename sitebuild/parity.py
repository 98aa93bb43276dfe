"""Structural fingerprint of a page, compared between the Swedish and English twins."""

import re
from pathlib import Path

from .pages import missing_twins, page_names, twin
from .snippets import includes

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


def differences(docs: Path) -> list[str]:
    """One line per page whose twins differ, or that lacks its twin."""
    out = missing_twins(docs)
    for name in sorted(page_names(docs)):
        sv, en = twin(docs, name, "sv"), twin(docs, name, "en")
        if not (sv.is_file() and en.is_file()):
            continue
        a, b = structure(sv.read_text(encoding="utf-8")), structure(en.read_text(encoding="utf-8"))
        for key in a:
            if a[key] != b[key]:
                out.append(f"{name}: twins differ in {key}: sv {a[key]} / en {b[key]}")
    return out
