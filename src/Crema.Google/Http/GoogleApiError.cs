using System.Text.Json;

namespace Crema.Google.Http;

/// <summary>
/// Google's error body <c>{"error":{"code":404,"message":"...","status":"NOT_FOUND"}}</c>.
/// Only these three fields are kept: details may echo request content.
/// </summary>
internal sealed record GoogleApiError(int Code, string? Status, string Message)
{
    /// <summary>Parses an error body; falls back to the HTTP status when the body is not Google's shape.</summary>
    public static GoogleApiError From(int httpStatus, string body)
    {
        try
        {
            using var document = JsonDocument.Parse(body);
            if (document.RootElement.ValueKind == JsonValueKind.Object
                && document.RootElement.TryGetProperty("error", out var error)
                && error.ValueKind == JsonValueKind.Object)
            {
                return FromErrorObject(error, httpStatus);
            }
        }
        catch (JsonException)
        {
            // Not JSON (a proxy's HTML page, say): report the status alone.
        }

        return new GoogleApiError(httpStatus, null, $"HTTP {httpStatus}");
    }

    /// <summary>Reads <c>{code, message, status}</c> (also the google.rpc.Status of an operation).</summary>
    public static GoogleApiError FromErrorObject(JsonElement error, int fallbackCode)
    {
        var code = error.TryGetProperty("code", out var c) && c.TryGetInt32(out var parsed) ? parsed : fallbackCode;
        var status = error.TryGetProperty("status", out var s) && s.ValueKind == JsonValueKind.String ? s.GetString() : null;
        var message = error.TryGetProperty("message", out var m) && m.ValueKind == JsonValueKind.String
            ? m.GetString() ?? string.Empty
            : string.Empty;
        return new GoogleApiError(code, status, message);
    }

    /// <summary>"NOT_FOUND: message" or "HTTP 404" style text for logs and status.</summary>
    public override string ToString() =>
        Status is null ? (Message.Length == 0 ? $"HTTP {Code}" : Message) : $"{Status}: {Message}";
}
