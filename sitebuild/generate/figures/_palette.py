"""The dark variant of a figure (NAME.dark.svg, shown in Material's slate palette): the light SVG, recoloured.

dark() maps each colour in the light SVG's styles. It looks the colour up in one table, DARK, first. A colour
that is not in the table is mapped by its lightness (OKLab L):

- pale fills (L >= 0.8: the figure's white, boxes) become dark surfaces just above the page's own
  background. They keep their hue, and their order of lightness is reversed;
- inks (L <= 0.45: text, axes, edges, arrows) become light; black becomes the page's text colour;
- the colours in between are data (lines, bars, markers). They stay as they are where they reach 3:1 on the dark
  background (WCAG's contrast for graphics), and are otherwise lightened, keeping their hue, until they do.

The table holds the page's own colours, colours that are surfaces although they are not pale (the inner ring of
q01's diagram), colours that must keep 3:1 against a neighbour (q04's classes), and the darker shades that labels
are drawn in on white, whose dark colours must reach 4.5:1.
Text that matplotlib leaves black by default gets the dark ink from the root element. A label that sits on an
embedded image (the cells of q07's masks, q10's kernels) keeps its colour, since the image keeps its pixels.
Recolouring uses no matplotlib: it takes milliseconds, where drawing the figure again takes seconds.
"""

import re

from sitebuild.generate.figures import _backdrop

LIGHT_BG, DARK_BG = "#ffffff", "#1e2129"  # Material: white; slate's --md-default-bg-color (hsl 225deg 15% 14%)
DARK_INK = "#e2e4e9"  # slate's text colour (hsl 225deg 15% 90%), opaque
DARK = {
    LIGHT_BG: DARK_BG,
    "#000000": DARK_INK,
    "#b0b0b0": "#7a7d85",  # matplotlib's grid (drawn at 0.3 opacity): as faint on the dark background as on white
    "#8aa4f5": "#3d4a78",  # q01: the innermost ring (deep learning), a surface with text on it
    "#007a5a": "#2fbf8f",  # labels in green (q06, q08): the light one's hue, 4.5:1 on the dark background
    "#a84a00": "#f08030",  # labels in orange (q08), also on the faint orange of the patience window
    "#7f7f7f": "#6e6e6e",  # q04's benign rows: 3:1 against the background and against the malignant rows
}
COLOUR = re.compile(r"((?:fill|stroke|stop-color|flood-color|color)\s*:\s*)(#[0-9a-fA-F]{6}\b|#[0-9a-fA-F]{3}\b)")
SVG_TAG = re.compile(r"<svg\b")
TEXT_TAG = re.compile(r"<text\b([^>]*)>")


def dark(colour: str) -> str:
    """The dark palette's colour for a colour of a light figure."""
    colour = _backdrop.hex6(colour)
    if colour in DARK:
        return DARK[colour]
    L, a, b = oklab(colour)
    chroma = (a * a + b * b) ** 0.5
    bg = oklab(DARK_BG)[0]
    if L >= 0.8:  # a surface: as far above the dark background as it was below white, a little less
        return from_oklab(bg + (1 - L) * 0.75, a * 0.6, b * 0.6)
    if L <= 0.45:  # an ink
        scale = min(1.0, 0.06 / chroma) if chroma else 1.0  # a pale tint of its hue, never a glaring one
        return from_oklab(oklab(DARK_INK)[0] - L * 0.3, a * scale, b * scale)
    out = colour
    while _backdrop.contrast(out, DARK_BG) < 3 and L < 1:  # data: its hue, as light as a line or bar must be
        L = min(1.0, L + 0.01)
        out = from_oklab(L, a, b)
    return out


def recolour(svg: str) -> str:
    """The dark variant of a light figure's SVG text. Embedded images are left byte for byte as they are."""
    keep = {label.index: label.fill for label in _backdrop.labels(svg) if label.on_image} if "<image" in svg else {}
    out = COLOUR.sub(lambda m: m[1] + dark(m[2]), svg)
    out = SVG_TAG.sub(f'<svg fill="{DARK_INK}"', out, count=1)  # what matplotlib leaves black (SVG's default)
    if keep:
        count = iter(range(len(TEXT_TAG.findall(out))))

        def restore(m: re.Match) -> str:
            n = next(count)
            if n not in keep:
                return m[0]
            if ' style="' in m[1]:  # the last declaration wins
                return "<text" + re.sub(r' style="([^"]*)"', rf' style="\1; fill: {keep[n]}"', m[1], count=1) + ">"
            return f'<text style="fill: {keep[n]}"{m[1]}>'

        out = TEXT_TAG.sub(restore, out)
    return out


# --- OKLab (Björn Ottosson, 2020), for lightness and hue ------------------------------------------------------
def _linear(v: float) -> float:
    return v / 12.92 if v <= 0.04045 else ((v + 0.055) / 1.055) ** 2.4


def _gamma(v: float) -> float:
    return 12.92 * v if v <= 0.0031308 else 1.055 * v ** (1 / 2.4) - 0.055


def oklab(colour: str) -> tuple[float, float, float]:
    r, g, b = (_linear(v) for v in _backdrop.rgb(colour))
    l_ = (0.4122214708 * r + 0.5363325363 * g + 0.0514459929 * b) ** (1 / 3)
    m_ = (0.2119034982 * r + 0.6806995451 * g + 0.1073969566 * b) ** (1 / 3)
    s_ = (0.0883024619 * r + 0.2817188376 * g + 0.6299787005 * b) ** (1 / 3)
    return (
        0.2104542553 * l_ + 0.7936177850 * m_ - 0.0040720468 * s_,
        1.9779984951 * l_ - 2.4285922050 * m_ + 0.4505937099 * s_,
        0.0259040371 * l_ + 0.7827717662 * m_ - 0.8086757660 * s_,
    )


def from_oklab(L: float, a: float, b: float) -> str:
    """#rrggbb of an OKLab colour; out of the sRGB gamut, its chroma is reduced until it fits."""
    for shrink in (1 - k / 20 for k in range(21)):
        l_ = (L + 0.3963377774 * a * shrink + 0.2158037573 * b * shrink) ** 3
        m_ = (L - 0.1055613458 * a * shrink - 0.0638541728 * b * shrink) ** 3
        s_ = (L - 0.0894841775 * a * shrink - 1.2914855480 * b * shrink) ** 3
        rgb = (
            4.0767416621 * l_ - 3.3077115913 * m_ + 0.2309699292 * s_,
            -1.2684380046 * l_ + 2.6097574011 * m_ - 0.3413193965 * s_,
            -0.0041960863 * l_ - 0.7034186147 * m_ + 1.7076373010 * s_,
        )
        if all(-1e-4 <= v <= 1 + 1e-4 for v in rgb):
            break
    return _backdrop.to_hex(_gamma(min(max(v, 0.0), 1.0)) for v in rgb)
