"""A page's prose as data: its sections, blocks, numbers and inline code, for the twin and number checks.

Numbers are read in the page's language (sv: 7 850 and 0,25; en: 7,850 and 0.25) and kept as the text shown,
so a check can compare them at the precision the page prints. Code fences, URLs and the sources list are not
prose; inline code is kept apart.
"""

import re
from dataclasses import dataclass, field
from pathlib import Path

from sitebuild import ROOT
from sitebuild.examples.snippets import includes

FENCE = re.compile(r"^\s*(```+|~~~+)")
HEADING = re.compile(r"^(#{1,6})\s+(.*)")
LIST_ITEM = re.compile(r"^\s*(?:[-*+]|\d+\.)\s+")
TABLE_RULE = re.compile(r"^\|[\s:|-]+\|\s*$")
CODE_SPAN = re.compile(r"`[^`\n]+`")
URLS = [re.compile(p) for p in (r"\]\([^)]*\)", r"<https?://[^>]*>", r"https?://\S+", r"<!--.*?-->", r"\{[:#.][^}]*\}")]
SOURCES = re.compile(r"^## (?:Källor|Sources)\s*$", re.M)
SPACE = "[ \u00a0\u202f]"
# A number as the page prints it: a version or section (3.15.1, 7.12, the same in both languages), or a value
# with its thousands grouped (sv by spaces, en by commas) and an optional decimal part.
DOTTED = r"(?<![\w.,])\d+(?:\.\d+){2,}(?![\w])"
NUMBER = {
    "sv": re.compile(
        rf"{DOTTED}|(?<![\w.,])\d+\.\d+(?![\w])|(?<![\w.,])\d{{1,3}}(?:{SPACE}\d{{3}})+(?:,\d+)?(?![\d])"
        r"|(?<![\w.,])\d+(?:,\d+)?(?![\w])"
    ),
    "en": re.compile(rf"{DOTTED}|(?<![\w.,])\d{{1,3}}(?:,\d{{3}})+(?:\.\d+)?(?![\d])|(?<![\w.,])\d+(?:\.\d+)?(?![\w])"),
}
ORDINAL = re.compile(r"(\d)(?:st|nd|rd|th|:e|:a)\b")  # 6th edition, 6:e upplagan: the number is 6
DECIMAL = {"sv": ",", "en": "."}


@dataclass
class Section:
    heading: str  # the heading line, "" before the first one
    line: int  # line of the heading in the page (1-based)
    paragraphs: int = 0
    list_items: int = 0
    table_rows: int = 0
    blocks: list[tuple[int, str]] = field(default_factory=list)  # (first line, text) of each prose block


def value(token: str, lang: str) -> str:
    """The number a printed token stands for, written the same in both languages: '7 850' and '7,850' -> '7850',
    '0,25' and '0.25' -> '0.25'; a version or section such as '3.15.1' or '7.12' stays as it is."""
    token = re.sub(SPACE, "", token)
    if lang == "sv":
        return token.replace(",", ".") if "," in token else token
    return token if re.fullmatch(DOTTED, token) else token.replace(",", "")


def without_code(text: str) -> str:
    """Prose only: inline code, URLs, comments and attribute lists replaced by a space."""
    text = CODE_SPAN.sub(" ", text)
    for pattern in URLS:
        text = pattern.sub(" ", text)
    return text


def numbers(text: str, lang: str) -> list[str]:
    """Every number token in prose text, as printed."""
    return NUMBER[lang].findall(ORDINAL.sub(r"\1", without_code(text)))


def code_spans(text: str) -> list[str]:
    return CODE_SPAN.findall(re.sub(r"\]\([^)]*\)", " ", text))


def body(text: str) -> str:
    """The page without its sources list, which cites (dates, editions) rather than states."""
    m = SOURCES.search(text)
    return text[: m.start()] if m else text


def sections(text: str) -> list[Section]:
    """Sections of a page, split at headings outside code fences, with their prose blocks counted."""
    out = [Section("", 0)]
    block: list[str] = []
    start, fence = 0, None

    def close():
        nonlocal block
        if block:
            sec, first = out[-1], block[0]
            if LIST_ITEM.match(first):
                sec.list_items += sum(1 for line in block if LIST_ITEM.match(line))
            elif first.lstrip().startswith("|"):
                sec.table_rows += sum(1 for line in block if not TABLE_RULE.match(line))
            else:
                sec.paragraphs += 1
            sec.blocks.append((start, "\n".join(block)))
        block = []

    for n, line in enumerate(text.splitlines(), 1):
        if m := FENCE.match(line):
            if fence is None:
                close()
                fence = m[1]
            elif line.strip().startswith(fence):
                fence = None
            continue
        if fence is not None:
            continue
        if m := HEADING.match(line):
            close()
            out.append(Section(line.strip(), n))
        elif not line.strip():
            close()
        else:
            if not block:
                start = n
            block.append(line)
    close()
    return out


# --- numbers that describe something measured or counted -------------------------------------------
UNIT = r"(?:%|×(?![ \u00a0\u202f]*\d)|GHz|[GT]FLOP/s|[GT]B/s|[kMG]i?B\b|ms\b|s\b|parametrar\b|parameters\b)"
EPOCH = r"(?:epok|epoch)(?:en|s|er)?[ \u00a0\u202f]+"


def checked(text: str, lang: str) -> list[str]:
    """Numbers of one prose block that state a measurement or count: with a unit, after 'epoch', or 3+ decimals."""
    number = NUMBER[lang].pattern
    text = without_code(text)
    found = re.findall(rf"({number})[ \u00a0\u202f]?{UNIT}", text)
    found += re.findall(rf"{EPOCH}({number})", text, flags=re.IGNORECASE)
    found += [n for n in re.findall(number, text) if decimals_of(value(n, lang)) >= 3]
    return list(dict.fromkeys(found))


def decimals_of(text: str) -> int:
    return len(text.split(".")[1]) if "." in text and text.count(".") == 1 else 0


def matches(shown: str, pool: list[str], percent: bool) -> bool:
    """`shown` is one of the pool's numbers rounded to the decimals shown (or that number × 100, for a %)."""
    want, places = float(shown), decimals_of(shown)
    for token in pool:
        try:
            got = float(token)
        except ValueError:
            continue
        for candidate in (got, got * 100) if percent else (got,):
            if round(candidate, places) == want and decimals_of(token) + (2 if candidate != got else 0) >= places:
                return True
    return False


def embedded_numbers(page: Path) -> list[str]:
    """Number tokens in what a page embeds (stored outputs and snippet code), as printed: English format."""
    text = page.read_text(encoding="utf-8")
    embedded = "".join((ROOT / path.split(":")[0]).read_text(encoding="utf-8") for _, path in includes(text))
    return [value(n, "en") for n in re.findall(r"(?<![\w.])\d[\d,]*(?:\.\d+)?(?![\w])", embedded)]
