"""The built site read from its HTML, no browser needed: links, anchors, remote assets, alt text, language, and
no unrendered template. A failure names the page file to edit and its line where it can be found.

External links are not fetched (there is no network); `nox -s links` lists them.
"""

import re
from html.parser import HTMLParser

from sitebuild import LANGS
from sitebuild.checks.links import broken_links, expected_lang, read_page, resolve, source, twin


def test_internal_links_and_anchors_resolve(site, page):
    problems = [f"{source(page, p.split(':')[0].split('#')[-1])}: {p}" for p in broken_links(site, page)]
    assert not problems, f"{page}: broken links:\n  " + "\n  ".join(problems)


def test_no_remote_assets(site, page):
    """Nothing a page loads (script, stylesheet, image, frame, font) comes from another host."""
    links = read_page(site, page).links
    remote = [
        f"{source(page, link.url)}: <{link.tag} {link.attr}={link.url}>"
        for link in links
        if link.is_external and link.loads
    ]
    assert not remote, f"{page} loads from other hosts:\n  " + "\n  ".join(remote)


def test_images_have_alt_text(site, page):
    images = read_page(site, page).images
    missing = [
        f"{source(page, img.get('src', '?').rsplit('/', 1)[-1])}: {img.get('src', '?')}"
        for img in images
        if not img.get("alt", "").strip()
    ]
    assert not missing, f"{page}: images without alt text:\n  " + "\n  ".join(missing)


def test_html_lang_and_language_switcher(site, page):
    """Declares its language; its twin exists in every language, and the switcher links to exactly that twin."""
    parsed = read_page(site, page)
    assert parsed.lang == expected_lang(page), f"{page}: <html lang={parsed.lang!r}>, expected {expected_lang(page)!r}"
    switcher = {link.hreflang: link.url for link in parsed.links if link.tag == "a" and link.hreflang}
    for lang in LANGS:
        target = twin(page, lang)
        assert (site / target).is_file(), f"{page}: no {lang} twin {target} in the build"
        assert lang in switcher, f"{page}: the language switcher has no {lang} link"
        landed, _ = resolve(page, switcher[lang])
        assert landed == target, f"{page}: the switcher's {lang} link goes to {landed}, not the twin {target}"


class _Prose(HTMLParser):
    """The text a reader sees outside code, scripts, styles and the hidden copy-button text of notebook cells."""

    SKIP = {"code", "pre", "script", "style", "kbd", "samp", "textarea"}
    VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.stack, self.text = [], []

    def handle_starttag(self, tag, attrs):
        if tag not in self.VOID:
            hidden = tag in self.SKIP or "clipboard-copy-txt" in (dict(attrs).get("class") or "")
            self.stack.append((tag, hidden or any(h for _, h in self.stack[-1:])))

    def handle_endtag(self, tag):
        while self.stack and self.stack.pop()[0] != tag:
            pass  # an element left open (HTML allows it) ends with its parent

    def handle_data(self, data):
        if not (self.stack and self.stack[-1][1]):
            self.text.append(data)


def test_no_unrendered_template_outside_code(site, page):
    """A generated sentence whose placeholder was not filled in ({items}) shows as such to the reader."""
    parser = _Prose()
    parser.feed((site / page).read_text(encoding="utf-8"))
    left = sorted(set(re.findall(r"\{[a-z_]+\}", " ".join(parser.text))))
    assert not left, f"{source(page)}: the built page {page} shows unrendered templates {left} outside code"
