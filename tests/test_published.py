"""The site as published: absolute hreflang and canonical links only with site_url, the search dialog's name, and
the local server that serves a build the way GitHub Pages does (sitebuild/tools/published.py)."""

import gzip
import urllib.request
from pathlib import Path
from types import SimpleNamespace

import material
import pytest

from sitebuild.render import search, switcher
from sitebuild.tools.published import serve

NAMES = ("Svenska", "English")
HEAD = (
    '<link rel="alternate" href="q10-cnn.html" hreflang="sv">\n'
    '<link rel="alternate" href="en/q10-cnn.html" hreflang="en">\n'
    '<a href="./" hreflang="sv" class="md-select__link">'
)


def config(site_url: str, links: tuple[str, str] = ("./", "en/")) -> SimpleNamespace:
    alternate = [
        {"name": name, "link": link, "lang": lang} for name, link, lang in zip(NAMES, links, ("sv", "en"), strict=True)
    ]
    return SimpleNamespace(site_url=site_url, extra={"alternate": alternate})


def test_without_site_url_the_head_has_no_hreflang_links_and_the_switcher_points_at_the_twin():
    html = switcher.apply(HEAD, "q10-cnn.html", switcher.roots(config("")))
    assert "<link" not in html  # relative hreflang is invalid, and Material would fetch sitemaps beside it
    assert '<a href="q10-cnn.html" hreflang="sv"' in html


def test_with_site_url_hreflang_is_absolute_for_both_languages_from_both_sites():
    root = "https://example.org/dl/"
    sv = switcher.apply(HEAD, "x.html", switcher.roots(config(root)))
    assert f'<link rel="alternate" href="{root}x.html" hreflang="sv">' in sv
    assert f'<link rel="alternate" href="{root}en/x.html" hreflang="en">' in sv
    assert '<a href="x.html" hreflang="sv"' in sv
    en_config = config(switcher.site_url(config(root), "en/"), ("../", "./"))
    assert en_config.site_url == f"{root}en/"
    en = switcher.apply(HEAD, "x.html", switcher.roots(en_config))
    assert f'href="{root}x.html" hreflang="sv">' in en
    assert f'href="{root}en/x.html" hreflang="en">' in en
    nested = switcher.apply(HEAD, "notebooks/x.html", switcher.roots(config(root)))
    assert "<link" not in nested, "Material would fetch notebooks/sitemap.xml beside it: a 404"
    assert '<a href="../notebooks/x.html" hreflang="sv"' in nested


def test_the_offline_copy_drops_the_hreflang_links_only():
    html = switcher.apply(HEAD, "q10-cnn.html", switcher.roots(config("https://example.org/")))
    assert switcher.offline(html) == '<a href="q10-cnn.html" hreflang="sv" class="md-select__link">'


def test_search_dialog_gets_a_name_and_material_still_writes_the_markup_it_looks_for():
    partial = Path(material.__file__).parent / "templates" / "partials" / "search.html"
    assert search.DIALOG in partial.read_text(encoding="utf-8"), "Material's search dialog changed: update search.py"
    assert 'role="dialog" aria-label="Sök">' in search.named(f"<body>{search.DIALOG}</div>", "Sök")


def fetch(url: str, gzip_ok: bool = True):
    request = urllib.request.Request(url, headers={"Accept-Encoding": "gzip"} if gzip_ok else {})
    try:
        with urllib.request.urlopen(request) as response:
            return response.status, response.headers, response.read()
    except urllib.error.HTTPError as error:
        return error.code, error.headers, error.read()


@pytest.fixture
def tiny_site(tmp_path):
    (tmp_path / "en").mkdir()
    (tmp_path / "index.html").write_text("<p>hem</p>" * 50)
    (tmp_path / "en" / "index.html").write_text("<p>home</p>")
    (tmp_path / "404.html").write_text("<p>saknas</p>")
    (tmp_path / "photo.png").write_bytes(b"\x89PNG")
    return tmp_path


def test_the_local_server_compresses_text_answers_404_with_the_sites_page_and_redirects_folders(tiny_site):
    with serve(tiny_site) as url:
        status, headers, body = fetch(url + "index.html")
        assert (status, headers["Content-Encoding"]) == (200, "gzip") and gzip.decompress(body) == b"<p>hem</p>" * 50
        status, headers, body = fetch(url + "index.html", gzip_ok=False)
        assert status == 200 and headers["Content-Encoding"] is None and body == b"<p>hem</p>" * 50
        assert fetch(url + "photo.png")[1]["Content-Encoding"] is None  # images are sent as they are
        status, _, body = fetch(url + "nope.html")
        assert (status, body) == (404, b"<p>saknas</p>")
        status, _, body = fetch(url + "en")  # urllib follows the redirect to en/
        assert (status, gzip.decompress(body)) == (200, b"<p>home</p>")


def lighthouse_result(performance: int, seo: int = 100, errors: tuple = ()) -> dict:
    scores = {"performance": performance, "accessibility": 100, "best-practices": 100, "seo": seo}
    metrics = dict.fromkeys(
        ["first-contentful-paint", "largest-contentful-paint", "total-blocking-time", "cumulative-layout-shift"], 0.0
    )
    return {"scores": scores, "metrics": metrics, "failed": [], "errors": list(errors), "runtimeError": None}


def test_lighthouse_fails_below_95_or_on_a_console_error_and_gates_only_the_print_pages_other_categories(capsys):
    from sitebuild.tools import lighthouse

    assert lighthouse.report({"q10-cnn.html": lighthouse_result(95), "en/print_page.html": lighthouse_result(40)}) == 0
    assert "40 (not gated)" in capsys.readouterr().out
    assert lighthouse.report({"q10-cnn.html": lighthouse_result(94)}) == 1
    assert lighthouse.report({"print_page.html": lighthouse_result(40, seo=90)}) == 1
    assert lighthouse.report({"index.html": lighthouse_result(99, errors=("x.js: 404",))}) == 1
    assert "index.html: console: x.js: 404" in capsys.readouterr().err
    runs = [lighthouse_result(p) for p in (90, 97, 93)]
    assert lighthouse.median_run(runs)["scores"]["performance"] == 93
