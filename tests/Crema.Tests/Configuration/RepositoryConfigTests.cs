using Crema.Core.Configuration;
using Crema.Scalers;
using Crema.Tests.Support;

namespace Crema.Tests.Configuration;

public sealed class RepositoryConfigTests
{
    /// <summary>Every scaler's sample, samples/&lt;type&gt;/crema.yaml, found on disk so a new scaler's sample is checked without listing it.</summary>
    public static TheoryData<string> ScalerSamples()
    {
        var data = new TheoryData<string>();
        foreach (var path in Directory.GetFiles(Path.Combine(RepositoryRoot.Path, "samples"), "crema.yaml", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            data.Add(Path.GetRelativePath(RepositoryRoot.Path, path).Replace('\\', '/'));
        }
        return data;
    }

    [Theory]
    [InlineData("crema.example.yaml")]
    [InlineData("samples/simulations/burst/config.yaml")]
    [InlineData("samples/simulations/failing-source-fallback/config.yaml")]
    [InlineData("samples/simulations/flapping/config.yaml")]
    [InlineData("samples/simulations/idle-to-zero/config.yaml")]
    [InlineData("samples/simulations/quality/config.yaml")]
    [MemberData(nameof(ScalerSamples))]
    public void Load_CheckedInConfig_IsValidWithTheBuiltInScalers(string file)
    {
        var text = File.ReadAllText(Path.Combine(RepositoryRoot.Path, file));

        var result = ConfigLoader.Load(text, file, BuiltInScalers.CreateRegistry());

        result.Errors.ShouldBeEmpty(ConfigTestHelper.Describe(result));
        result.Warnings.ShouldBeEmpty(ConfigTestHelper.Describe(result));
    }
}
