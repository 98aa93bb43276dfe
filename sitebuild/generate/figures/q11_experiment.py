"""Q11: test accuracy on digits 5-9 after learning from 100 images, from the real run of the transfer experiment."""

import json

import matplotlib.pyplot as plt

from sitebuild import ROOT

INPUTS = ["snippets/output/q11_transfer_experiment.json"]

STRINGS = {
    "sv": {
        "transfer": "fryst bas från siffrorna 0–4\n+ nytt huvud ({params} tränbara parametrar)",
        "scratch": "samma nätverk tränat från början\n({params} tränbara parametrar)",
        "fine-tuned": "fryst bas + nytt huvud,\nsedan finjustering av allt",
        "xlabel": "träffsäkerhet på {test} osedda bilder av siffrorna 5–9",
        "title": "Samma {few} träningsbilder av siffrorna 5–9",
        "percent": "{:.0f}\u00a0%",
        "decimal": ",",
        "thousands": "\u202f",
    },
    "en": {
        "transfer": "frozen base from digits 0–4\n+ new head ({params} trainable parameters)",
        "scratch": "same network trained from scratch\n({params} trainable parameters)",
        "fine-tuned": "frozen base + new head,\nthen fine-tuning of everything",
        "xlabel": "accuracy on {test} unseen images of digits 5–9",
        "title": "The same {few} training images of digits 5–9",
        "percent": "{:.0f}%",
        "decimal": ".",
        "thousands": ",",
    },
}

COLOURS = {"transfer": "#4c6ef5", "scratch": "#868e96", "fine-tuned": "#f08c00"}  # blue, grey, orange
INK = "#0d1440"


def experiment():
    """The experiment's results, as the snippet's run saved them: {name: (trainable parameters, accuracy)}, sizes."""
    run = json.loads((ROOT / INPUTS[0]).read_text(encoding="utf-8"))
    return {name: (r["trainable"], r["accuracy"]) for name, r in run["results"].items()}, run["sizes"]


def draw(s: dict) -> plt.Figure:
    results, sizes = experiment()
    names = ["transfer", "fine-tuned", "scratch"]
    fig, ax = plt.subplots(figsize=(8, 3.4))
    for i, name in enumerate(names):
        params, acc = results[name]
        ax.barh(i, acc * 100, color=COLOURS[name], height=0.6)
        ax.text(
            acc * 100 + 1,
            i,
            s["percent"].format(acc * 100).replace(".", s["decimal"]),
            va="center",
            fontsize=11,
            color=INK,
        )
    labels = [s[n].format(params=f"{results[n][0]:,}".replace(",", s["thousands"])) for n in names]
    ax.set_yticks(range(len(names)), labels, fontsize=10, color=INK)
    ax.invert_yaxis()
    ax.set_xlim(0, 110)
    ax.set_xticks(range(0, 101, 20))
    ax.set_xlabel(s["xlabel"].format(test=sizes["test"]), color=INK)
    ax.set_title(s["title"].format(few=sizes["few"]), color=INK, fontsize=12)
    ax.spines[["top", "right"]].set_visible(False)
    return fig
