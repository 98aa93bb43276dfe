# Q5: the question's model, trained for real on the breast-cancer data set that ships with scikit-learn.
# Changes to the question's code are marked "Keras 3" or "log" below; everything else is verbatim.

# %%
import json
import math

import keras
import tensorflow as tf
from keras.callbacks import EarlyStopping
from keras.layers import Dense, Dropout
from keras.models import Sequential
from sklearn.datasets import load_breast_cancer
from sklearn.model_selection import train_test_split
from sklearn.preprocessing import StandardScaler


# %%
def load_data():
    """569 tumours, 30 numeric features each; y = 1 benign, 0 malignant. 20% is held out as a test set."""
    X, y = load_breast_cancer(return_X_y=True)
    X_train, X_test, y_train, y_test = train_test_split(X, y, test_size=0.2, stratify=y, random_state=0)
    scaler = StandardScaler().fit(X_train)  # mean and spread from the training part only
    return scaler.transform(X_train), scaler.transform(X_test), y_train, y_test


# %%
def build_model(n_cols):
    """The question's network: 100 ReLU units, Dropout(0.2), 50 ReLU units, 1 sigmoid unit."""
    nn_model = Sequential()
    nn_model.add(keras.Input(shape=(n_cols,)))  # Keras 3: replaces input_shape=(n_cols,) on the next line
    nn_model.add(Dense(100, activation="relu"))
    nn_model.add(Dropout(rate=0.2))
    nn_model.add(Dense(50, activation="relu"))
    nn_model.add(Dense(1, activation="sigmoid"))
    return nn_model


# %%
def train(X_train, y_train):
    """Compile and fit exactly as in the question; verbose=0 only hides the progress bar."""
    n_cols = X_train.shape[1]
    nn_model = build_model(n_cols)
    nn_model.compile(optimizer="adam", loss="binary_crossentropy", metrics=["accuracy"])
    early_stopping_monitor = EarlyStopping(patience=5)
    history = nn_model.fit(
        X_train,
        y_train,
        validation_split=0.2,
        epochs=100,
        callbacks=[early_stopping_monitor],
        verbose=0,  # log: no progress bar; the table below is printed instead
    )
    return nn_model, history.history, early_stopping_monitor


# %%
if __name__ == "__main__":
    keras.utils.set_random_seed(0)  # same initial weights, shuffling and dropout masks on every run
    tf.config.experimental.enable_op_determinism()
    X_train, X_test, y_train, y_test = load_data()
    n_fit = int(len(X_train) * (1 - 0.2))  # fit() splits at floor(rows * (1 - validation_split))
    print(f"X_train: {X_train.shape[0]} rows, n_cols = {X_train.shape[1]}; X_test: {X_test.shape[0]} rows")
    print(f"validation_split=0.2: fit() trains on the first {n_fit} rows, validates on the last {len(X_train) - n_fit}")

    nn_model, log, stopper = train(X_train, y_train)
    per_layer = ", ".join(f"{layer.name} {layer.count_params()}" for layer in nn_model.layers)
    print(f"parameters per layer: {per_layer}; total {nn_model.count_params()}")
    epochs_run = len(log["loss"])
    print("\nepoch    loss  accuracy  val_loss  val_accuracy")
    for i in range(epochs_run):
        mark = "  <- lowest val_loss" if i == stopper.best_epoch else ""
        print(
            f"{i + 1:5d}  {log['loss'][i]:6.4f}  {log['accuracy'][i]:8.4f}"
            f"  {log['val_loss'][i]:8.4f}  {log['val_accuracy'][i]:12.4f}{mark}"
        )

    stopped = "EarlyStopping stopped training" if stopper.stopped_epoch else "training ran all epochs, ending"
    print(f"\n{stopped} after epoch {epochs_run} of at most 100")
    print(f"best epoch (lowest val_loss): {stopper.best_epoch + 1}, val_loss {stopper.best:.4f}")
    print(f"the model keeps the weights of epoch {epochs_run}, the last one (restore_best_weights=False)")
    test_loss, test_accuracy = nn_model.evaluate(X_test, y_test, verbose=0)
    print(f"test set: loss {test_loss:.4f}, accuracy {test_accuracy:.4f}")

    # The figure on the page is drawn from these numbers: each layer's output shape and parameters.
    layers = []
    for layer in nn_model.layers:
        row = {"class": type(layer).__name__, "name": layer.name, "output": layer.output.shape}
        if isinstance(layer, Dense):
            row |= {"kernel": tuple(layer.kernel.shape), "activation": layer.activation.__name__}
        if isinstance(layer, Dropout):
            row["rate"] = layer.rate
        layers.append(row | {"params": layer.count_params()})
    total, trainable = nn_model.count_params(), sum(math.prod(w.shape) for w in nn_model.trainable_weights)
    figure = {"input": nn_model.inputs[0].shape, "layers": layers, "params": total, "trainable": trainable}
    with open("q05_model.json", "w") as f:
        json.dump(figure, f, indent=1)
