"""Exam length: the words of each question page's short answer, which must fit what an exam answer is.

The seed asks for answers "kort och koncist". A word is what a reader reads as one: link targets, inline-code
backticks, emphasis marks and HTML comments are not counted; a token counts when it holds a letter or a digit.
Run `python -m sitebuild.checks.words` to see every page's count against its limit.
"""

import re
import sys
from pathlib import Path

from sitebuild import LANGS, pages_dir

HEADING = {"sv": "## Kort svar", "en": "## Short answer"}
LIMIT = 100
LIMITS = {"q05": 200}  # question 5 explains ten lines of code
WORD = re.compile(r"\S*[^\W_]\S*")
NOT_READ = [re.compile(p) for p in (r"<!--.*?-->", r"\]\([^)]*\)", r"\{[:#.][^}]*\}", r"[`*_\[\]]")]


class LengthError(Exception):
    """A page has no short answer to count."""


def heading(text: str, lang: str) -> re.Match | None:
    """Where the page's short-answer heading stands (the answer box of sitebuild/generate/exam.py goes before it)."""
    return re.search(rf"^{re.escape(HEADING[lang])}\s*$", text, re.M)


def short_answer(text: str, lang: str) -> str:
    """The Markdown between the page's short-answer heading and the next level-2 heading."""
    if not (start := heading(text, lang)):
        raise LengthError(f"no '{HEADING[lang]}' heading")
    end = re.search(r"^## ", text[start.end() :], re.M)
    return text[start.end() : start.end() + end.start() if end else len(text)]


def count(markdown: str) -> int:
    for pattern in NOT_READ:
        markdown = pattern.sub(" " if pattern.pattern.startswith("<") else "", markdown)
    return len(WORD.findall(markdown))


def limit(page: Path) -> int:
    return LIMITS.get(page.name[:3], LIMIT)


def lengths() -> list[tuple[Path, int, int]]:
    """(page, words, limit) for every question page in every language."""
    out = []
    for lang in LANGS:
        for page in sorted(pages_dir(lang).glob("q[0-9][0-9]-*.md")):
            try:
                words = count(short_answer(page.read_text(encoding="utf-8"), lang))
            except LengthError as err:
                raise LengthError(f"{page}: {err}") from None
            out.append((page, words, limit(page)))
    return out


if __name__ == "__main__":
    over = 0
    for page, words, most in lengths():
        over += words > most
        print(f"{page.parent.name}/{page.name:28} {words:4} / {most}{'  OVER' if words > most else ''}")
    sys.exit(1 if over else 0)
