"""Run it yourself: every snippet is also a Jupyter notebook, generated at build time from the same file.

generate() writes docs/notebooks/<stem>.<lang>.ipynb (gitignored) for each snippets/q*.py: an intro cell in the
language, then one code cell per `# %%` block (jupytext's percent format). Notebooks named in RENDERED are
executed here, their outputs cached in .cache/notebooks/ under a key made of the snippet's bytes, the code that
runs it and the Python/TensorFlow/Keras versions; mkdocs-jupyter shows them as pages and never executes anything.

mkdocs-static-i18n rebuilds the file list in on_files and drops mkdocs-jupyter's pages (its issue #198), so
site_files() runs after it: it turns the current language's rendered notebooks back into pages and adds
downloads/<stem>.py and downloads/<stem>.ipynb. run_box() gives each page that embeds snippets a download box.
"""

import ast
import hashlib
import inspect
import os
import re
import sys
import tempfile
from functools import cache
from importlib.metadata import version

import jupytext
import nbformat
from mkdocs.structure.files import File, InclusionLevel

from sitebuild import DOCS, LANGS, ROOT, SNIPPETS, lang_dir
from sitebuild.examples.runner import ENV
from sitebuild.examples.snippets import includes

OUT = DOCS / "notebooks"
CACHE = ROOT / ".cache" / "notebooks"
RENDERED = {"q05_model"}  # executed and shown as pages; every snippet is downloadable
PIP_NAMES = {"sklearn": "scikit-learn"}
ANSI = re.compile(r"\x1b\[[0-9;]*m")  # terminal colours in a kernel's traceback
# TensorFlow's C++ (absl) log lines, which the kernel forwards to the notebook despite TF_CPP_MIN_LOG_LEVEL
TF_LOG_LINE = re.compile(r"^([IWEF]\d{4} .*|WARNING: All log messages before absl::InitializeLog\(\).*)\n?", re.M)

TEXT = {
    "sv": {
        "title": "Kör själv: {page}",
        "intro": "Den här notebooken genereras från `snippets/{stem}.py` på sajten, ett kodblock per cell. "
        "Kör cellerna uppifrån och ned. Du behöver Python 3.11 eller senare och `pip install {pip}`.",
        "ran": "Utdata nedan kommer från en körning med TensorFlow {tensorflow} och Keras {keras}.",
        "box": "Kör själv",
        "box_text": "Ladda ned exemplen och kör dem med `python fil.py`, eller öppna dem som notebook i Jupyter. "
        "Notebookarna genereras från samma filer som visas på sidan.",
        "py": "Python-fil",
        "ipynb": "Jupyter-notebook",
        "view": "visa notebooken med utdata",
    },
    "en": {
        "title": "Run it yourself: {page}",
        "intro": "This notebook is generated from the site's `snippets/{stem}.py`, one code block per cell. "
        "Run the cells from top to bottom. You need Python 3.11 or later and `pip install {pip}`.",
        "ran": "The outputs below come from a run with TensorFlow {tensorflow} and Keras {keras}.",
        "box": "Run it yourself",
        "box_text": "Download the examples and run them with `python file.py`, or open them as notebooks in Jupyter. "
        "The notebooks are generated from the same files shown on this page.",
        "py": "Python file",
        "ipynb": "Jupyter notebook",
        "view": "view the notebook with its outputs",
    },
}


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


@cache
def page_title(stem: str, lang: str) -> str:
    """The H1 of the question page that embeds the snippet, in that language (the stem if none does)."""
    for page in sorted(DOCS.glob(f"*.{lang}.md")):
        text = page.read_text(encoding="utf-8")
        if any(path == f"snippets/{stem}.py" for _, path in includes(text)):
            return next((line[2:].strip() for line in text.splitlines() if line.startswith("# ")), stem)
    return stem


def code_cells(stem: str) -> list:
    nb = jupytext.reads((SNIPPETS / f"{stem}.py").read_text(encoding="utf-8"), fmt="py:percent")
    return [cell for cell in nb.cells if cell.source.strip()]


def cache_key(stem: str) -> str:
    """What the executed cells depend on: the snippet, how it is run, and the library versions."""
    h = hashlib.sha256((SNIPPETS / f"{stem}.py").read_bytes())
    h.update((inspect.getsource(execute) + inspect.getsource(merged_streams) + TF_LOG_LINE.pattern).encode())
    h.update(repr(sorted({**ENV, **versions()}.items())).encode())
    return h.hexdigest()[:20]


def execute(stem: str, cells: list) -> list:
    """Run the cells in a fresh kernel, in a temporary directory, with the snippet runner's environment."""
    from nbclient import NotebookClient  # imported here: a warm build never executes anything
    from nbclient.exceptions import CellExecutionError

    nb = nbformat.v4.new_notebook(cells=cells, metadata=metadata())
    client = NotebookClient(nb, timeout=300, kernel_name="python3", allow_errors=False, record_timing=False)
    with tempfile.TemporaryDirectory(prefix="notebook-") as cwd:
        try:
            client.execute(cwd=cwd, env={**os.environ, **ENV})
        except CellExecutionError as err:
            raise NotebookError(failure(stem, nb.cells, err)) from None
    for cell in nb.cells:
        cell.outputs = merged_streams(cell.outputs)
    return nb.cells


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


