"""The Swedish and English twins of every page stay in step."""

from sitebuild import DOCS
from sitebuild.parity import differences


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
