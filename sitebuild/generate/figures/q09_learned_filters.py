"""Q9: the trained digits CNN: its layers with real shapes and parameter counts, and what its first layer learned."""

import json

import matplotlib.pyplot as plt
import numpy as np

from sitebuild import ROOT

INPUTS = ["snippets/output/q09_digits_cnn.json"]

STRINGS = {
    "sv": {
        "digit": "Testbild: siffran {label},\nmodellen svarar {predicted}",
        "kernels": "inlärt filter\n3×3",
        "maps": "särdragskarta\n8×8",
        "title": "Första Conv2D-lagrets 16 filter efter träning\noch vad vart och ett gör av testbilden",
        "params": "{n} parametrar",
        "thousands": " ",
    },
    "en": {
        "digit": "Test image: a {label},\nthe model says {predicted}",
        "kernels": "learned filter\n3×3",
        "maps": "feature map\n8×8",
        "title": "The first Conv2D layer's 16 filters after training,\nand what each makes of the test image",
        "params": "{n} parameters",
        "thousands": ",",
    },
}


def draw_layers(ax, layers, s):
    """One box per layer, as in model.summary(): type, output shape and parameter count, read from the model."""
    previous = None
    for i, (kind, shape, n) in enumerate(layers):
        lines = [kind, "×".join(map(str, shape))]
        if n:
            lines.append(s["params"].format(n=f"{n:,}".replace(",", s["thousands"])))
        box = dict(boxstyle="round,pad=0.3", facecolor="#dbe4ff" if n else "#f1f3f5", edgecolor="#1a237e")
        text = ax.text(i, 0, "\n".join(lines), ha="center", va="center", fontsize=9, bbox=box)
        if previous:  # an arrow from the right edge of the previous box to the left edge of this one
            arrow = dict(arrowstyle="->", color="#1a237e", shrinkA=4, shrinkB=4)
            ax.annotate("", (0, 0.5), xycoords=text, xytext=(1, 0.5), textcoords=previous, arrowprops=arrow)
        previous = text
    ax.set_xlim(-0.5, len(layers) - 0.5)
    ax.axis("off")


def draw(s: dict) -> plt.Figure:
    run = json.loads((ROOT / INPUTS[0]).read_text(encoding="utf-8"))  # the page's model, trained by the snippet
    digit = np.array(run["image"])  # (8, 8): the first test image
    kernels = np.array(run["kernels"])  # (3, 3, 16)
    maps = np.array(run["maps"])  # (8, 8, 16): convolution + bias + ReLU

    fig = plt.figure(figsize=(10.5, 6))
    grid = fig.add_gridspec(5, 10, height_ratios=[1, 1, 1, 1, 1.5], width_ratios=[3, 1.8] + [1] * 8)
    ax = fig.add_subplot(grid[0:4, 0])
    ax.imshow(digit, cmap="gray_r", vmin=0, vmax=1, interpolation="none")
    ax.set_title(s["digit"].format(label=run["label"], predicted=run["predicted"]), fontsize=10)
    for row, key in enumerate(("kernels", "maps", "kernels", "maps")):
        fig.add_subplot(grid[row, 1]).text(0.95, 0.5, s[key], ha="right", va="center", fontsize=9.5)
    for f in range(16):
        row, col = 2 * (f // 8), 2 + f % 8  # filters 0-7 in rows 0-1, filters 8-15 in rows 2-3
        limit = np.abs(kernels[:, :, f]).max()  # orange: positive weights, purple: negative
        top, bottom = fig.add_subplot(grid[row, col]), fig.add_subplot(grid[row + 1, col])
        top.imshow(kernels[:, :, f], cmap="PuOr_r", vmin=-limit, vmax=limit, interpolation="none")
        bottom.imshow(maps[:, :, f], cmap="magma", vmin=0, vmax=maps.max(), interpolation="none")
    fig.suptitle(s["title"], fontsize=11)
    for ax in fig.axes:
        ax.set_xticks([])
        ax.set_yticks([])
        if not ax.images:
            ax.axis("off")
    draw_layers(fig.add_subplot(grid[4, :]), run["layers"], s)
    return fig
