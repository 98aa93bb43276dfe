"""Exam practice with open answers: short answers of exam length, key points per question, the answer box on each
question page, exam mode and the "next up" list (sitebuild/generate/exam.py, sitebuild/checks/words.py)."""

import html
import json
import re

import pytest

from sitebuild import LANGS, page_file
from sitebuild.checks import words
from sitebuild.generate import exam, quiz

QUIZZES = quiz.load_all()
PAGES = [(lang, slug) for lang in LANGS for slug in QUIZZES]


def data(markdown: str, attribute: str) -> dict:
    return json.loads(html.unescape(re.search(rf'{attribute}="([^"]*)"', markdown)[1]))


def source(lang: str, slug: str) -> str:
    return page_file(slug, lang).read_text(encoding="utf-8")


URLS = {slug: f"{slug}.html" for slug in QUIZZES}  # each question page, seen from a page beside it


@pytest.mark.parametrize(("lang", "slug"), PAGES)
def test_short_answer_is_exam_length(lang, slug):
    page = page_file(slug, lang)
    count, most = words.count(words.short_answer(source(lang, slug), lang)), words.limit(page)
    assert count <= most, f"docs/{lang}/{slug}.md: the short answer has {count} words, at most {most}"


def test_words_are_counted_as_a_reader_reads_them():
    text = "[Dropout](glossary.md#dropout) sets `rate` to 0.2 <!-- not read --> {#id} – 1/(1 − rate) **done**.\n"
    assert words.count(text) == 8  # Dropout, sets, rate, to, 0.2, "1/(1", "rate)", done: "–" and "−" are no words
    assert words.limit(page_file("q05-keras-model", "en")) == 200 and words.limit(page_file("q07-dropout", "sv")) == 100
    with pytest.raises(words.LengthError, match="no '## Short answer' heading"):
        words.short_answer("# 1. T\n\n## Answer\n", "en")


@pytest.mark.parametrize("slug", QUIZZES)
def test_key_points_are_three_to_six_and_link_sections_of_both_twins(slug):
    points = QUIZZES[slug].keypoints
    assert 3 <= len(points) <= 6
    for lang in LANGS:
        ids = [heading_id for heading_id, _ in quiz.headings(page_file(slug, lang))]
        assert all(point.section[lang][0] in ids and point.text[lang].strip() for point in points)
    english = [p.section["en"] for p in points]
    swedish = [p.section["sv"] for p in points]
    assert [quiz.headings(page_file(slug, "en")).index(s) for s in english] == [
        quiz.headings(page_file(slug, "sv")).index(s) for s in swedish
    ], "the twins' key points link headings at the same position"


@pytest.mark.parametrize("lang", LANGS)
def test_question_page_gets_the_answer_box_before_its_short_answer(lang):
    slug = "q07-dropout"
    page = exam.apply(source(lang, slug), lang, slug, QUIZZES, URLS, "glossary.html", lambda: pytest.fail("unused"))
    box, short = page.index('class="open-answer"'), page.index(words.HEADING[lang])
    assert page.index("!!! question") < page.index(f"{{#{exam.ANCHOR}}}") < box < short
    box_data = data(page, "data-open-answer")
    points = QUIZZES[slug].keypoints
    assert box_data["topic"] == 7 and box_data["key"] == f"dl-answer-{lang}-q07"
    assert [p["href"] for p in box_data["points"]] == [f"#{p.section[lang][0]}" for p in points]
    assert box_data["glossary"] == "glossary.html" and "ui" not in box_data  # the strings come once per site
    form = page[box : page.index('<div class="open-answer-static"', box)]
    assert '<textarea id="answer-q07"' in form and 'aria-controls="answer-q07-points"' in form  # no shift at load
    static = page[page.index('<div class="open-answer-static"', box) :]
    static = static[: static.index("</div>")]
    assert static.count("\n    - ") == len(points), "the key points, readable without JavaScript"


def test_a_page_without_its_short_answer_heading_is_named():
    with pytest.raises(exam.ExamError, match=r"docs/en/q07-dropout\.md: no '## Short answer' heading"):
        exam.apply("# 7. Dropout\n", "en", "q07-dropout", QUIZZES, URLS, "glossary.html", dict)


@pytest.mark.parametrize("lang", LANGS)
def test_exam_mode_and_next_up_hold_every_question(lang):
    marked = f"# P\n\n{exam.NEXT_MARKER}\n\n{exam.EXAM_MARKER}\n"
    pages = {slug: source(lang, slug) for slug in QUIZZES}
    page = exam.apply(marked, lang, "practice", QUIZZES, URLS, "glossary.html", lambda: pages)
    assert exam.EXAM_MARKER not in page and exam.NEXT_MARKER not in page
    exam_data, next_data = data(page, "data-exam"), data(page, "data-next-up")
    assert [q["n"] for q in exam_data["questions"]] == [t["n"] for t in next_data["topics"]] == list(range(1, 14))
    q5 = exam_data["questions"][4]
    assert '<pre><code tabindex="0"' in q5["question"] and "EarlyStopping(patience = 5)" in html.unescape(
        q5["question"]
    )
    assert q5["points"][0]["href"].startswith("q05-keras-model.html#")
    assert page.count("\n- [") == 13, "without JavaScript: a link to each page's key points"


def test_a_page_without_its_question_box_is_named():
    pages = {slug: "# 1. T\n\n## Kort svar\n" for slug in QUIZZES}
    with pytest.raises(exam.ExamError, match=r"docs/sv/q01-ai-ml-dl\.md: no `!!! question"):
        exam.apply(exam.EXAM_MARKER, "sv", "practice", QUIZZES, URLS, "glossary.html", lambda: pages)


@pytest.mark.parametrize("lang", LANGS)
def test_site_text_holds_each_languages_strings_and_glossary_terms_once(lang):
    script = exam.site_text(lang)
    assert script.startswith("window.SiteText = ") and script.endswith(";\n")
    data = json.loads(script.removeprefix("window.SiteText = ").removesuffix(";\n"))
    assert data["exam"]["compare"] == exam.UI[lang]["compare"] and data["quiz"] == quiz.UI[lang]
    assert any("dropout" in [w.lower() for w in forms] and anchor == "dropout" for forms, anchor, _ in data["terms"])
