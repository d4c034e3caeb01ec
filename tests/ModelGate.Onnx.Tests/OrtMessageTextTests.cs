using ModelGate.Onnx.Errors;

namespace ModelGate.Onnx.Tests;

/// <summary>ORT's error text is shown on one line without its C++ location, signature and error tag.</summary>
public sealed class OrtMessageTextTests
{
    [Fact]
    public void The_source_location_and_signature_are_removed_and_lines_joined()
    {
        const string raw = "Load model from m.onnx failed:/onnxruntime_src/onnxruntime/core/graph/model_load_utils.h:46 void onnxruntime::model_load_utils::ValidateOpsetForDomain(const std::unordered_map<std::basic_string<char>, int>&, const onnxruntime::logging::Logger&, bool, const std::string&, int) ONNX Runtime only supports\nopset 26.\n";

        Assert.Equal("Load model from m.onnx failed: ONNX Runtime only supports opset 26.", OrtMessageText.Clean(raw));
    }

    [Fact]
    public void The_error_tag_is_removed()
    {
        const string raw = "/onnxruntime_src/onnxruntime/core/session/provider_bridge_ort.cc:1988 onnxruntime::Provider& onnxruntime::ProviderLibrary::Get() [ONNXRuntimeError] : 1 : FAIL : Failed to load library x.so with error: file too short\n";

        Assert.Equal("Failed to load library x.so with error: file too short", OrtMessageText.Clean(raw));
    }

    [Fact]
    public void Plain_messages_are_kept()
    {
        Assert.Equal("Protobuf parsing failed.", OrtMessageText.Clean("Protobuf parsing failed."));
    }
}
