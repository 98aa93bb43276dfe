"""Run it yourself: every snippet is also a Jupyter notebook, generated before the build from the same file.

generate() writes, for each snippets/q*.py and each language, docs/<lang>/downloads/<stem>.py and <stem>.ipynb: an
intro cell in the language, then one code cell per `# %%` block (jupytext's percent format). Notebooks named in
RENDERED are executed here and also written to docs/<lang>/notebooks/, where mkdocs-jupyter shows them as pages
(it executes nothing). Both the notebooks and the executed cells are cached (sitebuild/generate/cache.py) on the
bytes of the snippet, this module, the language's strings and the lock, so a warm build imports no notebook code.
run_box() gives each page that embeds snippets a download box.
"""

import ast
import json
import os
import posixpath
import re
import sys
import tempfile
from functools import cache
from importlib.metadata import version
from pathlib import Path

from sitebuild import LANGS, SNIPPETS, TEXT, pages_dir, text
from sitebuild.examples.runner import ENV
from sitebuild.examples.snippets import includes
from sitebuild.generate import cache as store

HERE = Path(__file__)
RUNNER = HERE.parent.parent / "examples" / "runner.py"  # ENV, the environment every snippet runs in

RENDERED = {"q05_model"}  # executed and shown as pages; every snippet is downloadable
PIP_NAMES = {"sklearn": "scikit-learn"}
ANSI = re.compile(r"\x1b\[[0-9;]*m")  # terminal colours in a kernel's traceback
# TensorFlow's C++ (absl) log lines, which the kernel forwards to the notebook despite TF_CPP_MIN_LOG_LEVEL
TF_LOG_LINE = re.compile(r"^([IWEF]\d{4} .*|WARNING: All log messages before absl::InitializeLog\(\).*)\n?", re.M)


class NotebookError(Exception):
    """A notebook could not be executed; the message names the snippet and the line of the failing cell."""


def stems() -> list[str]:
    return sorted(p.stem for p in SNIPPETS.glob("q*.py"))


def versions() -> dict[str, str]:
    return {"tensorflow": version("tensorflow"), "keras": version("keras"), "python": sys.version.split()[0]}


def pip_packages(code: str) -> str:
    """The pip names of the third-party modules a snippet imports, in order of first import."""
    found = []
    for node in ast.walk(ast.parse(code)):
        names = [a.name for a in node.names] if isinstance(node, ast.Import) else []
        if isinstance(node, ast.ImportFrom) and node.level == 0:
            names = [node.module]
        for name in names:
            top = name.split(".")[0]
            if top not in sys.stdlib_module_names and PIP_NAMES.get(top, top) not in found:
                found.append(PIP_NAMES.get(top, top))
    return " ".join(found)


def page_title(stem: str, lang: str) -> str:
    """The H1 of the question page that embeds the snippet, in that language (the stem if none does)."""
    pages = sorted(pages_dir(lang).glob("*.md"))
    return _titles(lang, tuple((p, p.stat().st_mtime_ns) for p in pages)).get(stem, stem)


@cache
def _titles(lang: str, pages: tuple) -> dict[str, str]:
    """snippet stem -> the H1 of the first page (by name) that embeds it; read again when a page changes."""
    found = {}
    for page, _ in pages:
        text_ = page.read_text(encoding="utf-8")
        title = next((line[2:].strip() for line in text_.splitlines() if line.startswith("# ")), None)
        for _, path in includes(text_):
            if path.startswith("snippets/") and path.endswith(".py") and title:
                found.setdefault(path.removeprefix("snippets/").removesuffix(".py"), title)
    return found


def code_cells(stem: str) -> list:
    import jupytext  # imported here: a warm build imports no notebook code

    nb = jupytext.reads((SNIPPETS / f"{stem}.py").read_text(encoding="utf-8"), fmt="py:percent")
    return [cell for cell in nb.cells if cell.source.strip()]


def execution_key(stem: str) -> str:
    """What the executed cells depend on: the snippet, this module, the runner's environment, the lock."""
    return f"{stem}.{store.key(SNIPPETS / f'{stem}.py', HERE, RUNNER)}"


def notebook_key(stem: str, lang: str) -> str:
    """What a notebook's text depends on: the above, and the language's strings and page title."""
    return f"{stem}.{lang}.{store.key(execution_key(stem), TEXT / f'{lang}.yml', page_title(stem, lang))}"


