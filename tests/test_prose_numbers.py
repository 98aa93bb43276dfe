"""Numbers in a page's prose are what its examples print, at the precision the page shows, or are cited.

The stale-output test keeps snippets/output/ in step with the code; this keeps the text in step with the outputs.
A number in prose (not code, links or the sources list) is checked when it carries a unit (GHz, GFLOP/s, TFLOP/s,
GB/s, TB/s, MB, %, ×, s, parameters, an epoch number) or has three or more decimals. It must occur, as a whole
number rounded to the decimals shown, in a stored output or in the code of a snippet that the page embeds
(a percentage may be a fraction there: 20 % and `rate=0.2`), or sit in a paragraph that cites a source of
the page's sources list, e.g. "(Srivastava et al., 2014)". The failure names the page, the line and the number.
"""

import re

import pytest

from sitebuild import DOCS, LANGS
from sitebuild.checks.prose import SOURCES, body, checked, embedded_numbers, matches, sections, value

PAGES = sorted(DOCS.glob("*/*.md"))


def cited(block: str, leads: set[str]) -> bool:
    """The block cites a source of the page's list: '(Name', or 'Name 2014' / 'Name et al. (2014)'."""
    return any(re.search(rf"\({lead}\b|\b{lead}\b[^()]{{0,25}}?\(?\d{{4}}\b", block) for lead in leads)


def source_leads(text: str) -> set[str]:
    """The first word of each entry of the page's sources list (an author or organisation)."""
    m = SOURCES.search(text)
    entries = text[m.end() :].splitlines() if m else []
    return {found[1] for line in entries if (found := re.match(r"\s*\d+\.\s+([\w-]+)", line))}


def unchecked(page) -> list[str]:
    lang = page.parent.name
    text, pool, out = page.read_text(encoding="utf-8"), embedded_numbers(page), []
    leads = source_leads(text)
    for section in sections(body(text)):
        for line, block in section.blocks:
            for n in checked(block, lang):
                percent = bool(re.search(rf"{re.escape(n)}[ \u00a0\u202f]?%", block))
                if not matches(value(n, lang), pool, percent) and not cited(block, leads):
                    out.append(f"docs/{page.name}:{line}: {n}")
    return out


def test_the_check_finds_numbers_in_both_languages():
    counts = {
        lang: sum(
            len(checked(b, lang))
            for p in PAGES
            if p.parent.name == lang
            for s in sections(body(p.read_text(encoding="utf-8")))
            for _, b in s.blocks
        )
        for lang in LANGS
    }
    assert all(n > 50 for n in counts.values()), f"too few numbers found: {counts}; the pattern no longer matches"


def test_rounding_and_whole_tokens():
    pool = ["0.03554", "7850", "0.2", "1.25"]
    assert matches("0.036", pool, False) and not matches("0.035", pool, False)  # at the precision shown
    assert matches("7850", pool, False) and not matches("7860", pool, False) and not matches("785", pool, False)
    assert matches("20", pool, True) and not matches("20", pool, False)
    assert not matches("2.5", pool, False)


@pytest.mark.parametrize("page", PAGES, ids=[f"{p.parent.name}/{p.name}" for p in PAGES])
def test_numbers_in_prose_come_from_the_pages_outputs_or_a_cited_source(page):
    stale = unchecked(page)
    assert not stale, (
        "numbers in the text that no output or snippet of the page prints (at the precision shown), "
        "in a paragraph that cites no source:\n  " + "\n  ".join(stale)
    )
