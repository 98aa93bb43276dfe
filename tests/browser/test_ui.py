"""Item 4 of issue 7: the copy button, the palette toggle and a phone-sized viewport, in a real browser. (That no
page scrolls sideways on a phone is checked on every page over HTTP, in test_published.py.)"""

import pytest

from sitebuild import LANGS, lang_dir
from sitebuild.checks.links import page_paths
from sitebuild.tools.browser import settle

PHONE = {"viewport": {"width": 375, "height": 740}, "is_mobile": True, "has_touch": True}  # CSS pixels decide layout


def first_page_with_code(site, lang: str) -> str:
    for path in page_paths(site):
        in_lang = path.startswith(f"{lang}/") if lang != LANGS[0] else "/" not in path
        if in_lang and "print_page" not in path and '<div class="highlight">' in (site / path).read_text("utf-8"):
            return path
    pytest.fail(f"no {lang} page with a code block to try the copy button on")


@pytest.mark.parametrize("lang", LANGS)
def test_copy_button_copies_the_code(offline, site, lang):
    page = first_page_with_code(site, lang)
    tab = offline.open(page, permissions=["clipboard-read", "clipboard-write"])
    block = tab.locator(".md-content .highlight").first
    block.hover()
    block.locator("button[data-md-type=copy]").click()
    copied = tab.evaluate("navigator.clipboard.readText()")
    shown = block.locator("code").inner_text()
    assert copied.strip() == shown.strip(), f"{page}: the copy button copied {copied[:80]!r}..."
    assert copied.strip(), f"{page}: the copy button copied nothing"


def test_palette_toggle_switches_and_is_remembered(offline):
    tab = offline.open("index.html")
    scheme = "document.body.dataset.mdColorScheme"
    assert tab.evaluate(scheme) == "default"
    tab.locator("form[data-md-component=palette] label:visible").click()
    assert tab.evaluate(scheme) == "slate"
    tab.goto(offline.url("en/index.html"))
    assert tab.evaluate(scheme) == "slate", "the dark palette was forgotten on the next page"
    tab.locator("form[data-md-component=palette] label:visible").click()
    assert tab.evaluate(scheme) == "default"


@pytest.mark.parametrize("lang", LANGS)
def test_phone_nav_drawer_opens(offline, lang):
    tab = offline.open(f"{lang_dir(lang)}index.html", **PHONE)
    nav = tab.locator(".md-sidebar--primary")
    assert not nav.locator("a.md-nav__link").first.is_visible() or nav.bounding_box()["x"] < 0
    tab.locator("label.md-header__button[for=__drawer]").click()
    tab.wait_for_function("document.getElementById('__drawer').checked")
    settle(tab)  # the drawer slides in
    box = nav.bounding_box()
    assert box and box["x"] >= 0 and box["width"] > 200, f"{lang}: the nav drawer did not open ({box})"
