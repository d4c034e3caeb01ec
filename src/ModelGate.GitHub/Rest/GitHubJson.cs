using System.Text.Json;
using System.Text.Json.Serialization;

namespace ModelGate.GitHub.Rest;

/// <summary>The wire shape of an issue comment (only the fields read).</summary>
internal sealed record IssueCommentDto(long Id, string? Body, UserDto? User, string? HtmlUrl)
{
    public IssueComment ToComment() => new(
        Id,
        Body ?? string.Empty,
        User is null ? null : new CommentAuthor(User.Login ?? string.Empty, User.Type ?? string.Empty),
        Uri.TryCreate(HtmlUrl, UriKind.Absolute, out var url) ? url : null);
}

/// <summary>The wire shape of a simple user.</summary>
internal sealed record UserDto(string? Login, string? Type);

/// <summary>The request body of create-comment and update-comment.</summary>
internal sealed record CommentBodyDto(string Body);

/// <summary>GitHub's error body: <c>{"message": ..., "documentation_url": ...}</c>.</summary>
internal sealed record ErrorDto(string? Message);

/// <summary>Source-generated serialisation for the REST shapes (snake_case like GitHub).</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower)]
[JsonSerializable(typeof(IssueCommentDto))]
[JsonSerializable(typeof(List<IssueCommentDto>))]
[JsonSerializable(typeof(CommentBodyDto))]
[JsonSerializable(typeof(ErrorDto))]
internal sealed partial class GitHubJson : JsonSerializerContext
{
    /// <summary>GitHub's <c>message</c> from an error body, or null when the body is not that shape.</summary>
    public static string? ErrorMessage(string body)
    {
        try
        {
            return JsonSerializer.Deserialize(body, Default.ErrorDto)?.Message;
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
