"""Writes nan_scores.onnx: a breast-cancer-shaped model (input float32[N,30] -> probabilities float32[N,2])
whose score is NaN when column 1 (mean_texture) is 0 and +infinity when column 2 (mean_perimeter) is 0.

s = Sigmoid(-0.5 * (x0 - 14)) * (x1 / x1) + Relu(1 - x2) / x2; probabilities = [1 - s, s].
On real rows (x1 >= 9, x2 >= 40) s is an ordinary probability; 0/0 gives NaN and 1/0 gives +inf.
Run from the repository root: /usr/bin/python3 tests/ModelGate.Faults.Tests/Fixtures/make_nan_model.py
"""
import os

import numpy as np
import onnx
from onnx import TensorProto, helper, numpy_helper

here = os.path.dirname(os.path.abspath(__file__))


def const(name, values, dtype=np.float32):
    return numpy_helper.from_array(np.array(values, dtype=dtype), name)


inits = [
    const("i0", [0], np.int64), const("i1", [1], np.int64), const("i2", [2], np.int64), const("i3", [3], np.int64),
    const("ax", [1], np.int64), const("c14", 14.0), const("half", -0.5), const("one", 1.0),
]
nodes = [
    helper.make_node("Slice", ["input", "i0", "i1", "ax"], ["x0"]),
    helper.make_node("Slice", ["input", "i1", "i2", "ax"], ["x1"]),
    helper.make_node("Slice", ["input", "i2", "i3", "ax"], ["x2"]),
    helper.make_node("Sub", ["x0", "c14"], ["z0"]),
    helper.make_node("Mul", ["z0", "half"], ["z1"]),
    helper.make_node("Sigmoid", ["z1"], ["p"]),
    helper.make_node("Div", ["x1", "x1"], ["nan_when_zero"]),
    helper.make_node("Mul", ["p", "nan_when_zero"], ["q"]),
    helper.make_node("Sub", ["one", "x2"], ["d"]),
    helper.make_node("Relu", ["d"], ["r"]),
    helper.make_node("Div", ["r", "x2"], ["inf_when_zero"]),
    helper.make_node("Add", ["q", "inf_when_zero"], ["s"]),
    helper.make_node("Sub", ["one", "s"], ["not_s"]),
    helper.make_node("Concat", ["not_s", "s"], ["probabilities"], axis=1),
]
graph = helper.make_graph(
    nodes, "nan_scores",
    [helper.make_tensor_value_info("input", TensorProto.FLOAT, ["N", 30])],
    [helper.make_tensor_value_info("probabilities", TensorProto.FLOAT, ["N", 2])],
    inits)
model = helper.make_model(graph, opset_imports=[helper.make_opsetid("", 17)], producer_name="modelgate-faults")
model.ir_version = 8
onnx.checker.check_model(model)
onnx.save(model, os.path.join(here, "nan_scores.onnx"))
