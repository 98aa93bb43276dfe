"""Item 5 of issue 7: axe-core finds no WCAG 2.1 AA violation on any page, in either palette; keyboard reach.

axe-core is vendored from the npm registry (tests/browser/vendor/axe.min.js, MPL-2.0, see LICENSE there); it is
a test asset and never part of the site.
"""

from pathlib import Path

import pytest

from sitebuild import LANGS

AXE = Path(__file__).parent / "vendor" / "axe.min.js"
WCAG_21_AA = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
PALETTES = {"light": "default", "dark": "slate"}

RUN_AXE = """async tags => {
    const result = await axe.run(document, {runOnly: {type: "tag", values: tags}, resultTypes: ["violations"]});
    return result.violations.map(v => ({
        id: v.id, impact: v.impact, help: v.help,
        nodes: v.nodes.slice(0, 5).map(n => n.target.join(" ") + "  " + n.failureSummary.split("\\n").slice(1).join())
    }));
}"""


def choose_palette(tab, scheme: str) -> None:
    """Click the header's palette toggle until the page shows `scheme`, as a reader would."""
    for _ in range(len(PALETTES)):
        if tab.evaluate("document.body.dataset.mdColorScheme") == scheme:
            return
        tab.locator("form[data-md-component=palette] label:visible").click()
        # Leave the toggle, so that its tooltip fades out before axe reads the colours.
        tab.mouse.move(0, tab.viewport_size["height"] - 1)
        tab.evaluate("document.activeElement.blur()")
        tab.wait_for_function("!document.querySelector('.md-tooltip--active, .md-tooltip2--active')")
        tab.wait_for_timeout(400)  # Material's colour and tooltip transitions
    assert tab.evaluate("document.body.dataset.mdColorScheme") == scheme, f"palette toggle never showed {scheme}"


def test_axe_finds_no_wcag21aa_violation(offline, page):
    tab = offline.open(page)
    tab.wait_for_load_state("networkidle")
    tab.add_script_tag(path=str(AXE))
    report = []
    for palette, scheme in PALETTES.items():
        choose_palette(tab, scheme)
        for v in tab.evaluate(RUN_AXE, WCAG_21_AA):
            nodes = "\n      ".join(v["nodes"])
            report.append(f"{page} ({palette}): {v['id']} [{v['impact']}] {v['help']}\n      {nodes}")
    assert not report, "axe-core violations:\n" + "\n".join(report)


@pytest.mark.parametrize("lang", LANGS)
def test_keyboard_reaches_search_nav_and_language_switcher(offline, lang):
    tab = offline.open("index.html" if lang == LANGS[0] else f"{lang}/index.html")
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
