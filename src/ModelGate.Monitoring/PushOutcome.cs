namespace ModelGate.Monitoring;

/// <summary>How a push ended: whether the Pushgateway accepted it, after how many attempts, and if not, why (one line, no secrets).</summary>
internal sealed record PushOutcome(bool Succeeded, int Attempts, string? Problem);
