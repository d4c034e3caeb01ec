using System.Globalization;

namespace ModelGate.Core.Limits;

/// <summary>
/// Bounds on what untrusted input (a pull request's policy, holdout and models) may cost. Each has a default that
/// legitimate inputs stay well under and a name for <c>--limit name=value</c>; the policy itself cannot raise them,
/// because a pull request writes the policy.
/// </summary>
internal sealed record ResourceLimits
{
    /// <summary>The defaults (docs/security.md lists them).</summary>
    public static ResourceLimits Default { get; } = new();

    /// <summary>Largest policy file (and each <c>extends:</c> base), in bytes.</summary>
    public long PolicyBytes { get; init; } = 1L << 20;

    /// <summary>Most YAML nodes in one policy file once aliases are expanded (a "billion laughs" file has 10⁹).</summary>
    public long YamlNodes { get; init; } = 100_000;

    /// <summary>Deepest nesting of YAML mappings and sequences.</summary>
    public long YamlDepth { get; init; } = 64;

    /// <summary>Largest <c>rows_file</c> of a safety check, in bytes.</summary>
    public long RowsFileBytes { get; init; } = 16L << 20;

    /// <summary>Longest line (CSV record or JSONL object) of a holdout, in bytes.</summary>
    public long LineBytes { get; init; } = 64L << 20;

    /// <summary>Most fields (columns) in a holdout's header or object.</summary>
    public long Fields { get; init; } = 100_000;

    /// <summary>Largest ratio of decompressed to compressed bytes of a .gz holdout (checked once 16 MiB are out).</summary>
    public long GzipRatio { get; init; } = 250;

    /// <summary>Largest decompressed size of a .gz holdout, in bytes.</summary>
    public long DecompressedBytes { get; init; } = 16L << 30;

    /// <summary>Largest model: the .onnx file plus its external-data files, in bytes.</summary>
    public long ModelBytes { get; init; } = 8L << 30;

    /// <summary>The names <c>--limit</c> accepts, each with how to read and set it.</summary>
    public static IReadOnlyList<LimitInfo> Known { get; } =
    [
        new("policy_bytes", true, l => l.PolicyBytes, (l, v) => l with { PolicyBytes = v }),
        new("yaml_nodes", false, l => l.YamlNodes, (l, v) => l with { YamlNodes = v }),
        new("yaml_depth", false, l => l.YamlDepth, (l, v) => l with { YamlDepth = v }),
        new("rows_file_bytes", true, l => l.RowsFileBytes, (l, v) => l with { RowsFileBytes = v }),
        new("line_bytes", true, l => l.LineBytes, (l, v) => l with { LineBytes = v }),
        new("fields", false, l => l.Fields, (l, v) => l with { Fields = v }),
        new("gzip_ratio", false, l => l.GzipRatio, (l, v) => l with { GzipRatio = v }),
        new("decompressed_bytes", true, l => l.DecompressedBytes, (l, v) => l with { DecompressedBytes = v }),
        new("model_bytes", true, l => l.ModelBytes, (l, v) => l with { ModelBytes = v }),
    ];

    /// <summary>Applies <c>name=value</c> settings (sizes take KiB, MiB, GiB suffixes); throws <see cref="FormatException"/> with the fix.</summary>
    public ResourceLimits With(IEnumerable<string> settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var limits = this;
        foreach (var setting in settings)
        {
            var eq = setting.IndexOf('=', StringComparison.Ordinal);
            var name = eq < 0 ? setting : setting[..eq].Trim();
            var info = Known.FirstOrDefault(k => k.Name == name)
                ?? throw new FormatException($"--limit: unknown limit '{name}'; use one of {string.Join(", ", Known.Select(k => k.Name))}");
            if (eq < 0 || !TryParse(setting[(eq + 1)..].Trim(), info.IsSize, out var value) || value <= 0)
            {
                throw new FormatException($"--limit {name}: give a positive {(info.IsSize ? "size such as 64MiB" : "whole number")}, e.g. --limit {name}={Format(info.Get(Default), info.IsSize)}");
            }

            limits = info.Set(limits, value);
        }

        return limits;
    }

    /// <summary>A size as people write it (64 MiB), or a count.</summary>
    public static string Format(long value, bool isSize)
    {
        if (!isSize)
        {
            return value.ToString("N0", CultureInfo.InvariantCulture);
        }

        foreach (var (unit, shift) in new[] { ("GiB", 30), ("MiB", 20), ("KiB", 10) })
        {
            if (value >= 1L << shift && value % (1L << shift) == 0)
            {
                return (value >> shift).ToString(CultureInfo.InvariantCulture) + " " + unit;
            }
        }

        return value.ToString(CultureInfo.InvariantCulture) + " bytes";
    }

    private static bool TryParse(string text, bool isSize, out long value)
    {
        var shift = 0;
        if (isSize)
        {
            foreach (var (unit, s) in new[] { ("GiB", 30), ("MiB", 20), ("KiB", 10), ("GB", 30), ("MB", 20), ("KB", 10), ("G", 30), ("M", 20), ("K", 10) })
            {
                if (text.EndsWith(unit, StringComparison.OrdinalIgnoreCase))
                {
                    text = text[..^unit.Length].Trim();
                    shift = s;
                    break;
                }
            }
        }

        if (!long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out value) || value > long.MaxValue >> shift)
        {
            return false;
        }

        value <<= shift;
        return true;
    }
}
