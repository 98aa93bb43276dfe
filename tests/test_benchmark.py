"""The benchmark page: peak calculation, cache key, fault paths (no GPU, crash, time-out, bad cache), rendering."""

import importlib.util
import json
import re
from pathlib import Path

import pytest

from sitebuild import DOCS, ROOT, SNIPPETS, page_file
from sitebuild.checks.prose import body, checked, decimals_of, sections, value, without_code
from sitebuild.generate import benchmark, cache

ZEN4 = "fma avx2 avx512f avx512_bf16"


@pytest.fixture(scope="module")
def program():
    """The benchmark snippet as a module (imports Keras, not run)."""
    spec = importlib.util.spec_from_file_location("q13_benchmark", SNIPPETS / "q13_benchmark.py")
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


@pytest.mark.parametrize(
    ("vendor", "family", "model", "flags", "expected"),
    [
        ("AuthenticAMD", 25, 17, ZEN4, 32),  # Zen 4: AVX-512 on 256-bit units
        ("AuthenticAMD", 25, 1, "fma avx2", 32),  # Zen 3
        ("AuthenticAMD", 23, 1, "fma avx2", 16),  # Zen 1: 256-bit on 128-bit units
        ("AuthenticAMD", 26, 2, ZEN4, 64),  # Zen 5: full 512-bit datapath
        ("GenuineIntel", 6, 143, "fma avx2 avx512f", 64),  # two 512-bit FMA units
        ("GenuineIntel", 6, 60, "fma avx2", 32),  # Haswell
        ("GenuineIntel", 6, 42, "avx", None),  # no FMA: not covered
    ],
)
def test_fp32_flops_per_cycle(program, vendor, family, model, flags, expected):
    assert program.fp32_flops_per_cycle(vendor, family, model, set(flags.split())) == expected


def test_cpu_peak_is_cores_times_clock_times_flops_per_cycle(program, monkeypatch):
    block = "vendor_id\t: AuthenticAMD\ncpu family\t: 25\nmodel\t\t: 17\nmodel name\t: AMD EPYC\n"
    block += f"physical id\t: 0\ncpu MHz\t\t: 2596.134\nflags\t\t: {ZEN4}\n"
    cpuinfo = "\n".join(block + f"core id\t\t: {i}\n" for i in range(2))
    monkeypatch.setattr(program.os, "sched_getaffinity", lambda pid: {0, 1}, raising=False)
    monkeypatch.setattr(program.Path, "exists", lambda self: False)  # no cpufreq: use cpu MHz
    info = program.cpu_info(cpuinfo)
    assert (info["cores"], info["ghz"], info["fp32_flops_per_cycle"]) == (2, 2.596, 32)
    assert info["peak_gflops"] == pytest.approx(2 * 2.596134 * 32, abs=0.1)


def test_gpu_peaks_come_from_the_table_with_a_source(program):
    peaks, source = program.gpu_peaks("NVIDIA H100 80GB HBM3")
    assert peaks["bfloat16"] == pytest.approx(989_400) and "whitepaper" in source
    assert program.gpu_peaks("Some Future GPU") == ({}, None)


def test_cache_key_follows_code_versions_and_hardware(monkeypatch, tmp_path):
    fake = tmp_path / "q13_benchmark.py"
    fake.write_text("print('v1')\n")
    monkeypatch.setattr(benchmark, "PROGRAM", fake)
    monkeypatch.setattr(benchmark, "hardware", lambda: {"cpu": "X", "flags": "fma", "cpus": 2, "gpus": []})
    key = benchmark.cache_key()
    assert benchmark.cache_key() == key
    fake.write_text("print('v2')\n")
    assert benchmark.cache_key() != key
    fake.write_text("print('v1')\n")
    monkeypatch.setattr(benchmark, "installed", lambda p: "9.9" if p == "keras" else None)
    assert benchmark.cache_key() != key
    monkeypatch.undo()
    monkeypatch.setattr(benchmark, "PROGRAM", fake)
    monkeypatch.setattr(benchmark, "hardware", lambda: {"cpu": "X", "flags": "fma", "cpus": 2, "gpus": ["GPU 0: H100"]})
    assert benchmark.cache_key() != key


