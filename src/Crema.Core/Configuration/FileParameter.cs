namespace Crema.Core.Configuration;

/// <summary>An auth parameter read from a file, trailing newline removed (Cloud Run secret volume mounts).</summary>
public sealed record FileParameter
{
    /// <summary>The auth parameter name.</summary>
    public required string Parameter { get; init; }

    /// <summary>The absolute path of the file.</summary>
    public required string Path { get; init; }
}
