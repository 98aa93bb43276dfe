"""Q1: AI contains machine learning, which contains deep learning (nested sets), with an example of each."""

import matplotlib.pyplot as plt
from matplotlib.patches import Ellipse

STRINGS = {
    "sv": {
        "ai": "Artificiell intelligens (AI)",
        "ai_note": "uppgifter som normalt kräver mänsklig intelligens",
        "ai_eg": "t.ex. schackprogram med handskrivna regler, expertsystem",
        "ml": "Maskininlärning (ML)",
        "ml_note": "reglerna lärs från data",
        "ml_eg": "t.ex. linjär regression, beslutsträd",
        "dl": "Djupinlärning (DL)",
        "dl_note": "neurala nätverk med många lager\nsom lär sig egna representationer",
        "dl_eg": "t.ex. faltningsnätverk (CNN)",
    },
    "en": {
        "ai": "Artificial intelligence (AI)",
        "ai_note": "tasks that normally require human intelligence",
        "ai_eg": "e.g. chess programs with hand-written rules, expert systems",
        "ml": "Machine learning (ML)",
        "ml_note": "the rules are learned from data",
        "ml_eg": "e.g. linear regression, decision trees",
        "dl": "Deep learning (DL)",
        "dl_note": "neural networks with many layers\nthat learn their own representations",
        "dl_eg": "e.g. convolutional networks (CNN)",
    },
}

LEVELS = [  # (key, centre y, width, height, face colour)
    ("ai", 0.0, 10.6, 7.0, "#dbe4ff"),
    ("ml", -0.85, 7.4, 5.0, "#b4c6fc"),
    ("dl", -1.65, 4.8, 2.9, "#8aa4f5"),
]
INK = "#0d1440"


def draw(s: dict) -> plt.Figure:
    fig, ax = plt.subplots(figsize=(7.4, 5.2))
    for key, y, w, h, colour in LEVELS:
        ax.add_patch(Ellipse((0, y), w, h, facecolor=colour, edgecolor="#1a237e", linewidth=1.5))
        top = y + h / 2
        ax.text(0, top - 0.55, s[key], ha="center", va="center", fontsize=12, weight="bold", color=INK)
        if key != "dl":
            ax.text(0, top - 0.95, s[f"{key}_note"], ha="center", va="center", fontsize=9.5, color=INK)
            ax.text(0, top - 1.3, s[f"{key}_eg"], ha="center", va="center", fontsize=9, style="italic", color=INK)
    ax.text(0, -1.55, s["dl_note"], ha="center", va="center", fontsize=9.5, color=INK)
    ax.text(0, -2.3, s["dl_eg"], ha="center", va="center", fontsize=9, style="italic", color=INK)
    ax.set_xlim(-5.4, 5.4)
    ax.set_ylim(-3.6, 3.6)
    ax.set_aspect("equal")
    ax.axis("off")
    return fig
