"""Issue 14 in a real browser, from disk with the network blocked: write an answer and compare it with the key
points, exam mode from choosing the questions to the downloaded file, and the "next up" list after a poor result."""

import pytest
from test_quiz_browser import assert_no_axe_violation, data, strings
from test_ui import PHONE

from sitebuild import LANGS, lang_dir

QUESTION = "q07-dropout.html"
PRACTICE = "practice.html"


@pytest.mark.parametrize("lang", LANGS)
def test_answer_is_kept_compared_and_graded_across_reloads(offline, lang):
    tab = offline.open(lang_dir(lang) + QUESTION)
    box = data(tab, ".open-answer", "openAnswer")
    ui, points = strings(tab, "exam"), box["points"]
    assert tab.locator(".open-answer-static").is_hidden()
    answer = tab.get_by_label(ui["answer_label"], exact=True)
    text = "Dropout nollställer enheter under träningen och motverkar överanpassning."
    if lang == "en":
        text = "Dropout zeroes units during training and counters overfitting."
    answer.fill(text)
    assert ui["terms_found"] in tab.locator(".open-answer__terms").inner_text()
    assert tab.locator(".open-answer__terms a").count() >= 2  # dropout, and overfitting / överanpassning
    tab.reload()
    assert answer.input_value() == text, "the answer is kept as it is typed"

    compare = tab.get_by_role("button", name=ui["compare"])
    assert compare.get_attribute("aria-expanded") == "false" and tab.locator(".checklist").is_hidden()
    compare.click()
    checks = tab.locator(".checklist input[type=checkbox]")
    assert checks.count() == len(points) >= 3
    assert tab.locator(".checklist__point label").all_inner_texts() == [
        tab.evaluate(
            "h => { const d = document.createElement('div'); d.innerHTML = h; return d.textContent; }", p["text"]
        )
        for p in points
    ]
    checks.nth(0).check()
    checks.nth(2).check()
    score = ui["score"].format(score=2, total=len(points))
    assert tab.locator(".open-answer__score").inner_text() == score
    tab.reload()
    assert tab.locator(".open-answer__score").inner_text() == score, "ticks and score survive a reload"
    assert [checks.nth(i).is_checked() for i in range(3)] == [True, False, True]
    tab.get_by_role("button", name=ui["done"]).click()
    assert tab.locator(".open-answer__graded").inner_text() == ui["graded"].format(score=2, total=len(points))
    box7 = tab.evaluate("JSON.parse(localStorage.getItem('dl-study'))['7']")
    assert box7["box"] == 1 and box7["ratio"] == pytest.approx(2 / len(points))
    assert_no_axe_violation(tab, f"{lang_dir(lang)}{QUESTION} with the key points open")


@pytest.mark.parametrize("lang", LANGS)
def test_exam_mode_end_to_end_with_its_downloaded_file(offline, lang):
    tab = offline.open(lang_dir(lang) + PRACTICE)
    exam = data(tab, ".exam", "exam")
    ui, questions = strings(tab, "exam"), {q["n"]: q for q in exam["questions"]}
    live = tab.locator(".exam-live")
    live.get_by_role("button", name=ui["none"], exact=True).click()
    live.get_by_role("button", name=ui["start"]).click()
    assert live.get_by_role("alert").inner_text() == ui["no_questions"]
    for n in (5, 13):
        live.get_by_label(f"{n}. ", exact=False).first.check()
    live.get_by_label(ui["minutes"]).fill("30")
    live.get_by_role("button", name=ui["start"]).click()
    assert live.locator(".exam-question").count() == 2
    assert "EarlyStopping(patience = 5)" in live.locator(".exam-question pre").first.inner_text()
    assert live.get_by_role("timer").inner_text().startswith(ui["time_left"].split("{")[0])
    answers = {5: "A Sequential model with Dropout\nand EarlyStopping.", 13: "GPUs run many operations in parallel."}
    areas = live.locator("textarea")
    for i, n in enumerate(answers):
        areas.nth(i).fill(answers[n])
    tab.reload()  # the exam in progress survives a reload
    live.get_by_role("button", name=ui["resume"]).click()
    assert [live.locator("textarea").nth(i).input_value() for i in range(2)] == list(answers.values())

    live.get_by_role("button", name=ui["finish"]).click()
    assert live.locator(".exam-answer").all_inner_texts() == list(answers.values())
    sections = live.locator(".exam-question")
    sections.nth(0).locator("input[type=checkbox]").nth(0).check()
    sections.nth(0).locator("input[type=checkbox]").nth(1).check()
    assert live.locator(".exam-question button").count() == 0, "the summary button comes after the questions"
    live.get_by_role("button", name=ui["summary"]).click()
    summary = live.locator(".exam-summary")
    total = len(questions[5]["points"]) + len(questions[13]["points"])
    assert ui["total"].format(score=2, total=total) in summary.inner_text()
    rows = summary.locator("tbody tr")
    assert rows.count() == 2 and rows.nth(0).locator("td").nth(1).inner_text() == f"2/{len(questions[5]['points'])}"
    assert rows.nth(1).locator("td a").count() >= 2, "sections to read again, for the key points missed"

    with tab.expect_download() as caught:
        summary.get_by_role("button", name=ui["download"]).click()
    file = caught.value
    assert file.suggested_filename.startswith(f"exam-{lang}-") and file.suggested_filename.endswith(".md")
    text = open(file.path(), encoding="utf-8").read()
    assert text.startswith(f"# {ui['file_title']}\n") and f"\n{ui['file_time']}: " in text
    assert f"\n## {questions[5]['title']}\n" in text and f"\n## {questions[13]['title']}\n" in text
    assert answers[5] in text and answers[13] in text and "```\nn_cols = X_train.shape[1]" in text
    assert "`" + "Sequential" + "`" in text, "inline code of the key points keeps its backticks"
    assert text.count("- [x] ") == 2 and text.count("- [ ] ") == total - 2
    assert ui["total"].format(score=2, total=total) in text
    record = tab.evaluate("JSON.parse(localStorage.getItem('dl-study'))")
    assert sorted(record) == ["13", "5"] and record["13"]["box"] == 1
    assert_no_axe_violation(tab, f"{lang_dir(lang)}{PRACTICE} after an exam")


