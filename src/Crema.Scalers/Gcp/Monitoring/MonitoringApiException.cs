using System.Net;
using System.Text.Json;
using Crema.Abstractions;
using Crema.Scalers.Http;

namespace Crema.Scalers.Gcp.Monitoring;

/// <summary>
/// A failed <c>projects.timeSeries.list</c> call, with a message that tells the user what to change
/// (the missing role for 403, the quota for 429). Never carries a credential.
/// </summary>
internal sealed class MonitoringApiException : Exception
{
    public MonitoringApiException(HttpStatusCode statusCode, string status, string message)
        : base(message)
    {
        StatusCode = statusCode;
        Status = status;
    }

    /// <summary>The HTTP status code.</summary>
    public HttpStatusCode StatusCode { get; }

    /// <summary>The google.rpc status name from the body (PERMISSION_DENIED, RESOURCE_EXHAUSTED...), or the HTTP reason.</summary>
    public string Status { get; }

    /// <summary>Builds the exception from an error response body (<c>{"error": {code, message, status}}</c>).</summary>
    public static MonitoringApiException FromResponse(
        HttpStatusCode statusCode, string body, TimeSpan? retryAfter, string projectId, string identity)
    {
        var (status, apiMessage) = ParseError(body);
        status ??= statusCode.ToString();
        apiMessage = string.IsNullOrWhiteSpace(apiMessage) ? "(no message)" : apiMessage.Trim();
        var message = statusCode switch
        {
            HttpStatusCode.Forbidden =>
                $"Cloud Monitoring denied reading time series in project '{projectId}' to {identity} " +
                $"(403 {status}: {apiMessage}). Grant that identity roles/monitoring.viewer (permission " +
                $"monitoring.timeSeries.list) on project '{projectId}'.",
            HttpStatusCode.Unauthorized =>
                $"Cloud Monitoring rejected the credentials of {identity} (401 {status}: {apiMessage}). " +
                "Check the service-account key, or the daemon's Application Default Credentials.",
            HttpStatusCode.TooManyRequests =>
                $"Cloud Monitoring quota exceeded in project '{projectId}' (429 {status}: {apiMessage})" +
                (retryAfter is { } wait ? $"; retry after {wait.TotalSeconds:0}s" : string.Empty) +
                ". Time series reads are limited per project and minute: lengthen pollingInterval or ask for more quota.",
            HttpStatusCode.NotFound =>
                $"Cloud Monitoring found no project '{projectId}' (404 {status}: {apiMessage}). " +
                "Check the project id and that the Cloud Monitoring API is enabled in it.",
            HttpStatusCode.BadRequest =>
                $"Cloud Monitoring rejected the query in project '{projectId}' (400 {status}: {apiMessage}).",
            _ => $"Cloud Monitoring returned {(int)statusCode} {status} for project '{projectId}': {apiMessage}",
        };
        return new MonitoringApiException(statusCode, status, message);
    }

    private static (string? Status, string? Message) ParseError(string body)
    {
        try
        {
            using var document = JsonDocument.Parse(body);
            if (document.RootElement.ValueKind == JsonValueKind.Object
                && document.RootElement.TryGetProperty("error", out var error) && error.ValueKind == JsonValueKind.Object)
            {
                // Quoted from the reply: escaped, so it cannot forge a log line.
                var status = error.TryGetProperty("status", out var s) && s.ValueKind == JsonValueKind.String ? UntrustedText.Escape(s.GetString()!) : null;
                var message = error.TryGetProperty("message", out var m) && m.ValueKind == JsonValueKind.String ? HttpErrorExcerpt.From(m.GetString()!, []) : null;
                return (status, message);
            }
        }
        catch (Exception e) when (e is JsonException or InvalidOperationException)
        {
            // Not JSON (a proxy's HTML page), or a string that is no text ("\ud800"): fall through to a short excerpt.
        }
        return (null, HttpErrorExcerpt.From(body, []));
    }
}
