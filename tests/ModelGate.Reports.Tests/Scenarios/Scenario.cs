using ModelGate.Core.Results;

namespace ModelGate.Reports.Tests.Scenarios;

/// <summary>A named result and its context, rendered into one golden file per format.</summary>
internal sealed record Scenario(string Name, GateResult Result, ReportContext Context)
{
    public override string ToString() => Name;

    /// <summary>Every golden scenario.</summary>
    public static IReadOnlyList<Scenario> All { get; } =
    [
        ArrestsScenarios.Passing(),
        ArrestsScenarios.Failing(),
        HmdaWaiverScenario.Create(),
        CreditCardNoBaselineScenario.Create(),
        DigitsMulticlassScenario.Create(),
        SlidRegressionScenario.Create(),
    ];

    public static Scenario Named(string name) => All.Single(s => s.Name == name);
}
