"""One search index per language.

mkdocs-static-i18n leaves one index for both languages, so an English search also lists Swedish pages. After the
last language's build this module splits the index: search/ keeps the default language's pages, <lang>/search/
gets each other language's, with lunr set to that language alone (its stop words). Material finds the index at
`<base>/search/`, so pages of a non-default language get the base of their language folder.

Words are stemmed (Swedish and English); search_stem.js lets Material's prefix queries use the stemmer too.
"""

import json
import re
from pathlib import Path

from sitebuild import LANGS, lang_dir

STEM = Path(__file__).with_name("search_stem.js")
BASE = re.compile(r'("base": ")([^"]*)(")')


def language_base(html: str, lang: str) -> str:
    """Point a page's Material config at its language's search index (`<lang>/` under the site root)."""
    if not lang_dir(lang):
        return html
    return BASE.sub(lambda m: f"{m[1]}{m[2].rstrip('/') or '.'}/{lang_dir(lang)}{m[3]}", html, count=1)


def split_index(site: Path) -> None:
    """Write one index per language (JSON, and the JS that Material loads from file://)."""
    index = json.loads((site / "search" / "search_index.json").read_text(encoding="utf-8"))
    folders = {lang_dir(lang) for lang in LANGS} - {""}
    for lang in LANGS:
        prefix = lang_dir(lang)
        others = tuple(folders - {prefix})
        mine = (d for d in index["docs"] if d["location"].startswith(prefix) and not d["location"].startswith(others))
        docs = [{**d, "location": d["location"].removeprefix(prefix)} for d in mine]
        data = json.dumps(
            {**index, "config": {**index["config"], "lang": [lang]}, "docs": docs},
            ensure_ascii=False,
            separators=(",", ":"),
        )
        folder = site / prefix / "search"
        folder.mkdir(parents=True, exist_ok=True)
        (folder / "search_index.json").write_text(data, encoding="utf-8")
        (folder / "search_index.js").write_text(f"var __index = {data}", encoding="utf-8")


def stem_queries(site: Path) -> None:
    """Append search_stem.js to Material's search worker, once (a dirty rebuild may keep the patched copy)."""
    patch = STEM.read_text(encoding="utf-8")
    for worker in (site / "assets" / "javascripts" / "workers").glob("search.*.js"):
        code = worker.read_text(encoding="utf-8")
        if patch not in code:
            worker.write_text(f"{code}\n{patch}", encoding="utf-8")
