using System.Text;
using System.Text.Json;
using Crema.Abstractions;
using Crema.Google.Http;

namespace Crema.Google.Secrets;

/// <summary>Parameter Manager v1 <c>versions:render</c> over HttpClient, on the global or regional endpoint.</summary>
internal sealed class ParameterManagerClient : IParameterManagerClient
{
    private readonly GoogleApiHttp api;
    private readonly GoogleEndpoints endpoints;

    public ParameterManagerClient(HttpClient http, GoogleEndpoints endpoints, IAccessTokenSource? tokens, TimeProvider time, GoogleApiRetryOptions? retry = null)
    {
        this.endpoints = endpoints;
        api = new GoogleApiHttp(http, tokens, [GoogleScopes.CloudPlatform], time, retry);
    }

    public async Task<string> RenderAsync(string versionName, CancellationToken cancellationToken)
    {
        var name = versionName?.Trim().TrimStart('/') ?? string.Empty;
        var parts = name.Split('/');
        if (parts.Length != 8 || parts[0] != "projects" || parts[2] != "locations" || parts[4] != "parameters" || parts[6] != "versions"
            || parts.Any(string.IsNullOrWhiteSpace))
        {
            throw new ArgumentException(
                $"\"{versionName}\" is not a parameter version name; expected projects/PROJECT/locations/LOCATION/parameters/NAME/versions/VERSION.",
                nameof(versionName));
        }

        var uri = new Uri(endpoints.ParameterManagerFor(parts[3]), $"v1/{name}:render");
        var response = await api.SendAsync(HttpMethod.Get, uri, "render", null, cancellationToken).ConfigureAwait(false);
        if (!response.IsSuccess)
        {
            var error = response.Error ?? new GoogleApiError(response.StatusCode, null, $"HTTP {response.StatusCode}");
            throw new GoogleApiException($"rendering parameter {name}: {error}", response.StatusCode, error.Status);
        }

        try
        {
            using var document = JsonDocument.Parse(response.Body);
            var rendered = document.RootElement.TryGetProperty("renderedPayload", out var p) && p.ValueKind == JsonValueKind.String
                ? p.GetBytesFromBase64()
                : [];
            return Encoding.UTF8.GetString(rendered);
        }
        catch (Exception ex) when (ex is JsonException or FormatException or InvalidOperationException)
        {
            throw new GoogleApiException($"rendering parameter {name}: the reply is not valid ({ex.GetType().Name})", 0, null);
        }
    }
}
