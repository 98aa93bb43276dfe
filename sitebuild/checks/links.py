"""What a built site's pages are and what they link to, read from its HTML (nothing is fetched).

python -m sitebuild.checks.links [SITE_DIR]    # lists every external link and the pages that carry it
"""

import re
import sys
from collections import defaultdict
from dataclasses import dataclass, field
from functools import cache
from html.parser import HTMLParser
from pathlib import Path, PurePosixPath
from urllib.parse import unquote, urlsplit

from sitebuild import LANGS, ROOT, lang_dir, page_file

QUESTION = re.compile(r"(^|/)q\d\d-[^/]*\.html$")  # a question page, in any language
NOT_PAGES = {"404.html"}  # served by a web server for missing pages; i18n writes only one, in the last language
# (tag, attribute) pairs that load or link to something.
URL_ATTRS = {("a", "href"), ("link", "href"), ("script", "src"), ("img", "src"), ("iframe", "src"), ("source", "src")}
URL_ATTRS |= {("video", "src"), ("audio", "src"), ("embed", "src"), ("object", "data"), ("use", "href")}


@dataclass
class Link:
    tag: str
    attr: str
    url: str
    rel: str = ""
    hreflang: str = ""

    @property
    def is_external(self) -> bool:
        return urlsplit(self.url).scheme not in ("", "file")

    @property
    def loads(self) -> bool:
        """Fetched when the page opens (a script, a stylesheet, an image), not merely followed."""
        return self.tag != "a" and not (self.tag == "link" and self.rel not in ("stylesheet", "icon", "preload"))


@dataclass
class Page:
    path: str  # relative to the site root, posix
    lang: str = ""
    ids: set[str] = field(default_factory=set)
    links: list[Link] = field(default_factory=list)
    images: list[dict[str, str]] = field(default_factory=list)


class _Parser(HTMLParser):
    def __init__(self, page: Page):
        super().__init__(convert_charrefs=True)
        self.page = page

    def handle_starttag(self, tag, attrs):
        attrs = {k: v or "" for k, v in attrs}
        if tag == "html":
            self.page.lang = attrs.get("lang", "")
        for key in ("id", "name"):
            if attrs.get(key):
                self.page.ids.add(attrs[key])
        if tag == "img":
            self.page.images.append(attrs)
        for attr in ("href", "src", "data", "xlink:href"):
            if (tag, attr.removeprefix("xlink:")) in URL_ATTRS and attrs.get(attr):
                link = Link(tag, attr, attrs[attr].strip(), attrs.get("rel", ""), attrs.get("hreflang", ""))
                self.page.links.append(link)
        if tag in ("img", "source") and attrs.get("srcset"):
            for item in attrs["srcset"].split(","):
                self.page.links.append(Link(tag, "srcset", item.split()[0]))


def page_paths(site: Path) -> list[str]:
    """Every HTML page of the built site, relative to its root: both languages, notebooks and print pages."""
    return sorted(p.relative_to(site).as_posix() for p in site.rglob("*.html") if p.name not in NOT_PAGES)


def expected_lang(path: str) -> str:
    """The language a page must declare: from its folder (en/...)."""
    for lang in LANGS[1:]:
        if path.startswith(f"{lang}/"):
            return lang
    return LANGS[0]


def twin(path: str, lang: str) -> str:
    """The same page in `lang`: x.html <-> en/x.html."""
    return lang_dir(lang) + path.removeprefix(lang_dir(expected_lang(path)))


def source(path: str, needle: str = "") -> str:
    """The page file a built page comes from, with the line that holds `needle` when one does: a failure about the
    built HTML then names what to edit (docs/en/q05-keras-model.md:12), not the HTML."""
    name = PurePosixPath(twin(path, LANGS[0])).with_suffix("").as_posix()
    md = page_file(name, expected_lang(path))
    if not md.is_file():
        return f"{path} (generated; no page file)"
    rel = md.relative_to(ROOT).as_posix()
    for n, line in enumerate(md.read_text(encoding="utf-8").splitlines(), 1):
        if needle and needle in line:
            return f"{rel}:{n}"
    return rel


@cache
def _read(site: Path, path: str) -> Page:
    page = Page(path)
    _Parser(page).feed((site / path).read_text(encoding="utf-8"))
    return page


def read_page(site: Path, path: str) -> Page:
    return _read(site.resolve(), path)


def resolve(page_path: str, url: str) -> tuple[str, str]:
    """A relative URL on a page as (path from the site root, fragment); path is '' for a same-page anchor."""
    parts = urlsplit(url)
    if not parts.path:
        return "", unquote(parts.fragment)
    target = PurePosixPath(page_path).parent / unquote(parts.path)
    resolved: list[str] = []
    for part in target.parts:
        if part == "..":
            if not resolved:
                return "../" + "/".join(target.parts), ""  # leaves the site
            resolved.pop()
        elif part != ".":
            resolved.append(part)
    return "/".join(resolved), unquote(parts.fragment)


def broken_links(site: Path, path: str) -> list[str]:
    """'url: why' for each local link or asset on a page that has no file or anchor to land on."""
    page, problems = read_page(site, path), []
    for link in page.links:
        if link.is_external or link.url.startswith(("data:", "mailto:", "javascript:")):
            continue
        target, anchor = resolve(path, link.url)
        if target.startswith("../"):
            problems.append(f"{link.url}: points outside the site")
            continue
        file = site / target if target else site / path
        if file.is_dir():
            problems.append(f"{link.url}: a folder; file:// shows no index.html for it")
        elif not file.is_file():
            problems.append(f"{link.url}: no such file {target}")
        elif anchor and file.suffix == ".html" and anchor not in read_page(site, target or path).ids:
            problems.append(f"{link.url}: no element with id '{anchor}' in {target or path}")
    return problems


def external_links(site: Path) -> dict[str, list[str]]:
    """Each external URL the pages link to or load, with the pages that carry it."""
    found: dict[str, list[str]] = defaultdict(list)
    for path in page_paths(site):
        for link in read_page(site, path).links:
            if link.is_external and path not in found[link.url]:
                found[link.url].append(path)
    return dict(sorted(found.items()))


def main(site: Path) -> int:
    if not (site / "index.html").is_file():
        print(f"no built site in {site}: run `nox -s build` first", file=sys.stderr)
        return 2
    links = external_links(site)
    for url, pages in links.items():
        shown = ", ".join(pages[:4]) + (f" and {len(pages) - 4} more" if len(pages) > 4 else "")
        print(f"{url}\n    on {shown}")
    print(f"{len(links)} external links on {len(page_paths(site))} pages (listed, not fetched)")
    return 0


if __name__ == "__main__":
    sys.exit(main(Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT / "site"))
