"""Q13: measured matrix-product throughput against size, one panel per run (this machine, recorded GPU runs)."""

import matplotlib.pyplot as plt

from sitebuild.generate import benchmark

INPUTS = [".cache/benchmark/page.json"]  # benchmark.PAGE_DATA, written by benchmark.prepare() before figures

STRINGS = {
    "sv": {
        "local": "Den här datorn\n(mätt när sajten byggdes)",
        "recorded": "Sparad körning: {gpu}\n{backend}, {date}",
        "xlabel": "Matrisstorlek n (n × n)",
        "ylabel": "GFLOP/s (logaritmisk skala)",
        "cpu": "CPU",
        "gpu:0": "GPU",
        "numpy": "NumPy float32",
        "tf32": "float32 med TF32",
        "peak": "teoretisk topp",
        "failed": "Ingen mätning:\n{error}",
        "no_gpu": "ingen GPU",
    },
    "en": {
        "local": "This machine\n(measured when the site was built)",
        "recorded": "Recorded: {gpu}\n{backend}, {date}",
        "xlabel": "Matrix size n (n × n)",
        "ylabel": "GFLOP/s (log scale)",
        "cpu": "CPU",
        "gpu:0": "GPU",
        "numpy": "NumPy float32",
        "tf32": "float32 with TF32",
        "peak": "theoretical peak",
        "failed": "No measurement:\n{error}",
        "no_gpu": "no GPU",
    },
}

# Okabe-Ito colours (colour-blind safe), one per series; CPU lines have round markers, GPU lines square ones.
COLOURS = {
    ("cpu", "float32"): "#0072B2",
    ("cpu", "bfloat16"): "#56B4E9",
    ("cpu", "float16"): "#009E73",
    ("cpu", "numpy"): "#777777",
    ("gpu:0", "float32"): "#D55E00",
    ("gpu:0", "tf32"): "#E69F00",
    ("gpu:0", "float16"): "#CC79A7",
    ("gpu:0", "bfloat16"): "#000000",
}


def series_name(device: str, label: str, s: dict) -> str:
    return f"{s.get(device, device)} {s.get(label, label)}"


def draw_run(ax, run: dict, s: dict, handles: dict) -> None:
    lines = {}
    for r in run["matmul"]:
        lines.setdefault((r["device"], r["label"]), []).append((r["n"], r["median"], r["min"], r["max"]))
    for (device, label), points in lines.items():
        n, med, lo, hi = zip(*sorted(points), strict=True)
        gpu = device.startswith("gpu")
        (line,) = ax.plot(
            n,
            med,
            color=COLOURS.get((device, label), "#000000"),
            marker="s" if gpu else "o",
            markersize=4,
            linestyle="--" if label == "numpy" else "-",
            linewidth=1.6,
        )
        ax.fill_between(n, lo, hi, color=line.get_color(), alpha=0.15, linewidth=0)
        handles.setdefault(series_name(device, label, s), line)
    for device, peaks in run.get("peaks", {}).items():
        for label in ("float32", "bfloat16"):
            if peaks.get(label) and (device, label) in lines:
                ax.axhline(peaks[label], color=COLOURS[device, label], linestyle=":", linewidth=1)
                ax.annotate(
                    f"{s['peak']} ({s.get(device, device)} {label})",
                    (0.02, peaks[label]),
                    xycoords=("axes fraction", "data"),
                    fontsize=8,
                    color="#222222",
                    va="bottom",
                    bbox={"facecolor": "white", "edgecolor": "none", "alpha": 0.75, "pad": 1},  # over the data too
                )


def draw(s: dict) -> plt.Figure:
    data = benchmark.page_data()
    runs = [("local", data["local"]), *(("recorded", r) for r in data["recorded"] if "error" not in r)]
    fig, axes = plt.subplots(1, len(runs), figsize=(4.2 * len(runs), 4.6), sharey=True, squeeze=False)
    handles = {}
    for ax, (kind, run) in zip(axes[0], runs, strict=True):
        ax.set_xscale("log", base=2)
        ax.set_yscale("log")
        ax.set_ylim(1, 3e6)
        ax.set_xlim(48, 11000)
        ax.set_xticks([64, 256, 1024, 4096], labels=["64", "256", "1024", "4096"])
        ax.grid(True, which="major", color="#dddddd", linewidth=0.8)
        ax.set_xlabel(s["xlabel"])
        if kind == "local":
            ax.set_title(s["local"] + ("" if run.get("gpus") else f"; {s['no_gpu']}"), fontsize=10)
        else:
            sw = run["software"]
            backend = f"Keras {sw['keras']} + {benchmark.BACKENDS.get(sw['backend'])} {sw.get(sw['backend'])}"
            ax.set_title(
                s["recorded"].format(gpu=run["gpus"][0]["name"], backend=backend, date=run["date"]), fontsize=10
            )
        if "error" in run:
            error = run["error"].splitlines()[0][:60]
            ax.text(0.5, 0.5, s["failed"].format(error=error), ha="center", va="center", transform=ax.transAxes)
            continue
        draw_run(ax, run, s, handles)
    axes[0][0].set_ylabel(s["ylabel"])
    fig.legend(handles.values(), handles.keys(), loc="lower center", ncol=4, frameon=False, fontsize=9)
    fig.subplots_adjust(bottom=0.28, wspace=0.08)
    return fig
