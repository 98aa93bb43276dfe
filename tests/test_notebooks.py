"""Run it yourself: every snippet becomes a notebook; the Q5 notebook is rendered, with outputs, in both languages."""

import nbformat
import pytest

from sitebuild import LANGS, SNIPPETS, lang_dir
from sitebuild.generate import cache, notebooks

RENDERED = sorted(notebooks.RENDERED)
BOX = {"sv": "Kör själv", "en": "Run it yourself"}


def percent_blocks(stem):
    """The snippet's `# %%` blocks, as a reader sees them in the file."""
    text = (SNIPPETS / f"{stem}.py").read_text(encoding="utf-8")
    return [block.strip() for block in text.split("# %%\n") if block.strip()]


@pytest.mark.parametrize("lang", LANGS)
def test_notebook_is_an_intro_then_one_cell_per_block(lang):
    nb = nbformat.reads(notebooks.notebook_text("q05_input_shape", lang), as_version=4)
    nbformat.validate(nb)
    intro, *code = nb.cells
    assert intro.cell_type == "markdown" and intro.source.startswith(f"# {BOX[lang]}: ")
    assert notebooks.page_title("q05_input_shape", lang) in intro.source
    assert [c.source.strip() for c in code] == percent_blocks("q05_input_shape")


def test_notebooks_are_byte_identical_when_regenerated():
    assert notebooks.notebook_text("q05_input_shape", "sv") == notebooks.notebook_text("q05_input_shape", "sv")


@pytest.mark.parametrize("stem", RENDERED)
def test_rendered_notebook_prints_what_the_page_shows(stem):
    if stem in notebooks.to_execute():
        notebooks.run_and_cache(stem)
    cells = [nbformat.from_dict(c) for c in cache.load("executions", notebooks.execution_key(stem))]
    streams = [o for c in cells for o in c.get("outputs", []) if o.output_type == "stream" and o.name == "stdout"]
    printed = "".join("".join(o.text) if isinstance(o.text, list) else o.text for o in streams)  # JSON splits lines
    assert printed == (SNIPPETS / "output" / f"{stem}.txt").read_text(encoding="utf-8")
    assert not [o for c in cells for o in c.get("outputs", []) if o.output_type == "error" or o.get("name") == "stderr"]


def test_a_raising_cell_names_the_snippet_line(tmp_path, monkeypatch):
    (tmp_path / "q99_fails.py").write_text("# %%\nx = 1\n\n# %%\ny = 2\nz = 1 / 0\n", encoding="utf-8")
    monkeypatch.setattr(notebooks, "SNIPPETS", tmp_path)
    with pytest.raises(notebooks.NotebookError, match=r"q99_fails\.py:6: notebook cell raised ZeroDivisionError"):
        notebooks.execute("q99_fails")


@pytest.mark.parametrize("lang", LANGS)
def test_run_box_lists_each_snippet_before_key_terms(lang):
    page = '```python\n--8<-- "snippets/q05_model.py"\n```\n\n```text\n--8<-- "snippets/output/q05_model.txt"\n```\n'
    page += "\n## Nyckelbegrepp\n" if lang == "sv" else "\n## Key terms\n"
    out = notebooks.run_box(page, lang)
    assert out.index(BOX[lang]) < out.index("## ")
    assert "(downloads/q05_model.py)" in out and "(downloads/q05_model.ipynb)" in out
    assert "(notebooks/q05_model.ipynb)" in out  # the rendered notebook page
    assert "output/q05_model" not in out.split(BOX[lang])[1]
    assert notebooks.run_box("# No code here\n", lang) == "# No code here\n"


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("stem", RENDERED)
def test_build_renders_the_notebook_page_in_each_language(site, stem, lang):
    page = site / lang_dir(lang) / "notebooks" / f"{stem}.html"
    assert page.is_file(), f"{page.relative_to(site)} missing: mkdocs-jupyter did not render the notebook page"
    html = page.read_text(encoding="utf-8")
    assert not html.lstrip().startswith("{") and '"cell_type"' not in html, "notebook copied as raw JSON"
    assert f'<html lang="{lang}"' in html and 'class="jupyter-wrapper"' in html
    assert f"{BOX[lang]}: " in html  # the intro cell in the page's language
    assert "EarlyStopping stopped training after epoch" in html  # an executed output
    assert "cdnjs" not in html and 'src="http' not in html  # nothing loaded from the internet
    assert 'src=""' not in html  # nbconvert's MathJax tag without its URL: invalid, and a failed load
    assert "<style" not in html and '<link rel="stylesheet" href="../assets/notebook.css">' in html
    css = (site / lang_dir(lang) / notebooks.STYLESHEET).read_text(encoding="utf-8")
    assert ".jp-Notebook" in css and "['" not in css[:2]  # JupyterLab's CSS, once per site, without the list repr


@pytest.mark.parametrize("lang", LANGS)
def test_build_ships_every_snippet_as_file_and_notebook(site, lang):
    for path in sorted(SNIPPETS.glob("q*.py")):
        downloads = site / lang_dir(lang) / "downloads"
        assert (downloads / path.name).read_bytes() == path.read_bytes()
        nb = nbformat.read(downloads / f"{path.stem}.ipynb", as_version=4)
        nbformat.validate(nb)
        assert nb.cells[0].source.startswith(f"# {BOX[lang]}: ")


@pytest.mark.parametrize("lang", LANGS)
def test_build_gives_q05_page_its_run_box(site, lang):
    html = (site / lang_dir(lang) / "q05-keras-model.html").read_text(encoding="utf-8")
    box = html[html.index(f'<p class="admonition-title">{BOX[lang]}</p>') :]
    for href in ("downloads/q05_model.py", "downloads/q05_model.ipynb", "notebooks/q05_model.html"):
        assert f'href="{href}"' in box.split("</div>")[0]
