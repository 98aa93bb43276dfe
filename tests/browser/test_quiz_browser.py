"""Issue 8 in a real browser, from disk with the network blocked: "Check yourself" on a question page and the
practice test, answered right and wrong, by mouse and by keyboard, with and without JavaScript; axe after answering."""

import html
import json
import re

import pytest
from test_a11y import AXE, PALETTES, RUN_AXE, WCAG_21_AA, choose_palette
from test_ui import PHONE

from sitebuild import LANGS, lang_dir
from sitebuild.checks.links import read_page, resolve

QUIZ_PAGE = "q03-parameters.html"  # output, single and multiple items
PRACTICE = "practice.html"


def strings(tab, script: str) -> dict:
    """The strings a script shows (`quiz` or `exam`), as the page loaded them from its site's site-text.js."""
    return tab.evaluate(f"window.SiteText.{script}")


def data(tab, selector: str, key: str) -> dict:
    """The JSON that sitebuild/generate/quiz.py wrote into the page for quiz.js."""
    return tab.evaluate(f"JSON.parse(document.querySelector('{selector}').dataset.{key})")


def typed(value: float, lang: str) -> str:
    """A number as a reader in that language might type it: 7 850, 1,25 (sv) or 1.25 (en)."""
    text = f"{int(value):,}".replace(",", " ") if value == int(value) else f"{value:g}"
    return text.replace(".", ",") if lang == "sv" else text


def answer(block, item: dict, lang: str, right: bool) -> None:
    """Answer one item inside `block` rightly or wrongly, as a reader would."""
    inputs = block.locator("input")
    if item["kind"] == "output":
        inputs.fill(typed(item["value"] if right else item["value"] + 1 + 2 * item["tolerance"], lang))
        return
    wrong = next(i for i in range(len(item["choices"])) if i not in item["answer"])
    chosen = item["answer"] if right else [wrong]
    for i in range(len(item["choices"])):
        if item["kind"] == "multiple":
            inputs.nth(i).set_checked(i in chosen)
        elif i in chosen:
            inputs.nth(i).check()


def assert_no_axe_violation(tab, what: str) -> None:
    tab.add_script_tag(url=AXE)
    report = []
    for palette, scheme in PALETTES.items():
        choose_palette(tab, scheme)
        violations = tab.evaluate(RUN_AXE, {"tags": WCAG_21_AA})
        report += [f"{what} ({palette}): {v['id']} {v['help']}: {v['nodes']}" for v in violations]
    assert not report, "axe-core violations:\n" + "\n".join(report)


@pytest.mark.parametrize("lang", LANGS)
def test_check_yourself_marks_wrong_and_right_answers(offline, lang):
    tab = offline.open(lang_dir(lang) + QUIZ_PAGE)
    quiz = data(tab, ".quiz", "quiz")
    ui, forms = strings(tab, "quiz"), tab.locator("form.quiz-item")
    assert tab.locator(".quiz-static").is_hidden() and forms.count() == len(quiz["items"])
    for n, item in enumerate(quiz["items"]):
        form, feedback = forms.nth(n), forms.nth(n).locator(".quiz-feedback")
        assert form.locator("fieldset > legend").count() == 1 and feedback.get_attribute("aria-live") == "polite"
        form.get_by_role("button").click()
        assert feedback.inner_text() == (ui["type_first"] if item["kind"] == "output" else ui["choose_first"])
        answer(form, item, lang, right=False)
        form.get_by_role("button").click()
        assert feedback.inner_text().startswith(ui["wrong"]), f"item {n + 1}: {feedback.inner_text()!r}"
        href = feedback.locator("a").get_attribute("href")
        assert href.startswith("#") and tab.locator(f"[id='{href[1:]}']").count() == 1, href
        answer(form, item, lang, right=True)
        form.get_by_role("button").click()
        assert feedback.inner_text().startswith(ui["right"]), f"item {n + 1}: {feedback.inner_text()!r}"
    assert_no_axe_violation(tab, f"{lang_dir(lang)}{QUIZ_PAGE} after answering")


def test_check_yourself_works_from_the_keyboard(offline):
    tab = offline.open(QUIZ_PAGE)
    quiz = data(tab, ".quiz", "quiz")
    kinds = [item["kind"] for item in quiz["items"]]
    single, output = kinds.index("single"), kinds.index("output")
    form = tab.locator("form.quiz-item").nth(single)
    right = quiz["items"][single]["answer"][0]
    form.locator("input").first.focus()
    for key in ["ArrowDown"] * right or ["Space"]:  # arrows move through a radio group and select
        tab.keyboard.press(key)
    tab.keyboard.press("Tab")  # leaves the group for the button
    assert tab.evaluate("document.activeElement.type") == "submit"
    tab.keyboard.press("Enter")
    assert form.locator(".quiz-feedback").inner_text().startswith(strings(tab, "quiz")["right"])
    form = tab.locator("form.quiz-item").nth(output)
    form.locator("input").focus()
    tab.keyboard.type(typed(quiz["items"][output]["value"], "sv"))
    tab.keyboard.press("Enter")  # submits the item's form
    assert form.locator(".quiz-feedback").inner_text().startswith(strings(tab, "quiz")["right"])


