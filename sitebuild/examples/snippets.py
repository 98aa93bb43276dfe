"""Expand `--8<--` includes exactly as the build does, from mkdocs.yml's own settings."""

import re
from functools import cache
from pathlib import Path

import markdown
from mkdocs.utils.yaml import yaml_load

from sitebuild import ROOT

INCLUDE = re.compile(r'^\s*-{1,}8<-{1,}\s+"([^"]+)"')


class SnippetError(Exception):
    """A page includes a snippet that cannot be read; the message names page and line."""


@cache
def snippet_config() -> dict:
    with open(ROOT / "mkdocs.yml", encoding="utf-8") as fh:
        config = yaml_load(fh)
    for ext in config["markdown_extensions"]:
        if isinstance(ext, dict) and "pymdownx.snippets" in ext:
            cfg = dict(ext["pymdownx.snippets"])
            cfg["base_path"] = [str(ROOT / p) for p in cfg.get("base_path", ["."])]
            return cfg
    raise SnippetError("mkdocs.yml: pymdownx.snippets is not configured")


def includes(text: str) -> list[tuple[int, str]]:
    """(line number, path) of every include line in a page."""
    return [(n, m[1]) for n, line in enumerate(text.splitlines(), 1) if (m := INCLUDE.match(line))]


def check_includes(text: str, page: str) -> None:
    for lineno, path in includes(text):
        if not (ROOT / path.split(":")[0]).is_file():
            raise SnippetError(f"{page}:{lineno}: snippet not found: {path}")


def source_lines(text: str) -> list[int]:
    """For each line of the expanded text (index 0 = line 1), the page's own line: an included file's lines all
    map to its include line."""
    out = []
    for n, line in enumerate(text.split("\n"), 1):
        m = INCLUDE.match(line)
        out += [n] * (len((ROOT / m[1].split(":")[0]).read_text(encoding="utf-8").split("\n")) if m else 1)
    return out


def expand(page: Path) -> str:
    """The page's markdown with every include replaced by the included text."""
    text = page.read_text(encoding="utf-8")
    check_includes(text, str(page.relative_to(ROOT)))
    md = markdown.Markdown(extensions=["pymdownx.snippets"], extension_configs={"pymdownx.snippets": snippet_config()})
    return "\n".join(md.preprocessors["snippet"].run(text.split("\n")))
