# Q13: how fast are matrix products and training on each device Keras can use (the CPU, and each GPU)?
# Written on keras.ops, so the same code runs on every Keras 3 backend:
#
#     python snippets/q13_benchmark.py                     # TensorFlow backend (the default)
#     KERAS_BACKEND=jax python snippets/q13_benchmark.py    # or torch
#     python snippets/q13_benchmark.py --json run.json     # also save every number with its provenance
#
# Method: each measurement is warmed up first, waits until the device has finished before the clock
# stops, and reports the median of REPS repetitions with their spread (min-max).

# %%
import argparse
import hashlib
import json
import math
import os
import platform
import re
import subprocess
import sys
import time
from contextlib import contextmanager, nullcontext
from datetime import date
from importlib.metadata import version
from pathlib import Path

os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "3")  # keep TensorFlow's start-up log quiet

import keras  # noqa: E402
import numpy as np  # noqa: E402
from keras import layers, ops  # noqa: E402

SIZES = (256, 512, 1024, 2048, 4096, 8192)  # n for an (n x n) @ (n x n) product: 2n³ FLOPs
REPS = 5  # timed repetitions of each measurement: we report their median and spread
MATMUL_REP_S = 0.05  # one repetition chains enough products to last at least this long
TRAIN_REP_S = 0.3  # ... and enough training steps
MAX_PRODUCT_S = 0.5  # a sweep stops before a size whose single product would take longer
TRAINING = (("q5_mlp", 32), ("cnn", 32), ("cnn", 256))  # (model, batch size); 32 is fit()'s default
MEMORY_SHAPE = (4096, 16384)  # 256 MiB (2**28 bytes) of float32: far larger than any cache

# Dense (no sparsity) peak TFLOP/s and memory bandwidth (TB/s) of some GPUs, from NVIDIA's own documents.
# The datasheets print tensor-core figures "with sparsity", twice the dense rate a matrix product can use.
GPU_PEAKS = [  # (pattern in the device name, peaks, source)
    (
        r"H100.*HBM3|H100 SXM",
        {"float32": 66.9, "tf32": 494.7, "float16": 989.4, "bfloat16": 989.4, "memory": 3.35},
        "NVIDIA H100 Tensor Core GPU Architecture whitepaper (2022), H100 SXM5",
    ),
    (
        r"H100 PCIe",
        {"float32": 51.2, "tf32": 378.0, "float16": 756.0, "bfloat16": 756.0, "memory": 2.0},
        "NVIDIA H100 Tensor Core GPU Architecture whitepaper (2022), H100 PCIe",
    ),
    (
        r"H200",
        {"float32": 67.0, "tf32": 494.5, "float16": 989.5, "bfloat16": 989.5, "memory": 4.8},
        "NVIDIA H200 Tensor Core GPU datasheet (2024), H200 SXM; sparsity figures halved",
    ),
    (
        r"A100",
        {"float32": 19.5, "tf32": 156.0, "float16": 312.0, "bfloat16": 312.0, "memory": 2.039},
        "NVIDIA A100 Tensor Core GPU datasheet (2021), A100 SXM, dense figures",
    ),
]