def execute(stem: str) -> list:
    """Run the snippet's cells in a fresh kernel, in a temporary directory, with the snippet runner's environment;
    the cells with their outputs, as JSON-able dicts (cached under execution_key)."""
    import nbformat
    from nbclient import NotebookClient
    from nbclient.exceptions import CellExecutionError

    nb = nbformat.v4.new_notebook(cells=code_cells(stem), metadata=metadata())
    client = NotebookClient(nb, timeout=300, kernel_name="python3", allow_errors=False, record_timing=False)
    with tempfile.TemporaryDirectory(prefix="notebook-") as cwd:
        try:
            client.execute(cwd=cwd, env={**os.environ, **ENV})
        except CellExecutionError as err:
            raise NotebookError(failure(stem, nb.cells, err)) from None
    for cell in nb.cells:
        cell.outputs = merged_streams(cell.outputs)
    return json.loads(nbformat.writes(nb))["cells"]


def failure(stem: str, cells: list, err) -> str:
    """'snippets/x.py:LINE: notebook cell raised NAME: VALUE' and the traceback, without terminal colours."""
    failed = [c for c in cells if any(o.get("output_type") == "error" for o in c.get("outputs", []))]
    trace = ANSI.sub("", "\n".join(err.traceback) if isinstance(err.traceback, list) else str(err.traceback))
    code = (SNIPPETS / f"{stem}.py").read_text(encoding="utf-8")
    line = "?"
    if failed and failed[0].source in code:
        in_cell = re.search(r"Cell In\[\d+\], line (\d+)", trace)
        line = code[: code.index(failed[0].source)].count("\n") + (int(in_cell[1]) if in_cell else 1)
    return f"snippets/{stem}.py:{line}: notebook cell raised {err.ename}: {err.evalue}\n{trace}"


def merged_streams(outputs: list) -> list:
    """Outputs without TensorFlow's log lines, consecutive prints to the same stream joined into one block."""
    out = []
    for o in outputs:
        if o.output_type == "stream":
            o.text = TF_LOG_LINE.sub("", o.text) if o.name == "stderr" else o.text
            if not o.text:
                continue
            if out and out[-1].output_type == "stream" and out[-1].name == o.name:
                out[-1].text += o.text
                continue
        out.append(o)
    return out


def metadata() -> dict:
    return {
        "kernelspec": {"name": "python3", "display_name": "Python 3", "language": "python"},
        "language_info": {"name": "python"},
    }


def valid_cells(value) -> bool:
    return isinstance(value, list) and all(isinstance(c, dict) and "cell_type" in c for c in value)


def notebook_text(stem: str, lang: str) -> str:
    """The notebook's JSON text in one language; the same inputs give the same bytes."""
    import nbformat

    t = text(lang, "notebook")
    code = (SNIPPETS / f"{stem}.py").read_text(encoding="utf-8")
    intro = [f"# {t['title'].format(page=page_title(stem, lang))}"]
    intro.append(t["intro"].format(stem=stem, pip=pip_packages(code)))
    if stem in RENDERED:
        intro.append(t["ran"].format(**versions()))
        cells = [nbformat.from_dict(c) for c in store.load("executions", execution_key(stem), valid_cells)]
    else:
        cells = code_cells(stem)
    cells = [nbformat.v4.new_markdown_cell("\n\n".join(intro)), *cells]
    for i, cell in enumerate(cells):
        cell.id = f"{stem}-{i}"  # fixed ids: nbformat would otherwise draw random ones
        cell.metadata = {}
        if cell.cell_type == "code":
            cell.setdefault("outputs", [])
            cell.setdefault("execution_count", None)
    return nbformat.writes(nbformat.v4.new_notebook(cells=cells, metadata=metadata())) + "\n"


def to_execute() -> list[str]:
    """The rendered notebooks whose executed cells are not cached (a corrupt entry counts as not cached)."""
    return [s for s in sorted(RENDERED) if store.load("executions", execution_key(s), valid_cells) is None]


def run_and_cache(stem: str) -> None:
    """Execute one notebook and cache its cells (runs in a worker process on a cold build)."""
    store.store("executions", execution_key(stem), execute(stem), replaces=f"{stem}.*.json")


