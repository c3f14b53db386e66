using Crema.Core.Configuration;
using Crema.Core.Configuration.Reporting;
using Crema.Core.Configuration.Yaml;

namespace Crema.Tests.Configuration;

/// <summary>Locating a YAML path (as ConfigPath writes it) by following it through the parsed tree.</summary>
public sealed class SourceMapTests
{
    private const string Yaml = """
        spec:
          scaledObjects:
            - metadata:
                annotations:
                  "autoscaling.keda.sh/paused": "true"
                  'say "hi"': x
              spec:
                triggers:
                  - type: cron
                  - type: prometheus
                    metadata: {threshold: "5"}
        """;

    private static SourceMap Map()
    {
        var root = YamlTreeReader.Read(Yaml, new DiagnosticBag("crema.yaml"), ConfigLimits.Default).ShouldNotBeNull();
        return new SourceMap(root);
    }

    [Theory]
    [InlineData("", 1, 1)]
    [InlineData("spec.scaledObjects", 3, 5)]
    [InlineData("spec.scaledObjects[0].spec.triggers[1]", 10, 13)]
    [InlineData("spec.scaledObjects[0].spec.triggers[1].metadata.threshold", 11, 35)]
    [InlineData("spec.scaledObjects[0].metadata.annotations[\"autoscaling.keda.sh/paused\"]", 5, 41)]
    [InlineData("spec.scaledObjects[0].metadata.annotations[\"say \\\"hi\\\"\"]", 6, 23)]
    public void Locate_PathInTheFile_PositionOfItsNode(string path, int line, int column)
    {
        Map().Locate(path).ShouldBe(new SourcePosition(line, column));
    }

    [Theory]
    [InlineData("spec.scaledObjects[0].spec.triggers[1].metadata.query", 11, 23)]
    [InlineData("spec.scaledObjects[0].spec.triggers[7].type", 9, 11)]
    [InlineData("spec.scaledObjects[0].spec.pollingInterval", 8, 9)]
    [InlineData("spec.triggerAuthentications[0]", 2, 3)]
    public void Locate_PathNotInTheFile_PositionOfItsNearestWrittenAncestor(string path, int line, int column)
    {
        Map().Locate(path).ShouldBe(new SourcePosition(line, column));
    }

    [Fact]
    public void Contains_WrittenAndMissingPaths_OnlyTheWrittenOnes()
    {
        var map = Map();

        map.Contains("spec.scaledObjects[0].spec.triggers[0].type").ShouldBeTrue();
        map.Contains("spec.scaledObjects[0].spec.triggers[0].metadata").ShouldBeFalse();
        map.Contains("spec.scaledObjects[1]").ShouldBeFalse();
    }
}
