using System.CommandLine;
using Crema.Host.Emulator;

namespace Crema.Host.Cli;

/// <summary><c>crema emulator</c>: serves the Cloud Run Admin API subset in memory, for trying configs locally.</summary>
internal static class EmulatorCommand
{
    public static Command Create(TextWriter output, TextWriter error)
    {
        var port = PortOption.Checked(new Option<int>("--port", "-p") { Description = "Port on 127.0.0.1 (0 picks a free one).", HelpName = "PORT", DefaultValueFactory = _ => 8090 });
        var pools = new Option<string[]>("--worker-pool") { Description = "A worker pool and its instance count (repeatable); NAME is an ID (project demo, us-central1) or a full resource name.", HelpName = "NAME=COUNT", AllowMultipleArgumentsPerToken = true };
        var services = new Option<string[]>("--service") { Description = "A service and its instance count (repeatable), named as --worker-pool.", HelpName = "NAME=COUNT", AllowMultipleArgumentsPerToken = true };
        var delay = new Option<double>("--operation-delay") { Description = "Seconds before an update's long-running operation completes.", HelpName = "SECONDS", DefaultValueFactory = _ => 2 };
        var command = new Command("emulator", "Serve an in-memory Cloud Run Admin API (worker pools and services) on 127.0.0.1.") { port, pools, services, delay };
        command.SetAction(async (parsed, ct) =>
        {
            var specs = (parsed.GetValue(pools) ?? []).Select(p => (p, (Func<string, KeyValuePair<string, int>>)EmulatorTargetSpec.ParseWorkerPool))
                .Concat((parsed.GetValue(services) ?? []).Select(s => (s, (Func<string, KeyValuePair<string, int>>)EmulatorTargetSpec.ParseService)));
            var targets = new Dictionary<string, int>(StringComparer.Ordinal);
            foreach (var (spec, parse) in specs)
            {
                KeyValuePair<string, int> target;
                try
                {
                    target = parse(spec);
                }
                catch (FormatException e)
                {
                    error.WriteLine(e.Message);
                    return 1;
                }
                if (!targets.TryAdd(target.Key, target.Value))
                {
                    error.WriteLine($"\"{target.Key}\" is given twice.");
                    return 1;
                }
            }
            var options = new CloudRunEmulatorOptions
            {
                Port = parsed.GetValue(port),
                Targets = targets,
                OperationDelay = TimeSpan.FromSeconds(Math.Max(0, parsed.GetValue(delay))),
            };
            CloudRunEmulator emulator;
            try
            {
                emulator = await CloudRunEmulator.StartAsync(options, ct).ConfigureAwait(false);
            }
            catch (IOException e)
            {
                error.WriteLine($"cannot serve the emulator on 127.0.0.1:{options.Port}: {e.Message} Pass --port 0 to pick a free port.");
                return 2;
            }
            await using var running = emulator;
            output.WriteLine($"Cloud Run emulator on {emulator.BaseAddress} (set CREMA_RUN_ENDPOINT={emulator.BaseAddress})");
            foreach (var (name, count) in targets)
            {
                output.WriteLine($"  {name} = {count}");
            }
            output.WriteLine("History: GET /emulator/history. Faults: POST /emulator/faults. Ctrl+C to stop.");
            await WaitForShutdownAsync(ct).ConfigureAwait(false);
            return 0;
        });
        return command;
    }

    /// <summary>Waits for Ctrl+C or SIGTERM (the command line does not cancel for us: the daemon drains on its own).</summary>
    internal static async Task WaitForShutdownAsync(CancellationToken ct)
    {
        var stop = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        using var sigint = System.Runtime.InteropServices.PosixSignalRegistration.Create(System.Runtime.InteropServices.PosixSignal.SIGINT, c => { c.Cancel = true; stop.TrySetResult(); });
        using var sigterm = System.Runtime.InteropServices.PosixSignalRegistration.Create(System.Runtime.InteropServices.PosixSignal.SIGTERM, c => { c.Cancel = true; stop.TrySetResult(); });
        using var registration = ct.Register(() => stop.TrySetResult());
        await stop.Task.ConfigureAwait(false);
    }
}
