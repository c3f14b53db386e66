using System.Globalization;
using Xunit.Abstractions;

namespace Crema.Tests.Fuzzing;

/// <summary>
/// Every parser of untrusted text, fed generated and mutated inputs: none may throw an undocumented
/// exception type, hang, or allocate without bound. A small fixed-seed sample runs with the suite;
/// <c>scripts/fuzz.sh</c> runs the long one (CREMA_FUZZ_INPUTS per target, CREMA_FUZZ_TARGETS a comma-separated
/// selection of target names, CREMA_FUZZ_SEED, CREMA_FUZZ_REPORT).
/// </summary>
public sealed class FuzzTests(ITestOutputHelper output)
{
    /// <summary>Inputs per target in the normal suite: about 12,000 in all, well under a minute.</summary>
    private const int SampleInputs = 300;

    /// <summary>Every target, or those CREMA_FUZZ_TARGETS names (comma-separated; an unknown name fails the run).</summary>
    public static TheoryData<string> Targets() => [.. FuzzTargets.Select(Environment.GetEnvironmentVariable("CREMA_FUZZ_TARGETS"))];

    [Theory]
    [MemberData(nameof(Targets))]
    public void Fuzz_GeneratedAndMutatedInputs_OnlyDocumentedErrorsNoHangBoundedMemory(string target)
    {
        var count = int.TryParse(Environment.GetEnvironmentVariable("CREMA_FUZZ_INPUTS"), NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : SampleInputs;
        var seed = ulong.TryParse(Environment.GetEnvironmentVariable("CREMA_FUZZ_SEED"), NumberStyles.None, CultureInfo.InvariantCulture, out var s) ? s : 20250601;

        var report = FuzzTargets.Get(target).Run(count, seed);

        output.WriteLine($"{report} (seed {seed})");
        if (Environment.GetEnvironmentVariable("CREMA_FUZZ_REPORT") is { Length: > 0 } file)
        {
            File.AppendAllText(file, $"{report} (seed {seed})\n");
        }
        report.Inputs.ShouldBe(count);
        report.FailureCount.ShouldBe(0, string.Join("\n\n", report.Failures));
    }
}
