"""The Swedish and English twins of every page stay in step."""

from mkdocs.utils.yaml import yaml_load

from sitebuild import DOCS, LANGS, config_file, strings
from sitebuild.checks.parity import differences


def test_twins_match(tmp_path):
    assert differences(DOCS) == []


def nav_files(nav) -> list[str]:
    """The page files of a nav, in order, without the section titles (which are in the site's language)."""
    out = []
    for entry in nav:
        value = next(iter(entry.values())) if isinstance(entry, dict) else entry
        out += nav_files(value) if isinstance(value, list) else [value]
    return out


def test_both_sites_list_the_same_pages_in_the_same_order():
    navs = {}
    for lang in LANGS:
        with open(config_file(lang), encoding="utf-8") as fh:
            navs[lang] = nav_files(yaml_load(fh)["nav"])
    assert navs["sv"] == navs["en"]


def keys(table, prefix=""):
    return {f"{prefix}{k}" for k, v in table.items() for k in ([k] if not isinstance(v, dict) else keys(v, f"{k}."))}


def test_both_languages_have_every_interface_string():
    assert keys(strings("sv")) == keys(strings("en"))


def write(docs, name, text):
    (docs / name).parent.mkdir(parents=True, exist_ok=True)
    (docs / name).write_text(text, encoding="utf-8")


def test_missing_twin_is_named(tmp_path):
    write(tmp_path, "sv/a.md", "# A\n")
    assert differences(tmp_path) == [f"missing {tmp_path.name}/en/a.md (twin of {tmp_path.name}/sv/a.md)"]


def test_each_kind_of_drift_is_named(tmp_path):
    write(tmp_path, "sv/p.md", '# P\n## X\n![a](f.svg)\n```python\n--8<-- "snippets/a.py"\n```\n')
    write(tmp_path, "en/p.md", '# P\n```text\n--8<-- "snippets/b.py"\n```\n')
    found = "\n".join(differences(tmp_path))
    for kind in ("snippet includes", "code fences", "headings", "figures"):
        assert f"p: twins differ in {kind}" in found


def test_section_drift_names_page_section_and_difference(tmp_path):
    """A paragraph only one twin has, a changed number, a changed code span: each named with its section."""
    write(tmp_path, "sv/p.md", "# P\n\n## A\n\nEtt 7 850 och `x`.\n\nTvå.\n\n## B\n\n- a\n- b\n")
    write(tmp_path, "en/p.md", "# P\n\n## A\n\nOne 7,860 and `y`.\n\n## B\n\n- a\n- b\n")
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
