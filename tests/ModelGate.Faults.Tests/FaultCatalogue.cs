using System.IO.Compression;
using System.Text;

namespace ModelGate.Faults.Tests;

/// <summary>The catalogue: every case starts from a copy of examples/breast-cancer and breaks one thing.</summary>
internal static class FaultCatalogue
{
    public static readonly string[] AllReports = ["report.md", "comment.md", "report.json", "report.junit.xml", "report.html"];
    private static readonly string[] None = [];
    private static readonly string[] NoArgs = [];

    public static IReadOnlyList<FaultCase> Cases { get; } =
    [
        // ---- exit 2: usage and policy ----
        Policy("policy_unknown_key", "unknown key 'foo' in the policy (valid keys: version, extends, task,",
            "Remove or correct the key; the message lists the valid ones.", w => w.ReplaceInPolicy("task: binary", "task: binary\nfoo: 1")),
        Policy("policy_unknown_metric", "modelgate.yml:27:13: error: unknown metric 'acuracy' (did you mean 'accuracy'?)",
            "Use a metric id from the list in the message.", w => w.ReplaceInPolicy("metric: accuracy", "metric: acuracy")),
        Policy("policy_impossible_threshold", "modelgate.yml:24:15: error: 'at_least: 1.5' can never be met: roc_auc lies between 0 and 1",
            "Use a threshold inside the metric's range.", w => w.ReplaceInPolicy("at_least: 0.95", "at_least: 1.5")),
        Policy("policy_missing_version", "error: the policy needs 'version: 1' (the policy format version) as its first key",
            "Add 'version: 1' as the first line.", w => w.EditPolicy(p => p.Replace("version: 1\n", string.Empty, StringComparison.Ordinal))),
        Policy("policy_bad_yaml", "modelgate.yml:43:1: error: YAML syntax: While parsing a node, did not find expected node content",
            "Fix the YAML at the line shown (indentation, a missing ':' or an unclosed bracket/quote).", w => w.EditPolicy(p => p + "checks: [ {\n")),
        Policy("policy_duplicate_key", "modelgate.yml:5:1: error: the key 'task' is written twice in the same mapping; keep one",
            "Delete one of the two keys.", w => w.ReplaceInPolicy("task: binary", "task: binary\ntask: multiclass")),
        Policy("policy_unknown_slice_column", "error: slice 'region' refers to column 'region', which the holdout does not have; holdout columns: mean_radius,",
            "Name a column the holdout has (the message lists them).", w => w.EditPolicy(p => p + "slices:\n  region: { column: region }\n")),
        Policy("policy_unknown_label_column", "modelgate.yml:13:10: error: data.label refers to column 'outcome', which the holdout does not have",
            "Set data.label to the holdout's label column.", w => w.ReplaceInPolicy("label: target", "label: outcome")),
        Policy("policy_extends_cycle", "error: extends cycle: modelgate.yml -> base.yml -> modelgate.yml",
            "Remove one 'extends' so no policy extends itself.", w =>
            {
                w.Write("base.yml", "version: 1\nextends: modelgate.yml\n");
                w.ReplaceInPolicy("task: binary", "extends: base.yml\ntask: binary");
            }),
        Policy("policy_file_missing", "modelgate: policy file not found: modelgate.yml. Pass --policy <file>, or run 'dotnet modelgate init",
            "Pass --policy, or write one with 'dotnet modelgate init'.", w => File.Delete(w.PolicyPath)),
        Usage("usage_unknown_option", "modelgate: Unrecognized command or argument '--frobnicate'.", "Check the spelling; run 'dotnet modelgate check --help'.", "--frobnicate"),
        Usage("usage_bad_device", "modelgate: --device 'tpu' is not one of auto, cpu, cuda, cuda:N.", "Use --device auto, cpu, cuda or cuda:N.", "--device", "tpu"),
        Usage("usage_bad_format", "modelgate: --format: unknown format 'pdf'. Use a comma-separated list of: md, json, junit, html, openmetrics.", "List only md, json, junit, html, openmetrics.", "--format", "pdf"),
        Usage("usage_bad_pushgateway_url", "modelgate: --pushgateway 'pushgateway:9091' is not an http(s) URL. Give the Pushgateway's base URL, e.g. http://pushgateway:9091.",
            "Give the base URL with its scheme, e.g. http://pushgateway:9091.", "--pushgateway", "pushgateway:9091"),
        Usage("usage_pushgateway_credentials_in_url", "modelgate: --pushgateway must not carry a user name or password (the URL is printed).",
            "Remove them from the URL; set MODELGATE_PUSHGATEWAY_TOKEN, or _USERNAME and _PASSWORD.", "--pushgateway", "http://ci:s3cret@127.0.0.1:9/"),
        Usage("usage_resamples_out_of_range", "modelgate: --resamples must be a whole number from 1 to 1,000,000; got '0'; 1000 is a good default (fewer than 100 gives rough intervals)", "Give --resamples between 1 and 1,000,000 (1000 for a real gate).", "--resamples", "0"),

        // ---- exit 3: input data ----
        Input("holdout_missing", "data/holdout.csv: file not found (--holdout or the policy's path); check the path, which in the policy is relative to the policy file's folder.",
            "Fix the path (relative to the policy file).", w => File.Delete(w.HoldoutPath)),
        Input("holdout_empty", "data/holdout.csv: the file is empty; a holdout needs a header line and at least one data row.",
            "Export the holdout again; it must have a header and rows.", w => w.Write("data/holdout.csv", string.Empty)),
        Input("holdout_header_only", "data/holdout.csv: line 1: the file has a header but no data rows; a holdout needs at least one data row.",
            "Export the rows too.", w => w.EditHoldoutLines(l => l.RemoveRange(1, l.Count - 1))),
        Input("holdout_ragged_row", "data/holdout.csv: line 5: 30 fields but the header has 31; give every row one field per column",
            "Give every row one field per column; quote fields holding the separator.", w => w.EditHoldoutLines(l => l[4] = l[4][..l[4].LastIndexOf(',')])),
        Input("holdout_unclosed_quote", "data/holdout.csv: line 5: a quoted field is never closed; close the quote",
            "Close the quote; write a quote inside a quoted field twice.", w => w.EditHoldoutLines(l => l[4] = "\"" + l[4])),
        Input("holdout_invalid_utf8", "data/holdout.csv: line 173, column 'mean_radius': invalid UTF-8 byte; save the file as UTF-8.",
            "Save the file as UTF-8.", w =>
            {
                var lines = File.ReadAllLines(w.HoldoutPath);
                var bytes = File.ReadAllBytes(w.HoldoutPath).Concat(new byte[] { 0xFF, 0xFE }).Concat(Encoding.UTF8.GetBytes(lines[1] + "\n")).ToArray();
                File.WriteAllBytes(w.HoldoutPath, bytes);
            }),
        Input("holdout_truncated_gzip", "data/holdout.csv.gz: the gzip data is truncated or corrupt; re-create or re-download the file (gzip -t checks it).",
            "Re-create the file; 'gzip -t' checks it.", w =>
            {
                var gz = new MemoryStream();
                using (var zip = new GZipStream(gz, CompressionLevel.Optimal, leaveOpen: true))
                {
                    zip.Write(File.ReadAllBytes(w.HoldoutPath));
                }

                w.WriteBytes("data/holdout.csv.gz", gz.ToArray()[..3000]);
                w.ReplaceInPolicy("data/holdout.csv", "data/holdout.csv.gz");
            }),
        Input("holdout_jsonl_not_object", "data/holdout.jsonl: line 4: not a JSON object (found an array); write one object per line",
            "Write one JSON object per line.", w => Jsonl(w, 3, "[1,2]")),
        Input("holdout_jsonl_unknown_key", "data/holdout.jsonl: line 4, column 'a': key not in the first line (the first line's keys are the columns)",
            "Give the first line every key (null where missing).", w => Jsonl(w, 3, "{\"a\": ")),
        Input("holdout_long_line", "data/holdout.csv: line 3: 1 fields but the header has 31",
            "Repair the row; one line per row.", w => w.EditHoldoutLines(l => l.Insert(2, new string('1', 20_000_000)))),
        Input("holdout_huge_header", "data/holdout.csv: no column matches '*_*' for model input 'input'; the header has aaaaaaaa",
            "Fix data.inputs or the header line (the file may have no line breaks).", w => w.Write("data/holdout.csv", new string('a', 20_000_000)),
            also: (_, run) => Assert.True(run.Error.Length < 4_000, $"the message echoes the whole header: {run.Error.Length} characters")),
        Input("holdout_text_in_feature", "data/holdout.csv: line 5, column 'mean_radius': 'abc' is not a number, so the column holds text, not numbers",
            "Fix the value, or encode the column as numbers.", w => w.SetCell(4, 0, "abc")),
        Input("train_missing", "data/train.csv: file not found (--train or the policy's path)",
            "Fix data.train or drop the generalization_gap check.", w => File.Delete(w.File("data/train.csv"))),
        Input("zero_rows_after_missing_drop", "data/holdout.csv: all 171 rows have a missing feature value and were dropped",
            "Fill in the missing values, or use missing: pass.", w =>
            {
                w.ReplaceInPolicy("  inputs:", "  missing: drop\n  inputs:");
                w.EditHoldoutLines(l =>
                {
                    for (var i = 1; i < l.Count; i++)
                    {
                        l[i] = l[i][l[i].IndexOf(',')..];
                    }
                });
            }),

        // ---- exit 3: model and model/data mismatch ----
        Input("model_feature_count", "models/candidate.onnx: input 'input' expects float32[N,30]: the model expects 30 features, but 29 columns were given.",
            "Map the input to the columns the model was trained on.", w => w.EditHoldoutLines(l =>
            {
                for (var i = 0; i < l.Count; i++)
                {
                    l[i] = l[i][(l[i].IndexOf(',') + 1)..];
                }
            })),
        Input("label_outside_model_classes", "data/holdout.csv: line 5, column 'target': a binary label column holds more than two values: '0', '1', '2'",
            "Fix the labels, or declare task: multiclass.", w => w.SetCell(4, 30, "2")),
        Input("model_output_missing", "models/candidate.onnx: the model has no output 'scores'; its outputs are probabilities: float32[N,2].",
            "Name an output the model has, or leave models.output unset.", w => w.ReplaceInPolicy("  positive_class: 1", "  output: scores\n  positive_class: 1")),
        Input("model_not_onnx", "models/candidate.onnx: not a valid ONNX model: ONNX Runtime says (InvalidProtobuf)",
            "Export the model completely (not a checkpoint, archive or LFS pointer).", w => w.Write("models/candidate.onnx", "hello\n")),
        Input("model_future_opset", "models/candidate.onnx: ONNX Runtime 1.31.1 does not support this model's operator sets (ai.onnx 99)",
            "Export with an older opset, or point --onnxruntime at a newer ONNX Runtime.", w => w.CopyIn("tests/fixtures/models/future_opset.onnx", "models/candidate.onnx")),
        Input("model_fails_at_runtime", "models/candidate.onnx: ONNX Runtime failed while running the model (InvalidArgument): Non-zero status code returned while running Gather node.",
            "Check the inputs match the model's signature (dotnet modelgate inspect).", w => w.CopyIn("tests/fixtures/models/fails_at_runtime.onnx", "models/candidate.onnx")),
        Input("model_file_missing", "models/candidate.onnx: file not found (--candidate or the policy's path)",
            "Fix models.candidate or --candidate.", w => File.Delete(w.File("models/candidate.onnx"))),

        // ---- a report is computed: exit 0/1 ----
        new("nan_and_infinite_scores", 1, "3 rows are left out of every metric because the candidate scored them NaN or infinite (check `scores_valid`): `3`, `7`, `10`",
            "Find why the model emits NaN/inf on those rows (division by a zero feature, log of 0). The scores_valid check fails the gate; set models.max_invalid_rows to allow a budget.",
            w =>
            {
                w.CopyIn("tests/ModelGate.Faults.Tests/Fixtures/nan_scores.onnx", "models/candidate.onnx");
                w.SetCell(3, 1, "0");
                w.SetCell(7, 1, "0");
                w.SetCell(10, 2, "0");
            }, NoArgs, AllReports)
        {
            Stream = MessagePlace.MarkdownReport,
            Also = (_, run) =>
            {
                Assert.Contains("3 rows left out of every metric", run.Out, StringComparison.Ordinal);
                Assert.Matches("(?m)^FAIL +scores_valid", run.Out);
                Assert.Contains("ModelGate: FAIL", run.Out, StringComparison.Ordinal);
            },
        },
        new("single_class_labels", 1, "cannot be computed: ROC AUC is undefined for the candidate: ROC AUC needs both classes; there are no negative rows",
            "Use a holdout with both classes. A check that cannot be computed is inconclusive and blocks the gate (statistics.uncomputable), unless the policy marks it 'optional: true'.",
            w => w.EditHoldoutLines(l => l.RemoveAll(line => line.EndsWith(",0", StringComparison.Ordinal))), NoArgs, AllReports)
        {
            Stream = MessagePlace.Stdout,
            Also = (w, run) =>
            {
                Assert.Contains("INCONCLUSIVE!  roc_auc", run.Out, StringComparison.Ordinal);
                Assert.Contains("INCONCLUSIVE!  generalization_gap", run.Out, StringComparison.Ordinal);
                Assert.Contains("ModelGate: FAIL", run.Out, StringComparison.Ordinal);
                Assert.DoesNotContain("✅", File.ReadAllText(Path.Combine(w.OutDir, "comment.md")), StringComparison.Ordinal);
            },
        },

        // ---- exit 4: environment ----
        new("report_folder_under_a_file", 4, "modelgate: out/report.md/sub: cannot write the report: 'out/report.md' is a file, not a folder. Fix: pass --out with a folder you can write to",
            "Point --out at a folder you can create and write; this is checked before any model runs.",
            w =>
            {
                Directory.CreateDirectory(w.OutDir);
                File.WriteAllText(Path.Combine(w.OutDir, "report.md"), "not a folder");
            }, NoArgs, None)
        {
            WholeCommand = ["check", "--policy", "modelgate.yml", "--out", "out/report.md/sub"],
            Also = (w, run) =>
            {
                // Found before the models ran: no verdict is printed, and the error is said once.
                Assert.DoesNotContain("ModelGate: PASS", run.Out, StringComparison.Ordinal);
                Assert.Single(run.ErrorLines, l => l.Contains("cannot write the report", StringComparison.Ordinal));
                Assert.Equal("not a folder", File.ReadAllText(Path.Combine(w.OutDir, "report.md")));
            },
        },
        new("report_file_is_a_folder", 4, "out/report.json: cannot write the report: a folder with that name exists. Fix: choose a file name for the report, not a folder",
            "Remove the folder that has the report's name, or choose another --out.",
            w => Directory.CreateDirectory(Path.Combine(w.OutDir, "report.json")), NoArgs, ["report.md", "comment.md", "report.junit.xml", "report.html"])
        {
            Also = (_, run) => Assert.Contains("ModelGate: PASS", run.Out, StringComparison.Ordinal),
        },
        Env("onnxruntime_missing", "which holds no ONNX Runtime library (libonnxruntime.so or libonnxruntime.so.1). Fix: point --onnxruntime at the folder that holds libonnxruntime.so",
            "Point --onnxruntime (or MODELGATE_ONNXRUNTIME) at the folder with libonnxruntime.so.", w => Directory.CreateDirectory(w.File("empty-ort")), "--onnxruntime", "empty-ort"),
        Env("onnxruntime_wrong_library", "/lib/x86_64-linux-gnu/libz.so.1 (explicit path (--onnxruntime)) does not export OrtGetApiBase, so it is not an ONNX Runtime library.",
            "Point --onnxruntime at libonnxruntime itself.", _ => { }, "--onnxruntime", "/lib/x86_64-linux-gnu/libz.so.1"),
        // The workspace's NuGet cache is empty (Workspace.RunAsync): what the developer's cache holds never changes the answer.
        Env("cuda_without_gpu", "modelgate: --device cuda:0 cannot be used: no CUDA build of ONNX Runtime: Microsoft.ML.OnnxRuntime.Gpu.Linux 1.31.0 is not in",
            "Run `dotnet modelgate gpu install` (it restores the CUDA build into the NuGet cache), or run with --device cpu.", _ => { }, "--device", "cuda"),

        // Loopback port 9 (discard) has no listener: the push is refused at once, three times; the reports are still written.
        new("pushgateway_required_unreachable", 4, "modelgate: could not push the metrics to http://127.0.0.1:9/ after 3 attempt(s): Connection refused (127.0.0.1:9). Fix: check --pushgateway",
            "Start the Pushgateway or fix --pushgateway; without --pushgateway-required a failed push is only a warning.", _ => { },
            ["--pushgateway", "http://127.0.0.1:9", "--pushgateway-required"], AllReports),
    ];

