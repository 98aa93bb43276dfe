"""Strict build of both languages that never leaves a half-built site.

    python -m sitebuild.tools.build [SITE_DIR]

Runs the generators (sitebuild/generate/), then each language's MkDocs site in its own process, side by side:
Swedish into SITE_DIR.partial, English into SITE_DIR.en.partial. Only when both succeed does the English site move
under the Swedish one (en/) and the whole swap in for SITE_DIR; on any failure SITE_DIR is left as it was.
"""

import os
import shutil
import subprocess
import sys
from pathlib import Path

from sitebuild import LANGS, ROOT, config_file, lang_dir
from sitebuild.generate.run import main as generate


def scratch(dest: Path, lang: str) -> Path:
    return dest.with_name(f"{dest.name}.partial" if lang == LANGS[0] else f"{dest.name}.{lang}.partial")


def build(dest: Path, config: Path = ROOT / "mkdocs.yml") -> int:
    dest = dest.resolve()
    if code := generate([]):
        print(f"build failed; {dest} left as it was", file=sys.stderr)
        return code
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    procs = {}
    for lang in LANGS:
        shutil.rmtree(scratch(dest, lang), ignore_errors=True)
        cmd = [sys.executable, "-m", "mkdocs", "build", "--strict", "-f", str(config_file(lang, config))]  # no -q:
        # MkDocs' quiet level drops the warnings before --strict can count them
        procs[lang] = subprocess.Popen([*cmd, "--site-dir", str(scratch(dest, lang))], cwd=config.parent, env=env)
    failed = [lang for lang, proc in procs.items() if proc.wait()]
    if failed:
        for lang in LANGS:
            shutil.rmtree(scratch(dest, lang), ignore_errors=True)
        print(f"build failed ({', '.join(failed)}); {dest} left as it was", file=sys.stderr)
        return 1
    site = scratch(dest, LANGS[0])
    for lang in LANGS[1:]:
        scratch(dest, lang).rename(site / lang_dir(lang))
    old = dest.with_name(f"{dest.name}.old")
    shutil.rmtree(old, ignore_errors=True)
    if dest.exists():
        dest.rename(old)
    site.rename(dest)
    shutil.rmtree(old, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(build(Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT / "site"))
