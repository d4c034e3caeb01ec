using System.Net.Http.Headers;
using System.Text;

namespace ModelGate.Monitoring;

/// <summary>
/// How to authenticate to the Pushgateway, from the environment only: a bearer token (MODELGATE_PUSHGATEWAY_TOKEN), or
/// basic auth (MODELGATE_PUSHGATEWAY_USERNAME and MODELGATE_PUSHGATEWAY_PASSWORD), or none. Never printed.
/// </summary>
internal sealed class PushgatewayCredentials
{
    /// <summary>The bearer token variable.</summary>
    public const string TokenVariable = "MODELGATE_PUSHGATEWAY_TOKEN";

    /// <summary>The basic-auth user name variable.</summary>
    public const string UserVariable = "MODELGATE_PUSHGATEWAY_USERNAME";

    /// <summary>The basic-auth password variable.</summary>
    public const string PasswordVariable = "MODELGATE_PUSHGATEWAY_PASSWORD";

    private readonly AuthenticationHeaderValue? _header;
    private readonly string? _secret;

    private PushgatewayCredentials(AuthenticationHeaderValue? header, string? secret)
    {
        _header = header;
        _secret = secret;
    }

    /// <summary>No authentication.</summary>
    public static PushgatewayCredentials None { get; } = new(null, null);

    /// <summary>Reads the variables; returns null and the one-line problem when they are inconsistent.</summary>
    public static PushgatewayCredentials? From(Func<string, string?> environment, out string? problem)
    {
        ArgumentNullException.ThrowIfNull(environment);
        problem = null;
        var token = environment(TokenVariable);
        var user = environment(UserVariable);
        var password = environment(PasswordVariable);
        if (token is not null && (user is not null || password is not null))
        {
            problem = $"both {TokenVariable} and basic-auth variables are set. Set only {TokenVariable}, or only {UserVariable} and {PasswordVariable}";
            return null;
        }

        if (token is not null)
        {
            return new PushgatewayCredentials(new AuthenticationHeaderValue("Bearer", token), token);
        }

        if ((user is null) != (password is null))
        {
            problem = $"basic auth needs both {UserVariable} and {PasswordVariable}. Set the missing one, or unset both";
            return null;
        }

        return user is null
            ? None
            : new PushgatewayCredentials(new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes(user + ":" + password))), password);
    }

    /// <summary>"bearer token", "basic auth" or "no credentials": what may be printed about them.</summary>
    public string Kind => _header?.Scheme switch
    {
        "Bearer" => "bearer token",
        "Basic" => "basic auth",
        _ => "no credentials",
    };

    /// <summary>Adds the Authorization header, if any.</summary>
    public void Apply(HttpRequestMessage request)
    {
        ArgumentNullException.ThrowIfNull(request);
        request.Headers.Authorization = _header;
    }

    /// <summary><paramref name="text"/> with the secret replaced by <c>***</c>, for messages that quote a server.</summary>
    public string Redact(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var redacted = text;
        foreach (var secret in new[] { _secret, _header?.Parameter })
        {
            if (!string.IsNullOrEmpty(secret))
            {
                redacted = redacted.Replace(secret, "***", StringComparison.Ordinal);
            }
        }

        return redacted;
    }

    /// <summary>Never the secret.</summary>
    public override string ToString() => Kind;
}
