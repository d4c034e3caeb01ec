namespace ModelGate.Engine;

/// <summary>Where a run reports its progress: one line per step, and warnings that do not stop it.</summary>
internal interface IRunLog
{
    /// <summary>A step finished (what was read, scored, judged or written).</summary>
    [System.Diagnostics.CodeAnalysis.SuppressMessage("Naming", "CA1716", Justification = "Step is a Visual Basic keyword only; the log is C#'s.")]
    void Step(string message);

    /// <summary>Something the user should know; the run goes on.</summary>
    void Warn(string message);
}
