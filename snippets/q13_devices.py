# Q13: which devices can TensorFlow see, and where does an operation run?
# On a machine without a GPU the list holds only the CPU; with one (e.g. in Google Colab) a GPU appears too.

# %%
import tensorflow as tf

# %% Physical devices: the hardware TensorFlow found when it started
cpus = tf.config.list_physical_devices("CPU")
gpus = tf.config.list_physical_devices("GPU")
for device in cpus + gpus:
    print(device.device_type, device.name)
print("GPUs found:", len(gpus))

# %% Place the same matrix product on each device with tf.device
a = tf.random.stateless_normal((512, 512), seed=(1, 2))
b = tf.random.stateless_normal((512, 512), seed=(3, 4))
placements = ["/CPU:0"] + [f"/GPU:{i}" for i in range(len(gpus))]
for name in placements:
    with tf.device(name):
        c = tf.matmul(a, b)  # 512 x 512 @ 512 x 512: 2 * 512**3 = 268,435,456 FLOPs
    print(f"{name}: {c.dtype.name} result of shape {tuple(c.shape)} lives on {c.device.split('/')[-1]}")
if not gpus:
    print("No GPU here: TensorFlow runs every operation on the CPU.")
