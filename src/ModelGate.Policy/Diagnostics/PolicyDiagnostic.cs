using System.Globalization;
using ModelGate.Core.Plan;
using ModelGate.Core.Text;

namespace ModelGate.Policy.Diagnostics;

/// <summary>How serious a policy diagnostic is: errors stop the load, warnings are printed and the load goes on.</summary>
internal enum DiagnosticLevel
{
    /// <summary>The policy cannot be used until this is fixed.</summary>
    Error,

    /// <summary>The policy loads, but probably does not say what its author meant.</summary>
    Warning,
}

/// <summary>One located finding about a policy file: what is wrong and how to fix it.</summary>
/// <param name="Location">File, line and column (1-based).</param>
/// <param name="Level">Error or warning.</param>
/// <param name="Message">What is wrong and the fix, one line.</param>
internal sealed record PolicyDiagnostic(SourceLocation Location, DiagnosticLevel Level, string Message)
{
    /// <summary>True for errors.</summary>
    public bool IsError => Level == DiagnosticLevel.Error;

    /// <summary>The compiler-style form <c>file:line:col: error: message</c>, on one line (a policy's text is a pull request's to write).</summary>
    public override string ToString() => string.Create(
        CultureInfo.InvariantCulture,
        $"{ConsoleText.Escape(Location.File)}:{Location.Line}:{Location.Column}: {(IsError ? "error" : "warning")}: {ConsoleText.Escape(Message)}");
}
