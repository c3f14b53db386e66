using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using OpenTelemetry;
using OpenTelemetry.Exporter;
using OpenTelemetry.Metrics;

namespace Crema.Host.Observability.Otlp;

/// <summary>
/// Pushes the instruments of one <see cref="CremaMetrics"/> (the very ones /metrics shows, so
/// <c>--trigger-metrics off</c> applies here too) with the OpenTelemetry SDK's OTLP exporter, cumulative, every
/// <see cref="OtlpExportOptions.Interval"/>. Started before the scaling loops, stopped after them with one last
/// export that may take <see cref="FinalExportWait"/> at most: a collector that does not answer never holds a stop.
/// </summary>
internal sealed partial class OtlpMetricsService(OtlpExportOptions options, CremaMetrics metrics, Func<string, string?> environment, HttpClient metadata, ILogger logger)
    : IHostedService, IDisposable
{
    /// <summary>How long a stop waits for the last export (Cloud Run's whole stop is 10 s).</summary>
    public static readonly TimeSpan FinalExportWait = TimeSpan.FromSeconds(1);

    private MeterProvider? provider;

    public OtlpExportHealth Health { get; } = new(logger, options);

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var resource = await OtlpResource.CreateAsync(environment, metadata, cancellationToken).ConfigureAwait(false);
        var exporterOptions = new OtlpExporterOptions
        {
            Endpoint = options.Endpoint,
            Protocol = options.Protocol,
            Headers = options.Headers,
            TimeoutMilliseconds = (int)options.Timeout.TotalMilliseconds,
            HttpClientFactory = () => new HttpClient(new ExportOutcomeHandler(Health.Record))
            {
                Timeout = options.Timeout,
                MaxResponseContentBufferSize = ExportOutcomeHandler.MaxResponseBytes,
            },
        };
        var limit = new MetricStreamConfiguration { CardinalityLimit = options.CardinalityLimit };
        var interval = (int)options.Interval.TotalMilliseconds;
        provider = Sdk.CreateMeterProviderBuilder()
            .SetResourceBuilder(resource)
            .AddMeter(CremaMetrics.MeterName)
            // Every daemon's meter has the same name; this daemon exports its own.
            .AddView(instrument => ReferenceEquals(instrument.Meter, metrics.Meter) ? limit : MetricStreamConfiguration.Drop)
            .AddReader(new PeriodicExportingMetricReader(new OtlpMetricExporter(exporterOptions), interval, (int)options.Timeout.TotalMilliseconds))
            .Build();
        LogStarted(logger, options.DisplayEndpoint, options.ProtocolName, options.Interval.TotalSeconds);
        if (options.ObjectsAtStart > options.CardinalityLimit)
        {
            LogCardinalityTooLow(logger, options.ObjectsAtStart, options.CardinalityLimit);
        }
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        if (provider is { } started)
        {
            // Shutdown blocks its thread until the last export ends or the wait is over.
            await Task.Run(() => started.Shutdown((int)FinalExportWait.TotalMilliseconds), CancellationToken.None).ConfigureAwait(false);
        }
    }

    public void Dispose() => provider?.Dispose();

    [LoggerMessage(EventId = 4, EventName = "OtlpExportStarted", Level = LogLevel.Information,
        Message = "exporting metrics over OTLP to {Endpoint} ({Protocol}) every {IntervalSeconds} s")]
    private static partial void LogStarted(ILogger logger, string endpoint, string protocol, double intervalSeconds);

    [LoggerMessage(EventId = 5, EventName = "OtlpCardinalityTooLow", Level = LogLevel.Warning,
        Message = "the config has {Objects} scaled objects but OTLP keeps {Limit} series per metric: the series of the objects beyond it are exported folded into one with otel.metric.overflow=true; raise CREMA_OTLP_CARDINALITY_LIMIT (/metrics has every series)")]
    private static partial void LogCardinalityTooLow(ILogger logger, int objects, int limit);
}
