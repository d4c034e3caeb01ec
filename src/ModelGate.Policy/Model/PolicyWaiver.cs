using ModelGate.Core.Plan;

namespace ModelGate.Policy.Model;

/// <summary>A waiver as written: the policy check id it names and the Core waiver attached to that check's specs.</summary>
/// <param name="CheckId">The <c>id</c> of the check it applies to.</param>
/// <param name="Waiver">Reason, owner, expiry and location.</param>
internal sealed record PolicyWaiver(string CheckId, Waiver Waiver);
