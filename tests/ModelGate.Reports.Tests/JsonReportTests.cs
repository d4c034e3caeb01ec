using System.Text.Json;
using ModelGate.Core;
using ModelGate.Reports.Tests.Scenarios;

namespace ModelGate.Reports.Tests;

/// <summary>The JSON report parses, carries the schema id, round-trips doubles and writes undefined as null with a reason.</summary>
public sealed class JsonReportTests
{
    [Fact]
    public void Starts_with_the_schema_and_holds_every_check()
    {
        var s = Scenario.Named("failing");
        using var doc = JsonDocument.Parse(JsonReport.Render(s.Result, s.Context));
        var root = doc.RootElement;

        Assert.Equal("schema", root.EnumerateObject().First().Name);
        Assert.Equal("modelgate-report/1", root.GetProperty("schema").GetString());
        Assert.Equal("fail", root.GetProperty("gate").GetProperty("verdict").GetString());
        Assert.Equal(s.Result.Checks.Select(c => c.Spec.Id), root.GetProperty("checks").EnumerateArray().Select(c => c.GetProperty("id").GetString()));
        Assert.Equal(3, root.GetProperty("gate").GetProperty("counts").GetProperty("failing").GetInt32());
    }

    [Fact]
    public void Doubles_round_trip_exactly()
    {
        var awkward = 0.1 + 0.2;
        var s = Scenario.Named("passing");
        var result = s.Result with { Headline = [new Core.Results.MetricComparison("roc_auc", Estimate.Of(awkward, new Interval(1.0 / 3, 2.0 / 3, 0.95)), null, null)] };
        using var doc = JsonDocument.Parse(JsonReport.Render(result, s.Context));
        var candidate = doc.RootElement.GetProperty("headline")[0].GetProperty("candidate");

        Assert.Equal(BitConverter.DoubleToInt64Bits(awkward), BitConverter.DoubleToInt64Bits(candidate.GetProperty("value").GetDouble()));
        Assert.Equal(BitConverter.DoubleToInt64Bits(1.0 / 3), BitConverter.DoubleToInt64Bits(candidate.GetProperty("lower").GetDouble()));
    }

    [Fact]
    public void Undefined_values_are_null_with_the_reason()
    {
        var s = Scenario.Named("regression");
        using var doc = JsonDocument.Parse(JsonReport.Render(s.Result, s.Context));
        var mape = doc.RootElement.GetProperty("headline").EnumerateArray().Single(m => m.GetProperty("metric").GetString() == "mape");

        Assert.Equal(JsonValueKind.Null, mape.GetProperty("candidate").GetProperty("value").ValueKind);
        Assert.Equal("3 rows have a true wage of 0", mape.GetProperty("candidate").GetProperty("undefinedReason").GetString());
    }

    [Fact]
    public void Non_finite_numbers_become_null_never_invalid_json()
    {
        var s = Scenario.Named("passing");
        var result = s.Result with { Flips = new Core.Results.FlipSummary { Rows = 0, NegativeFlips = 0, PositiveFlips = 0, CandidateErrors = 0 } };
        using var doc = JsonDocument.Parse(JsonReport.Render(result, s.Context));
        var flips = doc.RootElement.GetProperty("flips");

        Assert.Equal(JsonValueKind.Null, flips.GetProperty("negativeFlipRate").ValueKind);
        Assert.Equal(JsonValueKind.Null, flips.GetProperty("negativeFlipImpact").ValueKind);
    }

    [Fact]
    public void Waiver_state_is_explicit()
    {
        var s = Scenario.Named("waivers");
        using var doc = JsonDocument.Parse(JsonReport.Render(s.Result, s.Context));
        var checks = doc.RootElement.GetProperty("checks").EnumerateArray().ToDictionary(c => c.GetProperty("id").GetString()!);

        Assert.True(checks["calibration.ece"].GetProperty("waiver").GetProperty("applied").GetBoolean());
        Assert.True(checks["latency.p95"].GetProperty("waiver").GetProperty("expired").GetBoolean());
        Assert.False(checks["latency.p95"].GetProperty("waiver").GetProperty("applied").GetBoolean());
        Assert.Equal(JsonValueKind.Null, checks["roc_auc"].GetProperty("waiver").ValueKind);
    }
}
