using System.Globalization;

namespace Crema.Benchmarks.Process;

/// <summary>The whole-process benchmarks by name, with their few arguments and defaults.</summary>
internal static class ProcessBenchmarks
{
    public static readonly string[] Names = ["SCALE", "REACTION", "ISOLATION", "START", "THROTTLE"];

    public static async Task<int> RunAsync(string which, string[] arguments, TextWriter output)
    {
        if (!OperatingSystem.IsLinux())
        {
            await Console.Error.WriteLineAsync("the whole-process benchmarks read /proc: Linux only").ConfigureAwait(false);
            return 2;
        }
        var numbers = arguments.Select(a => int.Parse(a, NumberStyles.None, CultureInfo.InvariantCulture)).ToArray();
        var gc = Environment.GetEnvironmentVariable("DOTNET_gcServer") switch
        {
            "1" => "server GC (DOTNET_gcServer=1)",
            "0" => "workstation GC (DOTNET_gcServer=0)",
            _ => "its configured GC (workstation, concurrent)",
        };
        output.WriteLine($"{Environment.ProcessorCount} logical cores; crema: {gc}");
        switch (which)
        {
            case "SCALE":
                foreach (var objects in numbers.Length > 0 ? numbers : [1000, 5000, 10000])
                {
                    await ScaleBenchmark.RunAsync(output, objects, TimeSpan.FromSeconds(90)).ConfigureAwait(false);
                }
                break;
            case "REACTION":
                await ReactionBenchmark.RunAsync(output, numbers.Length > 0 ? numbers[0] : 20).ConfigureAwait(false);
                break;
            case "ISOLATION":
                foreach (var slow in numbers.Length > 0 ? numbers : [0, 1, 8])
                {
                    await IsolationBenchmark.RunAsync(output, slow).ConfigureAwait(false);
                }
                break;
            case "START":
                await StartBenchmark.RunAsync(output, TimeSpan.FromSeconds(numbers.Length > 0 ? numbers[0] : 60)).ConfigureAwait(false);
                break;
            default:
                await ThrottleBenchmark.RunAsync(output, numbers.ElementAtOrDefault(0) is > 0 and var n ? n : 1000,
                    numbers.ElementAtOrDefault(1) is > 0 and var w ? w : 600, numbers.ElementAtOrDefault(2) is > 0 and var t ? t : 50).ConfigureAwait(false);
                break;
        }
        return 0;
    }
}
