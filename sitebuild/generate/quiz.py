"""Self-check quizzes: docs/_quiz/qNN.yml becomes the "Check yourself" section of question NN and the practice test.

Each data file holds the question's 3-6 key points (what an examiner looks for in a free-text answer, each with the
section that explains it; sitebuild/generate/exam.py shows them) and 3-5 items, with the Swedish and English text
side by side, checked against quiz.schema.json (next to this module), then for what a schema cannot see (QuizError
names file and field). An item is a single choice, a multiple choice, or "output": the reader predicts a number
that one of the page's snippets prints. That answer is never typed: the item gives a regular expression, whose
first group is read from the snippet's stored output (snippets/output/<name>.txt, which tests/test_snippets.py
keeps equal to a fresh run). `section` is the id of the English heading that teaches the item; the Swedish page
links to its heading at the same position (twins have the same headings, tests/test_parity.py).

apply() appends the section to a question page: a plain list with each answer in a collapsible block, which is all
a reader without JavaScript gets, in a container that carries the items as JSON for docs/theme/assets/quiz.js to build
the interactive form from. On the practice pages it replaces PRACTICE_MARKER with every item in the page's language.
"""

import html
import json
import re
from dataclasses import dataclass
from functools import cache as memoized
from pathlib import Path

import markdown as md
import yaml

from sitebuild import DOCS, LANGS, ROOT, SNIPPETS, marker, read_yaml, text
from sitebuild.examples.snippets import includes
from sitebuild.generate import cache

DATA = DOCS / "_quiz"
SCHEMA = Path(__file__).with_name("quiz.schema.json")
OUTPUTS = SNIPPETS / "output"
ANCHOR = "self-check"  # the section's heading id, the same in both languages
PRACTICE_MARKER = marker("quiz", "practice")
LETTERS = "ABCDEF"
NUMBER = re.compile(r"[-+]?\d+(\.\d+)?([eE][-+]?\d+)?")
# What a toc id depends on: which lines are headings (not code), explicit {#id}s, and the slugify of the toc extension.
HEADING_EXTENSIONS = ["toc", "attr_list", "md_in_html", "admonition", "pymdownx.details", "pymdownx.superfences"]

TEXT = {lang: text(lang, "quiz") for lang in LANGS}  # the strings live in sitebuild/text/<lang>.yml
UI = {lang: text(lang, "quiz_script") for lang in LANGS}  # for quiz.js, through exam.site_text()


class QuizError(Exception):
    """A quiz file is malformed; the message names the file and the field."""


@dataclass(frozen=True)
class Text:
    question: str
    choices: tuple[str, ...]
    explanation: str


@dataclass(frozen=True)
class Item:
    kind: str  # single, multiple or output
    section: dict[str, tuple[str, str]]  # language -> (heading id, heading text) on that language's page
    text: dict[str, Text]
    answer: tuple[int, ...] = ()  # indices of the right choices
    # output items: the snippet, the pattern that finds the answer in its output, the answer as a number and as
    # printed, and the largest difference a reader's answer may have
    snippet: str = ""
    pattern: str = ""
    value: float = 0.0
    shown: str = ""
    tolerance: float = 0.0


@dataclass(frozen=True)
class KeyPoint:
    """One point an examiner looks for in a free-text answer, and the section of the page that explains it."""

    section: dict[str, tuple[str, str]]  # language -> (heading id, heading text) on that language's page
    text: dict[str, str]  # language -> one line of Markdown


@dataclass(frozen=True)
class Quiz:
    number: int
    slug: str  # the question page, e.g. q03-parameters
    title: dict[str, str]  # language -> the page's title
    items: tuple[Item, ...]
    keypoints: tuple[KeyPoint, ...] = ()


def _rel(path: Path) -> str:
    return path.relative_to(ROOT).as_posix() if path.is_relative_to(ROOT) else str(path)


