using System.Text;
using Crema.Core.Configuration;
using Crema.Tests.Support;
using static Crema.Tests.Configuration.ConfigTestHelper;

namespace Crema.Tests.Configuration;

public sealed class ConfigLimitsTests
{
    [Fact]
    public void Load_BillionLaughs_IsRefusedNamingTheLimitAndHowToRaiseIt()
    {
        var yaml = new StringBuilder("apiVersion: crema/v1\nkind: CremaConfig\na0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol, lol]\n");
        for (var i = 1; i < 10; i++)
        {
            yaml.Append($"a{i}: &a{i} [{string.Join(", ", Enumerable.Repeat($"*a{i - 1}", 10))}]\n");
        }
        yaml.Append("spec: {}\n");

        var result = Load(yaml.ToString());

        var error = result.Errors.ShouldHaveSingleItem();
        error.Message.ShouldContain("aliases expand to more than 1,000,000 nodes");
        error.Message.ShouldContain(ConfigLimits.MaxAliasNodesVariable);
        error.Line.ShouldBeGreaterThan(3);
        result.Config.ShouldBeNull();
    }

    [Fact]
    public void Load_AliasesWithinARaisedLimit_AreRead()
    {
        var yaml = "apiVersion: crema/v1\nkind: CremaConfig\nx: &x [a, b, c, d]\ny: [*x, *x, *x]\nspec: {}\n";

        var refused = ConfigLoader.Load(yaml, FileName, TestScalers.Registry(), limits: new ConfigLimits { MaxAliasNodes = 14 });
        var read = ConfigLoader.Load(yaml, FileName, TestScalers.Registry(), limits: new ConfigLimits { MaxAliasNodes = 15 });

        refused.Errors.ShouldHaveSingleItem().Message.ShouldContain("more than 14 nodes");
        read.Errors.ShouldNotContain(e => e.Message.Contains("aliases expand", StringComparison.Ordinal));
    }

    [Fact]
    public void Load_TenThousandScaledObjects_IsRead()
    {
        var yaml = new StringBuilder("apiVersion: crema/v1\nkind: CremaConfig\nspec:\n  scaledObjects:\n");
        for (var i = 0; i < 10_000; i++)
        {
            yaml.Append($"""
                    - spec:
                        scaleTargetRef: {"{"}name: projects/p{i / 1000}/locations/us-central1/workerPools/pool-{i}{"}"}
                        minReplicaCount: 0
                        maxReplicaCount: 20
                        triggers:
                          - type: github-runner
                            name: queue
                            metadata: {"{"}owner: acme, repos: "repo-{i}", targetWorkflowQueueLength: "2"{"}"}

                """);
        }

        var result = Load(yaml.ToString());

        Encoding.UTF8.GetByteCount(yaml.ToString()).ShouldBeGreaterThan(2 * 1024 * 1024, "well past the old 1 MiB limit");
        result.Errors.ShouldBeEmpty();
        result.Config!.Spec.ScaledObjects.Count.ShouldBe(10_000);
    }

    [Fact]
    public void Load_DeepNesting_IsRefused()
    {
        var yaml = "apiVersion: crema/v1\nkind: CremaConfig\nspec: {x: " + new string('[', 200) + new string(']', 200) + "}\n";

        Load(yaml).Errors.ShouldHaveSingleItem().Message.ShouldContain("nests deeper than 64 levels");
    }

    [Fact]
    public void Load_DeepNestingThroughAliases_IsRefused()
    {
        var deep = new string('[', 40) + new string(']', 40);
        var yaml = $"apiVersion: crema/v1\nkind: CremaConfig\nx: &d {deep}\nspec: {{y: {new string('[', 30)}*d{new string(']', 30)}}}\n";

        Load(yaml).Errors.ShouldHaveSingleItem().Message.ShouldContain("nests deeper than 64 levels");
    }

    [Fact]
    public void Load_FileOverTheSizeLimit_IsRefusedNamingTheLimitAndHowToRaiseIt()
    {
        var yaml = "apiVersion: crema/v1\nkind: CremaConfig\nspec: {}\n#" + new string('x', 2000);

        var error = ConfigLoader.Load(yaml, FileName, TestScalers.Registry(), limits: new ConfigLimits { MaxBytes = 1000 }).Errors.ShouldHaveSingleItem();

        error.Message.ShouldContain("more than the limit of 1,000 bytes");
        error.Message.ShouldContain(ConfigLimits.MaxBytesVariable);
    }

    [Fact]
    public void FromEnvironment_RaisedAndInvalidValues_RaiseOrNameTheVariable()
    {
        var raised = ConfigLimits.FromEnvironment(name => name == ConfigLimits.MaxBytesVariable ? "104857600" : null, out var none);
        var invalid = ConfigLimits.FromEnvironment(name => name == ConfigLimits.MaxAliasNodesVariable ? "lots" : null, out var problem);

        raised.MaxBytes.ShouldBe(100 * 1024 * 1024);
        raised.MaxAliasNodes.ShouldBe(ConfigLimits.Default.MaxAliasNodes);
        none.ShouldBeNull();
        invalid.MaxAliasNodes.ShouldBe(ConfigLimits.Default.MaxAliasNodes);
        problem.ShouldBe($"{ConfigLimits.MaxAliasNodesVariable} must be a whole number above 0, got \"lots\"");
    }

    [Fact]
    public void Load_UndefinedAlias_IsReported()
    {
        Load("apiVersion: crema/v1\nkind: CremaConfig\nspec: *nope\n").Errors.ShouldHaveSingleItem().Message.ShouldContain("nope");
    }
}
