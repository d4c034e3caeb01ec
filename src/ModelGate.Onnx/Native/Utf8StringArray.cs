using System.Runtime.InteropServices;

namespace ModelGate.Onnx.Native;

/// <summary>
/// A <c>const char* const*</c> array of NUL-terminated UTF-8 strings in native memory, for names passed to ORT
/// on every call (input/output names) or once (provider option keys). Freed on dispose.
/// </summary>
internal sealed unsafe class Utf8StringArray : SafeHandle
{
    private readonly nint[] _strings;

    public Utf8StringArray(IReadOnlyList<string> values)
        : base(0, ownsHandle: true)
    {
        _strings = new nint[values.Count];
        var table = (nint*)NativeMemory.Alloc((nuint)Math.Max(1, values.Count), (nuint)sizeof(nint));
        SetHandle((nint)table);
        for (var i = 0; i < values.Count; i++)
        {
            _strings[i] = Marshal.StringToCoTaskMemUTF8(values[i]);
            table[i] = _strings[i];
        }

        Count = values.Count;
    }

    public int Count { get; }

    public override bool IsInvalid => handle == 0;

    /// <summary>The array pointer, valid while this object is alive.</summary>
    public nint* Pointer => (nint*)handle;

    protected override bool ReleaseHandle()
    {
        foreach (var s in _strings)
        {
            Marshal.FreeCoTaskMem(s);
        }

        NativeMemory.Free((void*)handle);
        return true;
    }
}
