"""Item 1 of issue 7: the site opened from disk, with the network blocked, works in both languages."""

import re

import pytest

from sitebuild import LANGS
from sitebuild.links import expected_lang

# Data for the search test: (language, query, page that must be among the results). Each term is defined on
# that page, so the page stays a right answer as content grows.
SEARCHES = [
    ("sv", "överanpassning", "glossary.html"),
    ("en", "overfitting", "en/glossary.html"),
    ("sv", "maskininlärning", "q01-ai-ml-dl.html"),
    ("en", "hyperparameters", "en/q03-parameters.html"),
]
HOME = {lang: "index.html" if lang == LANGS[0] else f"{lang}/index.html" for lang in LANGS}

IMAGES_LOADED = """async () => {
    const images = [...document.images];
    images.forEach(img => { img.loading = "eager"; });
    const failed = await Promise.all(images.map(img => img.decode().then(() => null, () => img.getAttribute("src"))));
    return {count: images.length, failed: failed.filter(Boolean)};
}"""


def test_page_works_offline(offline, page):
    """Loads from disk with no request leaving the machine (checked by the fixture), in its language,
    with every image (figures included) loaded."""
    tab = offline.open(page)
    tab.wait_for_load_state("networkidle")
    assert tab.evaluate("document.documentElement.lang") == expected_lang(page), f"{page}: wrong <html lang>"
    images = tab.evaluate(IMAGES_LOADED)
    assert not images["failed"], f"{page}: images that do not load: {images['failed']}"
    assert tab.title().strip(), f"{page}: empty <title>"


@pytest.mark.parametrize("lang", LANGS)
def test_navigation_follows_nav_and_footer_links(offline, lang):
    tab = offline.open(HOME[lang])
    sidebar = tab.locator(".md-sidebar--primary")
    sidebar.locator("label.md-nav__link:has(+ nav a[href*='q01-'])").click()  # open the questions section
    sidebar.locator("a.md-nav__link[href*='q01-']").click()
    tab.wait_for_load_state()
    assert re.search(r"q01-[^/]*\.html$", tab.url), f"nav link from {HOME[lang]} landed on {tab.url}"
    assert tab.evaluate("document.documentElement.lang") == lang
    tab.locator("a.md-footer__link--next").click()
    tab.wait_for_load_state()
    assert re.search(r"q02-[^/]*\.html$", tab.url), f"'next' from q01 ({lang}) landed on {tab.url}"


@pytest.mark.parametrize(("start", "target"), [("q03-parameters.html", "en"), ("en/q03-parameters.html", "sv")])
def test_language_switcher_keeps_the_page(offline, start, target):
    tab = offline.open(start)
    tab.locator(".md-select button").hover()
    tab.locator(f".md-select__link[hreflang='{target}']").click()
    tab.wait_for_load_state()
    expected = offline.url(start.removeprefix("en/") if target == LANGS[0] else f"{target}/{start}")
    assert tab.url == expected, f"language switch from {start} to {target} went to {tab.url}"
    assert tab.evaluate("document.documentElement.lang") == target


@pytest.mark.parametrize(("lang", "query", "expected"), SEARCHES, ids=[q for _, q, _ in SEARCHES])
def test_search_from_disk_finds_the_page(offline, site, lang, query, expected):
    assert query.lower() in (site / expected).read_text(encoding="utf-8").lower(), (
        f"test data: {expected} does not contain {query!r}; pick a term the page defines"
    )
    tab = offline.open(HOME[lang])
    tab.locator("input.md-search__input").fill(query)
    tab.locator(".md-search-result__item").first.wait_for(timeout=15_000)
    hits = tab.locator(".md-search-result__item > a").evaluate_all("links => links.map(a => a.href)")
    pages = [hit.split("?")[0].split("#")[0] for hit in hits]
    assert offline.url(expected) in pages, f"search for {query!r} from {HOME[lang]} found {pages}, not {expected}"