# %% The CPU's theoretical peak: cores x clock x FLOPs per cycle
def fp32_flops_per_cycle(vendor: str, family: int, model: int, flags: set[str]) -> int | None:
    """Peak float32 FLOPs one core can finish per clock cycle, from its vector units.

    Two FMA (fused multiply-add) pipes x float32 lanes per pipe x 2 FLOPs per FMA. The lanes follow
    the widest vector instructions (AVX-512: 16, AVX2: 8), capped by the width of the hardware
    datapath: AMD family 25 has 256-bit units (Zen 3 has no AVX-512; Zen 4 runs a 512-bit instruction as
    two 256-bit halves), Zen 1 (family 23, models below 0x30) runs 256-bit ones as two 128-bit halves.
    The model assumes two FMA pipes, so it overstates the peak of cores with one (some Xeon Silver and
    Bronze parts) and of Zen 5 mobile chips, which also split 512-bit instructions.
    """
    if "fma" not in flags:
        return None  # no FMA: an older or non-x86 CPU that this simple model does not cover
    bits = 512 if "avx512f" in flags else 256
    if vendor == "AuthenticAMD" and family == 25:
        bits = min(bits, 256)
    if vendor == "AuthenticAMD" and family == 23 and model < 0x30:
        bits = 128
    return 2 * (bits // 32) * 2


def cpu_info(cpuinfo: str | None = None) -> dict:
    """Model, physical cores, clock and peak float32 GFLOP/s of this CPU (Linux /proc/cpuinfo)."""
    if cpuinfo is None:
        path = Path("/proc/cpuinfo")
        cpuinfo = path.read_text() if path.exists() else ""
    blocks = [dict(re.findall(r"^(.+?)\s*:\s*(.*)$", b, re.M)) for b in cpuinfo.split("\n\n") if b.strip()]
    first = blocks[0] if blocks else {}
    flags = set(first.get("flags", "").split())
    usable = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count()
    # Hyper-threads share a core's vector units, so the peak counts physical cores.
    cores = len({(b.get("physical id"), b.get("core id")) for b in blocks}) if "core id" in first else usable
    cores = min(cores, usable)
    max_khz = Path("/sys/devices/system/cpu/cpu0/cpufreq/cpuinfo_max_freq")
    if max_khz.exists():
        ghz, clock_source = int(max_khz.read_text()) / 1e6, "cpufreq cpuinfo_max_freq"
    else:
        ghz, clock_source = float(first.get("cpu MHz", 0)) / 1000, "/proc/cpuinfo cpu MHz"
    per_cycle = fp32_flops_per_cycle(
        first.get("vendor_id", ""), int(first.get("cpu family", 0)), int(first.get("model", 0)), flags
    )
    return {
        "model": first.get("model name", platform.processor() or platform.machine()),
        "vendor": first.get("vendor_id", ""),
        "family": int(first.get("cpu family", 0)),
        "cores": cores,
        "logical_cpus": os.cpu_count(),
        "ghz": round(ghz, 3),
        "clock_source": clock_source,
        "vector_flags": sorted(flags & {"avx2", "fma", "avx512f", "avx512_bf16", "avx512_fp16", "amx_bf16"}),
        "fp32_flops_per_cycle": per_cycle,
        "peak_gflops": round(cores * ghz * per_cycle, 1) if per_cycle and ghz else None,
    }


def gpu_peaks(name: str) -> tuple[dict, str | None]:
    """GFLOP/s peaks per precision for a GPU name, and their source; ({}, None) for an unknown GPU."""
    for pattern, tflops, source in GPU_PEAKS:
        if re.search(pattern, name):
            return {k: v * 1000 for k, v in tflops.items()}, source
    return {}, None


# %% What the backend sees, and how to wait for it
def gpu_names() -> list[str]:
    """Names of the GPUs this backend can use (an empty list on a machine without one)."""
    backend = keras.backend.backend()
    if backend == "tensorflow":
        import tensorflow as tf

        gpus = tf.config.list_physical_devices("GPU")
        return [tf.config.experimental.get_device_details(g).get("device_name", g.name) for g in gpus]
    if backend == "jax":
        import jax

        return [d.device_kind for d in jax.devices() if d.platform == "gpu"]
    if backend == "torch":
        import torch

        return [torch.cuda.get_device_name(i) for i in range(torch.cuda.device_count())]
    return []


def tf32_switch():
    """(get, set, {True: value, False: value}) for 'may float32 products use TF32 tensor cores?'.

    The one setting that needs backend code; the defaults differ (TensorFlow: on, PyTorch: off).
    """
    backend = keras.backend.backend()
    if backend == "tensorflow":
        import tensorflow as tf

        exp = tf.config.experimental
        return exp.tensor_float_32_execution_enabled, exp.enable_tensor_float_32_execution, {True: True, False: False}
    if backend == "torch":
        import torch

        return torch.get_float32_matmul_precision, torch.set_float32_matmul_precision, {True: "high", False: "highest"}
    if backend == "jax":
        import jax

        def put(value):
            jax.config.update("jax_default_matmul_precision", value)

        return lambda: jax.config.jax_default_matmul_precision, put, {True: "tensorfloat32", False: "float32"}
    return None


@contextmanager
def tf32(enabled: bool):
    """Allow or forbid TF32 for float32 products inside the block, then restore the backend's setting."""
    get, put, values = tf32_switch()
    before = get()
    put(values[enabled])
    try:
        yield
    finally:
        put(before)


def finish(x) -> float:
    """Wait for the device: reading one element back needs the whole product that made it."""
    return float(ops.convert_to_numpy(ops.cast(x[0, 0], "float32")))


def measure(run, min_seconds: float, max_k: int = 100_000) -> tuple[list[float], int]:
    """Seconds per unit of work for REPS repetitions; run(k) does k units and returns when done."""
    run(1)  # warm-up: compilation, autotuning, memory allocation
    start = time.perf_counter()
    run(1)
    k = max(1, min(max_k, math.ceil(min_seconds / (time.perf_counter() - start))))
    run(k)  # warm-up at full length, so clocks and caches settle as in the timed repetitions
    times = []
    for _ in range(REPS):
        start = time.perf_counter()
        run(k)
        times.append((time.perf_counter() - start) / k)
    return times, k


def result(device, label, n, unit_work, times, k, unit) -> dict:
    """One measurement: median rate and spread (min-max) over the repetitions."""
    rates = sorted(unit_work / t for t in times)
    return {
        "device": device,
        "label": label,
        "n": n,
        "median": rates[len(rates) // 2],
        "min": rates[0],
        "max": rates[-1],
        "reps": len(times),
        "per_rep": k,
        "unit": unit,
    }


def progress(r: dict) -> None:
    """One line per measurement on stderr while the benchmark runs."""
    spread = f"{r['min']:.1f}-{r['max']:.1f}"
    line = f"  {r['device']:<6} {r['label']:<12} {r['n']:>5} {r['median']:10.1f} {r['unit']} ({spread})"
    print(line, file=sys.stderr, flush=True)


# %% Matrix products
def sweep(device: str, label: str, sizes, matrix, matmul, wait) -> list[dict]:
    """GFLOP/s of n x n products for growing n, chained (x = x @ b) so each waits for the one before."""
    out = []
    for n in sizes:
        a, b = matrix(n), matrix(n)

        def run(k, a=a, b=b):
            x = a
            for _ in range(k):
                x = matmul(x, b)
            return wait(x)

        times, k = measure(run, MATMUL_REP_S)
        out.append(result(device, label, n, 2 * n**3 / 1e9, times, k, "GFLOP/s"))
        progress(out[-1])
        if 8 * min(times) > MAX_PRODUCT_S:  # the next size does 8x the work
            break
    return out


def keras_sweep(device: str, label: str, dtype: str, sizes, rng) -> list[dict]:
    """Products with keras.ops.matmul on one device, in one precision."""
    with keras.device(device):
        return sweep(device, label, sizes, lambda n: ops.cast(random_matrix(rng, n), dtype), ops.matmul, finish)


def numpy_sweep(sizes, rng) -> list[dict]:
    """The same products in NumPy (its BLAS library), as a reference for the CPU."""
    return sweep("cpu", "numpy", sizes, lambda n: random_matrix(rng, n).astype("float32"), np.matmul, lambda x: x)


def bandwidth(device: str) -> dict:
    """GB/s of the element-wise product x * c: 4 bytes read and 4 written for each multiplication.

    With so little arithmetic per byte, memory bandwidth, not compute, sets the speed.
    """
    with keras.device(device):
        x = ops.ones(MEMORY_SHAPE, "float32")

        def run(k, x=x):
            for _ in range(k):
                x = ops.multiply(x, 0.999)
            return finish(x)

        times, k = measure(run, MATMUL_REP_S)
    size = math.prod(MEMORY_SHAPE)
    r = result(device, "memory", size, 8 * size / 1e9, times, k, "GB/s")
    progress(r)
    return r


def random_matrix(rng, n: int):
    """Normal entries with variance 1/n, so a chain of products neither overflows nor vanishes."""
    return rng.standard_normal((n, n)) / math.sqrt(n)


# %% Training throughput
def q5_mlp():
    """The model of question 5, on 30 input features (as in the breast-cancer data)."""
    model = keras.Sequential(
        [
            keras.Input((30,)),
            layers.Dense(100, activation="relu"),
            layers.Dropout(0.2),
            layers.Dense(50, activation="relu"),
            layers.Dense(1, activation="sigmoid"),
        ]
    )
    model.compile(optimizer="adam", loss="binary_crossentropy", metrics=["accuracy"])
    return model, (30,), 2


def cnn():
    """A small CNN with the layer pattern of Q9/Q10 (conv, pool, conv, pool, dense) on 28 x 28 images."""
    model = keras.Sequential(
        [
            keras.Input((28, 28, 1)),
            layers.Conv2D(32, 3, activation="relu"),
            layers.MaxPooling2D(),
            layers.Conv2D(64, 3, activation="relu"),
            layers.MaxPooling2D(),
            layers.Flatten(),
            layers.Dense(10, activation="softmax"),
        ]
    )
    model.compile(optimizer="adam", loss="sparse_categorical_crossentropy", metrics=["accuracy"])
    return model, (28, 28, 1), 10


class EpochTimer(keras.callbacks.Callback):
    """Seconds per epoch; reading the epoch's loss waits until the device has finished it."""

    def on_train_begin(self, logs=None):
        self.seconds = []

    def on_epoch_begin(self, epoch, logs=None):
        self.start = time.perf_counter()

    def on_epoch_end(self, epoch, logs=None):
        float(logs["loss"])
        self.seconds.append(time.perf_counter() - self.start)


def training_speed(device: str, name: str, batch: int, rng) -> dict:
    """Samples per second in model.fit() on random data, timed per epoch of k batches."""
    with keras.device(device):
        model, shape, classes = {"q5_mlp": q5_mlp, "cnn": cnn}[name]()
        max_k = max(4, min(1000, 64_000_000 // (batch * 4 * math.prod(shape))))  # at most 64 MB of data
        x = rng.standard_normal((max_k * batch, *shape)).astype("float32")
        y = rng.integers(0, classes, max_k * batch)
        timer = EpochTimer()

        def fit(k: int, epochs: int) -> list[float]:
            model.fit(x[: k * batch], y[: k * batch], batch_size=batch, epochs=epochs, verbose=0, callbacks=[timer])
            return timer.seconds

        step = fit(4, 2)[-1] / 4  # warm-up: the first epoch compiles the training step
        k = max(4, min(max_k, math.ceil(TRAIN_REP_S / step)))
        times = [t / k for t in fit(k, REPS)]  # seconds per batch, one value per epoch
    r = result(device, f"{name}/{batch}", batch, batch, times, k, "samples/s")
    progress(r)
    return r


# %% Provenance: what produced the numbers
def nvidia_smi() -> list[dict]:
    try:
        query = ["nvidia-smi", "--query-gpu=name,driver_version,memory.total", "--format=csv,noheader"]
        rows = subprocess.run(query, capture_output=True, text=True, timeout=30).stdout.strip().splitlines()
        header = subprocess.run(["nvidia-smi"], capture_output=True, text=True, timeout=30).stdout
    except (OSError, subprocess.SubprocessError):
        return []
    cuda = re.search(r"CUDA Version:\s*([\d.]+)", header)
    out = []
    for r in rows:
        name, driver, memory = (v.strip() for v in r.split(",")[:3])
        out.append({"name": name, "driver": driver, "memory": memory, "cuda_driver_api": cuda and cuda[1]})
    return out


def program_hash() -> str | None:
    """sha256 of this file, so that a saved result names the code that made it (None in a notebook)."""
    path = globals().get("__file__")
    return hashlib.sha256(Path(path).read_bytes()).hexdigest() if path else None


def software() -> dict:
    backend = keras.backend.backend()
    info = {"python": platform.python_version(), "keras": version("keras"), "backend": backend, "numpy": np.__version__}
    info[backend] = version(backend)
    if backend == "torch":
        import torch

        info["cuda_runtime"] = torch.version.cuda
    if backend == "jax":
        info["jaxlib"] = version("jaxlib")
    try:
        from threadpoolctl import threadpool_info

        blas = [i for i in threadpool_info() if i.get("user_api") == "blas"]
        blas.sort(key=lambda i: "numpy" not in i.get("filepath", ""))  # NumPy's own BLAS first
        info["numpy_blas"] = {k: blas[0].get(k) for k in ("internal_api", "version", "architecture", "num_threads")}
    except (ImportError, IndexError):
        pass
    info["openblas_env"] = {k: os.environ[k] for k in ("OPENBLAS_CORETYPE", "OPENBLAS_L2_SIZE") if k in os.environ}
    return info


# %% The whole benchmark
def benchmark() -> dict:
    """Every measurement on every device, with what produced it."""
    keras.utils.set_random_seed(0)  # the same weights and dropout masks on every run
    rng = np.random.default_rng(0)
    cpu, gpus = cpu_info(), gpu_names()
    smi = nvidia_smi() if gpus else []
    devices = ["cpu"] + ["gpu:0"] * bool(gpus)  # the CPU and the first GPU (named as keras.device() wants)
    peaks = {"cpu": {"float32": cpu["peak_gflops"]}}
    sources = {"cpu": "cores x clock x FLOPs/cycle (see fp32_flops_per_cycle)"}
    print(f"Keras {version('keras')} on {keras.backend.backend()}; devices: {devices}", file=sys.stderr)
    matmul = []
    for device in devices:
        if device == "cpu":  # float32, and 16-bit formats where the CPU has instructions for them
            modes = [("float32", "float32", None)]
            modes += [("bfloat16", "bfloat16", None)] if {"avx512_bf16", "amx_bf16"} & set(cpu["vector_flags"]) else []
            modes += [("float16", "float16", None)] if "avx512_fp16" in cpu["vector_flags"] else []
        else:
            peaks[device], sources[device] = gpu_peaks(gpus[int(device[4:])])
            modes = [("float32", "float32", False), ("tf32", "float32", True)] if tf32_switch() else []
            modes += [("float16", "float16", None), ("bfloat16", "bfloat16", None)]
        for label, dtype, allow_tf32 in modes:
            with nullcontext() if allow_tf32 is None else tf32(allow_tf32):
                matmul += keras_sweep(device, label, dtype, SIZES, rng)
        if device == "cpu":
            matmul += numpy_sweep(SIZES, rng)
    memory = [bandwidth(d) for d in devices]
    train = [training_speed(d, name, batch, rng) for d in devices for name, batch in TRAINING]
    return {
        "schema": 1,
        "sizes": SIZES,
        "date": date.today().isoformat(),
        "cpu": cpu,
        "gpus": [{"name": g, **(smi[i] if i < len(smi) else {})} for i, g in enumerate(gpus)],
        "software": software(),
        "peaks": peaks,
        "peak_sources": sources,
        "program_sha256": program_hash(),
        "matmul": matmul,
        "memory": memory,
        "training": train,
        "summary": summarise(matmul + memory, train, peaks),
    }


def summarise(matmul: list[dict], train: list[dict], peaks: dict) -> dict:
    """Best rate per device and precision, its share of the peak, NumPy and GPU/CPU ratios."""
    best = {}
    for r in matmul:
        key = f"{r['device']} {r['label']}"
        if key not in best or r["median"] > best[key]["median"]:
            peak = peaks.get(r["device"], {}).get(r["label"])
            best[key] = {**r, "peak": peak, "pct_of_peak": 100 * r["median"] / peak if peak else None}
    out = {"best": best, "speedups": speedups(best)}
    cpu32, numpy32 = best.get("cpu float32"), best.get("cpu numpy")
    if cpu32 and numpy32:
        out["keras_vs_numpy"] = cpu32["median"] / numpy32["median"]
    speeds = {(r["device"], r["label"]): r["median"] for r in train}
    for (device, label), v in speeds.items():
        if device == "gpu:0" and ("cpu", label) in speeds:
            out["speedups"].append({"kind": "training", "label": label, "ratio": v / speeds["cpu", label]})
    return out


def speedups(best: dict) -> list[dict]:
    """GPU/CPU ratio of each precision against the same precision on the CPU (TF32 takes float32 inputs).

    A precision that the CPU did not run has no ratio: dividing by another precision would not compare like with like.
    """
    out = []
    for key, b in best.items():
        if key.startswith("gpu:0"):
            cpu = best.get(f"cpu {'float32' if b['label'] == 'tf32' else b['label']}")
            if cpu:
                kind = "memory" if b["label"] == "memory" else "matmul"
                ratio = b["median"] / cpu["median"]
                out.append({"kind": kind, "label": b["label"], "cpu_label": cpu["label"], "ratio": ratio})
    return out


def report(res: dict) -> None:
    """Print the summary table: best rate per device and precision."""
    cpu = res["cpu"]
    print(f"CPU: {cpu['model']}, {cpu['cores']} cores at {cpu['ghz']} GHz, peak {cpu['peak_gflops']} GFLOP/s (float32)")
    for gpu in res["gpus"]:
        print(f"GPU: {gpu['name']} (driver {gpu.get('driver', '?')})")
    print(f"{'device':<8} {'precision':<10} {'size':>6} {'GFLOP/s':>10} {'spread':>19} {'% of peak':>9}")
    for b in (b for b in res["summary"]["best"].values() if b["unit"] == "GFLOP/s"):
        pct = f"{b['pct_of_peak']:.0f}%" if b["pct_of_peak"] else "-"
        spread = f"{b['min']:.1f}-{b['max']:.1f}"
        print(f"{b['device']:<8} {b['label']:<10} {b['n']:>6} {b['median']:>10.1f} {spread:>19} {pct:>9}")
    for r in res["memory"]:
        print(f"{r['device']:<8} memory x*c {r['median']:>10.1f} GB/s ({r['min']:.1f}-{r['max']:.1f})")
    for r in res["training"]:
        spread = f"{r['min']:.0f}-{r['max']:.0f}"
        print(f"{r['device']:<8} train {r['label']:<14} {r['median']:>10.0f} samples/s ({spread})")
    if "keras_vs_numpy" in res["summary"]:
        print(f"Keras/NumPy float32 on the CPU: {res['summary']['keras_vs_numpy']:.2f}")
    for s in res["summary"]["speedups"]:
        versus = f" vs CPU {s['cpu_label']}" if s.get("cpu_label", s["label"]) != s["label"] else ""
        print(f"GPU/CPU {s['kind']} {s['label']}{versus}: {s['ratio']:.1f}x")


# %%
if __name__ == "__main__":
    parser = argparse.ArgumentParser(description="Q13 benchmark: matrix products and training, per device")
    parser.add_argument("--json", type=Path, help="also write every measurement, with provenance, to this file")
    parser.add_argument("--quick", action="store_true", help="tiny sizes, short repetitions: checks that it runs")
    args, _ = parser.parse_known_args()  # known only: Jupyter passes arguments of its own
    if args.quick:
        SIZES, MATMUL_REP_S, TRAIN_REP_S, TRAINING, MEMORY_SHAPE = (64, 128), 0.005, 0.03, TRAINING[:1], (256, 256)
    results = {**benchmark(), "quick": args.quick}
    report(results)
    if args.json:
        args.json.write_text(json.dumps(results, indent=1) + "\n")
