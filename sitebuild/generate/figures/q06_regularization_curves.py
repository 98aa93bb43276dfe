"""Q6: training and validation cross-entropy per epoch of the four real runs (none, dropout, L2, early stopping)."""

import json

import matplotlib.pyplot as plt
from matplotlib.ticker import MaxNLocator

from sitebuild import ROOT

INPUTS = ["snippets/output/q06_regularization.json"]

STRINGS = {
    "sv": {
        "none": "Utan regularisering",
        "dropout": "Dropout(0.5)",
        "L2": "L2-straff (0,001)",
        "early stopping": "Tidigt stopp (patience=5)",
        "train": "träningsdata",
        "val": "valideringsdata",
        "restored": "vikterna från\nepok {e} behålls",
        "xlabel": "epok",
        "ylabel": "korsentropi (log-skala)",
    },
    "en": {
        "none": "No regularization",
        "dropout": "Dropout(0.5)",
        "L2": "L2 penalty (0.001)",
        "early stopping": "Early stopping (patience=5)",
        "train": "training data",
        "val": "validation data",
        "restored": "weights from\nepoch {e} kept",
        "xlabel": "epoch",
        "ylabel": "cross-entropy (log scale)",
    },
}

# Okabe-Ito colours (colour-blind safe); the label in a darker shade of its line's green (4.5:1 on white).
TRAIN, VAL, MARK, MARK_TEXT = "#e69f00", "#0072b2", "#009e73", "#007a5a"


def draw(s: dict) -> plt.Figure:
    saved = json.loads((ROOT / INPUTS[0]).read_text(encoding="utf-8"))  # the four training runs of the snippet
    runs, epochs_max = saved["curves"], saved["epochs"]
    fig, axes = plt.subplots(2, 2, figsize=(10, 6.4), sharex=True, sharey=True)
    for ax, (method, history) in zip(axes.flat, runs.items(), strict=True):
        epochs = range(1, len(history["bce"]) + 1)
        ax.plot(epochs, history["bce"], color=TRAIN, linewidth=2, linestyle="--", label=s["train"])
        ax.plot(epochs, history["val_bce"], color=VAL, linewidth=2.2, label=s["val"])
        best = history["val_bce"].index(min(history["val_bce"])) + 1
        ax.plot([best], [history["val_bce"][best - 1]], marker="o", markersize=8, color=VAL)
        if method == "early stopping":
            ax.axvline(best, color=MARK, linewidth=1.5)
            ax.text(best - 0.6, 0.4, s["restored"].format(e=best), ha="right", va="top", color=MARK_TEXT, fontsize=9.5)
        ax.set_title(s[method], fontsize=11.5)
        ax.set_yscale("log")
        ax.set_xlim(0, epochs_max + 1)
        ax.xaxis.set_major_locator(MaxNLocator(integer=True))
        ax.grid(alpha=0.3, which="major")
        ax.spines[["top", "right"]].set_visible(False)
    for ax in axes[1]:
        ax.set_xlabel(s["xlabel"])
    for ax in axes[:, 0]:
        ax.set_ylabel(s["ylabel"])
    axes[0, 0].legend(loc="lower left", frameon=False)
    fig.tight_layout()
    return fig