@pytest.fixture
def sandbox(monkeypatch, tmp_path):
    """Cache and page data in a temporary folder; the benchmark program replaced by `script`."""
    monkeypatch.setattr(cache, "CACHE", tmp_path / "cache")
    monkeypatch.setattr(benchmark, "PAGE_DATA", tmp_path / "cache" / "page.json")
    monkeypatch.setattr(benchmark, "ROOT", tmp_path)
    program = tmp_path / "prog.py"
    program.write_text("pass\n")
    monkeypatch.setattr(benchmark, "PROGRAM", program)
    return program


def test_a_crash_gives_a_page_with_the_error(sandbox):
    sandbox.write_text("raise RuntimeError('no device for you')\n")
    data = benchmark.prepare()
    assert "RuntimeError: no device for you" in data["local"]["error"]
    page = benchmark.insert("<!-- benchmark:local -->", "en")
    assert '!!! failure "The measurement failed"' in page and "no device for you" in page
    assert "nox -s benchmark" in benchmark.insert("<!-- benchmark:local -->", "sv")


def test_a_time_out_is_reported(sandbox):
    sandbox.write_text("import time\ntime.sleep(30)\n")
    assert "did not finish within 1 s" in benchmark.measure(timeout=1)["error"]


def fake_run(gpus=()) -> dict:
    """A tiny synthetic result in the program's format (test data, never shown on the site)."""
    rows = [
        {"device": "cpu", "label": "float32", "n": 256, "median": 120.0, "min": 110.0, "max": 125.0},
        {"device": "cpu", "label": "numpy", "n": 256, "median": 100.0, "min": 90.0, "max": 101.0},
    ]
    rows = [{**r, "reps": 5, "per_rep": 3, "unit": "GFLOP/s"} for r in rows]
    train = [{"device": "cpu", "label": "q5_mlp/32", "n": 32, "median": 5000.0, "min": 4000.0, "max": 5100.0}]
    train = [{**r, "reps": 5, "per_rep": 100, "unit": "samples/s"} for r in train]
    best = {f"cpu {r['label']}": {**r, "peak": None, "pct_of_peak": None} for r in rows}
    best["cpu float32"].update(peak=166.2, pct_of_peak=100 * 120 / 166.2)
    return {
        "schema": 1,
        "date": "2026-11-26",
        "cpu": {"model": benchmark.hardware()["cpu"], "cores": 2, "ghz": 2.596, "clock_source": "test"}
        | {"fp32_flops_per_cycle": 32, "peak_gflops": 166.2},
        "gpus": [{"name": g} for g in gpus],
        "software": {"python": "3.11", "keras": "3.15.1", "backend": "tensorflow", "tensorflow": "2.21.0"}
        | {"numpy": "2.4"},
        "peaks": {"cpu": {"float32": 166.2}},
        "matmul": rows,
        "memory": [],
        "training": train,
        "summary": {"best": best, "speedups": [], "keras_vs_numpy": 1.2},
    }


def test_no_gpu_is_said_and_the_cpu_run_shown(sandbox, monkeypatch):
    monkeypatch.setattr(benchmark, "measure", lambda **kw: fake_run())
    benchmark.prepare()
    sv, en = (benchmark.insert("<!-- benchmark:local -->", lang) for lang in ("sv", "en"))
    assert '!!! note "Ingen GPU här"' in sv and '!!! note "No GPU here"' in en
    assert "| CPU | float32 | 120 | 120 (110–125) | 72\u00a0% |" in sv
    assert "| CPU | float32 | 120 | 120 (110–125) | 72% |" in en
    assert "120% of NumPy's throughput" in en


def test_warm_build_reuses_the_cache(sandbox, monkeypatch):
    monkeypatch.setattr(benchmark, "measure", lambda **kw: fake_run())
    benchmark.prepare()
    monkeypatch.setattr(benchmark, "measure", lambda **kw: pytest.fail("measured again"))
    assert benchmark.prepare()["local"]["matmul"][0]["median"] == 120.0


def entry(key: str) -> Path:
    return cache.CACHE / "benchmark" / f"run.{key}.json"


@pytest.mark.parametrize(
    "content",
    ["{not json", json.dumps({"kind": "benchmark", "key": "someone-else", "value": {}})],
    ids=["corrupt", "foreign"],
)
def test_a_corrupt_or_foreign_cache_is_measured_again_with_a_notice(sandbox, monkeypatch, capfd, content):
    key = benchmark.cache_key()
    entry(key).parent.mkdir(parents=True)
    entry(key).write_text(content)
    monkeypatch.setattr(benchmark, "measure", lambda **kw: fake_run())
    data = benchmark.prepare()
    assert f"ignoring corrupt cache entry {entry(key)}" in capfd.readouterr().err
    assert data["local"]["matmul"][0]["median"] == 120.0
    assert json.loads(entry(key).read_text())["key"] == f"run.{key}"  # repaired


