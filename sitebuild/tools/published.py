"""The built site over HTTP on 127.0.0.1, served the way GitHub Pages serves it.

    python -m sitebuild.tools.published [SITE_DIR] [PORT]    # until Ctrl-C

As on GitHub Pages, text files (HTML, CSS, JavaScript, SVG, JSON, XML) are gzip-compressed when the browser
accepts it, and a missing path answers 404 with the site's own 404.html. Lighthouse (`nox -s lighthouse`) and the
browser suite's HTTP checks read the site through it; Python's plain http.server sends every file uncompressed,
which no published host does.
"""

import gzip
import io
import sys
import threading
from contextlib import contextmanager
from functools import lru_cache, partial
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

COMPRESSED = {".html", ".css", ".js", ".mjs", ".svg", ".json", ".xml", ".txt", ".map"}


@lru_cache(maxsize=512)
def gzipped(path: Path, mtime: float) -> bytes:
    return gzip.compress(path.read_bytes(), compresslevel=6, mtime=0)


class Handler(SimpleHTTPRequestHandler):
    def log_message(self, format, *args):  # quiet: the callers report what matters
        pass

    def end_headers(self):
        self.send_header("Cache-Control", "max-age=600")  # GitHub Pages' own header
        super().end_headers()

    def send_head(self):
        path = Path(self.translate_path(self.path))
        if path.is_dir():
            if not self.path.split("?")[0].endswith("/"):
                return super().send_head()  # its redirect to the folder's URL with a slash
            path = path / "index.html"
        if not path.is_file():
            return self.not_found()
        if path.suffix in COMPRESSED and "gzip" in self.headers.get("Accept-Encoding", ""):
            body = gzipped(path, path.stat().st_mtime)
            self.send_response(200)
            self.send_header("Content-Type", self.guess_type(str(path)))
            self.send_header("Content-Encoding", "gzip")
            self.send_header("Vary", "Accept-Encoding")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            return io.BytesIO(body)
        return super().send_head()

    def not_found(self):
        page = Path(self.directory) / "404.html"
        body = page.read_bytes() if page.is_file() else b"not found"
        self.send_response(404)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        return io.BytesIO(body)


@contextmanager
def serve(site: Path, port: int = 0):
    """Serve `site` in a background thread; yields its root URL, e.g. http://127.0.0.1:43127/."""
    server = ThreadingHTTPServer(("127.0.0.1", port), partial(Handler, directory=str(site)))
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()
        server.server_close()


if __name__ == "__main__":
    site = Path(sys.argv[1] if len(sys.argv) > 1 else "site")
    with serve(site, int(sys.argv[2]) if len(sys.argv) > 2 else 8000) as url:
        print(f"serving {site} on {url} (Ctrl-C stops)")
        threading.Event().wait()
