"""The project's interface: `nox -s build | serve | tests | lint`, and the helpers listed by `nox -l`."""

import hashlib
from pathlib import Path

import nox

nox.options.sessions = ["lint", "tests", "browser", "build"]
nox.options.reuse_venv = "yes"  # a second run does not reinstall TensorFlow

ROOT = Path(__file__).resolve().parent
LOCK = ROOT / "requirements" / "lock.txt"
SITE = ROOT / "site"
ENV = {"NO_MKDOCS_2_WARNING": "1", "TF_CPP_MIN_LOG_LEVEL": "3", "PYTHONHASHSEED": "0"}


def install(session: nox.Session) -> None:
    """Install the pinned lock, once: later runs skip pip until the lock file changes."""
    stamp = Path(session.virtualenv.location) / ".lock.sha256"
    digest = hashlib.sha256(LOCK.read_bytes()).hexdigest()
    if stamp.is_file() and stamp.read_text() == digest:
        return
    session.install("-r", str(LOCK))
    stamp.write_text(digest)


@nox.session
def build(session: nox.Session) -> None:
    """Strict build of both languages into site/."""
    install(session)
    session.run("python", "-m", "sitebuild.tools.build", str(SITE), env=ENV)
    session.run("python", "-m", "sitebuild.tools.bundle", str(SITE), env=ENV)  # the offline zip, inside the site
    session.log(f"built {SITE}; open {SITE / 'index.html'}")


def built_site(session: nox.Session) -> str:
    """site/, or the built site named after -- (as in `nox -s weight -- /tmp/site`)."""
    return session.posargs[0] if session.posargs else str(SITE)


@nox.session
def pdf(session: nox.Session) -> None:
    """A PDF per language, printed by headless Chromium from the print pages of site/ (run build first)."""
    session.install("playwright", "-c", str(LOCK))
    session.run("python", "-m", "sitebuild.tools.pdf", built_site(session), env=ENV)


@nox.session
def weight(session: nox.Session) -> None:
    """Bytes a first visit to each page of site/ loads, against a bare Material page (run build first)."""
    session.install("playwright", "mkdocs-material", "-c", str(LOCK))
    session.run("python", "-m", "sitebuild.tools.weight", built_site(session), env=ENV)


@nox.session
def links(session: nox.Session) -> None:
    """List the external links of site/, without fetching them (run build first); needs only the standard library."""
    session.run("python", "-m", "sitebuild.checks.links", built_site(session), env=ENV)


@nox.session
def serve(session: nox.Session) -> None:
    """Live-reloading preview on http://127.0.0.1:8000."""
    install(session)
    session.run("mkdocs", "serve", "--strict", "--dev-addr", "127.0.0.1:8000", env=ENV)


@nox.session
def tests(session: nox.Session) -> None:
    """Run every snippet shown on the pages, and the site's own tests (no browser needed)."""
    install(session)
    session.run("pytest", "-n", "2", "--ignore=tests/browser", *session.posargs, env=ENV)


@nox.session
def browser(session: nox.Session) -> None:
    """Build the site and drive it in headless Chromium: offline, search, axe-core, phone, print, PDF, zip."""
    install(session)
    session.run("pytest", "-n", "2", "tests/browser", *session.posargs, env=ENV)


@nox.session
def lint(session: nox.Session) -> None:
    session.install("ruff", "-c", str(LOCK))
    session.run("ruff", "check", ".")
    session.run("ruff", "format", "--check", ".")


@nox.session
def benchmark(session: nox.Session) -> None:
    """Measure this machine again for the benchmark page (NumPy with OPENBLAS_CORETYPE/L2_SIZE unset)."""
    install(session)
    session.run("python", "-m", "sitebuild.generate.benchmark", "--force", env=ENV)


@nox.session
def timings(session: nox.Session) -> None:
    """Benchmark: seconds each example on the pages takes, run as the tests run it (limit: 15 s each)."""
    install(session)
    session.run("python", "-m", "sitebuild.examples.timings", *session.posargs, env=ENV)


@nox.session
def outputs(session: nox.Session) -> None:
    """Re-run snippets and store what they print (all, or those named after --)."""
    install(session)
    session.run("python", "-m", "sitebuild.examples.outputs", *session.posargs, env=ENV)


@nox.session(reuse_venv=False)
def lock(session: nox.Session) -> None:
    """Re-resolve requirements/requirements.in into requirements/lock.txt in a fresh venv."""
    session.install("-r", str(ROOT / "requirements" / "requirements.in"))
    frozen = session.run("python", "-m", "pip", "freeze", "--exclude", "pip", silent=True)
    LOCK.write_text(frozen)
