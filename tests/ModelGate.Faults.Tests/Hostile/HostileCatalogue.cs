using System.IO.Compression;
using System.Text;

namespace ModelGate.Faults.Tests.Hostile;

/// <summary>
/// Inputs a pull request could write to attack the job that runs ModelGate: read files outside the repository, exhaust
/// memory or time, inject workflow commands or mentions. Each must fail fast, in one line, and leak nothing.
/// </summary>
public static class HostileCatalogue
{

    internal static IReadOnlyList<HostileCase> Cases { get; } = [.. Paths(), .. Yaml(), .. Data(), .. Injection(), .. Time()];

    public static TheoryData<string> Names
    {
        get
        {
            var data = new TheoryData<string>();
            foreach (var c in Cases)
            {
                data.Add(c.Name);
            }

            return data;
        }
    }

    private static IEnumerable<HostileCase> Paths()
    {
        yield return new("rows_file_proc_self_environ", 2, "the path '/proc/self/environ' is absolute", 15, w => AddRowsFile(w, "/proc/self/environ"), HostileCase.Check()) { Example = "hmda-safety" };
        yield return new("rows_file_etc_passwd", 2, "is absolute; write it relative to the policy file's folder", 15, w => AddRowsFile(w, "/etc/passwd"), HostileCase.Check()) { Example = "hmda-safety" };
        yield return new("rows_file_dotdot_escape", 2, "leaves the repository", 15, w => AddRowsFile(w, "../../../../../../../../etc/passwd"), HostileCase.Check()) { Example = "hmda-safety" };
        yield return new("rows_file_symlink_to_environ", 2, "is a symlink that leads out of the repository", 15, w =>
        {
            File.CreateSymbolicLink(w.File("ids.txt"), "/proc/self/environ");
            AddRowsFile(w, "ids.txt");
        }, HostileCase.Check()) { Example = "hmda-safety" };
        yield return new("rows_file_symlinked_folder", 2, "is a symlink that leads out of the repository", 15, w =>
        {
            Directory.CreateSymbolicLink(w.File("lists"), "/proc/self");
            AddRowsFile(w, "lists/environ");
        }, HostileCase.Check()) { Example = "hmda-safety" };
        yield return new("holdout_absolute_path", 2, "the path '/etc/passwd' is absolute", 15,
            w => w.ReplaceInPolicy("holdout: data/holdout.csv", "holdout: /etc/passwd"), HostileCase.Check());
        yield return new("model_symlink_outside", 2, "is a symlink that leads out of the repository", 15, w =>
        {
            var outside = Path.Combine(Path.GetTempPath(), "modelgate-outside-" + Guid.NewGuid().ToString("N")[..8] + ".onnx");
            File.Copy(w.File("models/candidate.onnx"), outside);
            File.Delete(w.File("models/candidate.onnx"));
            File.CreateSymbolicLink(w.File("models/candidate.onnx"), outside);
        }, HostileCase.Check());
        yield return new("extends_escape", 2, "extends: the path '../../../../etc/base.yml' leaves the repository", 15,
            w => w.ReplaceInPolicy("version: 1\n", "version: 1\nextends: ../../../../etc/base.yml\n"), HostileCase.Check());
        yield return new("rows_file_dev_zero", 2, "the path '/dev/zero' is absolute", 15, w => AddRowsFile(w, "/dev/zero"), HostileCase.Check()) { Example = "hmda-safety" };
        yield return new("rows_file_dev_zero_when_trusted", 3, "rows_file is larger than 16 MiB (rows_file_bytes)", 20, w => AddRowsFile(w, "/dev/zero"), HostileCase.Check("--allow-outside-root"))
        {
            Example = "hmda-safety",
        };
        yield return new("symlink_loop", 2, "is a symlink loop", 15, w =>
        {
            File.CreateSymbolicLink(w.File("a.txt"), w.File("b.txt"));
            File.CreateSymbolicLink(w.File("b.txt"), w.File("a.txt"));
            AddRowsFile(w, "a.txt");
        }, HostileCase.Check()) { Example = "hmda-safety" };
        yield return new("allow_outside_root_is_explicit", 0, "valid (", 15, w =>
        {
            var outside = Path.Combine(Path.GetTempPath(), "modelgate-outside-" + Guid.NewGuid().ToString("N")[..8] + ".csv");
            File.Copy(w.HoldoutPath, outside);
            w.ReplaceInPolicy("holdout: data/holdout.csv", "holdout: " + outside);
        }, ["validate", "--policy", "modelgate.yml", "--allow-outside-root"]) { Place = MessagePlace.Stdout };
        yield return new("rows_file_ids_quoted_as_short_previews", 3, "are not in the holdout ('AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA…' (5036 characters))", 30, w =>
        {
            w.Write("ids.txt", new string('A', 5000) + Secrets.Token + "\n");
            AddRowsFile(w, "ids.txt");
        }, HostileCase.Check()) { Example = "hmda-safety" };
    }

