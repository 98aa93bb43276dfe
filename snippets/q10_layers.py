# Q10: the Keras 3 layers of a CNN: their defaults, the output shapes they give, and their parameter counts.
import inspect

import keras
from keras import layers


def defaults(cls, names):
    """The default values of some constructor arguments, read from the installed Keras."""
    params = inspect.signature(cls.__init__).parameters
    empty = inspect.Parameter.empty  # no default: the argument must be given
    return ", ".join(f"{n}={params[n].default!r}" if params[n].default is not empty else f"{n} required" for n in names)


def show(layer, shape, label):
    """Apply a layer to a symbolic input of the given shape; print its output shape and parameter count."""
    out = layer(keras.Input(shape=shape))
    print(f"{label:34s} {str(tuple(out.shape)):18s} {layer.count_params():6,d}")


if __name__ == "__main__":
    print("Keras", keras.__version__, " image_data_format:", keras.config.image_data_format())
    print("Conv2D:          ", defaults(layers.Conv2D, ["filters", "kernel_size", "strides", "padding"]))
    print("                 ", defaults(layers.Conv2D, ["activation", "use_bias", "kernel_initializer"]))
    print("MaxPooling2D:    ", defaults(layers.MaxPooling2D, ["pool_size", "strides", "padding"]))
    print("AveragePooling2D:", defaults(layers.AveragePooling2D, ["pool_size", "strides", "padding"]))
    print("MaxPooling2D().strides:", layers.MaxPooling2D().strides, "(strides=None means: equal to pool_size)")

    print("\non a 28x28x1 input                 output shape       params")
    show(layers.Conv2D(8, 3), (28, 28, 1), "Conv2D(8, 3)")  # 'valid': 28 - 3 + 1 = 26
    show(layers.Conv2D(8, 3, padding="same"), (28, 28, 1), 'Conv2D(8, 3, padding="same")')  # zero border: 28
    show(layers.Conv2D(8, 3, strides=2), (28, 28, 1), "Conv2D(8, 3, strides=2)")  # (28 - 3) // 2 + 1 = 13
    show(layers.Conv2D(8, 5), (28, 28, 1), "Conv2D(8, 5)")  # 8 * (5*5*1 + 1) = 208 parameters
    show(layers.MaxPooling2D(), (28, 28, 1), "MaxPooling2D()")  # 2x2 windows, stride 2: 14
    show(layers.MaxPooling2D(), (27, 27, 1), "MaxPooling2D() on 27x27x1")  # the odd row/column is dropped: 13

    print("\nfrom 7x7x64 feature maps to 10 classes")
    flatten_head = keras.Sequential([layers.Flatten(), layers.Dense(10)])
    average_head = keras.Sequential([layers.GlobalAveragePooling2D(), layers.Dense(10)])
    show(flatten_head, (7, 7, 64), "Flatten + Dense(10)")  # 7*7*64 = 3,136 numbers: 3,136 * 10 + 10
    show(average_head, (7, 7, 64), "GlobalAveragePooling2D + Dense(10)")  # one mean per map: 64 * 10 + 10
