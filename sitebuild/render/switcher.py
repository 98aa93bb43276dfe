"""The language switcher links each page to its twin, computed at build time.

Each language is its own site (Swedish at the root, English under en/); mkdocs.yml and mkdocs.en.yml list the
languages under `extra.alternate` with the link to each language's root, relative to this site's root. Material
reads `config.extra.alternate` when it renders a page, so the hooks keep those roots (roots()) and set the list
to this page's twins just before each page is rendered (alternates()).
"""

import posixpath


def roots(config) -> list[dict]:
    """The configured entries, before any page has changed them."""
    return [dict(alt) for alt in config.extra["alternate"]]


def alternates(url: str, languages: list[dict]) -> list[dict]:
    """The switcher's entries for the page at `url` (relative to its site's root): the same page in each language."""
    return [{**alt, "link": posixpath.normpath(posixpath.join(alt["link"], url))} for alt in languages]
