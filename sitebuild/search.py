"""One search index per language, each with its own stemmer.

mkdocs-static-i18n leaves one index for both languages, so an English search also ranks Swedish pages, and one
lunr pipeline has to stem both languages at once. After the last language's build this module splits the index:
search/ keeps the default language's pages, <lang>/search/ gets each other language's, with lunr set to that
language alone. Material finds the index at `<base>/search/`, so pages of a non-default language get the base of
their language folder.
"""

import json
import re
from pathlib import Path

from sitebuild import LANGS

BASE = re.compile(r'("base": ")([^"]*)(")')


def language_base(html: str, lang: str) -> str:
    """Point a page's Material config at its language's search index (`<lang>/` under the site root)."""
    if lang == LANGS[0]:
        return html
    return BASE.sub(lambda m: f"{m[1]}{m[2].rstrip('/') or '.'}/{lang}/{m[3]}", html, count=1)


def split_index(site: Path) -> dict[str, int]:
    """Write one index per language (JSON, and the JS that Material loads from file://); return doc counts."""
    shared = site / "search" / "search_index.json"
    index = json.loads(shared.read_text(encoding="utf-8"))
    counts = {}
    for lang in LANGS:
        prefix = "" if lang == LANGS[0] else f"{lang}/"
        if prefix:
            mine = (d for d in index["docs"] if d["location"].startswith(prefix))
            docs = [{**d, "location": d["location"][len(prefix) :]} for d in mine]
        else:
            others = tuple(f"{other}/" for other in LANGS[1:])
            docs = [d for d in index["docs"] if not d["location"].startswith(others)]
        own = {**index, "config": {**index["config"], "lang": [lang]}, "docs": docs}
        folder = site / prefix / "search"
        folder.mkdir(parents=True, exist_ok=True)
        data = json.dumps(own, ensure_ascii=False, separators=(",", ":"))
        (folder / "search_index.json").write_text(data, encoding="utf-8")
        (folder / "search_index.js").write_text(f"var __index = {data}", encoding="utf-8")
        counts[lang] = len(docs)
    return counts
