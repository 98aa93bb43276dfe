"""Build-time code for the site. The folders say what runs when:

generate/  before MkDocs: figures, notebooks, benchmark data, glossary and quiz data (`python -m sitebuild.generate`)
hooks.py   inside MkDocs: the one entry point, which uses render/ to shape each page
examples/  the code fences of the pages: running snippets, their stored outputs, timings
checks/    the page set, twin parity, numbers in prose, links of the built site
tools/     command-line tools: build, build speed, offline zip, PDF, page weight, browser
text/      every user-interface string, one file per language
"""

import re
from functools import cache
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
DOCS = ROOT / "docs"
SNIPPETS = ROOT / "snippets"
FIGURE_CODE = ROOT / "sitebuild" / "generate" / "figures"
TEXT = Path(__file__).with_name("text")
LANGS = ("sv", "en")  # the first is the default language, served at the site root


# The one syntax of the blocks the build inserts into a page: <!-- source:block -->, e.g. <!-- quiz:practice -->,
# <!-- glossary:entries -->, <!-- benchmark:summary -->. One that no generator knows stops the build (hooks.py).
MARKER = re.compile(r"<!-- ([a-z]+):([a-z]+) -->")


def marker(source: str, block: str) -> str:
    return f"<!-- {source}:{block} -->"


def lang_dir(lang: str) -> str:
    """Where a language's pages sit in the built site: the root for the default language, else `<lang>/`."""
    return "" if lang == LANGS[0] else f"{lang}/"


def pages_dir(lang: str) -> Path:
    """A language's pages: docs/<lang>/, the docs_dir of its MkDocs site."""
    return DOCS / lang


def page_file(name: str, lang: str) -> Path:
    """docs/<lang>/<name>.md"""
    return pages_dir(lang) / f"{name}.md"


def config_file(lang: str, base: Path = ROOT / "mkdocs.yml") -> Path:
    """The MkDocs configuration of a language's site: mkdocs.yml, or mkdocs.<lang>.yml next to it."""
    return base if lang == LANGS[0] else base.with_name(f"mkdocs.{lang}.yml")


def read_yaml(text: str):
    """yaml.safe_load, with libyaml's parser where PyYAML has it (ten times faster on the quiz files)."""
    return yaml.load(text, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))


@cache
def strings(lang: str) -> dict:
    return read_yaml((TEXT / f"{lang}.yml").read_text(encoding="utf-8"))


def text(lang: str, key: str):
    """A user-interface string (or table) in `lang`, from sitebuild/text/<lang>.yml; 'a.b' reads a nested key."""
    value = strings(lang)
    for part in key.split("."):
        value = value[part]
    return value
