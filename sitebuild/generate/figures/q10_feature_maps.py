"""Q10: two edge kernels applied to a real photo: the kernels, their feature maps, and the maps after max pooling.

Run it yourself from the repository root: python -m sitebuild.generate.figures.q10_feature_maps (writes a PNG).
"""

import json

import matplotlib.pyplot as plt
import numpy as np

from sitebuild import ROOT

INPUTS = ["snippets/output/q10_edges_pooling.json"]

STRINGS = {
    "sv": {
        "image": "Bild (gråskala)",
        "kernel": "Filterkärna 3×3",
        "map": "Särdragskarta efter\nfaltning och ReLU",
        "pooled": "Efter maxpoolning\n2×2, steglängd 2",
        "vertical edges": "lodräta kanter",
        "horizontal edges": "vågräta kanter",
    },
    "en": {
        "image": "Image (grey-scale)",
        "kernel": "3×3 kernel",
        "map": "Feature map after\nconvolution and ReLU",
        "pooled": "After max pooling\n2×2, stride 2",
        "vertical edges": "vertical edges",
        "horizontal edges": "horizontal edges",
    },
}


def size(a) -> str:
    return f"{a.shape[0]}×{a.shape[1]}"  # rows × columns


def draw(s: dict) -> plt.Figure:
    run = json.loads((ROOT / INPUTS[0]).read_text(encoding="utf-8"))  # the snippet's Conv2D (+ ReLU) and pooling
    image = np.array(run["image"])
    fig = plt.figure(figsize=(10, 4.6))
    grid = fig.add_gridspec(2, 4, width_ratios=[1.6, 0.5, 1.6, 1.6])

    ax = fig.add_subplot(grid[:, 0])  # the input, shown once for both filters
    # interpolation="none": one square per value, so the coarser grid after pooling stays visible
    ax.imshow(image, cmap="gray", vmin=0, vmax=1, interpolation="none")
    ax.set_title(f"{s['image']}\n{size(image)}")

    for row, (name, kernel) in enumerate(run["kernels"].items()):
        kernel, feature_map, pooled = np.array(kernel), np.array(run["maps"][name]), np.array(run["pooled"][name])
        ax = fig.add_subplot(grid[row, 1])  # the kernel with its weights: orange positive, purple negative
        ax.imshow(kernel, cmap="PuOr_r", vmin=-2.5, vmax=2.5, interpolation="none")
        for (i, j), v in np.ndenumerate(kernel):
            colour = "white" if abs(v) == 2 else "black"  # readable on the dark cells
            ax.text(j, i, str(v), ha="center", va="center", fontsize=10, weight="bold", color=colour)
        ax.set_title(f"{s['kernel']}:\n{s[name]}", fontsize=10)

        top = np.percentile(feature_map, 99)  # same colour scale before and after pooling; top 1% saturate
        ax = fig.add_subplot(grid[row, 2])
        ax.imshow(feature_map, cmap="magma", vmin=0, vmax=top, interpolation="none")
        ax.set_title(f"{s['map']} {size(feature_map)}" if row == 0 else size(feature_map), fontsize=10)
        ax = fig.add_subplot(grid[row, 3])
        ax.imshow(pooled, cmap="magma", vmin=0, vmax=top, interpolation="none")
        ax.set_title(f"{s['pooled']} → {size(pooled)}" if row == 0 else size(pooled), fontsize=10)

    for ax in fig.axes:
        ax.set_xticks([])
        ax.set_yticks([])
    return fig


if __name__ == "__main__":
    draw(STRINGS["en"]).savefig("q10_feature_maps.png", dpi=120, bbox_inches="tight")
