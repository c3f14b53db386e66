using Crema.Core.Configuration;
using Crema.Scalers;
using Crema.Tests.Support;

namespace Crema.Tests.Configuration;

public sealed class RepositoryConfigTests
{
    [Theory]
    [InlineData("crema.example.yaml")]
    [InlineData("samples/simulations/burst/config.yaml")]
    [InlineData("samples/simulations/failing-source-fallback/config.yaml")]
    [InlineData("samples/simulations/flapping/config.yaml")]
    [InlineData("samples/simulations/idle-to-zero/config.yaml")]
    public void Load_CheckedInConfig_IsValidWithTheBuiltInScalers(string file)
    {
        var text = File.ReadAllText(Path.Combine(RepositoryRoot.Path, file));

        var result = ConfigLoader.Load(text, file, BuiltInScalers.CreateRegistry());

        result.Errors.ShouldBeEmpty(ConfigTestHelper.Describe(result));
        result.Warnings.ShouldBeEmpty(ConfigTestHelper.Describe(result));
    }
}