@pytest.mark.parametrize("lang", LANGS)
def test_practice_test_scores_keeps_and_resets(offline, lang):
    tab = offline.open(lang_dir(lang) + PRACTICE)
    practice = data(tab, ".quiz-practice", "quizPractice")
    ui, key = strings(tab, "quiz"), practice["key"]
    items, topics = {i["id"]: i for i in practice["items"]}, {t["n"]: t for t in practice["topics"]}
    saved, result = tab.locator(".quiz-practice__saved"), tab.locator(".quiz-practice__result")
    assert saved.inner_text() == ui["none_saved"] and saved.get_attribute("aria-live") == "polite"

    tab.get_by_role("button", name=ui["start"]).click()
    blocks = tab.locator(".quiz-practice__test .quiz-item")
    drawn = [items[blocks.nth(i).get_attribute("data-item")] for i in range(blocks.count())]
    assert sorted(item["topic"] for item in drawn) == sorted(topics) == list(range(1, 14)), "one item per topic"
    for i, item in enumerate(drawn):
        answer(blocks.nth(i), item, lang, right=i > 0)
    tab.get_by_role("button", name=ui["submit"]).click()
    total = len(drawn)
    assert ui["score"].format(score=total - 1, total=total) in result.inner_text()
    assert tab.evaluate("document.activeElement.classList.contains('quiz-practice__result')")
    assert result.locator("a").evaluate_all("as => as.map(a => a.getAttribute('href'))") == [
        topics[drawn[0]["topic"]]["href"]
    ]
    verdicts = blocks.locator(".quiz-feedback strong").all_inner_texts()
    assert verdicts == [ui["wrong"]] + [ui["right"]] * (total - 1)
    attempts = tab.evaluate(f"JSON.parse(localStorage.getItem('{key}')).attempts")
    assert [(a["score"], a["total"]) for a in attempts] == [(total - 1, total)]

    tab.get_by_role("button", name=ui["again"]).click()  # a new draw, handed in blank
    tab.get_by_role("button", name=ui["submit"]).click()
    assert ui["score"].format(score=0, total=total) in result.inner_text()
    assert result.locator("a").count() == total
    tab.reload()  # the scores stay in this browser
    best = {"best": total - 1, "best_total": total}
    assert saved.inner_text() == ui["saved"].format(last=0, last_total=total, count=2, **best)

    tab.get_by_role("button", name=ui["reset"]).click()
    assert saved.inner_text() == ui["cleared"] and tab.evaluate(f"localStorage.getItem('{key}')") is None
    tab.reload()
    assert saved.inner_text() == ui["none_saved"]


def test_practice_page_passes_axe_and_fits_a_phone_after_marking(offline):
    tab = offline.open(PRACTICE, **PHONE)
    tab.get_by_role("button", name=strings(tab, "quiz")["start"]).click()
    tab.get_by_role("button", name=strings(tab, "quiz")["submit"]).click()
    width = tab.evaluate("[document.documentElement.scrollWidth, document.documentElement.clientWidth]")
    assert width[0] <= width[1], f"the practice test scrolls sideways on a phone: {width}"
    assert_no_axe_violation(tab, f"{PRACTICE} after marking")


@pytest.mark.parametrize("lang", LANGS)
def test_without_javascript_the_answers_are_in_collapsible_blocks(offline, lang):
    tab = offline.open(lang_dir(lang) + QUIZ_PAGE, java_script_enabled=False)
    static = tab.locator(".quiz-static")
    assert static.is_visible() and tab.locator("form.quiz-item").count() == 0
    details = static.locator("details")
    assert details.count() == static.locator(":scope > ol > li").count() >= 3
    assert not details.first.evaluate("d => d.open")
    details.first.locator("summary").click()
    assert details.first.locator("a").is_visible()
    practice = offline.open(lang_dir(lang) + PRACTICE, java_script_enabled=False)
    assert practice.locator(".quiz-static a").count() == 13


@pytest.mark.parametrize("lang", LANGS)
def test_every_practice_link_lands(site, lang):
    """Each item's "read more" link and each topic link reaches a page and an element with that id."""
    page = lang_dir(lang) + PRACTICE
    attribute = re.search(r'data-quiz-practice="([^"]*)"', (site / page).read_text(encoding="utf-8"))[1]
    practice = json.loads(html.unescape(attribute))
    hrefs = [item["link"]["href"] for item in practice["items"]] + [t["href"] for t in practice["topics"]]
    landing = [resolve(page, href) for href in hrefs]
    missing = [
        h for h, (target, anchor) in zip(hrefs, landing, strict=True) if anchor not in read_page(site, target).ids
    ]
    assert not missing, f"{page}: links that land nowhere: {missing}"
