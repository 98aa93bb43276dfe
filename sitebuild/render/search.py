"""Search that stems its queries too.

Each language's site has its own index (Material's search plugin, `lang` set per site). Words in the index are
stemmed (the `pipeline` in mkdocs.yml adds the stemmer that Material drops by default); search_stem.js lets
Material's prefix queries use the stemmer as well, so that "modellen" finds "modell".

Material's search dialog has no accessible name (WCAG 4.1.2; Lighthouse's aria-dialog-name); named() gives it one.
"""

from pathlib import Path

STEM = Path(__file__).with_name("search_stem.js")
DIALOG = '<div class="md-search" data-md-component="search" role="dialog">'  # Material's partials/search.html


def stem_queries(site: Path) -> None:
    """Append search_stem.js to Material's search worker, once (a dirty rebuild may keep the patched copy)."""
    patch = STEM.read_text(encoding="utf-8")
    for worker in (site / "assets" / "javascripts" / "workers").glob("search.*.js"):
        code = worker.read_text(encoding="utf-8")
        if patch not in code:
            worker.write_text(f"{code}\n{patch}", encoding="utf-8")


def named(html: str, label: str) -> str:
    """The page with its search dialog labelled `label` (the same word as the search field's)."""
    return html.replace(DIALOG, f'{DIALOG[:-1]} aria-label="{label}">', 1)
