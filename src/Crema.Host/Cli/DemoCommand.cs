using System.CommandLine;
using Crema.Host.Demo;

namespace Crema.Host.Cli;

/// <summary><c>crema demo</c>: the whole system on loopback with no cloud account.</summary>
internal static class DemoCommand
{
    public static Command Create(TextWriter output, TextWriter error)
    {
        var duration = new Option<int>("--duration", "-d") { Description = "Seconds to run (at least 5).", HelpName = "SECONDS", DefaultValueFactory = _ => 60 };
        var port = PortOption.Checked(new Option<int>("--port", "-p") { Description = "Port of Crema's status page on 127.0.0.1 (0 picks a free one).", HelpName = "PORT", DefaultValueFactory = _ => 8080 });
        var command = new Command("demo", "Scale an emulated worker pool from a synthetic bursty queue, live, with no cloud account.") { duration, port };
        command.SetAction(async (parsed, ct) =>
        {
            using var stop = CancellationTokenSource.CreateLinkedTokenSource(ct);
            var shutdown = EmulatorCommand.WaitForShutdownAsync(stop.Token).ContinueWith(_ => stop.Cancel(), TaskScheduler.Default);
            try
            {
                var seconds = parsed.GetValue(duration);
                if (seconds < 5)
                {
                    error.WriteLine($"--duration {seconds} is too short for a scale-up and back; running the shortest demo, 5 s.");
                    seconds = 5;
                }
                return await new DemoRunner(output, error).RunAsync(seconds, parsed.GetValue(port), stop.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (stop.IsCancellationRequested)
            {
                return 130;
            }
        });
        return command;
    }
}
