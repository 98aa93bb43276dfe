"""The benchmark page: run snippets/q13_benchmark.py at build time, cache it, render it.

    python -m sitebuild.generate.benchmark [--force]    # --force: measure again (what `nox -s benchmark` does)

The run is cached under .cache/benchmark/, keyed by the benchmark's code, the framework versions and
the hardware, so warm builds never measure. A crash or time-out still gives a page, with a notice;
a corrupt or foreign cache file is ignored with a warning and measured again. Runs recorded on other
machines (benchmark/results/*.json) are shown beside the local one, each with its own provenance.
Pages ask for generated content with markers: <!-- benchmark:local -->, <!-- benchmark:recorded -->,
<!-- benchmark:summary --> and <!-- benchmark:machine --> (the build machine's peak, worked out).
"""

import argparse
import hashlib
import json
import logging
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path

from sitebuild import LANGS, ROOT, SNIPPETS, text
from sitebuild.generate import cache

PROGRAM = SNIPPETS / "q13_benchmark.py"
RESULTS = ROOT / "benchmark" / "results"
PAGE_DATA = cache.CACHE / "benchmark" / "page.json"  # what the pages and the chart (its INPUTS) show
TIMEOUT_S = float(os.environ.get("SITE_BENCHMARK_TIMEOUT", "180"))
PACKAGES = ("keras", "tensorflow", "jax", "jaxlib", "torch", "numpy")
OPENBLAS_VARS = ("OPENBLAS_CORETYPE", "OPENBLAS_L2_SIZE")  # slow NumPy down; unset for the forced run only
MARKER = re.compile(r"<!-- benchmark:(local|recorded|summary|machine) -->")

# Not under the "mkdocs" logger: a strict build must survive a cache it can repair.
log = logging.getLogger("sitebuild.generate.benchmark")
if not log.handlers:
    _handler = logging.StreamHandler()
    _handler.setFormatter(logging.Formatter("%(levelname)-8s-  benchmark: %(message)s"))
    log.addHandler(_handler)
    log.setLevel(logging.INFO)


# --- cache key: code, software, hardware -------------------------------------------------------
def installed(package: str) -> str | None:
    try:
        return version(package)
    except PackageNotFoundError:
        return None


def hardware() -> dict:
    """What the numbers depend on, read cheaply (no framework import): CPU model, flags, cores, GPUs."""
    text = Path("/proc/cpuinfo").read_text() if Path("/proc/cpuinfo").exists() else ""
    first = dict(re.findall(r"^(.+?)\s*:\s*(.*)$", text.split("\n\n")[0], re.M))
    gpus = ""
    if shutil.which("nvidia-smi"):
        try:
            gpus = subprocess.run(["nvidia-smi", "-L"], capture_output=True, text=True, timeout=30).stdout
        except (OSError, subprocess.SubprocessError):
            gpus = "nvidia-smi failed"
    return {
        "cpu": first.get("model name", ""),
        "flags": first.get("flags", ""),
        "cpus": os.cpu_count(),
        "gpus": [re.sub(r"\s*\(UUID.*\)", "", line) for line in gpus.splitlines()],
    }


def cache_key() -> str:
    h = hashlib.sha256(PROGRAM.read_bytes())
    h.update(json.dumps({p: installed(p) for p in PACKAGES}, sort_keys=True).encode())
    h.update(os.environ.get("KERAS_BACKEND", "tensorflow").encode())
    h.update(json.dumps(hardware(), sort_keys=True).encode())
    return h.hexdigest()[:20]


