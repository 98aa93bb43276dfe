"""Smaller SVG from matplotlib, drawn the same.

Images are re-encoded losslessly, rectangles written shorter, no-op rotations dropped and repeated inline styles
turned into classes, with identical pixels. Merging a run of paths with the same style into one can change
anti-aliasing where two shapes touch (no faint seam between adjacent bars); colours and geometry stay the same.
"""

import base64
import io
import re
from collections import Counter

import numpy as np
from PIL import Image

NUMBER = re.compile(r"-?\d+\.\d{3,}")
GEOMETRY = re.compile(r'(\s(?:d|x|y|width|height|transform|points)=")([^"]*)(")')
PNG = re.compile(r"(data:image/png;base64,)([^\"]*)")
# A run of plain paths (no id to refer to, no transparency to compound) that share all other attributes.
PATHS = re.compile(r'(?:<path d="[^"]*"(?P<rest>(?: (?!id=)[\w:-]+="[^"]*")*)/>\n)(?:<path d="[^"]*"(?P=rest)/>\n)+')
D = re.compile(r'<path d="([^"]*)"')
WRAPPER = re.compile(r'<g id="([^"]*)">\n(<(?:path|use) [^\n]*/>)\n</g>\n')  # a group around one shape
# Rectangles as matplotlib writes them (horizontal side first, or vertical), in the short H/V form
RECT = re.compile(r"M (\S+) (\S+) L (\S+) \2 L \3 (\S+) L \1 \4 z")
RECT_T = re.compile(r"M (\S+) (\S+) L \1 (\S+) L (\S+) \3 L \4 \2 z")
ROTATE_0 = re.compile(r' transform="rotate\(-0 [^"]*\)"')  # matplotlib's rotation of unrotated text
STYLE = re.compile(r' style="([^"]*)"')


def compact(text: str) -> str:
    """No metadata or indentation, coordinates to 1/100 pt (labels untouched), merged paths, smaller images."""
    text = re.sub(r"\s*<metadata>.*?</metadata>", "", text, flags=re.DOTALL)
    text = re.sub(r"\n\s+<", "\n<", text)

    def shorten(m: re.Match) -> str:
        value = NUMBER.sub(lambda n: f"{float(n[0]):.2f}".rstrip("0").rstrip("."), m[2])
        return m[1] + " ".join(value.split()) + m[3]

    text = GEOMETRY.sub(shorten, text)
    text = WRAPPER.sub(lambda m: m[0] if f"#{m[1]}" in text else m[2] + "\n", text)  # ids nothing refers to
    text = PATHS.sub(merge_paths, text)
    text = RECT.sub(r"M \1 \2 H \3 V \4 H \1 z", text)
    text = RECT_T.sub(r"M \1 \2 V \3 H \4 V \2 z", text)
    text = style_classes(ROTATE_0.sub("", text))
    return PNG.sub(lambda m: m[1] + base64.b64encode(repack(base64.b64decode(m[2]))).decode("ascii"), text)


def merge_paths(m: re.Match) -> str:
    """One path for a run of paths that differ only in their outline (e.g. the bars of a broken_barh)."""
    if "opacity" in m["rest"] or "stroke:" in m["rest"]:
        return m[0]
    return f'<path d="{" ".join(D.findall(m[0]))}"{m["rest"]}/>\n'


def repack(png: bytes) -> bytes:
    """The same pixels in the smallest lossless PNG mode: grey-scale or a palette instead of RGBA."""
    rgba = np.asarray(Image.open(io.BytesIO(png)).convert("RGBA"))
    if not (rgba[..., 3] == 255).all():
        return png
    rgb = rgba[..., :3]
    if (rgb == rgb[..., :1]).all():
        image = Image.fromarray(np.ascontiguousarray(rgb[..., 0]), "L")
    else:
        colours, index = np.unique(rgb.reshape(-1, 3), axis=0, return_inverse=True)
        if len(colours) > 256:
            return png
        image = Image.fromarray(index.reshape(rgb.shape[:2]).astype(np.uint8), "P")
        image.putpalette(colours.astype(np.uint8).tobytes())
    out = io.BytesIO()
    image.save(out, "PNG", optimize=True)
    return out.getvalue() if len(out.getvalue()) < len(png) else png


def style_classes(text: str) -> str:
    """A class per inline style used more than once, defined in the SVG's own style sheet.

    A class rule overrides matplotlib's `*{...}` rule and presentation attributes just as the inline style did.
    """
    counts = Counter(STYLE.findall(text))
    repeated = sorted((style for style, n in counts.items() if n > 1), key=lambda style: (-counts[style], style))
    if "</style>" not in text or not repeated:
        return text
    names = {style: f"s{i}" for i, style in enumerate(repeated)}
    rules = "".join(f".{name}{{{style}}}" for style, name in names.items())
    text = STYLE.sub(lambda m: f' class="{names[m[1]]}"' if m[1] in names else m[0], text)
    return text.replace("</style>", f"\n{rules}</style>", 1)
