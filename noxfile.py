"""The project's interface: `nox -s build | serve | tests | lint`, and the helpers listed by `nox -l`.

`python3 noxfile.py -s SESSION` needs nothing installed: it puts nox and uv into a virtualenv of their own
(.nox/_nox) and runs nox there, so it works on an externally managed Python (PEP 668: Debian, Ubuntu, Homebrew) as
well. uv installs the lock: 16 s into a new virtualenv, where pip took 75 s (it downloads in parallel, links files
from its cache and byte-compiles on every core).
"""

import hashlib
import os
import subprocess
import sys
from pathlib import Path

NOX, UV = "2026.10.20", "0.13.9"
FLOOR = (3, 11, 5)  # what requirements/lock.txt needs: pymdown-extensions and soupsieve ask for 3.11.5

if __name__ == "__main__":
    if sys.version_info < FLOOR:
        sys.exit(
            f"error: this project needs Python {'.'.join(map(str, FLOOR))} or newer; {sys.executable} is "
            f"{sys.version.split()[0]}"
        )
    try:
        import nox  # noqa: F401
        import uv  # noqa: F401
    except ImportError:  # bootstrap: nox and uv in their own virtualenv, then this file again with that Python
        home = Path(__file__).resolve().parent / ".nox" / "_nox"
        python = home / "bin" / "python"
        if not python.is_file() or os.environ.get("NOXFILE_BOOTSTRAP"):  # new, or it lacks nox or uv
            subprocess.run([sys.executable, "-m", "venv", str(home)], check=True)
            subprocess.run([str(python), "-m", "pip", "install", "-q", f"nox=={NOX}", f"uv=={UV}"], check=True)
        os.environ["NOXFILE_BOOTSTRAP"] = "1"
        os.execv(str(python), [str(python), __file__, *sys.argv[1:]])

import nox  # noqa: E402

try:
    from uv import find_uv_bin  # noqa: E402
except ImportError:
    sys.exit("error: this noxfile needs uv beside nox: run it as `python3 noxfile.py -s SESSION`, which installs both")

nox.options.sessions = ["lint", "tests", "browser", "build"]
nox.options.reuse_venv = "yes"  # a second run does not reinstall TensorFlow
nox.options.default_venv_backend = "uv"

ROOT = Path(__file__).resolve().parent
LOCK = ROOT / "requirements" / "lock.txt"
SITE = ROOT / "site"
SHARED = ROOT / ".nox" / "site"  # the one virtualenv of every session that needs the full lock
ENV = {"NO_MKDOCS_2_WARNING": "1", "TF_CPP_MIN_LOG_LEVEL": "3", "PYTHONHASHSEED": "0"}
LANGS = ("sv", "en")
# worksteal: a worker that runs out takes tests from the other; with plain load scheduling one worker got every
# snippet and the tests session took 78 s instead of 58 s
XDIST = ("-n", "2", "--dist", "worksteal")


def shared(session: nox.Session, *args: str, **kw) -> None:
    """Run `python ARGS` in the shared virtualenv: created on first use, synced when the lock file changes."""
    python = SHARED / "bin" / "python"
    stamp, digest = SHARED / ".lock.sha256", hashlib.sha256(LOCK.read_bytes()).hexdigest()
    uv = find_uv_bin()
    if not python.is_file():
        # --clear: also a broken one (its python missing or dangling), which uv would refuse to touch
        session.run(uv, "venv", "-q", "--clear", "--python", sys.executable, str(SHARED), external=True)
        stamp.unlink(missing_ok=True)
    if not stamp.is_file() or stamp.read_text() != digest:
        # byte-compiled now: an environment with PYTHONDONTWRITEBYTECODE=1 would compile TensorFlow on every import
        install = ["pip", "install", "-q", "--compile-bytecode", "--python", str(python), "-r", str(LOCK)]
        session.run(uv, *install, external=True)
        stamp.write_text(digest)
    session.run(str(python), *args, env={**ENV, **kw.pop("env", {})}, external=True, **kw)


full_lock = nox.session(venv_backend="none")  # the session itself needs no virtualenv of its own


