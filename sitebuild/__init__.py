"""Build-time code for the site: MkDocs hooks, snippet expansion and execution."""

from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DOCS = ROOT / "docs"
SNIPPETS = ROOT / "snippets"
FIGURE_CODE = ROOT / "sitebuild" / "generate" / "figures"
LANGS = ("sv", "en")  # the first is the default language, served at the site root


def lang_dir(lang: str) -> str:
    """Where a language's pages sit in the built site: the root for the default language, else `<lang>/`."""
    return "" if lang == LANGS[0] else f"{lang}/"
