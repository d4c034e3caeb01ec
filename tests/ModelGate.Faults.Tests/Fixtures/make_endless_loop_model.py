"""Writes endless_loop.onnx: a breast-cancer-shaped model (input float32[N,30] -> probabilities float32[N,2]) whose
graph first runs a Loop of 10^15 iterations (a counter plus one), then ignores the result:
probabilities = Softmax(input[:, 0:2] * 0 + 0 * v). A few hundred bytes that would run until the job times out.
Run from the repository root: /usr/bin/python3 tests/ModelGate.Faults.Tests/Fixtures/make_endless_loop_model.py
"""
import os

import numpy as np
import onnx
from onnx import TensorProto, helper, numpy_helper

here = os.path.dirname(os.path.abspath(__file__))


def const(name, values, dtype=np.float32):
    return numpy_helper.from_array(np.array(values, dtype=dtype), name)


body = helper.make_graph(
    [helper.make_node("Add", ["v_in", "one_b"], ["v_out"]), helper.make_node("Identity", ["cond_in"], ["cond_out"])],
    "body",
    [helper.make_tensor_value_info("iter", TensorProto.INT64, []),
     helper.make_tensor_value_info("cond_in", TensorProto.BOOL, []),
     helper.make_tensor_value_info("v_in", TensorProto.FLOAT, [])],
    [helper.make_tensor_value_info("cond_out", TensorProto.BOOL, []),
     helper.make_tensor_value_info("v_out", TensorProto.FLOAT, [])],
    [const("one_b", 1.0)])
inits = [const("trips", 10**15, np.int64), numpy_helper.from_array(np.array(True), "yes"), const("v0", 0.0),
         const("i0", [0], np.int64), const("i2", [2], np.int64), const("ax", [1], np.int64), const("zero", 0.0)]
nodes = [
    helper.make_node("Loop", ["trips", "yes", "v0"], ["v"], body=body),
    helper.make_node("Slice", ["input", "i0", "i2", "ax"], ["x"]),
    helper.make_node("Mul", ["x", "zero"], ["x0"]),
    helper.make_node("Mul", ["v", "zero"], ["v0x"]),
    helper.make_node("Add", ["x0", "v0x"], ["z"]),
    helper.make_node("Softmax", ["z"], ["probabilities"], axis=1),
]
graph = helper.make_graph(nodes, "endless_loop",
                          [helper.make_tensor_value_info("input", TensorProto.FLOAT, ["N", 30])],
                          [helper.make_tensor_value_info("probabilities", TensorProto.FLOAT, ["N", 2])], inits)
model = helper.make_model(graph, opset_imports=[helper.make_opsetid("", 13)])
model.ir_version = 8
onnx.checker.check_model(model)
onnx.save(model, os.path.join(here, "endless_loop.onnx"))
print("wrote endless_loop.onnx,", os.path.getsize(os.path.join(here, "endless_loop.onnx")), "bytes")
