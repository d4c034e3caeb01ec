using System.Runtime.InteropServices;

namespace ModelGate.Onnx.Native;

/// <summary>
/// Owns one ORT object and releases it with the matching Release* function exactly once.
/// One subclass per ORT object type, so a session can never be released as a value.
/// </summary>
internal abstract class OrtHandle : SafeHandle
{
    protected OrtHandle(OrtApi api, nint handle)
        : base(0, ownsHandle: true)
    {
        Api = api;
        SetHandle(handle);
    }

    protected OrtApi Api { get; }

    public override bool IsInvalid => handle == 0;

    /// <summary>The raw pointer, for passing to ORT while this handle is alive.</summary>
    public nint Pointer
    {
        get
        {
            ObjectDisposedException.ThrowIf(IsClosed, this);
            return handle;
        }
    }
}

internal sealed unsafe class OrtEnvHandle(OrtApi api, nint handle) : OrtHandle(api, handle)
{
    protected override bool ReleaseHandle()
    {
        Api.ReleaseEnv(handle);
        return true;
    }
}

internal sealed unsafe class OrtSessionHandle(OrtApi api, nint handle) : OrtHandle(api, handle)
{
    protected override bool ReleaseHandle()
    {
        Api.ReleaseSession(handle);
        return true;
    }
}

internal sealed unsafe class OrtSessionOptionsHandle(OrtApi api, nint handle) : OrtHandle(api, handle)
{
    protected override bool ReleaseHandle()
    {
        Api.ReleaseSessionOptions(handle);
        return true;
    }
}

internal sealed unsafe class OrtValueHandle(OrtApi api, nint handle) : OrtHandle(api, handle)
{
    protected override bool ReleaseHandle()
    {
        Api.ReleaseValue(handle);
        return true;
    }
}

internal sealed unsafe class OrtTypeInfoHandle(OrtApi api, nint handle) : OrtHandle(api, handle)
{
    protected override bool ReleaseHandle()
    {
        Api.ReleaseTypeInfo(handle);
        return true;
    }
}

internal sealed unsafe class OrtTensorTypeAndShapeInfoHandle(OrtApi api, nint handle) : OrtHandle(api, handle)
{
    protected override bool ReleaseHandle()
    {
        Api.ReleaseTensorTypeAndShapeInfo(handle);
        return true;
    }
}

internal sealed unsafe class OrtMemoryInfoHandle(OrtApi api, nint handle) : OrtHandle(api, handle)
{
    protected override bool ReleaseHandle()
    {
        Api.ReleaseMemoryInfo(handle);
        return true;
    }
}

internal sealed unsafe class OrtModelMetadataHandle(OrtApi api, nint handle) : OrtHandle(api, handle)
{
    protected override bool ReleaseHandle()
    {
        Api.ReleaseModelMetadata(handle);
        return true;
    }
}

internal sealed unsafe class OrtCudaProviderOptionsHandle(OrtApi api, nint handle) : OrtHandle(api, handle)
{
    protected override bool ReleaseHandle()
    {
        Api.ReleaseCUDAProviderOptions(handle);
        return true;
    }
}
