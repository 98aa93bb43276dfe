# Q7: what keras.layers.Dropout does to its input in training and at inference.

# %%
import json

import keras
import numpy as np

RATE = 0.2  # as in Dropout(rate=0.2) in question 5


# %%
def apply_dropout(rate=RATE, shape=(4, 10), steps=2):
    """Feed a batch of ones through one Dropout layer: `steps` training calls, then one inference call."""
    keras.utils.set_random_seed(0)
    layer = keras.layers.Dropout(rate)
    x = np.ones(shape, dtype="float32")  # 4 examples with 10 unit outputs each, all equal to 1
    training = [keras.ops.convert_to_numpy(layer(x, training=True)) for _ in range(steps)]
    inference = keras.ops.convert_to_numpy(layer(x, training=False))
    return x, training, inference


# %%
if __name__ == "__main__":
    np.set_printoptions(precision=2, floatmode="fixed")
    x, training, inference = apply_dropout()
    for step, out in enumerate(training, 1):
        print(f"training=True, call {step}: zeros per example {(out == 0).sum(axis=1)}")
        print(out)
    print("training=False (inference): identical to the input?", np.array_equal(inference, x))
    print(inference)
    print("kept values are scaled by 1 / (1 - rate) =", 1 / (1 - RATE))

    # On a large input the fraction zeroed approaches the rate and the mean stays close to 1.
    _, (big,), _ = apply_dropout(shape=(1000, 100), steps=1)
    print(f"100,000 values: fraction zeroed {(big == 0).mean():.4f}, mean {big.mean():.4f}")

    # The figure on the page is drawn from these numbers: the small batch after each call.
    outputs = {"training": [out.tolist() for out in training], "inference": inference.tolist()}
    with open("q07_dropout.json", "w") as f:
        json.dump({"rate": RATE} | outputs, f)
