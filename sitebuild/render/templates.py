"""Material's templates, compiled once and kept in .cache/jinja/ between builds.

MkDocs makes a new Jinja environment for every build, which compiles Material's ~80 templates again: about a
second of every build and of every `nox -s serve` reload. Jinja's public bytecode-cache API keeps the compiled
code; Jinja itself checks each entry against the template's source and its own version. An entry that cannot be
read is a miss, like every cache here: it is removed with a one-line notice and compiled again.
"""

import jinja2

from sitebuild.generate import cache


class TemplateCache(jinja2.BytecodeCache):
    folder = cache.CACHE / "jinja"

    def load_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        path = self.folder / f"{bucket.key}.bin"
        try:
            data = path.read_bytes()
        except OSError:
            return
        try:
            bucket.bytecode_from_string(data)  # a wrong header or checksum already resets the bucket
        except Exception:
            cache.notice(f"ignoring corrupt cache entry {cache.rel(path)}; rebuilding it")
            path.unlink(missing_ok=True)
            bucket.reset()

    def dump_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        cache.write_atomic(self.folder / f"{bucket.key}.bin", bucket.bytecode_to_string())