# --- measuring and caching -----------------------------------------------------------------------
def measure(timeout: float = TIMEOUT_S, drop_env: tuple[str, ...] = (), echo: bool = False) -> dict:
    """Run the benchmark in a fresh process; a crash or a time-out becomes {"error": ...}."""
    env = {k: v for k, v in os.environ.items() if k not in drop_env}
    env.update({"TF_CPP_MIN_LOG_LEVEL": "3", "PYTHONUNBUFFERED": "1"})
    env.setdefault("KERAS_BACKEND", "tensorflow")
    with tempfile.TemporaryDirectory(prefix="benchmark-") as tmp:
        out = Path(tmp) / "run.json"
        cmd = [sys.executable, str(PROGRAM), "--json", str(out)]
        start = time.perf_counter()
        try:
            proc = subprocess.run(cmd, cwd=tmp, env=env, timeout=timeout, text=True, capture_output=not echo)
        except subprocess.TimeoutExpired:
            return {"error": f"{PROGRAM.name} did not finish within {timeout:.0f} s and was stopped."}
        took = time.perf_counter() - start
        if proc.returncode:
            tail = "\n".join((proc.stderr or "").strip().splitlines()[-8:])
            return {"error": f"{PROGRAM.name} exited with code {proc.returncode}.\n{tail}".strip()}
        try:
            result = json.loads(out.read_text())
        except (OSError, ValueError) as err:
            return {"error": f"{PROGRAM.name} wrote no readable results: {err}"}
    result["seconds"] = round(took, 1)
    return result


def problem(result) -> str | None:
    """Why a cached run cannot be used, or None when it can (a failed run is kept: its notice is shown)."""
    if not isinstance(result, dict):
        return "not a benchmark run"
    if "error" in result:
        return None
    if not isinstance(result.get("matmul"), list) or not isinstance(result.get("cpu"), dict):
        return "its results are incomplete"
    if result["cpu"].get("model") != hardware()["cpu"]:
        return f"it was measured on another CPU ({result['cpu'].get('model')})"
    return None


def local_result(force: bool = False, allow_measure: bool = True, **kw) -> dict:
    """This machine's run: from the cache, or measured now (and cached, failures included)."""
    key = f"run.{cache_key()}"
    if not force and (hit := cache.load("benchmark", key, lambda r: problem(r) is None)) is not None:
        return hit
    if not allow_measure:
        return {"error": "not measured yet: run `nox -s build` or `nox -s benchmark`.", "pending": True}
    log.info("measuring this machine (%s); later builds reuse the result", PROGRAM.relative_to(ROOT))
    result = measure(**kw)
    if "error" in result:
        log.info("benchmark failed: %s", result["error"].splitlines()[0])
    cache.store("benchmark", key, result, replaces="run.*.json")
    return result


def recorded() -> list[dict]:
    """Runs recorded on other machines, oldest file name first; unreadable files are reported."""
    runs = []
    for path in sorted(RESULTS.glob("*.json")):
        try:
            runs.append({**json.loads(path.read_text(encoding="utf-8")), "file": path.name})
        except ValueError as err:
            runs.append({"error": f"{path.name}: {err}", "file": path.name})
    return runs


def prepare(force: bool = False, allow_measure: bool = True, **kw) -> dict:
    """Make sure PAGE_DATA holds the local run and the recorded ones; rewrite it only when it changes."""
    data = {"local": local_result(force, allow_measure, **kw), "recorded": recorded()}
    text = json.dumps(data, indent=1, sort_keys=True)
    if not PAGE_DATA.is_file() or PAGE_DATA.read_text(encoding="utf-8") != text:
        PAGE_DATA.parent.mkdir(parents=True, exist_ok=True)
        PAGE_DATA.write_text(text, encoding="utf-8")
    return data


def page_data() -> dict:
    """What the pages show; made from the cache and recorded runs (never measuring) if missing."""
    if not PAGE_DATA.is_file():
        return prepare(allow_measure=False)
    return json.loads(PAGE_DATA.read_text(encoding="utf-8"))


# --- rendering -----------------------------------------------------------------------------------
TEXT = {lang: text(lang, "benchmark") for lang in LANGS}  # the strings live in sitebuild/text/<lang>.yml
BACKENDS = {"tensorflow": "TensorFlow", "jax": "JAX", "torch": "PyTorch"}


def num(x: float, lang: str, digits: int = 3) -> str:
    """A number with `digits` significant digits in the page's language (sv: 1 234,5; en: 1,234.5)."""
    if x is None:
        return "–"
    decimals = max(0, digits - 1 - int(f"{abs(x):e}".split("e")[1])) if x else 0
    text = f"{x:,.{decimals}f}"
    return text.replace(",", "\u202f").replace(".", ",") if lang == "sv" else text


