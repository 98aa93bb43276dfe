"""Q4: a train/validation/test split done right, on real data (breast-cancer tumours).

1. Split once, stratified, into training (60 %), validation (20 %) and test (20 %) data.
2. Fit the scaler on the training data only, so nothing leaks from validation or test.
3. Choose a hyperparameter (the learning rate) by the validation loss.
4. Evaluate the chosen model once on the test data.
"""

import json

import keras
import numpy as np
import tensorflow as tf
from sklearn.datasets import load_breast_cancer
from sklearn.model_selection import train_test_split
from sklearn.preprocessing import StandardScaler


def split(y, seed=0):
    """Row indices of a stratified 60/20/20 split: (train, validation, test)."""
    rows = np.arange(len(y))
    rest, test = train_test_split(rows, test_size=0.2, stratify=y, random_state=seed)
    train, val = train_test_split(rest, test_size=0.25, stratify=y[rest], random_state=seed)  # 0.25 * 80 % = 20 %
    return train, val, test


def train_model(x, y, learning_rate, epochs=20):
    keras.utils.set_random_seed(0)
    model = keras.Sequential(
        [
            keras.Input(shape=(x.shape[1],)),
            keras.layers.Dense(16, activation="relu"),
            keras.layers.Dense(1, activation="sigmoid"),
        ]
    )
    model.compile(optimizer=keras.optimizers.Adam(learning_rate), loss="binary_crossentropy", metrics=["accuracy"])
    model.fit(x, y, epochs=epochs, batch_size=32, verbose=0)
    return model


if __name__ == "__main__":
    tf.config.experimental.enable_op_determinism()
    X, y = load_breast_cancer(return_X_y=True)
    train, val, test = split(y)
    for name, rows in [("training", train), ("validation", val), ("test", test)]:
        print(f"{name:<10} {len(rows):>3} rows, malignant share {np.mean(y[rows] == 0):.1%}")

    scaler = StandardScaler().fit(X[train])  # mean and spread from the training rows only
    x_train, x_val, x_test = (scaler.transform(X[rows]) for rows in (train, val, test))

    print("\nlearning rate  val loss  val accuracy")
    results = {}
    for lr in (1e-4, 1e-3, 1e-2):
        model = train_model(x_train, y[train], lr)
        loss, acc = model.evaluate(x_val, y[val], verbose=0)
        results[lr] = (loss, model)
        print(f"{lr:<13g}  {loss:.4f}    {acc:.3f}")

    best = min(results, key=lambda lr: results[lr][0])
    print(f"\nchosen by validation loss: learning rate {best:g}")
    loss, acc = results[best][1].evaluate(x_test, y[test], verbose=0)  # the one and only look at the test set
    print(f"test set, evaluated once: loss {loss:.4f}, accuracy {acc:.3f}")

    # The figure on the page is drawn from these numbers: the rows of each part.
    with open("q04_data_split.json", "w") as f:
        json.dump({"train": train.tolist(), "validation": val.tolist(), "test": test.tolist()}, f)
