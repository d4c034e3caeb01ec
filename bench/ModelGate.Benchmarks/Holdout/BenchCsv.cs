using System.Buffers.Text;
using System.Text;

namespace ModelGate.Benchmarks.Holdout;

/// <summary>
/// Writes the deterministic benchmark holdout: 30 numeric features (10 six-decimal, 10 integer counts,
/// 10 float32-precision values) and 3 text group columns, so both readers see realistic mixed numbers.
/// </summary>
internal static class BenchCsv
{
    public const int Features = 30;

    private static readonly string[] Regions = ["north", "south", "east", "west", "central", "coastal", "mountain", "island"];
    private static readonly string[] Segments = ["retail", "business", "enterprise"];
    private static readonly string[] Cohorts = ["c2019", "c2020", "c2021", "c2022", "c2023", "c2024"];

    public static void Write(string path, int rows, int seed = 20261122)
    {
        var rng = new Random(seed);
        using var file = new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 20);
        var header = string.Join(",", Enumerable.Range(0, Features).Select(j => "f" + j).Concat(["region", "segment", "cohort"])) + "\n";
        file.Write(Encoding.UTF8.GetBytes(header));
        var line = new byte[4096];
        for (var i = 0; i < rows; i++)
        {
            var at = 0;
            for (var j = 0; j < Features; j++)
            {
                var gaussian = Gaussian(rng);
                int written;
                if (j < 10)
                {
                    Utf8Formatter.TryFormat(Math.Round(gaussian * (j + 1), 6), line.AsSpan(at), out written, new System.Buffers.StandardFormat('F', 6));
                }
                else if (j < 20)
                {
                    Utf8Formatter.TryFormat((long)Math.Abs(gaussian * 100 * (j - 9)), line.AsSpan(at), out written);
                }
                else
                {
                    ((float)(gaussian * Math.Pow(10, j - 25))).TryFormat(line.AsSpan(at), out written, "G9", System.Globalization.CultureInfo.InvariantCulture);
                }

                at += written;
                line[at++] = (byte)',';
            }

            at += Encoding.ASCII.GetBytes(Regions[rng.Next(Regions.Length)], line.AsSpan(at));
            line[at++] = (byte)',';
            at += Encoding.ASCII.GetBytes(Segments[rng.Next(Segments.Length)], line.AsSpan(at));
            line[at++] = (byte)',';
            at += Encoding.ASCII.GetBytes(Cohorts[rng.Next(Cohorts.Length)], line.AsSpan(at));
            line[at++] = (byte)'\n';
            file.Write(line, 0, at);
        }
    }

    private static double Gaussian(Random rng)
    {
        var u = 1.0 - rng.NextDouble();
        var v = rng.NextDouble();
        return Math.Sqrt(-2 * Math.Log(u)) * Math.Cos(2 * Math.PI * v);
    }
}
