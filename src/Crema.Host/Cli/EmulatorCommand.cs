using System.CommandLine;
using Crema.Host.Emulator;

namespace Crema.Host.Cli;

/// <summary><c>crema emulator</c>: serves the Cloud Run Admin API subset in memory, for trying configs locally.</summary>
internal static class EmulatorCommand
{
    public static Command Create(TextWriter output, TextWriter error)
    {
        var port = new Option<int>("--port", "-p") { Description = "Port on 127.0.0.1 (0 picks a free one).", DefaultValueFactory = _ => 8090 };
        var pools = new Option<string[]>("--worker-pool") { Description = "A worker pool NAME=COUNT (repeatable); NAME may be short or a full resource name.", AllowMultipleArgumentsPerToken = true };
        var services = new Option<string[]>("--service") { Description = "A service NAME=COUNT (repeatable).", AllowMultipleArgumentsPerToken = true };
        var delay = new Option<double>("--operation-delay") { Description = "Seconds before an update's operation completes.", DefaultValueFactory = _ => 2 };
        var command = new Command("emulator", "Serve an in-memory Cloud Run Admin API (worker pools and services) on 127.0.0.1.") { port, pools, services, delay };
        command.SetAction(async (parsed, ct) =>
        {
            Dictionary<string, int> targets;
            try
            {
                targets = (parsed.GetValue(pools) ?? []).Select(EmulatorTargetSpec.ParseWorkerPool)
                    .Concat((parsed.GetValue(services) ?? []).Select(EmulatorTargetSpec.ParseService))
                    .ToDictionary(StringComparer.Ordinal);
            }
            catch (Exception e) when (e is FormatException or ArgumentException)
            {
                error.WriteLine(e.Message);
                return 1;
            }
            var options = new CloudRunEmulatorOptions
            {
                Port = parsed.GetValue(port),
                Targets = targets,
                OperationDelay = TimeSpan.FromSeconds(Math.Max(0, parsed.GetValue(delay))),
            };
            await using var emulator = await CloudRunEmulator.StartAsync(options, ct).ConfigureAwait(false);
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