def _field(path) -> str:
    """items[2].sv.choices[1] for the path ("items", 2, "sv", "choices", 1)."""
    out = ""
    for part in path:
        out += f"[{part}]" if isinstance(part, int) else f".{part}" if out else str(part)
    return out


@memoized
def _validator():
    import jsonschema  # imported only when a quiz file is not known to be valid: it takes a second to import

    return jsonschema.Draft202012Validator(json.loads(SCHEMA.read_text(encoding="utf-8")))


def schema_errors(raw) -> list[str]:
    """'field: problem' for every schema violation, in document order."""
    out = []
    for err in sorted(_validator().iter_errors(raw), key=lambda e: [str(p) for p in e.absolute_path]):
        path = list(err.absolute_path)
        if err.validator == "required":
            missing = [key for key in err.validator_value if key not in err.instance]
            out.append(f"{_field(path + missing[:1])}: missing")
        elif err.validator == "additionalProperties":
            unknown = sorted(set(err.instance) - set(err.schema.get("properties", {})))
            out.append(f"{_field(path + unknown[:1])}: unknown field")
        else:
            out.append(f"{_field(path) or 'top level'}: {err.message}")
    return out


def headings(page: Path) -> list[tuple[str, str]]:
    """(id, text) of every heading below the title, as the build's toc extension gives them (cached by the
    page's bytes: converting every page takes longer than the rest of a warm build's generation)."""
    key = f"{page.parent.name}.{page.stem}.{cache.key(page, repr(HEADING_EXTENSIONS))}"
    found = cache.load("headings", key, lambda v: isinstance(v, list) and all(len(h) == 2 for h in v))
    if found is None:
        found = _headings(page)
        cache.store("headings", key, found, replaces=f"{page.parent.name}.{page.stem}.*.json")
    return [tuple(h) for h in found]


def _headings(page: Path) -> list[tuple[str, str]]:
    converter = md.Markdown(extensions=HEADING_EXTENSIONS)
    converter.convert(page.read_text(encoding="utf-8"))
    out = []

    def walk(tokens):
        for token in tokens:
            if token["level"] > 1:
                out.append((token["id"], html.unescape(token["name"])))
            walk(token["children"])

    walk(converter.toc_tokens)
    return out


def number(text: str) -> float | None:
    """A number as a program prints it: 7,850 or 0.9750 or 1e-05; None if it is not one."""
    plain = text.strip().replace(",", "").replace("_", "")
    return float(plain) if NUMBER.fullmatch(plain) else None


def read_output(snippet: str, pattern: str, output: str) -> str:
    """The text the pattern's first group (or whole match) finds in a snippet's output; raises ValueError."""
    found = re.search(pattern, output, re.MULTILINE)
    if not found:
        raise ValueError(f"no match in snippets/output/{snippet}.txt")
    return found.group(1) if found.re.groups else found.group(0)


def page_of(n: int, docs: Path) -> str | None:
    """The slug of question n's page, e.g. q03-parameters."""
    found = sorted((docs / LANGS[0]).glob(f"q{n:02d}-*.md"))
    return found[0].stem if len(found) == 1 else None


def title(page: Path) -> str:
    return next(
        (line[2:].strip() for line in page.read_text(encoding="utf-8").splitlines() if line.startswith("# ")), ""
    )


