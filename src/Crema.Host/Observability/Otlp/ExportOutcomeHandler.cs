using System.Globalization;
using Crema.Abstractions;

namespace Crema.Host.Observability.Otlp;

/// <summary>
/// Sits under the OTLP exporter's HttpClient and tells <see cref="OtlpExportHealth"/> how each export ended:
/// accepted, an HTTP or gRPC status, or no answer. The exporter reports outcomes only to its EventSource, so
/// this is where Crema sees them. A reason never holds header or body text (a header may be a token).
/// </summary>
internal sealed class ExportOutcomeHandler(Action<string?> report) : DelegatingHandler(HttpClientSettings.Default.CreateHandler())
{
    /// <summary>4 MiB, the exporter's own bound on an answer (an export response is a few bytes).</summary>
    public const int MaxResponseBytes = 4 * 1024 * 1024;

    // The exporter sends http/protobuf synchronously on .NET, gRPC asynchronously: both are watched.
    protected override HttpResponseMessage Send(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        HttpResponseMessage response;
        try
        {
            response = base.Send(request, cancellationToken);
        }
        catch (Exception e)
        {
            report(NoAnswer(e));
            throw;
        }
        report(Failure(response));
        return response;
    }

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        HttpResponseMessage? response = null;
        try
        {
            response = await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
            if (IsGrpc(response) && GrpcStatus(response.Headers) is null)
            {
                // A gRPC status that is not in the headers comes in the trailers, read with the (small) body.
                await response.Content.LoadIntoBufferAsync(MaxResponseBytes, cancellationToken).ConfigureAwait(false);
            }
        }
        catch (Exception e)
        {
            // A reply whose body could not be read still holds its connection until disposed.
            response?.Dispose();
            report(NoAnswer(e));
            throw;
        }
        report(Failure(response));
        return response;
    }

    /// <summary>Null when the collector took the export.</summary>
    internal static string? Failure(HttpResponseMessage response)
    {
        if (!response.IsSuccessStatusCode)
        {
            return string.Create(CultureInfo.InvariantCulture, $"HTTP {(int)response.StatusCode}");
        }
        if (!IsGrpc(response))
        {
            return null;
        }
        var status = GrpcStatus(response.Headers) ?? GrpcStatus(response.TrailingHeaders);
        return status switch
        {
            null => "a gRPC answer without a status",
            0 => null,
            _ => string.Create(CultureInfo.InvariantCulture, $"gRPC status {status} ({(Grpc.Core.StatusCode)status.Value})"),
        };
    }

    private static string NoAnswer(Exception e) => e switch
    {
        HttpRequestException { HttpRequestError: var kind } => $"no answer ({kind})",
        OperationCanceledException => "no answer in time",
        _ => $"no answer ({e.GetType().Name})",
    };

    private static bool IsGrpc(HttpResponseMessage response) =>
        response.Content.Headers.ContentType?.MediaType?.StartsWith("application/grpc", StringComparison.OrdinalIgnoreCase) == true;

    private static int? GrpcStatus(System.Net.Http.Headers.HttpHeaders headers) =>
        headers.TryGetValues("grpc-status", out var values)
        && int.TryParse(values.FirstOrDefault(), NumberStyles.None, CultureInfo.InvariantCulture, out var status) && status is >= 0 and <= 16
            ? status
            : null;
}
