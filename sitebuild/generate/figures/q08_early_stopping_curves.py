"""Q8: the real training and validation loss of the early-stopping run, with its best and stopping epochs."""

import json

import matplotlib.pyplot as plt
from matplotlib.ticker import ScalarFormatter
from matplotlib.transforms import blended_transform_factory

from sitebuild import ROOT

INPUTS = ["snippets/output/q08_early_stopping.json"]

STRINGS = {
    "sv": {
        "train": "träningsförlust (loss)",
        "val": "valideringsförlust (val_loss)",
        "best": "bästa epok {e}\nval_loss {v}",
        "stop": "stoppar efter\nepok {e}",
        "patience": "{p} epoker utan\nförbättring\n(patience={p})",
        "xlabel": "epok",
        "ylabel": "förlust (binär korsentropi)",
        "decimal": ",",
    },
    "en": {
        "train": "training loss (loss)",
        "val": "validation loss (val_loss)",
        "best": "best epoch {e}\nval_loss {v}",
        "stop": "stops after\nepoch {e}",
        "patience": "{p} epochs without\nimprovement\n(patience={p})",
        "xlabel": "epoch",
        "ylabel": "loss (binary cross-entropy)",
        "decimal": ".",
    },
}

# Okabe-Ito colours (colour-blind safe); labels in darker shades of the same hues, which reach 4.5:1 on white.
TRAIN, VAL, BEST, STOP = "#e69f00", "#0072b2", "#009e73", "#d55e00"
BEST_TEXT, STOP_TEXT = "#007a5a", "#a84a00"


class DecimalFormatter(ScalarFormatter):
    """Matplotlib's tick labels with the language's decimal sign (0,045 in Swedish)."""

    def __init__(self, sign: str):
        super().__init__()
        self.sign = sign

    def __call__(self, x, pos=None):
        return super().__call__(x, pos).replace(".", self.sign)


def draw(s: dict) -> plt.Figure:
    run = json.loads((ROOT / INPUTS[0]).read_text(encoding="utf-8"))  # the snippet's run without restoring
    loss, val = run["loss"], run["val_loss"]
    epochs = list(range(1, len(loss) + 1))
    best, stop = run["best_epoch"] + 1, run["stopped_epoch"] + 1  # the callback counts from 0

    fig, (full, zoom) = plt.subplots(1, 2, figsize=(11, 4.4), gridspec_kw={"width_ratios": [1, 1.15]})
    first = max(1, best - 7)  # the zoom shows the last epochs before the best one, and the patience window
    for ax, lo in ((full, 1), (zoom, first)):
        shown = slice(lo - 1, stop)
        ax.axvspan(best, stop, color=STOP, alpha=0.08, linewidth=0)
        ax.plot(epochs[shown], loss[shown], color=TRAIN, linewidth=2, linestyle="--", label=s["train"])
        ax.plot(epochs[shown], val[shown], color=VAL, linewidth=2.2, marker="o", markersize=4, label=s["val"])
        ax.axvline(best, color=BEST, linewidth=1.6)
        ax.axvline(stop, color=STOP, linewidth=1.6, linestyle=":")
        ax.set_xlabel(s["xlabel"])
        ax.grid(alpha=0.3)
        ax.spines[["top", "right"]].set_visible(False)
        ax.yaxis.set_major_formatter(DecimalFormatter(s["decimal"]))
    full.set_ylabel(s["ylabel"])
    full.set_ylim(0, None)
    # The legend ends left of the best epoch, so neither marker line runs through its text, whatever its width.
    beside_best = blended_transform_factory(full.transData, full.transAxes)
    full.legend(loc="upper right", bbox_to_anchor=(best - 0.6, 1), bbox_transform=beside_best, frameon=False)

    # Zoom: the best epoch, then the count of epochs without improvement that triggers the stop.
    zoom.set_xlim(first - 0.5, stop + 4.5)
    full.set_xlim(right=zoom.get_xlim()[1])  # the zoom's frame, drawn on the full view, then ends inside its axes
    full.indicate_inset_zoom(zoom, edgecolor="#444444")
    zoom.plot([best], [val[best - 1]], marker="o", markersize=11, markerfacecolor="none", markeredgecolor=BEST, mew=2)
    lo, hi = zoom.get_ylim()
    step = (hi - lo) * 0.05
    for count, epoch in enumerate(range(best + 1, stop + 1), 1):
        last = epoch == stop  # beside the dotted stop line, not on it
        zoom.text(
            epoch - 0.15 if last else epoch,
            val[epoch - 1] + step,
            str(count),
            ha="right" if last else "center",
            va="bottom",
            color=STOP_TEXT,
            fontsize=10,
            weight="bold",
        )
    value = f"{val[best - 1]:.4f}".replace(".", s["decimal"])
    zoom.text(
        best - 0.3,
        hi - step,
        s["best"].format(e=best, v=value),
        ha="right",
        va="top",
        color=BEST_TEXT,
        fontsize=10,
        weight="bold",
    )
    zoom.text(
        stop + 0.3,
        hi - step,
        s["stop"].format(e=stop),
        ha="left",
        va="top",
        color=STOP_TEXT,
        fontsize=10,
        weight="bold",
    )
    zoom.text(
        stop + 0.3,
        lo + step,
        s["patience"].format(p=stop - best),
        ha="left",
        va="bottom",
        color="#5a2a00",
        fontsize=9.5,
    )
    fig.tight_layout()
    return fig
