"""Bytes that change nothing on screen, left out of the built site.

Code blocks: Pygments wraps every name (class "n") and every run of spaces ("w") in a span. Material paints
names in the plain code colour (--md-code-hl-name-color is var(--md-code-fg-color) in both palettes) and does
not style whitespace, so the spans only add bytes: up to a tenth of a code-heavy page. tests/test_build.py
checks that the theme still paints names in the plain colour.

Style sheets: the site's own CSS is shipped without its comments (they stay in docs/theme/assets/).

Pages: the indentation of Material's templates (a tenth of a page) goes; a line break stays where there was one,
so every run of white space still renders as one space. Nothing inside <pre> or <textarea> is touched.

Scripts: the site's own JavaScript is shipped without its comment lines and indentation, which is safe because no
string or template literal in it spans lines (js() refuses one that does).
"""

import re

PLAIN = re.compile(r'<span class="[nw]">([^<]*)</span>')
NAME_COLOUR = "--md-code-hl-name-color:var(--md-code-fg-color)"
COMMENT = re.compile(r"\s*/\*.*?\*/", re.DOTALL)  # site.css has no "/*" inside a string or url()


KEEP = re.compile(r"(<pre\b.*?</pre>|<textarea\b.*?</textarea>)", re.DOTALL)
INDENT = re.compile(r"\n[ \t]+")
COMMENT_LINE = re.compile(r"^\s*//.*$")


def page(html: str) -> str:
    parts = KEEP.split(html)  # odd items: the blocks kept as they are
    return "".join(part if i % 2 else INDENT.sub("\n", part) for i, part in enumerate(parts))


def js(text: str, name: str = "script") -> str:
    lines = text.splitlines()
    if spanning := [n for n, line in enumerate(lines, 1) if line.count("`") % 2 or line.rstrip().endswith("\\")]:
        raise ValueError(f"{name}:{spanning[0]}: a literal spans lines; slim.js() would change it")
    return "\n".join(line.strip() for line in lines if line.strip() and not COMMENT_LINE.match(line)) + "\n"


def code(html: str) -> str:
    return PLAIN.sub(r"\1", html)


def css(text: str) -> str:
    return COMMENT.sub("", text).strip() + "\n"
