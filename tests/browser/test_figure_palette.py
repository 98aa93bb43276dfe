"""Issue 15: a figure follows the palette. In slate the page shows the dark variant (NAME.dark.svg), whose own
background is the page's dark one; in the default palette the light figure, as before. Exactly one variant is
displayed, and only that one is fetched (the other is display: none and lazy); its width and height are on the
<img> (no shift when it loads). sitebuild/render/figures.py writes the pairs; tests/test_figures.py checks the
contrast inside both variants.
"""

import io
import re

import numpy as np
import pytest
from PIL import Image

from sitebuild import LANGS, lang_dir
from sitebuild.tools.browser import block_remote

PAGE = "q08-early-stopping.html"  # a plot: axes, legend, annotations in colour
SCHEME = "document.body.dataset.mdColorScheme"
TOGGLE = "form[data-md-component=palette] label:visible"
FIGURE = ".md-content img[src*='figures/']"
FILE = re.compile(r"/figures/([\w-]+?)(\.dark)?\.svg$")
# Material's first palette follows the reader's system setting (mkdocs.yml: prefers-color-scheme), as a fresh
# browser shows it; the toggle (test_ui.py) stores a choice that later pages keep.
PALETTES = {"default": "light", "slate": "dark"}


def luminance(rgb: np.ndarray) -> np.ndarray:
    """WCAG relative luminance of sRGB pixels (0..255)."""
    c = np.asarray(rgb, float)[..., :3] / 255
    c = np.where(c <= 0.04045, c / 12.92, ((c + 0.055) / 1.055) ** 2.4)
    return c @ np.array([0.2126, 0.7152, 0.0722])


def border(png: bytes, width: int = 4) -> np.ndarray:
    pixels = np.asarray(Image.open(io.BytesIO(png)).convert("RGB"))
    frame = np.ones(pixels.shape[:2], bool)
    frame[width:-width, width:-width] = False
    return pixels[frame]


def open_counting(offline, path: str, **options):
    """The page in a fresh context, with the figure files it fetched (from the first request on) and failures."""
    context = offline.browser.new_context(**options)
    offline.contexts.append(context)  # closed by the fixture
    offline.blocked.append(block_remote(context, label=f"{path}: "))
    fetched, failed = [], []
    context.on("request", lambda r: FILE.search(r.url) and fetched.append(r.url.rsplit("/", 1)[-1]))
    context.on("requestfailed", lambda r: failed.append(f"{r.url}: {r.failure}"))
    tab = context.new_page()
    tab.on("pageerror", lambda error: offline.errors.append(f"{path}: {error}"))
    tab.goto(offline.url(path))
    return tab, fetched, failed


@pytest.mark.parametrize("scheme", PALETTES)
@pytest.mark.parametrize("lang", LANGS)
def test_a_figure_is_drawn_in_the_readers_palette_and_only_that_variant_loads(offline, lang, scheme, tmp_path):
    variant = PALETTES[scheme]
    page = f"{lang_dir(lang)}{PAGE}"
    tab, fetched, failed = open_counting(offline, page, color_scheme=variant, viewport={"width": 1200, "height": 900})
    assert tab.evaluate(SCHEME) == scheme
    shown = tab.locator(f"{FIGURE}:visible")
    assert shown.count() * 2 == tab.locator(FIGURE).count(), f"{page} ({scheme}): not one image of each pair shown"
    figure = shown.first
    figure.scroll_into_view_if_needed()
    tab.wait_for_function("img => img.complete && img.naturalWidth > 0", arg=figure.element_handle())
    src = figure.get_attribute("src")
    assert src.endswith(f"#only-{variant}"), f"{page} ({scheme}): the figure shown is {src}"
    name = FILE.search("/" + src.split("#")[0])[1]
    wanted = f"{name}.dark.svg" if variant == "dark" else f"{name}.svg"
    assert [f for f in fetched if f.startswith(f"{name}.")] == [wanted], f"{page} ({scheme}): fetched {fetched}"
    wrong = [f for f in fetched if (".dark." in f) != (variant == "dark")]
    assert not wrong and not failed, f"{page} ({scheme}): fetched the other palette's {wrong}; failed {failed}"

    box, w, h = figure.bounding_box(), int(figure.get_attribute("width")), int(figure.get_attribute("height"))
    assert abs(box["width"] / box["height"] - w / h) < 0.01, f"{page} ({scheme}): {src} is not drawn at {w}×{h}"
    edge = float(np.median(luminance(border(figure.screenshot(path=tmp_path / f"{lang}-{scheme}.png")))))
    background = tab.evaluate("getComputedStyle(document.body).backgroundColor")  # rgb(r, g, b)
    page_bg = float(luminance([float(v) for v in re.findall(r"[\d.]+", background)[:3]]))
    if variant == "light":
        assert edge > 0.9, f"{page} ({scheme}): {src} has a dark edge (median luminance {edge:.2f})"
    else:
        assert edge < 0.2, f"{page} ({scheme}): {src} is a light box on the dark page (luminance {edge:.2f})"
        assert abs(edge - page_bg) < 0.02, f"{page} ({scheme}): its edge ({edge:.3f}) is not the page's ({page_bg:.3f})"


def test_the_toggle_switches_the_figure_and_print_shows_the_light_one(offline):
    tab = offline.open(PAGE)
    tab.locator(TOGGLE).click()
    assert tab.evaluate(SCHEME) == "slate"
    figure = tab.locator(f"{FIGURE}:visible").first
    figure.scroll_into_view_if_needed()
    tab.wait_for_function("img => img.complete && img.naturalWidth > 0", arg=figure.element_handle())
    assert figure.get_attribute("src").endswith("#only-dark")
    tab.emulate_media(media="print")
    shown = tab.locator(f"{FIGURE}:visible").evaluate_all("i => i.map(e => e.src)")
    assert shown and all(src.endswith("#only-light") for src in shown), f"printed in slate: {shown}"
