using System.CommandLine;
using System.Globalization;
using Crema.Core.Configuration;
using Crema.Host.ConfigSources;
using Crema.Host.Daemon;
using Crema.Host.Leadership;

namespace Crema.Host.Cli;

/// <summary>
/// <c>crema run</c>: the daemon. Config from <c>--config FILE</c> (watched), else <c>CREMA_CONFIG_YAML</c>
/// (the YAML itself), else <c>CREMA_CONFIG</c> (a Parameter Manager version, polled). An invalid config
/// at start exits 1 with every error; no config at all exits 2.
/// </summary>
internal static class RunCommand
{
    public static Command Create(TextWriter output, TextWriter error, Func<string, string?> environment)
    {
        var config = new Option<string?>("--config", "-c") { Description = "CremaConfig YAML file (watched for changes). Without it: $CREMA_CONFIG_YAML, then $CREMA_CONFIG.", HelpName = "FILE" };
        var port = PortOption.Checked(new Option<int?>("--port", "-p") { Description = "HTTP port for /healthz, /readyz, /metrics, /status and / (default: $PORT, else 8080).", HelpName = "PORT" });
        var address = new Option<string>("--address") { Description = "Address to listen on.", HelpName = "IP", DefaultValueFactory = _ => "0.0.0.0" };
        var dryRun = new Option<bool>("--dry-run") { Description = "Decide and log every decision, but never change Cloud Run." };
        var logFormat = new Option<string>("--log-format") { Description = "Log lines as json (Cloud Logging) or text (terminals).", DefaultValueFactory = _ => "json" };
        logFormat.AcceptOnlyFromAmong("json", "text");
        var logLevel = new Option<string?>("--log-level")
        {
            Description = $"Lowest level logged: {string.Join(", ", LogLevels.Names)}. debug adds every poll's decision. Default: ${LogLevels.Variable}, else info.",
            HelpName = "LEVEL",
        };
        logLevel.AcceptOnlyFromAmong([.. LogLevels.Names]);
        var secretsDir = new Option<string?>("--secrets-dir")
        {
            Description = $"Directory secretTargetRef values are read from, as DIR/NAME/KEY (a mounted Secret). Default: ${SecretsDirectory.Variable}, else {SecretsDirectory.DefaultPath}.",
            HelpName = "DIR",
        };
        var shutdownGrace = new Option<string?>("--shutdown-grace")
        {
            Description = $"Seconds from SIGTERM to exit; an update in flight is given up in time (Cloud Run kills 10 s after SIGTERM). Default: ${ShutdownGraceOption.Variable}, else {ShutdownGrace.Default.TotalSeconds:0}.",
            HelpName = "SECONDS",
        };
        var lease = new Option<string?>("--lease")
        {
            Description = $"Let only one of several daemons write: the lease holder writes, the others stand by. {LeaseLocation.Forms}. Default: ${LeaseArguments.LeaseVariable}; none: this daemon always writes.",
            HelpName = "URI",
        };
        var leaseDuration = new Option<int?>("--lease-duration")
        {
            Description = $"Seconds a lease not renewed stays held ({LeaseOptions.MinDurationSeconds} to {LeaseOptions.MaxDurationSeconds}); a standby takes over about that long after the holder stops. Default: ${LeaseArguments.DurationVariable}, else {LeaseOptions.DefaultDurationSeconds}.",
            HelpName = "SECONDS",
        };
        var leaseIdentity = new Option<string?>("--lease-identity")
        {
            Description = $"This daemon's name in the lease. Default: ${LeaseArguments.IdentityVariable}, else the pod name, the Cloud Run revision and instance id, or host-pid-random.",
            HelpName = "ID",
        };
        var readInterval = new Option<string?>("--target-read-interval")
        {
            Description = $"Seconds between reads of each target's instance count that notice changes made by someone else (never more often than the polling interval; 0: every poll). Default: ${TargetReadInterval.Variable}, else {TargetHealthOptions.DefaultReadInterval.TotalSeconds:0}.",
            HelpName = "SECONDS",
        };
        var triggerMetrics = new Option<string?>("--trigger-metrics")
        {
            Description = $"on: /metrics has series per trigger; off: only per object (for many objects; trigger errors are then counted per object and type). Default: ${TriggerMetricsOption.Variable}, else on.",
            HelpName = "on|off",
        };
        triggerMetrics.AcceptOnlyFromAmong([.. TriggerMetricsOption.Names]);
        var otlpEndpoint = new Option<string?>("--otlp-endpoint")
        {
            Description = $"Also push the metrics over OTLP to this collector, for example http://localhost:4318 (http/protobuf appends v1/metrics). Default: ${OtlpArguments.MetricsEndpointVariable}, then ${OtlpArguments.EndpointVariable}; none: no export. Headers: $OTEL_EXPORTER_OTLP_HEADERS; interval: ${OtlpArguments.IntervalVariable} (ms, default 60000).",
            HelpName = "URL",
        };
        var otlpProtocol = new Option<string?>("--otlp-protocol")
        {
            Description = "http/protobuf or grpc. Default: $OTEL_EXPORTER_OTLP_PROTOCOL, else http/protobuf.",
            HelpName = "PROTOCOL",
        };
        otlpProtocol.AcceptOnlyFromAmong([.. OtlpArguments.ProtocolNames]);
        var command = new Command("run", "Run the autoscaler: poll every scaled object's triggers and set its instance count on Cloud Run.") { config, port, address, dryRun, logFormat, logLevel, secretsDir, readInterval, triggerMetrics, otlpEndpoint, otlpProtocol, lease, leaseDuration, leaseIdentity, shutdownGrace };
        command.SetAction(async (parsed, ct) =>
        {
            if (!LogLevels.TryResolve(parsed.GetValue(logLevel), environment, out var level, out var levelError))
            {
                error.WriteLine(levelError);
                return 1;
            }
            if (!ShutdownGraceOption.TryResolve(parsed.GetValue(shutdownGrace), environment, out var grace, out var graceError))
            {
                error.WriteLine(graceError);
                return 1;
            }
            if (!TargetReadInterval.TryResolve(parsed.GetValue(readInterval), environment, out var targetReadInterval, out var intervalError))
            {
                error.WriteLine(intervalError);
                return 1;
            }
            if (!TriggerMetricsOption.TryResolve(parsed.GetValue(triggerMetrics), environment, out var perTrigger, out var triggerMetricsError))
            {
                error.WriteLine(triggerMetricsError);
                return 1;
            }
            if (!OtlpArguments.TryResolve(parsed.GetValue(otlpEndpoint), parsed.GetValue(otlpProtocol), environment, out var otlp, out var otlpError))
            {
                error.WriteLine(otlpError);
                return 1;
            }
            var google = GoogleServices.FromEnvironment(environment, TimeProvider.System);
            var source = SelectSource(parsed.GetValue(config), google, environment, error);
            if (source is null)
            {
                return ConfigFileReader.Unreadable;
            }
            var (digest, loaded, exitCode) = await LoadInitialAsync(source, environment, error, ct).ConfigureAwait(false);
            if (exitCode != 0)
            {
                return exitCode;
            }
            var leaseArguments = new LeaseArguments(parsed.GetValue(lease), parsed.GetValue(leaseDuration), parsed.GetValue(leaseIdentity), parsed.GetValue(dryRun));
            var (leaseOptions, leaseStore, leaseExit) = await leaseArguments.ResolveAsync(google, environment, error, ct).ConfigureAwait(false);
            if (leaseExit != 0)
            {
                return leaseExit;
            }
            var options = new DaemonOptions
            {
                Source = source,
                InitialDigest = digest!,
                InitialConfig = new InitialConfig(loaded!),
                Address = parsed.GetValue(address)!,
                Port = parsed.GetValue(port) ?? DefaultPort(environment),
                DryRun = parsed.GetValue(dryRun),
                LogFormat = parsed.GetValue(logFormat)!,
                LogLevel = level,
                Google = google,
                Environment = environment,
                SecretsDirectory = SecretsDirectory.From(parsed.GetValue(secretsDir), environment),
                ShutdownGrace = grace,
                Lease = leaseOptions,
                LeaseStore = leaseStore,
                TargetHealth = TargetHealthOptions.Default with { ReadInterval = targetReadInterval },
                TriggerMetrics = perTrigger,
                Otlp = otlp,
            };
            await using var host = DaemonHost.Create(options);
            try
            {
                await host.RunAsync(ct).ConfigureAwait(false);
            }
            catch (IOException e)
            {
                // Kestrel cannot bind (port in use, address not local): say so instead of a stack trace.
                error.WriteLine($"cannot listen on {options.Address}:{options.Port}: {e.Message}");
                return 1;
            }
            return 0;
        });
        return command;
    }

