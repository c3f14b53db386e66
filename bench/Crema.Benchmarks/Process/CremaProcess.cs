using System.Diagnostics;
using System.Globalization;

namespace Crema.Benchmarks.Process;

/// <summary>
/// A real <c>crema run</c> child process (the crema.dll built beside this program), with its CPU time and
/// memory read from /proc, so the figures are the daemon's own and not the benchmark's.
/// </summary>
internal sealed class CremaProcess : IAsyncDisposable
{
    private readonly System.Diagnostics.Process process;

    private CremaProcess(System.Diagnostics.Process process, long startedAt)
    {
        this.process = process;
        StartedAt = startedAt;
    }

    /// <summary>Stopwatch timestamp taken right before the process was started.</summary>
    public long StartedAt { get; }

    public int Id => process.Id;

    public static CremaProcess Start(string configPath, int port, IReadOnlyDictionary<string, string> environment)
    {
        var dll = Path.Combine(AppContext.BaseDirectory, "crema.dll");
        var info = new ProcessStartInfo("dotnet")
        {
            ArgumentList = { dll, "run", "--config", configPath, "--port", port.ToString(CultureInfo.InvariantCulture), "--address", "127.0.0.1",
                "--log-format", "text", "--log-level", "warning" },
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var (name, value) in environment)
        {
            info.Environment[name] = value;
        }
        var startedAt = Stopwatch.GetTimestamp();
        var process = System.Diagnostics.Process.Start(info) ?? throw new InvalidOperationException("dotnet did not start");
        // Drained so a chatty daemon never blocks on a full pipe; warnings are not part of the figures.
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return new CremaProcess(process, startedAt);
    }

    /// <summary>User plus system CPU seconds the process has used (/proc/PID/stat utime + stime).</summary>
    public double CpuSeconds()
    {
        var stat = File.ReadAllText($"/proc/{Id}/stat");
        var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
        // After "pid (comm) ", field 3 (state) is index 0, so utime (14) and stime (15) are 11 and 12.
        var ticks = long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture);
        return ticks / 100.0; // USER_HZ is 100 on Linux
    }

    /// <summary>Resident set size now and its peak (VmRSS, VmHWM), in bytes.</summary>
    public (long Rss, long Peak) Memory()
    {
        long rss = 0, peak = 0;
        foreach (var line in File.ReadLines($"/proc/{Id}/status"))
        {
            if (line.StartsWith("VmRSS:", StringComparison.Ordinal))
            {
                rss = Kilobytes(line);
            }
            else if (line.StartsWith("VmHWM:", StringComparison.Ordinal))
            {
                peak = Kilobytes(line);
            }
        }
        return (rss, peak);
    }

    private static long Kilobytes(string line) =>
        long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture) * 1024;

    public async ValueTask DisposeAsync()
    {
        if (!process.HasExited)
        {
            // SIGTERM, as Cloud Run stops an instance; killed if it has not exited within the grace.
            using (var kill = System.Diagnostics.Process.Start("kill", ["-TERM", Id.ToString(CultureInfo.InvariantCulture)]))
            {
                await kill.WaitForExitAsync().ConfigureAwait(false);
            }
            using var grace = new CancellationTokenSource(TimeSpan.FromSeconds(15));
            try
            {
                await process.WaitForExitAsync(grace.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                process.Kill(entireProcessTree: true);
            }
        }
        process.Dispose();
    }
}