def pct(x: float | None, lang: str) -> str:
    return "–" if x is None else f"{num(x, lang, 2)}\u00a0%" if lang == "sv" else f"{num(x, lang, 2)}%"


def label(key: str, lang: str) -> str:
    return TEXT[lang].get(key, key)


def machine_line(run: dict, lang: str) -> str:
    """The CPU and its peak, worked out (cores × clock × FLOP/cycle), or why the peak is unknown."""
    t, cpu = TEXT[lang], run["cpu"]
    if not cpu.get("peak_gflops"):
        return t["no_peak"].format(cpu=cpu["model"], cores=cpu["cores"])
    return t["machine"].format(
        cpu=cpu["model"],
        cores=cpu["cores"],
        ghz=num(cpu["ghz"], lang, 4),
        clock=cpu["clock_source"],
        fpc=cpu["fp32_flops_per_cycle"],
        peak=num(cpu["peak_gflops"], lang),
    )


def provenance(run: dict, lang: str) -> str:
    t, sw = TEXT[lang], run["software"]
    lines = [machine_line(run, lang)]
    for gpu in run.get("gpus", []):
        source = run.get("peak_sources", {}).get("gpu:0")
        key = "gpu" if source else "gpu_unknown"
        cuda = sw.get("cuda_runtime") or gpu.get("cuda_driver_api") or "?"
        lines.append(t[key].format(name=gpu["name"], driver=gpu.get("driver", "?"), cuda=cuda, source=source))
    blas = sw.get("numpy_blas") or {}
    blas_text = t["blas"].format(api=blas.get("internal_api"), ver=blas.get("version"), arch=blas.get("architecture"))
    lines.append(
        t["software"].format(
            keras=sw["keras"],
            backend=BACKENDS.get(sw["backend"], sw["backend"]),
            backend_version=sw.get(sw["backend"]),
            numpy=sw["numpy"],
            blas=blas_text if blas else "",
            python=sw["python"],
            date=run["date"],
            seconds=t["seconds"].format(s=num(run["seconds"], lang, 2)) if run.get("seconds") else "",
        )
    )
    if sha := run.get("program_sha256"):
        same = sha == hashlib.sha256(PROGRAM.read_bytes()).hexdigest()
        lines.append(t["program_same" if same else "program_other"].format(sha=sha[:12]))
    return "\n\n".join(lines)


def memory_line(run: dict, lang: str) -> str:
    items = []
    for r in run.get("memory", []):
        peak = run["summary"]["best"].get(f"{r['device']} memory", {}).get("pct_of_peak")
        share = f", {pct(peak, lang)}" if peak else ""
        spread = f"{num(r['min'], lang)}–{num(r['max'], lang)}"
        items.append(f"{label(r['device'], lang)} {num(r['median'], lang)} GB/s ({spread}{share})")
    return TEXT[lang]["memory"].format(items="; ".join(items)) if items else ""


def matmul_table(run: dict, lang: str) -> str:
    t, rows = TEXT[lang], {}
    for r in run["matmul"]:
        rows.setdefault((r["device"], r["label"]), {})[r["n"]] = r
    sizes = sorted({r["n"] for r in run["matmul"]})
    scale, unit = (1000, "TFLOP/s") if max(r["median"] for r in run["matmul"]) >= 10_000 else (1, "GFLOP/s")
    head = [t["device"], t["precision"], *(f"n = {n}" for n in sizes), t["best"], t["pct"]]
    out = [t["unit"].format(unit=unit, reps=run["matmul"][0]["reps"]), "", "| " + " | ".join(head) + " |"]
    out.append("|" + "---|" * 2 + "---:|" * (len(sizes) + 2))
    for (device, lab), cells in rows.items():
        best = run["summary"]["best"][f"{device} {lab}"]
        spread = (
            f"{num(best['median'] / scale, lang)} ({num(best['min'] / scale, lang)}–{num(best['max'] / scale, lang)})"
        )
        values = [num(cells[n]["median"] / scale, lang) if n in cells else "" for n in sizes]
        out.append(
            f"| {label(device, lang)} | {label(lab, lang)} | "
            + " | ".join([*values, spread, pct(best["pct_of_peak"], lang)])
            + " |"
        )
    return "\n".join(out)


