using ModelGate.Core.Results;
using ModelGate.Policy.Model;
using ModelGate.Reports;
using ModelGate.Reports.Files;

namespace ModelGate.Engine;


/// <summary>What one run produced: the verdicts, the context the reports were rendered with, and the files written.</summary>
/// <param name="Policy">The policy as run (flags applied).</param>
/// <param name="Result">The verdicts, with policy locations relative to the working folder.</param>
/// <param name="Context">The report context (provenance, flipped rows, ROC curves) for further renderings.</param>
/// <param name="Written">The report files written, and those that could not be.</param>
/// <param name="Timings">The streaming pass over the holdout.</param>
internal sealed record GateRunResult(GatePolicy Policy, GateResult Result, ReportContext Context, ReportWriteOutcome Written, StreamTimings Timings);
