namespace Crema.Tests.Fuzzing;

/// <summary>What one fuzz run of one target saw: inputs tried, the failing ones (first few), the most one input allocated.</summary>
internal sealed record FuzzReport(string Target, int Inputs, IReadOnlyList<FuzzFailure> Failures, int FailureCount, long MaxAllocatedBytes, TimeSpan Elapsed)
{
    public override string ToString() =>
        $"{Target}: {Inputs} inputs, {FailureCount} failures, max {MaxAllocatedBytes / 1024.0 / 1024:0.0} MiB allocated by one input, {Elapsed.TotalSeconds:0.0} s";
}
