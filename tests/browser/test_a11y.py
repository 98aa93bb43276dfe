"""Items 1 and 5 of issue 7, page by page: every page of the build opens from disk with no request to another
host (the `offline` fixture fails the test otherwise) and no JavaScript error, declares its language, loads every
image, and axe-core finds no WCAG 2.1 AA violation in either palette (the print pages: in test_bundle.py, which
opens them once for these checks and its own). Keyboard navigation reaches search, nav and
the language switcher.

axe-core is vendored from the npm registry (tests/browser/vendor/axe.min.js, MPL-2.0, see LICENSE there); it is
a test asset and never part of the site.
"""

from pathlib import Path

import pytest

from sitebuild import LANGS, lang_dir
from sitebuild.checks.links import expected_lang
from sitebuild.tools.browser import settle

# by URL, not inlined: 0.25 -> 0.18 CPU-s a page, measured on fresh contexts
AXE = (Path(__file__).resolve().parent / "vendor" / "axe.min.js").as_uri()
WCAG_21_AA = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
PALETTES = {"light": "default", "dark": "slate"}
IMAGES_LOADED = """async () => {
    const images = [...document.images];
    images.forEach(img => { img.loading = "eager"; });
    const failed = await Promise.all(images.map(img => img.decode().then(() => null, () => img.getAttribute("src"))));
    return failed.filter(Boolean);
}"""

# The palette changes colours only, so after the first palette the others need only axe's colour rules.
COLOUR_RULES = ["color-contrast", "link-in-text-block"]
# A print page shows every page's content again, coloured as there (on screen print-site's stylesheet changes a
# colour only for a :target highlight), so its colours are checked where it shows what no page does: the static
# answers and the contents. Every other rule runs on all of it (axe: 4.9 s a print page, not 7.4 s).
PRINT_ONLY = ["#print-page-toc", ".open-answer-static"]
RUN_AXE = """async ({tags, rules, off, include}) => {
    const runOnly = rules ? {type: "rule", values: rules} : {type: "tag", values: tags};
    const context = include ? {include: include.map(selector => [selector])} : document;
    const disabled = Object.fromEntries((off || []).map(id => [id, {enabled: false}]));
    // preload: false: axe would fetch every stylesheet again to read media queries, which from file:// fails
    // (a failed load, a console error); its one rule that needs them, css-orientation-lock, was incomplete anyway
    const result = await axe.run(context, {runOnly, rules: disabled, resultTypes: ["violations"], preload: false});
    return result.violations.map(v => ({
        id: v.id, impact: v.impact, help: v.help,
        nodes: v.nodes.slice(0, 5).map(n => n.target.join(" ") + "  " + n.failureSummary.split("\\n").slice(1).join())
    }));
}"""


def axe_runs(page: str, palette: str) -> list[dict]:
    """What axe checks on `page` in `palette`: every WCAG 2.1 AA rule in the first, the colour rules after."""
    if "print_page" in page:
        return [{"tags": WCAG_21_AA, "off": COLOUR_RULES}, {"rules": COLOUR_RULES, "include": PRINT_ONLY}]
    return [{"tags": WCAG_21_AA} if palette == "light" else {"rules": COLOUR_RULES}]


def choose_palette(tab, scheme: str) -> None:
    """Click the header's palette toggle until the page shows `scheme`, as a reader would, and return once the page
    is still: also when it already showed `scheme`, since what came before (answering a quiz, whose focus scrolls
    and makes Material show its back-to-top button) may still be fading in."""
    for _ in range(len(PALETTES)):
        if tab.evaluate("document.body.dataset.mdColorScheme") == scheme:
            break
        tab.locator("form[data-md-component=palette] label:visible").click()
        # Leave the toggle, so that its tooltip fades out before axe reads the colours.
        tab.mouse.move(0, tab.viewport_size["height"] - 1)
        tab.evaluate("document.activeElement.blur()")
        tab.wait_for_function("!document.querySelector('.md-tooltip--active, .md-tooltip2--active')")
    settle(tab)  # Material's colour and tooltip transitions
    assert tab.evaluate("document.body.dataset.mdColorScheme") == scheme, f"palette toggle never showed {scheme}"


def test_page_works_offline_and_is_accessible(offline, screen_page):
    """Every page but the print pages, which test_bundle.py opens once for these checks and its own."""
    assert_accessible(offline.open(screen_page), screen_page)


def assert_accessible(tab, page: str) -> None:
    """The page open in `tab` declares its language and a title, every image loads, and axe finds no WCAG 2.1 AA
    violation in either palette."""
    assert tab.evaluate("document.documentElement.lang") == expected_lang(page), f"{page}: wrong <html lang>"
    assert tab.title().strip(), f"{page}: empty <title>"
    failed = tab.evaluate(IMAGES_LOADED)
    assert not failed, f"{page}: images that do not load: {failed}"
    tab.add_script_tag(url=AXE)
    report = []
    # A print page is every page's content again, each checked in both palettes on its own; it is made for paper,
    # so it is checked in the light palette only (axe over the whole site twice more would double this test).
    palettes = {"light": PALETTES["light"]} if "print_page" in page else PALETTES
    for palette, scheme in palettes.items():
        choose_palette(tab, scheme)
        for v in (v for run in axe_runs(page, palette) for v in tab.evaluate(RUN_AXE, run)):
            nodes = "\n      ".join(v["nodes"])
            report.append(f"{page} ({palette}): {v['id']} [{v['impact']}] {v['help']}\n      {nodes}")
    assert not report, "axe-core violations:\n" + "\n".join(report)


@pytest.mark.parametrize("lang", LANGS)
def test_keyboard_reaches_search_nav_and_language_switcher(offline, lang):
    tab = offline.open(f"{lang_dir(lang)}index.html")
    describe = """() => {
        const e = document.activeElement;
        if (e.matches(".md-search__input")) return "search";
        if (e.closest(".md-select")) return "language";
        if (e.closest(".md-sidebar--primary .md-nav")) return "nav";
        return e.tagName;
    }"""
    reached = set()
    for _ in range(60):
        tab.keyboard.press("Tab")
        reached.add(tab.evaluate(describe))
        if {"search", "language", "nav"} <= reached:
            break
    missing = {"search", "language", "nav"} - reached
    assert not missing, f"{lang}: Tab never reached {sorted(missing)} (reached {sorted(reached)})"
