"""Code blocks without markup that changes nothing on screen.

Pygments wraps every name (class "n") and every run of spaces ("w") in a span. Material paints names in the
plain code colour (--md-code-hl-name-color is var(--md-code-fg-color) in both palettes) and does not style
whitespace, so the spans only add bytes: up to a tenth of a code-heavy page. tests/test_build.py checks that
the theme still paints names in the plain colour.
"""

import re

PLAIN = re.compile(r'<span class="[nw]">([^<]*)</span>')
NAME_COLOUR = "--md-code-hl-name-color:var(--md-code-fg-color)"


def code(html: str) -> str:
    return PLAIN.sub(r"\1", html)
