namespace ModelGate.Engine;

/// <summary>
/// The wall-clock budget of one run (<c>--timeout</c>). The run is cancelled when the budget is spent; a step that
/// cannot observe cancellation (a native inference call, a read blocked on a pipe) is not waited for.
/// </summary>
internal static class RunBudget
{
    /// <summary>The default budget: an hour, far above the 12 s of the 1M-row benchmark.</summary>
    public const int DefaultSeconds = 3600;

    /// <summary>Runs <paramref name="run"/> on the thread pool within <paramref name="seconds"/> (0: no budget).</summary>
    /// <exception cref="RunTimeoutException">The budget was spent first.</exception>
    public static async Task<int> RunAsync(int seconds, Func<CancellationToken, Task<int>> run, CancellationToken cancellation)
    {
        ArgumentNullException.ThrowIfNull(run);
        if (seconds <= 0)
        {
            return await run(cancellation).ConfigureAwait(false);
        }

        using var budget = CancellationTokenSource.CreateLinkedTokenSource(cancellation);
        var work = Task.Run(() => run(budget.Token), CancellationToken.None);
        var finished = await Task.WhenAny(work, Task.Delay(TimeSpan.FromSeconds(seconds), cancellation)).ConfigureAwait(false);
        if (finished == work || cancellation.IsCancellationRequested)
        {
            return await work.ConfigureAwait(false);
        }

        await budget.CancelAsync().ConfigureAwait(false);
        _ = work.ContinueWith(t => t.Exception, CancellationToken.None, TaskContinuationOptions.OnlyOnFaulted, TaskScheduler.Default);
        throw new RunTimeoutException(seconds);
    }
}
