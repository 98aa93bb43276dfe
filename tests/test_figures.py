"""Every question page shows a figure, with alt text, drawn in the page's language."""

import re

import pytest

from sitebuild import DOCS, LANGS, pages_dir
from sitebuild.generate import figures

FIGURE = re.compile(r"!\[([^\]]*)\]\(figures/([\w-]+)\.svg\)")
QUESTION_PAGES = sorted(DOCS.glob("*/q[0-9][0-9]-*.md"))


@pytest.fixture(scope="module")
def rendered():
    """figure name, language[, ".dark"] -> the SVG the build puts on the page (drawn now if the cache lacks it)."""
    for name in figures.to_draw():
        figures.draw_and_cache(name)
    figures.write_all()
    return lambda name, lang, variant="": (pages_dir(lang) / "figures" / f"{name}{variant}.svg").read_text("utf-8")


def page_figures(page):
    return FIGURE.findall(page.read_text(encoding="utf-8"))


@pytest.mark.parametrize("page", QUESTION_PAGES, ids=lambda p: f"{p.parent.name}/{p.name}")
def test_question_page_has_a_figure_with_alt_text(page):
    found = page_figures(page)
    assert found, f"{page.name}: no figure"
    for alt, name in found:
        assert len(alt.split()) >= 5, f"{page.name}: figure {name} needs alt text that says what it shows"
        assert name in figures.names(), f"{page.name}: no figure module sitebuild/generate/figures/{name}.py"


def labels(name, lang):
    """Label lines in one language that the other language does not share."""
    other = {
        x for lg in LANGS if lg != lang for v in figures.module(name).STRINGS[lg].values() for x in str(v).split("\n")
    }
    mine = {x for v in figures.module(name).STRINGS[lang].values() for x in str(v).split("\n")}
    return sorted(x for x in mine - other if len(x) > 3)


@pytest.mark.parametrize("name", figures.names())
@pytest.mark.parametrize("lang", LANGS)
def test_figure_labels_are_in_the_page_language(rendered, name, lang):
    text = rendered(name, lang)
    shown = [x for x in labels(name, lang) if escape(x) in text]
    assert shown, f"{name}.{lang}.svg shows none of its {lang} labels"
    for other in LANGS:
        if other != lang:
            leaked = [x for x in labels(name, other) if escape(x) in text]
            assert not leaked, f"{name}.{lang}.svg shows {other} labels: {leaked}"


def escape(s):
    return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def test_figures_are_byte_identical_when_redrawn():
    name = figures.names()[0]
    assert figures.svg(name, "sv") == figures.svg(name, "sv")


def test_a_raising_figure_names_its_module(monkeypatch):
    mod = figures.module(figures.names()[0])
    monkeypatch.setattr(mod, "draw", lambda s: 1 / 0)
    with pytest.raises(figures.FigureError, match=r"sitebuild/generate/figures/\w+\.py \(sv\): ZeroDivisionError"):
        figures.svg(figures.names()[0], "sv")


def test_svg_compaction_keeps_pixels_merges_only_opaque_fills_and_shares_styles():
    import base64
    import io

    import numpy as np
    from PIL import Image

    from sitebuild.generate.figures._svg import compact, repack

    colours = np.array([[250, 250, 250], [10, 20, 30], [0, 0, 0]], dtype=np.uint8)
    pixels = colours[np.random.default_rng(0).integers(0, 3, (64, 64))]  # three colours: fits a palette
    buf = io.BytesIO()
    Image.fromarray(pixels, "RGB").convert("RGBA").save(buf, "PNG")
    packed = Image.open(io.BytesIO(repack(buf.getvalue())))
    assert packed.mode == "P" and (np.asarray(packed.convert("RGB")) == pixels).all()

    bar = '<path d="M 0 0 L 2 0 L 2 1 L 0 1 z" style="{}"/>\n'
    fills = compact("<svg>\n" + bar.format("fill: #222") * 2 + "</svg>")
    assert fills.count("<path") == 1 and "M 0 0 H 2 V 1 H 0 z M 0 0 H 2 V 1 H 0 z" in fills
    for style in ("fill: #222; fill-opacity: 0.5", "fill: #222; stroke: #222"):  # overlaps would show
        assert compact("<svg>\n" + bar.format(style) * 2 + "</svg>").count("<path") == 2
    label = '<text style="font-size: 9px" x="1" y="2" transform="rotate(-0 1 2)">{}</text>\n'
    labels = compact('<svg>\n<style type="text/css">*{stroke-linecap: butt}</style>\n' + label.format("a") * 2)
    assert labels.count('<text class="s0" x="1" y="2">a</text>') == 2 and ".s0{font-size: 9px}</style>" in labels
    image = f'<image xlink:href="data:image/png;base64,{base64.b64encode(buf.getvalue()).decode()}"/>'
    assert len(compact(image)) < len(image)


