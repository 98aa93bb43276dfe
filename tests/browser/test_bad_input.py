"""Bad input fails the checks and names the page: a remote asset, a broken link or anchor, no alt text, no lang."""

from sitebuild.checks.links import broken_links, external_links, read_page

BAD = """<!doctype html><html><head><title>Bad</title>
<link rel="stylesheet" href="https://cdn.example.org/theme.css"></head>
<body><h1 id="top">Bad</h1><img src="figures/missing.svg">
<a href="good.html#nowhere">anchor</a> <a href="gone.html">page</a> <a href="#top">ok</a>
<a href="https://example.org/read-more">external</a></body></html>"""


def test_static_checks_name_the_page_and_the_fault(tmp_path):
    (tmp_path / "good.html").write_text('<html lang="sv"><body><p id="here">x</p></body></html>', encoding="utf-8")
    (tmp_path / "bad.html").write_text(BAD, encoding="utf-8")
    page = read_page(tmp_path, "bad.html")
    assert page.lang == ""
    assert [img.get("alt") for img in page.images] == [None]
    assert [link.url for link in page.links if link.is_external and link.loads] == ["https://cdn.example.org/theme.css"]
    problems = broken_links(tmp_path, "bad.html")
    assert problems == [
        "figures/missing.svg: no such file figures/missing.svg",
        "good.html#nowhere: no element with id 'nowhere' in good.html",
        "gone.html: no such file gone.html",
    ]
    assert external_links(tmp_path)["https://example.org/read-more"] == ["bad.html"]


def test_a_remote_request_is_blocked_and_names_the_page(offline, tmp_path):
    (tmp_path / "bad.html").write_text(BAD, encoding="utf-8")
    tab = offline.open(tmp_path / "bad.html")
    tab.wait_for_load_state("networkidle")
    assert offline.remote == [f"{tmp_path / 'bad.html'}: https://cdn.example.org/theme.css"]
    assert any("Failed to load resource" in line for line in offline.console)  # what the refused request logs
    offline.blocked.clear()  # expected here; the fixture fails every other test that has one
    offline.console.clear()
