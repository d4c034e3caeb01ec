namespace ModelGate.Core.Limits;

/// <summary>One limit's name and accessors.</summary>
/// <param name="Name">The name for <c>--limit</c>.</param>
/// <param name="IsSize">True for byte sizes (suffixes allowed).</param>
/// <param name="Get">Reads the limit.</param>
/// <param name="Set">Returns limits with this one changed.</param>
internal sealed record LimitInfo(string Name, bool IsSize, Func<ResourceLimits, long> Get, Func<ResourceLimits, long, ResourceLimits> Set);
