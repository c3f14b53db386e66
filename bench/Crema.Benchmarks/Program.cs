using Crema.Benchmarks;
using Crema.Benchmarks.Process;

// dotnet run -c Release --project bench/Crema.Benchmarks -- [engine|config|simulate|metrics|github|all]
// With no argument: every timing benchmark (engine, config, simulate, metrics); "github" counts API requests.
// Whole-process benchmarks (a real `crema run` against loopback sources and the emulator, see docs/benchmarks.md):
// scale [N...], reaction, isolation, start, throttle.
var which = args.Length > 0 ? args[0].ToUpperInvariant() : "ALL";
string[] known = ["ENGINE", "CONFIG", "SIMULATE", "METRICS", "GITHUB", "ALL", .. ProcessBenchmarks.Names];
if (!known.Contains(which))
{
    await Console.Error.WriteLineAsync(
        $"unknown benchmark \"{args[0]}\"; use one of: engine, config, simulate, metrics, github, all, {string.Join(", ", ProcessBenchmarks.Names).ToLowerInvariant()}").ConfigureAwait(false);
    return 2;
}
if (ProcessBenchmarks.Names.Contains(which))
{
    return await ProcessBenchmarks.RunAsync(which, args[1..], Console.Out).ConfigureAwait(false);
}
if (which == "GITHUB")
{
    // Prints GitHub API requests per poll of the github-runner scaler, with and without ETags.
    await GitHubRunnerRequestsBenchmark.RunAsync(Console.Out).ConfigureAwait(false);
    return 0;
}
Console.WriteLine($".NET {Environment.Version}, {Environment.ProcessorCount} logical cores, {(System.Runtime.GCSettings.IsServerGC ? "server" : "workstation")} GC");
Measurement.WriteHeader(Console.Out);
if (which is "ENGINE" or "ALL")
{
    EngineBenchmark.Run(Console.Out);
}
if (which is "CONFIG" or "ALL")
{
    ConfigBenchmark.Run(Console.Out);
}
if (which is "SIMULATE" or "ALL")
{
    SimulateBenchmark.Run(Console.Out);
}
if (which is "METRICS" or "ALL")
{
    MetricsBenchmark.Run(Console.Out);
}
return 0;
