using Crema.Abstractions;

namespace Crema.Tests.Support;

/// <summary>Scaler registries for config tests, independent of the real scalers.</summary>
internal static class TestScalers
{
    /// <summary>github-runner and cpu/memory accept anything; prometheus requires serverAddress, query and threshold.</summary>
    public static ScalerRegistry Registry(params IScalerFactory[] extra) => new(
    [
        new TestScalerFactory("github-runner") { AcceptAnyKey = true },
        new TestScalerFactory("prometheus") { RequiredKeys = ["serverAddress", "query", "threshold"], OptionalKeys = ["activationThreshold"] },
        new TestScalerFactory("cpu") { AcceptAnyKey = true },
        new TestScalerFactory("memory") { AcceptAnyKey = true },
        .. extra,
    ]);
}
