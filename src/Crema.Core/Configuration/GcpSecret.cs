namespace Crema.Core.Configuration;

/// <summary>One Secret Manager secret version exposed as an auth parameter.</summary>
public sealed record GcpSecret
{
    /// <summary>The auth parameter name the scaler reads (for example <c>personalAccessToken</c>).</summary>
    public required string Parameter { get; init; }

    /// <summary>The secret id, or a full <c>projects/P/secrets/S</c> name.</summary>
    public required string Id { get; init; }

    /// <summary>The version. Default <c>latest</c>.</summary>
    public string Version { get; init; } = "latest";
}
