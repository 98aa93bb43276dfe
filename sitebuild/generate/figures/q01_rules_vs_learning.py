"""Q1: classical programming turns rules and data into answers; machine learning turns data and answers into rules."""

import matplotlib.pyplot as plt
from matplotlib.patches import FancyArrowPatch, FancyBboxPatch

STRINGS = {
    "sv": {
        "classic": "Klassisk programmering (regelbaserad AI)",
        "ml": "Maskininlärning",
        "rules": "Regler\n(skrivna av människor)",
        "data": "Data",
        "answers": "Svar",
        "examples": "Svar\n(en etikett per exempel)",
        "program": "Program",
        "training": "Träning",
        "learned": "Regler\n(en tränad modell)",
    },
    "en": {
        "classic": "Classical programming (rule-based AI)",
        "ml": "Machine learning",
        "rules": "Rules\n(written by people)",
        "data": "Data",
        "answers": "Answers",
        "examples": "Answers\n(one label per example)",
        "program": "Program",
        "training": "Training",
        "learned": "Rules\n(a trained model)",
    },
}

IN, PROCESS, OUT = "#e9ecef", "#dbe4ff", "#ffe3c2"  # grey inputs, blue process, orange result
EDGE, INK = "#1a237e", "#0d1440"


def box(ax, x, y, text, colour, w=2.6, h=0.9, bold=False):
    ax.add_patch(
        FancyBboxPatch((x - w / 2, y - h / 2), w, h, boxstyle="round,pad=0.02,rounding_size=0.12",
                       facecolor=colour, edgecolor=EDGE, linewidth=1.3)
    )  # fmt: skip
    ax.text(x, y, text, ha="center", va="center", fontsize=9.5, color=INK, weight="bold" if bold else "normal")


def arrow(ax, start, end):
    ax.add_patch(FancyArrowPatch(start, end, arrowstyle="-|>", mutation_scale=14, color=EDGE, linewidth=1.3))


def panel(ax, y, title, inputs, process, result):
    ax.text(0, y + 1.25, title, ha="left", va="center", fontsize=12, weight="bold", color=INK)
    for dy, text in zip((0.55, -0.55), inputs, strict=True):
        box(ax, 1.8, y + dy, text, IN, w=3.4)
        arrow(ax, (3.55, y + dy), (4.35, y + dy * 0.3))
    box(ax, 5.5, y, process, PROCESS, w=2.2, h=1.1, bold=True)
    arrow(ax, (6.65, y), (7.55, y))
    box(ax, 9.1, y, result, OUT, w=3.0)


def draw(s: dict) -> plt.Figure:
    fig, ax = plt.subplots(figsize=(7.6, 5.0))
    panel(ax, 3.1, s["classic"], (s["rules"], s["data"]), s["program"], s["answers"])
    panel(ax, 0.0, s["ml"], (s["data"], s["examples"]), s["training"], s["learned"])
    ax.set_xlim(-0.1, 10.8)
    ax.set_ylim(-1.2, 4.6)
    ax.set_aspect("equal")
    ax.axis("off")
    return fig
