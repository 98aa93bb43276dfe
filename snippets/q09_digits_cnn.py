# Q9: a small convolutional neural network (CNN) on real images: scikit-learn's 8x8 handwritten digits.
# Then: why a conv layer needs so few parameters compared with a Dense layer on the same image.

# %%
import json

import keras
import numpy as np
import tensorflow as tf
from keras import layers
from sklearn.datasets import load_digits
from sklearn.model_selection import train_test_split


# %%
def load_data():
    """1,797 grey-scale images of 8x8 pixels (values 0-16), labels 0-9; 20% held out as a test set."""
    digits = load_digits()
    X = (digits.images / 16.0).astype("float32")[..., np.newaxis]  # (n, 8, 8, 1): height, width, channels
    return train_test_split(X, digits.target, test_size=0.2, stratify=digits.target, random_state=0)


# %%
def build_cnn():
    """Conv -> pool -> conv -> pool -> flatten -> dense: the classic CNN pattern."""
    return keras.Sequential(
        [
            keras.Input(shape=(8, 8, 1)),
            layers.Conv2D(16, kernel_size=3, padding="same", activation="relu"),  # 16 learned 3x3 filters
            layers.MaxPooling2D(pool_size=2),  # 8x8 -> 4x4
            layers.Conv2D(32, kernel_size=3, padding="same", activation="relu"),  # 32 filters over 16 channels
            layers.MaxPooling2D(pool_size=2),  # 4x4 -> 2x2
            layers.Flatten(),  # 2 * 2 * 32 = 128 numbers
            layers.Dense(10, activation="softmax"),  # one probability per digit
        ],
        name="cnn",
    )


# %%
def train(model, X_train, y_train, epochs=20):
    """Train in place and return the per-epoch log; labels are integers 0-9, hence the sparse loss."""
    model.compile(optimizer="adam", loss="sparse_categorical_crossentropy", metrics=["accuracy"])
    return model.fit(X_train, y_train, epochs=epochs, batch_size=32, verbose=0).history


def seeded_cnn_and_data():
    """Seed first, so that training gives the same CNN on every run."""
    keras.utils.set_random_seed(0)  # same initial weights and shuffling on every run
    tf.config.experimental.enable_op_determinism()
    return build_cnn(), load_data()


# %%
def layer_params(layer, shape):
    """Parameters of one layer applied to an input of the given shape."""
    return keras.Sequential([keras.Input(shape=shape), layer]).count_params()


# %%
if __name__ == "__main__":
    cnn, (X_train, X_test, y_train, y_test) = seeded_cnn_and_data()
    print("training images:", X_train.shape, " test images:", X_test.shape)
    cnn.summary()
    history = train(cnn, X_train, y_train)
    for epoch in (1, 5, 10, 15, 20):
        print(f"epoch {epoch:2d}: loss {history['loss'][epoch - 1]:.4f}, accuracy {history['accuracy'][epoch - 1]:.4f}")
    _, accuracy = cnn.evaluate(X_test, y_test, verbose=0)
    print(f"test accuracy: {accuracy:.4f}")

    # Conv2D(16, 3): 16 filters of 3*3 weights per input channel, plus 16 biases, slid over the whole image.
    # Dense(16): 16 units, each with its own weight for every pixel of the flattened image.
    print("\ninput image   Conv2D(16, 3)  Dense(16) on the flattened image")
    for shape in [(8, 8, 1), (64, 64, 3), (224, 224, 3)]:
        conv = layer_params(layers.Conv2D(16, 3), shape)
        dense = layer_params(keras.Sequential([layers.Flatten(), layers.Dense(16)]), shape)
        print(f"{'x'.join(map(str, shape)):11s} {conv:15,d} {dense:33,d}")

    # The figure on the page is drawn from these numbers: the first test image, the 16 filters the first layer
    # learned and the 16 feature maps they make of that image (rounded to 4 decimals), and every layer's shape.
    digit, conv = X_test[:1], cnn.layers[0]
    kernels = keras.ops.convert_to_numpy(conv.kernel)[:, :, 0, :]  # (3, 3, 16)
    maps = keras.ops.convert_to_numpy(conv(digit))[0]  # (8, 8, 16): convolution + bias + ReLU
    figure = {
        "label": int(y_test[0]),
        "predicted": int(np.argmax(cnn.predict(digit, verbose=0))),
        "image": digit[0, :, :, 0].tolist(),
        "kernels": kernels.astype(float).round(4).tolist(),
        "maps": maps.astype(float).round(4).tolist(),
        "layers": [[type(layer).__name__, layer.output.shape[1:], layer.count_params()] for layer in cnn.layers],
    }
    with open("q09_digits_cnn.json", "w") as f:
        json.dump(figure, f)
