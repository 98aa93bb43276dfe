"""Run a snippet's code as its own program, as `python snippets/x.py` would.

Each run gets its own process, forked from a preloaded interpreter (_zygote.py) that has imported TensorFlow,
Keras, NumPy and scikit-learn and touched nothing, so no global state (seeds, layer names, precision policy)
leaks between examples, `__name__ == "__main__"` holds, and a failure keeps its real traceback, naming the
snippet file and line. The fork saves the ~8 s import of every fresh interpreter.

A snippet whose page draws a figure from what it computed saves those numbers as `<stem>.json` in its working
directory; the run returns that file's text too, so outputs.py stores it next to the printed output and the
tests hold it to the same stale-output check.
"""

import atexit
import json
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


_zygote: subprocess.Popen | None = None


def zygote() -> subprocess.Popen:
    """This process's preloaded interpreter, started on first use (with the snippets' environment)."""
    global _zygote
    if _zygote is None or _zygote.poll() is not None:
        env = {**os.environ, **ENV, "PYTHONPATH": str(ROOT)}
        cmd = [sys.executable, "-m", "sitebuild.examples._zygote"]
        _zygote = subprocess.Popen(cmd, stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True, env=env)
        atexit.register(_zygote.kill)
    return _zygote


def run_file(path: Path, timeout: float = 300, replace: tuple[tuple[str, str], ...] = ()) -> Result:
    """Run a snippet file in a temporary working directory; `replace` edits its code first."""
    code = path.read_text(encoding="utf-8")
    for old, new in replace:
        if old not in code:
            raise ValueError(f"{path}: cannot substitute {old!r}: not in the code")
        code = code.replace(old, new)
    with tempfile.TemporaryDirectory(prefix="snippet-") as cwd, tempfile.TemporaryDirectory(prefix="out-") as out:
        server = zygote()
        request = {"path": str(path), "code": code, "cwd": cwd, "out": out, "timeout": timeout}
        server.stdin.write(json.dumps(request) + "\n")
        server.stdin.flush()
        answer = json.loads(server.stdout.readline() or '{"returncode": -1}')
        if answer.get("timeout"):
            raise subprocess.TimeoutExpired([str(path)], timeout)
        stdout, stderr = (Path(out, name).read_text(encoding="utf-8") for name in ("stdout", "stderr"))
        saved = Path(cwd) / f"{path.stem}.json"
        data = saved.read_text(encoding="utf-8") if saved.is_file() else None
    return Result(stdout, stderr, answer["returncode"], data)
