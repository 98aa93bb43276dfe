"""Q4: which rows does fit(..., validation_split=0.2) hold out? Let the model tell us.

The model below is a dummy whose only input is the row number. A pass-through layer
records every row number it sees: `training=True` during the training steps of fit(),
`training=False` when fit() evaluates on the validation data at the end of the epoch.
"""

import json

import keras
import numpy as np
from sklearn.datasets import load_breast_cancer


class RowRecorder(keras.layers.Layer):
    """Passes its input through unchanged and notes the row numbers in each batch."""

    def __init__(self):
        super().__init__()
        self.seen = {True: [], False: []}  # training=True / training=False

    def call(self, rows, training=False):
        self.seen[bool(training)] += keras.ops.convert_to_numpy(rows[:, 0]).astype(int).tolist()
        return rows

    def compute_output_shape(self, input_shape):
        return input_shape  # lets Keras build the model without calling call()


def rows_seen(n_rows, validation_split=0.2):
    """Run fit() for one epoch; return the row numbers it trained on and validated on, in order."""
    keras.utils.set_random_seed(0)
    recorder = RowRecorder()
    model = keras.Sequential([keras.Input(shape=(1,)), recorder, keras.layers.Dense(1, activation="sigmoid")])
    model.compile(optimizer="sgd", loss="binary_crossentropy", run_eagerly=True)  # eager: call() sees real rows
    rows = np.arange(n_rows, dtype="float32").reshape(-1, 1)  # row i holds the number i
    labels = np.zeros(n_rows)  # the targets do not matter here
    model.fit(rows, labels, validation_split=validation_split, shuffle=True, epochs=1, verbose=0)
    return recorder.seen[True], recorder.seen[False]


if __name__ == "__main__":
    y = load_breast_cancer().target  # 569 tumours: 0 = malignant, 1 = benign
    train, val = rows_seen(len(y))
    print(f"{len(y)} rows, fit(validation_split=0.2, shuffle=True)")
    print(f"trained on   {len(train)} rows: {min(train)}..{max(train)}, first batch starts {train[:6]}")
    print(f"validated on {len(val)} rows: {min(val)}..{max(val)}, in order: {val == list(range(len(train), len(y)))}")
    print(f"every row used exactly once: {sorted(train + val) == list(range(len(y)))}")

    # The validation part is simply the last 20 % of the rows as they were passed in.
    # Its class balance is therefore whatever the file's order happens to give:
    print(f"malignant share, all rows:             {np.mean(y == 0):.1%}")
    print(f"malignant share, validation rows:      {np.mean(y[val] == 0):.1%}")
    y_sorted = np.sort(y)  # the same data stored sorted by class, as many files are
    print(f"malignant share, validation if sorted: {np.mean(y_sorted[val] == 0):.1%}")

    # The figure on the page is drawn from these numbers: each row's class, and the rows fit() used for what.
    with open("q04_validation_split.json", "w") as f:
        json.dump({"target": y.tolist(), "train": train, "validation": val}, f)
