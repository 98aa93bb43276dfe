"""The site over HTTP on 127.0.0.1, served as GitHub Pages serves it (sitebuild/tools/published.py): every page of
both languages loads with no console error, no 4xx or 5xx response and no request to another host. From disk the
`offline` fixture checks the same on every page the other tests open. (`nox -s lighthouse` checks a build with
site_url set, whose hreflang links make Material fetch each language's sitemap.)"""

import pytest
from conftest import watch_console

from sitebuild import LANGS
from sitebuild.checks.links import QUESTION, expected_lang, page_paths
from sitebuild.tools.browser import block_remote
from sitebuild.tools.published import serve


@pytest.fixture(scope="module")
def served(site):
    with serve(site) as url:
        yield url


BELOW_FORM = "document.querySelector('.open-answer').nextElementSibling.getBoundingClientRect().top + scrollY"
SIDEWAYS = """() => {
    const limit = document.documentElement.clientWidth;
    return document.documentElement.scrollWidth <= limit ? null : {width: document.documentElement.scrollWidth, limit,
        culprits: [...document.querySelectorAll(".md-content *")]
            .filter(e => e.getBoundingClientRect().right > limit + 1
                         && !e.closest("pre, .md-typeset__scrollwrap, .highlight, .jupyter-wrapper"))
            .slice(0, 5).map(e => e.tagName.toLowerCase() + (e.className ? "." + e.className : ""))};
}"""
TABS = 4  # pages loading at once: their waits for the network to go quiet overlap
SEARCH_WORKER = "**/workers/search.*"


def search_worker_once(context) -> None:
    """Serve Material's search worker the first time a context asks for each URL of it, and an empty script after.

    Every page of a language starts the same worker file on the same index (search/search_index.json): the first
    page checks that both load, and the worker's 0.7 CPU-seconds of building the index on every other page would
    check nothing new. A page that asked for another URL of the worker would be served it, and checked."""
    served: set[str] = set()

    def route(route):
        if route.request.url in served:
            route.fulfill(body="", content_type="text/javascript")
        else:
            served.add(route.request.url)
            route.fallback()  # to block_remote's route: the file itself

    context.route(SEARCH_WORKER, route)


def visit(context, urls: list[str], wait_until: str, look, problems: list[str] | None = None) -> dict:
    """Load each URL in one of TABS tabs of `context`; {url: (HTTP status, look(tab))} once each has loaded."""
    tabs = [context.new_page() for _ in range(TABS)]
    for tab in tabs if problems is not None else ():
        watch_console(tab, problems)
        tab.on("pageerror", lambda error, tab=tab: problems.append(f"{tab.url}: {error}"))
    seen = {}
    for start in range(0, len(urls), TABS):
        batch = list(zip(tabs, urls[start : start + TABS], strict=False))
        responses = [tab.goto(url, wait_until="commit") for tab, url in batch]
        for (tab, url), response in zip(batch, responses, strict=True):
            tab.wait_for_load_state(wait_until)
            seen[url] = (response.status, look(tab))
    return seen


@pytest.mark.slow
@pytest.mark.parametrize("lang", LANGS)
def test_every_page_over_http_loads_cleanly_on_a_phone_and_no_answer_form_shifts(browser, site, served, lang):
    """Every page of a language, on a phone: status 200, no console error, no failed load, no remote request, and
    no sideways scrolling (wide code and tables scroll inside their own box).

    On the question pages, where the short answer starts is the same with study.js and without it (its request
    refused), because the form is in the page already. Lighthouse measured a layout shift of 0.074 on q10 when
    study.js replaced the static key points by a form that it built itself."""
    from test_ui import PHONE

    def look(tab):
        return tab.evaluate(SIDEWAYS), round(tab.evaluate(BELOW_FORM)) if QUESTION.search(tab.url) else None

    context = browser.new_context(**PHONE)
    remote, problems = block_remote(context, served=served), []
    search_worker_once(context)
    pages = [served + p for p in page_paths(site) if expected_lang(p) == lang]
    seen = visit(context, pages, "networkidle", look, problems)  # with Material's late requests: search's index
    context.close()
    assert not remote, "requests to other hosts:\n" + "\n".join(remote)
    assert not problems, f"{len(pages)} pages; console errors and failed loads:\n" + "\n".join(problems)
    assert not (bad := {url: status for url, (status, _) in seen.items() if status != 200}), f"HTTP status: {bad}"
    assert not (wide := {url: w for url, (_, (w, _)) in seen.items() if w}), f"sideways scrolling on a phone: {wide}"

    context = browser.new_context(**PHONE)
    for path in ("**/assets/study.js", "**/search/*", SEARCH_WORKER):  # search: checked in the first pass
        context.route(path, lambda route: route.abort())
    tops = {url: top for url, (_, (_, top)) in seen.items() if top is not None}
    refused = visit(context, list(tops), "load", lambda tab: round(tab.evaluate(BELOW_FORM)))
    context.close()
    moved = {url: (top, refused[url][1]) for url, top in tops.items() if refused[url][1] != top}
    assert len(tops) == 13, f"{lang}: {len(tops)} question pages over HTTP"
    assert not moved, f"the short answer moves when study.js runs (px from the top, with and without): {moved}"
