"""Items 1, 5 and 6 of issue 7, read from the built HTML (no browser): links, anchors, assets, alt text, twins.

External links are not fetched (there is no network); `nox -s links` lists them.
"""

from sitebuild import LANGS
from sitebuild.links import broken_links, expected_lang, read_page, resolve, twin


def test_internal_links_and_anchors_resolve(site, page):
    problems = broken_links(site, page)
    assert not problems, f"{page}: broken links:\n  " + "\n  ".join(problems)


def test_no_remote_assets(site, page):
    """Nothing a page loads (script, stylesheet, image, frame, font) comes from another host."""
    links = read_page(site, page).links
    remote = [f"<{link.tag} {link.attr}={link.url}>" for link in links if link.is_external and link.loads]
    assert not remote, f"{page} loads from other hosts: {remote}"


def test_images_have_alt_text(site, page):
    missing = [img.get("src", "?") for img in read_page(site, page).images if not img.get("alt", "").strip()]
    assert not missing, f"{page}: images without alt text: {missing}"


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
