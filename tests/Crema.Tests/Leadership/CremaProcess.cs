using System.Diagnostics;
using System.Text;

namespace Crema.Tests.Leadership;

/// <summary>One `crema run` as a real process (the test project's own build of crema.dll), its output kept.</summary>
internal sealed class CremaProcess : IDisposable
{
    private readonly Process process;
    private readonly StringBuilder output = new();

    private CremaProcess(Process process, string name)
    {
        this.process = process;
        Name = name;
    }

    public string Name { get; }

    public bool HasExited => process.HasExited;

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

    public static CremaProcess Start(string name, IEnumerable<string> arguments, IReadOnlyDictionary<string, string> environment)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "crema.dll"));
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }
        foreach (var (key, value) in environment)
        {
            start.Environment[key] = value;
        }
        var crema = new CremaProcess(Process.Start(start)!, name);
        crema.process.OutputDataReceived += (_, e) => crema.Append(e.Data);
        crema.process.ErrorDataReceived += (_, e) => crema.Append(e.Data);
        crema.process.BeginOutputReadLine();
        crema.process.BeginErrorReadLine();
        return crema;
    }

    /// <summary>SIGKILL: no shutdown, no release of the lease, as when a host dies.</summary>
    public void KillHard()
    {
        if (!process.HasExited)
        {
            process.Kill(entireProcessTree: true);
            process.WaitForExit(10_000);
        }
    }

    public void Dispose()
    {
        KillHard();
        process.Dispose();
    }

    private void Append(string? line)
    {
        if (line is null)
        {
            return;
        }
        lock (output)
        {
            output.AppendLine(line);
        }
    }
}
