# Q10: one convolution and one max pooling on a real photo, with two hand-set edge-detecting kernels.
# In a trained CNN the kernels are learned; here they are fixed so that we know what they look for.

# %%
import json

import keras
import numpy as np
from keras import layers
from sklearn.datasets import load_sample_image

# Sobel kernels. Keras slides a kernel over the image without flipping it (cross-correlation), so
# "vertical edges" is large and positive where the image gets brighter from left to right.
KERNELS = {
    "vertical edges": [[-1, 0, 1], [-2, 0, 2], [-1, 0, 1]],
    "horizontal edges": [[-1, -2, -1], [0, 0, 0], [1, 2, 1]],  # brighter from top to bottom
}


# %%
def load_image(scale=4):
    """china.jpg (427x640 RGB) as grey values in [0, 1], shrunk by averaging scale x scale blocks of pixels."""
    rgb = load_sample_image("china.jpg").astype("float32") / 255
    grey = rgb @ np.array([0.299, 0.587, 0.114], dtype="float32")  # luma: weighted sum of R, G, B
    h, w = grey.shape[0] // scale, grey.shape[1] // scale
    grey = grey[: h * scale, : w * scale].reshape(h, scale, w, scale).mean(axis=(1, 3))
    return grey[np.newaxis, :, :, np.newaxis]  # (1, height, width, 1): batch, rows, columns, channels


# %%
def edge_layers():
    """A Conv2D layer whose two filters are the kernels above, followed by 2x2 max pooling."""
    conv = layers.Conv2D(filters=2, kernel_size=3, activation="relu", use_bias=False)  # strides=1, padding="valid"
    conv.build((None, None, None, 1))  # any image size, 1 input channel
    kernel = np.stack(list(KERNELS.values()), axis=-1)  # (3, 3, 2): one 3x3 kernel per filter
    conv.set_weights([kernel[:, :, np.newaxis, :].astype("float32")])  # Keras wants (rows, cols, in, out)
    pool = layers.MaxPooling2D(pool_size=2)  # strides default to pool_size: halves height and width
    return conv, pool


# %%
def apply(image):
    """The feature maps after convolution (+ ReLU) and after max pooling, as NumPy arrays."""
    conv, pool = edge_layers()
    maps = conv(image)
    pooled = pool(maps)
    return conv, keras.ops.convert_to_numpy(maps), keras.ops.convert_to_numpy(pooled)


# %%
if __name__ == "__main__":
    image = load_image()
    conv, maps, pooled = apply(image)
    print("image:       ", image.shape)
    print("kernel:      ", conv.kernel.shape, "->", conv.count_params(), "parameters (no bias)")
    print("feature maps:", maps.shape, " 3x3 kernel, padding='valid': 2 rows and 2 columns fewer")
    print("max pooled:  ", pooled.shape, " 2x2 windows, stride 2: half the height and width")

    # Max pooling keeps the largest value of each 2x2 window. A 4x4 patch around the strongest vertical edge:
    r, c = (np.array(np.unravel_index(maps[0, :, :, 0].argmax(), maps.shape[1:3])) // 2 - 1) * 2
    print(f"\nvertical-edge map, rows {r}-{r + 3}, columns {c}-{c + 3}:")
    print(np.array2string(maps[0, r : r + 4, c : c + 4, 0], precision=2, floatmode="fixed"))
    print("after max pooling:")
    print(np.array2string(pooled[0, r // 2 : r // 2 + 2, c // 2 : c // 2 + 2, 0], precision=2, floatmode="fixed"))

    # The same 18 weights are reused at every position. A Dense layer computing the same outputs from the
    # flattened image would need one weight per (input pixel, output value) pair, plus one bias per output.
    n_in, n_out = image[0].size, maps[0].size
    print(f"\nConv2D: {conv.count_params()} parameters, whatever the image size")
    print(f"Dense from {n_in:,} pixels to {n_out:,} outputs: {n_in * n_out + n_out:,} parameters")

    # The figure on the page is drawn from these numbers (rounded to 3 decimals): the image, and for each kernel
    # its feature map before and after max pooling.
    figure = {"image": image[0, :, :, 0].astype(float).round(3).tolist(), "kernels": KERNELS}
    for key, out in (("maps", maps), ("pooled", pooled)):
        figure[key] = {name: out[0, :, :, i].astype(float).round(3).tolist() for i, name in enumerate(KERNELS)}
    with open("q10_edges_pooling.json", "w") as f:
        json.dump(figure, f)
