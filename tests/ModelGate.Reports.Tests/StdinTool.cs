using System.Diagnostics;
using System.Text;

namespace ModelGate.Reports.Tests;

/// <summary>Runs an installed checker with a text on its standard input, within a time limit.</summary>
internal static class StdinTool
{
    /// <summary>Exit code and everything the tool printed, trimmed.</summary>
    public static (int ExitCode, string Output) Run(string file, IEnumerable<string> args, string input)
    {
        var start = new ProcessStartInfo(file)
        {
            RedirectStandardInput = true,
            StandardInputEncoding = new UTF8Encoding(false),
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        process.StandardInput.Write(input);
        process.StandardInput.Close();
        if (!process.WaitForExit(TimeSpan.FromSeconds(30)))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{file} did not finish in 30 s");
        }

        return (process.ExitCode, (stdout.Result + stderr.Result).Trim());
    }
}
