using System.Net.Http.Headers;

namespace ModelGate.GitHub.Rest;

/// <summary>Reads the <c>rel="next"</c> target of GitHub's RFC 8288 <c>Link</c> header.</summary>
internal static class LinkHeader
{
    /// <summary>The next page's URL, or null on the last page.</summary>
    public static Uri? Next(HttpResponseHeaders headers)
    {
        if (!headers.TryGetValues("Link", out var values))
        {
            return null;
        }

        foreach (var value in values)
        {
            foreach (var part in value.Split(','))
            {
                var pieces = part.Split(';');
                var target = pieces[0].Trim();
                if (target.Length < 2 || target[0] != '<' || target[^1] != '>')
                {
                    continue;
                }

                var isNext = pieces.Skip(1).Any(p =>
                    p.Trim().Replace(" ", string.Empty, StringComparison.Ordinal)
                        .Equals("rel=\"next\"", StringComparison.OrdinalIgnoreCase));
                if (isNext && Uri.TryCreate(target[1..^1], UriKind.Absolute, out var uri))
                {
                    return uri;
                }
            }
        }

        return null;
    }
}
