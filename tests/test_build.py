"""Bad input stops the build with a message naming the file and line, and leaves site/ as it was."""

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from sitebuild import LANGS, ROOT, config_file
from sitebuild.examples.runner import run_file
from sitebuild.examples.snippets import SnippetError, check_includes
from sitebuild.tools.build import build

PAGE = '# T\n\n```python\n--8<-- "{}"\n```\n'


def project(tmp_path: Path, pages: dict[str, str]) -> Path:
    """A small copy of the site: its two configurations (no nav), the real hooks and plugins, and `pages`
    ({"sv/index.md": text, ...}) under tmp_path/docs/."""
    docs = tmp_path / "docs"
    for lang in LANGS:
        (docs / lang).mkdir(parents=True)
    for name, text in pages.items():
        (docs / name).write_text(text, encoding="utf-8")
    for lang in LANGS:
        config = config_file(lang).read_text(encoding="utf-8").split("\nnav:")[0]
        config = config.replace(f"docs_dir: docs/{lang}", f"docs_dir: {docs / lang}")
        config = re.sub(r"^(\s+- |\s*custom_dir: )(sitebuild|snippets|docs)\b", rf"\1{ROOT}/\2", config, flags=re.M)
        config = config.replace("base_path: [.]", f"base_path: [{ROOT}]")
        config_file(lang, tmp_path / "mkdocs.yml").write_text(config, encoding="utf-8")
    return tmp_path / "mkdocs.yml"


def failing_build(config: Path, capfd) -> str:
    dest = config.parent / "site"
    dest.mkdir()
    (dest / "old.html").write_text("previous build")
    assert build(dest, config) != 0
    assert (dest / "old.html").read_text() == "previous build", "a failed build must not touch the site"
    assert not dest.with_name("site.partial").exists(), "a failed build must not leave a partial site"
    return capfd.readouterr().err


def test_missing_snippet_names_page_line_and_file(tmp_path, capfd):
    page = PAGE.format("snippets/nope.py")
    config = project(tmp_path, {"sv/index.md": page, "en/index.md": page})
    err = failing_build(config, capfd)
    assert "docs/sv/index.md:4: snippet not found: snippets/nope.py" in err


def test_page_without_twin_is_named(tmp_path, capfd):
    config = project(tmp_path, {"sv/index.md": "# A\n", "en/index.md": "# A\n", "sv/extra.md": "# B\n"})
    err = failing_build(config, capfd)
    assert "missing docs/en/extra.md (twin of docs/sv/extra.md)" in err


def test_a_warning_fails_the_strict_build(tmp_path, capfd):
    page = "# A\n\n[gone](missing.md)\n"
    config = project(tmp_path, {"sv/index.md": page, "en/index.md": "# A\n"})
    err = failing_build(config, capfd)
    assert "'index.md' contains a link 'missing.md', but the target is not found" in err and "build failed (sv)" in err


def test_an_unknown_marker_names_page_and_line(tmp_path, capfd):
    page = "# A\n\nText.\n\n<!-- quiz:practise -->\n"
    config = project(tmp_path, {"sv/index.md": page, "en/index.md": "# A\n"})
    err = failing_build(config, capfd)
    assert "docs/sv/index.md:5: unknown marker <!-- quiz:practise -->" in err


def test_malformed_config_is_reported_with_its_line(tmp_path, capfd):
    config = project(tmp_path, {"sv/index.md": "# A\n", "en/index.md": "# A\n"})
    config.write_text(config.read_text() + "\ntheme: [unclosed\n")
    err = failing_build(config, capfd)
    assert "mkdocs.yml" in err and "line" in err


def test_check_includes_names_page_and_line():
    with pytest.raises(SnippetError, match=r"docs/p.md:2: snippet not found: snippets/missing.py"):
        check_includes('x\n--8<-- "snippets/missing.py"\n', "docs/p.md")


def test_a_raising_snippet_reports_its_file_and_line(tmp_path):
    snippet = tmp_path / "q99_broken.py"
    snippet.write_text("import math\n\nprint(math.sqrt(4))\nraise ValueError('bad input')\n")
    result = run_file(snippet)
    assert result.returncode != 0
    assert f'File "{snippet}", line 4' in result.stderr
    assert "ValueError: bad input" in result.stderr
    assert result.stdout == "2.0\n"


