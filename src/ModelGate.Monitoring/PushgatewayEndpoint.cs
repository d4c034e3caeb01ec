namespace ModelGate.Monitoring;

/// <summary>
/// A Pushgateway's base URL, checked before anything runs: absolute http or https, with no credentials, query or
/// fragment in it (credentials come from the environment, so the URL may be printed).
/// </summary>
internal sealed record PushgatewayEndpoint
{
    private PushgatewayEndpoint(Uri baseUri) => BaseUri = baseUri;

    /// <summary>The base URL, ending with a slash.</summary>
    public Uri BaseUri { get; }

    /// <summary>Parses <paramref name="url"/>, or returns null and the one-line problem with its fix.</summary>
    public static PushgatewayEndpoint? TryParse(string url, out string? problem)
    {
        ArgumentNullException.ThrowIfNull(url);
        problem = null;
        if (!Uri.TryCreate(url.Trim(), UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps))
        {
            problem = $"--pushgateway '{url}' is not an http(s) URL. Give the Pushgateway's base URL, e.g. http://pushgateway:9091";
            return null;
        }

        if (uri.UserInfo.Length > 0)
        {
            problem = "--pushgateway must not carry a user name or password (the URL is printed). Remove them from the URL and set MODELGATE_PUSHGATEWAY_USERNAME and MODELGATE_PUSHGATEWAY_PASSWORD, or MODELGATE_PUSHGATEWAY_TOKEN";
            return null;
        }

        if (uri.Query.Length > 0 || uri.Fragment.Length > 0)
        {
            problem = $"--pushgateway '{url}' has a query or fragment. Give only the base URL, e.g. http://pushgateway:9091; ModelGate adds /metrics/job/... itself";
            return null;
        }

        var text = uri.GetLeftPart(UriPartial.Path);
        return new PushgatewayEndpoint(new Uri(text.EndsWith('/') ? text : text + "/"));
    }

    /// <summary>The URL of one group: <c>metrics/job/JOB</c>, then each label of the key as <c>NAME@base64/VALUE</c>.</summary>
    public Uri GroupUri(GroupingKey key)
    {
        ArgumentNullException.ThrowIfNull(key);
        return new Uri(BaseUri, key.ToPath());
    }

    /// <summary>The base URL as text (safe to print: it never holds credentials).</summary>
    public override string ToString() => BaseUri.ToString();
}
