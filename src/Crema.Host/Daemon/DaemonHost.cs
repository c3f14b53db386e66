using Crema.Host.Http;
using Crema.Host.Leadership;
using Crema.Host.Observability;
using Crema.Host.Observability.Otlp;
using Crema.Host.Status;
using Crema.Scalers;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Console;

namespace Crema.Host.Daemon;

/// <summary>Composes the daemon: Google clients, scaling supervisor, HTTP surface, metrics and logs.</summary>
internal sealed partial class DaemonHost : IAsyncDisposable
{
    private readonly WebApplication app;
    private bool ranToEnd;

    private DaemonHost(WebApplication app, StatusStore status)
    {
        this.app = app;
        Status = status;
    }

    public StatusStore Status { get; }

    /// <summary>The address the HTTP surface listens on (resolved after start when the port was 0).</summary>
    public Uri BaseAddress => new(app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First());

    public static DaemonHost Create(DaemonOptions options)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseKestrel(k => k.Listen(System.Net.IPAddress.Parse(options.Address), options.Port));
        // Every stop step is bounded by the grace (ShutdownGrace); the host's own timeout is the same, as a backstop.
        builder.Services.Configure<HostOptions>(h => h.ShutdownTimeout = options.ShutdownGrace);
        ConfigureLogging(builder.Logging, options);
        var shutdown = new ShutdownGrace(options.ShutdownGrace, options.Time);
        var status = new StatusStore();
        var metrics = new CremaMetrics(status, options.TriggerMetrics);
        builder.Services.AddSingleton(status);
        builder.Services.AddSingleton(metrics);
        builder.Services.AddSingleton(_ => options.Google ?? GoogleServices.FromEnvironment(options.Environment, options.Time));
        if (options.Otlp is { } otlp)
        {
            // Registered first: it exports from the start, and its last export comes after the loops stopped.
            builder.Services.AddSingleton(services => new OtlpMetricsService(otlp with { ObjectsAtStart = options.InitialConfig.Objects }, metrics, options.Environment, services.GetRequiredService<GoogleServices>().Http,
                services.GetRequiredService<ILoggerFactory>().CreateLogger("Crema.Host.Otlp")));
            builder.Services.AddHostedService(services => services.GetRequiredService<OtlpMetricsService>());
        }
        if (options.Lease is { } lease)
        {
            // Registered before the supervisor: started first (its first look at the lease ends before the loops
            // start) and stopped last (it releases the lease once the loops have stopped writing).
            builder.Services.AddSingleton(services => LeaseElectors.Create(lease, options, services.GetRequiredService<GoogleServices>(),
                services.GetRequiredService<ILoggerFactory>(), status, metrics));
            builder.Services.AddHostedService(services => services.GetRequiredService<LeaseElector>());
        }
        builder.Services.AddHostedService(services =>
        {
            var logging = services.GetRequiredService<ILoggerFactory>();
            var google = services.GetRequiredService<GoogleServices>();
            google.ObserveCloudRunCalls(metrics.CloudRunCall);
            var loopServices = new LoopServices(options.Scalers ?? BuiltInScalers.CreateRegistry(), google.ScalerServices, google.CloudRun,
                new AuthParamResolver(google.SecretManager, options.Environment, options.Time,
                    options.SecretsDirectory ?? SecretsDirectory.From(null, options.Environment), google.Project.ResolveAsync), new ConcurrencyLimits(),
                status, metrics, options.Time, logging, options.Environment, options.DryRun, new LoopJitter(options.Random))
            {
                Shutdown = shutdown,
                TargetHealth = options.TargetHealth,
                WriteGate = (IWriteGate?)services.GetService<LeaseElector>() ?? OpenWriteGate.Instance,
            };
            return new ScalingSupervisor(loopServices, options.Source, options.InitialDigest, options.InitialConfig);
        });
        var app = builder.Build();
        StatusEndpoints.Map(app, status, metrics, options.Time);
        var log = app.Services.GetRequiredService<ILoggerFactory>().CreateLogger("Crema.Host");
        app.Lifetime.ApplicationStarted.Register(() => LogServing(log, string.Join(", ", app.Urls), options.DryRun));
        app.Lifetime.ApplicationStopping.Register(() =>
        {
            shutdown.Begin();
            LogStopping(log, options.ShutdownGrace.TotalSeconds);
        });
        return new DaemonHost(app, status);
    }

    public Task StartAsync(CancellationToken ct) => app.StartAsync(ct);

    /// <summary>Runs until SIGTERM/SIGINT (or <paramref name="ct"/>); the host stops and disposes itself at the end.</summary>
    public async Task RunAsync(CancellationToken ct)
    {
        ranToEnd = true;
        await app.RunAsync(ct).ConfigureAwait(false);
    }

    public async ValueTask DisposeAsync()
    {
        if (ranToEnd)
        {
            return;
        }
        await app.StopAsync().ConfigureAwait(false);
        await app.DisposeAsync().ConfigureAwait(false);
    }

    private static void ConfigureLogging(ILoggingBuilder logging, DaemonOptions options)
    {
        logging.ClearProviders();
        logging.SetMinimumLevel(options.LogLevel);
        logging.AddFilter("Microsoft", LogLevel.Warning);
        // A failed start (port in use) is reported by the command in one line, without this stack trace.
        logging.AddFilter("Microsoft.Extensions.Hosting.Internal.Host", LogLevel.None);
        var formatterName = options.LogFormat == "text" ? CremaTextFormatter.FormatterName : CloudLoggingFormatter.FormatterName;
        logging.AddConsole(o => o.FormatterName = formatterName)
            .AddConsoleFormatter<CloudLoggingFormatter, ConsoleFormatterOptions>()
            .AddConsoleFormatter<CremaTextFormatter, ConsoleFormatterOptions>();
        if (options.LogOutput is { } output)
        {
            // Same formatter, another writer: the console provider goes, its formatters stay.
            logging.Services.RemoveAll<ILoggerProvider>();
            logging.Services.AddSingleton<ILoggerProvider>(services =>
                new TextWriterLoggerProvider(output, services.GetServices<ConsoleFormatter>().First(f => f.Name == formatterName)));
        }
    }
}
