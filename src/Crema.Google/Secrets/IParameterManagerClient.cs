namespace Crema.Google.Secrets;

/// <summary>Renders Parameter Manager parameter versions (v1), secrets references resolved by Google.</summary>
public interface IParameterManagerClient
{
    /// <summary>
    /// Returns the rendered payload of <c>projects/P/locations/L/parameters/NAME/versions/V</c>
    /// as UTF-8 text. Throws <see cref="GoogleApiException"/>.
    /// </summary>
    Task<string> RenderAsync(string versionName, CancellationToken cancellationToken);
}
