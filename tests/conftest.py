"""Shared fixtures. `site`: the site, built into .cache/tested-site once for every source state (the `tests` and
`browser` sessions of one run, and the pytest-xdist workers of each, share it), or taken from SITE_DIR when that
points to a build newer than every source. Tests that take `page` or
`question_page` are parametrized over the pages found in that build, so new pages are covered as they are added.
"""

import hashlib
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
TESTED = ROOT / ".cache" / "tested-site"
GENERATED = {"figures", "notebooks", "downloads"}  # docs/<lang>/ folders that the build writes itself


def _newest_source() -> float:
    files = (p for s in SOURCES for p in ([ROOT / s] if (ROOT / s).is_file() else (ROOT / s).rglob("*")))
    return max(p.stat().st_mtime for p in files if p.is_file() and "__pycache__" not in p.parts)


def _sources_digest() -> str:
    """What the build reads, as bytes: pages, snippets, build code, configs, the pinned versions, and SITE_URL."""
    digest = hashlib.sha256(os.environ.get("SITE_URL", "").encode())
    for source in [*SOURCES, "requirements/lock.txt"]:
        path = ROOT / source
        for file in sorted([path] if path.is_file() else path.rglob("*")):
            rel = file.relative_to(ROOT)
            generated = rel.parts[0] == "docs" and GENERATED & set(rel.parts[2:3])
            if file.is_file() and "__pycache__" not in rel.parts and not generated:
                digest.update(f"{rel.as_posix()}\0{file.stat().st_size}\0".encode() + file.read_bytes())
    return digest.hexdigest()


def _tested_site() -> tuple[str, str]:
    """(exit code, build output) of the build of the current sources in TESTED; reused when nothing changed."""
    stamp = TESTED.with_name("tested-site.sha256")
    TESTED.parent.mkdir(exist_ok=True)
    with FileLock(str(TESTED.with_name("tested-site.lock"))):  # another session of the same checkout may build
        digest = _sources_digest()
        if stamp.is_file() and stamp.read_text() == digest and (TESTED / "index.html").is_file():
            return "0", f"reused {TESTED} (built from these sources)"
        stamp.unlink(missing_ok=True)
        build = subprocess.run(BUILD + [str(TESTED)], cwd=ROOT, capture_output=True, text=True)
        if build.returncode == 0:
            stamp.write_text(digest)
        return str(build.returncode), build.stdout + build.stderr


def built_site(config: pytest.Config) -> Path:
    """Build once per run: the first xdist worker builds (or finds the build of these sources), the others wait
    on the lock and reuse it; a failed build is reported by every worker without building again."""
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
        site, log = TESTED, shared / "site.log"
        with FileLock(str(shared / "site.lock")):
            if not log.exists():
                code, output = _tested_site()
                log.write_text(f"{code}\n{output}")
        code, output = log.read_text().split("\n", 1)
        if code != "0":
            raise pytest.UsageError("the strict build of the site failed:\n" + "\n".join(output.splitlines()[-25:]))
    config._built_site = site
    return site


def pytest_generate_tests(metafunc):
    """page: every HTML page of the build; question_page: the question pages of both languages; screen_page:
    every page but the print pages.

    Only for tests that do not parametrize a `page` of their own (a page file under docs/)."""
    own = {n.strip() for m in metafunc.definition.iter_markers("parametrize") for n in str(m.args[0]).split(",")}
    kinds = {"page": lambda p: True, "question_page": QUESTION.search, "screen_page": lambda p: "print_page" not in p}
    for name, keep in kinds.items():
        if name in metafunc.fixturenames and name not in own:  # a test's own `page` (a .md file) is its own
            pages = [p for p in page_paths(built_site(metafunc.config)) if keep(p)]
            slow = [pytest.mark.slow]  # a print page is every page at once
            metafunc.parametrize(name, [pytest.param(p, marks=slow if "print_page" in p else ()) for p in pages])


@pytest.fixture(scope="session")
def site(pytestconfig) -> Path:
    return built_site(pytestconfig)


def pytest_configure(config):
    config.addinivalue_line("markers", "replace(old, new): run a fence's snippet with `old` replaced by `new`")
    config.addinivalue_line("markers", "slow: takes seconds, not milliseconds; started first (see below)")


DURATIONS = "sitebuild/slow-test-seconds"  # in pytest's cache (.pytest_cache): what each slow test took last time
READ = pytest.StashKey[dict]()  # those durations as the controller read them, once


def _last_durations(config) -> dict[str, float]:
    """Read once, by the xdist controller (or a run without xdist): workers that read the cache themselves could
    see different contents if another run writes it in between, and then collect in different orders."""
    if hasattr(config, "workerinput"):
        return config.workerinput.get(DURATIONS, {})
    if READ not in config.stash:  # pytest_configure_node runs once per worker, and again for a replaced one
        cache = getattr(config, "cache", None)  # absent under -p no:cacheprovider
        config.stash[READ] = cache.get(DURATIONS, {}) if cache else {}
    return config.stash[READ]


@pytest.hookimpl(optionalhook=True)
def pytest_configure_node(node):  # xdist, in the controller: hand every worker the same durations
    node.workerinput[DURATIONS] = _last_durations(node.config)


def pytest_collection_modifyitems(config, items):
    """Slow tests first, the longest of them first (as they took in the last run; a new one, not yet timed, before
    all): a slow test started last keeps one xdist worker busy while the other idles, and a worker cannot take
    the test the other runs or has next."""
    took = _last_durations(config)
    slowest_first = lambda item: -took.get(item.nodeid, float("inf"))  # noqa: E731
    items.sort(key=lambda item: (item.get_closest_marker("slow") is None, slowest_first(item)))  # stable


_durations: dict[str, float] = {}


def pytest_runtest_logreport(report):
    if report.when == "call" and "slow" in report.keywords:
        _durations[report.nodeid] = round(report.duration, 1)


def pytest_sessionfinish(session):
    if _durations and getattr(session.config, "cache", None) and not hasattr(session.config, "workerinput"):
        session.config.cache.set(DURATIONS, {**session.config.cache.get(DURATIONS, {}), **_durations})
