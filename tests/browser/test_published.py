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


@pytest.mark.slow
@pytest.mark.parametrize("lang", LANGS)
def test_every_page_over_http_loads_cleanly_and_no_answer_form_shifts(browser, site, served, lang):
    """Every page of a language, on a phone: status 200, no console error, no failed load, no remote request.

    On the question pages, where the short answer starts is the same with study.js and without it (its request
    refused), because the form is in the page already. Lighthouse measured a layout shift of 0.074 on q10 when
    study.js replaced the static key points by a form that it built itself."""
    from test_ui import PHONE

    context = browser.new_context(**PHONE)
    remote = block_remote(context, served=served)
    problems: list[str] = []
    tab = context.new_page()
    watch_console(tab, problems)
    tab.on("pageerror", lambda error: problems.append(f"{tab.url}: {error}"))
    pages, tops = [p for p in page_paths(site) if expected_lang(p) == lang], {}
    for page in pages:
        response = tab.goto(served + page, wait_until="networkidle")  # with Material's late requests, search's index
        assert response.status == 200, f"{page}: HTTP {response.status}"
        if QUESTION.search(page):
            tops[page] = {"runs": round(tab.evaluate(BELOW_FORM))}
    context.close()
    assert not remote, "requests to other hosts:\n" + "\n".join(remote)
    assert not problems, f"{len(pages)} pages; console errors and failed loads:\n" + "\n".join(problems)

    context = browser.new_context(**PHONE)
    context.route("**/assets/study.js", lambda route: route.abort())
    tab = context.new_page()
    for page, top in tops.items():
        tab.goto(served + page, wait_until="load")
        top["refused"] = round(tab.evaluate(BELOW_FORM))
    context.close()
    moved = {page: top for page, top in tops.items() if top["runs"] != top["refused"]}
    assert len(tops) == 13, f"{lang}: {len(tops)} question pages over HTTP"
    assert not moved, f"the short answer moves when study.js runs (px from the top): {moved}"
