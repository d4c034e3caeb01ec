namespace ModelGate.GitHub.Rest;

/// <summary>How long to try: per-request timeout, a total time bound over all attempts, and the backoff shape.</summary>
internal sealed record RetryPolicy
{
    /// <summary>Defaults suited to a CI step: 30 s per request, 3 minutes in total, backoff 1 s doubling to 30 s.</summary>
    public static readonly RetryPolicy Default = new();

    /// <summary>The longest one request may take before it counts as a timeout.</summary>
    public TimeSpan RequestTimeout { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>The bound on all attempts and waits together; a wait that would cross it is not started.</summary>
    public TimeSpan TotalTimeBound { get; init; } = TimeSpan.FromMinutes(3);

    /// <summary>The first backoff delay for 5xx, timeouts and connection failures.</summary>
    public TimeSpan BaseDelay { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>The largest single backoff delay.</summary>
    public TimeSpan MaxDelay { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>The most attempts for one request (the first one included).</summary>
    public int MaxAttempts { get; init; } = 6;

    /// <summary>
    /// The delay before retry number <paramref name="retry"/> (0-based): capped doubling with "equal jitter",
    /// i.e. half fixed and half random, so parallel jobs do not retry in lockstep.
    /// </summary>
    public TimeSpan Backoff(int retry, double jitter)
    {
        var exponential = BaseDelay.TotalMilliseconds * Math.Pow(2, Math.Min(retry, 30));
        var capped = Math.Min(exponential, MaxDelay.TotalMilliseconds);
        return TimeSpan.FromMilliseconds((capped / 2) + (capped / 2 * Math.Clamp(jitter, 0, 1)));
    }
}
