"""Q12: what model.save() writes, drawn from the real .keras archive that the snippet's run saved."""

import json

import matplotlib.pyplot as plt
from matplotlib.patches import FancyArrowPatch, FancyBboxPatch

from sitebuild import ROOT

INPUTS = ["snippets/output/q12_save_load.json"]

STRINGS = {
    "sv": {
        "archive": "model.keras (en zip-fil)",
        "config.json": "arkitekturen: lagren och hur de kopplas\nkompileringen: {optimizer}, förlust, utvärderingsmått",
        "model.weights.h5": "vikterna: kernel och bias i varje lager\noptimerarens tillstånd: {n_opt} variabler\n"
        "({optimizer}: steg, inlärningstakt, momentskattningar)",
        "metadata.json": "Keras-version och sparandetid",
        "bytes": "{size} byte",
        "load": "load_model()",
        "ready": "samma modell:\npredict() ger\nsamma svar,\nfit() fortsätter",
        "h5": "model_file.h5 (äldre HDF5-format): samma delar; "
        "i Keras 3.15.1 kräver fit() efter inläsning ett nytt compile()",
        "weights": "save_weights(): bara variablerna, ingen arkitektur",
        "export": "export(): SavedModel för driftsättning, bara prediktion",
        "thousands": "\u202f",
    },
    "en": {
        "archive": "model.keras (a zip file)",
        "config.json": "architecture: the layers and how they connect\ncompile settings: {optimizer}, loss, metrics",
        "model.weights.h5": "weights: kernel and bias of every layer\noptimizer state: {n_opt} variables\n"
        "({optimizer}: step count, learning rate, moment estimates)",
        "metadata.json": "Keras version and time saved",
        "bytes": "{size} bytes",
        "load": "load_model()",
        "ready": "the same model:\npredict() gives\nthe same answers,\nfit() carries on",
        "h5": "model_file.h5 (legacy HDF5 format): the same parts; "
        "in Keras 3.15.1, fit() after loading needs a new compile()",
        "weights": "save_weights(): the variables only, no architecture",
        "export": "export(): SavedModel for serving, inference only",
        "thousands": ",",
    },
}

FILL = {"config.json": "#dbe4ff", "model.weights.h5": "#ffd8a8", "metadata.json": "#e9ecef"}
EDGE, INK, NOTE = "#1a237e", "#0d1440", "#343a40"


def saved_archive():
    """Members and sizes of model.keras saved from the snippet's trained model, and its optimizer."""
    run = json.loads((ROOT / INPUTS[0]).read_text(encoding="utf-8"))
    return run["members"], run["optimizer"]["class"], run["optimizer"]["variables"]


def draw(s: dict) -> plt.Figure:
    members, optimizer, n_opt = saved_archive()
    members = sorted(members, key=lambda m: list(FILL).index(m[0]))
    row, gap, bottom = 1.15, 0.25, 2.3
    top = bottom + 0.2 + len(members) * (row + gap) - gap + 0.75
    xlim, ylim = (-0.1, 12.4), (0.3, top + 0.1)
    fig = plt.figure(figsize=(11, 11 * (ylim[1] - ylim[0]) / (xlim[1] - xlim[0])))
    ax = fig.add_axes((0, 0, 1, 1))
    ax.add_patch(FancyBboxPatch((0, bottom), 8.4, top - bottom, boxstyle="round,pad=0.02,rounding_size=0.2",
                                facecolor="white", edgecolor=EDGE, linewidth=1.8))  # fmt: skip
    ax.text(0.3, top - 0.38, s["archive"], fontsize=13, weight="bold", color=INK, va="center")
    for i, (name, size) in enumerate(members):
        y = top - 0.75 - (i + 1) * row - i * gap
        ax.add_patch(FancyBboxPatch((0.3, y), 7.8, row, boxstyle="round,pad=0.02,rounding_size=0.12",
                                    facecolor=FILL[name], edgecolor=EDGE, linewidth=1.2))  # fmt: skip
        ax.text(0.5, y + row - 0.32, name, fontsize=12, weight="bold", color=INK, va="center", family="monospace")
        ax.text(0.5, y + 0.3, s["bytes"].format(size=f"{size:,}".replace(",", s["thousands"])), fontsize=10,
                color=INK, va="center")  # fmt: skip
        ax.text(3.3, y + row / 2, s[name].format(optimizer=optimizer, n_opt=n_opt), fontsize=10.5, color=INK,
                va="center", linespacing=1.45)  # fmt: skip
    mid = (top + bottom) / 2
    ax.add_patch(FancyArrowPatch((8.5, mid), (9.8, mid), arrowstyle="-|>", mutation_scale=18, color=EDGE, lw=1.6))
    ax.text(9.15, mid + 0.25, s["load"], ha="center", fontsize=10, color=INK, family="monospace")
    ax.text(9.95, mid, s["ready"], fontsize=11, color=INK, va="center", linespacing=1.45)
    for j, key in enumerate(["h5", "weights", "export"]):
        ax.text(0.1, bottom - 0.45 - j * 0.55, "• " + s[key], fontsize=10.5, color=NOTE, va="center")
    ax.set_xlim(*xlim)
    ax.set_ylim(*ylim)
    ax.axis("off")
    return fig
