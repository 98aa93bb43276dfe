"""The print page of each language, as mkdocs-print-site writes it (at the root of each language's site).

print-site renders it with the template context of 404.html, whose base is the server root "/": from file:// every
stylesheet, script and link of the print page would then miss. tidy() makes them relative to the print page, which
sits at the site root, makes its in-page links land (print-site prefixes the anchors of links with the page's key,
but renames only heading, sup and li ids), and points links to pages left out of the print page (no section of
their own) back to those pages. tests/browser/test_bundle.py opens the print page from disk and checks its
figures; tests/test_site_html.py checks its links.
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


def tidy(site: Path, urls: list[str], languages: list[dict]) -> None:
    """Fix the written print page of the site whose pages have these URLs (relative to its root)."""
    page = site / PAGE
    if page.is_file():
        html = BASE.sub(r"\1.\2", ROOTED.sub(r"\1./", page.read_text(encoding="utf-8")))
        html = switcher.apply(html, PAGE, languages)  # print-site writes it after every on_post_page
        page.write_text(repair_links(html, {get_page_key(url): url for url in urls}), encoding="utf-8")


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
