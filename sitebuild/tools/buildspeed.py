"""Benchmark: the warm build against a bare Material build of the same pages, side by side in one run.

    python -m sitebuild.tools.buildspeed [RUNS]      (nox -s buildspeed)

"ours" is what `nox -s build` runs (generation, both MkDocs sites side by side, the offline zip), into a temporary
folder, after one unmeasured run so that every cache is warm. "bare" is the same pages of both languages, built
the same way (two MkDocs processes side by side) with Material alone: no plugins, no hooks, no extensions beyond
Markdown's own, snippet includes stripped. Each is timed RUNS times (default 3), alternating; the medians and
their ratio are printed. The goal (issue 12) is a ratio of at most 2.
"""

import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from sitebuild import LANGS, ROOT, config_file, pages_dir
from sitebuild.examples.snippets import INCLUDE

ENV = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}


def bare_project(dest: Path) -> list[Path]:
    """Both languages' pages without includes, and one plain Material config per language; the configs."""
    configs = []
    for lang in LANGS:
        docs = dest / "docs" / lang
        for page in pages_dir(lang).rglob("*.md"):
            target = docs / page.relative_to(pages_dir(lang))
            target.parent.mkdir(parents=True, exist_ok=True)
            lines = page.read_text(encoding="utf-8").splitlines()
            target.write_text("\n".join(line for line in lines if not INCLUDE.match(line)), encoding="utf-8")
        nav = config_file(lang).read_text(encoding="utf-8").split("\nnav:", 1)[1]
        config = dest / f"mkdocs.{lang}.yml"
        config.write_text(
            f"site_name: bare {lang}\ndocs_dir: docs/{lang}\nuse_directory_urls: false\n"
            f"theme:\n  name: material\n  language: {lang}\n  font: false\nplugins: []\nnav:{nav}",
            encoding="utf-8",
        )
        configs.append(config)
    return configs


def bare_build(configs: list[Path], out: Path) -> None:
    procs = [
        subprocess.Popen(
            [sys.executable, "-m", "mkdocs", "build", "-q", "-f", str(c), "--site-dir", str(out / c.stem)], env=ENV
        )
        for c in configs
    ]
    if any(p.wait() for p in procs):
        raise SystemExit("the bare build failed")


def our_build(out: Path) -> None:
    for tool in ("build", "bundle"):
        subprocess.run([sys.executable, "-m", f"sitebuild.tools.{tool}", str(out)], cwd=ROOT, env=ENV, check=True)


def timed(fn, *args) -> float:
    start = time.perf_counter()
    fn(*args)
    return time.perf_counter() - start


def main(runs: int) -> int:
    with tempfile.TemporaryDirectory(prefix="buildspeed-") as tmp:
        tmp = Path(tmp)
        configs = bare_project(tmp / "bare")
        our_build(tmp / "ours")  # warm every cache; not measured
        ours, bare = [], []
        for _ in range(runs):
            ours.append(timed(our_build, tmp / "ours"))
            bare.append(timed(bare_build, configs, tmp / "bare-site"))
            shutil.rmtree(tmp / "bare-site", ignore_errors=True)
    o, b = statistics.median(ours), statistics.median(bare)
    print(f"warm build (generate, both sites, zip): median {o:.2f} s of {runs} ({', '.join(f'{x:.2f}' for x in ours)})")
    print(f"bare Material, same pages, both sites:  median {b:.2f} s of {runs} ({', '.join(f'{x:.2f}' for x in bare)})")
    print(f"ratio {o / b:.2f}x (goal: at most 2x); {os.cpu_count()} CPUs")
    return 0


if __name__ == "__main__":
    sys.exit(main(int(sys.argv[1]) if len(sys.argv) > 1 and re.fullmatch(r"\d+", sys.argv[1]) else 3))
