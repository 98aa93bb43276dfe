"""Q11: a frozen ResNet50 base with a new two-class head; layer and parameter counts from the real Keras model."""

import json

import matplotlib.pyplot as plt
from matplotlib.patches import FancyArrowPatch, FancyBboxPatch

from sitebuild import ROOT

INPUTS = ["snippets/output/q11_resnet50.json"]

STRINGS = {
    "sv": {
        "image": "Indatabild\n224 × 224 × 3",
        "base": "ResNet50-bas, fryst",
        "base_note": "{layers} lager, {params} parametrar\nförtränade på ImageNet\n"
        "trainable=False: ändras inte av fit()",
        "features": "särdragskartor\n{shape}",
        "head": "Nytt huvud, tränas",
        "head_note": "GlobalAveragePooling2D\nDropout(0.2)\nDense(2, softmax)\n{params} parametrar",
        "classes": "tennisboll\nzebra",
        "old_head": "ImageNets gamla huvud: 1 000 klasser\ntas bort med include_top=False",
        "thousands": "\u202f",
    },
    "en": {
        "image": "Input image\n224 × 224 × 3",
        "base": "ResNet50 base, frozen",
        "base_note": "{layers} layers, {params} parameters\npretrained on ImageNet\n"
        "trainable=False: fit() leaves it alone",
        "features": "feature maps\n{shape}",
        "head": "New head, trained",
        "head_note": "GlobalAveragePooling2D\nDropout(0.2)\nDense(2, softmax)\n{params} parameters",
        "classes": "tennis ball\nzebra",
        "old_head": "ImageNet's old head: 1,000 classes\ndropped by include_top=False",
        "thousands": ",",
    },
}

FROZEN, NEW, PLAIN, EDGE, INK, OLD = "#c5cae9", "#ffd8a8", "#e9ecef", "#1a237e", "#0d1440", "#495057"


def counts():
    """Layers, parameters and output shape of the headless ResNet50 base, and the parameters of Dense(2) on it."""
    run = json.loads((ROOT / INPUTS[0]).read_text(encoding="utf-8"))  # the snippet's model
    return run["base_layers"], run["base_params"], tuple(run["features"]), run["head_params"]


def number(n, s):
    return f"{n:,}".replace(",", s["thousands"])


def box(ax, x, y, w, h, colour, style="-"):
    ax.add_patch(
        FancyBboxPatch(
            (x, y), w, h, boxstyle="round,pad=0.02,rounding_size=0.15",
            facecolor=colour, edgecolor=EDGE, linewidth=1.5, linestyle=style,
        )
    )  # fmt: skip


def arrow(ax, x0, x1, y):
    ax.add_patch(FancyArrowPatch((x0, y), (x1, y), arrowstyle="-|>", mutation_scale=16, color=EDGE, linewidth=1.4))


def draw(s: dict) -> plt.Figure:
    layers, params, shape, head_params = counts()
    fig = plt.figure(figsize=(11.5, 3.45))
    ax = fig.add_axes((0, 0, 1, 1))
    mid, top = 1.6, 3.0
    box(ax, 0, mid - 0.6, 1.6, 1.2, PLAIN)
    ax.text(0.8, mid, s["image"], ha="center", va="center", fontsize=11, color=INK)
    arrow(ax, 1.65, 2.15, mid)

    box(ax, 2.2, 0.2, 4.3, top - 0.2, FROZEN)
    ax.text(4.35, 2.6, "❄ " + s["base"], ha="center", va="center", fontsize=13, weight="bold", color=INK)
    note = s["base_note"].format(layers=layers, params=number(params, s))
    ax.text(4.35, 1.35, note, ha="center", va="center", fontsize=11, color=INK, linespacing=1.5)
    arrow(ax, 6.55, 7.05, mid)

    ax.text(7.85, mid, s["features"].format(shape=" × ".join(map(str, shape))), ha="center", va="center",
            fontsize=10, color=INK, linespacing=1.4)  # fmt: skip
    arrow(ax, 8.65, 9.15, mid)

    box(ax, 9.2, 0.2, 3.3, top - 0.2, NEW)
    ax.text(10.85, 2.6, s["head"], ha="center", va="center", fontsize=13, weight="bold", color=INK)
    ax.text(10.85, 1.35, s["head_note"].format(params=number(head_params, s)), ha="center", va="center",
            fontsize=11, color=INK, linespacing=1.5)  # fmt: skip
    arrow(ax, 12.55, 13.05, mid)
    ax.text(13.15, mid, s["classes"], ha="left", va="center", fontsize=12, weight="bold", color=INK, linespacing=1.6)

    box(ax, 8.95, top + 0.3, 3.8, 0.95, "white", style="--")
    ax.text(10.85, top + 0.78, s["old_head"], ha="center", va="center", fontsize=10, color=OLD, linespacing=1.4)
    ax.set_xlim(-0.1, 14.6)
    ax.set_ylim(0.0, top + 1.35)
    ax.axis("off")
    return fig
