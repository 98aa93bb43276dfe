"""Every generated artefact, before MkDocs runs: `python -m sitebuild.generate [LANG ...]`.

1. the benchmark page data (this machine's cached run, or a measurement now, alone on the machine);
2. the glossary and the quizzes, checked (a bad data file fails here, naming file and field);
3. what the cache lacks, in parallel worker processes: figures to draw, notebooks to execute;
4. each language's files under docs/<lang>/ (figures/, notebooks/, downloads/), written only when they change.

A warm run finds everything cached and imports no TensorFlow, Keras, matplotlib or notebook code.
"""

import multiprocessing
import os
import sys
import time
from concurrent.futures import ProcessPoolExecutor

from sitebuild import LANGS
from sitebuild.generate import benchmark, cache, figures, glossary, notebooks, quiz


class GenerationError(Exception):
    """A generator failed; the message names the file (and the line or field) to fix."""


def _parallel(jobs: list[tuple]) -> None:
    """Run (function, argument) jobs in worker processes, at most one per core; the first failure is raised."""
    if not jobs:
        return
    workers = min(len(jobs), os.cpu_count() or 1)
    with ProcessPoolExecutor(workers, mp_context=multiprocessing.get_context("fork")) as pool:
        futures = [pool.submit(fn, arg) for fn, arg in jobs]
        for future in futures:
            future.result()


def all(only: list[str] | None = None) -> list[str]:
    """Generate everything (for the languages in `only`, default all); return the files that changed."""
    langs = [lang for lang in LANGS if not only or lang in only]
    try:
        benchmark.prepare()  # failures become a notice on the page, never a failed build
        quiz.current()
        glossary.current()
        notebooks.sweep_jupyter_cache()
        jobs = [(notebooks.run_and_cache, s) for s in notebooks.to_execute()]  # the longest first
        jobs += [(figures.draw_and_cache, n) for n in figures.to_draw()]
        if jobs:
            cache.notice(f"drawing or executing {len(jobs)} artefacts not in .cache/")
        _parallel(jobs)
        return figures.write_all(langs) + notebooks.generate(langs)
    except quiz.QuizError as err:
        raise GenerationError(f"quiz: {err}") from None
    except glossary.GlossaryError as err:
        raise GenerationError(f"glossary: {err}") from None
    except figures.FigureError as err:
        raise GenerationError(f"figure failed: {err}") from None
    except notebooks.NotebookError as err:
        raise GenerationError(str(err)) from None


def main(argv: list[str]) -> int:
    start = time.perf_counter()
    try:
        changed = all(argv or None)
    except GenerationError as err:
        print(f"ERROR   -  {err}", file=sys.stderr)
        return 1
    cache.notice(f"{len(changed)} files written in {time.perf_counter() - start:.1f} s")
    return 0
