"""The self-check quizzes (issue 8): data files and their schema, sv/en parity, answers read from real output."""

import copy
import html
import json
import re

import pytest
import yaml
from test_build import failing_build, project

from sitebuild import DOCS, LANGS, SNIPPETS, page_file
from sitebuild.checks.parity import structure
from sitebuild.examples.fences import page_blocks
from sitebuild.examples.runner import run_file
from sitebuild.examples.snippets import includes
from sitebuild.generate import quiz

QUIZZES = quiz.load_all()
OUTPUT_ITEMS = [(q, n) for q in QUIZZES.values() for n, item in enumerate(q.items) if item.kind == "output"]
# Pages whose snippets print what depends on the reader's machine (the devices found), so no "output" item.
MACHINE_DEPENDENT = {"q13-cpu-gpu"}


def test_every_question_page_has_a_quiz_of_three_to_five_items():
    pages = sorted(p.stem for p in (DOCS / "sv").glob("q[0-9][0-9]-*.md"))
    assert list(QUIZZES) == pages
    assert all(3 <= len(q.items) <= 5 for q in QUIZZES.values())


@pytest.mark.parametrize("slug", QUIZZES)
def test_each_quiz_mixes_kinds_and_asks_about_the_page_code(slug):
    kinds = {item.kind for item in QUIZZES[slug].items}
    assert len(kinds) >= 2, f"{slug}: only {kinds}"
    page = page_file(slug, "en").read_text(encoding="utf-8")
    if any(path.startswith("snippets/output/") for _, path in includes(page)) and slug not in MACHINE_DEPENDENT:
        assert "output" in kinds, f"{slug} shows program output but has no 'predict the output' item"


@pytest.mark.parametrize("slug", QUIZZES)
def test_both_languages_ask_the_same_questions(slug):
    """Same items, kinds, answers, choice counts and linked sections, and the same Markdown structure."""
    q = QUIZZES[slug]
    data = {lang: [quiz.item_data(q, i, lang) for i in range(len(q.items))] for lang in LANGS}
    for sv, en in zip(data["sv"], data["en"], strict=True):
        assert {k: v for k, v in sv.items() if k in ("id", "kind", "answer", "value", "tolerance", "shown")} == {
            k: v for k, v in en.items() if k in ("id", "kind", "answer", "value", "tolerance", "shown")
        }
        assert len(sv.get("choices", [])) == len(en.get("choices", []))
    for item in q.items:  # the linked sections sit at the same place in the twins
        ids = {lang: [hid for hid, _ in quiz.headings(page_file(slug, lang))] for lang in LANGS}
        assert ids["sv"].index(item.section["sv"][0]) == ids["en"].index(item.section["en"][0])
    sv, en = (quiz.section_markdown(q, lang) for lang in LANGS)
    assert structure(sv) == structure(en)
    for marker in ("\n    - ", "??? quiz-answer", "](#"):
        assert sv.count(marker) == en.count(marker), marker


@pytest.mark.parametrize(("q", "n"), OUTPUT_ITEMS, ids=[f"{q.slug}-{n + 1}" for q, n in OUTPUT_ITEMS])
def test_output_answer_is_what_the_snippet_prints(q, n):
    """The answer comes from the output the page shows under the snippet, which tests/test_snippets.py checks
    against a fresh run of it, so a changed snippet cannot leave a stale answer."""
    item = q.items[n]
    for lang in LANGS:
        snippet = SNIPPETS / f"{item.snippet}.py"
        shown = [b for b in page_blocks(page_file(q.slug, lang)) if b.source == snippet]
        where = f"docs/{lang}/{q.slug}.md"
        assert shown and shown[0].expected is not None, f"{where} shows {item.snippet}.py without output"
        printed = quiz.read_output(item.snippet, item.pattern, shown[0].expected)
        assert printed.strip() == item.shown and quiz.number(printed) == item.value


@pytest.mark.slow
def test_output_answer_is_read_from_a_fresh_run(tmp_path):
    snippet = tmp_path / "q99_summary.py"
    snippet.write_text('print("Total params: 7,850 (30.66 KB)")\nprint("Trainable params: 7,850")\n')
    printed = quiz.read_output("q99_summary", r"Total params: ([\d,]+)", run_file(snippet).stdout)
    assert printed == "7,850" and quiz.number(printed) == 7850


def test_numbers_are_read_as_programs_print_them():
    assert [quiz.number(t) for t in ("7,850", "0.9750", "1e-05", "-3", "13")] == [7850, 0.975, 1e-05, -3, 13]
    assert quiz.number("(2, 4)") is None and quiz.number("True") is None