    private static IEnumerable<HostileCase> Yaml()
    {
        yield return new("yaml_billion_laughs", 2, "expands the policy past 100,000 YAML nodes (yaml_nodes)", 10, w => w.ReplaceInPolicy("statistics:\n", BillionLaughs() + "statistics:\n"), HostileCase.Check());
        yield return new("yaml_20000_nested_brackets", 2, "nest deeper than 64 levels (yaml_depth)", 10, w => w.ReplaceInPolicy("statistics:\n", "bomb: " + new string('[', 20_000) + "\nstatistics:\n"), HostileCase.Check());
        yield return new("yaml_20000_nested_braces", 2, "nest deeper than 64 levels (yaml_depth)", 10, w => w.ReplaceInPolicy("statistics:\n", "bomb: " + string.Concat(Enumerable.Repeat("{a: ", 20_000)) + "\nstatistics:\n"), HostileCase.Check());
        yield return new("yaml_200000_flat_nodes", 2, "has more than 100,000 YAML nodes (yaml_nodes)", 15, w => w.ReplaceInPolicy("statistics:\n", "bomb: [" + string.Join(",", Enumerable.Repeat("1", 200_000)) + "]\nstatistics:\n"), HostileCase.Check());
        yield return new("policy_over_1_MiB", 2, "the policy file is larger than 1 MiB (policy_bytes)", 10, w => w.EditPolicy(p => p + "#" + new string('x', 2 << 20) + "\n"), HostileCase.Check());
        yield return new("policy_is_dev_zero", 2, "the policy file is larger than 1 MiB (policy_bytes)", 10, _ => { }, ["check", "--policy", "/dev/zero", "--out", "out"]);
        yield return new("policy_limit_raised_by_flag", 0, "valid (", 15, w => w.EditPolicy(p => p + "#" + new string('x', 2 << 20) + "\n"),
            ["validate", "--policy", "modelgate.yml", "--limit", "policy_bytes=4MiB"]) { Place = MessagePlace.Stdout };
        yield return new("limit_flag_unknown_name", 2, "--limit: unknown limit 'memory'", 10, _ => { }, HostileCase.Check("--limit", "memory=1"));
        yield return new("limit_flag_bad_value", 2, "--limit line_bytes: give a positive size such as 64MiB", 10, _ => { }, HostileCase.Check("--limit", "line_bytes=-5"));
        yield return new("policy_key_with_workflow_command", 2, "unknown key 'x\\n::error::pwned'", 10, w => w.ReplaceInPolicy("statistics:\n", "\"x\\n::error::pwned\": 1\nstatistics:\n"), HostileCase.Check());
        yield return new("policy_nul_and_escape_bytes", 2, "modelgate.yml", 10, w => w.ReplaceInPolicy("statistics:\n", "bad: \"\u001b[2J\u0007\"\u0000\nstatistics:\n"), HostileCase.Check());
    }

