"""Each figure on a page as a light and a dark image, the one of the reader's palette shown.

A page embeds a figure once, `![alt](figures/NAME.svg)`; the generators write NAME.svg and its dark variant
NAME.dark.svg beside it (sitebuild/generate/figures/). pair() turns each such <img> into two, NAME.svg#only-light
and NAME.dark.svg#only-dark, Material's own convention: its style sheets hide the first in the slate palette and
the second in the default one (`img[src$="#only-light"]`, `img[src$="#only-dark"]`, display: none). Both carry

- the alt text: the hidden one is not rendered, so a screen reader skips it;
- loading="lazy": a browser does not fetch a lazy image that is not displayed, so a reader loads one variant;
- decoding="async";
- width and height, the SVG's own size in CSS pixels, so that its space is kept before it loads (Material's
  `.md-typeset img {max-width: 100%; height: auto}` keeps it responsive).

site.css shows the light figure in print, whatever the palette. The print page (mkdocs-print-site) takes each
page's HTML before the hooks change it, and is written after them: print_page() gives it the same pairs, loaded
eagerly like print-site's other images, since a PDF is printed only once every image has loaded.
"""

import functools
import re
from pathlib import Path

FIGURE = re.compile(
    r'<img\b(?P<before>[^>]*?) src="(?P<dir>(?:\.\./)*figures/)(?P<name>[\w-]+)\.svg"(?P<after>[^>]*?)\s*/?>'
)
SIZE = re.compile(r'<svg\b[^>]*?\swidth="([\d.]+)(pt|px)?"[^>]*?\sheight="([\d.]+)(pt|px)?"')
PX = {"pt": 4 / 3, "px": 1, None: 1}
PRINT_PAGE = "print_page.html"  # where mkdocs-print-site writes it, at the root of each language's site


@functools.cache
def _size(path: Path, mtime_ns: int) -> tuple[int, int] | None:
    match = SIZE.search(path.read_text(encoding="utf-8")[:2000])
    if not match:
        return None
    w, wu, h, hu = match.groups()
    return round(float(w) * PX[wu]), round(float(h) * PX[hu])


def size(svg: Path) -> tuple[int, int] | None:
    """The SVG's width and height in CSS pixels (1 pt = 4/3 px)."""
    return _size(svg, svg.stat().st_mtime_ns) if svg.is_file() else None


def pair(html: str, root: Path | str, lazy: bool = True) -> str:
    """Every <img src=".../figures/NAME.svg"> of the HTML whose NAME.dark.svg exists in the site's figures/ folder
    (`root`: the language's docs_dir, or its built site) as the light image and the dark one."""
    figures = Path(root) / "figures"

    def both(m: re.Match) -> str:
        name = m["name"]
        light, dark = figures / f"{name}.svg", figures / f"{name}.dark.svg"
        dims = size(light)
        if not dims or not dark.is_file():
            return m[0]
        attrs = m["before"] + m["after"]
        extra = f' width="{dims[0]}" height="{dims[1]}"' + (' loading="lazy"' if lazy else "") + ' decoding="async"'
        return "\n".join(
            f'<img{attrs} src="{m["dir"]}{file}#only-{scheme}"{extra} />'
            for file, scheme in ((light.name, "light"), (dark.name, "dark"))
        )  # one image a line: print-site strips only one loading="lazy" per line

    return FIGURE.sub(both, html)


def print_page(site: Path) -> None:
    """The print page of a language's built site, with each figure as the light and the dark image, loaded
    eagerly."""
    page = site / PRINT_PAGE
    if page.is_file():
        page.write_text(pair(page.read_text(encoding="utf-8"), site, lazy=False), encoding="utf-8")
