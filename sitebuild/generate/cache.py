"""The one cache of the generators: .cache/<kind>/<key>.json, keyed by a hash of the inputs read as bytes.

An entry is a JSON envelope {"kind", "key", "value"} written atomically (a private temporary file, then a rename),
so a parallel or interrupted build never leaves half an entry. A corrupt or foreign entry (unreadable, another
kind, another key, or a value its generator rejects) is a miss: it is removed and rebuilt, with a one-line notice
naming it. Keys never need importing TensorFlow, Keras or matplotlib: they hash files and the pinned lock.
"""

import hashlib
import json
import os
import sys
from collections.abc import Callable
from pathlib import Path

from sitebuild import ROOT

CACHE = ROOT / ".cache"
LOCK = ROOT / "requirements" / "lock.txt"  # the pinned versions of everything a generator imports


def notice(message: str) -> None:
    print(f"INFO    -  generate: {message}", file=sys.stderr, flush=True)


def rel(path: Path) -> str:
    return path.relative_to(ROOT).as_posix() if path.is_relative_to(ROOT) else str(path)


def key(*inputs: Path | str | bytes) -> str:
    """A hash of files (their bytes), strings and bytes, with the lock file and Python's version always in."""
    h = hashlib.sha256(LOCK.read_bytes() + sys.version.encode())
    for item in inputs:
        data = item.read_bytes() if isinstance(item, Path) else item.encode() if isinstance(item, str) else item
        h.update(len(data).to_bytes(8, "little") + data)
    return h.hexdigest()[:24]


def write_atomic(path: Path, data: str | bytes) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(f".{path.name}.{os.getpid()}.partial")
    tmp.write_bytes(data.encode("utf-8") if isinstance(data, str) else data)
    tmp.replace(path)


def write_if_changed(path: Path, data: str | bytes) -> bool:
    """Write a generated file only when its bytes change (mkdocs serve watches docs/)."""
    data = data.encode("utf-8") if isinstance(data, str) else data
    if path.is_file() and path.read_bytes() == data:
        return False
    write_atomic(path, data)
    return True


def _entry(kind: str, key_: str) -> Path:
    return CACHE / kind / f"{key_}.json"


def _read(path: Path, valid: Callable[[object], bool]):
    """The JSON in `path` if `valid` accepts it; otherwise None, and the file is removed with a notice."""
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        if valid(data):
            return data
    except (OSError, ValueError, KeyError, TypeError):
        pass
    notice(f"ignoring corrupt cache entry {rel(path)}; rebuilding it")
    path.unlink(missing_ok=True)
    return None


def load(kind: str, key_: str, valid: Callable[[object], bool] = lambda value: True):
    """The cached value, or None on a miss (a corrupt or foreign entry counts as one and is removed)."""
    path = _entry(kind, key_)
    if not path.is_file():
        return None
    entry = _read(path, lambda e: e["kind"] == kind and e["key"] == key_ and valid(e["value"]))
    return None if entry is None else entry["value"]


def store(kind: str, key_: str, value, replaces: str | None = None) -> None:
    """Cache a JSON-able value; `replaces` is a glob of older entries of the same artefact, removed afterwards."""
    path = _entry(kind, key_)
    write_atomic(path, json.dumps({"kind": kind, "key": key_, "value": value}, ensure_ascii=False))
    for old in path.parent.glob(replaces or "-"):
        if old != path:
            old.unlink(missing_ok=True)


def sweep_json(folder: Path, valid: Callable[[object], bool]) -> None:
    """Remove the unreadable entries of a cache some other program keeps (mkdocs-jupyter's), with a notice."""
    for path in sorted(folder.rglob("*.json")) if folder.is_dir() else []:
        _read(path, valid)