    private static IEnumerable<HostileCase> Data()
    {
        yield return new("holdout_line_over_limit", 3, "line 173: the record is longer than 1 MiB (line_bytes)", 20,
            w => File.AppendAllText(w.HoldoutPath, new string('7', 3 << 20) + "\n"), HostileCase.Check("--limit", "line_bytes=1MiB"));
        yield return new("holdout_line_over_default_64_MiB", 3, "line 173: the record is longer than 64 MiB (line_bytes)", 30,
            w => File.AppendAllText(w.HoldoutPath, new string('7', 70 << 20) + "\n"), HostileCase.Check());
        yield return new("holdout_unclosed_quote_swallows_file", 3, "the record is longer than 1 MiB (line_bytes)", 20,
            w => File.AppendAllText(w.HoldoutPath, "\"" + string.Concat(Enumerable.Repeat("1,2,3\n", 600_000))), HostileCase.Check("--limit", "line_bytes=1MiB"));
        yield return new("jsonl_line_over_limit", 3, "line 1: the line is longer than 1 MiB (line_bytes)", 20,
            w => w.Write("data/holdout.jsonl", "{\"a\": \"" + new string('x', 3 << 20) + "\"}\n"), HostileCase.Check("--holdout", "data/holdout.jsonl", "--limit", "line_bytes=1MiB"));
        yield return new("holdout_150000_columns", 3, "150,000 fields, more than 100,000 (fields)", 30,
            w => w.Write("data/holdout.csv", string.Join(",", Enumerable.Range(0, 150_000).Select(i => "c" + i)) + "\n"), HostileCase.Check());
        yield return new("gzip_bomb_ratio", 3, "gzip_ratio), which real data does not; it looks like a zip bomb", 30, w =>
        {
            WriteGzip(w.File("data/holdout.csv.gz"), File.ReadAllLines(w.HoldoutPath)[0] + "\n", File.ReadAllLines(w.HoldoutPath)[1] + "\n", 64L << 20);
            w.ReplaceInPolicy("holdout: data/holdout.csv", "holdout: data/holdout.csv.gz");
        }, HostileCase.Check());
        yield return new("gzip_total_decompressed", 3, "decompresses to more than 1 MiB (decompressed_bytes)", 30, w =>
        {
            var lines = File.ReadAllLines(w.HoldoutPath);
            WriteGzip(w.File("data/holdout.csv.gz"), string.Join('\n', lines) + "\n", string.Join('\n', lines.Skip(1)) + "\n", 3L << 20);
            w.ReplaceInPolicy("holdout: data/holdout.csv", "holdout: data/holdout.csv.gz");
        }, HostileCase.Check("--limit", "decompressed_bytes=1MiB"));
        yield return new("rows_file_over_limit", 3, "rows_file is larger than 1 KiB (rows_file_bytes)", 20, w =>
        {
            w.Write("ids.txt", string.Concat(Enumerable.Range(0, 1000).Select(i => "r" + i + "\n")));
            AddRowsFile(w, "ids.txt");
        }, HostileCase.Check("--limit", "rows_file_bytes=1KiB")) { Example = "hmda-safety" };
        yield return new("model_over_limit", 3, "more than 512 bytes (model_bytes)", 20, _ => { }, HostileCase.Check("--limit", "model_bytes=512"));
        yield return new("model_external_data_outside_folder", 3, "external data location '../../../etc/passwd' is outside the model's folder", 20,
            w => w.WriteBytes("models/candidate.onnx", ExternalDataModel.Pointing("../../../etc/passwd")), HostileCase.Check());
        yield return new("holdout_huge_cell_is_quoted_as_a_preview", 3, "'xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx…' (100036 characters) is not a number", 20,
            w => w.SetCell(3, 1, new string('x', 100_000) + Secrets.Token), HostileCase.Check());
        yield return new("holdout_invalid_utf8_and_escape_in_cell", 3, "modelgate: ", 20,
            w => w.SetCell(3, 1, "\u001b[2J\u001b]0;pwned\u0007"), HostileCase.Check());
    }