def good_item(**changes) -> dict:
    item = {
        "kind": "single",
        "section": "counting-the-parameters",
        "answer": "B",
        "sv": {"question": "Fråga?", "choices": ["a", "b", "c"], "explanation": "Förklaring."},
        "en": {"question": "Question?", "choices": ["a", "b", "c"], "explanation": "Explanation."},
    }
    return {**item, **changes}


OUTPUT_ITEM = good_item(kind="output", output={"snippet": "q03_parameters", "pattern": r"Total params: ([\d,]+)"})
for _lang in LANGS:
    OUTPUT_ITEM[_lang] = {k: v for k, v in OUTPUT_ITEM[_lang].items() if k != "choices"}
del OUTPUT_ITEM["answer"]


def good_point(n: int) -> dict:
    return {"section": "counting-the-parameters", "sv": f"Punkt {n}.", "en": f"Point {n}."}


def edited(path, value):
    """A copy of a good file with one field set (value None: removed); path like ("items", 1, "sv", "choices")."""
    items = [good_item(), OUTPUT_ITEM, good_item(kind="multiple", answer=["A", "C"])]
    data = copy.deepcopy({"keypoints": [good_point(n) for n in range(3)], "items": items})
    *parents, last = path
    target = data
    for key in parents:
        target = target[key]
    if value is None:
        del target[last]
    else:
        target[last] = value
    return data


BAD_FILES = {
    "missing answer": (edited(("items", 0, "answer"), None), "items[0].answer: missing"),
    "missing explanation": (edited(("items", 2, "sv", "explanation"), None), "items[2].sv.explanation: missing"),
    "unknown field": (edited(("items", 0, "hint"), "x"), "items[0].hint: unknown field"),
    "unknown kind": (edited(("items", 0, "kind"), "essay"), "items[0].kind: 'essay' is not one of"),
    "too few items": (edited(("items",), [good_item()]), "items: [{"),
    "no key points": (edited(("keypoints",), None), "keypoints: missing"),
    "too few key points": (edited(("keypoints",), [good_point(1)]), "keypoints: [{"),
    "too many key points": (edited(("keypoints",), [good_point(n) for n in range(7)]), "keypoints: [{"),
    "key point in one language": (edited(("keypoints", 1, "en"), None), "keypoints[1].en: missing"),
    "key point section": (edited(("keypoints", 2, "section"), "nope"), "keypoints[2].section: no heading 'nope'"),
    "link in key point": (edited(("keypoints", 0, "sv"), "Se [här](x.md)."), "keypoints[0].sv: no links"),
    "answer out of range": (edited(("items", 0, "answer"), "E"), "items[0].answer: 'E', but there are only 3 choices"),
    "list for single": (edited(("items", 0, "answer"), ["A"]), "items[0].answer: ['A'] is not of type 'string'"),
    "choices differ": (edited(("items", 0, "en", "choices"), ["a", "b"]), "items[0].en.choices: 2 choices, but sv"),
    "no such section": (edited(("items", 0, "section"), "nope"), "items[0].section: no heading 'nope' on docs/en/q03"),
    "link in text": (edited(("items", 0, "sv", "question"), "Se [här](x.md)?"), "items[0].sv.question: no links"),
    "choices on output": (edited(("items", 1, "sv", "choices"), ["a", "b"]), "items[1].sv.choices: not allowed"),
    "pattern finds nothing": (
        edited(("items", 1, "output", "pattern"), "Nope: (\\d+)"),
        "items[1].output.pattern: no match in snippets/output/q03_parameters.txt",
    ),
    "pattern finds no number": (edited(("items", 1, "output", "pattern"), "(kernel)"), "found 'kernel'"),
    "snippet not on the page": (
        edited(("items", 1, "output", "snippet"), "q05_model"),
        "items[1].output.snippet: q05_model.py is not shown on docs/sv/q03-parameters.md",
    ),
}


@pytest.mark.parametrize("case", BAD_FILES)
def test_malformed_quiz_file_names_file_and_field(tmp_path, case):
    data, expected = BAD_FILES[case]
    path = tmp_path / "q03.yml"
    path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    with pytest.raises(quiz.QuizError) as err:
        quiz.load(path)
    assert str(err.value).startswith(f"{path}: ") and expected in str(err.value)


def test_the_good_file_above_loads(tmp_path):
    path = tmp_path / "q03.yml"
    path.write_text(yaml.safe_dump(edited(("items", 0, "answer"), "C"), allow_unicode=True), encoding="utf-8")
    loaded = quiz.load(path)
    assert [i.kind for i in loaded.items] == ["single", "output", "multiple"] and loaded.items[1].value == 7850
    assert [p.text["en"] for p in loaded.keypoints] == ["Point 0.", "Point 1.", "Point 2."]
    assert loaded.keypoints[0].section["en"][0] == "counting-the-parameters"