def training_table(run: dict, lang: str) -> str:
    t = TEXT[lang]
    out = [t["train"].format(reps=run["training"][0]["reps"]), ""]
    out += [
        f"| {t['device']} | {t['model']} | {t['batch']} | {t['speed']} | {t['spread']} |",
        "|---|---|---:|---:|---:|",
    ]
    for r in run["training"]:
        model = r["label"].split("/")[0]
        spread = f"{num(r['min'], lang)}–{num(r['max'], lang)}"
        out.append(
            f"| {label(r['device'], lang)} | {label(model, lang)} | {r['n']} | {num(r['median'], lang)} | {spread} |"
        )
    return "\n".join(out)


def like_for_like(run: dict) -> list[dict]:
    """GPU/CPU ratios, each precision against the same precision on the CPU (TF32 against float32).

    Computed from the run's best rates, not read from its stored ratios: runs recorded by earlier versions of the
    program divided every GPU precision by the CPU's fastest one.
    """
    best, out = run["summary"]["best"], []
    for key, b in best.items():
        cpu = best.get(f"cpu {'float32' if b['label'] == 'tf32' else b['label']}")
        if key.startswith("gpu:0") and cpu:
            kind = "memory" if b["label"] == "memory" else "matmul"
            out.append(
                {"kind": kind, "label": b["label"], "cpu_label": cpu["label"], "ratio": b["median"] / cpu["median"]}
            )
    return out + [s for s in run["summary"]["speedups"] if s["kind"] == "training"]


def speedup_name(s: dict, lang: str) -> str:
    """'bfloat16', 'float32 with TF32 against float32', 'memory (`x * c`)', 'Q5 model (MLP) / 32'."""
    if s["kind"] == "memory":
        return TEXT[lang]["memory_label"]
    what, _, batch = s["label"].partition("/")
    name = label(what, lang) + (f" / {batch}" if batch else "")
    if s.get("cpu_label", s["label"]) != s["label"]:
        name = TEXT[lang]["versus"].format(gpu=name, cpu=label(s["cpu_label"], lang))
    return name


def ratio(s: dict, lang: str) -> str:
    return f"{num(s['ratio'], lang, 2 if s['ratio'] < 10 else 3)}×"


def speedups(run: dict, lang: str) -> str:
    items = [f"{speedup_name(s, lang)} {ratio(s, lang)}" for s in like_for_like(run)]
    return TEXT[lang]["speedup"].format(items=", ".join(items)) if items else ""


def run_markdown(run: dict, lang: str) -> str:
    parts = [provenance(run, lang), matmul_table(run, lang), memory_line(run, lang), training_table(run, lang)]
    parts.append(speedups(run, lang))
    return "\n\n".join(p for p in parts if p)


def notice_block(header: str, error: str) -> str:
    body = "\n".join("    " + line for line in error.splitlines())
    return f"{header}    ```text\n{body}\n    ```\n"


def local_markdown(data: dict, lang: str) -> str:
    t, run = TEXT[lang], data["local"]
    if run.get("pending"):
        return t["pending"]
    if "error" in run:
        return notice_block(t["failed"], run["error"])
    parts = []
    if not run.get("gpus"):
        parts.append(t["no_gpu"].format(backend=backend_name(run)))
    parts.append(run_markdown(run, lang))
    cpu = run["summary"]["best"].get("cpu float32")
    if cpu and "keras_vs_numpy" in run["summary"]:
        parts.append(
            t["vs_numpy"].format(
                pct=pct(cpu["pct_of_peak"], lang), ratio=pct(100 * run["summary"]["keras_vs_numpy"], lang)
            )
        )
    return "\n\n".join(parts)


def backend_name(run: dict) -> str:
    sw = run["software"]
    return f"{BACKENDS.get(sw['backend'], sw['backend'])} {sw.get(sw['backend'], '')}".strip()


