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
    public static ModelOutput[] Run(InferenceSession session, string modelPath, PreparedInputs inputs, IReadOnlyList<string> outputs,
        int batchSize, int firstRow, int rowCount, TimeSpan budget)
    {
        var targets = outputs.Select(name => new OutputAccumulator(name, rowCount)).ToArray();
        using var watchdog = new BatchWatchdog(budget);
        var call = new RunCall(session, modelPath, inputs.Names.ToArray(), outputs.ToArray(), budget, watchdog);
        for (var start = firstRow; start < firstRow + rowCount; start += batchSize)
        {
            var count = Math.Min(batchSize, firstRow + rowCount - start);
            RunBatch(call, inputs, targets, start, count);
        }

        return targets.Select(t => t.Build()).ToArray();
    }

    private static void RunBatch(RunCall call, PreparedInputs inputs, OutputAccumulator[] targets, int start, int count)
    {
        var bound = inputs.Inputs;
        var values = new OrtValue[bound.Count];
        try
        {
            for (var i = 0; i < bound.Count; i++)
            {
                values[i] = OrtErrors.Call("CreateTensor", () => CreateInput(bound[i], start, count));
            }

            using var results = RunWithin(call, values);
            for (var o = 0; o < targets.Length; o++)
            {
                OrtErrors.Call("GetTensorData", () => OutputReader.Read(results[o], targets[o], count));
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

    private static OrtValue CreateInput(BoundInput input, int start, int count)
    {
        long[] shape = [count, .. input.ItemShape];
        var offset = start * input.RowElements;
        var length = count * input.RowElements;
        return input.Buffer switch
        {
            float[] a => OrtValue.CreateTensorValueFromMemory(OrtMemoryInfo.DefaultInstance, a.AsMemory(offset, length), shape),
            double[] a => OrtValue.CreateTensorValueFromMemory(OrtMemoryInfo.DefaultInstance, a.AsMemory(offset, length), shape),
            long[] a => OrtValue.CreateTensorValueFromMemory(OrtMemoryInfo.DefaultInstance, a.AsMemory(offset, length), shape),
            int[] a => OrtValue.CreateTensorValueFromMemory(OrtMemoryInfo.DefaultInstance, a.AsMemory(offset, length), shape),
            bool[] a => OrtValue.CreateTensorValueFromMemory(OrtMemoryInfo.DefaultInstance, a.AsMemory(offset, length), shape),
            string[] a => Strings(a, offset, length, shape),
            _ => throw new NotSupportedException($"input '{input.Name}' holds {input.Buffer.GetType().Name}, which ModelGate does not feed"),
        };
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

/// <summary>What every batch of one Run call shares: the session, names as arrays, the time budget and its watchdog.</summary>
internal sealed record RunCall(InferenceSession Session, string ModelPath, string[] InputNames, string[] OutputNames, TimeSpan Budget, BatchWatchdog Watchdog);
