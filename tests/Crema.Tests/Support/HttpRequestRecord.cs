namespace Crema.Tests.Support;

/// <summary>One request received by <see cref="HttpStub"/>.</summary>
internal sealed record HttpRequestRecord(
    string Method,
    string Path,
    string QueryString,
    IReadOnlyDictionary<string, string> Query,
    IReadOnlyDictionary<string, string> Headers);