def generate(langs=LANGS) -> list[str]:
    """Write each language's downloads and notebook pages (executions must be cached); return what changed."""
    changed = []
    for lang in langs:
        folder = pages_dir(lang)
        wanted = set()
        for stem in stems():
            key = notebook_key(stem, lang)
            if (nb := store.load("notebooks", key, lambda v: isinstance(v, str) and v.startswith("{"))) is None:
                nb = notebook_text(stem, lang)
                store.store("notebooks", key, nb, replaces=f"{stem}.{lang}.*.json")
            code = (SNIPPETS / f"{stem}.py").read_bytes()
            targets = {folder / "downloads" / f"{stem}.ipynb": nb, folder / "downloads" / f"{stem}.py": code}
            if stem in RENDERED:
                targets[folder / "notebooks" / f"{stem}.ipynb"] = nb
            for path, data in targets.items():
                wanted.add(path)
                if store.write_if_changed(path, data):
                    changed.append(store.rel(path))
        for stale in [*folder.glob("downloads/*"), *folder.glob("notebooks/*")]:
            if stale not in wanted:
                stale.unlink()
    return changed


def jupyter_cache_ok(entry) -> bool:
    """An entry of mkdocs-jupyter's own cache that it can read (it crashes on one it cannot)."""
    return isinstance(entry, dict) and isinstance(entry.get("content"), str) and "toc_tokens" in entry


def sweep_jupyter_cache() -> None:
    store.sweep_json(store.CACHE / "mkdocs-jupyter", jupyter_cache_ok)


def run_box(markdown: str, lang: str) -> str:
    """The page with a "Run it yourself" box listing the downloads of every snippet it embeds (before Key terms)."""
    shown = [p[len("snippets/") : -3] for _, p in includes(markdown) if re.fullmatch(r"snippets/q\w+\.py", p)]
    if not shown:
        return markdown
    t = text(lang, "notebook")
    lines = [f'!!! example "{t["box"]}"', "", f"    {t['box_text']}", ""]
    for stem in dict.fromkeys(shown):
        links = [
            f'[{t["py"]}](downloads/{stem}.py){{ download="{stem}.py" }}',
            f'[{t["ipynb"]}](downloads/{stem}.ipynb){{ download="{stem}.ipynb" }}',
        ]
        if stem in RENDERED:
            links.append(f"[{t['view']}](notebooks/{stem}.ipynb)")
        lines.append(f"    - `{stem}.py`: " + " · ".join(links))
    box = "\n".join(lines) + "\n\n"
    heading = re.search(r"^## (Nyckelbegrepp|Key terms)\s*$", markdown, re.M)
    at = heading.start() if heading else len(markdown)
    return markdown[:at].rstrip("\n") + "\n\n" + box + markdown[at:]


# nbconvert's page template loads MathJax (and, for Mermaid output, Mermaid) from a CDN; the site stays offline.
# Its MathJax tag can also come with an empty src (invalid HTML, and a load error), which goes too.
CDN_SCRIPT = re.compile(
    r'<script[^>]*\bsrc="(?:https?://[^"]*)?"[^>]*>\s*</script>|<script type="module">(?:(?!</script>).)*?https?://.*?</script>',
    re.S,
)


def offline(html: str) -> str:
    """A rendered notebook page without scripts fetched from the internet (our notebooks hold no math)."""
    return CDN_SCRIPT.sub("", html)


# mkdocs-jupyter puts about 575 kB of JupyterLab CSS into each notebook page, as <style> blocks inside the article
# (invalid HTML there); the last is a Python list's repr that styles nothing. It goes into one cached stylesheet.
STYLE = re.compile(r"<style[^>]*>(.*?)</style>\s*", re.S)
STYLESHEET = "assets/notebook.css"


def shared_styles(html: str, page_url: str) -> tuple[str, str]:
    """The notebook page with its style blocks replaced by a link to STYLESHEET, and that stylesheet's text."""
    if not (first := STYLE.search(html)):
        return html, ""
    sheets = [css for css in STYLE.findall(html) if not css.lstrip().startswith("['")]  # not the list's repr
    href = posixpath.relpath(STYLESHEET, posixpath.dirname(page_url) or ".")
    page = html[: first.start()] + f'<link rel="stylesheet" href="{href}">\n' + STYLE.sub("", html[first.start() :])
    return page, "\n".join(sheets)
