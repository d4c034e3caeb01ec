namespace ModelGate.Monitoring;

/// <summary>How hard to try: attempts, the pause before each retry (doubling), and a bound on the whole push.</summary>
/// <param name="Attempts">Tries in all, at least 1.</param>
/// <param name="FirstPause">Pause before the second try; doubled before each later one.</param>
/// <param name="TotalTimeout">Bound on the whole push, retries and pauses included.</param>
internal sealed record PushSettings(int Attempts, TimeSpan FirstPause, TimeSpan TotalTimeout)
{
    /// <summary>3 tries, 0.5 s then 1 s apart, 10 s in all.</summary>
    public static PushSettings Default { get; } = new(3, TimeSpan.FromSeconds(0.5), TimeSpan.FromSeconds(10));
}
