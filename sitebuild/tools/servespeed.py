"""Benchmark: seconds from saving an edit to a page until `mkdocs serve` reloads the browser.

    python -m sitebuild.tools.servespeed [LANG] [full]      (nox -s servespeed -- en)

Starts the preview as `nox -s serve` does (only the saved page rebuilt, or everything with `full`) on a spare
port, appends a comment to the language's q03 page five times, 3 s apart, and times each save to MkDocs'
"Reloading browsers" line; the page is restored afterwards. The goal (issue 12) is at most 2 s.
"""

import os
import queue
import statistics
import subprocess
import sys
import threading
import time

from sitebuild import LANGS, ROOT, config_file, page_file


def main(args: list[str]) -> int:
    lang = next((a for a in args if a in LANGS), LANGS[0])
    mode = [] if "full" in args else ["--dirty"]
    page = page_file("q03-parameters", lang)
    original = page.read_bytes()
    cmd = [sys.executable, "-m", "mkdocs", "serve", *mode, "-f", str(config_file(lang)), "-a", "127.0.0.1:8765"]
    proc = subprocess.Popen(cmd, cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
                            env={**os.environ, "NO_MKDOCS_2_WARNING": "1"})  # fmt: skip
    lines: queue.Queue = queue.Queue()
    threading.Thread(
        target=lambda: [lines.put((time.perf_counter(), line)) for line in proc.stdout], daemon=True
    ).start()

    def wait_for(text: str, timeout: float = 180) -> float:
        end = time.perf_counter() + timeout
        while time.perf_counter() < end:
            try:
                when, line = lines.get(timeout=1)
            except queue.Empty:
                continue
            if text in line:
                return when
        raise SystemExit(f"no {text!r} from mkdocs serve within {timeout:.0f} s")

    took = []
    try:
        wait_for("Serving on")
        for i in range(5):
            time.sleep(3)
            while not lines.empty():
                lines.get()
            page.write_bytes(original + f"\n<!-- servespeed edit {i} -->\n".encode())
            saved = time.perf_counter()
            took.append(wait_for("Reloading browsers") - saved)
    finally:
        page.write_bytes(original)
        proc.terminate()
        proc.wait()
    print(
        f"{lang}, {'full' if not mode else 'saved page only'}: reloaded {statistics.median(took):.2f} s (median) after"
        f" saving ({', '.join(f'{t:.2f}' for t in took)}; goal: at most 2 s)"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
