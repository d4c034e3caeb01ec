using System.CommandLine;
using System.Globalization;
using ModelGate.Cli.Check;
using ModelGate.Data;
using ModelGate.Engine;
using ModelGate.Policy.Diagnostics;

namespace ModelGate.Cli.Commands;

/// <summary><c>modelgate validate</c>: checks a policy (and its columns against the holdout's header) without running models.</summary>
internal static class ValidateCommand
{
    /// <summary>Creates the command.</summary>
    public static Command Create(CliConsole console)
    {
        var policy = new Option<string>("--policy", "-p") { Description = "Policy file.", DefaultValueFactory = _ => "modelgate.yml" };
        var print = new Option<bool>("--print") { Description = "Print the resolved policy (after extends and defaults) as YAML." };
        var guard = InputGuardOptionSet.Create();
        var command = new Command("validate", "Check a policy without running models: every error with its line, column and fix.\n\n" +
            "Examples:\n  dotnet modelgate validate\n  dotnet modelgate validate --policy ci/modelgate.yml --print")
        {
            policy, print, guard.Root, guard.AllowOutside, guard.Limits,
        };
        command.SetAction(parse => Run(console, parse.GetValue(policy)!, parse.GetValue(print), InputGuardOptionSet.Read(parse, guard)));
        return command;
    }

    private static int Run(CliConsole console, string policyPath, bool print, InputGuardOptions guard)
    {
        var path = console.ResolvePath(policyPath);
        if (!File.Exists(path))
        {
            throw new UsageException($"policy file not found: {policyPath}. Pass --policy <file>, or run 'dotnet modelgate init' to write one.");
        }

        var policy = PolicyFile.Load(path, DateOnly.FromDateTime(Clock.Now(console).UtcDateTime), guard.PolicyOptions(console), new RunLog(console.Error));
        if (File.Exists(policy.Data.Holdout))
        {
            var header = HoldoutReader.ReadColumnNames(policy.Data.Holdout, limits: guard.ResourceLimits());
            var columnErrors = policy.ValidateAgainstColumns(header);
            if (columnErrors.Count > 0)
            {
                throw new PolicyException(columnErrors);
            }
        }

        if (print)
        {
            console.Out.Write(policy.ToYaml());
        }
        else
        {
            console.Out.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{ReportComposer.DisplayPath(path, console.WorkingDirectory)}: valid ({policy.Checks.Count} checks, {policy.Slices.Count} slices, {policy.Waivers.Count} waivers, task {policy.Task.ToString().ToLowerInvariant()})"));
        }

        return ExitCodes.Passed;
    }
}