def _output_item(raw: dict, where: str, slug: str, docs: Path) -> dict:
    """The fields of an "output" item: its answer, read from the snippet's stored output."""
    for lang in LANGS:
        if raw[lang].get("choices"):
            raise QuizError(f"{where}.{lang}.choices: not allowed for kind 'output'")
    if "answer" in raw:
        raise QuizError(f"{where}.answer: not allowed for kind 'output'; the snippet's output is the answer")
    spec = raw["output"]
    snippet, stored = SNIPPETS / f"{spec['snippet']}.py", OUTPUTS / f"{spec['snippet']}.txt"
    if not snippet.is_file() or not stored.is_file():
        raise QuizError(f"{where}.output.snippet: no {_rel(snippet)} with its stored output {_rel(stored)}")
    for lang in LANGS:  # the quiz asks about the page's own code
        page = docs / lang / f"{slug}.md"
        if f"snippets/{spec['snippet']}.py" not in [path for _, path in includes(page.read_text(encoding="utf-8"))]:
            raise QuizError(f"{where}.output.snippet: {spec['snippet']}.py is not shown on {_rel(page)}")
    try:
        shown = read_output(spec["snippet"], spec["pattern"], stored.read_text(encoding="utf-8"))
    except re.error as err:
        raise QuizError(f"{where}.output.pattern: not a regular expression: {err}") from None
    except ValueError as err:
        raise QuizError(f"{where}.output.pattern: {err}") from None
    if (value := number(shown)) is None:
        raise QuizError(f"{where}.output.pattern: found {shown!r} in {_rel(stored)}, not a number")
    tolerance = float(spec.get("tolerance", 0))
    return {
        "snippet": spec["snippet"],
        "pattern": spec["pattern"],
        "value": value,
        "shown": shown.strip(),
        "tolerance": tolerance,
    }


def _choice_item(raw: dict, where: str) -> dict:
    """The fields of a single or multiple choice item: the indices of the right choices."""
    if "output" in raw:
        raise QuizError(f"{where}.output: not allowed for kind '{raw['kind']}'")
    first, *others = (len(raw[lang]["choices"]) for lang in LANGS)
    for lang, count in zip(LANGS[1:], others, strict=True):
        if count != first:
            raise QuizError(f"{where}.{lang}.choices: {count} choices, but {LANGS[0]} has {first}")
    letters = [raw["answer"]] if isinstance(raw["answer"], str) else raw["answer"]
    for letter in letters:
        if LETTERS.index(letter) >= first:
            raise QuizError(f"{where}.answer: {letter!r}, but there are only {first} choices")
    return {"answer": tuple(sorted(LETTERS.index(letter) for letter in letters))}


def _section(raw: dict, where: str, slug: str, sections: dict[str, list[tuple[str, str]]]) -> dict:
    """language -> (id, text) of the heading that `section` names on the English page, and its Swedish twin."""
    ids = [heading_id for heading_id, _ in sections["en"]]
    if raw["section"] not in ids:
        raise QuizError(f"{where}.section: no heading '{raw['section']}' on docs/en/{slug}.md (ids: {', '.join(ids)})")
    return {lang: sections[lang][ids.index(raw["section"])] for lang in LANGS}


def _keypoint(raw: dict, where: str, slug: str, sections: dict[str, list[tuple[str, str]]]) -> KeyPoint:
    for lang in LANGS:
        if "](" in raw[lang]:
            raise QuizError(f"{where}.{lang}: no links in the text; `section` gives the link")
    return KeyPoint(_section(raw, where, slug, sections), {lang: raw[lang] for lang in LANGS})


def _item(raw: dict, where: str, slug: str, docs: Path, sections: dict[str, list[tuple[str, str]]]) -> Item:
    for lang in LANGS:
        for key in ("question", "explanation"):
            if "](" in raw[lang][key]:
                raise QuizError(f"{where}.{lang}.{key}: no links in the text; `section` gives the link")
    section = _section(raw, where, slug, sections)
    text = {
        lang: Text(raw[lang]["question"], tuple(raw[lang].get("choices", ())), raw[lang]["explanation"])
        for lang in LANGS
    }
    fields = _output_item(raw, where, slug, docs) if raw["kind"] == "output" else _choice_item(raw, where)
    return Item(raw["kind"], section, text, **fields)


