using ModelGate.Core.Plan;

namespace ModelGate.Core.Robustness;

/// <summary>What a perturbation needs to know about one feature: its scale and, for swaps, the values observed.</summary>
/// <param name="Name">The column.</param>
/// <param name="Mean">Its mean (train when given, else the holdout); NaN for a text column.</param>
/// <param name="StandardDeviation">Its standard deviation (same source); NaN for a text column.</param>
/// <param name="NumberLevels">Swap on a number-coded category: the distinct values observed, ascending.</param>
/// <param name="TextLevels">Swap on a text column: the distinct values observed, in ordinal order.</param>
internal sealed record FeatureFacts(string Name, double Mean, double StandardDeviation, double[]? NumberLevels = null, string[]? TextLevels = null);

/// <summary>One perturbation with its features resolved to columns and their facts.</summary>
internal sealed record ResolvedPerturbation(Perturbation Perturbation, IReadOnlyList<FeatureFacts> Features);

/// <summary>
/// Perturbs the model-input columns of consecutive rows, one perturbed copy of the holdout per instance. The random
/// stream is consumed row by row (every perturbation, then every feature, in policy order) and the same number of draws
/// is taken whatever the values, so a copy depends only on the seed, the repeat and the rows, never on how the holdout
/// was split into chunks.
/// </summary>
internal sealed class Perturber
{
    private readonly IReadOnlyList<ResolvedPerturbation> steps;
    private readonly Random random;

    /// <summary>A perturber for copy number <paramref name="repeat"/> (0-based) under <paramref name="seed"/>.</summary>
    public Perturber(IReadOnlyList<ResolvedPerturbation> steps, int seed, int repeat)
    {
        ArgumentNullException.ThrowIfNull(steps);
        this.steps = steps;
        // System.Random with a seed is the documented, platform-independent legacy generator.
        random = new Random(unchecked((seed * 1_000_003) + repeat + 1));
    }

    /// <summary>Perturbs <paramref name="rows"/> rows in place: numeric columns in <paramref name="numbers"/>, text columns in <paramref name="texts"/>.</summary>
    public void Apply(int rows, IReadOnlyDictionary<string, double[]> numbers, IReadOnlyDictionary<string, string?[]> texts)
    {
        ArgumentNullException.ThrowIfNull(numbers);
        ArgumentNullException.ThrowIfNull(texts);
        for (var i = 0; i < rows; i++)
        {
            foreach (var step in steps)
            {
                var p = step.Perturbation;
                foreach (var f in step.Features)
                {
                    switch (p.Kind)
                    {
                        case PerturbationKind.Noise:
                            var z = Gaussian();
                            numbers[f.Name][i] += p.Amount * f.StandardDeviation * z;
                            break;
                        case PerturbationKind.Dropout:
                            if (random.NextDouble() < p.Amount)
                            {
                                numbers[f.Name][i] = p.Fill == DropoutFill.Mean ? f.Mean : double.NaN;
                            }

                            break;
                        default:
                            Swap(f, p.Amount, i, numbers, texts);
                            break;
                    }
                }
            }
        }
    }

    // Two draws always, so a swap that does not happen consumes the same stream as one that does.
    private void Swap(FeatureFacts f, double probability, int row, IReadOnlyDictionary<string, double[]> numbers, IReadOnlyDictionary<string, string?[]> texts)
    {
        var happens = random.NextDouble() < probability;
        var pick = random.NextDouble();
        if (!happens)
        {
            return;
        }

        if (f.TextLevels is { Length: > 1 } words)
        {
            var column = texts[f.Name];
            column[row] = Other(words, Array.IndexOf(words, column[row]), pick, column[row]);
        }
        else if (f.NumberLevels is { Length: > 1 } levels)
        {
            var column = numbers[f.Name];
            column[row] = Other(levels, double.IsNaN(column[row]) ? -1 : Array.BinarySearch(levels, column[row]), pick, column[row]);
        }
    }

    // Uniformly one of the other levels; a missing value, or one the reference never showed, is left alone.
    private static T Other<T>(T[] levels, int current, double u, T value)
    {
        if (current < 0)
        {
            return value;
        }

        var k = Math.Min((int)(u * (levels.Length - 1)), levels.Length - 2);
        return levels[k >= current ? k + 1 : k];
    }

    // Box–Muller from two fresh uniforms (no cached second value, so every call takes exactly two draws).
    private double Gaussian() => MediaPerturber.Gaussian(random);
}
