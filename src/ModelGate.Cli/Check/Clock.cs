using System.Globalization;

namespace ModelGate.Cli.Check;

/// <summary>
/// The run's clock. <c>SOURCE_DATE_EPOCH</c> (the reproducible-builds convention) pins it, so the same inputs give
/// the same report bytes; otherwise it is the real time.
/// </summary>
internal static class Clock
{
    /// <summary>The time a run is stamped with.</summary>
    public static DateTimeOffset Now(CliConsole console)
    {
        ArgumentNullException.ThrowIfNull(console);
        var epoch = console.Env("SOURCE_DATE_EPOCH");
        if (epoch is null)
        {
            return DateTimeOffset.UtcNow;
        }

        return long.TryParse(epoch, NumberStyles.Integer, CultureInfo.InvariantCulture, out var seconds)
            ? DateTimeOffset.FromUnixTimeSeconds(seconds)
            : throw new UsageException($"SOURCE_DATE_EPOCH '{epoch}' is not a number of seconds since 1970-01-01; unset it or give e.g. 1790000000.");
    }
}
