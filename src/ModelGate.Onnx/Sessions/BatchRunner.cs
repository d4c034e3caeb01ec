using System.Globalization;
using Microsoft.ML.OnnxRuntime;
using ModelGate.Onnx.Errors;
using ModelGate.Onnx.Inputs;
using ModelGate.Onnx.Outputs;
using ModelGate.Onnx.Signature;

namespace ModelGate.Onnx.Sessions;

/// <summary>
/// Runs prepared inputs through a session batch by batch. Each numeric batch is an OrtValue over a slice of the prepared
/// buffer (CreateTensorValueFromMemory pins it for the value's lifetime, no copy); string batches are copied into
/// ORT-owned string tensors. The call's batches share one RunOptions, which its <see cref="BatchWatchdog"/> terminates
/// when a batch's time budget is spent. Holds no state between calls: thread-safe.
/// </summary>
internal static class BatchRunner
{
    /// <summary>
    /// Runs rows [firstRow, firstRow + rowCount) in batches of <paramref name="batch"/>'s size. A fixed batch (the model
    /// declares it) pads the last, shorter batch by repeating its last row and drops the padded rows' outputs.
    /// </summary>
    public static ModelOutput[] Run(InferenceSession session, string modelPath, PreparedInputs inputs, IReadOnlyList<OutputTarget> outputs,
        BatchShape batch, int firstRow, int rowCount, TimeSpan budget)
    {
        var targets = outputs.Select(o => new OutputAccumulator(o.Name, rowCount) { RowAlongColumns = o.RowAlongColumns }).ToArray();
        using var watchdog = new BatchWatchdog(budget);
        var call = new RunCall(session, modelPath, inputs.Names.ToArray(), outputs.Select(o => o.Name).ToArray(), budget, watchdog);
        for (var start = firstRow; start < firstRow + rowCount; start += batch.Size)
        {
            var count = Math.Min(batch.Size, firstRow + rowCount - start);
            RunBatch(call, inputs, targets, start, count, batch.IsFixed ? batch.Size : count);
        }

        return targets.Select(t => t.Build()).ToArray();
    }

    private static void RunBatch(RunCall call, PreparedInputs inputs, OutputAccumulator[] targets, int start, int count, int fed)
    {
        var bound = inputs.Inputs;
        var values = new OrtValue[bound.Count];
        try
        {
            for (var i = 0; i < bound.Count; i++)
            {
                values[i] = OrtErrors.Call("CreateTensor", () => CreateInput(bound[i], start, count, fed));
            }

            using var results = RunWithin(call, values);
            for (var o = 0; o < targets.Length; o++)
            {
                OrtErrors.Call("GetTensorData", () => OutputReader.Read(results[o], targets[o], count, fed));
            }
        }
        finally
        {
            foreach (var value in values)
            {
                value?.Dispose();
            }
        }
    }

    private static IDisposableReadOnlyCollection<OrtValue> RunWithin(RunCall call, OrtValue[] values)
    {
        var watchdog = call.Watchdog;
        watchdog.BeginBatch();
        try
        {
            return call.Session.Run(watchdog.Options, call.InputNames, values, call.OutputNames);
        }
        catch (OnnxRuntimeException ex) when (watchdog.Stopped)
        {
            throw new OnnxLimitException(OnnxLimit.BatchTime,
                string.Create(CultureInfo.InvariantCulture, $"{call.ModelPath}: one batch ran longer than its time budget of {call.Budget.TotalSeconds:0.###} s, so ONNX Runtime was stopped."),
                $"raise the budget ({SessionSettings.BatchTimeBudgetVariable}=<seconds>), lower --batch-size, or run on a faster device.",
                OrtErrors.Translate(ex, "Run"));
        }
        catch (OnnxRuntimeException ex)
        {
            throw OrtErrors.Translate(ex, "Run");
        }
        finally
        {
            watchdog.EndBatch();
        }
    }

    private static OrtValue CreateInput(BoundInput input, int start, int count, int fed)
    {
        long[] shape = [fed, .. input.ItemShape];
        var (buffer, offset) = fed == count ? (input.Buffer, start * input.RowElements) : (Padded(input, start, count, fed), 0);
        var length = fed * input.RowElements;
        return buffer is string[] texts ? Strings(texts, offset, length, shape) : input.Tensor!(buffer, offset, length, shape);
    }

    // The batch's rows, then its last row again until there are `fed` rows: real values, so the padding cannot trip the
    // model (a zero or NaN row might), and its outputs are dropped.
    private static Array Padded(BoundInput input, int start, int count, int fed)
    {
        var width = input.RowElements;
        var padded = Array.CreateInstance(input.Buffer.GetType().GetElementType()!, (long)fed * width);
        Array.Copy(input.Buffer, (long)start * width, padded, 0, (long)count * width);
        for (var r = count; r < fed; r++)
        {
            Array.Copy(input.Buffer, (long)(start + count - 1) * width, padded, (long)r * width, width);
        }

        return padded;
    }

    private static OrtValue Strings(string[] texts, int offset, int length, long[] shape)
    {
        var value = OrtValue.CreateTensorWithEmptyStrings(OrtAllocator.DefaultInstance, shape);
        try
        {
            for (var i = 0; i < length; i++)
            {
                value.StringTensorSetElementAt(texts[offset + i].AsSpan(), i);
            }

            return value;
        }
        catch
        {
            value.Dispose();
            throw;
        }
    }
}

/// <summary>Rows per ONNX Runtime call, and whether the model fixes that number (then a short last batch is padded).</summary>
internal readonly record struct BatchShape(int Size, bool IsFixed);

/// <summary>An output to fetch; <paramref name="RowAlongColumns"/> when it is declared [1, N] and read as [N, 1].</summary>
internal sealed record OutputTarget(string Name, bool RowAlongColumns);

/// <summary>What every batch of one Run call shares: the session, names as arrays, the time budget and its watchdog.</summary>
internal sealed record RunCall(InferenceSession Session, string ModelPath, string[] InputNames, string[] OutputNames, TimeSpan Budget, BatchWatchdog Watchdog);
