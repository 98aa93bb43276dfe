# Q5: the question's input_shape= still works in Keras 3, but warns; keras.Input builds the same model silently.
import textwrap
import warnings

import keras
from keras.layers import Dense
from keras.models import Sequential

n_cols = 30


def first_layer(style):
    """Build the question's first layer in the old or the current style; return the model and its warnings."""
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        nn_model = Sequential()
        if style == "old":
            nn_model.add(Dense(100, activation="relu", input_shape=(n_cols,)))
        else:
            nn_model.add(keras.Input(shape=(n_cols,)))
            nn_model.add(Dense(100, activation="relu"))
    return nn_model, [f"{w.category.__name__}: {w.message}" for w in caught]


print("Keras", keras.__version__)
for style in ("old", "new"):
    nn_model, caught = first_layer(style)
    layer = nn_model.layers[0]
    print(f"\n{style}: output {layer.output.shape}, kernel {layer.kernel.shape}, {layer.count_params()} parameters")
    for text in caught or ["no warnings"]:
        print(textwrap.fill(text, width=78, initial_indent="  ", subsequent_indent="    "))
