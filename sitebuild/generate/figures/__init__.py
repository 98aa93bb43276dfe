"""Build-time figures: one module per figure, one string table per figure.

A figure module in this package defines

    STRINGS = {"sv": {...}, "en": {...}}   # every label, in both languages
    INPUTS = ["snippets/output/qNN_x.json"]  # the data files it reads (a literal list), which enter its cache key
    def draw(s: dict) -> matplotlib.figure.Figure   # s is STRINGS[lang]

A figure that shows what a snippet computed reads the numbers the snippet's recorded run saved next to its text
output (snippets/output/), so drawing trains nothing. write_all() copies each cached SVG to
docs/<lang>/figures/<name>.svg, where the pages embed it as figures/<name>.svg. A figure's cache key hashes this
file, _svg.py, its module and its INPUTS as bytes, and the lock: finding out what is cached imports nothing.

Each figure also has a dark variant, <name>.dark.svg, for Material's slate palette: the light SVG recoloured by
_palette.py (no matplotlib, milliseconds), cached under a key of the light one's key and _palette.py's and
_backdrop.py's bytes. sitebuild/render/figures.py shows one or the other on the page.
"""

import ast
import io
import pkgutil
from pathlib import Path

from sitebuild import LANGS, ROOT, pages_dir
from sitebuild.generate import cache

HERE = Path(__file__).parent
STYLE = {
    "svg.fonttype": "none",  # text stays text: selectable and searchable
    "svg.hashsalt": "deep-learning-study-site",  # stable ids: byte-identical output
    "font.family": "DejaVu Sans",
    "font.size": 11,
    "figure.dpi": 100,
}


class FigureError(Exception):
    """A figure could not be drawn; the message names the module and the language."""


def names() -> list[str]:
    return sorted(m.name for m in pkgutil.iter_modules([str(HERE)]) if not m.name.startswith("_"))


def inputs(name: str) -> list[Path]:
    """The files listed in the module's INPUTS, read from its source without importing it."""
    source = HERE / f"{name}.py"
    for node in ast.parse(source.read_text(encoding="utf-8")).body:
        if isinstance(node, ast.Assign) and any(getattr(t, "id", None) == "INPUTS" for t in node.targets):
            paths = [ROOT / p for p in ast.literal_eval(node.value)]
            if missing := [cache.rel(p) for p in paths if not p.is_file()]:
                hint = "run `nox -s outputs`" if any("snippets/output/" in m for m in missing) else "create it"
                raise FigureError(f"{cache.rel(source)}: INPUTS {', '.join(missing)} does not exist; {hint}")
            return paths
    return []


def cache_key(name: str, lang: str) -> str:
    module = HERE / f"{name}.py"
    return f"{name}.{lang}.{cache.key(HERE / '__init__.py', HERE / '_svg.py', module, *inputs(name), lang)}"


def dark_key(name: str, lang: str) -> str:
    recolouring = (HERE / "_palette.py", HERE / "_backdrop.py")
    return f"{name}.{lang}.dark.{cache.key(*recolouring, cache_key(name, lang))}"


def is_svg(value) -> bool:
    return isinstance(value, str) and value.lstrip().startswith(("<svg", "<?xml")) and value.rstrip().endswith("</svg>")


def to_draw() -> list[str]:
    """The figures with a language whose SVG is not cached (a corrupt entry counts as not cached)."""
    return [n for n in names() if any(cache.load("figures", cache_key(n, lang), is_svg) is None for lang in LANGS)]


def module(name: str):
    import importlib

    import matplotlib

    matplotlib.use("Agg")  # before the figure module imports pyplot
    return importlib.import_module(f"{__name__}.{name}")


def svg(name: str, lang: str) -> str:
    """The SVG text of one figure in one language; deterministic for the same inputs."""
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    from sitebuild.generate.figures._svg import compact

    mod = module(name)
    with plt.rc_context(STYLE):
        try:
            fig = mod.draw(mod.STRINGS[lang])
        except Exception as err:
            raise FigureError(f"sitebuild/generate/figures/{name}.py ({lang}): {type(err).__name__}: {err}") from err
        buf = io.BytesIO()
        fig.savefig(buf, format="svg", metadata={"Date": None, "Creator": None}, bbox_inches="tight")
        plt.close(fig)
    return compact(buf.getvalue().decode("utf-8"))


def draw_and_cache(name: str) -> None:
    """Draw one figure in every language and cache it, and its dark variant (runs in a worker process on a cold
    build). Storing the light SVG removes every older entry of the figure, the dark variants among them."""
    for lang in LANGS:
        light = svg(name, lang)
        cache.store("figures", cache_key(name, lang), light, replaces=f"{name}.{lang}.*.json")
        dark_svg(name, lang, light)


def dark_svg(name: str, lang: str, light: str) -> str:
    """The dark variant of a figure's light SVG: cached, or recoloured now and cached (a corrupt entry is a miss)."""
    key = dark_key(name, lang)
    value = cache.load("figures", key, is_svg)
    if value is None:
        from sitebuild.generate.figures._palette import recolour

        try:
            value = recolour(light)
        except Exception as err:
            raise FigureError(
                f"sitebuild/generate/figures/_palette.py ({name}, {lang}): {type(err).__name__}: {err}"
            ) from err
        cache.store("figures", key, value, replaces=f"{name}.{lang}.dark.*.json")
    return value


def write_all(langs=LANGS) -> list[str]:
    """Copy every cached figure and its dark variant to docs/<lang>/figures/ (draw_and_cache the missing ones
    first); return what changed."""
    changed = []
    for lang in langs:
        folder = pages_dir(lang) / "figures"
        wanted = set()
        for name in names():
            value = cache.load("figures", cache_key(name, lang), is_svg)
            if value is None:
                raise FigureError(f"sitebuild/generate/figures/{name}.py ({lang}): not drawn")
            variants = {folder / f"{name}.svg": value, folder / f"{name}.dark.svg": dark_svg(name, lang, value)}
            for target, text in variants.items():
                wanted.add(target)
                if cache.write_if_changed(target, text):
                    changed.append(cache.rel(target))
        for stale in folder.glob("*.svg"):
            if stale not in wanted:
                stale.unlink()
    return changed
