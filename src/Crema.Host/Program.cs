using Crema.Host.Cli;

namespace Crema.Host;

internal static class Program
{
    public static Task<int> Main(string[] args) => CremaCli.RunAsync(args, Console.Out, Console.Error);
}
