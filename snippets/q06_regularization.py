# Q6: one network, one data split, four ways to train it: without regularization,
# with dropout, with an L2 weight penalty and with early stopping.

# %%
import json

import keras
import tensorflow as tf
from sklearn.datasets import load_breast_cancer
from sklearn.model_selection import train_test_split
from sklearn.preprocessing import StandardScaler

METHODS = ["none", "dropout", "L2", "early stopping"]
EPOCHS = 18
LEARNING_RATE = 0.003  # three times Adam's default, so that over-fitting shows within 18 epochs


# %%
def load_data():
    """Breast-cancer data split 60/20/20 into train/validation/test, scaled with training rows only."""
    X, y = load_breast_cancer(return_X_y=True)
    y = y.reshape(-1, 1).astype("float32")  # a column, like the model's output
    X_rest, X_test, y_rest, y_test = train_test_split(X, y, test_size=0.2, stratify=y, random_state=0)
    X_train, X_val, y_train, y_val = train_test_split(X_rest, y_rest, test_size=0.25, stratify=y_rest, random_state=0)
    scaler = StandardScaler().fit(X_train)
    return {
        "train": (scaler.transform(X_train), y_train),
        "val": (scaler.transform(X_val), y_val),
        "test": (scaler.transform(X_test), y_test),
    }


# %%
def build(method):
    """A network far larger than 30 features need: two hidden layers of 256 units."""
    penalty = keras.regularizers.L2(1e-3) if method == "L2" else None  # adds 0.001 * sum(w**2) to the loss
    layers = [keras.Input(shape=(30,))]
    for _ in range(2):
        layers.append(keras.layers.Dense(256, activation="relu", kernel_regularizer=penalty))
        if method == "dropout":
            layers.append(keras.layers.Dropout(0.5))
    layers.append(keras.layers.Dense(1, activation="sigmoid"))
    model = keras.Sequential(layers)
    # "loss" includes the L2 penalty; the "bce" metric is the plain cross-entropy, comparable across methods.
    bce = keras.metrics.BinaryCrossentropy(name="bce")
    model.compile(
        keras.optimizers.Adam(LEARNING_RATE),
        loss="binary_crossentropy",
        metrics=["accuracy", bce],
        jit_compile=False,  # speed only, numbers unchanged: compiling with XLA costs more than this small net gains
        steps_per_execution=11,  # speed only: one call runs a whole epoch (341 examples, 11 batches of 32)
    )
    return model


# %%
def train(method, data):
    """Train one model; return its per-epoch history and its scores on every split (dropout off)."""
    keras.utils.set_random_seed(0)
    model = build(method)
    callbacks = []
    if method == "early stopping":
        callbacks.append(keras.callbacks.EarlyStopping(patience=5, restore_best_weights=True))
    fit = model.fit(*data["train"], validation_data=data["val"], epochs=EPOCHS, callbacks=callbacks, verbose=0)
    scores = {split: model.evaluate(X, y, verbose=0, return_dict=True) for split, (X, y) in data.items()}
    X_test, y_test = data["test"]
    per_example = keras.losses.binary_crossentropy(y_test, model(X_test))  # one loss per test example
    scores["test"]["worst"] = float(keras.ops.max(per_example))
    return fit.history, scores


# %%
def compare(data):
    tf.config.experimental.enable_op_determinism()  # same numbers on every run
    return {method: train(method, data) for method in METHODS}


# %%
if __name__ == "__main__":
    data = load_data()
    print(f"{build('none').count_params():,} weights and biases, {len(data['train'][0])} training examples")
    results = compare(data)
    splits = f"{'train':>7}{'val':>7}{'test':>7}"
    print(f"{'':27} {'cross-entropy':^29}   {'accuracy':^21}")
    print(f"{'method':15}{'epochs':>7}{'best':>5} {splits}{'worst':>8}   {splits}")
    for method, (history, scores) in results.items():
        val_ce = history["val_bce"]
        best = val_ce.index(min(val_ce)) + 1
        ce = [scores[split]["bce"] for split in ("train", "val", "test")]
        acc = [scores[split]["accuracy"] for split in ("train", "val", "test")]
        print(f"{method:15}{len(val_ce):>7}{best:>5} {ce[0]:7.4f}{ce[1]:7.4f}{ce[2]:7.4f}", end="")
        print(f"{scores['test']['worst']:8.2f}   {acc[0]:7.3f}{acc[1]:7.3f}{acc[2]:7.3f}")
    print("epochs: epochs trained; best: epoch with the lowest validation cross-entropy;")
    print("worst: the largest cross-entropy of a single test example (a confident mistake)")

    # The figure on the page is drawn from these numbers: the cross-entropy after every epoch, to 4 digits.
    curves = {
        method: {key: [float(f"{v:.4g}") for v in history[key]] for key in ("bce", "val_bce")}
        for method, (history, _) in results.items()
    }
    with open("q06_regularization.json", "w") as f:
        json.dump({"epochs": EPOCHS, "curves": curves}, f, indent=1)
