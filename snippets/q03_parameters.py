# Q3: count the parameters of Dense(10) on 784 inputs (a flattened 28x28 image).
import keras

model = keras.Sequential([keras.Input(shape=(784,)), keras.layers.Dense(10)])
model.summary()

kernel, bias = model.layers[0].get_weights()
print("kernel:", kernel.shape, "bias:", bias.shape)
print("784 * 10 + 10 =", 784 * 10 + 10)
print("count_params():", model.count_params())
