namespace ModelGate.Reports.Files;

/// <summary>One report to write: where, and its text (written as UTF-8 without a byte-order mark).</summary>
internal sealed record ReportFile(string Path, string Content);
