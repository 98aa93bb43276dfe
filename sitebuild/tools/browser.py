"""Headless Chromium through Playwright, for the PDFs, the page-weight report and the browser tests.

Playwright cannot download its own browser here, so it drives Debian's: the old headless shell
(`apt-get install chromium-headless-shell`), which is the build Playwright itself runs headless and costs about
40 % less CPU per page than full Chromium in headless mode (same Blink engine, no browser UI), or, where the shell
is missing, `chromium`. Lighthouse wants the full browser (BROWSER_CHROMIUM).
"""

import os
import shutil
from pathlib import Path

BROWSER_CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")
SHELL = "/usr/bin/chromium-headless-shell"
CHROMIUM = os.environ.get("CHROMIUM") or (SHELL if Path(SHELL).is_file() else BROWSER_CHROMIUM)
# Without the background-networking flags Chromium keeps calling home, which a closed network refuses.
ARGS = [
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-default-apps",
    "--disable-sync",
    "--disable-quic",
    "--no-first-run",
    "--disable-gpu",
]  # and nothing that loosens file:// security: the tests must see what a reader's browser sees


def launch(playwright):
    """A headless Chromium; raises with the install command when it is missing."""
    if not Path(CHROMIUM).is_file() and not shutil.which(CHROMIUM):
        raise RuntimeError(
            f"{CHROMIUM} not found: apt-get install chromium-headless-shell (or chromium, or set CHROMIUM)"
        )
    return playwright.chromium.launch(executable_path=CHROMIUM, args=ARGS, headless=True)


def is_local(url: str) -> bool:
    """A request that stays on this machine: the site's own files, inline data, or in-page objects."""
    return url.startswith(("file://", "data:", "blob:", "about:"))


def block_remote(context, label: str = "", served: str = "") -> list[str]:
    """Refuse every request of a browser context that would leave the machine (other than to `served`, a local
    server's root URL); returns the list that records them."""
    blocked: list[str] = []

    def route(route):
        if is_local(route.request.url) or (served and route.request.url.startswith(served)):
            route.continue_()
        else:
            blocked.append(label + route.request.url)
            route.abort()

    context.route("**/*", route)
    return blocked


def settle(tab) -> None:
    """Wait until the page's CSS transitions and animations have finished (Material's colour, tooltip, drawer).
    Two frames first: a transition that a scroll or a click has just caused (Material's back-to-top button, shown
    on the frame after a scroll) is not running yet, and axe read it half faded in (#797979 on white)."""
    tab.evaluate("new Promise(done => requestAnimationFrame(() => requestAnimationFrame(done)))")
    tab.wait_for_function("document.getAnimations().every(a => a.playState !== 'running')")
