"""Open answers: write your own answer, compare it with the key points, exam mode, and what to practise next.

The key points come from docs/_quiz/qNN.yml (read by quiz.py). `apply` puts three kinds of block into the pages,
each a container whose JSON docs/theme/assets/study.js builds the interactive form from, around what a reader
without JavaScript gets:

- every question page, before its short answer: "Write your answer", with the key points as a collapsible list;
- the practice page's EXAM_MARKER: exam mode, every question's text and key points;
- NEXT_MARKER (home and practice pages): the questions to practise next, which the browser schedules from the
  reader's own results (study.js); without JavaScript, a line that says so.
"""

import html
import json
import re
import textwrap

import markdown as md

from sitebuild import LANGS, marker, text
from sitebuild.checks import words
from sitebuild.generate import glossary
from sitebuild.generate.quiz import UI as QUIZ_UI
from sitebuild.generate.quiz import Quiz, attr_json, escape_md, inline_html

SITE_TEXT = "assets/site-text.js"  # generated into each language's site; mkdocs.yml loads it before study.js
ANCHOR = "write-your-answer"  # the section's heading id, the same in both languages
EXAM_MARKER = marker("exam", "open")
NEXT_MARKER = marker("study", "nextup")
QUESTION_BOX = re.compile(r'^!!! question "[^"\n]*"\n((?:(?: {4}.*)?\n)+)', re.M)

TEXT = {lang: text(lang, "exam") for lang in LANGS}  # the strings live in sitebuild/text/<lang>.yml
UI = {lang: text(lang, "exam_script") for lang in LANGS}  # for study.js (site_text()), which holds none of its own


class ExamError(Exception):
    """A question page lacks what exam mode needs; the message names the page."""


def question_html(page_markdown: str, where: str) -> str:
    """The question as the page's `!!! question` box asks it, as HTML (question 5's holds a code block)."""
    if not (found := QUESTION_BOX.search(page_markdown)):
        raise ExamError(f'{where}: no `!!! question "..."` box to take the question from')
    converted = md.markdown(textwrap.dedent(found[1]).strip(), extensions=["fenced_code"])
    return converted.replace("<pre><code", '<pre><code tabindex="0"')  # Material scrolls the code: reach it by keyboard


def points_data(quiz: Quiz, lang: str, page_url: str = "") -> list[dict]:
    """What study.js needs of each key point: its text and the section that explains it."""
    return [
        {
            "text": inline_html(point.text[lang]),
            "href": f"{page_url}#{point.section[lang][0]}",
            "section": html.escape(point.section[lang][1]),
        }
        for point in quiz.keypoints
    ]


def ui(lang: str) -> dict:
    """The strings study.js shows, and the "Read more" link text that the static list uses too."""
    return {**UI[lang], "read_more": TEXT[lang]["read_more"]}


def terms_data(lang: str) -> list[list]:
    """[words, anchor, term] for each glossary entry, for the hint that lists the terms an answer uses."""
    return [
        [sorted({entry.term[lang], *entry.forms[lang]}), entry.anchor, html.escape(entry.term[lang])]
        for entry in glossary.current().entries
    ]


def site_text(lang: str) -> str:
    """assets/site-text.js of a language's site: the strings of study.js and quiz.js and the glossary's terms,
    loaded once and cached, instead of repeated in the JSON of every page."""
    data = {"exam": ui(lang), "quiz": QUIZ_UI[lang], "terms": terms_data(lang)}
    return f"window.SiteText = {json.dumps(data, ensure_ascii=False, separators=(',', ':'))};\n"


def points_markdown(quiz: Quiz, lang: str, page_url: str = "") -> list[str]:
    """The key points as a Markdown list, each with its link, for readers without JavaScript and for print."""
    read_more = TEXT[lang]["read_more"]
    return [
        f"- {point.text[lang]} [{escape_md(read_more.format(section=point.section[lang][1]))}]"
        f"({page_url}#{point.section[lang][0]})"
        for point in quiz.keypoints
    ]


