"""Regenerate snippets/output/: run every snippet whose output a page shows, and store what it prints.

    python -m sitebuild.examples.outputs [NAME ...]

Each snippet runs twice: an output that differs between the runs is not stored, and the line is named
(a reader could never reproduce it). Pages show these files under their code; tests/test_snippets.py
fails when one no longer matches what its snippet prints, so a stale output cannot ship.
"""

import json
import platform
import sys
import time
from datetime import date
from importlib.metadata import version
from itertools import zip_longest
from pathlib import Path

from sitebuild import DOCS, SNIPPETS
from sitebuild.examples.fences import replacements_for
from sitebuild.examples.runner import run_file
from sitebuild.examples.snippets import includes

OUTPUT = SNIPPETS / "output"
PROVENANCE = OUTPUT / "provenance.json"


def cpu_model() -> str:
    try:
        for line in open("/proc/cpuinfo", encoding="utf-8"):
            if line.startswith("model name"):
                return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or platform.machine()


def provenance() -> dict:
    """What produced the stored outputs; the day is kept apart so tests can compare the rest."""
    return {
        "tensorflow": version("tensorflow"),
        "keras": version("keras"),
        "python": platform.python_version(),
    }


def shown() -> list[Path]:
    """Snippets whose stored output some page embeds."""
    used = {path for page in DOCS.rglob("*.md") for _, path in includes(page.read_text(encoding="utf-8"))}
    return [p for p in sorted(SNIPPETS.glob("q*.py")) if f"snippets/output/{p.stem}.txt" in used]


def first_difference(a: str, b: str) -> str | None:
    """'line 3: "x" / "y"' for the first line where two printouts differ, or None when they are the same."""
    for n, (x, y) in enumerate(zip_longest(a.strip("\n").splitlines(), b.strip("\n").splitlines(), fillvalue=""), 1):
        if x.rstrip() != y.rstrip():
            return f"line {n}: {x.rstrip()!r} / {y.rstrip()!r}"
    return None


def main(names: list[str]) -> int:
    paths = [SNIPPETS / f"{n.removesuffix('.py')}.py" for n in names] or shown()
    failed = []
    for path in paths:
        if not path.is_file():
            print(f"error: no such snippet: {path}", file=sys.stderr)
            return 2
        start = time.perf_counter()
        runs = [run_file(path, replace=replacements_for(path)) for _ in range(2)]  # the same code as the tests run
        took = (time.perf_counter() - start) / 2
        result = next((r for r in runs if r.returncode), runs[0])
        if result.returncode:
            failed.append(path.name)
            print(f"FAILED {path.relative_to(SNIPPETS.parent)} ({took:.1f} s)\n{result.stderr}", file=sys.stderr)
            continue
        if diff := first_difference(runs[0].stdout, runs[1].stdout):
            failed.append(path.name)
            print(f"NONDETERMINISTIC {path.relative_to(SNIPPETS.parent)}: two runs differ at {diff}", file=sys.stderr)
            continue
        OUTPUT.mkdir(exist_ok=True)
        (OUTPUT / f"{path.stem}.txt").write_text(result.stdout, encoding="utf-8")
        print(f"ok {path.name}: {took:.1f} s")
    PROVENANCE.write_text(
        json.dumps({**provenance(), "cpu": cpu_model(), "date": date.today().isoformat()}, indent=2) + "\n"
    )
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
