"""Every python fence on every page runs, in a fresh process, and prints what the page shows."""

import json

import pytest

from sitebuild import DOCS, ROOT, SNIPPETS
from sitebuild.examples.fences import EXECUTED, SHOWN_ONLY, page_blocks
from sitebuild.examples.outputs import data_difference, first_difference, provenance
from sitebuild.examples.runner import run_file
from sitebuild.examples.snippets import includes

PAGES = sorted(DOCS.rglob("*.md"))
BLOCKS = [b for page in PAGES for b in page_blocks(page)]


def unique_python_blocks():
    """One test per distinct fence: twins show the same snippet, which then runs once."""
    seen = {}
    for b in BLOCKS:
        if b.lang in EXECUTED:
            seen.setdefault((b.code, b.expected, tuple(b.marks)), []).append(b)
    for group in seen.values():
        first = group[0]
        marks = [eval(m, {"pytest": pytest}) for m in first.marks]  # marks as pytest-codeblocks reads them
        name = first.source.name if first.source else first.where
        yield pytest.param(group, id=name, marks=marks)


@pytest.mark.slow
@pytest.mark.parametrize("group", list(unique_python_blocks()))
def test_fence_runs_and_prints_what_the_page_shows(group):
    block = group[0]
    pages = ", ".join(b.where for b in group)
    assert block.source, f"{pages}: python fence is not a whole file from snippets/; move the code there"
    result = run_file(block.source, replace=block.replacements)
    rel = block.source.relative_to(ROOT)
    if result.returncode:
        pytest.fail(f"{rel} (shown on {pages}) raised:\n{result.stderr}", pytrace=False)
    if block.expected is not None:
        want = [line.rstrip() for line in block.expected.strip("\n").splitlines()]
        got = [line.rstrip() for line in result.stdout.strip("\n").splitlines()]
        if got != want:
            again = run_file(block.source, replace=block.replacements)  # stale, or different on every run?
            if diff := first_difference(result.stdout, again.stdout):
                pytest.fail(f"{rel} prints something different on each run ({diff}); make it deterministic", False)
            diff = first_difference(block.expected, result.stdout)
            pytest.fail(f"{rel}: stored output is stale at {diff} (shown on {pages}); run `nox -s outputs`", False)
    stored = SNIPPETS / "output" / f"{block.source.stem}.json"  # the numbers its figure draws
    if diff := data_difference(stored.read_text(encoding="utf-8") if stored.is_file() else None, result.data):
        pytest.fail(f"{rel}: stored figure data {stored.name} is stale at {diff}; run `nox -s outputs`", False)


def test_no_fence_is_skipped_silently():
    """A fence either runs (python) or is an output/console listing by declared language."""
    bad = [f"{b.where}: fence language {b.lang!r}" for b in BLOCKS if b.lang not in EXECUTED | SHOWN_ONLY]
    assert not bad, "fences that would neither run nor be declared as shown-only:\n" + "\n".join(bad)


def test_every_snippet_is_embedded_in_a_page():
    used = {path.split(":")[0] for page in PAGES for _, path in includes(page.read_text(encoding="utf-8"))}
    orphans = [p.relative_to(ROOT).as_posix() for p in SNIPPETS.glob("*.py")]
    orphans = [p for p in orphans if p not in used]
    assert not orphans, f"snippets embedded in no page: {orphans}"


def test_every_stored_output_has_its_snippet():
    stored = [*(SNIPPETS / "output").glob("*.txt"), *(SNIPPETS / "output").glob("q*.json")]
    stale = [p.name for p in stored if not (SNIPPETS / f"{p.stem}.py").is_file()]
    assert not stale, f"outputs whose snippet is gone: {stale}"


def test_stored_outputs_come_from_the_installed_versions():
    stored = json.loads((SNIPPETS / "output" / "provenance.json").read_text(encoding="utf-8"))
    assert {k: stored[k] for k in provenance()} == provenance(), "outputs are stale: run `nox -s outputs`"


def test_figure_data_tolerates_only_what_a_figure_cannot_show():
    same = '{"loss": [0.25, 0.0312], "epochs": 18, "name": "none"}'
    assert data_difference(same, '{"loss": [0.2501, 0.0313], "epochs": 18, "name": "none"}') is None  # last digit
    assert data_difference(same, '{"loss": [0.252, 0.0312], "epochs": 18, "name": "none"}') is None  # under 1 %
    assert data_difference(same, '{"loss": [0.26, 0.0312], "epochs": 18, "name": "none"}') == "loss[0]: 0.25 / 0.26"
    assert data_difference(same, '{"loss": [0.25, 0.0312], "epochs": 17, "name": "none"}') == "epochs: 18 / 17"
    assert data_difference(same, '{"loss": [0.25], "epochs": 18, "name": "none"}') == "loss: 2 items / 1"
    assert data_difference(same, None) == "the run saved no file"
    assert data_difference(None, None) is None
