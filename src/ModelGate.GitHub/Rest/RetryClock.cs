namespace ModelGate.GitHub.Rest;

/// <summary>The time source and the wait used between retries; tests pass one that advances instantly.</summary>
internal interface IRetryClock
{
    /// <summary>The current time.</summary>
    DateTimeOffset UtcNow { get; }

    /// <summary>Waits for <paramref name="delay"/>.</summary>
    Task DelayAsync(TimeSpan delay, CancellationToken cancellationToken);
}

/// <summary>The real clock: wall time and <see cref="Task.Delay(TimeSpan, CancellationToken)"/>.</summary>
internal sealed class SystemRetryClock : IRetryClock
{
    /// <summary>The shared stateless instance.</summary>
    public static readonly SystemRetryClock Instance = new();

    /// <inheritdoc />
    public DateTimeOffset UtcNow => DateTimeOffset.UtcNow;

    /// <inheritdoc />
    public Task DelayAsync(TimeSpan delay, CancellationToken cancellationToken) => Task.Delay(delay, cancellationToken);
}
