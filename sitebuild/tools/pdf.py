"""A PDF per language, printed by headless Chromium from the language's print page (mkdocs-print-site).

python -m sitebuild.tools.pdf [SITE_DIR]    # writes SITE_DIR/djupinlarning.pdf and SITE_DIR/deep-learning.pdf
"""

import re
import sys
from pathlib import Path

from playwright.sync_api import sync_playwright

from sitebuild import ROOT
from sitebuild.tools.browser import block_remote, launch

# language: (print page, PDF), both relative to the site root; sitebuild/render/printsite.py names the print pages.
OUTPUTS = {"sv": ("print_page.html", "djupinlarning.pdf"), "en": ("en/print_page.html", "deep-learning.pdf")}
LOADED = "[...document.images].every(img => img.complete && img.naturalWidth > 0)"


def page_count(pdf: bytes) -> int:
    return len(re.findall(rb"/Type\s*/Page\b(?!s)", pdf))


def print_pdf(tab, path: Path) -> int:
    """Print the print page open in `tab` to `path` as a reader's browser prints it; returns its page count."""
    tab.emulate_media(media="print")
    pdf = tab.pdf(print_background=True, prefer_css_page_size=True)  # A4, margins, page numbers: CSS @page
    path.write_bytes(pdf)
    return page_count(pdf)


def write_pdfs(site: Path, out: Path | None = None, browser=None) -> dict[str, tuple[Path, int]]:
    """Print each language's print page to PDF, into `out` (default: the site, for readers to download).
    Fails if the page asks for another host or an image does not load."""
    if browser is None:
        with sync_playwright() as playwright:
            browser = launch(playwright)
            try:
                return write_pdfs(site, out, browser)
            finally:
                browser.close()
    out, written = out or site, {}
    for lang, (page_name, pdf_name) in OUTPUTS.items():
        context = browser.new_context()
        remote = block_remote(context)
        tab = context.new_page()
        tab.goto((site / page_name).resolve().as_uri(), wait_until="networkidle")
        tab.wait_for_function(LOADED, timeout=30_000)
        if remote:
            raise RuntimeError(f"{page_name} asked for other hosts: {remote}")
        written[lang] = (out / pdf_name, print_pdf(tab, out / pdf_name))
        context.close()
    return written


if __name__ == "__main__":
    site = Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT / "site"
    if not (site / "index.html").is_file():
        sys.exit(f"no built site in {site}: run `nox -s build` first")
    for lang, (path, pages) in write_pdfs(site).items():
        print(f"{lang}: {path} ({pages} pages, {path.stat().st_size / 1e6:.1f} MB)")
