"""The built site (tests/conftest.py builds it), opened from disk in headless Chromium with every request to
another host blocked."""

from pathlib import Path

import pytest
from playwright.sync_api import sync_playwright

from sitebuild.tools.browser import block_remote, is_local, launch


@pytest.fixture(scope="session")
def browser():
    with sync_playwright() as playwright:
        browser = launch(playwright)
        yield browser
        browser.close()


class Offline:
    """Opens pages of a site from disk; records, and refuses, every request that would leave the machine."""

    def __init__(self, browser, site: Path):
        self.browser, self.site = browser, site
        self.blocked: list[list[str]] = []
        self.errors: list[str] = []
        self.console: list[str] = []  # console errors and files that failed to load: none on any page
        self.contexts = []

    def url(self, path: str | Path) -> str:
        """file:// URL of a page: a path inside the site, or an absolute path anywhere (an unzipped copy)."""
        return (self.site / path).resolve().as_uri()

    def open(self, path: str | Path, **context_options):
        """A fresh browser context (own storage, own viewport) showing `path`, loaded."""
        context = self.browser.new_context(**context_options)
        self.contexts.append(context)
        self.blocked.append(block_remote(context, label=f"{path}: "))
        page = context.new_page()
        page.on("pageerror", lambda error: self.errors.append(f"{page.url}: {error}"))
        watch_console(page, self.console)
        page.goto(self.url(path))
        return page

    @staticmethod
    def follow(tab, locator) -> None:
        """Click a link and return once the page it opens has loaded (not the page it left: a race under load)."""
        with tab.expect_navigation():
            locator.click()

    @property
    def remote(self) -> list[str]:
        return [request for blocked in self.blocked for request in blocked]

    def close(self):
        for context in self.contexts:
            context.close()


def watch_console(page, problems: list[str]) -> None:
    """Record the page's console errors, its 4xx and 5xx responses, and its own files that failed to load."""
    page.on("console", lambda msg: msg.type == "error" and problems.append(f"{page.url}: console: {msg.text}"))
    page.on("response", lambda r: r.status >= 400 and problems.append(f"{r.url}: HTTP {r.status}"))
    page.on(
        "requestfailed",
        lambda r: is_local(r.url) and problems.append(f"{r.url}: {r.failure}"),  # remote ones: `blocked`
    )


@pytest.fixture
def offline(browser, site):
    """Fails the test when any page it opened asked for another host, raised a JavaScript error, logged a console
    error or failed to load one of its files."""
    opener = Offline(browser, site)
    yield opener
    opener.close()
    assert not opener.remote, "requests to other hosts (blocked):\n" + "\n".join(opener.remote)
    assert not opener.errors, "JavaScript errors:\n" + "\n".join(opener.errors)
    assert not opener.console, "console errors and failed loads:\n" + "\n".join(opener.console)