@full_lock
def build(session: nox.Session) -> None:
    """Strict build of both languages into site/: generation, then each language's MkDocs site side by side."""
    shared(session, "-m", "sitebuild.tools.build", str(SITE))
    shared(session, "-m", "sitebuild.tools.bundle", str(SITE))  # the offline zip, inside the site
    session.log(f"built {SITE}; open {SITE / 'index.html'}")


@full_lock
def buildspeed(session: nox.Session) -> None:
    """Benchmark: the warm `nox -s build` against a bare Material build of the same pages, side by side."""
    shared(session, "-m", "sitebuild.tools.buildspeed", *session.posargs)


@full_lock
def servespeed(session: nox.Session) -> None:
    """Benchmark: seconds from saving a page to the reload of `nox -s serve` (`-- en`, `-- en full`)."""
    shared(session, "-m", "sitebuild.generate", *[a for a in session.posargs if a in LANGS])
    shared(session, "-m", "sitebuild.tools.servespeed", *session.posargs)


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


@full_lock
def html(session: nox.Session) -> None:
    """The W3C Nu HTML checker on every page of site/; fails on an error a bare Material page has not (needs Java)."""
    shared(session, "-m", "sitebuild.checks.html", built_site(session))  # the bare page needs MkDocs and Material


@full_lock
def serve(session: nox.Session) -> None:
    """Live-reloading preview of one language on http://127.0.0.1:8000 (`nox -s serve -- en` for English).

    A save rebuilds only the saved page (MkDocs' --dirty): about 2 s instead of a whole site's 6 s, but the nav,
    search index and print page keep the other pages as they were. `-- full` (or `-- en full`) rebuilds it all.
    """
    lang = next((a for a in session.posargs if a in LANGS), LANGS[0])
    config = "mkdocs.yml" if lang == LANGS[0] else f"mkdocs.{lang}.yml"
    mode = [] if "full" in session.posargs else ["--dirty"]  # --strict would stop at MkDocs' own dirty warning
    shared(session, "-m", "sitebuild.generate", lang)
    shared(session, "-m", "mkdocs", "serve", *mode, "-f", config, "--dev-addr", "127.0.0.1:8000")


@full_lock
def tests(session: nox.Session) -> None:
    """Run every snippet shown on the pages, and the site's own tests (no browser needed)."""
    shared(session, "-m", "pytest", *XDIST, "--ignore=tests/browser", *session.posargs)


@full_lock
def browser(session: nox.Session) -> None:
    """Build the site and drive it in headless Chromium: offline, search, axe-core, phone, print, PDF, zip."""
    shared(session, "-m", "pytest", *XDIST, "tests/browser", *session.posargs)


@nox.session
def lint(session: nox.Session) -> None:
    session.install("ruff", "-c", str(LOCK))
    session.run("ruff", "check", ".")
    session.run("ruff", "format", "--check", ".")


@full_lock
def benchmark(session: nox.Session) -> None:
    """Measure this machine again for the benchmark page (NumPy with OPENBLAS_CORETYPE/L2_SIZE unset)."""
    shared(session, "-m", "sitebuild.generate.benchmark", "--force")


@full_lock
def lighthouse(session: nox.Session) -> None:
    """Lighthouse on every page (`-- q10 practice` for some), over HTTP as published; fails below 95 (needs npm)."""
    shared(session, "-m", "sitebuild.tools.lighthouse", *session.posargs)


@full_lock
def timings(session: nox.Session) -> None:
    """Benchmark: seconds each example on the pages takes, run as the tests run it (limit: 15 s each)."""
    shared(session, "-m", "sitebuild.examples.timings", *session.posargs)


@full_lock
def outputs(session: nox.Session) -> None:
    """Re-run snippets; store what they print and the numbers their figures draw (all, or those named after --)."""
    shared(session, "-m", "sitebuild.examples.outputs", *session.posargs)


@nox.session(reuse_venv=False, venv_backend="venv")  # pip, for `pip freeze`'s format
def lock(session: nox.Session) -> None:
    """Re-resolve requirements/requirements.in into requirements/lock.txt in a fresh venv."""
    session.install("-r", str(ROOT / "requirements" / "requirements.in"))
    frozen = session.run("python", "-m", "pip", "freeze", "--exclude", "pip", silent=True)
    LOCK.write_text(frozen)


if __name__ == "__main__":
    os.chdir(ROOT)
    nox.main()
