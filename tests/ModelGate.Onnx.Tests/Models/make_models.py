"""Makes the two small ONNX models the ONNX engine tests use beyond tests/fixtures.

Run from anywhere with Debian's python3-onnx: /usr/bin/python3 make_models.py
Deterministic: the output files are byte-identical on every run. Tests never need Python.

- typed_inputs.onnx: inputs of every element type ModelGate feeds besides float32 and string:
  a int64[N,1], b float64[N,2], c bool[N,1], d int32[N,1]; output `out` float32[N,5] = [a, b0, b1, c, d] cast to float.
- fixed_batch.onnx: input float32[1,2] (a batch dimension fixed at 1), output `probabilities` = Softmax(input).
"""
import os
import onnx
from onnx import TensorProto, helper

HERE = os.path.dirname(os.path.abspath(__file__))


def save(model, name):
    model.producer_name = "modelgate-onnx-tests"
    model.producer_version = "1"
    onnx.checker.check_model(model)
    onnx.save(model, os.path.join(HERE, name))


def typed_inputs():
    inputs = [
        helper.make_tensor_value_info("a", TensorProto.INT64, ["N", 1]),
        helper.make_tensor_value_info("b", TensorProto.DOUBLE, ["N", 2]),
        helper.make_tensor_value_info("c", TensorProto.BOOL, ["N", 1]),
        helper.make_tensor_value_info("d", TensorProto.INT32, ["N", 1]),
    ]
    nodes = [helper.make_node("Cast", [n], [n + "_f"], to=TensorProto.FLOAT) for n in "abcd"]
    nodes.append(helper.make_node("Concat", [n + "_f" for n in "abcd"], ["out"], axis=1))
    output = helper.make_tensor_value_info("out", TensorProto.FLOAT, ["N", 5])
    graph = helper.make_graph(nodes, "typed_inputs", inputs, [output])
    model = helper.make_model(graph, opset_imports=[helper.make_opsetid("", 17)])
    model.ir_version = 8
    helper.set_model_props(model, {"purpose": "element types", "author": "modelgate"})
    save(model, "typed_inputs.onnx")


def fixed_batch():
    x = helper.make_tensor_value_info("input", TensorProto.FLOAT, [1, 2])
    y = helper.make_tensor_value_info("probabilities", TensorProto.FLOAT, [1, 2])
    graph = helper.make_graph([helper.make_node("Softmax", ["input"], ["probabilities"], axis=1)], "fixed_batch", [x], [y])
    model = helper.make_model(graph, opset_imports=[helper.make_opsetid("", 17)])
    model.ir_version = 8
    save(model, "fixed_batch.onnx")


typed_inputs()
fixed_batch()
