"""Q2: which Keras is this, and which backend does it run on?"""

import keras
import tensorflow as tf

print("keras", keras.__version__, "| tensorflow", tf.__version__)
print("backend:", keras.config.backend())  # set by KERAS_BACKEND or ~/.keras/keras.json; default "tensorflow"

# Since TensorFlow 2.16, tf.keras is Keras 3: the same classes as `import keras`.
print("tf.keras.layers.Dense is keras.layers.Dense:", tf.keras.layers.Dense is keras.layers.Dense)

# Keras code is backend-neutral; the tensors it computes belong to the backend.
x = keras.ops.matmul(keras.ops.ones((2, 3)), keras.ops.ones((3, 4)))
print("keras.ops.matmul returned a", type(x).__module__.split(".")[0], "tensor of shape", tuple(x.shape))