def test_unreadable_and_misnamed_files_are_named(tmp_path):
    (tmp_path / "q03.yml").write_text("items: [unclosed\n", encoding="utf-8")
    with pytest.raises(quiz.QuizError, match=r"q03\.yml: cannot read"):
        quiz.load(tmp_path / "q03.yml")
    with pytest.raises(quiz.QuizError, match=r"q99\.yml: no question page docs/sv/q99-\*\.md"):
        quiz.load(tmp_path / "q99.yml")


def test_malformed_quiz_fails_the_build_naming_file_and_field(tmp_path, capfd):
    pages = {"sv/index.md": "# A\n", "en/index.md": "# A\n"}
    pages |= {"sv/q03-p.md": "# 3. P\n\n## Kort svar\n", "en/q03-p.md": "# 3. P\n\n## Short answer\n"}
    config = project(tmp_path, pages)
    bad = edited(("items", 0, "answer"), None)
    for item in bad["items"] + bad["keypoints"]:
        item["section"] = "short-answer"
    (tmp_path / "docs" / "_quiz").mkdir()
    (tmp_path / "docs" / "_quiz" / "q03.yml").write_text(yaml.safe_dump(bad), encoding="utf-8")
    assert "_quiz/q03.yml: items[0].answer: missing" in failing_build(config, capfd)


def test_question_page_gets_the_section_and_the_practice_page_the_test():
    q = QUIZZES["q03-parameters"]
    page = quiz.apply("# 3. P\n", "en", q.slug, QUIZZES, {})
    assert page.startswith("# 3. P\n\n## Check yourself {#self-check}\n")
    data = json.loads(html.unescape(re.search(r'data-quiz="([^"]*)"', page)[1]))
    assert [item["id"] for item in data["items"]] == [f"q03-{n}" for n in range(1, len(q.items) + 1)]
    assert data["items"][0]["link"]["href"] == "#counting-the-parameters"
    urls = {slug: f"{slug}.html" for slug in QUIZZES}
    practice = quiz.apply(f"# T\n\n{quiz.PRACTICE_MARKER}\n", "sv", "practice", QUIZZES, urls)
    data = json.loads(html.unescape(re.search(r'data-quiz-practice="([^"]*)"', practice)[1]))
    assert len(data["topics"]) == len(QUIZZES) and len(data["items"]) == sum(len(q.items) for q in QUIZZES.values())
    assert data["items"][0]["link"]["href"].startswith("q01-ai-ml-dl.html#")
    assert quiz.apply("# Other\n", "sv", "glossary", QUIZZES, urls) == "# Other\n"


# --- numbers in explanations are what the page's code prints ------------------------------------------
def explanation_numbers(item, lang: str) -> list[str]:
    """Numbers an explanation states that its question does not set: decimals, and numbers with a unit."""
    from sitebuild.checks.prose import NUMBER, checked, value, without_code

    text, question = item.text[lang].explanation, item.text[lang].question + " ".join(item.text[lang].choices)
    given = {value(n, lang) for n in NUMBER[lang].findall(without_code(question))}
    prose = without_code(text)
    stated = checked(text, lang) + [n for n in NUMBER[lang].findall(prose) if "." in value(n, lang)]
    return [n for n in dict.fromkeys(stated) if value(n, lang) not in given and not reference_or_term(n, prose)]


def reference_or_term(n: str, text: str) -> bool:
    """A section or version (Goodfellow 7.8, Keras 3.15.1), or a term of a sum written out (7,936 + 65,792 = ...)."""
    n = re.escape(n)
    reference = re.search(rf"(?:avsnitt|section|kap\.|ch\.|Keras|TensorFlow)[ \u00a0]+{n}", text)
    term = re.search(rf"{n}[ \u00a0\u202f]*[+·×*−/]|[+·×*−/(][ \u00a0\u202f]*{n}", text)
    return bool(reference or term)


@pytest.mark.parametrize("slug", QUIZZES)
@pytest.mark.parametrize("lang", LANGS)
def test_numbers_in_explanations_come_from_the_pages_outputs(slug, lang):
    from sitebuild.checks.prose import embedded_numbers, matches, value

    pool = embedded_numbers(page_file(slug, lang))
    wrong = [
        f"docs/_quiz/q{QUIZZES[slug].number:02d}.yml items[{i}].{lang}.explanation: {n}"
        for i, item in enumerate(QUIZZES[slug].items)
        for n in explanation_numbers(item, lang)
        if not matches(value(n, lang), pool, percent=True)  # as printed, or × 100
    ]
    assert not wrong, "numbers that no output or snippet of the page prints:\n  " + "\n  ".join(wrong)
