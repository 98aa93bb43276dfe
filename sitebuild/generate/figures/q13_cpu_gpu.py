"""Q13: a CPU has a few large latency-optimized cores; a GPU has thousands of simple cores grouped in SMs."""

import matplotlib.pyplot as plt
from matplotlib.patches import Rectangle

STRINGS = {
    "sv": {
        "cpu": "CPU: få kraftfulla kärnor",
        "cpu_note": "optimerad för kort fördröjning (latens):\nstora cacheminnen, avancerad styrlogik,\n"
        "SIMD-vektorenheter i varje kärna",
        "core": "kärna",
        "control": "styrlogik",
        "vector": "vektorenhet",
        "cache": "stort cacheminne (L3)",
        "dram": "DDR-arbetsminne",
        "gpu": "GPU: tusentals enkla kärnor",
        "gpu_note": "optimerad för genomströmning: kärnorna\nsitter i streaming multiprocessors (SM),\n"
        "var och en med tensorkärnor för matrisprodukter",
        "sm": "SM",
        "l2": "L2-cache",
        "hbm": "HBM-minne: mycket hög bandbredd",
        "tensor": "= tensorkärnor",
    },
    "en": {
        "cpu": "CPU: a few powerful cores",
        "cpu_note": "optimized for low latency:\nlarge caches, elaborate control logic,\n"
        "SIMD vector units in every core",
        "core": "core",
        "control": "control",
        "vector": "vector unit",
        "cache": "large cache (L3)",
        "dram": "DDR main memory",
        "gpu": "GPU: thousands of simple cores",
        "gpu_note": "optimized for throughput: the cores sit in\nstreaming multiprocessors (SMs),\n"
        "each with tensor cores for matrix products",
        "sm": "SM",
        "l2": "L2 cache",
        "hbm": "HBM: very high-bandwidth memory",
        "tensor": "= tensor cores",
    },
}

INK, CORE, CACHE, MEMORY, TENSOR = "#1a1a1a", "#9ecae1", "#fdd0a2", "#d9d9d9", "#d55e00"


def box(ax, x, y, w, h, colour, text="", size=9):
    ax.add_patch(Rectangle((x, y), w, h, facecolor=colour, edgecolor=INK, linewidth=1))
    if text:
        ax.text(x + w / 2, y + h / 2, text, ha="center", va="center", fontsize=size, color=INK)


def draw_cpu(ax, s):
    for i in range(4):  # four large cores, each with control logic and a vector unit
        x, y = 0.2 + (i % 2) * 2.4, 3.6 - (i // 2) * 1.9
        box(ax, x, y, 2.2, 1.7, CORE)
        ax.text(x + 1.1, y + 1.45, s["core"], ha="center", fontsize=9, weight="bold", color=INK)
        box(ax, x + 0.15, y + 0.7, 1.9, 0.5, "white", s["control"], 8)
        box(ax, x + 0.15, y + 0.12, 1.9, 0.5, "#c6dbef", s["vector"], 8)
    box(ax, 0.2, 1.0, 4.6, 0.6, CACHE, s["cache"])
    box(ax, 0.2, 0.0, 4.6, 0.6, MEMORY, s["dram"], 8)
    ax.text(2.5, 6.2, s["cpu"], ha="center", fontsize=12, weight="bold", color=INK)
    ax.text(2.5, -0.35, s["cpu_note"], ha="center", va="top", fontsize=9, color=INK)


def draw_gpu(ax, s):
    for i in range(12):  # many SMs, each a grid of small cores plus tensor cores
        x, y = 0.2 + (i % 4) * 1.15, 4.25 - (i // 4) * 1.05
        box(ax, x, y, 1.05, 0.95, "white")
        ax.text(x + 0.52, y + 0.76, s["sm"], ha="center", fontsize=7, color=INK)
        for j in range(16):
            ax.add_patch(Rectangle((x + 0.07 + (j % 8) * 0.115, y + 0.32 + (j // 8) * 0.17), 0.09, 0.13, color=CORE))
        ax.add_patch(Rectangle((x + 0.07, y + 0.07), 0.9, 0.18, color=TENSOR))
    ax.add_patch(Rectangle((0.2, 1.8), 0.3, 0.18, color=TENSOR))
    ax.text(0.6, 1.89, s["tensor"], va="center", fontsize=8, color=INK)
    box(ax, 0.2, 1.0, 4.6, 0.6, CACHE, s["l2"])
    box(ax, 0.2, 0.0, 4.6, 0.6, MEMORY, s["hbm"], 8)
    ax.text(2.5, 6.2, s["gpu"], ha="center", fontsize=12, weight="bold", color=INK)
    ax.text(2.5, -0.35, s["gpu_note"], ha="center", va="top", fontsize=9, color=INK)


def draw(s: dict) -> plt.Figure:
    fig, (left, right) = plt.subplots(1, 2, figsize=(10, 5.4))
    draw_cpu(left, s)
    draw_gpu(right, s)
    for ax in (left, right):
        ax.set_xlim(0, 5)
        ax.set_ylim(-1.7, 6.6)
        ax.set_aspect("equal")
        ax.axis("off")
    return fig
