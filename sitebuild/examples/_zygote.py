"""The snippet runner's preloaded interpreter: imports the heavy libraries once, then forks a child per snippet.

A fresh `python` pays about 8 s to import TensorFlow, Keras and scikit-learn before a snippet's first line; a
child forked from this process starts with them imported and untouched (nothing here creates a tensor, a layer
or a random number), in its own working directory, with fresh __main__ globals and its own stdout and stderr.
Requests arrive on stdin as JSON lines {"path", "code", "cwd", "out", "timeout"}; each answer is a JSON line
{"returncode"} (or {"timeout": true}) on stdout. runner.py starts one per process that runs snippets.
"""

import json
import os
import signal
import sys
import time
import traceback

for name in ("numpy", "tensorflow", "keras", "sklearn"):
    try:
        __import__(name)
    except ImportError:  # a snippet that needs it fails in its own child, with the real traceback
        pass


def child(request: dict) -> int:
    os.chdir(request["cwd"])
    os.dup2(os.open(os.devnull, os.O_RDONLY), 0)  # stdin is the zygote's request pipe
    for fd, name in ((1, "stdout"), (2, "stderr")):
        os.dup2(os.open(os.path.join(request["out"], name), os.O_WRONLY | os.O_CREAT | os.O_TRUNC), fd)
    sys.argv = [request["path"]]
    code = 0
    try:
        exec(compile(request["code"], request["path"], "exec"), {"__name__": "__main__", "__file__": request["path"]})
    except SystemExit as done:  # as Python treats it: None is 0, an int is the status, anything else is printed
        if done.code is None or isinstance(done.code, int):
            code = done.code or 0
        else:
            print(done.code, file=sys.stderr)
            code = 1
    except BaseException:
        traceback.print_exc()
        code = 1
    sys.stdout.flush()
    sys.stderr.flush()
    return code


def serve() -> None:
    for line in sys.stdin:
        request = json.loads(line)
        pid = os.fork()
        if pid == 0:
            os._exit(child(request))
        deadline = time.monotonic() + request["timeout"]
        while (done := os.waitpid(pid, os.WNOHANG))[0] == 0 and time.monotonic() < deadline:
            time.sleep(0.02)
        if done[0] == 0:
            os.kill(pid, signal.SIGKILL)
            os.waitpid(pid, 0)
            answer = {"timeout": True}
        else:
            answer = {"returncode": os.waitstatus_to_exitcode(done[1])}
        sys.stdout.write(json.dumps(answer) + "\n")
        sys.stdout.flush()


if __name__ == "__main__":
    serve()