def load(path: Path, docs: Path = DOCS) -> Quiz:
    """Read and check one quiz file; raise QuizError naming the file and the field on any mistake."""
    where = _rel(path)
    if not (m := re.fullmatch(r"q(\d\d)\.yml", path.name)):
        raise QuizError(f"{where}: the file name must be qNN.yml, NN the question's number")
    if (slug := page_of(int(m[1]), docs)) is None:
        raise QuizError(f"{where}: no question page docs/{LANGS[0]}/q{m[1]}-*.md for it")
    try:
        raw = read_yaml(path.read_text(encoding="utf-8"))
    except (OSError, yaml.YAMLError) as err:
        raise QuizError(f"{where}: cannot read: {err}") from None
    valid = f"{path.stem}.{cache.key(path, SCHEMA)}"  # these bytes passed the schema before
    if cache.load("quiz-schema", valid, lambda v: v is True) is None:
        if problems := schema_errors(raw):
            raise QuizError(f"{where}: {problems[0]}")
        cache.store("quiz-schema", valid, True, replaces=f"{path.stem}.*.json")
    pages = {lang: docs / lang / f"{slug}.md" for lang in LANGS}
    sections = {lang: headings(pages[lang]) for lang in LANGS}
    if len({len(found) for found in sections.values()}) > 1:
        raise QuizError(f"{where}: the twins docs/*/{slug}.md have different headings; fix them first")
    items = tuple(_item(item, f"{where}: items[{i}]", slug, docs, sections) for i, item in enumerate(raw["items"]))
    points = tuple(_keypoint(p, f"{where}: keypoints[{i}]", slug, sections) for i, p in enumerate(raw["keypoints"]))
    return Quiz(int(m[1]), slug, {lang: title(pages[lang]) for lang in LANGS}, items, points)


def inputs(docs: Path = DOCS) -> list[Path]:
    """Every file the quizzes are made from, for the cache key."""
    return sorted([*docs.glob("_quiz/*"), *docs.glob("*/q*.md"), *OUTPUTS.glob("*.txt"), SCHEMA])


def load_all(docs: Path = DOCS) -> dict[str, Quiz]:
    """Question page slug -> its quiz; every question page must have one."""
    quizzes = {}
    for path in sorted((docs / "_quiz").glob("*")):
        quiz = load(path, docs)
        quizzes[quiz.slug] = quiz
    for page in sorted((docs / LANGS[0]).glob("q[0-9][0-9]-*.md")):
        slug = page.stem
        if slug not in quizzes:
            raise QuizError(f"{_rel(page)} has no quiz: add {_rel(docs / '_quiz' / (slug[:3] + '.yml'))}")
    return dict(sorted(quizzes.items()))


@memoized
def _load_cached(docs: Path, key: tuple) -> dict[str, Quiz]:
    return load_all(docs)


def current(docs: Path = DOCS) -> dict[str, Quiz]:
    """The quizzes, read again when any of their inputs changes (mkdocs serve)."""
    return _load_cached(docs, tuple((str(p), p.stat().st_mtime_ns) for p in inputs(docs)))


_inline = md.Markdown()


def inline_html(text: str) -> str:
    """One line of Markdown as HTML without the paragraph around it."""
    return _inline.reset().convert(text).removeprefix("<p>").removesuffix("</p>")


def read_more(item: Item, lang: str) -> str:
    return TEXT[lang]["read_more"].format(section=item.section[lang][1])


def item_data(quiz: Quiz, index: int, lang: str, page_url: str = "") -> dict:
    """What quiz.js needs of one item; `page_url` is the question page relative to the page showing it."""
    item, text = quiz.items[index], quiz.items[index].text[lang]
    data = {
        "id": f"q{quiz.number:02d}-{index + 1}",
        "topic": quiz.number,
        "kind": item.kind,
        "question": inline_html(text.question),
        "explanation": inline_html(text.explanation),
        "link": {"href": f"{page_url}#{item.section[lang][0]}", "text": html.escape(read_more(item, lang))},
    }
    if item.kind == "output":
        data.update(value=item.value, tolerance=item.tolerance, shown=html.escape(item.shown))
    else:
        data.update(choices=[inline_html(c) for c in text.choices], answer=list(item.answer))
    return data


def attr_json(data: dict) -> str:
    """JSON for an HTML attribute. Python-Markdown writes an attribute's "&quot;" back as it is, so a JSON value
    holding "&quot;" would reach the browser as '"': the JSON carries every & as \\u0026 instead."""
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":")).replace("&", "\\u0026")
    return html.escape(text, quote=True)


