"""The language switcher links each page to its twin, computed at build time.

Each language is its own site (Swedish at the root, English under en/); mkdocs.yml and mkdocs.en.yml list the
languages under `extra.alternate` with the link to each language's root, relative to this site's root. Material
renders those roots through MkDocs' `url` filter, which cannot climb above a nested page's folder
(notebooks/x.html would link ../x.html), so the hooks rewrite each written page's switcher and its
`<link rel="alternate" hreflang>` to the twin, relative to the page (apply()).
"""

import posixpath
import re

LINK = re.compile(r'href="[^"]*"(\s+hreflang="([\w-]+)")')


def roots(config) -> list[dict]:
    """The configured entries: each language's root relative to this site's root."""
    return [dict(alt) for alt in config.extra["alternate"]]


def twins(url: str, languages: list[dict]) -> dict[str, str]:
    """lang -> the same page in that language, relative to the page at `url` (relative to its site's root)."""
    up = "../" * url.count("/")
    return {alt["lang"]: posixpath.normpath(posixpath.join(up, alt["link"], url)) for alt in languages}


def scope(base_url: str, languages: list[dict]) -> str:
    """Material's storage scope (extra.scope), relative to a page: the default language's root, so that both
    sites share the reader's palette and other settings (each site would otherwise keep its own)."""
    return posixpath.normpath(posixpath.join(base_url or ".", languages[0]["link"]))


def apply(html: str, url: str, languages: list[dict]) -> str:
    links = twins(url, languages)
    return LINK.sub(lambda m: f'href="{links[m[2]]}"{m[1]}' if m[2] in links else m[0], html)