# --- numbers a figure draws are numbers the page's code prints ---------------------------------------------
def drawn_numbers(svg: str, lang: str) -> list[str]:
    """Decimals and numbers with a unit in a figure's text, leaving out axis ticks (a scale, not a result)."""
    import xml.etree.ElementTree as ET

    from sitebuild.checks.prose import NUMBER, checked, value

    texts = []

    def walk(node, in_tick=False):
        in_tick = in_tick or re.match(r"[xy]tick_", node.get("id", "")) is not None
        if node.tag.endswith("}text") and not in_tick:
            texts.append("".join(node.itertext()))
        for child in node:
            walk(child, in_tick)

    walk(ET.fromstring(svg))
    text = "\n".join(texts)
    found = checked(text, lang) + [n for n in NUMBER[lang].findall(text) if "." in value(n, lang)]
    return list(dict.fromkeys(found))


def pages_showing(name: str, lang: str) -> list:
    return [p for p in (DOCS / lang).glob("*.md") if f"figures/{name}.svg" in p.read_text(encoding="utf-8")]


@pytest.mark.parametrize("name", [n for n in figures.names() if n != "q13_benchmark"])  # test_benchmark.py: runs
@pytest.mark.parametrize("lang", LANGS)
def test_numbers_a_figure_draws_are_printed_by_its_pages_code(rendered, name, lang):
    from sitebuild.checks.prose import NUMBER, embedded_numbers, matches, value

    static = {value(n, lang) for v in figures.module(name).STRINGS[lang].values() for n in NUMBER[lang].findall(str(v))}
    pool = [n for page in pages_showing(name, lang) for n in embedded_numbers(page)]
    svg = rendered(name, lang)
    wrong = [
        n
        for n in drawn_numbers(svg, lang)
        if value(n, lang) not in static and not matches(value(n, lang), pool, percent=True)  # as printed, or × 100
    ]
    assert not wrong, (
        f"sitebuild/generate/figures/{name}.py ({lang}) draws numbers no output of its pages prints: {wrong}"
    )


# --- both palettes: the dark variant, and contrast inside every figure -----------------------------------------
VARIANTS = {"light": ("", "#ffffff"), "dark": (".dark", "#1e2129")}  # file suffix, the page background under it


@pytest.mark.parametrize("variant", VARIANTS)
@pytest.mark.parametrize("name", figures.names())
@pytest.mark.parametrize("lang", LANGS)
def test_every_label_of_a_figure_reaches_wcag_aa_contrast(rendered, name, lang, variant):
    """Each text's colour against what lies under it (the figure's background, a box, a cell of an image), at
    points across its box: 4.5:1, or 3:1 for large text (24 px, or 18.66 px bold; no figure has any now)."""
    from sitebuild.generate.figures._backdrop import labels, lowest_contrast

    suffix, page = VARIANTS[variant]
    low = []
    for label in labels(rendered(name, lang, suffix), page=page):
        ratio, under = lowest_contrast(label)
        if ratio < (3 if label.large else 4.5):
            low.append(f"{label.text!r} ({label.fill} on {under}, {label.size:g}px): {ratio:.2f}:1")
    assert not low, f"{name}{suffix}.svg ({lang}): labels below WCAG AA contrast:\n  " + "\n  ".join(low)


