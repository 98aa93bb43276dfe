"""The built site read from its HTML, no browser needed: links, anchors, remote assets, alt text, language, and
no unrendered template. A failure names the page file to edit and its line where it can be found.

External links are not fetched (there is no network); `nox -s links` lists them.
"""

import re
from html.parser import HTMLParser
from pathlib import Path

import pytest

from sitebuild import LANGS, lang_dir
from sitebuild.checks import html as html_check
from sitebuild.checks.html import Error
from sitebuild.checks.links import broken_links, expected_lang, read_page, resolve, source, twin
from sitebuild.render import printsite


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


class _Markup(HTMLParser):
    """What the Nu HTML checker objects to that a test can see cheaply: <style> in the body (outside SVG), the
    attributes of each element, the labels' for= and the form controls' ids."""

    CONTROLS = {"input", "textarea", "select", "button", "meter", "output", "progress"}

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.in_body = self.svg = 0
        self.body_styles, self.attrs, self.label_for, self.controls = [], [], [], set()

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        self.attrs.append((tag, attrs))
        self.in_body += tag == "body"
        self.svg += tag == "svg"
        if tag == "style" and self.in_body and not self.svg:
            self.body_styles.append(self.getpos()[0])
        if tag == "label" and "for" in attrs:
            self.label_for.append((self.getpos()[0], attrs["for"]))
        if tag in self.CONTROLS and attrs.get("id") and attrs.get("type") != "hidden":
            self.controls.add(attrs["id"])

    def handle_endtag(self, tag):
        self.svg -= tag == "svg" and self.svg > 0


def _markup(site, page) -> _Markup:
    parser = _Markup()
    parser.feed((site / page).read_text(encoding="utf-8"))
    return parser


def test_labels_name_a_control_of_their_page(site, page):
    """Each <label for> names a form control of the page (print-site prefixes every label's for= but renames only
    inputs' ids; sitebuild/render/printsite.py mends that, and Material's TOC title on the print page)."""
    markup = _markup(site, page)
    stray = [f"{page}:{line}: for={target!r}" for line, target in markup.label_for if target not in markup.controls]
    assert not stray, "labels for no control of the page:\n  " + "\n  ".join(stray)


@pytest.mark.parametrize("lang", LANGS)
def test_print_page_has_no_style_in_its_body_nor_print_sites_own_attributes(site, lang):
    page = f"{lang_dir(lang)}{printsite.PAGE}"
    markup = _markup(site, page)
    assert not markup.body_styles, f"{page}: <style> in the body at lines {markup.body_styles}"
    own = sorted({name for _, attrs in markup.attrs for name in attrs if name == "heading-number"})
    assert not own, f"{page}: attributes HTML does not know: {own}"
    numbered = [a for tag, a in markup.attrs if tag == "section" and "data-heading-number" in a]
    assert numbered, f"{page}: print-site's section numbers are gone (expected data-heading-number)"


def test_print_page_tidying_keeps_what_it_does_not_mend():
    """printsite.valid: the numbering style goes to the end of <head> (an SVG's and a script's stay), the attribute
    is renamed, a prefixed label points at its control again, and a __toc label loses its for= only without one."""
    html = (
        '<html><head><link rel="stylesheet" href="a.css"></head><body><label class="t" for="__toc">T</label>'
        '<article><section class="print-page" id="q01" heading-number="2.1"><label for="q01-answer">A</label>'
        '<textarea id="answer"></textarea><label for="q01-box">B</label><input id="q01-box">'
        '<label for="elsewhere">C</label><svg><style>.s{}</style></svg><script>x="<style>";</script>'
        "</section><style>.n{}</style></article></body></html>"
    )
    out = printsite.valid(html)
    assert out.startswith('<html><head><link rel="stylesheet" href="a.css"><style>.n{}</style></head>')
    assert "</section></article>" in out and "<svg><style>.s{}</style></svg>" in out and 'x="<style>"' in out
    assert 'data-heading-number="2.1"' in out and " heading-number" not in out
    assert '<label for="answer">A</label>' in out and '<label for="q01-box">B</label>' in out
    assert '<label for="elsewhere">C</label>' in out, "a label for nothing is left for the checker to report"
    assert '<label class="t">T</label>' in out
    assert 'for="__toc"' in printsite.valid(html.replace("<article>", '<input id="__toc"><article>'))


def test_html_checker_reports_only_what_the_bare_page_has_not():
    """sitebuild/checks/html.py without Java: vnu's JSON read into errors, and the bare page's messages allowed on
    each page as often as the bare page has them, no more."""
    a, b, c = "Attribute “autocomplete” ...", "Attribute “autocorrect” ...", "Element “style” not allowed ..."
    messages = [
        {"type": "error", "url": "file:/s/q%C3%B6.html", "firstLine": 9, "lastLine": 10, "message": c},
        {"type": "info", "subType": "warning", "url": "file:/s/q.html", "lastLine": 3, "message": "a warning"},
        {"type": "non-document-error", "url": "file:/s/gone.html", "message": "IO error"},
        {"type": "error", "url": "file:/s/en/q.html", "lastLine": 4, "message": a},
    ]
    found = html_check.relative(html_check.errors(messages), Path("/s"))
    assert found == [Error("qö.html", 9, c), Error("gone.html", 0, "IO error"), Error("en/q.html", 4, a)]
    assert str(found[0]) == f"qö.html:9: {c}"
    bare = [Error("index.html", 63, a), Error("index.html", 64, a), Error("index.html", 153, b)]
    pages = [Error("q.html", line, a) for line in (5, 1, 7)] + [Error("q.html", 2, b), Error("q.html", 3, c)]
    pages += [Error("en/q.html", 1, a), Error("en/q.html", 2, a), Error("en/q.html", 3, b)]
    assert html_check.beyond_bare(pages, bare) == [Error("q.html", 3, c), Error("q.html", 7, a)]
    assert html_check.beyond_bare(pages[:1], []) == pages[:1], "without a bare page nothing is allowed"
    summary = html_check.summary([Error("q.html", 3, c)], bare, 40)
    assert summary == f"1 errors beyond bare Material on 40 pages (bare page: 3 errors of its own: 2× {a}; 1× {b})"
