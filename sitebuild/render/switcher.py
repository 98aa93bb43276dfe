"""The language switcher links each page to its twin, computed at build time; so do the head's hreflang links.

Each language is its own site (Swedish at the root, English under en/); mkdocs.yml and mkdocs.en.yml list the
languages under `extra.alternate` with the link to each language's root, relative to this site's root. Material
renders those roots through MkDocs' `url` filter, which cannot climb above a nested page's folder
(notebooks/x.html would link ../x.html), so the hooks rewrite each written page's switcher to the twin, relative
to the page (apply()).

The head's `<link rel="alternate" hreflang>` must be absolute to mean anything, so it needs `site_url` (mkdocs.yml,
from the SITE_URL environment variable; empty by default). With it, each points at the twin's published address;
without it (a build read from disk), the hooks leave them out. Material's bundle fetches sitemap.xml beside every
such link to map pages between languages, which from file:// is a blocked request and a console error on every
page; the switcher here already points at each twin, so nothing is lost. Over HTTP that fetch looks for the
sitemap in the folder of the linked page, so a page in a subfolder (notebooks/) gets no hreflang links: its
sitemap.xml would be a 404 and a console error. For the same reason as from file://, the offline zip
leaves them out (offline()): read from disk, they would send the reader's browser to the published host.
"""

import posixpath
import re
from urllib.parse import urljoin

ANCHOR = re.compile(r'(<a href=")[^"]*("\s+hreflang="([\w-]+)")')  # Material's switcher entries
HEAD_LINK = re.compile(r'<link rel="alternate" href="[^"]*" hreflang="([\w-]+)">\n?')


def site_url(config, lang_dir: str) -> str:
    """This language's published root: mkdocs.yml's site_url, and lang_dir below it for a second language."""
    return urljoin(config.site_url, lang_dir) if config.site_url else ""


def roots(config) -> list[dict]:
    """The configured entries: each language's root relative to this site's root, and its published root
    (`url`, empty without site_url)."""
    root = config.site_url
    return [{**alt, "url": urljoin(root, alt["link"]) if root else ""} for alt in config.extra["alternate"]]


def twins(url: str, languages: list[dict]) -> dict[str, str]:
    """lang -> the same page in that language, relative to the page at `url` (relative to its site's root)."""
    up = "../" * url.count("/")
    return {alt["lang"]: posixpath.normpath(posixpath.join(up, alt["link"], url)) for alt in languages}


def scope(base_url: str, languages: list[dict]) -> str:
    """Material's storage scope (extra.scope), relative to a page: the default language's root, so that both
    sites share the reader's palette and other settings (each site would otherwise keep its own)."""
    return posixpath.normpath(posixpath.join(base_url or ".", languages[0]["link"]))


def apply(html: str, url: str, languages: list[dict]) -> str:
    """The page at `url` (relative to its site's root) with its switcher and hreflang links pointing at its twins."""
    links, published = twins(url, languages), {alt["lang"]: alt["url"] for alt in languages}
    html = ANCHOR.sub(lambda m: f"{m[1]}{links[m[3]]}{m[2]}" if m[3] in links else m[0], html)

    def head_link(m: re.Match) -> str:
        if m[1] not in published:
            return m[0]
        if not published[m[1]] or "/" in url:  # no site_url, or a page in a subfolder (see above)
            return ""
        return f'<link rel="alternate" href="{published[m[1]]}{url}" hreflang="{m[1]}">\n'

    return HEAD_LINK.sub(head_link, html)


def offline(html: str) -> str:
    """The page without its head's hreflang links, for the copy read from disk (sitebuild/tools/bundle.py)."""
    return HEAD_LINK.sub("", html)
