using ModelGate.GitHub.Rest;

namespace ModelGate.GitHub.Tests.Fakes;

/// <summary>A clock whose waits return at once and move time forward, recording every wait.</summary>
internal sealed class FakeClock(DateTimeOffset start) : IRetryClock
{
    private readonly List<TimeSpan> _delays = [];

    public DateTimeOffset UtcNow { get; private set; } = start;

    public IReadOnlyList<TimeSpan> Delays => _delays;

    public Task DelayAsync(TimeSpan delay, CancellationToken cancellationToken)
    {
        _delays.Add(delay);
        UtcNow += delay;
        return Task.CompletedTask;
    }
}
