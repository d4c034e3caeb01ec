using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.ML.OnnxRuntime;

namespace ModelGate.Onnx.Errors;

/// <summary>
/// The one place ORT's managed exceptions are read. <see cref="OnnxRuntimeException"/> keeps ORT's error code only in
/// its message ("[ErrorCode:InvalidArgument] ..."), and its own enum has no member for ORT_EP_FAIL (11 prints as
/// ShapeInferenceNotRegistered), so the code is parsed here, by number where the name is unknown.
/// </summary>
internal static partial class OrtErrors
{
    // The managed enum's names, by ORT C API value; 11 and 12 are what ORT_EP_FAIL and ORT_MODEL_LOAD_CANCELED print as.
    private static readonly Dictionary<string, OrtErrorCode> ManagedNames = new(StringComparer.Ordinal)
    {
        ["Ok"] = OrtErrorCode.Ok,
        ["Fail"] = OrtErrorCode.Fail,
        ["InvalidArgument"] = OrtErrorCode.InvalidArgument,
        ["NoSuchFile"] = OrtErrorCode.NoSuchFile,
        ["NoModel"] = OrtErrorCode.NoModel,
        ["EngineError"] = OrtErrorCode.EngineError,
        ["RuntimeException"] = OrtErrorCode.RuntimeException,
        ["InvalidProtobuf"] = OrtErrorCode.InvalidProtobuf,
        ["ModelLoaded"] = OrtErrorCode.ModelLoaded,
        ["NotImplemented"] = OrtErrorCode.NotImplemented,
        ["InvalidGraph"] = OrtErrorCode.InvalidGraph,
        ["ShapeInferenceNotRegistered"] = OrtErrorCode.ExecutionProviderFailure,
    };

    /// <summary>Runs an ORT call and turns its managed exception into an <see cref="OrtException"/> with ORT's code.</summary>
    public static T Call<T>(string operation, Func<T> call)
    {
        try
        {
            return call();
        }
        catch (OnnxRuntimeException ex)
        {
            throw Translate(ex, operation);
        }
    }

    /// <summary>Runs an ORT call that returns nothing (see <see cref="Call{T}"/>).</summary>
    public static void Call(string operation, Action call) => Call(operation, () =>
    {
        call();
        return 0;
    });

    /// <summary>ORT's code and message from a managed ORT exception.</summary>
    public static OrtException Translate(OnnxRuntimeException exception, string operation)
    {
        var (code, message) = Parse(exception.Message);
        return new OrtException(code, operation, message, exception);
    }

    /// <summary>Splits "[ErrorCode:Name] message" into ORT's code and its message; an untagged message is a general failure.</summary>
    internal static (OrtErrorCode Code, string Message) Parse(string text)
    {
        var match = Tag().Match(text);
        if (!match.Success)
        {
            return (OrtErrorCode.Fail, text.ReplaceLineEndings(" ").Trim());
        }

        var name = match.Groups["code"].Value;
        var code = ManagedNames.TryGetValue(name, out var known) ? known
            : int.TryParse(name, NumberStyles.None, CultureInfo.InvariantCulture, out var number) ? (OrtErrorCode)number
            : OrtErrorCode.Fail;
        return (code, text[match.Length..].ReplaceLineEndings(" ").Trim());
    }

    [GeneratedRegex(@"^\[ErrorCode:(?<code>\w+)\]\s*")]
    private static partial Regex Tag();
}
