using System.CommandLine;

namespace Crema.Host.Cli;

/// <summary>The <c>crema</c> command line: run, demo, emulator, validate, simulate, schema, scalers, import-keda.</summary>
internal static class CremaCli
{
    public static Task<int> RunAsync(string[] args, TextWriter output, TextWriter error) =>
        RunAsync(args, output, error, Environment.GetEnvironmentVariable);

    /// <summary>As <see cref="RunAsync(string[], TextWriter, TextWriter)"/>, reading environment variables through <paramref name="environment"/> (tests).</summary>
    internal static Task<int> RunAsync(string[] args, TextWriter output, TextWriter error, Func<string, string?> environment)
    {
        var root = new RootCommand("Crema: KEDA-compatible autoscaler for Google Cloud Run worker pools and services.")
        {
            RunCommand.Create(output, error, environment),
            DemoCommand.Create(output, error),
            EmulatorCommand.Create(output, error),
            ValidateCommand.Create(output, error),
            ExplainCommand.Create(output, error),
            SimulateCommand.Create(output, error),
            SchemaCommand.Create(output),
            ScalersCommand.Create(output),
            ImportKedaCommand.Create(output, error),
        };
        var parsed = root.Parse(args);
        return parsed.InvokeAsync(new InvocationConfiguration
        {
            Output = output,
            Error = error,
            // The host handles SIGTERM itself and drains in-flight Cloud Run updates (up to 30 s).
            ProcessTerminationTimeout = null,
        });
    }
}
