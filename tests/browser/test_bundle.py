"""Items 2 and 3 of issue 7: the print page and PDF per language, and the offline zip."""

import re
import zipfile

import pytest
from test_a11y import assert_accessible

from sitebuild import LANGS
from sitebuild.checks.links import QUESTION, expected_lang, page_paths, read_page
from sitebuild.tools.bundle import NAME, write_zip
from sitebuild.tools.pdf import OUTPUTS, print_pdf

CHROME = [".md-header", ".md-sidebar--primary", ".md-sidebar--secondary", ".md-footer", ".md-tabs"]


def question_pages(site, lang: str) -> list[str]:
    return [p for p in page_paths(site) if QUESTION.search(p) and expected_lang(p) == lang]


def h1(site, page: str) -> str:
    match = re.search(r"<h1[^>]*>(.*?)<", (site / page).read_text(encoding="utf-8"), re.S)
    return match.group(1).strip() if match else ""


@pytest.mark.slow
@pytest.mark.parametrize("lang", LANGS)
def test_print_page_has_every_question_and_figure_passes_axe_and_prints_to_a_pdf_without_chrome(
    offline, site, lang, tmp_path
):
    print_page = OUTPUTS[lang][0]
    tab = offline.open(print_page)
    tab.wait_for_load_state("networkidle")
    assert_accessible(tab, print_page)  # as test_a11y.py checks every other page
    text = tab.locator(".md-content").inner_text()
    missing = [page for page in question_pages(site, lang) if h1(site, page) not in text]
    assert not missing, f"{print_page} lacks the questions of {missing}"
    figures = {
        img["src"].rsplit("/", 1)[-1] for page in question_pages(site, lang) for img in read_page(site, page).images
    }
    shown = {src.rsplit("/", 1)[-1] for src in tab.locator(".md-content img").evaluate_all("i => i.map(e => e.src)")}
    assert figures <= shown, f"{print_page} lacks figures {sorted(figures - shown)}"
    tab.emulate_media(media="print")
    visible = [sel for sel in CHROME if tab.locator(sel).count() and tab.locator(sel).first.is_visible()]
    assert not visible, f"{print_page} prints navigation chrome: {visible}"
    pdf = tmp_path / OUTPUTS[lang][1]  # as `nox -s pdf` prints it (sitebuild/tools/pdf.py)
    pages = print_pdf(tab, pdf)
    assert pdf.read_bytes().startswith(b"%PDF"), f"{pdf} is not a PDF"
    assert pages >= len(question_pages(site, lang)), f"{lang} PDF has only {pages} pages"


def test_offline_zip_opens_from_disk_without_a_server(offline, site, tmp_path):
    bundle = write_zip(site, tmp_path / "site.zip")
    with zipfile.ZipFile(bundle) as archive:
        archive.extractall(tmp_path / "unzipped")
    root = tmp_path / "unzipped" / NAME
    assert sorted(page_paths(root)) == sorted(page_paths(site)), "the zip lacks pages of the site"
    tab = offline.open(root / "index.html")
    assert tab.evaluate("document.documentElement.lang") == LANGS[0]
    assert tab.evaluate("getComputedStyle(document.querySelector('.md-header')).position") == "sticky", "no stylesheet"
    tab.locator(".md-select button").hover()
    offline.follow(tab, tab.locator(f".md-select__link[hreflang='{LANGS[1]}']"))
    assert tab.url == (root / LANGS[1] / "index.html").as_uri()
    tab.locator("input.md-search__input").press_sequentially("keras")  # typed: Material reads the query on keyup
    tab.locator(".md-search-result__item").first.wait_for(timeout=15_000)
