namespace Crema.Scalers.MetricsApi;

/// <summary>
/// Finds the number a trigger's valueLocation names in a response body of one format. One implementation
/// per format (json, yaml, xml, prometheus), built once when the trigger is bound, so a malformed
/// valueLocation is a config error and a library could replace one format's reader in one place.
/// </summary>
internal interface IValueExtractor
{
    /// <summary>The format's name as configured (for messages).</summary>
    string Format { get; }

    /// <summary>The value; a <see cref="MetricsApiException"/> saying what is wrong otherwise.</summary>
    double Extract(ReadOnlyMemory<byte> body);
}