    /// <summary>Every catalogue name, including the GitHub cases that run against the fake server.</summary>
    public static IEnumerable<string> AllNames => Cases.Select(c => c.Name).Concat(GitHubFaultTests.CaseNames);

    public static IEnumerable<object[]> Names => Cases.Select(c => new object[] { c.Name });

    private static FaultCase Policy(string name, string message, string fix, Action<Workspace> breakIt) =>
        new(name, 2, message, fix, breakIt, NoArgs, None);

    private static FaultCase Usage(string name, string message, string fix, params string[] args) =>
        new(name, 2, message, fix, _ => { }, args, None);

    private static FaultCase Input(string name, string message, string fix, Action<Workspace> breakIt, Action<Workspace>? extra = null, Action<Workspace, CliRun>? also = null) =>
        new(name, 3, message, fix, w =>
        {
            breakIt(w);
            extra?.Invoke(w);
        }, NoArgs, None) { Also = also };

    private static FaultCase Env(string name, string message, string fix, Action<Workspace> breakIt, params string[] args) =>
        new(name, 4, message, fix, breakIt, args, None);

    /// <summary>Converts the holdout to JSONL (numbers as numbers) and replaces line <paramref name="index"/> (0-based) with <paramref name="bad"/>.</summary>
    private static void Jsonl(Workspace w, int index, string bad)
    {
        var lines = File.ReadAllLines(w.HoldoutPath);
        var header = lines[0].Split(',');
        var rows = lines.Skip(1).Select((line, i) => i == index
            ? bad
            : "{" + string.Join(", ", header.Zip(line.Split(',')).Select(p => $"\"{p.First}\": {p.Second}")) + "}");
        File.WriteAllText(w.File("data/holdout.jsonl"), string.Join('\n', rows) + "\n");
        w.ReplaceInPolicy("data/holdout.csv", "data/holdout.jsonl");
    }
}
