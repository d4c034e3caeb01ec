using System.Globalization;
using ModelGate.Onnx.Inputs;

namespace ModelGate.Benchmarks.Onnx;

/// <summary>The MLP fixture (30 float features) and its holdout rows, tiled to a fixed row count.</summary>
internal sealed class MlpWorkload
{
    private MlpWorkload(string root, float[] rowMajor, IReadOnlyList<InputColumn> columns, int rows)
    {
        RepoRoot = root;
        RowMajor = rowMajor;
        Columns = columns;
        Rows = rows;
    }

    public const int Features = 30;

    public string RepoRoot { get; }

    public string ModelPath => Path.Combine(RepoRoot, "tests", "fixtures", "models", "mlp_breast_cancer.onnx");

    /// <summary>The rows as one row-major float32 buffer: what a hand-written caller would hold.</summary>
    public float[] RowMajor { get; }

    /// <summary>The same rows as typed columns: what the CLI hands to the engine.</summary>
    public IReadOnlyList<InputColumn> Columns { get; }

    public int Rows { get; }

    public static MlpWorkload Load(int rows)
    {
        var root = FindRepoRoot();
        var lines = File.ReadAllLines(Path.Combine(root, "tests", "fixtures", "data", "breast_cancer.holdout.csv")).Skip(1).Where(l => l.Length > 0).ToArray();
        var source = lines.Select(l => l.Split(',').Take(Features).Select(v => double.Parse(v, CultureInfo.InvariantCulture)).ToArray()).ToArray();
        var rowMajor = new float[rows * Features];
        var columns = new double[Features][];
        for (var c = 0; c < Features; c++)
        {
            columns[c] = new double[rows];
        }

        for (var r = 0; r < rows; r++)
        {
            var row = source[r % source.Length];
            for (var c = 0; c < Features; c++)
            {
                rowMajor[(r * Features) + c] = (float)row[c];
                columns[c][r] = row[c];
            }
        }

        return new MlpWorkload(root, rowMajor, columns.Select((v, c) => InputColumn.Numeric("f" + c.ToString(CultureInfo.InvariantCulture), v)).ToList(), rows);
    }

    public static string FindRepoRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "ModelGate.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("Run the benchmark from inside the ModelGate repository (ModelGate.sln not found above " + AppContext.BaseDirectory + ").");
    }
}
