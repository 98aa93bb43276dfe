"""Q3: parameters are learned, hyperparameters are chosen. Dense(10) on 784 inputs (a flattened 28x28 image)."""

import json

import keras
import numpy as np

INPUTS, UNITS, LEARNING_RATE = 784, 10, 0.01  # hyperparameters: we choose them, training never changes them


def build_model():
    return keras.Sequential([keras.Input(shape=(INPUTS,)), keras.layers.Dense(UNITS)])


if __name__ == "__main__":
    keras.utils.set_random_seed(0)
    model = build_model()
    model.summary()

    kernel, bias = model.layers[0].get_weights()  # the parameters: one weight per connection, one bias per unit
    print("kernel:", kernel.shape, "bias:", bias.shape)
    print(f"{INPUTS} * {UNITS} + {UNITS} =", INPUTS * UNITS + UNITS)
    print("count_params():", model.count_params())

    # One step of gradient descent on a batch of 32 random "images": backpropagation computes
    # the gradient of the loss for every parameter, and the optimizer moves each one a little.
    model.compile(optimizer=keras.optimizers.SGD(learning_rate=LEARNING_RATE), loss="mse")
    x = np.random.default_rng(0).random((32, INPUTS), dtype="float32")
    model.train_on_batch(x, np.ones((32, UNITS), dtype="float32"))
    new_kernel, new_bias = model.layers[0].get_weights()
    changed = np.sum(new_kernel != kernel) + np.sum(new_bias != bias)
    print(f"\nafter one training step: {changed} of {model.count_params()} parameters changed")
    print(f"the learning rate, a hyperparameter, is still {float(model.optimizer.learning_rate):g}")

    # The figure on the page is drawn from these numbers.
    layer = model.layers[0]
    shapes = {"units": layer.units, "kernel": kernel.shape, "bias": bias.shape, "params": layer.count_params()}
    with open("q03_parameters.json", "w") as f:
        json.dump(shapes, f, indent=1)
