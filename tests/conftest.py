"""Shared fixtures. `site`: the site, built once per test run into a temporary folder (shared by pytest-xdist
workers), or taken from SITE_DIR when that points to a build newer than every source. Tests that take `page` or
`question_page` are parametrized over the pages found in that build, so new pages are covered as they are added.
"""

import os
import subprocess
import sys
from pathlib import Path

import pytest
from filelock import FileLock

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from sitebuild import ROOT  # noqa: E402
from sitebuild.checks.links import QUESTION, page_paths  # noqa: E402

SOURCES = ["mkdocs.yml", "mkdocs.en.yml", "docs", "snippets", "sitebuild"]
BUILD = [sys.executable, "-m", "sitebuild.tools.build"]  # strict; leaves no half-built site


def _newest_source() -> float:
    files = (p for s in SOURCES for p in ([ROOT / s] if (ROOT / s).is_file() else (ROOT / s).rglob("*")))
    return max(p.stat().st_mtime for p in files if p.is_file() and "__pycache__" not in p.parts)


def built_site(config: pytest.Config) -> Path:
    """Build once per run: the first xdist worker builds, the others wait on the lock and reuse it."""
    if cached := getattr(config, "_built_site", None):
        return cached
    if os.environ.get("SITE_DIR"):
        site = Path(os.environ["SITE_DIR"]).resolve()
        index = site / "index.html"
        if not index.is_file() or index.stat().st_mtime < _newest_source():
            raise pytest.UsageError(f"SITE_DIR={site} is missing or older than the sources: rebuild it or unset it")
    else:
        shared = config._tmp_path_factory.getbasetemp()  # noqa: SLF001  (the fixture is not available at collection)
        shared = shared.parent if hasattr(config, "workerinput") else shared
        site, log = shared / "site", shared / "site.log"
        with FileLock(str(shared / "site.lock")):
            if not log.exists():
                build = subprocess.run(BUILD + [str(site)], cwd=ROOT, capture_output=True, text=True)
                log.write_text(f"{build.returncode}\n{build.stdout}{build.stderr}")
        code, output = log.read_text().split("\n", 1)
        if code != "0":
            raise pytest.UsageError("the strict build of the site failed:\n" + "\n".join(output.splitlines()[-25:]))
    config._built_site = site
    return site


def pytest_generate_tests(metafunc):
    """page: every HTML page of the build; question_page: the question pages of both languages.

    Only for tests that do not parametrize a `page` of their own (a page file under docs/)."""
    own = {n.strip() for m in metafunc.definition.iter_markers("parametrize") for n in str(m.args[0]).split(",")}
    for name, keep in (("page", lambda p: True), ("question_page", QUESTION.search)):
        if name in metafunc.fixturenames and name not in own:  # a test's own `page` (a .md file) is its own
            pages = [p for p in page_paths(built_site(metafunc.config)) if keep(p)]
            metafunc.parametrize(name, pages)


@pytest.fixture(scope="session")
def site(pytestconfig) -> Path:
    return built_site(pytestconfig)


def pytest_configure(config):
    config.addinivalue_line("markers", "replace(old, new): run a fence's snippet with `old` replaced by `new`")