def test_a_cache_from_another_cpu_is_foreign(sandbox):
    run = fake_run() | {"cpu": fake_run()["cpu"] | {"model": "Some Other CPU"}}
    assert "another CPU" in benchmark.problem(run)
    cache.store("benchmark", f"run.{benchmark.cache_key()}", run)
    assert benchmark.local_result(allow_measure=False).get("pending")


def test_recorded_runs_carry_full_provenance():
    runs = benchmark.recorded()
    assert runs, "benchmark/results/ holds no recorded run"
    for run in runs:
        assert "error" not in run, run.get("error")
        gpu = run["gpus"][0]
        assert gpu["name"] and gpu["driver"] and gpu.get("cuda_driver_api")
        assert run["software"]["keras"] and run["software"][run["software"]["backend"]]
        assert run["cpu"]["model"] and run["cpu"]["cores"] and run["date"]
        assert not run.get("quick"), f"{run['file']} is a --quick run"


@pytest.mark.parametrize("lang", ["sv", "en"])
def test_recorded_runs_render_with_their_gpu_and_speedups(lang):
    data = {"local": {"error": "x"}, "recorded": benchmark.recorded()}
    page = benchmark.recorded_markdown(data, lang)
    assert page.count("### NVIDIA H100") == len(data["recorded"])
    assert ("GPU/CPU i samma körning" if lang == "sv" else "GPU/CPU in the same run") in page
    assert "×" in benchmark.summary_markdown(data, lang)


def test_numbers_follow_the_page_language():
    assert benchmark.num(1234.5, "sv") == "1\u202f234" and benchmark.num(1234.5, "en") == "1,234"
    assert benchmark.num(0.3912, "sv", 2) == "0,39" and benchmark.num(0.3912, "en", 2) == "0.39"


@pytest.mark.parametrize(("median", "explained"), [(120.0, False), (211.0, True)])
def test_a_rate_over_the_peak_explains_the_clock(median, explained):
    run = fake_run()
    run["summary"]["best"]["cpu float32"].update(median=median, pct_of_peak=100 * median / 166.2)
    text = benchmark.summary_markdown({"local": run, "recorded": []}, "en")
    assert ("Over 100% means that the clock in the calculation (2.596 GHz, from test)" in text) == explained


# --- generated prose: each page states the figures of its own run and no other -----------------------
FIXTURES = ROOT / "tests" / "fixtures" / "benchmark"
RUNS = sorted(FIXTURES.glob("*.json"))  # real recorded results: one CPU-only run, one GPU run
MARKED = ["q13-cpu-gpu", "benchmark"]


def leaves(data) -> list[float]:
    """Every number in a run's JSON."""
    if isinstance(data, dict):
        return [x for v in data.values() for x in leaves(v)]
    if isinstance(data, list):
        return [x for v in data for x in leaves(v)]
    return [float(data)] if isinstance(data, int | float) and not isinstance(data, bool) else []


def rendered(monkeypatch, name: str, lang: str, run: dict) -> str:
    monkeypatch.setattr(benchmark, "page_data", lambda: {"local": run, "recorded": []})
    return benchmark.insert(page_file(name, lang).read_text(encoding="utf-8"), lang)


def stated(text: str, lang: str) -> list[str]:
    return [value(n, lang) for s in sections(body(text)) for _, b in s.blocks for n in checked(b, lang)]


def test_fixtures_are_one_cpu_run_and_one_gpu_run():
    runs = [json.loads(p.read_text(encoding="utf-8")) for p in RUNS]
    assert sorted(bool(r["gpus"]) for r in runs) == [False, True], f"{FIXTURES}: want one CPU-only and one GPU run"


