"""Q1: AI contains machine learning, which contains deep learning (nested sets)."""

import matplotlib.pyplot as plt
from matplotlib.patches import Ellipse

STRINGS = {
    "sv": {
        "ai": "Artificiell intelligens (AI)",
        "ai_note": "system som utför uppgifter som kräver intelligens",
        "ml": "Maskininlärning (ML)",
        "ml_note": "reglerna lärs från data",
        "dl": "Djupinlärning (DL)",
        "dl_note": "neurala nätverk\nmed många lager",
    },
    "en": {
        "ai": "Artificial intelligence (AI)",
        "ai_note": "systems that perform tasks that require intelligence",
        "ml": "Machine learning (ML)",
        "ml_note": "the rules are learned from data",
        "dl": "Deep learning (DL)",
        "dl_note": "neural networks\nwith many layers",
    },
}

LEVELS = [  # (key, centre y, width, height, face colour)
    ("ai", 0.0, 9.0, 6.0, "#dbe4ff"),
    ("ml", -0.7, 6.4, 4.2, "#b4c6fc"),
    ("dl", -1.3, 3.8, 2.4, "#8aa4f5"),
]


def draw(s: dict) -> plt.Figure:
    fig, ax = plt.subplots(figsize=(7, 4.6))
    for key, y, w, h, colour in LEVELS:
        ax.add_patch(Ellipse((0, y), w, h, facecolor=colour, edgecolor="#1a237e", linewidth=1.5))
        top = y + h / 2
        ax.text(0, top - 0.45, s[key], ha="center", va="center", fontsize=12, weight="bold", color="#0d1440")
        if key != "dl":
            ax.text(0, top - 0.85, s[f"{key}_note"], ha="center", va="center", fontsize=9.5, color="#0d1440")
    ax.text(0, -1.55, s["dl_note"], ha="center", va="center", fontsize=9.5, color="#0d1440")
    ax.set_xlim(-4.7, 4.7)
    ax.set_ylim(-3.2, 3.2)
    ax.set_aspect("equal")
    ax.axis("off")
    return fig
