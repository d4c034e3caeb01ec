using System.Runtime.InteropServices;
using ModelGate.Onnx.Inputs;
using ModelGate.Onnx.Native;
using ModelGate.Onnx.Outputs;
using ModelGate.Onnx.Signature;

namespace ModelGate.Onnx.Sessions;

/// <summary>
/// Runs prepared inputs through a session batch by batch. Numeric buffers are pinned for the whole call and each
/// batch's tensor points into them (CreateTensorWithDataAsOrtValue does not copy, so the pin must outlive the
/// value); string batches are copied into ORT-owned string tensors. Holds no state between calls: thread-safe.
/// </summary>
internal static unsafe class BatchRunner
{
    public static ModelOutput[] Run(OrtApi api, OrtSessionHandle session, OrtMemoryInfoHandle memory, PreparedInputs inputs,
        Utf8StringArray inputNames, IReadOnlyList<string> outputs, int batchSize, int firstRow, int rowCount)
    {
        var bound = inputs.Inputs;
        var pins = new GCHandle[bound.Count];
        var targets = outputs.Select(name => new OutputAccumulator(name, rowCount)).ToArray();
        using var outputNames = new Utf8StringArray(outputs);
        try
        {
            for (var i = 0; i < bound.Count; i++)
            {
                if (bound[i].ElementType != TensorElementType.String)
                {
                    pins[i] = GCHandle.Alloc(bound[i].Buffer, GCHandleType.Pinned);
                }
            }

            for (var start = firstRow; start < firstRow + rowCount; start += batchSize)
            {
                var count = Math.Min(batchSize, firstRow + rowCount - start);
                RunBatch(api, session, memory, bound, pins, inputNames, outputNames, targets, start, count);
            }
        }
        finally
        {
            foreach (var pin in pins)
            {
                if (pin.IsAllocated)
                {
                    pin.Free();
                }
            }
        }

        return targets.Select(t => t.Build()).ToArray();
    }

    private static void RunBatch(OrtApi api, OrtSessionHandle session, OrtMemoryInfoHandle memory, IReadOnlyList<BoundInput> bound,
        GCHandle[] pins, Utf8StringArray inputNames, Utf8StringArray outputNames, OutputAccumulator[] targets, int start, int count)
    {
        var inputValues = new OrtValueHandle?[bound.Count];
        var outputPointers = new nint[outputNames.Count];
        var outputValues = new OrtValueHandle?[outputNames.Count];
        try
        {
            var rawInputs = stackalloc nint[Math.Max(1, bound.Count)];
            for (var i = 0; i < bound.Count; i++)
            {
                inputValues[i] = CreateInput(api, memory, bound[i], pins[i], start, count);
                rawInputs[i] = inputValues[i]!.Pointer;
            }

            fixed (nint* rawOutputs = outputPointers)
            {
                var status = api.Run(session.Pointer, 0, inputNames.Pointer, rawInputs, (nuint)bound.Count, outputNames.Pointer, (nuint)outputNames.Count, rawOutputs);
                for (var o = 0; o < outputPointers.Length; o++)
                {
                    outputValues[o] = outputPointers[o] == 0 ? null : new OrtValueHandle(api, outputPointers[o]);
                }

                api.Check(status, "Run");
            }

            for (var o = 0; o < targets.Length; o++)
            {
                OutputReader.Read(api, outputValues[o]!.Pointer, targets[o], count);
            }
        }
        finally
        {
            foreach (var value in outputValues)
            {
                value?.Dispose();
            }

            foreach (var value in inputValues)
            {
                value?.Dispose();
            }
        }
    }

    private static OrtValueHandle CreateInput(OrtApi api, OrtMemoryInfoHandle memory, BoundInput input, GCHandle pin, int start, int count)
    {
        var rank = input.ItemShape.Length + 1;
        var shape = stackalloc long[rank];
        shape[0] = count;
        for (var d = 0; d < input.ItemShape.Length; d++)
        {
            shape[d + 1] = input.ItemShape[d];
        }

        var elements = (long)count * input.RowElements;
        nint value;
        if (input.ElementType == TensorElementType.String)
        {
            api.Check(api.CreateTensorAsOrtValue(api.DefaultAllocator, shape, (nuint)rank, (int)input.ElementType, &value), "CreateTensorAsOrtValue");
            var handle = new OrtValueHandle(api, value);
            try
            {
                var texts = (string[])input.Buffer;
                using var utf8 = new Utf8StringArray(new ArraySegment<string>(texts, start * input.RowElements, (int)elements));
                api.Check(api.FillStringTensor(handle.Pointer, utf8.Pointer, (nuint)elements), "FillStringTensor");
                return handle;
            }
            catch
            {
                handle.Dispose();
                throw;
            }
        }

        var offset = (long)start * input.RowElements * input.ElementSize;
        var data = (byte*)pin.AddrOfPinnedObject() + offset;
        api.Check(api.CreateTensorWithDataAsOrtValue(memory.Pointer, data, (nuint)(elements * input.ElementSize), shape, (nuint)rank, (int)input.ElementType, &value), "CreateTensorWithDataAsOrtValue");
        return new OrtValueHandle(api, value);
    }
}
