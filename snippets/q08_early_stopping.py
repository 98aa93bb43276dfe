# Q8: early stopping with EarlyStopping(patience=5) on the model from question 5,
# run twice: without and with restore_best_weights.

# %%
import json

import keras
import tensorflow as tf
from sklearn.datasets import load_breast_cancer
from sklearn.model_selection import train_test_split
from sklearn.preprocessing import StandardScaler


# %%
def load_data():
    """Breast-cancer data split 60/20/20 into train/validation/test, scaled with training rows only."""
    X, y = load_breast_cancer(return_X_y=True)
    X_rest, X_test, y_rest, y_test = train_test_split(X, y, test_size=0.2, stratify=y, random_state=0)
    X_train, X_val, y_train, y_val = train_test_split(X_rest, y_rest, test_size=0.25, stratify=y_rest, random_state=0)
    scaler = StandardScaler().fit(X_train)
    return {
        "train": (scaler.transform(X_train), y_train),
        "val": (scaler.transform(X_val), y_val),
        "test": (scaler.transform(X_test), y_test),
    }


# %%
def train(data, restore_best_weights):
    """Train the question-5 model until early stopping; return the model, its history and the callback."""
    tf.config.experimental.enable_op_determinism()
    keras.utils.set_random_seed(0)  # same seed: both runs follow exactly the same path
    model = keras.Sequential(
        [
            keras.Input(shape=(30,)),
            keras.layers.Dense(100, activation="relu"),
            keras.layers.Dropout(rate=0.2),
            keras.layers.Dense(50, activation="relu"),
            keras.layers.Dense(1, activation="sigmoid"),
        ]
    )
    model.compile(optimizer="adam", loss="binary_crossentropy", metrics=["accuracy"])
    # Defaults: monitor="val_loss", min_delta=0, mode="auto" (min for a loss), restore_best_weights=False
    stopper = keras.callbacks.EarlyStopping(patience=5, restore_best_weights=restore_best_weights)
    history = model.fit(*data["train"], validation_data=data["val"], epochs=100, callbacks=[stopper], verbose=0)
    return model, history.history, stopper


# %%
if __name__ == "__main__":
    data = load_data()
    model, history, stopper = train(data, restore_best_weights=False)
    print("epoch    loss  val_loss  epochs without improvement")
    best, wait = float("inf"), 0
    for epoch, (loss, val_loss) in enumerate(zip(history["loss"], history["val_loss"], strict=True), 1):
        best, wait = (val_loss, 0) if val_loss < best else (best, wait + 1)  # the callback's rule
        print(f"{epoch:5} {loss:7.4f} {val_loss:9.5f}  {wait}")
    # The callback counts epochs from 0; add 1 to match the list above.
    print(f"stopped after epoch {stopper.stopped_epoch + 1}; best epoch {stopper.best_epoch + 1}")

    restored, history_restored, _ = train(data, restore_best_weights=True)
    print("second run, restore_best_weights=True, followed the same path:", history_restored == history)
    for restore, final in ((False, model), (True, restored)):
        val = final.evaluate(*data["val"], verbose=0, return_dict=True)
        test = final.evaluate(*data["test"], verbose=0, return_dict=True)
        print(
            f"restore_best_weights={restore!s:5}: final model has val_loss {val['loss']:.4f}, "
            f"test loss {test['loss']:.4f}, test accuracy {test['accuracy']:.3f}"
        )

    # The figure on the page is drawn from these numbers: the first run's losses and where its callback stopped.
    run = {key: [round(v, 6) for v in history[key]] for key in ("loss", "val_loss")}
    run |= {"best_epoch": stopper.best_epoch, "stopped_epoch": stopper.stopped_epoch}  # counted from 0
    with open("q08_early_stopping.json", "w") as f:
        json.dump(run, f, indent=1)
