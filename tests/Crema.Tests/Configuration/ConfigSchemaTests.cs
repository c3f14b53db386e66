using System.Text.Json.Nodes;
using Crema.Core.Configuration;
using Crema.Tests.Support;

namespace Crema.Tests.Configuration;

public sealed class ConfigSchemaTests
{
    private const string SchemaFile = "docs/crema.schema.json";

    [Fact]
    public void Generate_MatchesCheckedInSchema()
    {
        var path = Path.Combine(RepositoryRoot.Path, SchemaFile);
        var generated = ConfigSchema.Generate();
        if (Environment.GetEnvironmentVariable("CREMA_UPDATE_SCHEMA") == "1")
        {
            File.WriteAllText(path, generated + "\n");
        }

        // `crema schema` writes the text and a newline.
        var checkedIn = File.Exists(path) ? File.ReadAllText(path).ReplaceLineEndings("\n").TrimEnd('\n') : "";

        checkedIn.ShouldBe(generated, $"{SchemaFile} is stale: run `crema schema > {SchemaFile}` (or CREMA_UPDATE_SCHEMA=1 dotnet test --filter ConfigSchemaTests)");
    }

    [Fact]
    public void Generate_IsDeterministic()
    {
        ConfigSchema.Generate().ShouldBe(ConfigSchema.Generate());
    }

    [Fact]
    public void Generate_DescribesWhatTheLoaderAccepts()
    {
        var schema = JsonNode.Parse(ConfigSchema.Generate())!;

        schema["$schema"]!.GetValue<string>().ShouldBe("https://json-schema.org/draft/2020-12/schema");
        schema["properties"]!["apiVersion"]!["const"]!.GetValue<string>().ShouldBe("crema/v1");
        schema["additionalProperties"]!.GetValue<bool>().ShouldBeFalse();
        var scaledObject = schema["properties"]!["spec"]!["properties"]!["scaledObjects"]!["items"]!;
        scaledObject["properties"]!.AsObject().Select(p => p.Key).ShouldBe(["metadata", "spec", "status"]);
        scaledObject["required"]!.AsArray().Select(n => n!.GetValue<string>()).ShouldBe(["spec"]);
        var spec = scaledObject["properties"]!["spec"]!;
        spec["properties"]!["pollingInterval"]!["minimum"]!.GetValue<int>().ShouldBe(1);
        var trigger = spec["properties"]!["triggers"]!["items"]!;
        trigger["properties"]!["metadata"]!["additionalProperties"]!["type"]!.AsArray().Count.ShouldBe(4);
        trigger["properties"]!["metricType"]!["enum"]!.ToJsonString().ShouldContain("\"AverageValue\"");
        spec["properties"]!["fallback"]!["properties"]!["behavior"]!["enum"]!.ToJsonString().ShouldContain("\"currentReplicasIfHigher\"");
    }
}
