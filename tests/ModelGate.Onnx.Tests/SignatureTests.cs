using ModelGate.Onnx.Sessions;
using ModelGate.Onnx.Signature;
using ModelGate.Onnx.Tests.Support;

namespace ModelGate.Onnx.Tests;

/// <summary>The signature `inspect` prints: names, element types, symbolic shapes, sequence/map types and metadata.</summary>
[Collection(SharedRuntimeGroup.Name)]
public sealed class SignatureTests(SharedRuntime shared)
{
    private OnnxModel Load(string stem) => shared.Runtime.LoadModel(RepoPaths.Model(stem), new SessionSettings { Device = DeviceRequest.Cpu });

    [Fact]
    public void A_pytorch_mlp_has_a_dynamic_batch_float_input_and_metadata_with_opsets_from_the_file()
    {
        using var model = Load("mlp_breast_cancer");
        var input = Assert.Single(model.Signature.Inputs);
        Assert.Equal("input", input.Name);
        var tensor = Assert.IsType<TensorValueType>(input.Type);
        Assert.Equal(TensorElementType.Float, tensor.ElementType);
        Assert.Equal(2, tensor.Shape.Count);
        Assert.True(tensor.Shape[0].IsDynamic);
        Assert.Equal(30, tensor.Shape[1].Size);
        Assert.Equal("probabilities", Assert.Single(model.Signature.Outputs).Name);

        var metadata = model.Signature.Metadata;
        Assert.Contains("torch", metadata.ProducerName, StringComparison.Ordinal);
        Assert.Equal(8, metadata.IrVersion);
        Assert.Contains(new OpsetImport("", 17), metadata.Opsets);
    }

    [Fact]
    public void A_zipmap_output_is_a_sequence_of_maps_and_prints_like_onnx_tools()
    {
        using var model = Load("zipmap_int64_hmda");
        var output = model.Signature.Output("output_probability")!;
        var sequence = Assert.IsType<SequenceValueType>(output.Type);
        var map = Assert.IsType<MapValueType>(sequence.Element);
        Assert.Equal(TensorElementType.Int64, map.Key);
        Assert.Equal("seq(map(int64,float32))", output.Type.ToString());
        Assert.Contains(model.Signature.Metadata.Opsets, o => o.Domain == "ai.onnx.ml");

        using var text = Load("zipmap_string_titanic");
        Assert.Equal("seq(map(string,float32))", text.Signature.Output("output_probability")!.Type.ToString());
        Assert.Equal("string[?]", text.Signature.Output("output_label")!.Type.ToString().Replace("N", "?", StringComparison.Ordinal));
    }

    [Fact]
    public void Per_column_inputs_include_string_tensors()
    {
        using var model = Load("per_column_arrests");
        Assert.Equal(["age", "year", "checks", "colour", "sex", "employed", "citizen"], model.Signature.Inputs.Select(i => i.Name));
        var colour = Assert.IsType<TensorValueType>(model.Signature.Input("colour")!.Type);
        Assert.Equal(TensorElementType.String, colour.ElementType);
        Assert.Equal(1, colour.Shape[1].Size);
    }

    [Fact]
    public void The_cnn_input_is_four_dimensional()
    {
        using var model = Load("cnn_digits");
        var pixels = Assert.IsType<TensorValueType>(model.Signature.Input("pixels")!.Type);
        Assert.Equal([1L, 8L, 8L], pixels.Shape.Skip(1).Select(d => d.Size!.Value));
    }

    [Fact]
    public void The_file_header_reader_sees_the_future_opset_that_onnx_runtime_rejects()
    {
        var header = ModelProtoHeader.TryRead(RepoPaths.Model("future_opset"));
        Assert.NotNull(header);
        Assert.Contains(new OpsetImport("", 99), header.Opsets);
        Assert.Null(ModelProtoHeader.TryRead(RepoPaths.Path("tests", "fixtures", "README.md")));
    }
}