def executed_cells(stem: str) -> list:
    """The snippet's cells with their outputs, from the cache when the snippet and the versions are unchanged."""
    cached = CACHE / f"{stem}.{cache_key(stem)}.ipynb"
    if not cached.is_file():
        CACHE.mkdir(parents=True, exist_ok=True)
        nb = nbformat.v4.new_notebook(cells=execute(stem, code_cells(stem)), metadata=metadata())
        write_atomic(cached, nbformat.writes(nb))
        for stale in CACHE.glob(f"{stem}.*.ipynb"):
            if stale != cached:
                stale.unlink()
    return nbformat.read(cached, as_version=4).cells


def metadata() -> dict:
    return {
        "kernelspec": {"name": "python3", "display_name": "Python 3", "language": "python"},
        "language_info": {"name": "python"},
    }


def notebook(stem: str, lang: str) -> str:
    """The notebook's JSON text in one language; the same inputs give the same bytes."""
    return notebook_text(stem, lang, (SNIPPETS / f"{stem}.py").read_text(encoding="utf-8"), page_title(stem, lang))


@cache  # each language's build calls generate(); the second call costs nothing
def notebook_text(stem: str, lang: str, code: str, title: str) -> str:
    t = TEXT[lang]
    intro = [f"# {t['title'].format(page=title)}"]
    intro.append(t["intro"].format(stem=stem, pip=pip_packages(code)))
    if stem in RENDERED:
        intro.append(t["ran"].format(**versions()))
    cells = [nbformat.v4.new_markdown_cell("\n\n".join(intro))]
    cells += executed_cells(stem) if stem in RENDERED else code_cells(stem)
    for i, cell in enumerate(cells):
        cell.id = f"{stem}-{i}"  # fixed ids: nbformat would otherwise draw random ones
        cell.metadata = {}
        if cell.cell_type == "code":
            cell.setdefault("outputs", [])
            cell.setdefault("execution_count", None)
    return nbformat.writes(nbformat.v4.new_notebook(cells=cells, metadata=metadata())) + "\n"


def write_atomic(path, text: str) -> None:
    """Write via a private temporary file, so that a parallel build never reads half a notebook."""
    tmp = path.with_name(f".{path.name}.{os.getpid()}.partial")
    tmp.write_text(text, encoding="utf-8")
    tmp.replace(path)


def generate() -> list[str]:
    """Write docs/notebooks/<stem>.<lang>.ipynb for every snippet; return the names of files that changed."""
    OUT.mkdir(parents=True, exist_ok=True)
    changed, wanted = [], set()
    for stem in stems():
        for lang in LANGS:
            target = OUT / f"{stem}.{lang}.ipynb"
            wanted.add(target.name)
            text = notebook(stem, lang)
            if not target.is_file() or target.read_text(encoding="utf-8") != text:
                write_atomic(target, text)
                changed.append(target.name)
    for stale in OUT.glob("*.ipynb"):
        if stale.name not in wanted:
            stale.unlink()
    return changed


class NotebookPage(File):
    """A notebook shown as a site page; mkdocs-jupyter renders every such page it matches."""

    def is_documentation_page(self) -> bool:
        return True


def notebook_page(stem: str, lang: str, config) -> NotebookPage:
    page_path = f"notebooks/{stem}/index.html" if config.use_directory_urls else f"notebooks/{stem}.html"
    page = NotebookPage(
        f"notebooks/{stem}.{lang}.ipynb",
        config.docs_dir,
        config.site_dir,
        config.use_directory_urls,
        dest_uri=lang_dir(lang) + page_path,
        inclusion=InclusionLevel.NOT_IN_NAV,
    )
    page.name, page.norm_src_uri = stem, f"notebooks/{stem}.ipynb"  # what mkdocs-static-i18n sets on its files
    page.locale = page.localization = page.locale_alternate_of = lang
    return page


def site_files(files, config):
    """After mkdocs-static-i18n's on_files: notebook pages and downloads for the language being built."""
    lang = getattr(config.plugins.get("i18n"), "current_language", None) or LANGS[0]
    jupyter = config.plugins.get("mkdocs-jupyter")
    if jupyter is not None:  # one cache folder per language, so one language's build keeps the other's entries
        jupyter.config["cache_dir"] = str(ROOT / ".cache" / "mkdocs-jupyter" / lang)
    for file in list(files):
        if file.src_uri.startswith("notebooks/"):
            files.remove(file)  # i18n keeps them as raw assets; they come back below as pages and downloads
    for stem in stems():
        for name, source in ((f"{stem}.py", SNIPPETS / f"{stem}.py"), (f"{stem}.ipynb", OUT / f"{stem}.{lang}.ipynb")):
            download = File.generated(config, f"downloads/{name}", abs_src_path=str(source))
            download.dest_uri = lang_dir(lang) + download.src_uri
            files.append(download)
        if stem in RENDERED:
            page = notebook_page(stem, lang, config)
            page.alternates = {lg: page if lg == lang else notebook_page(stem, lg, config) for lg in LANGS}
            files.append(page)
    return files


def run_box(markdown: str, lang: str) -> str:
    """The page with a "Run it yourself" box listing the downloads of every snippet it embeds (before Key terms)."""
    shown = [p[len("snippets/") : -3] for _, p in includes(markdown) if re.fullmatch(r"snippets/q\w+\.py", p)]
    if not shown:
        return markdown
    t = TEXT[lang]
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
CDN_SCRIPT = re.compile(
    r'<script[^>]*\bsrc="https?://[^"]*"[^>]*>\s*</script>|<script type="module">(?:(?!</script>).)*?https?://.*?</script>',
    re.S,
)


def offline(html: str) -> str:
    """A rendered notebook page without scripts fetched from the internet (our notebooks hold no math)."""
    return CDN_SCRIPT.sub("", html)
