"""Q5: the question's network, drawn from the snippet's trained Keras model (layer names, shapes, parameters)."""

import json

import matplotlib.pyplot as plt
from matplotlib.patches import FancyArrowPatch, FancyBboxPatch

from sitebuild import ROOT

INPUTS = ["snippets/output/q05_model.json"]

STRINGS = {
    "sv": {
        "input": "Indata",
        "features": "egenskaper (kolumner)",
        "unit": "nod",
        "units": "noder",
        "dropout": "vid träning: varje värde blir 0 med sannolikheten 0,2",
        "output": "utdataform",
        "params": "parametrar",
        "total": "Totalt",
        "trainable": "alla tränbara",
        "thousands": "\u202f",  # Swedish groups digits with a (narrow) space
    },
    "en": {
        "input": "Input",
        "features": "features (columns)",
        "unit": "unit",
        "units": "units",
        "dropout": "in training: each value becomes 0 with probability 0.2",
        "output": "output shape",
        "params": "parameters",
        "total": "In total",
        "trainable": "all trainable",
        "thousands": ",",
    },
}

COLOURS = {"InputLayer": "#e9ecef", "Dense": "#dbe4ff", "Dropout": "#ffe3c2"}  # grey, blue, orange: colour-blind safe
EDGE, INK = "#1a237e", "#0d1440"


def layer_rows():
    """(class name, layer name, detail, output shape, parameters) for the input and each layer of the real model."""
    model = json.loads((ROOT / INPUTS[0]).read_text(encoding="utf-8"))
    n_cols = model["input"][-1]
    rows = [("InputLayer", "input", n_cols, tuple(model["input"]), 0)]
    for layer in model["layers"]:
        kind = layer["class"]
        detail = (*layer["kernel"], layer["activation"]) if kind == "Dense" else layer["rate"]
        rows.append((kind, layer["name"], detail, tuple(layer["output"]), layer["params"]))
    return rows, model["params"], model["trainable"] == model["params"]


def number(n, s):
    return f"{n:,}".replace(",", s["thousands"])


def describe(kind, detail, s):
    if kind == "InputLayer":
        return f"{detail} {s['features']}"
    if kind == "Dense":
        _, units, activation = detail
        return f"{units} {s['unit' if units == 1 else 'units']}, {'ReLU' if activation == 'relu' else activation}"
    return s["dropout"]


def draw(s: dict) -> plt.Figure:
    rows, total, all_trainable = layer_rows()
    fig, ax = plt.subplots(figsize=(7.2, 1.15 * len(rows) + 0.6))
    height, gap = 0.8, 0.35
    for i, (kind, name, detail, shape, params) in enumerate(rows):
        y = -i * (height + gap)
        box = FancyBboxPatch(
            (0, y - height), 10, height, boxstyle="round,pad=0.02,rounding_size=0.12",
            facecolor=COLOURS[kind], edgecolor=EDGE, linewidth=1.4, linestyle="--" if kind == "Dropout" else "-",
        )  # fmt: skip
        ax.add_patch(box)
        title = s["input"] if kind == "InputLayer" else f"{kind}  ({name})"
        ax.text(0.25, y - 0.28, title, fontsize=12, weight="bold", color=INK, va="center")
        ax.text(0.25, y - 0.58, describe(kind, detail, s), fontsize=10, color=INK, va="center")
        shape_text = "(" + ", ".join(str(d) for d in shape) + ")"
        ax.text(9.75, y - 0.28, f"{s['output']} {shape_text}", fontsize=10, color=INK, va="center", ha="right")
        if kind != "InputLayer":
            count = f"{number(params, s)} {s['params']}"
            if kind == "Dense":  # weights (inputs x units) plus one bias per unit
                n_in, units = detail[:2]
                count = f"{n_in} × {units} + {units} = {count}"
            ax.text(9.75, y - 0.58, count, fontsize=10, color=INK, va="center", ha="right")
        if i:
            ax.add_patch(FancyArrowPatch((5, y + gap), (5, y), arrowstyle="-|>", mutation_scale=14, color=EDGE))
    bottom = -len(rows) * (height + gap) + gap
    summary = f"{s['total']}: {number(total, s)} {s['params']}" + (f", {s['trainable']}" if all_trainable else "")
    ax.text(5, bottom - 0.3, summary, fontsize=11.5, weight="bold", color=INK, ha="center", va="center")
    ax.set_xlim(-0.1, 10.1)
    ax.set_ylim(bottom - 0.6, 0.1)
    ax.axis("off")
    return fig
