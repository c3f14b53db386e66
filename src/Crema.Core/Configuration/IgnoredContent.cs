namespace Crema.Core.Configuration;

/// <summary>
/// A mapping that KEDA's or CREMA's types accept but that has no meaning for Crema (for example a ScaledObject's
/// <c>status</c>): any content is accepted and none of it is kept.
/// </summary>
public sealed record IgnoredContent
{
    /// <summary>The one instance; the content itself is not kept.</summary>
    public static IgnoredContent Instance { get; } = new();
}
