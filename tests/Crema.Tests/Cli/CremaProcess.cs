using System.Diagnostics;
using System.Globalization;
using System.Text;

namespace Crema.Tests.Cli;

/// <summary>`crema` as a real child process (dotnet crema.dll ...), its stdout and stderr captured together.</summary>
internal sealed class CremaProcess : IDisposable
{
    private readonly Process process;
    private readonly StringBuilder output = new();

    private CremaProcess(Process process)
    {
        this.process = process;
    }

    public string Output
    {
        get
        {
            lock (output)
            {
                return output.ToString();
            }
        }
    }

    public int ExitCode => process.ExitCode;

    public int Id => process.Id;

    public static CremaProcess Start(IReadOnlyDictionary<string, string> environment, params string[] arguments)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "crema.dll"));
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }
        foreach (var (name, value) in environment)
        {
            start.Environment[name] = value;
        }
        var crema = new CremaProcess(Process.Start(start)!);
        crema.process.OutputDataReceived += (_, e) => crema.Append(e.Data);
        crema.process.ErrorDataReceived += (_, e) => crema.Append(e.Data);
        crema.process.BeginOutputReadLine();
        crema.process.BeginErrorReadLine();
        return crema;
    }

    /// <summary>Sends SIGTERM (how Cloud Run and Kubernetes stop a container).</summary>
    public void Terminate() => Process.Start("kill", ["-TERM", process.Id.ToString(CultureInfo.InvariantCulture)])!.WaitForExit();

    /// <summary>Sends SIGKILL: the process ends at once, mid-update if it was in one (a crash, an OOM kill, a grace period that ran out).</summary>
    public void KillNow()
    {
        process.Kill();
        process.WaitForExit();
    }

    public Task WaitForExitAsync(TimeSpan patience) => process.WaitForExitAsync().WaitAsync(patience);

    public void Dispose()
    {
        if (!process.HasExited)
        {
            process.Kill();
        }
        process.Dispose();
    }

    private void Append(string? line)
    {
        lock (output)
        {
            output.AppendLine(line);
        }
    }
}
