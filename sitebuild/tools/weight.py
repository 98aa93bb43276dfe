"""Page weight: the bytes a first visit to each page loads (HTML, CSS, JS, images), measured in headless Chromium
from disk, against a bare Material page built in the same run with the same theme and search settings.

    python -m sitebuild.tools.weight [SITE_DIR]    # prints a table; exits 1 when a question page is over budget

Budget: a question page loads at most BUDGET times the bare page, not counting the search index. Each language
has its own index, loaded once by the search worker and then cached; it is reported on its own line, and with it
included, in the last column.
"""

import os
import subprocess
import sys
import tempfile
from collections import Counter
from pathlib import Path
from urllib.parse import unquote, urlsplit

import yaml
from mkdocs.utils.yaml import yaml_load
from playwright.sync_api import sync_playwright

from sitebuild import LANGS, ROOT, lang_dir
from sitebuild.checks.links import QUESTION, expected_lang, page_paths
from sitebuild.tools.browser import block_remote, launch

BUDGET = 1.3
HOMES = {lang: f"{lang_dir(lang)}index.html" for lang in LANGS}
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
    tab = context.new_page()
    tab.goto((site / page).resolve().as_uri(), wait_until="networkidle")
    tab.wait_for_timeout(1000)  # late requests (Material fetches the sitemaps after start-up) ...
    tab.wait_for_load_state("networkidle")  # ... and their own
    context.close()
    if blocked:
        raise RuntimeError(f"{page} asked for other hosts: {blocked}")
    sizes: Counter = Counter()
    for file in files:
        if file.is_file() and kind(file.as_posix()) != "index":  # the index is counted once per site, see index()
            sizes[kind(file.as_posix())] += file.stat().st_size
    return sizes


def index(site: Path, page: str = "index.html") -> int:
    """Bytes of the search index the search worker loads for a page: its language's (sitebuild/render/search.py)."""
    return (site / lang_dir(expected_lang(page)) / f"{INDEX}.js").stat().st_size


def build_bare(dest: Path) -> Path:
    """A one-page Material site with this site's theme, search and offline settings."""
    config = yaml_load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"))
    search = config["plugins"]["search"]  # mkdocs.yml lists its plugins as a mapping
    docs = dest / "docs"
    (docs / "assets" / "vendor").mkdir(parents=True)
    (docs / "index.md").write_text("# Bare page\n\nOne paragraph of text.\n", encoding="utf-8")
    theme = {k: v for k, v in config["theme"].items() if k != "custom_dir"}  # Material's own templates and assets
    for polyfill in config.get("extra", {}).get("polyfills", []):  # from the site's theme folder
        (docs / polyfill).parent.mkdir(parents=True, exist_ok=True)
        (docs / polyfill).write_bytes((ROOT / config["theme"]["custom_dir"] / polyfill).read_bytes())
    bare = {
        "site_name": "Bare",
        "use_directory_urls": False,
        "theme": theme,
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
        bare, bare_index = first_visit(browser, bare_site, "index.html"), index(bare_site)
        pages = {page: first_visit(browser, site, page) for page in page_paths(site)}
        browser.close()
    base = sum(bare.values())
    print(f"| page | HTML | CSS | JS | images | other | kB | × bare | with index | ({BUDGET}× budget on questions)")
    print("|---|--:|--:|--:|--:|--:|--:|--:|--:|")
    over = []
    rows = [("bare Material page", bare, bare_index)]
    rows += [(page, sizes, index(site, page)) for page, sizes in pages.items()]
    for name, sizes, search in rows:
        total = sum(sizes.values())
        ratio, with_index = total / base, (total + search) / (base + bare_index)
        flag = " **over**" if QUESTION.search(name) and ratio > BUDGET else ""
        over += [name] if flag else []
        cells = [kb(sizes[k]) for k in ("html", "css", "js", "img", "other")]
        print(f"| {name} | {' | '.join(cells)} | {kb(total)} | {ratio:.2f}{flag} | {with_index:.2f} |")
    print(
        f"\nsearch index: {' + '.join(f'{kb(index(site, home))} kB ({lang})' for lang, home in HOMES.items())}, "
        "one per language, loaded by the search worker on a first visit and cached after "
        f"(the bare page's: {bare_index / 1000:.1f} kB)"
    )
    questions = {page: sizes for page, sizes in pages.items() if QUESTION.search(page)}
    for label, among in (("largest page", pages), ("largest question page", questions)):
        if among:
            name, total = max(((page, sum(sizes.values())) for page, sizes in among.items()), key=lambda x: x[1])
            print(f"{label}: {name}, {kb(total)} kB = {total / base:.2f}× bare ({kb(total - base)} kB of its own)")
    if over:
        print(f"over the {BUDGET}× budget: {', '.join(over)}", file=sys.stderr)
    return 1 if over else 0


if __name__ == "__main__":
    site = Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT / "site"
    if not (site / "index.html").is_file():
        sys.exit(f"no built site in {site}: run `nox -s build` first")
    sys.exit(report(site))