@pytest.mark.parametrize("name", MARKED)
@pytest.mark.parametrize("lang", ["sv", "en"])
@pytest.mark.parametrize("fixture", RUNS, ids=lambda p: p.stem)
def test_a_page_states_only_the_figures_of_its_own_run(monkeypatch, name, lang, fixture):
    run = json.loads(fixture.read_text(encoding="utf-8"))
    other = next(json.loads(p.read_text(encoding="utf-8")) for p in RUNS if p != fixture)
    page = rendered(monkeypatch, name, lang, run)
    static = stated(page_file(name, lang).read_text(encoding="utf-8"), lang)
    pool = [str(x) for x in leaves(run) + [s["ratio"] for s in benchmark.like_for_like(run)]]
    pool += [str(x / 1000) for x in leaves(run)]  # TFLOP/s
    generated = [n for n in stated(page, lang) if n not in static]
    assert generated, f"{name}.{lang}: nothing generated from {fixture.name}"
    foreign = [n for n in generated if not benchmark_matches(n, pool)]
    assert not foreign, f"docs/{lang}/{name}.md rendered from {fixture.name} states figures not in that run: {foreign}"
    assert run["cpu"]["model"] in page and other["cpu"]["model"] not in page
    if name == "q13-cpu-gpu":
        peak = benchmark.num(run["cpu"]["peak_gflops"], lang)
        assert f"{peak} GFLOP/s" in page, f"{name}.{lang}: the build machine's peak {peak} is not stated"


def benchmark_matches(shown: str, pool: list[str]) -> bool:
    """A generated figure is one of the run's numbers, as is or as a percentage, rounded to the decimals shown."""
    places = decimals_of(shown)
    return any(abs(c - float(shown)) <= 0.5 * 10**-places + 1e-9 for p in pool for c in (float(p), 100 * float(p)))


@pytest.mark.parametrize("lang", ["sv", "en"])
@pytest.mark.parametrize("fixture", RUNS, ids=lambda p: p.stem)
def test_no_unrendered_template_reaches_a_page(monkeypatch, lang, fixture):
    run = json.loads(fixture.read_text(encoding="utf-8"))
    for name in MARKED:
        page = without_code(rendered(monkeypatch, name, lang, run))
        left = re.findall(r"\{[a-z_]+\}", page)
        assert not left, f"docs/{lang}/{name}.md rendered from {fixture.name} shows unrendered templates: {left}"


def test_speedups_compare_each_precision_with_the_same_on_the_cpu():
    for run in benchmark.recorded():
        best = run["summary"]["best"]
        ratios = {s["label"]: s for s in benchmark.like_for_like(run) if s["kind"] != "training"}
        assert ratios["float32"]["ratio"] == best["gpu:0 float32"]["median"] / best["cpu float32"]["median"]
        assert ratios["bfloat16"]["ratio"] == best["gpu:0 bfloat16"]["median"] / best["cpu bfloat16"]["median"]
        assert ratios["tf32"]["cpu_label"] == "float32" and ratios["memory"]["cpu_label"] == "memory"
        line = benchmark.speedups(run, "en")
        assert "float32 with TF32 against float32" in line and "memory (`x * c`)" in line and "{" not in line


def measured(run: dict) -> list[str]:
    """A run's clock, peak and best rates and bandwidths (in G and T units): what prose would quote of a machine."""
    rates = [b["median"] for b in run["summary"]["best"].values()]
    figures = [run["cpu"]["ghz"], run["cpu"].get("peak_gflops") or 0, *rates]
    return [str(x) for x in figures] + [str(x / 1000) for x in rates]


MACHINE_UNITS = re.compile(r"GHz|[GT]FLOP/s|[GT]B/s")


@pytest.mark.parametrize("page", sorted(DOCS.glob("*/*.md")), ids=lambda p: f"{p.parent.name}/{p.name}")
def test_typed_prose_states_no_figure_of_a_machine(page):
    """A clock, a rate or a bandwidth typed into a page that equals a real run's figure was copied from a machine."""
    lang = page.parent.name
    text = body(page.read_text(encoding="utf-8"))
    typed = [
        (line, n)
        for s in sections(text)
        for line, b in s.blocks
        for n in checked(b, lang)
        if re.search(rf"{re.escape(n)}[ \u00a0\u202f]?(?:{MACHINE_UNITS.pattern})", without_code(b))
    ]
    runs = {p.name: measured(json.loads(p.read_text(encoding="utf-8"))) for p in RUNS}
    copied = [
        f"line {line}: {n}, a figure of {name}"
        for line, n in typed
        for name, pool in runs.items()
        if benchmark_matches(value(n, lang), pool)
    ]
    assert not copied, f"docs/{page.name} types machine figures; generate them from the run instead: {copied}"