@pytest.mark.parametrize("lang", LANGS)
def test_next_up_puts_a_poor_result_first_and_reset_clears_it(offline, lang):
    tab = offline.open(lang_dir(lang) + "index.html")
    first = tab.locator(".next-up__list li a").first
    ui = strings(tab, "exam")
    assert tab.locator(".next-up__list li").count() == 5 and first.inner_text().startswith("1.")
    assert tab.locator(".next-up__note").inner_text() == ui["next_heading_none"]
    offline.follow(tab, tab.locator(".md-content a[href='q07-dropout.html']").first)
    tab.get_by_role("button", name=strings(tab, "exam")["compare"]).click()
    tab.get_by_role("button", name=strings(tab, "exam")["done"]).click()  # nothing ticked: a poor result
    tab.goto(offline.url(lang_dir(lang) + "q01-ai-ml-dl.html"))
    tab.get_by_role("button", name=strings(tab, "exam")["compare"]).click()
    for check in tab.locator(".checklist input").all():
        check.check()
    tab.get_by_role("button", name=strings(tab, "exam")["done"]).click()  # every key point: a good result
    tab.get_by_role("button", name=strings(tab, "exam")["done"]).click()  # saved again before it is due: no second box
    assert tab.evaluate("JSON.parse(localStorage.getItem('dl-study'))['1'].box") == 2
    tab.goto(offline.url(lang_dir(lang) + "index.html"))
    titles = tab.locator(".next-up__list li a").all_inner_texts()
    assert titles[0].startswith("7.") and "(" + ui["next_weak"].split(" (")[0] in tab.inner_text(".next-up")
    assert [t.split(".")[0] for t in titles] == ["7", "2", "3", "4", "5"], "a good result waits for its review day"
    tab.goto(offline.url(lang_dir(lang) + PRACTICE))
    assert tab.locator(".next-up__list li a").first.inner_text().startswith("7.")
    tab.get_by_role("button", name=strings(tab, "quiz")["reset"]).click()
    assert tab.evaluate("Object.keys(localStorage).filter(k => k.startsWith('dl-'))") == []
    assert tab.locator(".next-up__list li a").first.inner_text().startswith("1.")


@pytest.mark.parametrize("lang", LANGS)
def test_without_javascript_the_key_points_are_readable(offline, lang):
    tab = offline.open(lang_dir(lang) + QUESTION, java_script_enabled=False)
    static = tab.locator(".open-answer-static")
    assert static.is_visible() and tab.locator(".open-answer-live").is_hidden()  # no form that cannot work
    points = static.locator("details li")
    static.locator("summary").click()
    assert points.count() >= 3 and points.first.locator("a").is_visible()
    practice = offline.open(lang_dir(lang) + PRACTICE, java_script_enabled=False)
    assert practice.locator(".exam-static a").count() == 13 and practice.locator(".next-up-static").is_visible()


def test_exam_fits_a_phone(offline):
    tab = offline.open(PRACTICE, **PHONE)
    ui = strings(tab, "exam")
    tab.locator(".exam-live").get_by_role("button", name=ui["start"]).click()
    width = tab.evaluate("[document.documentElement.scrollWidth, document.documentElement.clientWidth]")
    assert width[0] <= width[1], f"exam mode scrolls sideways on a phone: {width}"
