"""Q4: which rows of the breast-cancer data each split takes, from the real runs in the Q4 snippets."""

import json

import matplotlib.pyplot as plt
import numpy as np
from matplotlib.patches import Patch

from sitebuild import ROOT

INPUTS = ["snippets/output/q04_validation_split.json", "snippets/output/q04_data_split.json"]

STRINGS = {
    "sv": {
        "classes": "klass per rad, i filens ordning",
        "malignant": "elakartad",
        "benign": "godartad",
        "keras": "fit(validation_split=0.2)",
        "keras_note": "validering = de sista {n} raderna: {val} elakartade, mot {all} av alla rader",
        "sklearn": "train_test_split(..., stratify=y)",
        "sklearn_note": "två gånger, 60/20/20: spridda rader; elakartade i träning {tr}, validering {va}, test {te}",
        "train": "träningsdata",
        "val": "valideringsdata",
        "test": "testdata",
        "row": "radnummer i datan (load_breast_cancer, {n} rader)",
        "decimal": ",",
        "percent": "\u00a0%",
    },
    "en": {
        "classes": "class of each row, in file order",
        "malignant": "malignant",
        "benign": "benign",
        "keras": "fit(validation_split=0.2)",
        "keras_note": "validation = the last {n} rows: {val} malignant, against {all} of all rows",
        "sklearn": "train_test_split(..., stratify=y)",
        "sklearn_note": "applied twice, 60/20/20: scattered rows; "
        "malignant in training {tr}, validation {va}, test {te}",
        "train": "training set",
        "val": "validation set",
        "test": "test set",
        "row": "row number in the data (load_breast_cancer, {n} rows)",
        "decimal": ".",
        "percent": "%",
    },
}

COLOURS = {"train": "#0072B2", "val": "#E69F00", "test": "#CC79A7"}  # Okabe-Ito: blue, orange, reddish purple
# The two classes are told apart by shade alone: each reaches 3:1 (WCAG 1.4.11) against the other and the background,
# in both palettes (the dark benign is in _palette.DARK; tests/test_figures.py checks the three pairs).
MALIGNANT, BENIGN, INK = "#222222", "#7f7f7f", "#0d1440"


def runs(mask):
    """(start, length) of each run of consecutive True values."""
    edges = np.flatnonzero(np.diff(np.concatenate([[0], mask.astype(int), [0]])))
    return [(int(a), int(b - a)) for a, b in zip(edges[::2], edges[1::2], strict=True)]


def share(y, rows, s):
    return f"{np.mean(y[rows] == 0) * 100:.1f}".replace(".", s["decimal"]) + s["percent"]


def draw(s: dict) -> plt.Figure:
    keras_run, sklearn_run = (json.loads((ROOT / path).read_text(encoding="utf-8")) for path in INPUTS)
    y = np.array(keras_run["target"])
    n = len(y)
    keras_parts = {"train": keras_run["train"], "val": keras_run["validation"]}
    sklearn_parts = {"train": sklearn_run["train"], "val": sklearn_run["validation"], "test": sklearn_run["test"]}
    every = np.arange(n)

    fig, ax = plt.subplots(figsize=(9, 4.4))
    val = keras_parts["val"]
    keras_note = s["keras_note"].format(n=len(val), val=share(y, val, s), all=share(y, every, s))
    sklearn_note = s["sklearn_note"].format(**{k[:2]: share(y, rows, s) for k, rows in sklearn_parts.items()})
    bars = [  # (bottom, {colour: rows in that colour}, title, note)
        (3.4, {MALIGNANT: y == 0, BENIGN: y == 1}, s["classes"], None),
        (1.8, {COLOURS[k]: np.isin(every, rows) for k, rows in keras_parts.items()}, s["keras"], keras_note),
        (0.2, {COLOURS[k]: np.isin(every, rows) for k, rows in sklearn_parts.items()}, s["sklearn"], sklearn_note),
    ]
    for y0, parts, title, note in bars:
        for colour, mask in parts.items():
            ax.broken_barh(runs(mask), (y0, 0.6), facecolors=colour, linewidth=0)
        top = y0 + 0.7 if note is None else y0 + 1.05
        ax.text(0, top, title, ha="left", va="bottom", fontsize=10.5, weight="bold", color=INK,
                family="DejaVu Sans Mono" if "(" in title else "DejaVu Sans")  # fmt: skip
        if note:
            ax.text(0, y0 + 0.68, note, ha="left", va="bottom", fontsize=9, color=INK,
                    bbox={"facecolor": "white", "edgecolor": "none", "pad": 1})  # fmt: skip
    split_at = len(keras_parts["train"])
    ax.axvline(split_at, ymin=0, ymax=0.91, color=INK, linewidth=1, linestyle=":")
    ax.set_xlim(0, n)
    ax.set_ylim(0, 4.4)
    ax.set_xticks([0, 100, 200, 300, 400, split_at, n])
    ax.set_yticks([])
    ax.set_xlabel(s["row"].format(n=n), color=INK)
    for side in ("left", "right", "top"):
        ax.spines[side].set_visible(False)
    handles = [Patch(color=COLOURS[k], label=s[k]) for k in COLOURS]
    handles += [Patch(color=MALIGNANT, label=s["malignant"]), Patch(color=BENIGN, label=s["benign"])]
    ax.legend(handles=handles, loc="upper center", bbox_to_anchor=(0.5, -0.2), ncol=5, frameon=False, fontsize=9.5)
    return fig
