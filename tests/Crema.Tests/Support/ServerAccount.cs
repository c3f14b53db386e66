using System.Diagnostics;

namespace Crema.Tests.Support;

/// <summary>
/// Database servers refuse to run as root (PostgreSQL always, MariaDB unless told to). Tests run as root in CI and
/// as an ordinary user elsewhere: as root, a server and its tools run as the Debian package's own system account
/// (postgres, mysql) through setpriv, and own their temporary directory; otherwise they run as the test's user.
/// </summary>
internal static class ServerAccount
{
    /// <summary>True when the tests run as root, so servers need another account.</summary>
    public static bool IsRoot => Environment.IsPrivilegedProcess;

    /// <summary>A start for <paramref name="executable"/> as <paramref name="account"/> (when root), output redirected.</summary>
    public static ProcessStartInfo StartInfo(string account, string executable, IEnumerable<string> arguments)
    {
        var start = new ProcessStartInfo(IsRoot ? "/usr/bin/setpriv" : executable)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        if (IsRoot)
        {
            // setpriv execs the server itself (no process left in between), so killing the process kills the server.
            foreach (var argument in new[] { $"--reuid={account}", $"--regid={account}", "--init-groups", "--", executable })
            {
                start.ArgumentList.Add(argument);
            }
        }
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }
        return start;
    }

    /// <summary>Runs a tool (initdb, pg_ctl, mariadb-install-db) as <paramref name="account"/> to its end; throws with its output when it fails.</summary>
    public static async Task RunAsync(string account, string executable, IEnumerable<string> arguments, string workingDirectory)
    {
        var start = StartInfo(account, executable, arguments);
        start.WorkingDirectory = workingDirectory;
        var (code, output, errors) = await ToolRun.RunAsync(start.FileName, start.ArgumentList, workingDirectory, timeout: TimeSpan.FromMinutes(2));
        if (code != 0)
        {
            throw new InvalidOperationException($"{Path.GetFileName(executable)} exited with {code}:\n{output}\n{errors}");
        }
    }

    /// <summary>Makes <paramref name="directory"/> (and what is in it) belong to <paramref name="account"/> when root.</summary>
    public static async Task GiveAsync(string account, string directory)
    {
        if (!IsRoot)
        {
            return;
        }
        var (code, _, errors) = await ToolRun.RunAsync("/bin/chown", ["-R", $"{account}:{account}", directory]);
        if (code != 0)
        {
            throw new InvalidOperationException($"chown {account} {directory} failed: {errors}");
        }
    }
}
