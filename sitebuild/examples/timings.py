"""Benchmark: how long each example on the pages takes, run as the tests run it (each in its own forked process).

    python -m sitebuild.examples.timings [NAME ...]    # exits 1 when an example takes longer than LIMIT seconds

Issue 4's budget is LIMIT seconds per example on this project's 2-core CI machine. This is a benchmark, not a
test: timings depend on the machine and its load, so they are reported, never asserted inside the test suite.
"""

import os
import sys
import time

from sitebuild import DOCS, SNIPPETS
from sitebuild.examples.fences import EXECUTED, page_blocks, replacements_for
from sitebuild.examples.runner import run_file

LIMIT = 15.0


def embedded() -> list:
    """Every snippet that a page runs in a python fence."""
    blocks = (b for page in DOCS.rglob("*.md") for b in page_blocks(page))
    return sorted({b.source for b in blocks if b.lang in EXECUTED and b.source})


def main(names: list[str]) -> int:
    paths = [SNIPPETS / f"{n.removesuffix('.py')}.py" for n in names] or embedded()
    print(f"{len(paths)} examples, {os.cpu_count()} CPUs, load average {os.getloadavg()[0]:.2f}")
    total, over = 0.0, []
    for path in paths:
        start = time.perf_counter()
        result = run_file(path, replace=replacements_for(path))
        took = time.perf_counter() - start
        total += took
        flag = "FAILED" if result.returncode else ("OVER" if took > LIMIT else "ok")
        print(f"{took:6.1f} s  {flag:6}  {path.name}")
        if flag != "ok":
            over.append(path.name)
    print(f"{total:6.1f} s  total; slowest allowed {LIMIT:.0f} s")
    return 1 if over else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
