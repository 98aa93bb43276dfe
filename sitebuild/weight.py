"""Page weight: the bytes a first visit to each page loads (HTML, CSS, JS, images), measured in headless Chromium
from disk, against a bare Material page built in the same run with the same theme and search settings.

    python -m sitebuild.weight [SITE_DIR]    # prints a table; exits 1 when a question page is over budget

Budget: a question page loads at most BUDGET times the bare page, not counting the search index. The index is
shared by every page of both languages, loaded once by the search worker and then cached; it is reported on its
own line, and with it included, in the last column.
"""

import os
import re
import subprocess
import sys
import tempfile
from collections import Counter
from pathlib import Path
from urllib.parse import unquote, urlsplit

import yaml
from mkdocs.utils.yaml import yaml_load
from playwright.sync_api import sync_playwright

from . import ROOT
from .browser import block_remote, launch
from .links import page_paths

BUDGET = 1.3
QUESTION = re.compile(r"(^|/)q\d\d-[^/]*\.html$")
INDEX = "search/search_index"
KINDS = {".html": "html", ".css": "css", ".js": "js", ".mjs": "js"}
IMAGES = {".svg", ".png", ".jpg", ".jpeg", ".gif", ".webp", ".ico"}


def kind(path: str) -> str:
    if INDEX in path:
        return "index"
    suffix = Path(path).suffix.lower()
    return "img" if suffix in IMAGES else KINDS.get(suffix, "other")


def first_visit(browser, site: Path, page: str) -> Counter:
    """Bytes per kind of every file a fresh browser loads to show `page` (each file counted once)."""
    context = browser.new_context()
    blocked = block_remote(context)
    files: set[Path] = set()
    context.on("request", lambda request: files.add(Path(unquote(urlsplit(request.url).path))))
    context.new_page().goto((site / page).resolve().as_uri(), wait_until="networkidle")
    context.close()
    if blocked:
        raise RuntimeError(f"{page} asked for other hosts: {blocked}")
    sizes: Counter = Counter()
    for file in files:
        if file.is_file():
            sizes[kind(file.as_posix())] += file.stat().st_size
    return sizes


def build_bare(dest: Path) -> Path:
    """A one-page Material site with this site's theme, search and offline settings."""
    config = yaml_load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"))
    search = next(p["search"] for p in config["plugins"] if isinstance(p, dict) and "search" in p)
    docs = dest / "docs"
    (docs / "assets" / "vendor").mkdir(parents=True)
    (docs / "index.md").write_text("# Bare page\n\nOne paragraph of text.\n", encoding="utf-8")
    for polyfill in config.get("extra", {}).get("polyfills", []):
        (docs / polyfill).parent.mkdir(parents=True, exist_ok=True)
        (docs / polyfill).write_bytes((ROOT / "docs" / polyfill).read_bytes())
    bare = {
        "site_name": "Bare",
        "use_directory_urls": False,
        "theme": config["theme"],
        "extra": {"polyfills": config.get("extra", {}).get("polyfills", [])},
        "plugins": [{"search": search}, "offline"],
    }
    (dest / "mkdocs.yml").write_text(yaml.safe_dump(bare, allow_unicode=True), encoding="utf-8")
    cmd = [sys.executable, "-m", "mkdocs", "build", "--strict", "-q", "-f", str(dest / "mkdocs.yml")]
    subprocess.run([*cmd, "-d", str(dest / "site")], check=True, env={**os.environ, "NO_MKDOCS_2_WARNING": "1"})
    return dest / "site"


def kb(n: int) -> str:
    return f"{n / 1000:.0f}"


def report(site: Path) -> int:
    with tempfile.TemporaryDirectory() as tmp, sync_playwright() as playwright:
        bare_site = build_bare(Path(tmp))
        browser = launch(playwright)
        bare = first_visit(browser, bare_site, "index.html")
        pages = {page: first_visit(browser, site, page) for page in page_paths(site)}
        browser.close()
    base = sum(bare.values()) - bare["index"]
    print(f"| page | HTML | CSS | JS | images | other | kB | × bare | with index | ({BUDGET}× budget on questions)")
    print("|---|--:|--:|--:|--:|--:|--:|--:|--:|")
    over = []
    rows = [("bare Material page", bare), *pages.items()]
    for name, sizes in rows:
        total = sum(sizes.values()) - sizes["index"]
        ratio, with_index = total / base, sum(sizes.values()) / sum(bare.values())
        flag = " **over**" if QUESTION.search(name) and ratio > BUDGET else ""
        over += [name] if flag else []
        cells = [kb(sizes[k]) for k in ("html", "css", "js", "img", "other")]
        print(f"| {name} | {' | '.join(cells)} | {kb(total)} | {ratio:.2f}{flag} | {with_index:.2f} |")
    largest, sizes = max(pages.items(), key=lambda item: sum(item[1].values()) - item[1]["index"])
    own = sum(sizes.values()) - sizes["index"] - base
    print(
        f"\nsearch index: {kb(max(s['index'] for s in pages.values()))} kB, shared by all pages, loaded by the "
        f"search worker on a first visit (bare page's: {kb(bare['index'])} kB)"
    )
    print(
        f"largest page: {largest}, {kb(sum(sizes.values()) - sizes['index'])} kB = "
        f"{(sum(sizes.values()) - sizes['index']) / base:.2f}× bare; its own bytes beyond the bare page: {kb(own)} kB"
    )
    if over:
        print(f"over the {BUDGET}× budget: {', '.join(over)}", file=sys.stderr)
    return 1 if over else 0


if __name__ == "__main__":
    site = Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT / "site"
    if not (site / "index.html").is_file():
        sys.exit(f"no built site in {site}: run `nox -s build` first")
    sys.exit(report(site))
