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


def first_difference(a: str | None, b: str | None) -> str | None:
    """'line 3: "x" / "y"' for the first line where two printouts differ, or None when they are the same."""
    a, b = a or "", b or ""
    for n, (x, y) in enumerate(zip_longest(a.strip("\n").splitlines(), b.strip("\n").splitlines(), fillvalue=""), 1):
        if x.rstrip() != y.rstrip():
            return f"line {n}: {x.rstrip()!r} / {y.rstrip()!r}"
    return None


# A figure cannot show a difference of 1 % of a value (on a log axis, 0.004 decades): the same training on
# another CPU (other SIMD widths, other summation order) may differ by that much, and is not a stale figure.
FIGURE_RTOL = 0.01


def data_difference(stored: str | None, got: str | None) -> str | None:
    """'curves.none[3]: 0.25 / 0.31' for the first number a figure would draw differently, or None.

    Text, integers and the structure must match exactly; a float may differ by FIGURE_RTOL of its value or
    by one unit in the last decimal it is stored with (a value rounded on the other side of a 5).
    """
    if stored is None or got is None:
        return None if stored == got else f"{'no stored file' if stored is None else 'the run saved no file'}"

    def last_unit(x: float) -> float:
        text = repr(x)
        return 10.0 ** -len(text.split(".")[1]) if "." in text and "e" not in text else 0.0

    def walk(a, b, where: str) -> str | None:
        if isinstance(a, float) or isinstance(b, float):
            if isinstance(a, int | float) and isinstance(b, int | float):
                if abs(a - b) <= max(FIGURE_RTOL * max(abs(a), abs(b)), last_unit(float(a)), last_unit(float(b))):
                    return None
            return f"{where or 'top'}: {a!r} / {b!r}"
        if isinstance(a, dict) and isinstance(b, dict):
            if a.keys() != b.keys():
                return f"{where or 'top'}: keys {sorted(a)} / {sorted(b)}"
            return next((d for k in a if (d := walk(a[k], b[k], f"{where}.{k}" if where else k))), None)
        if isinstance(a, list) and isinstance(b, list):
            if len(a) != len(b):
                return f"{where or 'top'}: {len(a)} items / {len(b)}"
            pairs = enumerate(zip(a, b, strict=True))
            return next((d for i, (x, y) in pairs if (d := walk(x, y, f"{where}[{i}]"))), None)
        return None if a == b and type(a) is type(b) else f"{where or 'top'}: {a!r} / {b!r}"

    return walk(json.loads(stored), json.loads(got), "")


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
        if diff := first_difference(runs[0].stdout, runs[1].stdout) or first_difference(runs[0].data, runs[1].data):
            failed.append(path.name)
            print(f"NONDETERMINISTIC {path.relative_to(SNIPPETS.parent)}: two runs differ at {diff}", file=sys.stderr)
            continue
        OUTPUT.mkdir(exist_ok=True)
        (OUTPUT / f"{path.stem}.txt").write_text(result.stdout, encoding="utf-8")
        data = OUTPUT / f"{path.stem}.json"  # the numbers its figure is drawn from
        if result.data is not None:
            data.write_text(result.data, encoding="utf-8")
        else:
            data.unlink(missing_ok=True)
        print(f"ok {path.name}: {took:.1f} s")
    PROVENANCE.write_text(
        json.dumps({**provenance(), "cpu": cpu_model(), "date": date.today().isoformat()}, indent=2) + "\n"
    )
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
