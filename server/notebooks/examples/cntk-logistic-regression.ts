// Example: logistic regression with CNTK (the classic CNTK 101 tutorial), for Backend.AI's
// Python + CNTK image; the cells are Python and the notebook runs on a Python kernel.
import type { ExampleNotebook } from "./types";

const md = (source: string) => ({ kind: "markdown" as const, source });
const py = (source: string) => ({ kind: "code" as const, source });

export const cntkLogisticRegression: ExampleNotebook = {
  id: "cntk-logistic-regression",
  title: "CNTK: logistic regression",
  summary: "Train a two-class logistic regression with Microsoft CNTK (Backend.AI Python + CNTK image).",
  language: "python",
  image: "lablup/python-cntk:2.7-py36",
  matchesSpec: (spec) => /cntk/i.test(`${spec.name} ${spec.description ?? ""} ${spec.displayName}`),
  cells: [
    md(`# CNTK: logistic regression

**Needs the Backend.AI image \`lablup/python-cntk:2.7-py36\`** (Python 3.6 with Microsoft CNTK 2.7; the \`-cuda9\` variant uses a GPU). Pick *Python 3.6 + CNTK 2.7 — Backend.AI* in the kernel picker. The cells are Python.

We generate two clusters of points, train a logistic regression (one dense layer and softmax) with stochastic gradient descent, and plot the decision boundary.`),
    py(`import numpy as np
import cntk as C
print("CNTK", C.__version__, "on", C.device.use_default_device())`),
    py(`np.random.seed(0)
input_dim, num_classes = 2, 2

def sample(size):
    """Points of class 1 lie further from the origin than those of class 0."""
    y = np.random.randint(size=(size, 1), low=0, high=num_classes)
    x = ((np.random.randn(size, input_dim) + 3) * (y + 1)).astype(np.float32)
    one_hot = np.hstack([y == k for k in range(num_classes)]).astype(np.float32)
    return x, one_hot

features, labels = sample(32)
print(features[:5], labels[:5], sep="\\n")`),
    py(`feature = C.input_variable(input_dim, np.float32)
label = C.input_variable(num_classes, np.float32)
z = C.layers.Dense(num_classes, init=C.glorot_uniform())(feature)
loss = C.cross_entropy_with_softmax(z, label)
error = C.classification_error(z, label)
learner = C.sgd(z.parameters, C.learning_parameter_schedule(0.5))
trainer = C.Trainer(z, (loss, error), [learner])

for step in range(1, 1001):
    x, y = sample(25)
    trainer.train_minibatch({feature: x, label: y})
    if step % 100 == 0:
        print(f"minibatch {step:4d}: loss {trainer.previous_minibatch_loss_average:.4f}, "
              f"error {trainer.previous_minibatch_evaluation_average:.2%}")`),
    py(`x_test, y_test = sample(400)
print(f"Test error: {trainer.test_minibatch({feature: x_test, label: y_test}):.2%}")
for parameter in z.parameters:
    print(parameter.name, parameter.value, sep=":\n")`),
    py(`import matplotlib
matplotlib.use("Agg")
import matplotlib.pyplot as plt

predicted = np.argmax(z.eval({feature: x_test}), axis=1)
plt.scatter(x_test[:, 0], x_test[:, 1], c=predicted, cmap="coolwarm", s=12)
plt.xlabel("feature 1"); plt.ylabel("feature 2"); plt.title("CNTK logistic regression: predicted classes")
plt.show()`),
  ],
};
