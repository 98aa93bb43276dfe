"""Q12: save a trained model, load it back, and check what came back.

The model is the one from question 5, trained briefly on scikit-learn's breast-cancer data.
"""

import json
import os
import zipfile

import keras
import numpy as np
import tensorflow as tf
from keras.models import load_model
from sklearn.datasets import load_breast_cancer
from sklearn.preprocessing import StandardScaler


def build_model(n_cols):
    """The architecture of question 5, compiled as there."""
    model = keras.Sequential(
        [
            keras.Input(shape=(n_cols,)),
            keras.layers.Dense(100, activation="relu"),
            keras.layers.Dropout(rate=0.2),
            keras.layers.Dense(50, activation="relu"),
            keras.layers.Dense(1, activation="sigmoid"),
        ]
    )
    model.compile(optimizer="adam", loss="binary_crossentropy", metrics=["accuracy"])
    return model


def trained_model():
    """A model trained for 5 epochs (saving is the point here, not accuracy), and its data."""
    keras.utils.set_random_seed(0)
    x, y = load_breast_cancer(return_X_y=True)
    x = StandardScaler().fit_transform(x).astype("float32")
    model = build_model(x.shape[1])
    model.fit(x, y, epochs=5, verbose=0)
    return model, x, y


def archive_members(path):
    """(name, size in bytes) of each file inside a .keras archive, which is a zip file."""
    with zipfile.ZipFile(path) as archive:
        return [(info.filename, info.file_size) for info in archive.infolist()]


def optimizer_state(model):
    return [v.numpy() for v in model.optimizer.variables]


if __name__ == "__main__":
    model, x, y = trained_model()
    expected = model.predict(x, verbose=0)

    # The recommended native format. Saved first: in Keras 3.15.1 an .h5 save drops the
    # optimizer from later .keras saves of the same model (fixed upstream, keras-team/keras#23475).
    model.save("model.keras")
    restored = load_model("model.keras")

    # The question's code: the legacy HDF5 format, chosen by the .h5 ending (Keras logs a warning).
    model.save("model_file.h5")
    my_model = load_model("model_file.h5")

    for name, loaded in [("model.keras", restored), ("model_file.h5", my_model)]:
        np.testing.assert_array_equal(loaded.predict(x, verbose=0), expected)  # bit for bit
        print(f"{name}: identical predictions on all {len(x)} rows")

    print("\nOptimizer after loading (the original has trained for 90 steps):")
    for name, loaded in [("original", model), ("model.keras", restored), ("model_file.h5", my_model)]:
        opt = loaded.optimizer
        print(
            f"  {name:14} compiled={loaded.compiled} {type(opt).__name__} steps={int(opt.iterations.numpy())} "
            f"variables={len(opt.variables)}"
        )
    same = all(np.array_equal(a, b) for a, b in zip(optimizer_state(model), optimizer_state(restored), strict=True))
    print("  model.keras optimizer state identical to the original:", same)

    print("\nInside model.keras (a zip archive):")
    members = archive_members("model.keras")
    for name, size in members:
        print(f"  {name:17} {size:>8,} bytes")
    with zipfile.ZipFile("model.keras") as archive:
        config = json.loads(archive.read("config.json"))
    print("  config.json keys:", list(config))
    print("  layers:", [layer["class_name"] for layer in config["config"]["layers"]])
    compiled_with = config["compile_config"]
    print(
        "  compile_config:", compiled_with["optimizer"]["class_name"], compiled_with["loss"], compiled_with["metrics"]
    )

    print("\nContinue training for one epoch:")
    restored.fit(x, y, epochs=1, verbose=0)
    print("  model.keras: fit() works")
    try:
        my_model.fit(x, y, epochs=1, verbose=0)
        print("  model_file.h5: fit() works")
    except ValueError as err:
        print("  model_file.h5: fit() raises ValueError:", str(err).split(">")[0] + ">")
        my_model = load_model("model_file.h5", compile=False)  # weights only, then a fresh optimizer
        my_model.compile(optimizer="adam", loss="binary_crossentropy", metrics=["accuracy"])
        my_model.fit(x, y, epochs=1, verbose=0)
        print("  model_file.h5 loaded with compile=False and compiled again: fit() works")

    # Weights only: the code that builds the model is needed to use them.
    model.save_weights("model.weights.h5")
    fresh = build_model(x.shape[1])
    fresh.load_weights("model.weights.h5")
    np.testing.assert_array_equal(fresh.predict(x, verbose=0), model.predict(x, verbose=0))
    print("\nsave_weights + load_weights into a newly built model: identical predictions")

    # For serving without Keras: a TensorFlow SavedModel directory, for inference only.
    model.export("exported_model", verbose=False)
    served = tf.saved_model.load("exported_model")
    np.testing.assert_allclose(served.serve(x).numpy(), model.predict(x, verbose=0), rtol=1e-5)
    print("export: SavedModel", sorted(os.listdir("exported_model")), "serves the same predictions (rtol 1e-5)")

    # The figure on the page is drawn from these numbers.
    optimizer = {"class": type(model.optimizer).__name__, "variables": len(model.optimizer.variables)}
    with open("q12_save_load.json", "w") as f:
        json.dump({"members": members, "optimizer": optimizer}, f, indent=1)
