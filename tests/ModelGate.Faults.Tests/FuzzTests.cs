using System.Diagnostics;
using System.Text;
using ModelGate.Cli;
using ModelGate.Policy;

namespace ModelGate.Faults.Tests;

/// <summary>
/// Seeded mutations of real policies and holdouts: only success or one of ModelGate's typed errors may come out,
/// each input within a time bound. (CSV/TSV/JSONL reader fuzzing itself lives in ModelGate.Data.Tests.)
/// </summary>
public sealed class FuzzTests
{
    private static readonly TimeSpan PerInput = TimeSpan.FromSeconds(2);
    private static readonly string[] Insertions = ["\"", "'", "\n", ":", ": ", "\t", "{", "[", "- ", "&a", "*a", "!!", "#", "\\", "%", ",", "}", "]", "  ", "\u00e9", "\0"];

    [Theory]
    [InlineData("breast-cancer", 11)]
    [InlineData("arrests-fairness", 12)]
    [InlineData("digits-calibration", 13)]
    [InlineData("hmda-safety", 14)]
    [InlineData("slid-regression", 15)]
    public void Mutated_policies_load_or_fail_with_a_policy_error(string example, int seed)
    {
        using var w = new Workspace(example);
        var original = File.ReadAllBytes(w.PolicyPath);
        var rng = new Random(seed);
        var outcomes = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < 800; i++)
        {
            var mutated = Mutate(original, rng);
            File.WriteAllBytes(w.PolicyPath, mutated);
            var outcome = Bounded(() =>
            {
                try
                {
                    PolicyLoader.Load(w.PolicyPath, new DateOnly(2026, 11, 22)).GetPolicyOrThrow();
                    return "ok";
                }
#pragma warning disable CA1031 // the point is to see every exception type that escapes
                catch (Exception ex)
#pragma warning restore CA1031
                {
                    Assert.True(ErrorCategories.TryClassify(ex, out var code),
                        $"input {i} threw {ex.GetType().FullName}: {ex.Message}\n--- input ---\n{Encoding.UTF8.GetString(mutated)}\n{ex}");
                    // Several diagnostics come as several lines, each one located and complete.
                    Assert.All(ex.Message.Split('\n', StringSplitOptions.RemoveEmptyEntries), line => Assert.True(line.Length > 10, line));
                    return $"exit {code}";
                }
            }, i, mutated);
            outcomes[outcome] = outcomes.GetValueOrDefault(outcome) + 1;
        }

        // The mutations must reach both outcomes, or the test is not exercising anything.
        Assert.True(outcomes.ContainsKey("exit 2"), string.Join(", ", outcomes));
    }

    [Fact]
    public async Task Mutated_policies_through_validate_never_print_a_stack_trace()
    {
        using var w = new Workspace();
        var original = File.ReadAllBytes(w.PolicyPath);
        var rng = new Random(21);
        for (var i = 0; i < 300; i++)
        {
            var mutated = Mutate(original, rng);
            File.WriteAllBytes(w.PolicyPath, mutated);
            var clock = Stopwatch.StartNew();
            var run = await w.RunAsync(null, CancellationToken.None, "validate", "--policy", "modelgate.yml");
            Assert.True(clock.Elapsed < PerInput, $"input {i} took {clock.Elapsed}");
            Assert.True(run.ExitCode is 0 or 2 or 3, $"input {i}: {run}\n--- input ---\n{Encoding.UTF8.GetString(mutated)}");
            StackTraces.AssertNone(run.Error);
        }
    }

    [Fact]
    public async Task Mutated_holdouts_through_check_fail_only_with_input_errors()
    {
        using var w = new Workspace();
        w.ReplaceInPolicy("resamples: 200", "resamples: 100");
        w.EditHoldoutLines(l => l.RemoveRange(40, l.Count - 40));
        var original = File.ReadAllBytes(w.HoldoutPath);
        var rng = new Random(31);
        var codes = new Dictionary<int, int>();
        for (var i = 0; i < 40; i++)
        {
            File.WriteAllBytes(w.HoldoutPath, Mutate(original, rng));
            var run = await w.RunAsync(null, CancellationToken.None, "check", "--policy", "modelgate.yml", "--out", "out", "--format", "json");
            Assert.True(run.ExitCode is 0 or 1 or 2 or 3, $"input {i}: {run}");
            StackTraces.AssertNone(run.Error);
            codes[run.ExitCode] = codes.GetValueOrDefault(run.ExitCode) + 1;
        }

        Assert.True(codes.ContainsKey(3), string.Join(", ", codes));
    }

    /// <summary>Byte flips, truncations, inserted quotes/newlines/colons, duplicated and dropped lines: one to three per input.</summary>
    public static byte[] Mutate(byte[] input, Random rng)
    {
        var bytes = input.ToList();
        var count = 1 + rng.Next(3);
        for (var m = 0; m < count && bytes.Count > 0; m++)
        {
            var at = rng.Next(bytes.Count);
            switch (rng.Next(6))
            {
                case 0:
                    bytes[at] = (byte)rng.Next(256);
                    break;
                case 1:
                    bytes.RemoveRange(at, bytes.Count - at);
                    break;
                case 2:
                case 3:
                    bytes.InsertRange(at, Encoding.UTF8.GetBytes(Insertions[rng.Next(Insertions.Length)]));
                    break;
                case 4:
                    {
                        var (start, end) = LineAround(bytes, at);
                        bytes.InsertRange(start, bytes.GetRange(start, end - start));
                        break;
                    }

                default:
                    {
                        var (start, end) = LineAround(bytes, at);
                        bytes.RemoveRange(start, end - start);
                        break;
                    }
            }
        }

        return [.. bytes];
    }

    private static (int Start, int End) LineAround(List<byte> bytes, int at)
    {
        var start = at;
        while (start > 0 && bytes[start - 1] != (byte)'\n')
        {
            start--;
        }

        var end = at;
        while (end < bytes.Count && bytes[end] != (byte)'\n')
        {
            end++;
        }

        return (start, Math.Min(end + 1, bytes.Count));
    }

    private static string Bounded(Func<string> action, int index, byte[] input)
    {
        var task = Task.Run(action);
        Assert.True(task.Wait(PerInput), $"input {index} did not finish within {PerInput}:\n{Encoding.UTF8.GetString(input)}");
        return task.Result;
    }
}
