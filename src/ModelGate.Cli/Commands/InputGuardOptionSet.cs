using System.CommandLine;
using ModelGate.Core.Limits;
using ModelGate.Policy;

namespace ModelGate.Cli.Commands;

/// <summary>What the policy's files may be and cost: flags, not policy keys, because a pull request writes the policy.</summary>
/// <param name="Root">The folder the policy's files must be inside (default: the policy's git repository).</param>
/// <param name="AllowOutsideRoot">Accept absolute paths and paths outside the root.</param>
/// <param name="Limits">name=value settings for <see cref="ResourceLimits"/>.</param>
internal sealed record InputGuardOptions(string? Root = null, bool AllowOutsideRoot = false, IReadOnlyList<string>? Limits = null)
{
    /// <summary>The limits with the flags applied; a bad setting is a usage error.</summary>
    public ResourceLimits ResourceLimits()
    {
        try
        {
            return Core.Limits.ResourceLimits.Default.With(Limits ?? []);
        }
        catch (FormatException e)
        {
            throw new UsageException(e.Message);
        }
    }

    /// <summary>The policy loader's options, with the root made absolute against <paramref name="console"/>'s folder.</summary>
    public PolicyLoadOptions PolicyOptions(CliConsole console)
    {
        ArgumentNullException.ThrowIfNull(console);
        var root = Root is null ? null : console.ResolvePath(Root);
        if (root is not null && !Directory.Exists(root))
        {
            throw new UsageException($"--root {Core.Text.ConsoleText.Preview(Root, 80)} is not a folder; pass the repository's root folder.");
        }

        return new PolicyLoadOptions { Root = root, AllowOutsideRoot = AllowOutsideRoot, Limits = ResourceLimits() };
    }
}

/// <summary>The --root, --allow-outside-root and --limit flags shared by <c>check</c> and <c>validate</c>.</summary>
internal static class InputGuardOptionSet
{
    /// <summary>Creates the three options.</summary>
    public static (Option<string?> Root, Option<bool> AllowOutside, Option<string[]> Limits) Create() =>
    (
        new Option<string?>("--root") { Description = "Folder every file the policy names must be inside (default: the policy's git repository root)." },
        new Option<bool>("--allow-outside-root") { Description = "Let the policy name absolute paths and files outside the root (only for a trusted policy)." },
        new Option<string[]>("--limit")
        {
            Description = "Raise a resource limit, name=value (repeatable): " + string.Join(", ", ResourceLimits.Known.Select(k => k.Name)) + ". See docs/security.md.",
            AllowMultipleArgumentsPerToken = false,
            Arity = ArgumentArity.ZeroOrMore,
        }
    );

    /// <summary>Reads the options of one invocation.</summary>
    public static InputGuardOptions Read(ParseResult parse, (Option<string?> Root, Option<bool> AllowOutside, Option<string[]> Limits) options)
    {
        ArgumentNullException.ThrowIfNull(parse);
        return new InputGuardOptions(parse.GetValue(options.Root), parse.GetValue(options.AllowOutside), parse.GetValue(options.Limits) ?? []);
    }
}