    internal static IConfigSource? SelectSource(string? path, GoogleServices google, Func<string, string?> environment, TextWriter error)
    {
        if (!string.IsNullOrEmpty(path))
        {
            return new FileConfigSource(path);
        }
        if (environment("CREMA_CONFIG_YAML") is { Length: > 0 } yaml)
        {
            return new InlineConfigSource("CREMA_CONFIG_YAML", yaml);
        }
        if (environment("CREMA_CONFIG") is { Length: > 0 } version)
        {
            return new ParameterManagerConfigSource(google.ParameterManager, version);
        }
        error.WriteLine("no config: give --config FILE, or set CREMA_CONFIG_YAML (the YAML) or CREMA_CONFIG (a Parameter Manager version name)");
        return null;
    }

    internal static async Task<(ConfigDigest? Digest, CremaConfig? Config, int ExitCode)> LoadInitialAsync(IConfigSource source, Func<string, string?> environment, TextWriter error, CancellationToken ct)
    {
        ConfigText text;
        try
        {
            text = await source.ReadAsync(ct).ConfigureAwait(false);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            error.WriteLine($"{source.Description}: cannot read the config: {ErrorText.Of(e)}");
            return (null, null, ConfigFileReader.Unreadable);
        }
        var result = ConfigLoader.Load(text.Text, source.Description, ConfigFileReader.Scalers, environment);
        foreach (var diagnostic in result.Errors)
        {
            error.WriteLine(diagnostic.ToString());
        }
        if (!result.IsValid)
        {
            error.WriteLine($"{source.Description}: {result.Errors.Count} error(s)");
        }
        return result.IsValid ? (text.Digest, result.Config, 0) : (null, null, ConfigFileReader.Invalid);
    }

    private static int DefaultPort(Func<string, string?> environment) =>
        int.TryParse(environment("PORT"), NumberStyles.None, CultureInfo.InvariantCulture, out var p) ? p : 8080;
}
