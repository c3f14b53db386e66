namespace Crema.Tests.Scalers.Gcp;

/// <summary>One request the fake received.</summary>
/// <param name="Project">The project of the path (projects/{Project}/timeSeries).</param>
/// <param name="Query">Every query parameter (first value of each).</param>
/// <param name="Authorization">The Authorization header, or null.</param>
internal sealed record FakeMonitoringRequest(string Project, IReadOnlyDictionary<string, string> Query, string? Authorization)
{
    /// <summary>A query parameter or null.</summary>
    public string? this[string name] => Query.TryGetValue(name, out var value) ? value : null;
}
