"""The generators' one cache: entries keyed by input bytes; a corrupt or foreign entry is a miss, never a crash."""

import json
import subprocess
import sys

import pytest

from sitebuild import ROOT
from sitebuild.generate import cache, figures, notebooks


@pytest.fixture
def tmp_cache(tmp_path, monkeypatch):
    monkeypatch.setattr(cache, "CACHE", tmp_path)
    return tmp_path


def test_a_stored_value_comes_back(tmp_cache):
    cache.store("kind", "a.1", {"x": [1, 2]})
    assert cache.load("kind", "a.1") == {"x": [1, 2]}
    assert not list(tmp_cache.rglob("*.partial")), "writes are atomic: no temporary file is left"


@pytest.mark.parametrize(
    "garbage",
    [b"\x00\xffgarbage", b'{"kind": "kind", "key": "a.1"', b'{"kind": "other", "key": "a.1", "value": 1}', b"[]"],
    ids=["bytes", "truncated", "foreign", "not an entry"],
)
def test_a_corrupt_entry_is_a_miss_named_in_one_line_and_removed(tmp_cache, capfd, garbage):
    cache.store("kind", "a.1", "ok")
    entry = tmp_cache / "kind" / "a.1.json"
    entry.write_bytes(garbage)
    assert cache.load("kind", "a.1") is None
    err = capfd.readouterr().err
    assert err.count("\n") == 1 and "ignoring corrupt cache entry" in err and "a.1.json" in err
    assert not entry.exists()


def test_a_value_its_generator_rejects_is_a_miss(tmp_cache):
    cache.store("figures", "f.sv.1", "not an svg")
    assert cache.load("figures", "f.sv.1", figures.is_svg) is None


def test_a_newer_entry_replaces_the_older_ones_of_the_same_artefact(tmp_cache):
    cache.store("figures", "f.sv.old", "<svg></svg>")
    cache.store("figures", "f.sv.new", "<svg></svg>", replaces="f.sv.*.json")
    assert sorted(p.name for p in (tmp_cache / "figures").iterdir()) == ["f.sv.new.json"]


def test_keys_follow_the_bytes_of_the_inputs(tmp_path):
    data = tmp_path / "data.json"
    data.write_text("[1]")
    before = cache.key(data, "sv")
    data.write_text("[2]")
    assert cache.key(data, "sv") != before and cache.key(data, "sv") == cache.key(data, "sv")
    assert cache.key(data, "sv") != cache.key(data, "en")


def test_a_corrupt_mkdocs_jupyter_entry_is_removed_before_the_build(tmp_cache, capfd):
    folder = tmp_cache / "mkdocs-jupyter" / "sv"
    folder.mkdir(parents=True)
    (folder / "good.json").write_text(json.dumps({"content": "<p>x</p>", "toc_tokens": [], "title": None}))
    (folder / "bad.json").write_bytes(b"\x00garbage")
    notebooks.sweep_jupyter_cache()
    assert sorted(p.name for p in folder.iterdir()) == ["good.json"]
    assert "mkdocs-jupyter/sv/bad.json" in capfd.readouterr().err


HEAVY = {"matplotlib", "keras", "tensorflow", "jupytext", "nbformat", "nbclient", "sklearn"}


def test_a_warm_generation_imports_no_heavy_module(site):
    """After a build (the `site` fixture), generating again finds everything cached and imports none of them."""
    code = "import sys; from sitebuild.generate import run; run.all(); print(sorted(set(sys.modules) & HEAVY))"
    cmd = [sys.executable, "-c", f"HEAVY = {HEAVY!r}; {code}"]
    proc = subprocess.run(cmd, cwd=ROOT, capture_output=True, text=True)
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.strip() == "[]", f"a warm generation imported {proc.stdout.strip()}"
