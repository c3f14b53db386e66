using Crema.Host.Cli;

namespace Crema.Tests.Cli;

/// <summary>One invocation of the <c>crema</c> command line, captured; the environment is empty unless given.</summary>
internal sealed record CliRun(int ExitCode, string Output, string Error)
{
    public string[] ErrorLines => Error.ReplaceLineEndings("\n").Split('\n', StringSplitOptions.RemoveEmptyEntries);

    public string[] OutputLines => Output.ReplaceLineEndings("\n").Split('\n', StringSplitOptions.RemoveEmptyEntries);

    public static Task<CliRun> RunAsync(params string[] args) => RunAsync(new Dictionary<string, string>(), args);

    public static async Task<CliRun> RunAsync(IReadOnlyDictionary<string, string> environment, params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var exitCode = await CremaCli.RunAsync(args, output, error, name => environment.GetValueOrDefault(name));
        return new CliRun(exitCode, output.ToString(), error.ToString());
    }
}