    private static IEnumerable<HostileCase> Injection()
    {
        yield return new("group_value_workflow_command", 1, "\\n::error::pwned", 60, w => SetGroups(w, "\"Black\n::error::pwned\""), HostileCase.Check())
        {
            Example = "arrests-fairness",
            Place = MessagePlace.Stdout,
        };
        yield return new("group_value_add_mask_and_stop_commands", 1, "FAIL", 60, w => SetGroups(w, "\"x\r\n::add-mask::ghs\n::stop-commands::tok\""), HostileCase.Check())
        {
            Example = "arrests-fairness",
            Place = MessagePlace.Stdout,
        };
        yield return new("group_value_escape_sequences_and_bidi", 1, "FAIL", 60, w => SetGroups(w, "\u001b[31mred\u001b]8;;http://x\u0007\u202Eevil"), HostileCase.Check())
        {
            Example = "arrests-fairness",
            Place = MessagePlace.Stdout,
        };
        yield return new("group_value_legacy_command", 1, "FAIL", 60, w => SetGroups(w, "##[set-output name=verdict;]pass"), HostileCase.Check())
        {
            Example = "arrests-fairness",
            Place = MessagePlace.Stdout,
        };
        yield return new("group_value_mentions", 1, "@\u200Boctocat", 60, w => SetGroups(w, "@octocat @org/team"), HostileCase.Check())
        {
            Example = "arrests-fairness",
            Place = MessagePlace.MarkdownReport,
            Also = (w, _) =>
            {
                foreach (var file in new[] { "report.md", "comment.md" })
                {
                    var text = File.ReadAllText(Path.Combine(w.OutDir, file));
                    Assert.DoesNotContain("@octocat", text, StringComparison.Ordinal);
                    Assert.DoesNotContain("@org/team", text, StringComparison.Ordinal);
                }
            },
        };
        yield return new("waiver_text_mentions", 1, "@\u200Beveryone", 60, w => w.EditPolicy(p => p +
            "waivers:\n  - check: fairness\n    reason: \"ping @everyone and @org/security\"\n    owner: \"@org/owners\"\n    expires: 2099-12-31\n"), HostileCase.Check())
        {
            Example = "arrests-fairness",
            Place = MessagePlace.MarkdownReport,
            Also = (w, _) => Assert.DoesNotContain("@org/security", File.ReadAllText(Path.Combine(w.OutDir, "report.md")), StringComparison.Ordinal),
        };
        yield return new("row_id_mentions", 1, "@\u200Buser", 60, w =>
        {
            w.EditHoldoutLines(lines =>
            {
                lines[0] += ",row_id";
                for (var i = 1; i < lines.Count; i++)
                {
                    lines[i] += ",@user" + i;
                }
            });
            w.ReplaceInPolicy("  label: deny\n", "  label: deny\n  id: row_id\n");
        }, HostileCase.Check())
        {
            Example = "hmda-safety",
            Place = MessagePlace.MarkdownReport,
            Also = (w, _) => Assert.DoesNotMatch("(?<![\\w])@user[0-9]", File.ReadAllText(Path.Combine(w.OutDir, "comment.md"))),
        };
        yield return new("column_name_mentions", 1, "@\u200Bafam", 60, w =>
        {
            w.EditHoldoutLines(lines => lines[0] = lines[0].Replace(",afam,", ",@afam,", StringComparison.Ordinal));
            w.ReplaceInPolicy("{ column: afam }", "{ column: \"@afam\" }");
            w.ReplaceInPolicy("insurance, afam]", "insurance, \"@afam\"]");
        }, HostileCase.Check())
        {
            Example = "hmda-safety",
            Place = MessagePlace.MarkdownReport,
            Also = (w, _) => Assert.DoesNotContain("@afam", File.ReadAllText(Path.Combine(w.OutDir, "report.md")), StringComparison.Ordinal),
        };
        yield return new("model_metadata_workflow_command", 0, "metadata note: x\\n::error::pwned\\u001b[2J", 20,
            w => File.AppendAllBytes(w.File("models/candidate.onnx"), ExternalDataModel.MetadataEntry("note", "x\n::error::pwned\u001b[2J")),
            ["inspect", "models/candidate.onnx"])
        {
            Place = MessagePlace.Stdout,
        };
        yield return new("gate_key_workflow_command", 0, "ModelGate x\\n::add-mask::", 60, _ => { }, HostileCase.Check("--gate-key", "x\n::add-mask::" + "y"))
        {
            Place = MessagePlace.Stdout,
        };
        yield return new("github_annotations_stay_escaped", 1, "::error file=modelgate.yml", 60, w => SetGroups(w, "\"Black\n::error::pwned\u001b[2J\""), HostileCase.Check("--github-summary-only"))
        {
            Example = "arrests-fairness",
            Place = MessagePlace.Stdout,
            Environment = GitHubActions,
        };
        yield return new("event_file_string_pr_number", 4, "pull_request.number that is a string, not a number", 60,
            w => w.Write("event.json", "{\"pull_request\": {\"number\": \"7\"}}"), HostileCase.Check("--github"))
        {
            Environment = w => new Dictionary<string, string>(GitHubActions(w)) { ["GITHUB_EVENT_NAME"] = "pull_request", ["GITHUB_EVENT_PATH"] = w.File("event.json") },
            Also = (w, _) =>
            {
                Assert.Contains("ModelGate setup error", File.ReadAllText(w.File("step-summary.md")), StringComparison.Ordinal);
                ReportFiles.AssertComplete(Path.Combine(w.OutDir, "report.json"));
            },
        };
        yield return new("event_file_not_json", 4, "is not valid JSON", 60,
            w => w.Write("event.json", "{\"pull_request\": "), HostileCase.Check("--github"))
        {
            Environment = w => new Dictionary<string, string>(GitHubActions(w)) { ["GITHUB_EVENT_NAME"] = "pull_request", ["GITHUB_EVENT_PATH"] = w.File("event.json") },
            Also = (w, _) => Assert.Contains("ModelGate setup error", File.ReadAllText(w.File("step-summary.md")), StringComparison.Ordinal),
        };
    }

