"""Bytes that change nothing on screen, left out of the built site.

Code blocks: Pygments wraps every name (class "n") and every run of spaces ("w") in a span. Material paints
names in the plain code colour (--md-code-hl-name-color is var(--md-code-fg-color) in both palettes) and does
not style whitespace, so the spans only add bytes: up to a tenth of a code-heavy page. tests/test_build.py
checks that the theme still paints names in the plain colour.

Style sheets: the site's own CSS is shipped without its comments (they stay in docs/theme/assets/).
"""

import re

PLAIN = re.compile(r'<span class="[nw]">([^<]*)</span>')
NAME_COLOUR = "--md-code-hl-name-color:var(--md-code-fg-color)"
COMMENT = re.compile(r"\s*/\*.*?\*/", re.DOTALL)  # site.css has no "/*" inside a string or url()


def code(html: str) -> str:
    return PLAIN.sub(r"\1", html)


def css(text: str) -> str:
    return COMMENT.sub("", text).strip() + "\n"