def escape_md(text: str) -> str:
    return re.sub(r"([\\`*_\[\]<>])", r"\\\1", text)


def answer_markdown(item: Item, lang: str) -> str:
    t = TEXT[lang]
    if item.kind == "output":
        return f"`{item.shown}`, {t['printed'].format(snippet=item.snippet)}."
    letters = [LETTERS[i] for i in item.answer]
    return (letters[0] if len(letters) == 1 else ", ".join(letters[:-1]) + f" {t['and']} " + letters[-1]) + "."


def section_markdown(quiz: Quiz, lang: str) -> str:
    """The "Check yourself" section: a numbered list, each answer in a collapsible block, items as JSON."""
    t = TEXT[lang]
    data = {"items": [item_data(quiz, i, lang) for i in range(len(quiz.items))]}
    out = [f"## {t['heading']} {{#{ANCHOR}}}", "", f'<div class="quiz" data-quiz="{attr_json(data)}" markdown>', ""]
    out += [t["intro"].format(n=len(quiz.items)), "", '<div class="quiz-static" markdown>', ""]
    for n, item in enumerate(quiz.items, 1):
        text = item.text[lang]
        hint = f" *{t['select_all']}*" if item.kind == "multiple" else ""
        out += [f"{n}. {text.question}{hint}", ""]
        out += [f"    - {LETTERS[i]}. {choice}" for i, choice in enumerate(text.choices)]
        link = f"[{escape_md(read_more(item, lang))}](#{item.section[lang][0]})"
        out += ["", f'    ??? quiz-answer "{t["show"]}"', f"        **{t['answer']}:** {answer_markdown(item, lang)}"]
        out += ["", f"        {text.explanation} {link}", ""]
    return "\n".join([*out, "</div>", "", "</div>", ""])


def practice_markdown(quizzes: dict[str, Quiz], lang: str, urls: dict[str, str]) -> str:
    """The practice test: every item in `lang` as JSON, and links to each page's quiz for readers without JS.

    `urls` maps each question page's slug to its URL relative to the practice page.
    """
    items, topics = [], []
    for quiz in quizzes.values():
        topics.append({"n": quiz.number, "title": html.escape(quiz.title[lang]), "href": f"{urls[quiz.slug]}#{ANCHOR}"})
        items += [item_data(quiz, i, lang, urls[quiz.slug]) for i in range(len(quiz.items))]
    data = {"key": f"quiz-practice-{lang}", "topics": topics, "items": items}
    out = [f'<div class="quiz-practice" data-quiz-practice="{attr_json(data)}" markdown>', ""]
    out += ['<div class="quiz-static" markdown>', "", TEXT[lang]["no_js"], ""]
    out += [f"- [{escape_md(q.title[lang])}]({q.slug}.md#{ANCHOR})" for q in quizzes.values()]
    return "\n".join([*out, "", "</div>", "", "</div>", ""])


def apply(markdown: str, lang: str, slug: str, quizzes: dict[str, Quiz], urls: dict[str, str]) -> str:
    """A question page gets its quiz at the end; a practice page gets the test in place of its marker."""
    if PRACTICE_MARKER in markdown:
        return markdown.replace(PRACTICE_MARKER, practice_markdown(quizzes, lang, urls))
    if slug in quizzes:
        return markdown.rstrip("\n") + "\n\n" + section_markdown(quizzes[slug], lang)
    return markdown


def page_slug(file) -> str:
    """q03-parameters for docs/sv/q03-parameters.md."""
    return file.src_uri.removesuffix(".md")


def page_urls(page, files) -> dict[str, str]:
    """Each question page's URL relative to `page`, in the language being built."""
    pages = [f for f in files.documentation_pages() if re.fullmatch(r"q\d\d-.+", page_slug(f))]
    return {page_slug(f): f.url_relative_to(page.file) for f in pages}