    private static IEnumerable<HostileCase> Time()
    {
        yield return new("timeout_holdout_is_a_blocked_fifo", 4, "the run took longer than --timeout 2 s and was stopped", 15, w =>
        {
            File.Delete(w.HoldoutPath);
            using var mkfifo = System.Diagnostics.Process.Start("mkfifo", w.HoldoutPath);
            mkfifo.WaitForExit();
        }, HostileCase.Check("--timeout", "2"))
        {
            Cleanup = w => Task.Run(() =>
            {
                using var unblock = new FileStream(w.HoldoutPath, FileMode.Open, FileAccess.Write);
            }).Wait(TimeSpan.FromSeconds(3)),
        };
        // A 553-byte model whose Loop runs 10^15 iterations: ONNX Runtime is stopped by the per-batch time budget.
        yield return new("model_endless_loop_stopped_by_the_batch_budget", 4, "one batch ran longer than its time budget of 2 s, so ONNX Runtime was stopped", 20,
            w => w.CopyIn("tests/ModelGate.Faults.Tests/Fixtures/endless_loop.onnx", "models/candidate.onnx"), HostileCase.Check())
        {
            Environment = _ => new Dictionary<string, string>(StringComparer.Ordinal) { ["MODELGATE_BATCH_TIME_BUDGET"] = "2" },
        };
        yield return new("timeout_negative", 2, "--timeout must be a whole number from 0 to 2,147,483,647; got '-1'; 0 turns the limit off", 10, _ => { }, HostileCase.Check("--timeout", "-1"));
    }

    private static Dictionary<string, string> GitHubActions(Workspace w) => new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["GITHUB_ACTIONS"] = "true",
        ["GITHUB_REPOSITORY"] = "octo-org/models",
        ["GITHUB_EVENT_NAME"] = "push",
        ["GITHUB_API_URL"] = "http://127.0.0.1:9/",
        ["GITHUB_STEP_SUMMARY"] = w.File("step-summary.md"),
        ["GITHUB_OUTPUT"] = w.File("github-output.txt"),
    };

    /// <summary>Adds a safety check with a rows file (and an id column so rows files are allowed).</summary>
    private static void AddRowsFile(Workspace w, string rowsFile)
    {
        w.EditHoldoutLines(lines =>
        {
            lines[0] += ",row_id";
            for (var i = 1; i < lines.Count; i++)
            {
                lines[i] += ",r" + i;
            }
        });
        w.ReplaceInPolicy("  label: deny\n", "  label: deny\n  id: row_id\n");
        w.ReplaceInPolicy("checks:\n", "checks:\n  - safety:\n      name: must-pass rows\n      rows_file: " + rowsFile + "\n      negative_flips: { at_most: 0 }\n");
    }

    /// <summary>Renames the 'Black' group of the 'colour' slice column (the worst group, named in every output) to a hostile value.</summary>
    private static void SetGroups(Workspace w, string value) => w.EditHoldoutLines(lines =>
    {
        for (var i = 1; i < lines.Count; i++)
        {
            var cells = lines[i].Split(',');
            if (cells[1] == "Black")
            {
                cells[1] = value;
                lines[i] = string.Join(',', cells);
            }
        }
    });

    /// <summary>Nine levels of ten aliases each: 10⁹ nodes from about 1 KB.</summary>
    private static string BillionLaughs()
    {
        var sb = new StringBuilder("laughs:\n  a: &a [\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\"]\n");
        for (var level = 'b'; level <= 'i'; level++)
        {
            var prev = (char)(level - 1);
            sb.Append("  ").Append(level).Append(": &").Append(level).Append(" [")
              .Append(string.Join(",", Enumerable.Repeat("*" + prev, 10))).Append("]\n");
        }

        return sb.ToString();
    }

    /// <summary>A gzip holding <paramref name="head"/> then <paramref name="repeat"/> until <paramref name="totalBytes"/>.</summary>
    private static void WriteGzip(string path, string head, string repeat, long totalBytes)
    {
        using var file = File.Create(path);
        using var gzip = new GZipStream(file, CompressionLevel.SmallestSize);
        var headBytes = Encoding.UTF8.GetBytes(head);
        gzip.Write(headBytes);
        var block = Encoding.UTF8.GetBytes(string.Concat(Enumerable.Repeat(repeat, Math.Max(1, (1 << 20) / repeat.Length))));
        for (long written = headBytes.Length; written < totalBytes; written += block.Length)
        {
            gzip.Write(block);
        }
    }
}
