"""Item 1 of issue 7: the site opened from disk, with the network blocked, works in both languages.

Every page loading offline (no request to another host, its language, its figures) is checked page by page in
test_a11y.py, on the same page load as axe-core.
"""

import re
from pathlib import Path
from urllib.parse import unquote, urlsplit

import pytest

from sitebuild import LANGS, lang_dir
from sitebuild.checks.links import expected_lang, page_paths

# Data for the search tests: (language, query, a word the first result must contain). Each language has its own
# index (sitebuild/render/search.py), so every result is a page in the reader's language, even where a Swedish page
# mentions "(overfitting)". The last four queries are on no page: only a stemmer leads them to the word's pages.
SEARCHES = [
    ("sv", "överanpassning", "överanpassning"),
    ("en", "overfitting", "overfitting"),
    ("sv", "modellen", "modellen"),
    ("en", "hyperparameters", "hyperparameters"),
    ("sv", "faltningarna", "faltning"),
    ("sv", "överanpassningar", "överanpassning"),
    ("en", "convolutions", "convolution"),
    ("en", "overfitted", "overfit"),
]
HOME = {lang: f"{lang_dir(lang)}index.html" for lang in LANGS}


@pytest.mark.parametrize("lang", LANGS)
def test_navigation_follows_nav_and_footer_links(offline, lang):
    tab = offline.open(HOME[lang])
    sidebar = tab.locator(".md-sidebar--primary")
    sidebar.locator("label.md-nav__link:has(+ nav a[href*='q01-'])").click()  # open the questions section
    offline.follow(tab, sidebar.locator("a.md-nav__link[href*='q01-']"))
    assert re.search(r"q01-[^/]*\.html$", tab.url), f"nav link from {HOME[lang]} landed on {tab.url}"
    assert tab.evaluate("document.documentElement.lang") == lang
    offline.follow(tab, tab.locator("a.md-footer__link--next"))
    assert re.search(r"q02-[^/]*\.html$", tab.url), f"'next' from q01 ({lang}) landed on {tab.url}"


@pytest.mark.parametrize(("start", "target"), [("q03-parameters.html", "en"), ("en/q03-parameters.html", "sv")])
def test_language_switcher_keeps_the_page(offline, start, target):
    tab = offline.open(start)
    tab.locator(".md-select button").hover()
    offline.follow(tab, tab.locator(f".md-select__link[hreflang='{target}']"))
    expected = offline.url(start.removeprefix("en/") if target == LANGS[0] else f"{target}/{start}")
    assert tab.url == expected, f"language switch from {start} to {target} went to {tab.url}"
    assert tab.evaluate("document.documentElement.lang") == target


@pytest.mark.parametrize(("lang", "query", "word"), SEARCHES, ids=[query for _, query, _ in SEARCHES])
def test_search_from_disk_finds_a_page_in_the_readers_language(offline, site, lang, query, word):
    pages = {p: text_of(site / p) for p in page_paths(site) if expected_lang(p) == lang and "print_page" not in p}
    having = [p for p, text in pages.items() if word in text]
    assert having, f"test data: no {lang} page has {word!r}; pick a term the site defines"
    if word != query:
        verbatim = [p for p, text in pages.items() if query in text]
        assert not verbatim, f"test data: {query!r} is on {verbatim}, so finding it proves no stemming"
    tab = offline.open(HOME[lang])
    tab.locator("input.md-search__input").press_sequentially(query)  # typed: Material reads the query on keyup
    tab.locator(".md-search-result__item").first.wait_for(timeout=15_000)
    hrefs = tab.locator(".md-search-result__item > a").evaluate_all("links => links.map(a => a.href)")
    found = [unquote(urlsplit(href).path).removeprefix(str(site.resolve()) + "/") for href in hrefs]
    assert found[0] in having, f"search for {query!r} from {HOME[lang]}: first result {found[0]}, not one of {having}"
    strangers = [page for page in found if expected_lang(page) != lang]
    assert not strangers, f"search for {query!r} from {HOME[lang]} found pages in another language: {strangers}"
    missing = tab.locator(".md-search-result__terms").all_inner_texts()
    assert not missing, f"search for {query!r} marks its own word as missing: {missing}"


def text_of(page: Path) -> str:
    """The visible words of a page's article, lower-cased (no tags, no attribute values)."""
    html = page.read_text(encoding="utf-8")
    article = html[html.find("<article") : html.find("</article>")]
    return re.sub(r"<[^>]+>", " ", article).lower()
