"""Q11: transfer learning with ResNet50 pretrained on ImageNet: freeze the base, add a new head.

The first run downloads the ImageNet weights (without the top) once, to ~/.keras/models/.
"""

# %%
import json

import keras
import numpy as np
from matplotlib import cbook

CLASSES = ["tennis ball", "zebra"]

# 1. The pretrained base: ResNet50 without its 1000-class ImageNet classifier (include_top=False).
base = keras.applications.ResNet50(weights="imagenet", include_top=False, input_shape=(224, 224, 3))
base.trainable = False  # freeze: fit() will not change these weights

# %%
# 2. A new model: data augmentation, the frozen base, and a new head for our two classes.
augment = keras.Sequential([keras.layers.RandomFlip("horizontal"), keras.layers.RandomRotation(0.1)], name="augment")
inputs = keras.Input(shape=(224, 224, 3))
x = augment(inputs)  # random flips and rotations, only while training
x = base(x, training=False)  # BatchNormalization stays in inference mode, also when fine-tuning later
x = keras.layers.GlobalAveragePooling2D()(x)  # 7 x 7 x 2048 feature maps -> 2048 numbers
x = keras.layers.Dropout(0.2)(x)
outputs = keras.layers.Dense(len(CLASSES), activation="softmax")(x)
model = keras.Model(inputs, outputs)

model.compile(
    optimizer=keras.optimizers.Adam(learning_rate=1e-3),
    loss="sparse_categorical_crossentropy",  # labels 0 and 1, one per image
    metrics=["accuracy"],
)
model.summary()
print("layers in the base:", len(base.layers))
batch_norms = [layer for layer in base.layers if isinstance(layer, keras.layers.BatchNormalization)]
print("BatchNormalization layers in the base:", len(batch_norms))

# %%
# 3. Images go in as RGB values 0-255, resized to 224 x 224, through ResNet50's own preprocessing.
#    Any photo shows the shapes; this one ships with matplotlib.
image = keras.utils.load_img(cbook.get_sample_data("grace_hopper.jpg", asfileobj=False), target_size=(224, 224))
batch = keras.applications.resnet50.preprocess_input(np.array([keras.utils.img_to_array(image)]))
print("input batch:", batch.shape, "-> output:", model.predict(batch, verbose=0).shape, "(one probability per class)")
print("augmentation leaves images unchanged outside training:", np.array_equal(augment(batch, training=False), batch))

# 4. With the album sorted into album/tennis ball/ and album/zebra/, training is:
#    data = keras.utils.image_dataset_from_directory("album", image_size=(224, 224), class_names=CLASSES)
#    data = data.map(lambda images, labels: (keras.applications.resnet50.preprocess_input(images), labels))
#    model.fit(data, epochs=10)

# %%
# 5. Fine-tuning, once the head has been trained: unfreeze, recompile with a low learning rate, train a little more.
base.trainable = True
model.compile(
    optimizer=keras.optimizers.Adam(learning_rate=1e-5), loss="sparse_categorical_crossentropy", metrics=["accuracy"]
)
trainable = sum(int(np.prod(w.shape)) for w in model.trainable_weights)
frozen = sum(int(np.prod(w.shape)) for w in model.non_trainable_weights)
print(f"after unfreezing: {trainable:,} trainable, {frozen:,} non-trainable (BatchNormalization statistics)")

# The figure on the page is drawn from these numbers.
parts = {"base_layers": len(base.layers), "base_params": base.count_params(), "features": base.output.shape[1:]}
with open("q11_resnet50.json", "w") as f:
    json.dump(parts | {"head_params": model.layers[-1].count_params()}, f, indent=1)
