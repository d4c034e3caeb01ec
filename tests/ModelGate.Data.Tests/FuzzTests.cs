using System.Diagnostics;
using System.Text;
using ModelGate.Core;

namespace ModelGate.Data.Tests;

/// <summary>Randomly mutated small inputs: only success or a <see cref="HoldoutException"/> may come out, quickly.</summary>
public sealed class FuzzTests : IDisposable
{
    private static readonly byte[] Alphabet = "\",\t\n\r{}[]:0123456789.-eE aNn\\\u00e9"u8.ToArray().Concat(new byte[] { 0xFF, 0xC3, 0x00, 0xEF, 0xBB, 0xBF }).ToArray();

    private readonly TempFolder files = new("data");

    public void Dispose() => files.Dispose();

    [Theory]
    [InlineData("seed.csv", "id,x,label,name\n1,0.5,yes,\"a, b\"\n2,NA,no,\"say \"\"hi\"\"\"\n3,-1e3,yes,plain\n", 1)]
    [InlineData("seed.tsv", "id\tx\tlabel\n1\t0.5\tyes\n2\t\tno\n", 2)]
    [InlineData("seed.jsonl", "{\"id\": 1, \"x\": 0.5, \"label\": \"yes\"}\n{\"id\": 2, \"x\": null, \"label\": \"n\\u006f\"}\n", 3)]
    public void Mutated_inputs_fail_only_with_holdout_exceptions(string name, string seed, int randomSeed)
    {
        var rng = new Random(randomSeed);
        var original = Encoding.UTF8.GetBytes(seed);
        var outcomes = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var iteration = 0; iteration < 1500; iteration++)
        {
            var input = Mutate(original, rng);
            var gzip = iteration % 10 == 0;
            var path = gzip
                ? files.WriteBytes(name + ".gz", rng.Next(3) == 0 ? Mutate(DataFiles.Compress(input), rng) : DataFiles.Compress(input))
                : files.WriteBytes(name, input);
            var options = new HoldoutReadOptions
            {
                Missing = (MissingPolicy)rng.Next(3),
                ChunkRows = 1 + rng.Next(3),
                InferenceRows = 1 + rng.Next(3),
                Columns = rng.Next(4) == 0 ? ["x"] : null,
            };
            var clock = Stopwatch.StartNew();
            string outcome;
            try
            {
                var holdout = HoldoutReader.Read(path, options);
                foreach (var column in holdout.Columns)
                {
                    _ = holdout.GetText(column);
                }

                outcome = "ok";
            }
            catch (HoldoutException e)
            {
                Assert.DoesNotContain('\n', e.Message);
                Assert.Equal(path, e.File);
                outcome = e.Problem.Split(' ')[0];
            }

            Assert.True(clock.ElapsedMilliseconds < 2000, $"iteration {iteration} took {clock.ElapsedMilliseconds} ms");
            outcomes[outcome] = outcomes.GetValueOrDefault(outcome) + 1;
            if (gzip)
            {
                File.Delete(path);
            }
        }

        Assert.True(outcomes.Count > 3, "mutations should reach several outcomes: " + string.Join(", ", outcomes));
        Assert.True(outcomes.GetValueOrDefault("ok") > 0, "some mutations should still read");
    }

    private static byte[] Mutate(byte[] input, Random rng)
    {
        var bytes = input.ToList();
        var edits = 1 + rng.Next(4);
        for (var e = 0; e < edits; e++)
        {
            var at = bytes.Count == 0 ? 0 : rng.Next(bytes.Count);
            switch (rng.Next(4))
            {
                case 0 when bytes.Count > 0:
                    bytes.RemoveAt(at);
                    break;
                case 1:
                    bytes.Insert(at, Alphabet[rng.Next(Alphabet.Length)]);
                    break;
                case 2 when bytes.Count > 0:
                    bytes[at] = Alphabet[rng.Next(Alphabet.Length)];
                    break;
                default:
                    bytes.RemoveRange(at, Math.Min(bytes.Count - at, rng.Next(8)));
                    break;
            }
        }

        return [.. bytes];
    }
}
