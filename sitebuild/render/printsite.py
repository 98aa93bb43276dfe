"""The print page of each language, as mkdocs-print-site writes it (at the root of each language's site).

print-site renders it with the template context of 404.html, whose base is the server root "/": from file:// every
stylesheet, script and link of the print page would then miss. tidy() makes them relative to the print page, which
sits at the site root, makes its in-page links land (print-site prefixes the anchors of links with the page's key,
but renames only heading, sup and li ids), and points links to pages left out of the print page (no section of
their own) back to those pages. tests/browser/test_bundle.py opens the print page from disk and checks its
figures; tests/test_site_html.py checks its links.

valid() mends what print-site writes that the Nu HTML checker (sitebuild/checks/html.py) rejects, with nothing
changed on screen: its heading-numbering <style> (written after the pages, inside <article>) moves to the end of
<head>, where it still comes after every stylesheet; its heading-number attribute becomes data-heading-number
(nothing reads it); a label whose for= print-site prefixed with the page's key (it does so to every label, but
renames only the ids of inputs) points at its control again (the answer boxes' textareas); and the title of the
table of contents loses its for="__toc", a toggle that Material writes only into the nav entry of the current page,
which the print page is not.
"""

import re
from pathlib import Path

from mkdocs_print_site_plugin.urls import get_page_key  # how print-site names each page's section

from sitebuild.render import switcher

PAGE = "print_page.html"
HREF = re.compile(r'href="#([^"]+)"')
SECTION = re.compile(r'<section class="print-page" id="([^"]+)"')
ID = re.compile(r'\sid="([^"]+)"')
ROOTED = re.compile(r'(\b(?:href|src)=")/(?!/)')
BASE = re.compile(r'("base":\s*")/(")')
STYLE = re.compile(r"<style\b[^>]*>.*?</style>", re.DOTALL)
KEEP = re.compile(r"(<svg\b.*?</svg>|<script\b.*?</script>)", re.DOTALL)  # an SVG's own <style> stays in it
HEADING_NUMBER = re.compile(r"(<section\b[^>]*?\s)(heading-number=)")
LABEL = re.compile(r'(<label\b[^>]*?)\s+for="([^"]+)"')
TOC_TOGGLE = "__toc"


def tidy(site: Path, urls: list[str], languages: list[dict]) -> None:
    """Fix the written print page of the site whose pages have these URLs (relative to its root)."""
    page = site / PAGE
    if page.is_file():
        html = BASE.sub(r"\1.\2", ROOTED.sub(r"\1./", page.read_text(encoding="utf-8")))
        html = switcher.apply(html, PAGE, languages)  # print-site writes it after every on_post_page
        html = repair_links(html, {get_page_key(url): url for url in urls})
        page.write_text(valid(html), encoding="utf-8")


def valid(html: str) -> str:
    """The print page without print-site's invalid markup (see the module's docstring)."""
    html = HEADING_NUMBER.sub(r"\1data-\2", html)
    head, sep, body = html.partition("</head>")
    if sep:
        parts = KEEP.split(body)  # odd items: inline SVGs and scripts
        styles = [style for part in parts[::2] for style in STYLE.findall(part)]
        body = "".join(part if i % 2 else STYLE.sub("", part) for i, part in enumerate(parts))
        html = head + "".join(styles) + sep + body
    return relabel(html)


def relabel(html: str) -> str:
    """Point each label at a control the page has: print-site's for="<page>-x" back to the page's own id="x", and
    no for="__toc" without a __toc toggle."""
    ids = set(ID.findall(html))
    parts = SECTION.split(html)  # [head, key, body, key, body, ...]

    def fix(match: re.Match, key: str = "", own: frozenset = frozenset()) -> str:
        target = match.group(2)
        if target in ids:
            return match.group(0)
        if key and target.startswith(f"{key}-") and target[len(key) + 1 :] in own:
            return f'{match.group(1)} for="{target[len(key) + 1 :]}"'
        return match.group(1) if target == TOC_TOGGLE else match.group(0)

    out = [LABEL.sub(fix, parts[0])]
    for key, body in zip(parts[1::2], parts[2::2], strict=True):
        own = frozenset(ID.findall(body))
        out.append(f'<section class="print-page" id="{key}"' + LABEL.sub(lambda m, k=key, o=own: fix(m, k, o), body))
    return "".join(out)


def repair_links(html: str, urls: dict[str, str]) -> str:
    """Make print-site's in-page links land: rename id="x" to id="<page>-x" inside a page's section where a link
    wants that, and point links to pages that are not in the print page (no section) back to those pages."""
    wanted = set(HREF.findall(html)) - set(ID.findall(html))
    parts = SECTION.split(html)  # [head, key, body, key, body, ...]
    out = [parts[0]]
    for key, body in zip(parts[1::2], parts[2::2], strict=True):

        def rename(match, key=key):
            new = f"{key}-{match.group(1)}"
            return f' id="{new}"' if new in wanted else match.group(0)

        out.append(f'<section class="print-page" id="{key}"' + ID.sub(rename, body))
    html = "".join(out)
    ids, outside = set(ID.findall(html)), sorted(set(urls) - set(parts[1::2]), key=len, reverse=True)

    def relink(match):
        target = match.group(1)
        key = next((k for k in outside if target == k or target.startswith(k + "-")), None)
        if target in ids or key is None:
            return match.group(0)
        anchor = target[len(key) + 1 :]
        return f'href="{urls[key]}' + (f"#{anchor}" if anchor else "") + '"'

    return HREF.sub(relink, html)