def run_title(run: dict, lang: str) -> str:
    gpu = run["gpus"][0]["name"] if run.get("gpus") else TEXT[lang]["recorded_cpu"]
    backend = f"Keras {run['software']['keras']} + {backend_name(run)}"
    return TEXT[lang]["recorded_run"].format(gpu=gpu, backend=backend, date=run["date"])


def recorded_markdown(data: dict, lang: str) -> str:
    t = TEXT[lang]
    if not data["recorded"]:
        return t["none_recorded"]
    parts = []
    for run in data["recorded"]:
        if "error" in run:
            parts.append(t["bad_file"].format(error=run["error"]))
        else:
            parts += [run_title(run, lang), run_markdown(run, lang)]
    return "\n\n".join(parts)


def summary_markdown(data: dict, lang: str) -> str:
    """A few sentences with the headline numbers: this machine, then each recorded GPU run."""
    t, parts, local = TEXT[lang], [], data["local"]
    if "error" not in local and (best := local["summary"]["best"].get("cpu float32")):
        cpu = local["cpu"]
        args = {"cpu": cpu["model"], "cores": cpu["cores"], "best": num(best["median"], lang)}
        parts.append(t["sum_local"].format(**args, pct=pct(best["pct_of_peak"], lang)))
        if (best["pct_of_peak"] or 0) > 100:
            parts.append(t["over_peak"].format(ghz=num(cpu["ghz"], lang, 4), clock=cpu["clock_source"]))
    for run in data["recorded"]:
        if "error" in run or not run.get("gpus"):
            continue
        ratios = like_for_like(run)
        products = ", ".join(f"{speedup_name(r, lang)} {ratio(r, lang)}" for r in ratios if r["kind"] == "matmul")
        train = [
            t["sum_train"].format(
                model=t["sum_" + s["label"].split("/")[0]],
                batch=s["label"].split("/")[1],
                ratio=num(s["ratio"], lang, 2),
            )
            for s in ratios
            if s["kind"] == "training"
        ]
        train_text = t["and"].join([", ".join(train[:-1]), train[-1]]) if len(train) > 1 else "".join(train)
        mem = next((num(s["ratio"], lang) for s in ratios if s["kind"] == "memory"), "–")
        args = {"gpu": run["gpus"][0]["name"], "backend": backend_name(run), "mm": products}
        parts.append(t["sum_gpu"].format(**args, mem=mem, train=train_text))
    return "\n\n".join(parts)


def machine_markdown(data: dict, lang: str) -> str:
    """The build machine's CPU and its peak, worked out: prose about 'this machine' is never typed."""
    run = data["local"]
    if run.get("pending"):
        return TEXT[lang]["pending"]
    if "error" in run:
        return notice_block(TEXT[lang]["failed"], run["error"])
    return machine_line(run, lang)


RENDER = {
    "local": local_markdown,
    "recorded": recorded_markdown,
    "summary": summary_markdown,
    "machine": machine_markdown,
}


def insert(markdown: str, lang: str) -> str:
    """Replace the page's benchmark markers with generated markdown in the page's language."""
    if not MARKER.search(markdown):
        return markdown
    data = page_data()
    return MARKER.sub(lambda m: RENDER[m[1]](data, lang), markdown)


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description="Run the benchmark for the site (cached unless --force).")
    parser.add_argument("--force", action="store_true", help=f"measure again, with {' and '.join(OPENBLAS_VARS)} unset")
    args = parser.parse_args(argv)
    drop = OPENBLAS_VARS if args.force else ()
    data = prepare(force=args.force, drop_env=drop, echo=args.force)
    run = data["local"]
    if "error" in run:
        print(run["error"], file=sys.stderr)
        return 1
    cpu = run["summary"]["best"].get("cpu float32")
    print(
        f"cached in .cache/benchmark; CPU float32 best {cpu['median']:.1f} GFLOP/s at n={cpu['n']}: "
        f"{cpu['pct_of_peak'] or 0:.0f}% of {run['cpu']['peak_gflops']} GFLOP/s peak; "
        f"Keras/NumPy {run['summary'].get('keras_vs_numpy', 0):.2f}"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
