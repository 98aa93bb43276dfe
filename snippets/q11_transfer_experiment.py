"""Q11: a real transfer experiment, offline, on scikit-learn's 8 x 8 digit images.

A small CNN learns digits 0-4 from all of their images. Its convolutional base is then frozen
and reused, with a new head, to learn digits 5-9 from only 100 images (20 per digit). The same
network trained from scratch on the same 100 images is the baseline. Both are scored on the
remaining images of 5-9, which neither has seen.
"""

import json

import keras
import numpy as np
import tensorflow as tf
from sklearn.datasets import load_digits

PER_CLASS = 20  # 5 digits x 20 = 100 training images
EPOCHS = 20
LEARNING_RATE = 1e-2


def split_digits():
    """Old task (0-4, all images), new task (5-9): 100 training images and the held-out rest."""
    digits = load_digits()
    x = (digits.images / 16.0).astype("float32")[..., np.newaxis]  # pixel values 0-16 -> 0-1
    y = digits.target
    old, new = y < 5, y >= 5
    x_new, y_new = x[new], y[new] - 5  # labels 5-9 become 0-4 for the new head
    rng = np.random.default_rng(0)
    few = np.concatenate([rng.choice(np.flatnonzero(y_new == c), PER_CLASS, replace=False) for c in range(5)])
    rest = np.setdiff1d(np.arange(len(y_new)), few)
    return (x[old], y[old]), (x_new[few], y_new[few]), (x_new[rest], y_new[rest])


def make_base():
    """The convolutional base: the part that is reused."""
    return keras.Sequential(
        [
            keras.Input(shape=(8, 8, 1)),
            keras.layers.Conv2D(32, 3, padding="same", activation="relu"),
            keras.layers.MaxPooling2D(2),
            keras.layers.Conv2D(64, 3, padding="same", activation="relu"),
            keras.layers.MaxPooling2D(2),
            keras.layers.Flatten(),
        ],
        name="base",
    )


def with_new_head(base):
    return keras.Sequential([base, keras.layers.Dense(5, activation="softmax", name="head")])


def train(model, x, y, epochs=EPOCHS, learning_rate=LEARNING_RATE):
    model.compile(keras.optimizers.Adam(learning_rate), loss="sparse_categorical_crossentropy")
    model.fit(x, y, epochs=epochs, batch_size=32, verbose=0)
    return model


def trainable_params(model):
    return sum(int(np.prod(w.shape)) for w in model.trainable_weights)


def accuracy(model, x, y):
    return float(np.mean(np.argmax(model(x, training=False), axis=1) == y))


def run(seed=0):
    """Train the three models; return {name: (trainable parameters, test accuracy)} and the data sizes."""
    keras.utils.set_random_seed(seed)
    tf.config.experimental.enable_op_determinism()
    (x_old, y_old), (x_few, y_few), (x_test, y_test) = split_digits()

    base = make_base()
    train(with_new_head(base), x_old, y_old, epochs=5, learning_rate=1e-3)  # pretraining on digits 0-4

    base.trainable = False  # freeze the pretrained base, then train only the new head
    transfer = train(with_new_head(base), x_few, y_few)
    results = {"transfer": (trainable_params(transfer), accuracy(transfer, x_test, y_test))}

    scratch = train(with_new_head(make_base()), x_few, y_few)
    results["scratch"] = (trainable_params(scratch), accuracy(scratch, x_test, y_test))

    base.trainable = True  # fine-tuning: unfreeze and continue with a 10 times lower learning rate
    fine_tuned = train(transfer, x_few, y_few, epochs=10, learning_rate=LEARNING_RATE / 10)
    results["fine-tuned"] = (trainable_params(fine_tuned), accuracy(fine_tuned, x_test, y_test))
    return results, {"old": len(x_old), "few": len(x_few), "test": len(x_test)}


if __name__ == "__main__":
    results, sizes = run()
    print(f"pretraining: {sizes['old']} images of digits 0-4")
    print(f"new task: {sizes['few']} training images of digits 5-9, {sizes['test']} held-out test images")
    print(f"{'model':<34}{'trainable params':>17}{'test accuracy':>15}")
    labels = {
        "transfer": f"frozen base + new head, {EPOCHS} ep.",
        "scratch": f"same network from scratch, {EPOCHS} ep.",
        "fine-tuned": "transfer + 10 ep. fine-tuning",
    }
    for name, (params, acc) in results.items():
        print(f"{labels[name]:<34}{params:>17,}{acc:>15.0%}")  # whole percents: one image (0.13 %) differs by CPU

    # The figure on the page is drawn from these numbers.
    scores = {name: {"trainable": params, "accuracy": round(acc, 2)} for name, (params, acc) in results.items()}
    with open("q11_transfer_experiment.json", "w") as f:
        json.dump({"results": scores, "sizes": sizes}, f, indent=1)
