"""Q2: Keras 3 is one API on top of interchangeable backends; TensorFlow is the default one."""

import matplotlib.pyplot as plt
from matplotlib.patches import FancyArrowPatch, FancyBboxPatch

STRINGS = {
    "sv": {
        "code": "Din kod: keras.Sequential, layers.Dense, model.compile, model.fit",
        "keras": "Keras 3: högnivå-API för djupinlärning",
        "keras_note": "lager, modeller, träningsloop, keras.ops  ·  tf.keras i TensorFlow ≥ 2.16 är samma Keras 3",
        "choose": "backend väljs med\nKERAS_BACKEND",
        "default": "standard",
        "inference": "bara inferens",
        "hardware": "Hårdvara: CPU, GPU, TPU",
    },
    "en": {
        "code": "Your code: keras.Sequential, layers.Dense, model.compile, model.fit",
        "keras": "Keras 3: a high-level deep-learning API",
        "keras_note": "layers, models, training loop, keras.ops  ·  tf.keras in TensorFlow ≥ 2.16 is this same Keras 3",
        "choose": "backend chosen with\nKERAS_BACKEND",
        "default": "default",
        "inference": "inference only",
        "hardware": "Hardware: CPU, GPU, TPU",
    },
}

BACKENDS = [
    ("TensorFlow", "default"),
    ("JAX", None),
    ("PyTorch", None),
    ("NumPy", "inference"),
    ("OpenVINO", "inference"),
]
CODE, KERAS, BACKEND, HARDWARE = "#e9ecef", "#dbe4ff", "#ffe3c2", "#f1f3f5"
EDGE, INK = "#1a237e", "#0d1440"
LABEL = {"facecolor": "white", "edgecolor": "none", "pad": 1.5}  # an edge label: the arrow runs behind it


def box(ax, x, y, w, h, colour, dashed=False):
    ax.add_patch(
        FancyBboxPatch((x, y), w, h, boxstyle="round,pad=0.02,rounding_size=0.12", facecolor=colour,
                       edgecolor=EDGE, linewidth=1.3, linestyle="--" if dashed else "-")
    )  # fmt: skip


def arrow(ax, x, y0, y1):
    ax.add_patch(FancyArrowPatch((x, y0), (x, y1), arrowstyle="-|>", mutation_scale=13, color=EDGE, linewidth=1.2))


def draw(s: dict) -> plt.Figure:
    fig, ax = plt.subplots(figsize=(8.4, 5.0))
    box(ax, 0, 5.0, 12, 0.8, CODE)
    ax.text(6, 5.4, s["code"], ha="center", va="center", fontsize=10, family="DejaVu Sans Mono", color=INK)
    arrow(ax, 6, 4.95, 4.55)
    box(ax, 0, 3.2, 12, 1.3, KERAS)
    ax.text(6, 4.05, s["keras"], ha="center", va="center", fontsize=12.5, weight="bold", color=INK)
    ax.text(6, 3.55, s["keras_note"], ha="center", va="center", fontsize=8.8, color=INK)
    ax.text(
        6, 2.75, s["choose"], ha="center", va="center", fontsize=8.5, style="italic", color=INK, zorder=3, bbox=LABEL
    )
    width, gap = 2.2, 0.25
    for i, (name, note) in enumerate(BACKENDS):
        x = i * (width + gap)
        arrow(ax, x + width / 2, 3.15, 2.35)
        box(ax, x, 1.3, width, 1.0, BACKEND, dashed=note == "inference")
        ax.text(
            x + width / 2,
            1.92 if note else 1.8,
            name,
            ha="center",
            va="center",
            fontsize=11.5,
            weight="bold",
            color=INK,
        )
        if note:
            ax.text(x + width / 2, 1.55, f"({s[note]})", ha="center", va="center", fontsize=8.5, color=INK)
        arrow(ax, x + width / 2, 1.25, 0.85)
    box(ax, 0, 0, 12, 0.8, HARDWARE)
    ax.text(6, 0.4, s["hardware"], ha="center", va="center", fontsize=10.5, color=INK)
    ax.set_xlim(-0.2, 12.2)
    ax.set_ylim(-0.2, 6.0)
    ax.set_aspect("equal")
    ax.axis("off")
    return fig
