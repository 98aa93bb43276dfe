"""Q7: the output of a real keras.layers.Dropout(0.2) on a batch of ones, in training and at inference."""

import json

import matplotlib.pyplot as plt
import numpy as np
from matplotlib.colors import ListedColormap

from sitebuild import ROOT

INPUTS = ["snippets/output/q07_dropout.json"]

STRINGS = {
    "sv": {
        "train": "Träning, anrop {n}\n(training=True)",
        "infer": "Inferens\n(training=False)",
        "example": "exempel",
        "unit": "enhet",
        "zeros": "nollställda: {z} av {total}",
        "legend": "0 = nollställd      {kept} = behållen, skalad med 1/(1 − {rate})      1 = oförändrad",
        "decimal": ",",
    },
    "en": {
        "train": "Training, call {n}\n(training=True)",
        "infer": "Inference\n(training=False)",
        "example": "example",
        "unit": "unit",
        "zeros": "zeroed: {z} of {total}",
        "legend": "0 = zeroed      {kept} = kept, scaled by 1/(1 − {rate})      1 = unchanged",
        "decimal": ".",
    },
}

# Okabe-Ito colours (colour-blind safe): grey for zeroed, blue for scaled, sky blue for unchanged.
COLOURS = ListedColormap(["#e6e6e6", "#56b4e9", "#0072b2"])


def number(value: float, s: dict) -> str:
    return f"{value:g}".replace(".", s["decimal"])


def draw(s: dict) -> plt.Figure:
    saved = json.loads((ROOT / INPUTS[0]).read_text(encoding="utf-8"))  # the snippet's Dropout outputs
    rate, training, inference = saved["rate"], map(np.array, saved["training"]), np.array(saved["inference"])
    panels = [(s["train"].format(n=i), out) for i, out in enumerate(training, 1)] + [(s["infer"], inference)]
    fig, axes = plt.subplots(1, len(panels), figsize=(11, 3.3))
    for ax, (title, out) in zip(axes, panels, strict=True):
        codes = (out > 0).astype(int) + (out > 1).astype(int)  # 0 zeroed, 1 unchanged, 2 scaled
        ax.imshow(codes, cmap=COLOURS, vmin=0, vmax=2)
        for (row, col), value in np.ndenumerate(out):
            colour = "white" if value > 1 else "#111111"
            ax.text(col, row, number(value, s), ha="center", va="center", fontsize=7.5, color=colour)
        ax.set_title(title, fontsize=10.5)
        ax.set_xticks(range(out.shape[1]), [str(i + 1) for i in range(out.shape[1])], fontsize=8)
        ax.set_yticks(range(out.shape[0]), [str(i + 1) for i in range(out.shape[0])], fontsize=8)
        ax.set_xlabel(s["unit"], fontsize=9)
        ax.set_ylabel(s["example"], fontsize=9)
        ax.tick_params(length=0)
        ax.text(
            0.5,
            -0.42,
            s["zeros"].format(z=int((out == 0).sum()), total=out.size),
            transform=ax.transAxes,
            ha="center",
            fontsize=9.5,
        )
    kept = number(1 / (1 - rate), s)
    fig.text(0.5, 0.0, s["legend"].format(kept=kept, rate=number(rate, s)), ha="center", fontsize=10)
    fig.tight_layout()
    return fig
