using ModelGate.Core.Text;
using ModelGate.Policy.Binding;
using ModelGate.Policy.Diagnostics;

namespace ModelGate.Policy.Model;

/// <summary>Checks the columns a policy names against a holdout header.</summary>
internal static class ColumnValidation
{
    public static IReadOnlyList<PolicyDiagnostic> Validate(GatePolicy policy, IReadOnlyCollection<string> header, string file = "holdout")
    {
        ArgumentNullException.ThrowIfNull(header);
        var present = header.ToHashSet(StringComparer.Ordinal);
        var diagnostics = new List<PolicyDiagnostic>();
        foreach (var reference in policy.ColumnReferences)
        {
            if (reference.IsPattern)
            {
                if (!header.Any(h => Glob.Matches(reference.Column, h)))
                {
                    diagnostics.Add(new PolicyDiagnostic(reference.Location, DiagnosticLevel.Error,
                        $"{reference.Usage}: the pattern '{reference.Column}' matches no {file} column; {file} columns: {Shown(header)}"));
                }
            }
            else if (!present.Contains(reference.Column))
            {
                var hint = Suggestions.DidYouMean(reference.Column, header);
                diagnostics.Add(new PolicyDiagnostic(reference.Location, DiagnosticLevel.Error,
                    $"{reference.Usage} refers to column '{reference.Column}', which the {file} does not have{(hint.Length > 0 ? hint : $"; {file} columns: {Shown(header)}")}"));
            }
        }

        return diagnostics;
    }

    private static string Shown(IReadOnlyCollection<string> header) =>
        header.Count <= 12 ? string.Join(", ", header) : string.Join(", ", header.Take(12)) + $", ... ({header.Count} in all)";
}