def test_the_palette_table_names_the_pages_own_colours():
    from sitebuild.generate.figures import _palette

    assert _palette.dark("#ffffff") == _palette.DARK_BG and _palette.dark("#fff") == _palette.DARK_BG
    assert _palette.dark("#000000") == _palette.DARK_INK
    assert _palette.dark("#e9ecef") != _palette.DARK_BG  # a pale box stays a box, just above the background
    assert _palette.oklab(_palette.dark("#0d1440"))[0] > 0.8  # navy ink turns light


@pytest.mark.parametrize("name", figures.names())
def test_a_swedish_figure_writes_its_numbers_with_a_decimal_comma(rendered, name):
    """Tick labels and values: 0,045 in Swedish, as the pages write it (code such as validation_split=0.2 is code)."""
    from sitebuild.generate.figures._backdrop import labels

    decimal_point = re.compile(r"[-−]?\d+\.\d+")
    points = [label.text for label in labels(rendered(name, "sv")) if decimal_point.fullmatch(label.text.strip())]
    assert not points, f"{name}.svg (sv) writes decimal points: {points[:5]}"


def test_q04s_two_classes_reach_3_to_1_against_each_other_and_the_background_in_both_palettes():
    from sitebuild.generate.figures._backdrop import contrast
    from sitebuild.generate.figures._palette import dark
    from sitebuild.generate.figures.q04_split import BENIGN, MALIGNANT

    low = []
    for variant, shade in (("light", str), ("dark", dark)):
        for a, b in ((BENIGN, MALIGNANT), (BENIGN, "#ffffff"), (MALIGNANT, "#ffffff")):
            if (ratio := contrast(shade(a), shade(b))) < 3:  # WCAG 1.4.11, graphics
                low.append(f"{variant}: {shade(a)} against {shade(b)}, {ratio:.2f}:1")
    assert not low, "q04's classes below 3:1:\n  " + "\n  ".join(low)


def test_recolouring_darkens_the_background_and_leaves_embedded_images_byte_for_byte(rendered):
    from sitebuild.generate.figures._palette import DARK_BG, DARK_INK, recolour

    images = re.compile(r'data:image/png;base64,[^"]*')
    with_images = [n for n in figures.names() if images.search(rendered(n, "sv"))]
    assert with_images, "no figure embeds an image: pick another test case"
    for name in with_images:
        light, dark = rendered(name, "sv"), rendered(name, "sv", ".dark")
        assert dark == recolour(light), f"{name}.dark.svg is not the recoloured {name}.svg"
        assert images.findall(dark) == images.findall(light), f"{name}.dark.svg changed an embedded image"
        assert f"fill: {DARK_BG}" in dark and "fill: #ffffff" not in dark.split("<image", 1)[0]
        assert f'<svg fill="{DARK_INK}"' in dark  # text that matplotlib leaves black by default
    label = '<text x="0" y="10" style="fill: #ffffff">1.25</text>'
    cell = recolour(
        '<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink">\n'
        '<path d="M 0 0 H 50 V 50 H 0 z" style="fill: #ffffff"/>\n'
        f'<image xlink:href="{images.search(rendered(with_images[0], "sv"))[0]}" x="0" y="0" width="50" height="50"/>\n'
        f"{label}\n</svg>"
    )
    assert f'style="fill: {DARK_BG}"' in cell, "the white background is the dark one"
    assert cell.count("fill: #ffffff") == 1 and cell.rstrip().endswith('fill: #ffffff">1.25</text>\n</svg>'), (
        "a label on an image keeps its colour, since the image keeps its pixels"
    )


def test_a_corrupt_dark_variant_in_the_cache_is_a_miss(rendered):
    from sitebuild.generate import cache

    name = figures.names()[0]
    key = figures.dark_key(name, "sv")
    good = cache.load("figures", key, figures.is_svg)
    assert good
    cache.store("figures", key, "not an svg")
    assert figures.dark_svg(name, "sv", rendered(name, "sv")) == good, "a corrupt dark entry is recoloured again"
    assert cache.load("figures", key, figures.is_svg) == good
