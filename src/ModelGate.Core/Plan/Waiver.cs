namespace ModelGate.Core.Plan;

/// <summary>An accepted, owned, expiring exception for one check. After <see cref="Expires"/> it stops applying.</summary>
internal sealed record Waiver(string Reason, string Owner, DateOnly Expires, SourceLocation? Location = null)
{
    /// <summary>True while the waiver applies on <paramref name="today"/> (the expiry day included).</summary>
    public bool AppliesOn(DateOnly today) => today <= Expires;
}
