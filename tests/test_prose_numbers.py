"""Measured numbers quoted in a page's prose are still what its examples print.

The stale-output test keeps snippets/output/ in step with the code; this keeps the text in step with the outputs.
A decimal with three or more digits after the point (0.965, 0,0231) in a page's prose (not code, links or the
sources list) must occur in a stored output that the page embeds. When new outputs change such a number, the test
names the page and the number to update.
"""

import re

import pytest

from sitebuild import DOCS, LANGS, ROOT
from sitebuild.snippets import includes

DECIMAL_MARK = {"sv": ",", "en": "."}
SOURCES = re.compile(r"\n## (?:Källor|Sources)\n.*", re.DOTALL)
NOT_PROSE = [r"```.*?```", r"`[^`]*`", r"\]\([^)]*\)", r"<https?://[^>]*>", r"https?://\S+"]
PAGES = sorted(p for p in DOCS.glob("*.md") if "snippets/output/" in p.read_text(encoding="utf-8"))


def prose(text: str) -> str:
    text = SOURCES.sub("", text)
    for pattern in NOT_PROSE:
        text = re.sub(pattern, " ", text, flags=re.DOTALL)
    return text


def quoted_decimals(page) -> list[str]:
    lang = page.name.split(".")[-2]
    mark = re.escape(DECIMAL_MARK[lang])
    return re.findall(rf"(?<![\w.,])\d+{mark}\d{{3,}}(?![\w]*\d)", prose(page.read_text(encoding="utf-8")))


def test_the_check_finds_numbers_in_both_languages():
    counts = {lang: sum(len(quoted_decimals(p)) for p in PAGES if p.name.endswith(f".{lang}.md")) for lang in LANGS}
    assert all(counts.values()), f"no quoted decimals found: {counts}; the pattern no longer matches the pages"


@pytest.mark.parametrize("page", PAGES, ids=[p.name for p in PAGES])
def test_quoted_measurements_match_the_pages_outputs(page):
    text = page.read_text(encoding="utf-8")
    outputs = "".join((ROOT / path).read_text(encoding="utf-8") for _, path in includes(text) if "/output/" in path)
    stale = [n for n in quoted_decimals(page) if n.replace(",", ".") not in outputs]
    assert not stale, f"docs/{page.name}: numbers in the text that its outputs no longer print: {stale}"
