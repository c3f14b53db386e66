using Crema.Abstractions;
using Crema.Core.Configuration;
using Crema.Host.ConfigSources;
using Crema.Host.Leadership;

namespace Crema.Host.Daemon;

/// <summary>Settings of one daemon run (from the command line, the demo or a test).</summary>
internal sealed record DaemonOptions
{
    public required IConfigSource Source { get; init; }

    /// <summary>The digest of the config text already read and validated at start (the text itself is not kept).</summary>
    public required ConfigDigest InitialDigest { get; init; }

    /// <summary>The config read and validated at start, taken once by the supervisor.</summary>
    public required InitialConfig InitialConfig { get; init; }

    /// <summary>Address to listen on. Default all interfaces (Cloud Run requires it); tests use 127.0.0.1.</summary>
    public string Address { get; init; } = "0.0.0.0";

    /// <summary>Port; 0 picks a free one. Default $PORT or 8080.</summary>
    public int Port { get; init; } = 8080;

    /// <summary>Log each decision and write nothing to Cloud Run.</summary>
    public bool DryRun { get; init; }

    /// <summary><c>json</c> (Cloud Logging, default) or <c>text</c>.</summary>
    public string LogFormat { get; init; } = "json";

    /// <summary>Where log lines go instead of the console, in <see cref="LogFormat"/> (tests read them).</summary>
    public TextWriter? LogOutput { get; init; }

    /// <summary>Lowest level logged. Default Information.</summary>
    public Microsoft.Extensions.Logging.LogLevel LogLevel { get; init; } = Microsoft.Extensions.Logging.LogLevel.Information;

    public TimeProvider Time { get; init; } = TimeProvider.System;

    /// <summary>Uniform numbers in [0, 1) that spread the loops over their interval (<see cref="LoopJitter"/>); default <see cref="System.Random.Shared"/>.</summary>
    public Func<double> Random { get; init; } = System.Random.Shared.NextDouble;

    /// <summary>Where <c>secretTargetRef</c> values are read; default from CREMA_SECRETS_DIR, else /secrets.</summary>
    public SecretsDirectory? SecretsDirectory { get; init; }

    /// <summary>The scalers available to triggers. Default: every built-in scaler.</summary>
    public ScalerRegistry? Scalers { get; init; }

    /// <summary>Google API clients; default built from <see cref="Environment"/> (endpoint overrides, ADC).</summary>
    public GoogleServices? Google { get; init; }

    /// <summary>How long a stop may take from SIGTERM to exit; default 8 s (Cloud Run kills 10 s after SIGTERM).</summary>
    public TimeSpan ShutdownGrace { get; init; } = Daemon.ShutdownGrace.Default;
    /// <summary>How often targets are read again (drift) and how failing targets back off; see <see cref="TargetHealthOptions"/>.</summary>
    public TargetHealthOptions TargetHealth { get; init; } = TargetHealthOptions.Default;

    /// <summary>Whether /metrics has series per trigger (<c>--trigger-metrics</c>); default true.</summary>
    public bool TriggerMetrics { get; init; } = true;

    /// <summary>OTLP metrics export (<c>--otlp-endpoint</c>, OTEL_EXPORTER_OTLP_*); default null: none, /metrics only.</summary>
    public Observability.Otlp.OtlpExportOptions? Otlp { get; init; }

    /// <summary>Environment variables seen by scalers (xFromEnv) and the Google endpoint overrides.</summary>
    public Func<string, string?> Environment { get; init; } = System.Environment.GetEnvironmentVariable;

    /// <summary>The lease that lets only one of several daemons write (its identity resolved); null: this daemon always writes.</summary>
    public LeaseOptions? Lease { get; init; }

    /// <summary>Where the lease is kept; default built from <see cref="Lease"/>'s location.</summary>
    public ILeaseStore? LeaseStore { get; init; }
}
