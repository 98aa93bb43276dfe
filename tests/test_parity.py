"""The Swedish and English twins of every page stay in step."""

from sitebuild import DOCS
from sitebuild.checks.parity import differences


def test_twins_match(tmp_path):
    assert differences(DOCS) == []


def write(docs, name, text):
    (docs / name).write_text(text, encoding="utf-8")


def test_missing_twin_is_named(tmp_path):
    write(tmp_path, "a.sv.md", "# A\n")
    assert differences(tmp_path) == ["missing docs/a.en.md (twin of docs/a.sv.md)".replace("docs", tmp_path.name)]


def test_each_kind_of_drift_is_named(tmp_path):
    write(tmp_path, "p.sv.md", '# P\n## X\n![a](f.svg)\n```python\n--8<-- "snippets/a.py"\n```\n')
    write(tmp_path, "p.en.md", '# P\n```text\n--8<-- "snippets/b.py"\n```\n')
    found = "\n".join(differences(tmp_path))
    for kind in ("snippet includes", "code fences", "headings", "figures"):
        assert f"p: twins differ in {kind}" in found


def test_section_drift_names_page_section_and_difference(tmp_path):
    """A paragraph only one twin has, a changed number, a changed code span: each named with its section."""
    write(tmp_path, "p.sv.md", "# P\n\n## A\n\nEtt 7 850 och `x`.\n\nTvå.\n\n## B\n\n- a\n- b\n")
    write(tmp_path, "p.en.md", "# P\n\n## A\n\nOne 7,860 and `y`.\n\n## B\n\n- a\n- b\n")
    found = "\n".join(differences(tmp_path))
    assert "p: section '## A' (sv line 3, en line 3): twins differ in paragraphs: sv 2 / en 1" in found
    assert "twins differ in numbers: only sv: ['7850']; only en: ['7860']" in found
    assert "twins differ in inline code: only sv: ['`x`']; only en: ['`y`']" in found
    assert "'## B'" not in found


def test_numbers_are_read_in_each_languages_format():
    from sitebuild.checks.prose import numbers, value

    assert [value(n, "sv") for n in numbers("7\u202f850 och 0,25, avsnitt 7.12, Keras 3.15.1, 20 %", "sv")] == [
        "7850",
        "0.25",
        "7.12",
        "3.15.1",
        "20",
    ]
    assert [value(n, "en") for n in numbers("7,850 and 0.25, section 7.12, Keras 3.15.1, the 6th, 20%", "en")] == [
        "7850",
        "0.25",
        "7.12",
        "3.15.1",
        "6",
        "20",
    ]
