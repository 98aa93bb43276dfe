"""Code fences of a page, read with pytest-codeblocks' own parser after snippet expansion."""

import ast
import io
from dataclasses import dataclass, field
from pathlib import Path

from pytest_codeblocks import extract_from_buffer

from sitebuild import DOCS, FIGURE_CODE, ROOT, SNIPPETS
from sitebuild.examples.snippets import expand, includes, source_lines

EXECUTED = {"python"}
# Fences that are shown, never run. Anything else fails the tests, so no fence is skipped silently.
SHOWN_ONLY = {"text", "console", "yaml", "json", "toml"}


@dataclass
class Block:
    page: Path
    lineno: int  # line of the fence in the page's own text (includes not expanded)
    lang: str
    code: str
    expected: str | None
    marks: list[str] = field(default_factory=list)

    @property
    def source(self) -> Path | None:
        """The snippet (or figure module) whose whole content this fence shows, if any."""
        for path in sorted([*SNIPPETS.glob("*.py"), *FIGURE_CODE.glob("q*.py")]):
            if path.read_text(encoding="utf-8").strip() == self.code.strip():
                return path
        return None

    @property
    def replacements(self) -> tuple[tuple[str, str], ...]:
        return replacements(self.marks)

    @property
    def where(self) -> str:
        return f"{self.page.relative_to(ROOT)}:{self.lineno}"


def page_blocks(page: Path) -> list[Block]:
    blocks, lines = extract_from_buffer(io.StringIO(expand(page))), source_lines(page.read_text(encoding="utf-8"))
    return [
        Block(
            page,
            lines[b.lineno - 1],
            (b.syntax or "").split(" ")[0].split("{")[0],
            b.code,
            b.expected_output,
            list(b.marks),
        )
        for b in blocks
    ]


def replacements(marks: list[str]) -> tuple[tuple[str, str], ...]:
    """(old, new) of each `<!--pytest.mark.replace(old, new)-->` mark: the code runs with old replaced by new."""
    prefix = "pytest.mark.replace"
    return tuple(ast.literal_eval(m.removeprefix(prefix)) for m in marks if m.startswith(prefix + "("))


def replacements_for(snippet: Path) -> tuple[tuple[str, str], ...]:
    """The replace marks of the fences that include `snippet`, so that tests and stored outputs run the same code.

    Reads the pages unexpanded, so it works before the snippet's output file exists.
    """
    rel = snippet.relative_to(ROOT).as_posix()
    found = {
        replacements(b.marks)
        for page in sorted(DOCS.rglob("*.md"))
        for b in extract_from_buffer(io.StringIO(page.read_text(encoding="utf-8")))
        if any(path == rel for _, path in includes(b.code))
    }
    if len(found) > 1:
        raise ValueError(f"{rel}: pages show it with different replace marks: {sorted(found)}")
    return found.pop() if found else ()
