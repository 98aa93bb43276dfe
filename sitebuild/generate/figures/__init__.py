"""Build-time figures: one module per figure, one string table per figure.

A figure module in this package defines

    STRINGS = {"sv": {...}, "en": {...}}   # every label, in both languages
    def draw(s: dict) -> matplotlib.figure.Figure   # s is STRINGS[lang]

and optionally INPUTS, a list of repository paths (data files) it reads, which
enter its cache key. render_all() writes docs/figures/<name>.<lang>.svg; pages
embed them as figures/<name>.svg and mkdocs-static-i18n picks the language.
"""

import hashlib
import importlib
import io
import pkgutil
import shutil
from functools import cache
from pathlib import Path

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402

from sitebuild import DOCS, LANGS, ROOT  # noqa: E402
from sitebuild.generate.figures._svg import compact  # noqa: E402

OUT = DOCS / "figures"
CACHE = ROOT / ".cache" / "figures"
SVG = Path(__file__).with_name("_svg.py")  # the SVG post-processing enters every cache key
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
    return sorted(m.name for m in pkgutil.iter_modules(__path__) if not m.name.startswith("_"))


@cache
def module(name: str):
    return importlib.import_module(f"{__name__}.{name}")


def cache_key(name: str, lang: str) -> str:
    mod = module(name)
    h = hashlib.sha256()
    for path in [Path(__file__), SVG, Path(mod.__file__), *(ROOT / p for p in getattr(mod, "INPUTS", []))]:
        h.update(path.read_bytes())
    h.update(f"{matplotlib.__version__}|{lang}".encode())
    return h.hexdigest()[:20]


def svg(name: str, lang: str) -> bytes:
    """The SVG bytes of one figure in one language; deterministic for the same inputs."""
    mod = module(name)
    with plt.rc_context(STYLE):
        try:
            fig = mod.draw(mod.STRINGS[lang])
        except Exception as err:
            raise FigureError(f"sitebuild/generate/figures/{name}.py ({lang}): {type(err).__name__}: {err}") from err
        buf = io.BytesIO()
        fig.savefig(buf, format="svg", metadata={"Date": None, "Creator": None}, bbox_inches="tight")
        plt.close(fig)
    return compact(buf.getvalue().decode("utf-8")).encode("utf-8")


def render_all() -> list[str]:
    """Write every figure in every language to docs/figures/, drawing only what changed."""
    OUT.mkdir(parents=True, exist_ok=True)
    CACHE.mkdir(parents=True, exist_ok=True)
    drawn, wanted = [], set()
    for name in names():
        for lang in LANGS:
            target = OUT / f"{name}.{lang}.svg"
            wanted.add(target.name)
            cached = CACHE / f"{name}.{lang}.{cache_key(name, lang)}.svg"
            if not cached.is_file():
                tmp = cached.with_suffix(".partial")
                tmp.write_bytes(svg(name, lang))
                tmp.replace(cached)
                drawn.append(target.name)
            if not target.is_file() or target.read_bytes() != cached.read_bytes():
                shutil.copyfile(cached, target)
    for stale in OUT.glob("*.svg"):
        if stale.name not in wanted:
            stale.unlink()
    return drawn
