using Crema.Core.Configuration;
using Crema.Scalers;
using Crema.Tests.Support;
using YamlDotNet.RepresentationModel;

namespace Crema.Tests.Cli;

public sealed class ChartValuesTests
{
    [Fact]
    public void HelmChart_DefaultConfigValue_IsAValidCremaConfig()
    {
        var path = Path.Combine(RepositoryRoot.Path, "charts", "crema", "values.yaml");
        var stream = new YamlStream();
        using (var reader = new StringReader(File.ReadAllText(path)))
        {
            stream.Load(reader);
        }
        var values = (YamlMappingNode)stream.Documents[0].RootNode;
        var config = ((YamlScalarNode)values.Children[new YamlScalarNode("config")]).Value!;

        var result = ConfigLoader.Load(config, "values.yaml#config", BuiltInScalers.CreateRegistry());

        result.Errors.ShouldBeEmpty();
    }
}
