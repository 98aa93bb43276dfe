"""The glossary data file, the generated glossary pages, the links to them and the tooltips."""

import markdown
import pytest

from sitebuild import DOCS, LANGS, page_file
from sitebuild.checks.parity import structure
from sitebuild.generate import glossary

GOOD_ENTRY = """\
  - anchor: {anchor}
    group: g
    sv: {{term: {sv}, def: En definition.}}
    en: {{term: {en}, def: A definition.}}
"""


def data_file(tmp_path, *entries: str, groups="groups:\n  g: {sv: Grupp, en: Group}\n"):
    path = tmp_path / "glossary.yml"
    path.write_text(groups + "terms:\n" + "".join(entries), encoding="utf-8")
    return path


@pytest.fixture(scope="module")
def terms():
    return glossary.load()


def test_at_least_forty_term_pairs(terms):
    pairs = [e for e in terms.entries if e.term["sv"].lower() != e.term["en"].lower()]
    assert len(pairs) >= 40, f"only {len(pairs)} entries have different Swedish and English terms"


def test_every_glossary_link_has_an_entry(terms):
    assert glossary.missing_anchors(DOCS, terms) == []


def test_every_entry_is_on_both_glossary_pages(terms):
    for lang in LANGS:
        page = glossary.apply(page_file("glossary", lang).read_text(encoding="utf-8"), lang, terms)
        missing = [e.anchor for e in terms.entries if f"{{#{e.anchor}}}" not in page]
        assert missing == [], f"docs/{lang}/glossary.md lacks {missing}"


def test_generated_glossary_pages_are_twins(terms):
    sv, en = (glossary.apply(page_file("glossary", lang).read_text(encoding="utf-8"), lang, terms) for lang in LANGS)
    assert structure(sv) == structure(en)
    assert sv.count("{#") == en.count("{#")


def test_used_in_lists_the_questions_that_link_the_term(tmp_path, terms):
    (tmp_path / "sv").mkdir()
    (tmp_path / "sv" / "q04-split.md").write_text("[ö](glossary.md#overfitting)\n", encoding="utf-8")
    both = "[ö](glossary.md#overfitting) [d](glossary.md#dropout)\n"
    (tmp_path / "sv" / "q06-reg.md").write_text(both, encoding="utf-8")
    page = glossary.render(terms, "sv", tmp_path)
    assert "*Används i frågorna [4](q04-split.md) och [6](q06-reg.md).*" in page
    assert "*Används i fråga [6](q06-reg.md).*" in page


def test_tooltips_cover_linked_terms_in_the_page_language(terms):
    page = "Use `dropout` here.\n\n## Dropout\n\nDropout fights overfitting: see [dropout](glossary.md#dropout).\n"
    html = markdown.markdown(glossary.apply(page, "en", terms), extensions=["abbr"])
    assert "<code>dropout</code>" in html  # code is left alone
    assert '<a href="glossary.md#dropout"><abbr title="Regularization that' in html
    assert "<abbr" not in html.split("overfitting")[1].split("see")[0]  # not linked on the page: no tooltip
    sv = glossary.tooltips("[överanpassning](glossary.md#overfitting)", "sv", terms)
    assert sv.startswith("*[överanpassning]: När en modell") and "(eng. overfitting)" in sv


BAD_FILES = {
    "missing definition": (GOOD_ENTRY.replace(", def: A definition.", ""), "entry 2 (bad-one): en.def"),
    "bad anchor": (GOOD_ENTRY.replace("{anchor}", "Bad One"), "entry 2: anchor"),
    "unknown group": (GOOD_ENTRY.replace("group: g", "group: nope"), "entry 2 (bad-one): group"),
    "duplicate anchor": (GOOD_ENTRY.replace("{anchor}", "fine"), "entry 2 (fine): anchor already used by entry 1"),
    "duplicate term": (GOOD_ENTRY.replace("{en}", "fine"), "entry 2 (bad-one): en word 'fine' is also in entry fine"),
    "two-line definition": (GOOD_ENTRY.replace("A definition.", '"A\\nB"'), "entry 2 (bad-one): en.def"),
}


@pytest.mark.parametrize("case", BAD_FILES)
def test_malformed_data_file_names_file_and_entry(tmp_path, case):
    bad, expected = BAD_FILES[case]
    good = GOOD_ENTRY.format(anchor="fine", sv="bra", en="fine")
    path = data_file(tmp_path, good, bad.format(anchor="bad-one", sv="dålig", en="bad"))
    with pytest.raises(glossary.GlossaryError) as err:
        glossary.load(path)
    assert str(path) in str(err.value) and expected in str(err.value)


def test_unreadable_data_file_names_file(tmp_path):
    path = data_file(tmp_path, "  - anchor: [unclosed\n")
    with pytest.raises(glossary.GlossaryError, match=str(path)):
        glossary.load(path)


def test_tooltips_at_first_use_and_in_glossary_links_but_not_in_headings():
    d = '<abbr title="x">Dropout</abbr>'
    html = f'<h2 id="d">{d} och mer</h2>\n<p>{d}, {d}</p><li><a href="glossary.html#dropout">{d}</a></li>'
    assert glossary.tidy_tooltips(html) == (
        f'<h2 id="d">Dropout och mer</h2>\n<p>{d}, Dropout</p><li><a href="glossary.html#dropout">{d}</a></li>'
    )