def answer_form_html(quiz: Quiz, lang: str) -> str:
    """The form that study.js brings to life, written into the page so that nothing moves when the script runs
    (the key points' checklist is added when Compare opens it). CSS hides it where scripting is off."""
    ui, id_ = UI[lang], f"answer-q{quiz.number:02d}"
    esc = {k: html.escape(v) for k, v in ui.items()}
    words_ = html.escape(ui["words"].format(n=0))
    return "\n".join(
        [
            '<div class="open-answer-live">',
            f'<label for="{id_}">{esc["answer_label"]}</label>',
            f'<textarea id="{id_}" rows="7" class="open-answer__text" spellcheck="true"></textarea>',
            f'<p class="open-answer__hint">{esc["saved_as_you_type"]} '
            f'<span class="open-answer__count">{words_}</span></p>',
            f'<p class="open-answer__terms">{esc["no_terms"]}</p>',
            f'<button type="button" class="md-button" aria-expanded="false" aria-controls="{id_}-points">'
            f"{esc['compare']}</button>",
            f'<div class="open-answer__compare" id="{id_}-points" hidden></div>',
            "</div>",
        ]
    )


def answer_box_markdown(quiz: Quiz, lang: str, glossary_url: str | None) -> str:
    """The "Write your answer" section of a question page; `glossary_url` is the glossary relative to it (None:
    a site without a glossary, whose answer box lists no terms)."""
    t = TEXT[lang]
    data = {
        "topic": quiz.number,
        "key": f"dl-answer-{lang}-q{quiz.number:02d}",
        "points": points_data(quiz, lang),
        "glossary": glossary_url,  # study.js links the terms of site-text.js there
    }
    out = [
        f"## {t['heading']} {{#{ANCHOR}}}",
        "",
        f'<div class="open-answer" data-open-answer="{attr_json(data)}" markdown>',
        "",
        answer_form_html(quiz, lang),
    ]
    out += ["", '<div class="open-answer-static" markdown>', "", t["intro"], ""]
    out += [f'??? keypoints "{t["points"].format(n=len(quiz.keypoints))}"', ""]
    out += ["    " + line for line in points_markdown(quiz, lang)]
    return "\n".join([*out, "", "</div>", "", "</div>", ""])


def exam_markdown(quizzes: dict[str, Quiz], pages: dict[str, str], lang: str, urls: dict[str, str]) -> str:
    """Exam mode on the practice page: `pages` maps each question page's slug to its Markdown source."""
    questions = []
    for slug, quiz in quizzes.items():
        questions.append(
            {
                "n": quiz.number,
                "title": html.escape(quiz.title[lang]),
                "href": urls[slug],
                "question": question_html(pages[slug], f"docs/{lang}/{slug}.md"),
                "points": points_data(quiz, lang, urls[slug]),
            }
        )
    data = {"lang": lang, "key": f"dl-exam-{lang}", "questions": questions}
    out = [f'<div class="exam" data-exam="{attr_json(data)}" markdown>', "", '<div class="exam-static" markdown>', ""]
    out += [TEXT[lang]["exam_no_js"], ""]
    out += [f"- [{escape_md(q.title[lang])}]({slug}.md#{ANCHOR})" for slug, q in quizzes.items()]
    return "\n".join([*out, "", "</div>", "", "</div>", ""])


def next_markdown(quizzes: dict[str, Quiz], lang: str, urls: dict[str, str]) -> str:
    """The "next up" list: every question page, which study.js orders by the reader's results."""
    topics = [{"n": q.number, "title": html.escape(q.title[lang]), "href": urls[slug]} for slug, q in quizzes.items()]
    data = {"lang": lang, "topics": topics}
    out = [f'<div class="next-up" data-next-up="{attr_json(data)}" markdown>', ""]
    return "\n".join(
        [*out, '<p class="next-up-static">', html.escape(TEXT[lang]["next_no_js"]), "</p>", "", "</div>", ""]
    )


def apply(
    markdown: str, lang: str, slug: str, quizzes: dict[str, Quiz], urls: dict[str, str], glossary_url, pages
) -> str:
    """A question page gets its answer box before the short answer; the markers get exam mode and "next up".

    `urls` maps each question page's slug to its URL relative to this page, `glossary_url` is the glossary's (None
    where the site has none); `pages` is a function of no argument that returns each question page's Markdown
    source (read only where exam mode needs it).
    """
    if slug in quizzes:
        if not (heading := words.heading(markdown, lang)):
            raise ExamError(f"docs/{lang}/{slug}.md: no '{words.HEADING[lang]}' heading to put the answer box before")
        markdown = (
            markdown[: heading.start()]
            + answer_box_markdown(quizzes[slug], lang, glossary_url)
            + "\n"
            + markdown[heading.start() :]
        )
    if EXAM_MARKER in markdown:
        markdown = markdown.replace(EXAM_MARKER, exam_markdown(quizzes, pages(), lang, urls))
    if NEXT_MARKER in markdown:
        markdown = markdown.replace(NEXT_MARKER, next_markdown(quizzes, lang, urls))
    return markdown
