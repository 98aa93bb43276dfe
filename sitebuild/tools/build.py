"""Strict build that never leaves a half-built site: build aside, then swap in.

python -m sitebuild.tools.build [SITE_DIR]
"""

import os
import shutil
import subprocess
import sys
from pathlib import Path

from sitebuild import ROOT


def build(dest: Path, config: Path = ROOT / "mkdocs.yml") -> int:
    dest = dest.resolve()
    scratch = dest.with_name(dest.name + ".partial")
    shutil.rmtree(scratch, ignore_errors=True)
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    cmd = [sys.executable, "-m", "mkdocs", "build", "--strict", "-f", str(config), "--site-dir", str(scratch)]
    code = subprocess.run(cmd, cwd=config.parent, env=env).returncode
    if code:
        shutil.rmtree(scratch, ignore_errors=True)
        print(f"build failed; {dest} left as it was", file=sys.stderr)
        return code
    shutil.rmtree(dest, ignore_errors=True)
    scratch.rename(dest)
    return 0


if __name__ == "__main__":
    sys.exit(build(Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT / "site"))