def test_snippets_run_as_main_each_in_a_clean_process(tmp_path):
    """Each run is its own process, as __main__, in its own folder, and sees none of the state an earlier run
    left: Keras' precision policy and layer-name counter, a module attribute, a file."""
    snippet = tmp_path / "q99_main.py"
    snippet.write_text(
        "import json, os, keras\n"
        "print(__name__, os.getpid(), keras.config.floatx(), keras.layers.Dense(1).name,\n"
        "      getattr(json, 'touched', False), os.listdir('.'))\n"
        "keras.config.set_floatx('float16')\n"
        "json.touched = True\n"
        "open('left.txt', 'w').write('x')\n"
    )
    runs = [run_file(snippet) for _ in range(2)]
    assert all(r.returncode == 0 for r in runs), runs[0].stderr
    printed = [r.stdout.split() for r in runs]
    assert [p[:1] + p[2:] for p in printed] == [["__main__", "float32", "dense", "False", "[]"]] * 2
    assert len({printed[0][1], printed[1][1], str(os.getpid())}) == 3, "each run needs a process of its own"


def test_outputs_refuses_an_unknown_snippet():
    proc = subprocess.run(
        [sys.executable, "-m", "sitebuild.examples.outputs", "q99_nope"], cwd=ROOT, capture_output=True, text=True
    )
    assert proc.returncode == 2 and "no such snippet" in proc.stderr


def test_code_spans_dropped_only_where_the_theme_paints_plain_code_colour():
    import material

    from sitebuild.render import slim

    css = [p.read_text(encoding="utf-8") for p in (Path(material.__file__).parent / "templates").rglob("*.min.css")]
    css.append((ROOT / "docs" / "theme" / "assets" / "site.css").read_text(encoding="utf-8"))
    settings = {m for text in css for m in re.findall(r"--md-code-hl-name-color:[^;}]*", text)}
    assert settings == {slim.NAME_COLOUR}, f"names are painted {settings}: keep their spans (sitebuild/render/slim.py)"
    highlighted = '<span class="n">model</span><span class="w"> </span><span class="o">=</span>'
    assert slim.code(highlighted) == 'model <span class="o">=</span>'


def test_site_css_ships_without_comments_and_keeps_every_rule():
    from sitebuild.render import slim

    source = (ROOT / "docs" / "theme" / "assets" / "site.css").read_text(encoding="utf-8")
    shipped = slim.css(source)
    assert "/*" not in shipped and len(shipped) < len(source)
    assert shipped.count("{") == source.count("{") and shipped.count("}") == source.count("}")


def test_the_bare_material_page_builds_from_this_sites_settings(tmp_path):
    """The baseline of `nox -s weight` (and the HTML checker): Material's own theme, this site's search settings."""
    from sitebuild.tools.weight import build_bare

    html = (build_bare(tmp_path) / "index.html").read_text(encoding="utf-8")
    assert "Bare page" in html and "assets/site.css" not in html and "iframe-worker/shim.js" in html


def test_pages_lose_their_indentation_but_not_inside_pre_or_textarea():
    from sitebuild.render import slim

    kept = "<pre><code>x\n    y</code></pre>\n  <textarea>\n  kept</textarea>"
    html = f"<div>\n    <p>a\n      b</p>\n{kept}\n</div>"
    assert slim.page(html) == f"<div>\n<p>a\nb</p>\n{kept.replace('  <textarea>', '<textarea>')}\n</div>"


def test_scripts_lose_comment_lines_and_indentation_and_a_literal_across_lines_is_refused():
    from sitebuild.render import slim

    source = "  // why\n  const a = `x ${b}`; // kept\n\n    f();\n"
    assert slim.js(source, "t.js") == "const a = `x ${b}`; // kept\nf();\n"
    with pytest.raises(ValueError, match=r"t\.js:1: a literal spans lines"):
        slim.js("const a = `x\n  y`;\n", "t.js")
    for source in (ROOT / "docs" / "theme" / "assets").glob("*.js"):
        slim.js(source.read_text(encoding="utf-8"), str(source))  # the site's own scripts can be slimmed
