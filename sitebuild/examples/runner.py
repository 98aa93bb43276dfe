"""Run a snippet's code in a fresh interpreter, as `python snippets/x.py` would.

Each run gets its own process, so TensorFlow/Keras global state (seeds, sessions,
precision policy) never leaks between examples, `__name__ == "__main__"` holds,
and a failure keeps its real traceback, naming the snippet file and line.

A snippet whose page draws a figure from what it computed saves those numbers as `<stem>.json` in its working
directory; the run returns that file's text too, so outputs.py stores it next to the printed output and the
tests hold it to the same stale-output check.
"""

import os
import subprocess
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path

from sitebuild import ROOT

# Fixed environment: quiet TensorFlow, deterministic hashing, fixed console width
# for model.summary(), no display for matplotlib.
ENV = {
    "TF_CPP_MIN_LOG_LEVEL": "3",
    "PYTHONHASHSEED": "0",
    "KERAS_BACKEND": "tensorflow",
    "COLUMNS": "80",
    "MPLBACKEND": "Agg",
    "PYTHONUNBUFFERED": "1",
    "TF_DETERMINISTIC_OPS": "1",
}


@dataclass
class Result:
    stdout: str
    stderr: str
    returncode: int
    data: str | None = None  # the <stem>.json the snippet wrote, if any


def run_file(path: Path, timeout: float = 300, replace: tuple[tuple[str, str], ...] = ()) -> Result:
    """Run a snippet file in a temporary working directory; `replace` edits its code first."""
    code = path.read_text(encoding="utf-8")
    for old, new in replace:
        if old not in code:
            raise ValueError(f"{path}: cannot substitute {old!r}: not in the code")
        code = code.replace(old, new)
    env = {**os.environ, **ENV, "PYTHONPATH": str(ROOT)}
    with tempfile.TemporaryDirectory(prefix="snippet-") as cwd:
        proc = subprocess.run(
            [sys.executable, "-m", "sitebuild.examples._exec", str(path)],
            input=code,
            capture_output=True,
            text=True,
            cwd=cwd,
            env=env,
            timeout=timeout,
        )
        saved = Path(cwd) / f"{path.stem}.json"
        data = saved.read_text(encoding="utf-8") if saved.is_file() else None
    return Result(proc.stdout, proc.stderr, proc.returncode, data)
