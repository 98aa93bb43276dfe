"""Q3: the parameters of Dense(10) on 784 inputs, with the shapes the snippet read from its real Keras layer."""

import json

import matplotlib.pyplot as plt

from sitebuild import ROOT

INPUTS = ["snippets/output/q03_parameters.json"]

STRINGS = {
    "sv": {
        "inputs": "{n} indata\n(28 × 28 pixlar)",
        "units": "Dense({n})\n{n} noder",
        "weights": "vikter (kernel): {i} × {u} = {w}",
        "weights_note": "en vikt per koppling",
        "biases": "bias: {u}",
        "biases_note": "en per nod",
        "total": "parametrar: {w} + {u} = {t}",
        "hyper": "Hyperparametrar, valda av oss:\nantal noder, aktiveringsfunktion,\n"
        "inlärningstakt, batchstorlek, epoker",
        "thousands": "\u202f",
    },
    "en": {
        "inputs": "{n} inputs\n(28 × 28 pixels)",
        "units": "Dense({n})\n{n} units",
        "weights": "weights (kernel): {i} × {u} = {w}",
        "weights_note": "one weight per connection",
        "biases": "biases: {u}",
        "biases_note": "one per unit",
        "total": "parameters: {w} + {u} = {t}",
        "hyper": "Hyperparameters, chosen by us:\nnumber of units, activation function,\n"
        "learning rate, batch size, epochs",
        "thousands": ",",
    },
}

IN, UNIT, EDGE, INK, LINK = "#e9ecef", "#b4c6fc", "#1a237e", "#0d1440", "#7f8fd1"


def layer_shapes():
    """(inputs, units, kernel shape, bias shape, count_params()) of the snippet's real model, as its run saved them."""
    saved = json.loads((ROOT / INPUTS[0]).read_text(encoding="utf-8"))
    kernel, bias = tuple(saved["kernel"]), tuple(saved["bias"])
    return kernel[0], saved["units"], kernel, bias, saved["params"]


def number(n, s):
    return f"{n:,}".replace(",", s["thousands"])


def draw(s: dict) -> plt.Figure:
    n_in, units, kernel, bias, total = layer_shapes()
    assert kernel[0] * kernel[1] + bias[0] == total  # the arithmetic on the figure is Keras's own count
    shown_in = ["x₁", "x₂", "x₃", "⋮", f"x{n_in}".translate(str.maketrans("0123456789", "₀₁₂₃₄₅₆₇₈₉"))]
    in_y = [4.0, 3.0, 2.0, 1.0, 0.0]
    out_y = [4.0 - i * 4.0 / (units - 1) for i in range(units)]
    fig, ax = plt.subplots(figsize=(8.4, 4.6))
    for label, y in zip(shown_in, in_y, strict=True):
        if label == "⋮":
            ax.text(0, y, label, ha="center", va="center", fontsize=16, color=INK)
            continue
        for oy in out_y:
            ax.plot([0.25, 3.75], [y, oy], color=LINK, linewidth=0.6, zorder=1)
        ax.add_patch(plt.Circle((0, y), 0.25, facecolor=IN, edgecolor=EDGE, linewidth=1.2, zorder=2))
        ax.text(0, y, label, ha="center", va="center", fontsize=9, color=INK, zorder=3)
    for oy in out_y:
        ax.add_patch(plt.Circle((4, oy), 0.17, facecolor=UNIT, edgecolor=EDGE, linewidth=1.2, zorder=2))
        ax.text(4.35, oy, "+b", ha="left", va="center", fontsize=8, color=INK)
    ax.text(0, -0.75, s["inputs"].format(n=n_in), ha="center", va="top", fontsize=10, color=INK)
    ax.text(4, -0.75, s["units"].format(n=units), ha="center", va="top", fontsize=10, color=INK)
    w = number(kernel[0] * kernel[1], s)
    lines = [  # (text, y, font properties)
        (s["weights"].format(i=kernel[0], u=kernel[1], w=w), 3.9, {"fontsize": 11}),
        (s["weights_note"], 3.45, {"fontsize": 9.5, "style": "italic"}),
        (s["biases"].format(u=bias[0]), 2.85, {"fontsize": 11}),
        (s["biases_note"], 2.4, {"fontsize": 9.5, "style": "italic"}),
        (s["total"].format(w=w, u=bias[0], t=number(total, s)), 1.7, {"fontsize": 12, "weight": "bold"}),
    ]
    for text, y, font in lines:
        ax.text(5.4, y, text, ha="left", va="center", color=INK, **font)
    note = {"boxstyle": "round,pad=0.4", "facecolor": "#ffe3c2", "edgecolor": EDGE, "linestyle": "--"}
    ax.text(5.4, 0.3, s["hyper"], ha="left", va="center", fontsize=9.5, color=INK, bbox=note)
    ax.set_xlim(-0.6, 11.2)
    ax.set_ylim(-1.7, 4.5)
    ax.set_aspect("equal")
    ax.axis("off")
    return fig
