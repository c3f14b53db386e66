using System.Globalization;
using Crema.Core.Configuration;
using Crema.Host.ConfigSources;
using Crema.Host.Daemon;
using Crema.Host.Emulator;
using Crema.Scalers;

namespace Crema.Host.Demo;

/// <summary>
/// Runs the demo: the Cloud Run emulator, the bursty queue and Crema itself, all on 127.0.0.1, with a
/// live line per second and a summary at the end. Wall-clock driven on purpose: it is a show, not a test.
/// </summary>
internal sealed class DemoRunner(TextWriter output, TextWriter error)
{
    private const int BarWidth = 40;

    public async Task<int> RunAsync(int durationSeconds, int port, CancellationToken ct)
    {
        await using var emulator = await CloudRunEmulator.StartAsync(new CloudRunEmulatorOptions
        {
            Targets = new Dictionary<string, int> { [DemoConfig.Pool] = 0 },
            OperationDelay = TimeSpan.FromMilliseconds(300),
        }, ct).ConfigureAwait(false);
        await using var queue = await DemoWorkQueue.StartAsync(ct).ConfigureAwait(false);
        var yaml = DemoConfig.Yaml(queue.BaseAddress);
        var loaded = ConfigLoader.Load(yaml, "demo", BuiltInScalers.CreateRegistry());
        if (!loaded.IsValid)
        {
            foreach (var e in loaded.Errors)
            {
                error.WriteLine(e);
            }
            return 1;
        }
        string? Environment(string name) => name == "CREMA_RUN_ENDPOINT" ? emulator.BaseAddress.AbsoluteUri : System.Environment.GetEnvironmentVariable(name);
        var google = GoogleServices.FromEnvironment(Environment, TimeProvider.System);
        await using var daemon = DaemonHost.Create(new DaemonOptions
        {
            Source = new InlineConfigSource("demo", yaml),
            InitialDigest = ConfigDigest.Of(yaml),
            InitialConfig = new InitialConfig(loaded.Config!),
            Address = "127.0.0.1",
            Port = port,
            LogFormat = "text",
            LogLevel = Microsoft.Extensions.Logging.LogLevel.Warning,
            Environment = Environment,
            Google = google,
        });
        try
        {
            await daemon.StartAsync(ct).ConfigureAwait(false);
        }
        catch (IOException e)
        {
            error.WriteLine($"cannot serve the status page on 127.0.0.1:{port}: {e.Message} Pass --port 0 to pick a free port.");
            return 2;
        }
        output.WriteLine($"Crema demo: emulator {emulator.BaseAddress}, queue {queue.BaseAddress}, status page {daemon.BaseAddress}");
        output.WriteLine($"Each instance finishes {DemoQueueRate} messages/s; Crema targets 20 messages of backlog per instance.");
        var stats = new DemoStats();
        try
        {
            for (var second = 0; second < durationSeconds; second++)
            {
                var instances = (await google.CloudRun.GetAsync(DemoConfig.Pool, ct).ConfigureAwait(false)).InstanceCount;
                queue.Tick(ArrivalPattern.At(second, durationSeconds), instances);
                var desired = daemon.Status.Objects.FirstOrDefault()?.Desired ?? 0;
                stats.Add(queue.Backlog, instances);
                output.WriteLine(Line(second, queue.Backlog, instances, desired));
                await Task.Delay(TimeSpan.FromSeconds(1), ct).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            output.WriteLine("Interrupted.");
            output.WriteLine(stats.Summary(queue.Processed));
            return 130;
        }
        output.WriteLine(stats.Summary(queue.Processed));
        return 0;
    }

    private static string DemoQueueRate => DemoWorkQueue.MessagesPerInstancePerSecond.ToString(CultureInfo.InvariantCulture);

    private static string Line(int second, double backlog, int instances, int desired)
    {
        var bar = new string('#', (int)Math.Min(BarWidth, Math.Ceiling(backlog / 10)));
        return string.Create(CultureInfo.InvariantCulture,
            $"{second,4}s  backlog {backlog,5:0} {bar,-BarWidth}  instances {instances,2} {new string('|', instances),-10} desired {desired,2}");
    }
}
