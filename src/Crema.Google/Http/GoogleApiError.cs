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
        catch (Exception e) when (e is JsonException or InvalidOperationException)
        {
            // Not JSON (a proxy's HTML page, say), or a name that is no text ("\ud800"): report the status alone.
        }

        return new GoogleApiError(httpStatus, null, $"HTTP {httpStatus}");
    }

    /// <summary>Reads <c>{code, message, status}</c> (also the google.rpc.Status of an operation).</summary>
    public static GoogleApiError FromErrorObject(JsonElement error, int fallbackCode)
    {
        var code = error.TryGetProperty("code", out var c) && c.ValueKind == JsonValueKind.Number && c.TryGetInt32(out var parsed) ? parsed : fallbackCode;
        var status = error.TryGetProperty("status", out var s) ? Text(s) : null;
        var message = error.TryGetProperty("message", out var m) ? Text(m) ?? string.Empty : string.Empty;
        return new GoogleApiError(code, status, message);
    }

    // A string, escaped for one log line; null for another kind or a lone surrogate escape (valid JSON, no text).
    private static string? Text(JsonElement value)
    {
        if (value.ValueKind != JsonValueKind.String)
        {
            return null;
        }
        try
        {
            return Crema.Abstractions.UntrustedText.Escape(value.GetString()!);
        }
        catch (InvalidOperationException)
        {
            return null;
        }
    }

    /// <summary>"NOT_FOUND: message" or "HTTP 404" style text for logs and status.</summary>
    public override string ToString() =>
        Status is null ? (Message.Length == 0 ? $"HTTP {Code}" : Message) : $"{Status}: {Message}";
}
